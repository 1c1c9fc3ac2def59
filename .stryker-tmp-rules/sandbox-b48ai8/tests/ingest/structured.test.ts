/** Structured Q&A corpora (JSON, JSON Lines, CSV) read through the structured.fields mapping. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanSources } from '../../src/ingest/index.js';
import { writeCleanOutput } from '../../src/ingest/write.js';
import { serializeEvent } from '../../src/markdown/serialize.js';
import { parseEventMarkdown } from '../../src/markdown/parse.js';
import { followUpsOf, questionsOf } from '../../src/model/types.js';
import { bookConfigSchema } from '../../src/config/schema.js';
import { isToolOutput, structuredFormat } from '../../src/ingest/sources/structured.js';

const DIR = resolve('tests/fixtures/structured');

describe('structured inputs', () => {
  it('JSON Lines: one event per event field and date, questions in order, ids by assignIds', async () => {
    const r = await cleanSources([join(DIR, 'briefings.jsonl')], {
      structured: { fields: { question: 'q', answer: 'a', date: 'date', speaker: 'spokesperson', outlet: 'media', event: 'event' } },
    });
    expect(r.events.map((e) => e.meta.id)).toEqual(['2019-03-12', '2019-03-12b', '2019-03-13']);
    const [a, b, c] = r.events;
    expect(questionsOf(a!).map((t) => t.question.id)).toEqual(['2019-03-12-01', '2019-03-12-02']);
    expect(questionsOf(a!).map((t) => t.question.outlet)).toEqual(['路透社', '彭博社']);
    expect(a!.turns[1]).toMatchObject({ kind: 'answer', speaker: '耿爽', paragraphs: ['中美双方经贸团队一直保持着密切沟通。', '我们希望双方相向而行。'] });
    expect(questionsOf(b!).map((t) => t.question.id)).toEqual(['2019-03-12b-01']);
    expect(c!.meta).toMatchObject({ date: '2019-03-13', speaker: '陆慷' });
    expect(followUpsOf(a!).size).toBe(0);
    // the record without a date is an error naming its line; the others still publish
    expect(r.report.errors).toHaveLength(1);
    expect(r.report.errors[0]!.message).toMatch(/briefings\.jsonl:5: record without a valid date in "date"/);
    // no prose cleaning ran on it
    for (const s of r.report.sources) expect(s.layout).toBe('structured-jsonl');
    // canonical Markdown round trip
    for (const e of r.events) expect(parseEventMarkdown(serializeEvent(e), 'x.md').event.turns).toEqual(e.turns);
  });

  it('JSON: records at a path, nested fields, arrays of paragraphs, title field', async () => {
    const r = await cleanSources([join(DIR, 'briefings.json')], {
      structured: { records: 'items', fields: { question: 'question', answer: 'answer', date: 'when', speaker: 'who.name', outlet: 'outlet', title: 'headline' } },
    });
    expect(r.report.errors).toEqual([]);
    expect(r.events).toHaveLength(1);
    const e = r.events[0]!;
    expect(e.meta).toMatchObject({ id: '2020-02-18', title: '2020年2月18日外交部发言人耿爽主持例行记者会', speaker: '耿爽' });
    expect(e.turns[1]!.paragraphs).toEqual(['我们注意到有关报道。', '中方坚决反对。']);
    expect(questionsOf(e)).toHaveLength(2);
  });

  it('JSON without the records path: one message naming the arrays it has', async () => {
    const r = await cleanSources([join(DIR, 'briefings.json')], { structured: { fields: { question: 'question', answer: 'answer', date: 'when' } } });
    expect(r.events).toEqual([]);
    expect(r.report.errors).toHaveLength(1);
    expect(r.report.errors[0]!.message).toMatch(/briefings\.json: the file is not an array of records; set structured\.records .*arrays found: items/);
  });

  it('CSV (BOM, CRLF, quoted multi-line cells) through csv-parse', async () => {
    const r = await cleanSources([join(DIR, 'conference.csv')], { structured: { fields: { question: '提问', answer: '回答', date: '日期', speaker: '发言人', outlet: '媒体' } } });
    expect(r.report.errors).toEqual([]);
    const e = r.events[0]!;
    expect(e.meta.id).toBe('2021-03-07');
    expect(questionsOf(e).map((t) => [t.question.id, t.question.outlet])).toEqual([
      ['2021-03-07-01', '新加坡《联合早报》'],
      ['2021-03-07-02', '塔斯社'],
    ]);
    expect(e.turns[1]!.paragraphs).toEqual(['中美关系已经来到一个新的十字路口。', '双方应当恢复对话。']);
  });

  it('a mapping naming fields the file does not have: one message with the fields found', async () => {
    const r = await cleanSources([join(DIR, 'conference.csv')], { structured: { fields: { question: 'question', answer: '回答', date: '日期' } } });
    expect(r.report.errors).toHaveLength(1);
    expect(r.report.errors[0]!.message).toMatch(/conference\.csv: no record has the field\(s\) "question" \(question\).*fields found: 日期, 发言人, 媒体, 提问, 回答/);
  });

  it('without a mapping: each structured file rejected with ONE message naming the file and what to configure', async () => {
    const r = await cleanSources([DIR]);
    expect(r.events).toEqual([]);
    expect(r.report.errors.map((e) => e.file.replace(/.*\//, ''))).toEqual(['briefings.json', 'briefings.jsonl', 'conference.csv']);
    for (const e of r.report.errors) {
      expect(e.message).toMatch(/file among the sources is read only through a field mapping, and none is configured/);
      expect(e.message).toMatch(/structured:\n\s+fields: \{ question: <field>, answer: <field>, date: <field> \}/);
    }
    expect(r.report.errors[1]!.message).toMatch(/fields of its records: date, event, spokesperson, media, q, a/);
    expect(r.report.sources.every((s) => s.role === 'rejected')).toBe(true);
  });

  it('never reads back the files pressbook wrote (report.json, questions.json/.csv)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pb-struct-'));
    copyFileSync(join(DIR, 'conference.csv'), join(dir, 'conference.csv'));
    const structured = { fields: { question: '提问', answer: '回答', date: '日期' } };
    const first = await cleanSources([dir], { structured });
    writeCleanOutput(first, join(dir, 'out'));
    const again = await cleanSources([dir], { structured });
    expect(again.report.errors).toEqual([]);
    expect((again.report.skipped ?? []).map((s) => s.file.replace(/.*\//, '')).sort()).toEqual(['questions.csv', 'questions.json', 'report.json']);
    expect(again.events.map((e) => e.meta.id)).toEqual(['2021-03-07']);
  });

  it('recognises formats by extension and content', () => {
    expect(structuredFormat('a.ndjson')).toBe('jsonl');
    expect(structuredFormat('a.TSV')).toBe('tsv');
    expect(structuredFormat('a.txt', '[{"q":1}]')).toBe('json');
    expect(structuredFormat('a.txt', '{"q":1}\n{"q":2}\n')).toBe('jsonl');
    expect(structuredFormat('a.txt', '王毅：大家好。')).toBeUndefined();
    expect(isToolOutput('{"generator":"pressbook","files":[]}')).toBeTruthy();
    expect(isToolOutput('[{"q":"x"}]')).toBeUndefined();
  });

  it('the config key is validated by the book schema', () => {
    const base = { title: 't', sources: ['s'] };
    expect(bookConfigSchema.safeParse({ ...base, structured: { fields: { question: 'q', answer: 'a', date: 'd', outlet: 'o' } } }).success).toBe(true);
    expect(bookConfigSchema.safeParse({ ...base, structured: { fields: { question: 'q', answer: 'a' } } }).success).toBe(false);
    expect(bookConfigSchema.safeParse({ ...base, structured: { fields: { question: 'q', answer: 'a', date: 'd', speeker: 's' } } }).success).toBe(false);
  });
});
