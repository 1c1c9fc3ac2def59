/**
 * The hand-checked gold set (tests/gold): every page cleaned by the real engine, in-process, and
 * compared with its gold row. One test per page for the counts, date and speaker, one per page for
 * Han conservation, one for rejections.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readGold } from '../../src/eval/gold.js';
import { evaluate, type EvalResult, type PageResult } from '../../src/eval/evaluate.js';

const gold = readGold('tests/gold/gold.tsv');
let result: EvalResult;
const page = (file: string): PageResult => {
  const p = result.pages.find((x) => x.gold?.file === file);
  if (!p) throw new Error(`${file}: no cleaned page for this gold row`);
  return p;
};

beforeAll(async () => {
  result = await evaluate(['tests/gold/pages'], gold);
});

describe('gold set', () => {
  it('has at least 40 hand-checked pages, each with a page', () => {
    expect(gold.length).toBeGreaterThanOrEqual(40);
    expect(result.summary.goldMissing).toEqual([]);
    expect(result.summary.gold).toBe(gold.length);
  });

  it('rejects no page', () => {
    expect(result.pages.filter((p) => p.rejected).map((p) => `${p.file}: ${p.rejected}`)).toEqual([]);
  });

  describe.each(gold.map((g) => [g.file, g] as const))('%s', (file, g) => {
    it('questions, follow-ups, date and speaker', () => {
      const p = page(file);
      expect({ questions: p.got.questions, followups: p.got.followups, date: p.got.date, speaker: p.got.speaker }, `${file} (${p.role}${p.rejected ? ': ' + p.rejected : ''})`).toEqual({
        questions: g.questions,
        followups: g.followups,
        date: g.date,
        speaker: g.speaker,
      });
    });
    it('conserves Han characters (printed + removed = source)', () => {
      const p = page(file);
      expect(p.han ? { conserved: p.han.conserved, diff: p.han.diff } : p.rejected, `${file}: ${JSON.stringify(p.han)}`).toEqual({ conserved: true, diff: 0 });
    });
  });
});
