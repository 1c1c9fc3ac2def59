/**
 * The hand-checked English gold set (tests/gold/en, tests/gold/gold-en.tsv): every page cleaned with
 * the exact number of questions and follow-ups, its date, speaker and title, in English, and its Latin
 * letters and digits conserved (printed + removed = source).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readGold } from '../../src/eval/gold.js';
import { evaluate, type EvalResult, type PageResult } from '../../src/eval/evaluate.js';
import { cleanSources } from '../../src/ingest/index.js';

const gold = readGold('tests/gold/gold-en.tsv');
let result: EvalResult;
const page = (file: string): PageResult => {
  const p = result.pages.find((x) => x.gold?.file === file);
  if (!p) throw new Error(`${file}: no cleaned page for this gold row`);
  return p;
};

beforeAll(async () => {
  result = await evaluate(['tests/gold/en'], gold);
});

describe('English gold set', () => {
  it('has at least 20 hand-checked pages, each with a page, none rejected', () => {
    expect(gold.length).toBeGreaterThanOrEqual(20);
    expect(result.summary.goldMissing).toEqual([]);
    expect(result.pages.filter((p) => p.rejected).map((p) => `${p.file}: ${p.rejected}`)).toEqual([]);
  });

  it('reports Latin conservation for every English page', () => {
    expect(result.summary.latin.of).toBe(gold.length);
    expect(result.summary.latin.ok).toBe(gold.length);
  });

  describe.each(gold.map((g) => [g.file, g] as const))('%s', (file, g) => {
    it('questions, follow-ups, date, speaker, title, language', () => {
      const p = page(file);
      expect({ questions: p.got.questions, followups: p.got.followups, date: p.got.date, speaker: p.got.speaker, title: p.got.title, language: p.language }).toEqual({
        questions: g.questions,
        followups: g.followups,
        date: g.date,
        speaker: g.speaker,
        title: g.title,
        language: 'en',
      });
    });
    it('conserves Latin letters and digits (printed + removed = source)', () => {
      const p = page(file);
      expect(p.latin && { conserved: p.latin.conserved, diff: p.latin.diff }, JSON.stringify(p.latin)).toEqual({ conserved: true, diff: 0 });
    });
  });
});

describe('English cleaning', () => {
  it('keeps typos as published, applies no CJK rule, and tags every event "en"', async () => {
    const { events, report } = await cleanSources(['tests/gold/en/2018-10-11.html']);
    const ev = events[0]!;
    expect(ev.meta.language).toBe('en');
    const text = ev.turns.flatMap((t) => t.paragraphs).join('\n');
    expect(text).toContain("China' s basic policy"); // "China' s" as published
    expect(text).not.toMatch(/[，。：“”]/); // no CJK punctuation invented
    expect(text).not.toMatch(/\u00a0| {2}/);
    // the after-conference question, answered by the named speaker
    const last = ev.turns.filter((t) => t.kind === 'question').pop()!;
    expect(last.question!.label).toMatch(/^The following question was raised by a journalist after the press conference$/);
    expect(ev.turns[ev.turns.indexOf(last) + 1]).toMatchObject({ kind: 'answer', speaker: 'Lu Kang' });
    expect(report.sources[0]!.language).toBe('en');
  });

  it('interjections: "Journalist:" inside an answer is neither a question nor a follow-up', async () => {
    const { events } = await cleanSources(['tests/gold/en/2018-10-19.html']);
    const kinds = events[0]!.turns.map((t) => t.kind);
    expect(kinds.filter((k) => k === 'interjection')).toHaveLength(3);
  });
});
