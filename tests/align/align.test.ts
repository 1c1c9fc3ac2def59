/**
 * Pairing and alignment of the Chinese and English editions (src/align): on the hand-checked gold of
 * 10 pairs (tests/gold/align), every pair recognised, the extra Chinese page left unpaired, ≥ 98% of
 * the turns aligned as in the gold, and no turn or paragraph lost.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanSources } from '../../src/ingest/index.js';
import { alignParagraphs, evidence, pairEditions, type PairingResult } from '../../src/align/align.js';
import type { PressEvent } from '../../src/model/types.js';

const gold = readFileSync('tests/gold/align-turns.tsv', 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#') && !l.startsWith('date\t'))
  .map((l) => {
    const [date, zh, en] = l.split('\t');
    return { date: date!, zh: zh === '-' ? undefined : Number(zh), en: en === '-' ? undefined : Number(en) };
  });

let events: PressEvent[];
let result: PairingResult;
beforeAll(async () => {
  events = (await cleanSources(['tests/gold/align'], { baseDir: 'tests/gold/align' })).events;
  result = pairEditions(events);
});

describe('pairing', () => {
  it('recognises the 10 pairs (same date, same speaker through the bilingual table) and leaves the extra page alone', () => {
    const dates = new Set(gold.map((g) => g.date));
    expect(dates.size).toBeGreaterThanOrEqual(10);
    expect(result.pairs.map((p) => p.source.slice(0, 10)).sort()).toEqual([...dates].sort());
    for (const p of result.pairs) {
      expect(p.sourceLanguage).toBe('zh-CN');
      expect(p.targetLanguage).toBe('en');
      expect(p.evidence).toMatch(/same speaker/);
    }
    expect(result.unpaired.map((u) => u.event)).toEqual(['2018-12-20b']);
    // the paired Chinese page of 12-20 is the regular press conference, not the Q&A page
    const p = result.pairs.find((x) => x.source.startsWith('2018-12-20'))!;
    expect(events.find((e) => e.meta.id === p.source)!.meta.sources[0]!.file).toBe('zh/2018-12-20.html');
  });
});

describe('turn alignment against the gold', () => {
  it('aligns at least 98% of the gold beads exactly', () => {
    const got = new Set(result.pairs.flatMap((p) => p.turns.map((t) => `${p.source.slice(0, 10)} ${t.source ?? '-'} ${t.target ?? '-'}`)));
    const ok = gold.filter((g) => got.has(`${g.date} ${g.zh ?? '-'} ${g.en ?? '-'}`)).length;
    expect(gold.length).toBeGreaterThan(150);
    expect(ok / gold.length).toBeGreaterThanOrEqual(0.98);
  });

  it('keeps every turn and paragraph of both editions in exactly one bead; reports the unaligned', () => {
    const byId = new Map(events.map((e) => [e.meta.id, e]));
    for (const p of result.pairs) {
      const s = byId.get(p.source)!;
      const t = byId.get(p.target)!;
      expect(p.turns.map((b) => b.source).filter((x) => x !== undefined)).toEqual(s.turns.map((_, i) => i));
      expect(p.turns.map((b) => b.target).filter((x) => x !== undefined)).toEqual(t.turns.map((_, i) => i));
      for (const b of p.turns)
        if (b.paragraphs) {
          expect(b.paragraphs.flatMap((x) => x.source)).toEqual(s.turns[b.source!]!.paragraphs.map((_, i) => i));
          expect(b.paragraphs.flatMap((x) => x.target)).toEqual(t.turns[b.target!]!.paragraphs.map((_, i) => i));
        }
      expect(p.unaligned).toBe(p.turns.filter((b) => b.source === undefined || b.target === undefined).length);
    }
    // the holiday notice printed only in Chinese stays, unaligned
    const dec = result.pairs.find((x) => x.source.startsWith('2018-12-28'))!;
    expect(dec.unaligned).toBe(1);
  });
});

describe('evidence and paragraphs', () => {
  it('finds dates, numbers, Latin names and table names in both languages', () => {
    const zh = evidence('6月12日，美国和朝鲜领导人在新加坡会晤，MH370有4,000人', 'zh-CN');
    const en = evidence('On June 12, the leaders of the US and the DPRK met in Singapore; MH370, 4,000 people', 'en');
    for (const k of ['d:6-12', 't:United States', 't:DPRK', 't:Singapore', 'w:mh370', 'n:4000']) {
      expect(zh.has(k), k).toBe(true);
      expect(en.has(k), k).toBe(true);
    }
  });

  it('aligns paragraphs by content where the counts differ (2 ↔ 1), never dropping one', () => {
    const zh = ['中方欢迎6月12日在新加坡举行的朝美领导人会晤。', '我们希望各方共同努力，推动半岛问题政治解决进程。'];
    const en = ['China welcomes the summit between the leaders of the DPRK and the US held in Singapore on June 12, and we hope all parties will work together to advance the political settlement of the Peninsula issue.'];
    const beads = alignParagraphs(zh, 'zh-CN', en, 'en');
    expect(beads).toEqual([{ source: [0, 1], target: [0] }]);
  });
});

describe('questions.json/csv and --select across languages', () => {
  it('gives each paired question its translation, both ways, and the CSV three more columns', async () => {
    const { questionRows, questionsCsv } = await import('../../src/ingest/write.js');
    const rows = questionRows(events);
    const zh = rows.find((r) => r.id === '2018-10-19-06')!;
    expect(zh.translation).toMatchObject({ language: 'en', id: expect.stringMatching(/^2018-10-19b-06$/) });
    expect(zh.translation!.question).toMatch(/^A Chinese leader gave an exclusive interview/);
    const en = rows.find((r) => r.id === '2018-10-19b-06')!;
    expect(en.translation).toMatchObject({ language: 'zh-CN', id: '2018-10-19-06' });
    expect(questionsCsv(rows).split('\r\n')[0]).toBe('id,parent,year,date,event,seq,outlet,title,question,topics,translation_language,translation_id,translation');
    // one language only: the columns are unchanged
    expect(questionsCsv(questionRows(events.filter((e) => e.meta.language === 'en'))).split('\r\n')[0]).toBe('id,parent,year,date,event,seq,outlet,title,question,topics');
  });

  it('text: finds a Chinese question by its English translation and the other way round', async () => {
    const { selectQuestions } = await import('../../src/select.js');
    const book = { config: {} as never, events };
    const hits = selectQuestions(book, ['text:IT SEEMED TO COME UP on a particular day']);
    expect(hits.map((h) => h.question.question.id).sort()).toEqual(['2018-10-19-06', '2018-10-19b-06']);
    const zh = selectQuestions(book, ['text:接受采访的日期比较特殊']);
    expect(zh.map((h) => h.question.question.id).sort()).toEqual(['2018-10-19-06', '2018-10-19b-06']);
  });
});
