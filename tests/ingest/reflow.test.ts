import { describe, expect, it } from 'vitest';
import { reflow, reflowMode, reflowRule, wrapWidth } from '../../src/ingest/rules/reflow.js';
import { createContext } from '../../src/ingest/rules/rule.js';

const L = (text: string) => text.split('\n').map((t, i) => ({ text: t, src: i + 1 }));
const speakers = new Set(['王毅']);

describe('reflow', () => {
  it('joins hard-wrapped columns and keeps real paragraph breaks', () => {
    const text = '王毅：世界当然回不到过去，因为历\n史在向前迈进。纵观世界发展史，人类正\n是在一次次抗争中得到发\n\n展和进步的。\n\n首先，全球化需要更加包容和普惠\n的发展。';
    const r = reflow(L(text), 'f', 'columns', speakers);
    expect(r.lines).toEqual([
      { text: '王毅：世界当然回不到过去，因为历史在向前迈进。纵观世界发展史，人类正是在一次次抗争中得到发展和进步的。', src: 1 },
      { text: '首先，全球化需要更加包容和普惠的发展。', src: 7 },
    ]);
    expect(r.diags.some((d) => d.severity === 'warning' && d.line === 5)).toBe(true);
  });
  it('rejoins a question split after a column break', () => {
    const r = reflow(L('美国有线电视新闻网记者：中美双\n\n方的“口水战”愈演愈烈？'), 'f', 'columns', speakers);
    expect(r.lines.map((l) => l.text)).toEqual(['美国有线电视新闻网记者：中美双方的“口水战”愈演愈烈？']);
  });
  it('breaks after a short line that ends a sentence inside a block', () => {
    const text = '开启了以电话、书信、视频为主渠道的\n“云外交”模式。\n疫情发生以来，习近平主席亲力亲\n为，以元首外交统领抗疫外交。';
    const r = reflow(L(text), 'f', 'columns', speakers);
    expect(r.lines.map((l) => l.text)).toEqual(['开启了以电话、书信、视频为主渠道的“云外交”模式。', '疫情发生以来，习近平主席亲力亲为，以元首外交统领抗疫外交。']);
  });
  it('gathers one-sentence lines of a segmented source into turns', () => {
    const text = '塔斯社记者：中俄是伙伴。\n疫情如何影响了俄中关系？\n王毅：面对疫情，中俄肩并肩。\n世界越是动荡，合作越要坚定。\n第一，要劝和促谈。\n记者会历时1小时40分钟。';
    const r = reflow(L(text), 'f', 'segmented', speakers);
    expect(r.lines.map((l) => l.text)).toEqual([
      '塔斯社记者：中俄是伙伴。疫情如何影响了俄中关系？',
      '王毅：面对疫情，中俄肩并肩。世界越是动荡，合作越要坚定。',
      '第一，要劝和促谈。',
      '记者会历时1小时40分钟。',
    ]);
    expect(r.lines.map((l) => l.src)).toEqual([1, 3, 5, 6]);
  });
  it('joins paragraphs split by a removed caption and drops list bullets', () => {
    const r = reflow(L('习近平主席在\n\n\n\n2017年达沃斯演讲中阐述了看法。\n- 一是对接；\n- 二是合作。'), 'f', 'paragraphs', speakers);
    expect(r.lines.map((l) => l.text)).toEqual(['习近平主席在2017年达沃斯演讲中阐述了看法。', '一是对接；', '二是合作。']);
    expect(r.bullets).toBe(2);
  });
  it('keeps a space when a Latin word wraps', () => {
    const r = reflow(L('这是 Joe\nBiden 的讲话。'), 'f', 'columns', speakers);
    expect(r.lines[0]!.text).toBe('这是 Joe Biden 的讲话。');
  });
});

/** Exact paragraphs and messages, written against the rule's surviving mutants (docs/mutation.md). */
describe('reflow: exact paragraphs and messages', () => {
  const texts = (r: { lines: { text: string }[] }) => r.lines.map((l) => l.text);
  it('paragraphs: a line that ends a sentence ends its paragraph, a line that does not goes on; one summary message', () => {
    const r = reflow(L('中方的立场是\n明确的。\n我们支持和平。'), 'f', 'paragraphs', speakers);
    expect(r.lines).toEqual([{ text: '中方的立场是明确的。', src: 1 }, { text: '我们支持和平。', src: 3 }]);
    expect(r.diags.map((d) => [d.message, d.line, d.severity])).toEqual([['joined 1 wrapped line(s) into 2 paragraph(s)', 1, 'info']]);
    expect(r.fixes).toBe(1);
    // nothing joined: no message
    const n = reflow(L('\n甲。\n\n乙。'), 'f', 'paragraphs', speakers);
    expect(n.lines).toEqual([{ text: '甲。', src: 2 }, { text: '乙。', src: 4 }]);
    expect(n.diags).toEqual([]);
    expect(n.fixes).toBe(0);
    expect(reflow([], 'f', 'paragraphs', speakers)).toMatchObject({ lines: [], diags: [], fixes: 0, bullets: 0 });
  });
  it('a paragraph break after a sentence cut mid-way is rejoined with a warning quoting its last 8 characters', () => {
    const r = reflow(L('\n王毅：我们始终认为，中美两国应当\n\n相互尊重。'), 'f', 'paragraphs', speakers);
    expect(texts(r)).toEqual(['王毅：我们始终认为，中美两国应当相互尊重。']);
    expect(r.diags.map((d) => [d.message, d.line, d.severity])).toEqual([
      ['rejoined a paragraph split mid-sentence (after "为，中美两国应当")', 4, 'warning'],
      ['joined 1 wrapped line(s) into 1 paragraph(s)', 2, 'info'],
    ]);
    expect(r.fixes).toBe(1);
    // an open quote keeps the paragraph going over a break, a closed one does not
    expect(texts(reflow(L('他说：“我们支持。\n\n大家都同意。”\n\n下一段。'), 'f', 'paragraphs', speakers))).toEqual(['他说：“我们支持。大家都同意。”', '下一段。']);
    expect(texts(reflow(L('他说：“我们支持。”\n\n大家都同意。'), 'f', 'paragraphs', speakers))).toEqual(['他说：“我们支持。”', '大家都同意。']);
    // a stray closing quote does not make the depth negative
    expect(texts(reflow(L('”甲。“乙。”\n\n下一段。'), 'f', 'paragraphs', speakers))).toEqual(['”甲。“乙。”', '下一段。']);
    expect(texts(reflow(L('甲。”\n\n“乙。\n\n丙。'), 'f', 'paragraphs', speakers))).toEqual(['甲。”', '“乙。丙。']);
    // an open quote inside a block keeps the lines together too
    expect(texts(reflow(L('他说：“我们支持。\n大家都同意。”\n下一段。'), 'f', 'paragraphs', speakers))).toEqual(['他说：“我们支持。大家都同意。”', '下一段。']);
  });
  it('a closing quote at the start of a line closes the quote; the warning quotes exactly the last 8 characters', () => {
    expect(texts(reflow(L('他说：“我们支持。\n\n”大家都同意。\n\n下一段。'), 'f', 'paragraphs', speakers))).toEqual(['他说：“我们支持。”大家都同意。', '下一段。']);
    const r = reflow(L('中方始终认为，中美两国应当\n\n相互尊重。'), 'f', 'paragraphs', speakers);
    expect(r.diags[0]!.message).toBe('rejoined a paragraph split mid-sentence (after "为，中美两国应当")');
  });
  it('a label starts a new paragraph even mid-sentence; a list bullet is dropped and reported', () => {
    const r = reflow(L('问：中方是否\n王毅：我们认为\n- 一是对接；\n•二是合作。\n●  三是共赢。'), 'f', 'paragraphs', speakers);
    expect(texts(r)).toEqual(['问：中方是否', '王毅：我们认为一是对接；', '•二是合作。', '三是共赢。']);
    expect(r.bullets).toBe(2);
    expect(r.diags.filter((d) => d.message.startsWith('dropped')).map((d) => [d.message, d.line])).toEqual([
      ['dropped a list-bullet marker', 3],
      ['dropped a list-bullet marker', 5],
    ]);
    for (const b of ['▪', '■', '◆']) expect(texts(reflow(L(`${b} 甲。`), 'f', 'paragraphs', speakers)), b).toEqual(['甲。']);
  });
  it('Latin words wrapped across lines keep one space; Latin next to Han none', () => {
    expect(texts(reflow(L('这是Joe\nBiden的讲话。'), 'f', 'paragraphs', speakers))).toEqual(['这是Joe Biden的讲话。']);
    expect(texts(reflow(L('这是Joe\n拜登的讲话。'), 'f', 'paragraphs', speakers))).toEqual(['这是Joe拜登的讲话。']);
    expect(texts(reflow(L('这是乔\nBiden的讲话。'), 'f', 'paragraphs', speakers))).toEqual(['这是乔Biden的讲话。']);
  });
  it('columns: a short line that ends a sentence ends the paragraph, a full-width one does not; a label cut at the column is no turn', () => {
    // column 20 (most lines), a line under 16 columns (0.8 of it) that ends a sentence ends the paragraph
    const r = reflow(L('中方的立场始终是非常\n明确的，支持和平谈判。\n问题好解决。\n我们开始吧。\n王毅：今天很高兴和大\n家见面，感谢各位，这\n是哈萨克斯坦24K2电视\n台记者：提问的问题吗'), 'f', 'columns', speakers);
    expect(r.lines).toEqual([
      { text: '中方的立场始终是非常明确的，支持和平谈判。问题好解决。', src: 1 },
      { text: '我们开始吧。', src: 4 },
      { text: '王毅：今天很高兴和大家见面，感谢各位，这是哈萨克斯坦24K2电视台记者：提问的问题吗', src: 5 },
    ]);
    expect(r.diags.map((d) => [d.message, d.line])).toEqual([['joined 5 wrapped line(s) into 3 paragraph(s)', 1]]);
    // the same label after a finished sentence is a turn
    expect(texts(reflow(L('王毅：今天很高兴和大\n家见面，感谢各位。\n台记者：提问的问题吗'), 'f', 'columns', speakers))).toEqual(['王毅：今天很高兴和大家见面，感谢各位。', '台记者：提问的问题吗']);
  });
  it('wrapWidth is the 75th percentile of the non-blank line widths', () => {
    const W = (...t: string[]) => wrapWidth(t.map((text, i) => ({ text, src: i + 1 })));
    expect(W()).toBe(Infinity);
    expect(W('', '')).toBe(Infinity);
    expect(W('ab')).toBe(2);
    expect(W('a', 'ab', 'abc', 'abcd')).toBe(4);
    expect(W('a', 'ab', 'abc', 'abcd', '', '')).toBe(4);
    expect(W('a', 'ab', 'abc', 'abcd', 'abcde')).toBe(4);
    expect(W('中文', '中', 'abc')).toBe(4);
    expect(W('abc', 'abc', 'abc', 'a')).toBe(3);
  });
  it('reflowMode and applies', () => {
    expect(['segmented', 'columns', 'paragraphs', 'digest', 'other'].map(reflowMode)).toEqual(['segmented', 'columns', 'paragraphs', 'paragraphs', 'paragraphs']);
    const ctx = (base: 'digest' | 'paragraphs') => createContext('f', { layout: { base, digestHead: false } });
    expect([reflowRule.applies(ctx('digest')), reflowRule.applies(ctx('paragraphs'))]).toEqual([false, true]);
    expect(reflowRule.stage).toBe('paragraphs');
  });
  it('segmented: a line ending in a colon, an ordinal, a long paragraph at an opener or a very long one start a paragraph', () => {
    expect(texts(reflow(L('王毅：我要强调三点：\n一是和平。\n二是发展。'), 'f', 'segmented', speakers))).toEqual(['王毅：我要强调三点：', '一是和平。', '二是发展。']);
    expect(texts(reflow(L('王毅：我要强调:\n和平。'), 'f', 'segmented', speakers))).toEqual(['王毅：我要强调:', '和平。']);
    const s149 = '王毅：' + '中'.repeat(145) + '。';
    expect(s149.length).toBe(149);
    expect(texts(reflow(L(`${s149}\n我们支持和平。`), 'f', 'segmented', speakers))).toEqual([`${s149}我们支持和平。`]);
    const s150 = '王毅：' + '中'.repeat(146) + '。';
    expect(texts(reflow(L(`${s150}\n我们支持和平。`), 'f', 'segmented', speakers))).toEqual([s150, '我们支持和平。']);
    expect(texts(reflow(L(`${s150}\n和平是大家的愿望。`), 'f', 'segmented', speakers))).toEqual([`${s150}和平是大家的愿望。`]);
    const s359 = '王毅：' + '中'.repeat(355) + '。';
    expect(texts(reflow(L(`${s359}\n和平。`), 'f', 'segmented', speakers))).toEqual([`${s359}和平。`]);
    const s360 = '王毅：' + '中'.repeat(356) + '。';
    expect(texts(reflow(L(`${s360}\n和平。`), 'f', 'segmented', speakers))).toEqual([s360, '和平。']);
    // the first line is never an ordinal break, each opener word
    for (const o of ['同时', '当前', '此外', '下一步', '长期以来', '关于']) expect(texts(reflow(L(`${s150}\n${o}，和平。`), 'f', 'segmented', speakers)), o).toEqual([s150, `${o}，和平。`]);
  });
  it('narration stands alone and ends the block', () => {
    expect(texts(reflow(L('王毅：谢谢大家\n记者会历时1小时40分钟。\n散会后\n大家离开。'), 'f', 'paragraphs', speakers))).toEqual(['王毅：谢谢大家', '记者会历时1小时40分钟。', '散会后大家离开。']);
  });
});
