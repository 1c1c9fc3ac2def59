/**
 * reflow and the closing narration ("记者会历时…"), the list-bullet and opener patterns (written
 * against the survivors of StrykerJS runs; see docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { reflow } from '../../src/ingest/rules/reflow.js';
import { displayWidth } from '../../src/ingest/text.js';

const L = (text: string) => text.split('\n').map((t, i) => ({ text: t, src: i + 1 }));
const texts = (r: { lines: { text: string }[] }) => r.lines.map((l) => l.text);
const speakers = new Set(['王毅']);

describe('reflow: the closing narration', () => {
  it('a narration cut by the column goes on to its end, then stands alone (columns)', () => {
    const src = '王毅：我们愿同各方一道，推动构建人类命运共同体，谢谢大家。\n记者会历时1小时40分钟，中外记者约\n800人参加。\n新华社北京3月8日电';
    expect(texts(reflow(L(src), 'f', 'columns', speakers))).toEqual(['王毅：我们愿同各方一道，推动构建人类命运共同体，谢谢大家。', '记者会历时1小时40分钟，中外记者约800人参加。', '新华社北京3月8日电']);
  });

  it('a hard-wrapped narration is one paragraph (paragraphs)', () => {
    expect(texts(reflow(L('王毅：谢谢大家。\n记者会历时1小时40分钟，中外记者\n约800人参加。'), 'f', 'paragraphs', speakers))).toEqual(['王毅：谢谢大家。', '记者会历时1小时40分钟，中外记者约800人参加。']);
  });

  it('a finished narration on a full-width line still ends its paragraph (columns)', () => {
    const src = '王毅：中方愿同各方一道，推动构建人类命运共同体，谢谢。\n记者会历时1小时40分钟，共回答了二十一个问题。\n新华社北京3月8日电';
    expect(texts(reflow(L(src), 'f', 'columns', speakers))).toEqual(['王毅：中方愿同各方一道，推动构建人类命运共同体，谢谢。', '记者会历时1小时40分钟，共回答了二十一个问题。', '新华社北京3月8日电']);
  });
});

describe('reflow: the closing narration in a word-segmented source', () => {
  it('the line after the narration is not glued to it', () => {
    const r = reflow(L('王毅：谢谢。\n记者会历时1小时40分钟。\n新华社北京3月8日电'), 'f', 'segmented', speakers);
    expect(texts(r)).toEqual(['王毅：谢谢。', '记者会历时1小时40分钟。', '新华社北京3月8日电']);
  });
});

describe('reflow: patterns anchored at the start of a line', () => {
  it('a spaced dash inside an English line is no list bullet', () => {
    const r = reflow(L('A: The China - EU summit will be held in Brussels.'), 'f', 'paragraphs', speakers);
    expect(texts(r)).toEqual(['A: The China - EU summit will be held in Brussels.']);
    expect(r.bullets).toBe(0);
    expect(r.diags).toEqual([]);
  });

  it('segmented: an opener word inside a sentence does not start a paragraph', () => {
    const s150 = '王毅：' + '中'.repeat(146) + '。';
    expect(texts(reflow(L(`${s150}\n这是我们的一贯立场。`), 'f', 'segmented', speakers))).toEqual([`${s150}这是我们的一贯立场。`]);
  });
});

describe('reflow: the short-line rule of hard-wrapped columns', () => {
  // a column of 40 (20 full-width characters): a line that ends a sentence ends its paragraph only
  // when it is shorter than 80 % of the column (32); at 32 it may have been cut by the column
  const full = ['中方一贯主张通过对话协商来和平解决争端，', '各方应当保持冷静克制，避免采取可能导致局', '势紧张升级的行动，共同维护地区和平稳定。'];
  const next = '我们将继续为此作出努力，推动问题的解决。';
  it('a line of exactly 80 % of the column goes on; a shorter one ends the paragraph', () => {
    for (const l of [...full, next]) expect(displayWidth(l), l).toBe(40);
    const at80 = '这完全符合各方的共同利益和期待。';
    const under = '这也符合各方的共同利益和期待。';
    expect([displayWidth(at80), displayWidth(under)]).toEqual([32, 30]);
    expect(texts(reflow(L([...full, at80, next].join('\n')), 'f', 'columns', speakers))).toEqual([full.join('') + at80 + next]);
    expect(texts(reflow(L([...full, under, next].join('\n')), 'f', 'columns', speakers))).toEqual([full.join('') + under, next]);
  });
});
