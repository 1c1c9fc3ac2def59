import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isHandEdited, serializeEvent } from '../../src/markdown/serialize.js';
import { parseEventMarkdown } from '../../src/markdown/parse.js';
import type { PressEvent } from '../../src/model/types.js';

function event(paragraphs: string[], title = '记者会'): PressEvent {
  return {
    meta: { id: '2021-03-07', date: '2021-03-07', year: 2021, title, language: 'zh-CN', sources: [{ file: 'a.txt', role: 'primary' }] },
    highlights: [{ text: '- 要点：不结盟、不对抗', source: 'b.txt' }],
    turns: [
      { kind: 'opening', speaker: '王毅', paragraphs: ['各位记者朋友，大家好！'] },
      { kind: 'question', paragraphs: ['您如何评价？'], question: { id: '2021-01', seq: 1, label: '新加坡《海峡时报》记者', outlet: '新加坡《海峡时报》', title: '您如何评价？', topics: ['中美', '多边/联合国'] } },
      { kind: 'answer', speaker: '王毅', paragraphs },
    ],
  };
}

function strip(ev: PressEvent) {
  const { hash: _h, ...meta } = ev.meta;
  return { ...ev, meta };
}

describe('canonical Markdown round trip', () => {
  it('keeps text that looks like Markdown or directives literal', () => {
    const tricky = ['1. 第一点 *强调* _下划线_ [链接](x) <b>标签</b> & 10+3 2.5亿 5G', '# 不是标题', '- 不是列表', 'note:abc 与 :::question 与 \\反斜杠 `代码` ~删除~ |表格|', '> 不是引用', '"引号" 与 “全角引号”'];
    const ev = event(tricky);
    const back = parseEventMarkdown(serializeEvent(ev), 'x.md').event;
    expect(strip(back)).toEqual(ev);
  });

  it('round-trips arbitrary printable text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1 }).map((s) => s.replace(/[\r\n\t]/g, '').trim()).filter((s) => s.length > 0), { minLength: 1, maxLength: 4 }), (paras) => {
        const ev = event(paras);
        expect(strip(parseEventMarkdown(serializeEvent(ev), 'x.md').event)).toEqual(ev);
      }),
      { numRuns: 200 },
    );
  });

  it('detects hand edits through the hash', () => {
    const md = serializeEvent(event(['原文。']));
    expect(isHandEdited(md)).toBe(false);
    expect(isHandEdited(md.replace('原文。', '改过的原文。'))).toBe(true);
  });

  it('reports stray text with file and line', () => {
    const md = serializeEvent(event(['原文。'])) + '\n游离的段落\n';
    expect(() => parseEventMarkdown(md, 'book/2021.md')).toThrowError(/book\/2021\.md:\d+: text outside a turn block/);
  });
});
