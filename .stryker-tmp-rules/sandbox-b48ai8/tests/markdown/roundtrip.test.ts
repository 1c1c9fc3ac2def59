import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isHandEdited, serializeEvent } from '../../src/markdown/serialize.js';
import { parseEventMarkdown } from '../../src/markdown/parse.js';
import type { PressEvent } from '../../src/model/types.js';
import { richEvent } from '../helpers/events.js';
import { readMarkdownFolder } from '../../src/markdown/folder.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function event(paragraphs: string[], title = '记者会'): PressEvent {
  return {
    meta: { id: '2021-03-07', date: '2021-03-07', year: 2021, title, language: 'zh-CN', sources: [{ file: 'a.txt', role: 'primary' }] },
    highlights: [{ text: '- 要点：不结盟、不对抗', source: 'b.txt' }],
    turns: [
      { kind: 'opening', speaker: '王毅', paragraphs: ['各位记者朋友，大家好！'] },
      { kind: 'question', paragraphs: ['您如何评价？'], question: { id: '2021-03-07-01', seq: 1, label: '新加坡《海峡时报》记者', outlet: '新加坡《海峡时报》', title: '您如何评价？', topics: ['中美', '多边/联合国'] } },
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
    expect(() => parseEventMarkdown(md, 'book/2021.md')).toThrowError(/book\/2021\.md:\d+:\d+: text outside a turn block/);
  });
});

describe('canonical Markdown: follow-ups, interjections, announcements (format 2)', () => {
  it('round-trips every turn kind with event-scoped ids', () => {
    const ev = richEvent();
    const md = serializeEvent(ev);
    expect(md).toMatch(/^pressbook: 2$/m);
    expect(md).toContain(':::announcement{speaker="华春莹"}');
    expect(md).toContain(':::question{#2021-03-07-01 seq="1"');
    expect(md).toContain(':::followup{#2021-03-07-01-f1 parent="2021-03-07-01" seq="1"');
    expect(md).toContain(':::followup{#2021-03-07-01-f2 parent="2021-03-07-01" seq="2"');
    expect(md).toContain(':::interjection{speaker="记者"}');
    expect(md).toContain(':::question{#2021-03-07-02 seq="2"');
    const back = parseEventMarkdown(md, 'x.md').event;
    expect(strip(back)).toEqual(ev);
    // a second event of the same date
    const b = richEvent('2021-03-07b');
    expect(b.turns.find((t) => t.kind === 'followup')!.question!.id).toBe('2021-03-07b-01-f1');
    expect(strip(parseEventMarkdown(serializeEvent(b), 'b.md').event)).toEqual(b);
  });

  const md = () => serializeEvent(richEvent());
  const parse = (text: string) => () => parseEventMarkdown(text, 'book/2021-03-07.md');

  it('rejects a follow-up that does not follow a question, naming file:line:column', () => {
    const text = md().replace(/:::question\{#2021-03-07-01 [^\n]*\n[^\n]*\n:::\n\n/, '');
    expect(parse(text)).toThrowError(/book\/2021-03-07\.md:\d+:1: follow-up "2021-03-07-01-f1" does not follow a question/);
  });

  it('rejects a follow-up placed under another question', () => {
    const text = md().replace('#2021-03-07-01-f2 parent="2021-03-07-01"', '#2021-03-07-02-f2 parent="2021-03-07-02"');
    expect(parse(text)).toThrowError(/follow-up "2021-03-07-02-f2" follows question "2021-03-07-01", not "2021-03-07-02"/);
    const wrongParent = md().replace('#2021-03-07-01-f2 parent="2021-03-07-01"', '#2021-03-07-01-f2 parent="2021-03-07-02"');
    expect(parse(wrongParent)).toThrowError(/names parent="2021-03-07-02" but its id belongs to "2021-03-07-01"/);
  });

  it('rejects duplicate ids with the line of the first use', () => {
    const text = md().replace('#2021-03-07-02 ', '#2021-03-07-01 ');
    const line = text.split('\n').findIndex((l) => l.startsWith(':::question{#2021-03-07-01 ')) + 1;
    expect(parse(text)).toThrowError(new RegExp(`book/2021-03-07\\.md:\\d+:1: duplicate id "2021-03-07-01" \\(already used on line ${line}\\)`));
  });

  it('rejects malformed ids and ids of another event', () => {
    expect(parse(md().replace('#2021-03-07-02 ', '#2021-02 '))).toThrowError(/malformed question id "2021-02": expected 2021-03-07-NN/);
    expect(parse(md().replace('#2021-03-07-02 ', '#2021-03-08-02 '))).toThrowError(/malformed question id "2021-03-08-02"/);
    expect(parse(md().replace('#2021-03-07-02 ', '#2021-03-07-02-f1 '))).toThrowError(/malformed question id/);
    expect(parse(md().replace('#2021-03-07-01-f1 ', '#2021-03-07-01-x1 '))).toThrowError(/malformed followup id "2021-03-07-01-x1"/);
    expect(parse(md().replace(':::question{#2021-03-07-02 ', ':::question{'))).toThrowError(/:::question needs an id, e\.g\. \{#2021-03-07-01\}/);
    expect(parse(md().replace(/^id: .*$/m, 'id: 2021-03-08'))).toThrowError(/book\/2021-03-07\.md:1:1: front matter "id: 2021-03-08" is not an event id for 2021-03-07/);
  });

  it('refuses a newer format and reads format 1 by renumbering its year-scoped ids', () => {
    expect(parse(md().replace(/^pressbook: 2$/m, 'pressbook: 3'))).toThrowError(/newer pressbook \(format 3; this version reads formats 1 to 2\)/);
    const v1 = [
      '---', 'pressbook: 1', 'id: 2021-03-07', 'date: 2021-03-07', 'year: 2021', 'title: 记者会', '---', '',
      ':::question{#2021-06 seq="6" label="路透社记者" outlet="路透社"}', '问题一？', ':::', '',
      ':::answer{speaker="王毅"}', '回答一。', ':::', '',
      ':::question{#2021-07 seq="7" label="法新社记者" outlet="法新社"}', '问题二？', ':::', '',
    ].join('\n');
    const { event, file } = parseEventMarkdown(v1, 'old.md');
    expect(event.turns.filter((t) => t.question).map((t) => [t.question!.id, t.question!.seq])).toEqual([
      ['2021-03-07-01', 1],
      ['2021-03-07-02', 2],
    ]);
    expect(file.messages.map(String).join()).toMatch(/format 1 file: question ids renumbered/);
    // and saving it again writes format 2, which parses to the same event
    expect(strip(parseEventMarkdown(serializeEvent(event), 'new.md').event)).toEqual(strip(event));
  });

  it('a folder with two files of the same event id is an error naming both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-md-'));
    writeFileSync(join(dir, 'a.md'), md());
    writeFileSync(join(dir, 'b.md'), md());
    expect(() => readMarkdownFolder(dir)).toThrowError(/b\.md:1: event id "2021-03-07" is also the id of .*a\.md/);
    writeFileSync(join(dir, 'b.md'), serializeEvent(richEvent('2021-03-07b')));
    expect(readMarkdownFolder(dir).map((e) => e.meta.id)).toEqual(['2021-03-07', '2021-03-07b']);
  });
});

describe('hand-edited Markdown is parsed strictly (issue 11)', () => {
  const md = () => serializeEvent(richEvent());
  const parse = (text: string) => () => parseEventMarkdown(text, 'book/2021-03-07.md');
  const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

  it('a deleted closing ":::" that would swallow the next turns is an error with file:line', () => {
    const text = md().replace(/(:::question\{#2021-03-07-01 [^\n]*\n[^\n]*\n):::\n/, '$1\n');
    const q = lineOf(text, ':::question{#2021-03-07-01 ');
    const a = lineOf(text, ':::answer');
    expect(a).toBeGreaterThan(q);
    expect(parse(text)).toThrowError(new RegExp(`^book/2021-03-07\\.md:${a}:1: :::answer opens inside :::question of line ${q}: the closing ":::" of that block is missing`));
  });

  it('a list, a heading, a quote or a rule typed inside a turn is an error, not dropped', () => {
    const inAnswer = (extra: string) => md().replace('我们已经多次阐明立场。', `我们已经多次阐明立场。\n\n${extra}`);
    const at = (text: string, s: string) => `book/2021-03-07\\.md:${lineOf(text, s)}:1: `;
    for (const [extra, what] of [
      ['- 第一点', 'a list'],
      ['1. 第一点', 'a list'],
      ['## 小标题', 'a heading'],
      ['> 引文', 'a quote'],
      ['***', 'a rule'],
    ] as const) {
      const text = inAnswer(extra);
      expect(parse(text), extra).toThrowError(new RegExp(`^${at(text, extra)}${what} .*inside :::answer \\(line \\d+\\)`));
    }
  });

  it('inline Markdown whose characters the parser would swallow is an error with its column', () => {
    const text = md().replace('我们已经多次阐明立场。', '我们*已经*多次阐明立场。');
    const line = lineOf(text, '我们*已经*');
    expect(parse(text)).toThrowError(new RegExp(`^book/2021-03-07\\.md:${line}:3: emphasis \\(\\*…\\* or _…_\\) inside :::answer`));
    expect(parse(md().replace('我们已经多次阐明立场。', '见[链接](http://x.cn)。'))).toThrowError(/:2: a link/);
    expect(parse(md().replace('我们已经多次阐明立场。', '比分是3:0'))).toThrowError(/:5: a directive/);
    // escaped, the same characters are kept as typed
    const ok = parseEventMarkdown(md().replace('我们已经多次阐明立场。', '我们\\*已经\\*多次，比分是3\\:0'), 'x.md').event;
    expect(ok.turns.find((t) => t.kind === 'answer')!.paragraphs[0]).toBe('我们*已经*多次，比分是3:0');
  });

  it('broken front-matter YAML names the file and the line in the file', () => {
    const text = md().replace(/^title: .*$/m, 'title: [未闭合');
    expect(parse(text)).toThrowError(/^book\/2021-03-07\.md:\d+:\d+: invalid YAML in the front matter/);
    const m = /^book\/2021-03-07\.md:(\d+):/.exec((() => { try { parseEventMarkdown(text, 'book/2021-03-07.md'); return ''; } catch (e) { return (e as Error).message; } })());
    // the error is at or just after the broken line (the parser sees the unclosed flow sequence there)
    expect(Number(m![1])).toBeGreaterThanOrEqual(lineOf(text, 'title: [未闭合'));
    expect(Number(m![1])).toBeLessThanOrEqual(lineOf(text, '---') + text.split('\n').slice(1).findIndex((l) => l === '---') + 1);
  });
});

describe('parser messages', () => {
  it('readMarkdownFolder hands informational messages over as file:line:column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-md-'));
    const v1 = ['---', 'pressbook: 1', 'id: 2021-03-07', 'date: 2021-03-07', 'year: 2021', 'title: 记者会', '---', '', ':::question{#2021-06 seq="6" label="路透社记者"}', '问题？', ':::', ''].join('\n');
    writeFileSync(join(dir, '2021-03-07.md'), v1);
    const msgs: string[] = [];
    const [ev] = readMarkdownFolder(dir, (m) => msgs.push(m));
    expect(ev!.turns[0]!.question!.id).toBe('2021-03-07-01');
    expect(msgs).toEqual([expect.stringMatching(/2021-03-07\.md:1:1: format 1 file: question ids renumbered under the event \(2021-06 → 2021-03-07-01 …\)/)]);
  });
});
