/**
 * The corruption rule's limits, one by one (written against the survivors of a StrykerJS run; see
 * docs/mutation.md): what makes a paragraph a copy (the 30 / 24 Han characters and the 80 % share,
 * counting prefixes, punctuation an OCR copy lost, the cut-off copy's 12-character prefix, short
 * slogans), what is no copy (parallel sentences, a formula said twice in a later answer), and what
 * "cut off mid-sentence" removes, keeps or warns about — with every message exact. The text is
 * shaped like the looped answers of seed 001 and the ministry pages.
 */
import { describe, expect, it } from 'vitest';
import { corruption } from '../../src/ingest/rules/corruption.js';

const P = (...t: string[]) => t.map((text, i) => ({ text, src: i * 2 + 1 }));
const texts = (r: { lines: { text: string }[] }) => r.lines.map((l) => l.text);
/** the turn grammar of the ministry pages (问：/答：) */
const qa = (t: string) => /^(?:问|答)[：:]/.test(t);
const LOOP = 'removed a degenerate repetition of earlier text';

// seed 001's looped answer: two sentences of 32 and 23 Han characters
const S1 = '我毫不怀疑，中俄共同抗疫的经历，将转化为疫情后中俄关系提速升级的动力。';
const S2 = '中方愿同俄方携手化危为机，稳定能源等传统领域合作。';
// 24 Han characters
const S24 = '中方坚决反对任何国家以任何方式干涉中国内政和主权。';

describe('corruption: what is a copy', () => {
  it('copies behind counting prefixes repeat an answer said without one; the report names the prefix', () => {
    const r = corruption(P('问：请介绍中俄关系。', '答：' + S1 + S2, '第二，' + S1 + S2, '第三，' + S1 + S2, '第四，' + S1 + S2), 'f', qa);
    expect(texts(r)).toEqual(['问：请介绍中俄关系。', '答：' + S1 + S2]);
    expect(r.repeated).toBe(3);
    expect(r.diags.map((d) => [d.line, d.message, d.severity, d.removed])).toEqual([
      [5, `${LOOP} (counting prefix "第二，")`, 'warning', '第二，' + S1 + S2],
      [7, `${LOOP} (counting prefix "第三，")`, 'warning', '第三，' + S1 + S2],
      [9, `${LOOP} (counting prefix "第四，")`, 'warning', '第四，' + S1 + S2],
    ]);
    expect(r.fixes).toBe(3);
  });

  it('a "第一，" inside a looped paragraph is no counting prefix', () => {
    const looped = '中方的主张有两点：第一，坚持对话协商，通过和平方式解决争端。第二，坚持标本兼治，照顾各方合理关切。';
    const r = corruption(P('答：' + looped, looped, looped), 'f', qa);
    expect(texts(r)).toEqual(['答：' + looped]);
    expect(r.diags.map((d) => d.message)).toEqual([`${LOOP} (no counter)`, `${LOOP} (no counter)`]);
  });

  it('an OCR copy that lost quotation marks, commas and spaces is still a copy', () => {
    const said = '中方愿同俄方携手化危为机，办好“中俄科技创新年”，加快开拓电子商务、生物医药等新兴领域合作。';
    const ocr = '中方愿同俄方携手化危为机办好中俄科技创新年 加快开拓电子商务生物医药等新兴领域合作。';
    const r = corruption(P('答：' + said, ocr, ocr, ocr), 'f', qa);
    expect(texts(r)).toEqual(['答：' + said]);
    expect(r.repeated).toBe(3);
  });

  it('the limits: 30 Han characters, 24 of them repeated (80 %) make a copy', () => {
    // each copy: the 24 repeated characters and 6 new ones — exactly at every limit
    const copy = S24 + '我们敦促美方。';
    const r = corruption(P('答：' + S24 + '这是我们的一贯立场。', copy, copy), 'f', qa);
    expect(texts(r)).toEqual(['答：' + S24 + '这是我们的一贯立场。']);
    expect(r.repeated).toBe(2);
    // one more new character: 24 of 31 is under 80 %, no copy
    const under = S24 + '我们敦促美方们。';
    const k = corruption(P('答：' + S24 + '这是我们的一贯立场。', under, under), 'f', qa);
    expect(k.repeated).toBe(0);
    expect(texts(k)).toHaveLength(3);
  });

  it('a labelled paragraph looping right after itself: from 30 Han characters on', () => {
    const a30 = '答：' + S24 + '美方应停止。'; // 1 + 24 + 5
    const r = corruption(P('问：中方对此有何评论？', a30, a30, a30, '问：下一个问题？'), 'f', qa);
    expect(texts(r)).toEqual(['问：中方对此有何评论？', a30, '问：下一个问题？']);
    expect(r.repeated).toBe(2);
    const a29 = '答：' + S24 + '美方停止。';
    expect(corruption(P('问：中方对此有何评论？', a29, a29, a29), 'f', qa).repeated).toBe(0);
  });

  it('a loop of four-character slogans: a sentence of 4 characters counts, one of 3 does not', () => {
    const slogans = '和平发展。合作共赢。互利互惠。开放包容。公平正义。民主自由。团结协作。共同繁荣。'; // 8 × 4
    const r = corruption(P('答：' + slogans, slogans, slogans), 'f', qa);
    expect(texts(r)).toEqual(['答：' + slogans]);
    expect(r.repeated).toBe(2);
    const short = '要和平。要合作。要发展。要开放。要包容。要公平。要正义。要团结。要繁荣。要共赢。'; // 10 × 3
    const k = corruption(P('答：' + short, short, short), 'f', qa);
    expect(k.repeated).toBe(0);
    expect(texts(k)).toHaveLength(3);
    // only the very same paragraph right after itself is noticed (a single repetition: kept)
    expect(k.diags.map((d) => [d.line, d.severity])).toEqual([[5, 'info']]);
  });

  it('a loop ending in a copy cut off after 12 characters of a sentence: the cut copy goes with the loop', () => {
    const C = '我们敦促有关方面停止错误做法。'; // 14 Han
    const cut = S24 + '我们敦促有关方面停止错误'; // the second sentence cut after 12
    const r = corruption(P('答：' + S24 + C, S24 + C, S24 + C, cut), 'f', qa);
    expect(texts(r)).toEqual(['答：' + S24 + C]);
    expect(r.repeated).toBe(3);
    expect(r.truncated).toBe(0);
    expect(r.diags.map((d) => d.line)).toEqual([3, 5, 7]);
  });

  it('parallel sentences (same opening, different ending) are no copies', () => {
    const A1 = '中方敦促美方恪守一个中国原则和中美三个联合公报规定。';
    const A2 = '中方敦促美方恪守一个中国原则，立即停止售台武器。';
    const A3 = '中方敦促美方恪守一个中国原则，停止同台湾的官方往来。';
    const paras = P('答：' + A1, A1 + A2, A1 + A3);
    const r = corruption(paras, 'f', qa);
    expect(texts(r)).toEqual(paras.map((p) => p.text));
    expect(r.diags).toEqual([]);
  });

  it('a formula said in one answer, then twice in the next answer: kept, one info for the later turn', () => {
    const formula = '中方在这个问题上的立场是一贯的、明确的。我们坚决反对任何国家以任何方式干涉中国内政。';
    const paras = P('问：有报道称某国将对华采取新的措施。中方对此有何评论？', '答：' + formula, '问：还有一个问题。', '答：这个问题我刚才已经回答过了。', formula, formula);
    const r = corruption(paras, 'f', qa);
    expect(texts(r)).toEqual(paras.map((p) => p.text));
    expect(r.repeated).toBe(0);
    expect(r.fixes).toBe(0);
    // the second "formula" of the last answer repeats the first one of the same turn
    expect(r.diags).toEqual([{ file: 'f', line: 11, rule: 'corruption', severity: 'info', message: 'paragraph repeats earlier text of the same turn (kept: a single repetition is not a loop)' }]);
  });
});

describe('corruption: cut off mid-sentence', () => {
  /** a source damaged by a loop (so cut text is removed, not only reported) */
  const damaged = (...rest: string[]) => P('答：' + S1 + S2, S1 + S2, S1 + S2, ...rest);

  it('the end of the text cut inside a continuation paragraph: the fragment goes, the finished sentence stays', () => {
    const r = corruption(damaged('中方的立场是一贯的。我们坚决反对任何国家干涉'), 'f', qa);
    expect(texts(r)).toEqual(['答：' + S1 + S2, '中方的立场是一贯的。']);
    expect(r.truncated).toBe(1);
    expect(r.fixes).toBe(2 + 1);
    expect(r.diags.at(-1)).toEqual({ file: 'f', line: 7, column: 11, rule: 'corruption', severity: 'warning', message: 'removed text cut off mid-sentence', removed: '我们坚决反对任何国家干涉' });
  });

  it('a paragraph that is only a fragment of prose goes entirely (no empty paragraph left)', () => {
    const r = corruption(damaged('稳定能源等传统领域合作，办好中俄科技创新年'), 'f', qa);
    expect(texts(r)).toEqual(['答：' + S1 + S2]);
    expect(r.diags.at(-1)).toMatchObject({ line: 7, column: 1, removed: '稳定能源等传统领域合作，办好中俄科技创新年' });
  });

  it('a date, a title or a short line after an unknown label is no prose: kept even in a damaged source', () => {
    for (const last of ['2020年5月24日', '中俄关系', '主持人：下面请提问']) {
      const r = corruption(damaged(last), 'f', qa);
      expect(texts(r), last).toEqual(['答：' + S1 + S2, last]);
      expect(r.truncated, last).toBe(0);
      expect(r.diags.filter((d) => !d.message.startsWith(LOOP)), last).toEqual([]);
    }
  });

  it('a long clause before a colon is prose, not a label (a label has at most 40 characters)', () => {
    const frag = '国务委员兼外交部长王毅在人民大会堂会见来华进行正式访问的俄罗斯联邦外交部长拉夫罗夫时表示：中俄关系';
    const r = corruption(damaged(frag), 'f', qa);
    expect(texts(r)).toEqual(['答：' + S1 + S2]);
    expect(r.diags.at(-1)).toMatchObject({ message: 'removed text cut off mid-sentence', removed: frag });
  });

  it('only the last paragraph of a turn is checked: list items without a full stop inside an answer are kept silently', () => {
    const paras = P('答：中方的主要考虑有三点：', '一是坚持政治解决方向，推动各方对话', '二是坚持标本兼治，照顾各方合理关切', '三是坚持多边主义。', '问：下一个问题？');
    const r = corruption(paras, 'f', qa);
    expect(texts(r)).toEqual(paras.map((p) => p.text));
    expect(r.diags).toEqual([]);
  });

  it('an undamaged source: a warning at the column where the unfinished sentence starts', () => {
    const r = corruption(P('答：中方同世卫组织合作持续拓展深化。中国将继续支持世卫组织工作'), 'f', qa);
    expect(texts(r)).toEqual(['答：中方同世卫组织合作持续拓展深化。中国将继续支持世卫组织工作']);
    expect(r.diags).toEqual([{ file: 'f', line: 1, column: 19, rule: 'corruption', severity: 'warning', message: 'paragraph ends without sentence-final punctuation (kept: no other sign of damage in this source)' }]);
    expect(r.fixes).toBe(0);
  });

  it('text without Han characters is never judged: an English page, an English sign-off after a loop', () => {
    const en = (t: string) => /^(?:Q|A|Follow-up):/.test(t);
    const page = P('Q: Could you give us more details on the visit', 'A: I would refer you to the competent authorities', 'Follow-up: And the date');
    const r = corruption(page, 'f', en);
    expect(texts(r)).toEqual(page.map((p) => p.text));
    expect(r.diags).toEqual([]);
    const signOff = corruption(damaged('答：以上就是我的回答。Thank you'), 'f', qa);
    expect(texts(signOff)).toEqual(['答：' + S1 + S2, '答：以上就是我的回答。Thank you']);
    expect(signOff.truncated).toBe(0);
  });
});
