import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { corruption, endsCleanly } from '../../src/ingest/rules/corruption.js';
import { extractHtml } from '../../src/ingest/html.js';
import { decodeBuffer } from '../../src/ingest/decode.js';
import { cleanLines, RULES } from '../../src/ingest/rules/index.js';
import { cleanSources } from '../../src/ingest/index.js';
import { SEEDS } from './helpers.js';

/** every rule before corruption */
const BEFORE = RULES.filter((r) => r.name !== 'corruption');
const P = (...t: string[]) => t.map((text, i) => ({ text, src: i * 2 + 1 }));
const para = '我毫不怀疑，中俄共同抗疫的经历，将转化为疫情后中俄关系提速升级的动力。中方愿同俄方携手化危为机，稳定能源等传统领域合作。';
const boundary = (t: string) => /^王毅：|记者：/.test(t);
/** the turn grammar of the ministry pages (问：/答：/追问：) */
const qa = (t: string) => /^(?:问|答|追问)[：:]/.test(t);

describe('corruption: loops', () => {
  it('removes a loop with counting prefixes and reports every copy', () => {
    const r = corruption(P('第六，' + para, '第七，' + para, '第八，' + para, '第九，' + para.slice(0, 40)), 'f', boundary);
    expect(r.lines.map((l) => l.text)).toEqual(['第六，' + para]);
    expect(r.repeated).toBe(3); // 第七, 第八 and the cut-off 第九
    expect(r.diags.map((d) => d.line)).toEqual([3, 5, 7]);
    expect(r.diags.every((d) => d.removed && d.rule === 'corruption')).toBe(true);
  });

  it('seed 001 still loses its 43 loop paragraphs, each reported with its line', async () => {
    const r = await cleanSources([SEEDS + '/001_f04f608a345aa7eb.txt'], { preset: 'npc' });
    const s = r.report.sources[0]!;
    const loops = s.removals.filter((d) => d.rule === 'corruption' && /degenerate/.test(d.message));
    expect(loops).toHaveLength(43);
    expect(new Set(loops.map((d) => d.line)).size).toBe(43);
    expect(s.damaged).toBe(true);
  });

  it('leaves normal text alone, even a repeated short slogan', () => {
    const r = corruption(P('王毅：团结就是力量。我们要合作共赢，共同发展，携手应对各种全球性挑战和困难。', '团结就是力量。这句话说得很好，我们将继续推动各国之间的友好合作关系。'), 'f', boundary);
    expect(r.lines).toHaveLength(2);
    expect(r.diags).toEqual([]);
  });

  it('keeps a formula repeated across answers, a quoted sentence and a paragraph said twice (synthetic)', () => {
    const formula = '中方在这个问题上的立场是一贯的、明确的。我们坚决反对任何国家以任何方式干涉中国内政，敦促有关方面停止错误做法。';
    const paras = P(
      '问：有报道称某国将对华采取新的措施。中方对此有何评论？',
      '答：' + formula,
      '问：某国官员昨天表示，“中方在这个问题上的立场是一贯的、明确的。我们坚决反对任何国家以任何方式干涉中国内政，敦促有关方面停止错误做法。”你对此有何回应？',
      '答：' + formula,
      formula, // said twice inside one answer, for emphasis
      '问：还有一个问题。',
      '答：' + formula,
      '好的。',
      '好的。',
    );
    // with the turn grammar, and in the worst case where no label is recognised (one long turn):
    // the copies are never back to back, so none of them is a loop
    for (const isB of [qa, () => false]) {
      const r = corruption(paras, 'f', isB);
      expect(r.lines.map((l) => l.text)).toEqual(paras.map((p) => p.text));
      expect(r.repeated).toBe(0);
      expect(r.diags.filter((d) => d.removed !== undefined)).toEqual([]);
    }
    // the single in-turn repetition is mentioned, not removed
    expect(corruption(paras, 'f', qa).diags.filter((d) => d.severity === 'info')).toHaveLength(1);
  });

  it('removes a labelled paragraph looping right after itself, keeps it said once more', () => {
    const answer = '答：' + para;
    const looped = corruption(P('问：第一个问题？', answer, answer, answer, answer, '问：第二个问题？', '答：' + para), 'f', qa);
    expect(looped.lines.map((l) => l.text)).toEqual(['问：第一个问题？', answer, '问：第二个问题？', '答：' + para]);
    expect(looped.repeated).toBe(3);
    const twice = corruption(P('问：第一个问题？', answer, answer, '问：第二个问题？'), 'f', qa);
    expect(twice.repeated).toBe(0);
    expect(twice.lines).toHaveLength(4);
  });

  it('removes only back-to-back copies: the same paragraph three times with text between is kept', () => {
    const other = (n: number) => `这是第${n}段不同的内容，讲的是另外一件事情，与前后文都不重复，篇幅也足够长。`;
    const spaced = corruption(P('王毅：' + para, other(1), para, other(2), para), 'f', boundary);
    expect(spaced.repeated).toBe(0);
    expect(spaced.lines).toHaveLength(5);
    const looped = corruption(P('王毅：' + para, other(1), para, para, other(2)), 'f', boundary);
    expect(looped.repeated).toBe(2);
    expect(looped.lines.map((l) => l.text)).toEqual(['王毅：' + para, other(1), other(2)]);
  });

  it('keeps the repeated answer of a real ministry page (2018-12-06) and does not mark it damaged', () => {
    const html = decodeBuffer(readFileSync('tests/fixtures/corpus/zh/2018-12-06.html'), 'p').text;
    const { lines } = extractHtml(html, 'p');
    const repeated = '中方已就此事分别向加方、美方提出严正交涉，表明严正立场，要求对方立即对拘押理由作出澄清，立即释放被拘押人员。';
    const cl = cleanLines(lines, 'p', { base: 'paragraphs', digestHead: false }, undefined, BEFORE);
    const text = cl.lines.map((l) => l.text).join('\n');
    expect(text.split(repeated).length - 1).toBe(2); // the answer given twice on this page
    const r = corruption(cl.lines, 'p', qa);
    expect(r.diags.filter((d) => d.removed !== undefined)).toEqual([]);
    expect(r.repeated + r.truncated).toBe(0);
    expect(r.lines.map((l) => l.text).join('\n').split(repeated).length - 1).toBe(2);
  });
});

describe('corruption: cut off mid-sentence', () => {
  it('removes an unfinished fragment in a source already damaged by a loop', () => {
    const r = corruption(P('第六，' + para, '第七，' + para, '第八，' + para, '王毅：第一句完整。第二句被截断在半', '路透社记者：下一个问题？'), 'f', boundary);
    expect(r.lines.map((l) => l.text)).toEqual(['第六，' + para, '王毅：第一句完整。', '路透社记者：下一个问题？']);
    expect(r.truncated).toBe(1);
    const cut = r.diags.find((d) => /cut off/.test(d.message))!;
    expect(cut).toMatchObject({ removed: '第二句被截断在半', line: 7, column: 10 });
  });

  it('keeps a sentence whose final "。" is missing in an undamaged source, with a warning (2017-06-30)', () => {
    const r = corruption(P('答：中方同世卫组织合作持续拓展深化。中国将继续支持世卫组织工作，推动中国同世卫组织合作不断向前发展', '问：下一个问题？'), 'f', qa);
    expect(r.lines).toHaveLength(2);
    expect(r.truncated).toBe(0);
    expect(r.diags).toEqual([expect.objectContaining({ severity: 'warning', line: 1, message: expect.stringContaining('kept') })]);
    expect(r.diags[0]!.removed).toBeUndefined();
  });

  it('never removes stage directions and asides in brackets', () => {
    for (const t of ['答：你是不是也觉得这是矛盾的？（记者点头）', '（记者笑）', '（记者点头）', '答：这是你第二次问我这个问题了。（记者笑）', '答：（笑）', '（示意图）（印度边防人员越过边界线）'])
      expect(endsCleanly(t), t).toBe(true);
    // even in a damaged source
    const r = corruption(P('第六，' + para, '第七，' + para, '第八，' + para, '答：你是不是也觉得这是矛盾的？（记者点头）', '问：下一个问题？', '答：好的。', '（记者笑）'), 'f', qa);
    expect(r.lines.map((l) => l.text)).toContain('答：你是不是也觉得这是矛盾的？（记者点头）');
    expect(r.lines.map((l) => l.text)).toContain('（记者笑）');
    expect(r.truncated).toBe(0);
  });

  it('keeps the stage direction of a real page (2017-06-22)', () => {
    const html = decodeBuffer(readFileSync('tests/fixtures/corpus/zh/2017-06-22.html'), 'p').text;
    const cl = cleanLines(extractHtml(html, 'p').lines, 'p', { base: 'paragraphs', digestHead: false }, undefined, BEFORE);
    expect(cl.lines.some((l) => l.text.endsWith('（记者笑）'))).toBe(true);
    const r = corruption(cl.lines, 'p', qa);
    expect(r.diags).toEqual([]);
    expect(r.lines.map((l) => l.text).join('')).toContain('（记者笑）');
  });
});
