/**
 * The head rule alone (src/ingest/rules/head.ts): title lines and digest headline bullets above a
 * transcript, lines out exact, with every message (reason, line, removed text, severity). Written
 * against the rule's surviving mutants (docs/mutation.md); the fragments are the heads of real
 * pages (the 2019 NPC press conference of Wang Yi, the MFA digests).
 */
import { describe, expect, it } from 'vitest';
import { createContext, runRule } from '../../src/ingest/rules/rule.js';
import { head, headRule } from '../../src/ingest/rules/head.js';

const L = (...t: string[]) => t.map((text, i) => ({ text, src: i + 1 }));
const msgs = (r: { diags: { message: string; line: number; removed?: string; severity: string }[] }) => r.diags.map((d) => [d.message, d.line, d.removed, d.severity]);
const none = new Set<string>();
const TITLE = 'title line moved to metadata';

describe('head rule: titles', () => {
  it('moves the title block above the transcript to metadata, one info message per line, and stops at the prose', () => {
    const r = head(L('', '就中国外交政策和对外关系', '国务委员兼外交部长王毅回答中外记者提问', '', '王毅：很高兴和大家见面。', '', '第二段'), 'f', new Set(['王毅']));
    expect(r.titles).toEqual(['就中国外交政策和对外关系', '国务委员兼外交部长王毅回答中外记者提问']);
    expect(r.bullets).toEqual([]);
    expect(r.lines).toEqual([
      { text: '', src: 1 },
      { text: '', src: 2 },
      { text: '', src: 3 },
      { text: '', src: 4 },
      { text: '王毅：很高兴和大家见面。', src: 5 },
      { text: '', src: 6 },
      { text: '第二段', src: 7 },
    ]);
    expect(msgs(r)).toEqual([
      [TITLE, 2, '就中国外交政策和对外关系', 'info'],
      [TITLE, 3, '国务委员兼外交部长王毅回答中外记者提问', 'info'],
    ]);
    expect(r.fixes).toBe(2);
  });

  it('takes several title blocks one after the other, trimmed, and leaves an input of blanks alone', () => {
    const r = head(L('  两会记者会  ', '', '外交部长答记者问', '', '问：请介绍一下。'), 'f', none);
    expect(r.titles).toEqual(['两会记者会', '外交部长答记者问']);
    expect(r.lines.map((l) => l.text)).toEqual(['', '', '', '', '问：请介绍一下。']);
    expect(msgs(r)).toEqual([
      [TITLE, 1, '  两会记者会  ', 'info'],
      [TITLE, 3, '外交部长答记者问', 'info'],
    ]);
    const blank = head(L('', ''), 'f', none);
    expect(blank).toMatchObject({ lines: [{ text: '', src: 1 }, { text: '', src: 2 }], titles: [], bullets: [], diags: [], fixes: 0 });
    expect(head([], 'f', none)).toMatchObject({ lines: [], titles: [], diags: [], fixes: 0 });
  });

  it('a block of three lines may be a title, of four not', () => {
    expect(head(L('甲标题', '乙标题', '丙标题', '', '正文。'), 'f', none).titles).toEqual(['甲标题', '乙标题', '丙标题']);
    const four = head(L('甲标题', '乙标题', '丙标题', '丁标题', '', '正文。'), 'f', none);
    expect(four.titles).toEqual([]);
    expect(four.lines.map((l) => l.text)).toEqual(['甲标题', '乙标题', '丙标题', '丁标题', '', '正文。']);
    expect(four.diags).toEqual([]);
    expect(four.fixes).toBe(0);
  });

  it('a title is at most 60 characters', () => {
    const t60 = '中'.repeat(60);
    expect(head(L(t60, '', '正文。'), 'f', none).titles).toEqual([t60]);
    const t61 = '中'.repeat(61);
    const r = head(L(t61, '', '正文。'), 'f', none);
    expect(r.titles).toEqual([]);
    expect(r.lines[0]!.text).toBe(t61);
  });

  it('a line that ends a sentence, holds 。 ； ; , is a dateline or a speaker label is no title, and ends the head', () => {
    for (const t of ['外交部发言人答记者问。', '中方立场；各方关切', 'China; and the world', '新华社北京3月7日电', '新华社北京12月17日电 记者', '王毅：欢迎']) {
      const r = head(L(t, '', '外交部长答记者问'), 'f', new Set(['王毅']));
      expect(r.titles, t).toEqual([]);
      expect(r.lines.map((l) => l.text), t).toEqual([t, '', '外交部长答记者问']);
      expect(r.diags, t).toEqual([]);
    }
    // the same lines after a title: the title is taken, the head ends there
    const r = head(L('外交部长答记者问', '', '新华社北京3月7日电', '', '另一行'), 'f', none);
    expect(r.titles).toEqual(['外交部长答记者问']);
    expect(r.lines.map((l) => l.text)).toEqual(['', '', '新华社北京3月7日电', '', '另一行']);
  });

  it('a short line with ，！？ is a title in paragraphs, not when the source is hard-wrapped and the line is full width', () => {
    expect(head(L('团结合作，共创未来', '', '正文。'), 'f', none).titles).toEqual(['团结合作，共创未来']);
    // not only at the first line of the input
    expect(head(L('', '', '团结合作，共创未来', '', '正文。'), 'f', none).titles).toEqual(['团结合作，共创未来']);
    expect(head(L('Peace, and development', '', '正文。'), 'f', none).titles).toEqual(['Peace, and development']);
    expect(head(L('何去何从？世界与中国', '', '正文。'), 'f', none).titles).toEqual(['何去何从？世界与中国']);
    expect(head(L('携手前行！', '', '正文。'), 'f', none).titles).toEqual([]); // ends a sentence
    // wrap 20: '团结合作，共创未来' is 18 wide — full (≥ wrap − 2): a fragment of prose
    const full = head(L('团结合作，共创未来', '', '正文。'), 'f', none, { wrap: 20 });
    expect(full.titles).toEqual([]);
    expect(full.lines[0]!.text).toBe('团结合作，共创未来');
    // wrap 21: 18 < 19, not full — a title
    expect(head(L('团结合作，共创未来', '', '正文。'), 'f', none, { wrap: 21 }).titles).toEqual(['团结合作，共创未来']);
  });

  it('segmented sources: each line is its own block, so a title right above the prose is taken', () => {
    const seg = head(L('外交部长答记者问', '王毅：很高兴和大家见面。', '第二行'), 'f', new Set(['王毅']), { segmented: true });
    expect(seg.titles).toEqual(['外交部长答记者问']);
    expect(seg.lines.map((l) => l.text)).toEqual(['', '王毅：很高兴和大家见面。', '第二行']);
    expect(msgs(seg)).toEqual([[TITLE, 1, '外交部长答记者问', 'info']]);
    // in paragraphs the same lines are one block with prose in it: nothing taken
    const par = head(L('外交部长答记者问', '王毅：很高兴和大家见面。', '第二行'), 'f', new Set(['王毅']));
    expect(par.titles).toEqual([]);
    expect(par.lines.map((l) => l.text)).toEqual(['外交部长答记者问', '王毅：很高兴和大家见面。', '第二行']);
  });

  it('hard-wrapped: a title cut at the column is joined again, reported line by line', () => {
    // column 20: the first line is 20 wide (full), the second continues it
    const r = head(L('国务委员兼外交部长王', '毅回答中外记者提问', '', '王毅：很高兴和大家见面。'), 'f', new Set(['王毅']), { wrap: 20 });
    expect(r.titles).toEqual(['国务委员兼外交部长王毅回答中外记者提问']);
    expect(r.lines.map((l) => l.text)).toEqual(['', '', '', '王毅：很高兴和大家见面。']);
    expect(msgs(r)).toEqual([
      [TITLE, 1, '国务委员兼外交部长王', 'info'],
      [TITLE, 2, '毅回答中外记者提问', 'info'],
    ]);
    // a joined title with a comma was cut by the column: prose
    const c = head(L('国务委员兼外交部长，', '毅回答中外记者提问', '', '正文。'), 'f', none, { wrap: 20 });
    expect(c.titles).toEqual([]);
    // without the wrap the two lines are two titles
    expect(head(L('国务委员兼外交部长王', '毅回答中外记者提问', '', '正文。'), 'f', none).titles).toEqual(['国务委员兼外交部长王', '毅回答中外记者提问']);
    // a line 3 narrower than the column is not full: two titles
    expect(head(L('国务委员兼外交部', '毅回答中外记者提问', '', '正文。'), 'f', none, { wrap: 19 }).titles).toEqual(['国务委员兼外交部', '毅回答中外记者提问']);
  });

  it('columns layout without a given wrap measures the column from the lines', () => {
    // 4 lines of 20 columns: the wrap is 20, so the first two lines make one title
    const lines = L('国务委员兼外交部长王', '毅回答中外记者提问', '', '王毅：今天很高兴和大', '家见面，我们开始吧。', '问：请问部长怎样看待', '今年的国际形势呢？');
    const ctx = createContext('f', { layout: { base: 'columns', digestHead: false }, speakers: new Set(['王毅']) });
    const out = runRule(headRule, lines, ctx);
    expect(ctx.out.titles).toEqual(['国务委员兼外交部长王毅回答中外记者提问']);
    expect(out.map((l) => l.text)).toEqual(['', '', '', '王毅：今天很高兴和大', '家见面，我们开始吧。', '问：请问部长怎样看待', '今年的国际形势呢？']);
    expect(ctx.out.fixes).toEqual({ head: 1 });
    // in paragraphs (no wrap) the same head is two titles
    const p = createContext('f', { speakers: new Set(['王毅']) });
    runRule(headRule, lines, p);
    expect(p.out.titles).toEqual(['国务委员兼外交部长王', '毅回答中外记者提问']);
    // a given wrap wins over the measured one
    const w = createContext('f', { layout: { base: 'columns', digestHead: false }, wrap: 40, speakers: new Set(['王毅']) });
    runRule(headRule, lines, w);
    expect(w.out.titles).toEqual(['国务委员兼外交部长王', '毅回答中外记者提问']);
  });
});

describe('head rule: digest headline bullets', () => {
  it('moves a block of bullets to highlights, one warning-free message each, the marker and spaces dropped', () => {
    const r = head(L('- 乌克兰问题：中方立场一贯', '•中美关系', '●  气候变化', '▪ 一', '■ 二', '◆ 三', '· 四', '', '问：请介绍。'), 'f', none);
    expect(r.bullets).toEqual([
      { text: '乌克兰问题：中方立场一贯', src: 1 },
      { text: '中美关系', src: 2 },
      { text: '气候变化', src: 3 },
      { text: '一', src: 4 },
      { text: '二', src: 5 },
      { text: '三', src: 6 },
      { text: '四', src: 7 },
    ]);
    expect(r.titles).toEqual([]);
    expect(r.lines.map((l) => l.text)).toEqual(['', '', '', '', '', '', '', '', '问：请介绍。']);
    expect(r.lines.map((l) => l.src)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.diags.map((d) => [d.message, d.line, d.removed])).toEqual([
      ['digest headline bullet moved to highlights: 乌克兰问题：中方立场一贯', 1, undefined],
      ['digest headline bullet moved to highlights: 中美关系', 2, undefined],
      ['digest headline bullet moved to highlights: 气候变化', 3, undefined],
      ['digest headline bullet moved to highlights: 一', 4, undefined],
      ['digest headline bullet moved to highlights: 二', 5, undefined],
      ['digest headline bullet moved to highlights: 三', 6, undefined],
      ['digest headline bullet moved to highlights: 四', 7, undefined],
    ]);
    expect(r.fixes).toBe(7);
  });

  it('after bullets, a title-like block is not a title; a bare marker is no bullet; a dash inside a line is no marker', () => {
    const r = head(L('- 中美关系', '', '外交部长答记者问', '', '正文。'), 'f', none);
    expect(r.bullets).toEqual([{ text: '中美关系', src: 1 }]);
    expect(r.titles).toEqual([]);
    expect(r.lines.map((l) => l.text)).toEqual(['', '', '外交部长答记者问', '', '正文。']);
    // a bullet block with a bare marker: not bullets (a short title-like block instead)
    const bare = head(L('- 中美关系', '-', '', '正文。'), 'f', none);
    expect(bare.bullets).toEqual([]);
    expect(bare.titles).toEqual(['- 中美关系', '-']);
    // a hyphen inside the line
    const mid = head(L('中美关系-未来', '', '正文。'), 'f', none);
    expect(mid.bullets).toEqual([]);
    expect(mid.titles).toEqual(['中美关系-未来']);
    // bullets then a more bullet block: both taken
    const two = head(L('- 甲', '', '- 乙', '', '正文。'), 'f', none);
    expect(two.bullets.map((b) => b.text)).toEqual(['甲', '乙']);
  });

  it('a block mixing bullets and prose is neither', () => {
    const r = head(L('- 中美关系', '外交部长答记者问', '', '正文。'), 'f', none);
    expect(r.bullets).toEqual([]);
    // title-like (two short lines) in paragraphs: titles, marker kept
    expect(r.titles).toEqual(['- 中美关系', '外交部长答记者问']);
    const p = head(L('- 中美关系', '王毅：欢迎大家。', '', '正文。'), 'f', new Set(['王毅']));
    expect(p.bullets).toEqual([]);
    expect(p.titles).toEqual([]);
    expect(p.diags).toEqual([]);
  });

  it('hard-wrapped: a line of a bullet block that is not a bullet continues the bullet', () => {
    const r = head(L('- 乌克兰问题：中方立场', '一贯明确', '- 中美关系', '', '正文。'), 'f', none, { wrap: 40 });
    expect(r.bullets).toEqual([
      { text: '乌克兰问题：中方立场一贯明确', src: 1 },
      { text: '中美关系', src: 3 },
    ]);
    expect(r.lines.map((l) => l.text)).toEqual(['', '', '', '', '正文。']);
    expect(r.diags.map((d) => [d.message, d.line])).toEqual([
      ['digest headline bullet moved to highlights: 乌克兰问题：中方立场一贯明确', 1],
      ['digest headline bullet moved to highlights: 中美关系', 3],
    ]);
    // a block whose first line is no bullet is no bullet block: its lines are not joined
    const t = head(L('外交部长', '答记者问', '', '正文。'), 'f', none, { wrap: 40 });
    expect(t.titles).toEqual(['外交部长', '答记者问']);
  });

  it("a bullet's trailing spaces are dropped; in a segmented source the line after the bullets stays", () => {
    const r = head(L('- 中美关系  ', '● 气候变化\u3000', '问：请介绍。'), 'f', none, { segmented: true });
    expect(r.bullets).toEqual([{ text: '中美关系', src: 1 }, { text: '气候变化', src: 2 }]);
    expect(r.lines).toEqual([{ text: '', src: 1 }, { text: '', src: 2 }, { text: '问：请介绍。', src: 3 }]);
    // the same at the end of the input
    expect(head(L('', '- 中美关系'), 'f', none).lines).toEqual([{ text: '', src: 1 }, { text: '', src: 2 }]);
  });

  it('a bullet continued over two lines with a comma, in a block that is no bullet list, is no title', () => {
    // hard-wrapped (column 40): "- 中美关系，" continues on the next line; the bare marker makes the block no bullet list
    const r = head(L('- 中美关系，', '合作共赢', '-', '', '正文。'), 'f', none, { wrap: 40 });
    expect(r.bullets).toEqual([]);
    expect(r.titles).toEqual([]);
    expect(r.lines.map((l) => l.text)).toEqual(['- 中美关系，', '合作共赢', '-', '', '正文。']);
  });

  it('is a lines rule that always applies', () => {
    expect(headRule.name).toBe('head');
    expect(headRule.stage).toBe('lines');
    expect(headRule.applies(createContext('f', { layout: { base: 'digest', digestHead: false } }))).toBe(true);
  });
});
