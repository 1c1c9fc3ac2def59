/**
 * Structured inputs: Q&A corpora as JSON (an array of records, or one found at `structured.records`),
 * JSON Lines or CSV/TSV (parsed by csv-parse), read through the field mapping of pressbook.yaml
 * (`structured.fields`: question, answer, date, speaker, outlet, event, title). They become events
 * directly — one per value of the event field (default: per date), questions in record order, ids by
 * `assignIds` — and are never cleaned as prose. Without a mapping such a file is rejected with one
 * message naming the file, what to configure and the fields it holds.
 *
 * Files that pressbook itself writes (report.json, questions.json/.csv, manifest.json) are
 * recognised and skipped, so an output folder inside the sources is never read back.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { StructuredConfig } from '../../config/schema.js';
import type { PressEvent, Turn } from '../../model/types.js';
import { assignIds, eventId } from '../../model/ids.js';
import { PressbookError } from '../../errors.js';
import type { CleanOptions } from '../index.js';
import type { CleanReport, SourceReport } from '../report.js';
import type { ProcessedSource, SourceBytes } from '../process.js';
import { decodeBuffer } from '../decode.js';
import { questionTitle } from '../structure.js';
import { outletOf } from '../labels.js';
import { tagTopics, type TopicTable } from '../topics.js';
import { countHan } from '../text.js';
import { parseDate } from './page.js';
import { normalizeBlankLine } from './blanks.js';

export type StructuredFormat = 'json' | 'jsonl' | 'csv' | 'tsv';

const EXT: Record<string, StructuredFormat> = { '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.tsv': 'tsv' };

/** The structured format of a file, by its extension, else by its content (a JSON document or JSON Lines). */
export function structuredFormat(path: string, text?: string): StructuredFormat | undefined {
  const ext = /\.[a-z]+$/i.exec(path)?.[0].toLowerCase();
  if (ext && EXT[ext]) return EXT[ext];
  if (text === undefined) return undefined;
  const t = text.trim();
  if (!/^[[{]/.test(t)) return undefined;
  try {
    JSON.parse(t);
    return 'json';
  } catch {
    const lines = t.split('\n').filter((l) => l.trim());
    if (lines.length > 1 && lines.every((l) => isJson(l))) return 'jsonl';
  }
  return undefined;
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

const QUESTION_ROW_KEYS = ['id', 'year', 'date', 'event', 'seq', 'outlet', 'title', 'question', 'topics'];

/** report.json, questions.json, questions.csv or manifest.json written by pressbook. */
export function isToolOutput(text: string): string | undefined {
  const t = text.trimStart();
  if (/^id,(?:parent,)?year,date,event,seq,outlet,title,question,topics/.test(t)) return 'questions.csv written by pressbook';
  if (!/^[[{]/.test(t)) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return undefined;
  }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (o['generator'] === 'pressbook') return 'manifest written by pressbook';
    if (Array.isArray(o['sources']) && Array.isArray(o['errors'])) return 'clean report written by pressbook';
  }
  if (Array.isArray(v) && v.length && v.every((r) => r && typeof r === 'object' && QUESTION_ROW_KEYS.every((k) => k in (r as object)))) return 'questions.json written by pressbook';
  if (Array.isArray(v) && v.length === 0) return undefined;
  return undefined;
}

interface Row {
  /** 1-based line of the record (JSON Lines, CSV) or 0 when unknown (a JSON array) */
  line: number;
  index: number;
  record: Record<string, unknown>;
}

function get(record: Record<string, unknown>, path: string): unknown {
  if (path in record) return record[path];
  let v: unknown = record;
  for (const k of path.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** A field as text: strings and numbers as they are, arrays of them one per line. */
function textField(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join('\n');
  return undefined;
}

function paragraphs(s: string | undefined): string[] {
  if (!s) return [];
  return s
    .split(/\r?\n/)
    .map((p) => normalizeBlankLine(p).text)
    .filter(Boolean);
}

function fieldNames(rows: Row[]): string {
  const names = new Set<string>();
  for (const r of rows.slice(0, 20)) for (const k of Object.keys(r.record)) names.add(k);
  return [...names].slice(0, 20).join(', ') || '(none)';
}

function readRows(text: string, format: StructuredFormat, file: string, cfg: StructuredConfig | undefined): Row[] {
  if (format === 'jsonl') {
    const rows: Row[] = [];
    text.split('\n').forEach((l, i) => {
      if (!l.trim()) return;
      let v: unknown;
      try {
        v = JSON.parse(l);
      } catch (e) {
        throw new PressbookError(`${file}:${i + 1}: not a JSON line (${(e as Error).message})`, { file, line: i + 1 });
      }
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new PressbookError(`${file}:${i + 1}: a JSON Lines record must be an object`, { file, line: i + 1 });
      rows.push({ line: i + 1, index: rows.length, record: v as Record<string, unknown> });
    });
    return rows;
  }
  if (format === 'json') {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new PressbookError(`${file}: not valid JSON (${(e as Error).message})`, { file });
    }
    let list: unknown = v;
    if (cfg?.records) list = get(v as Record<string, unknown>, cfg.records);
    if (!Array.isArray(list)) {
      const arrays = v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v as object).filter(([, x]) => Array.isArray(x)).map(([k]) => k) : [];
      const where = cfg?.records ? `"${cfg.records}" is not an array of records` : 'the file is not an array of records';
      throw new PressbookError(`${file}: ${where}; set structured.records in pressbook.yaml to the path of the array${arrays.length ? ` (arrays found: ${arrays.join(', ')})` : ''}`, { file });
    }
    return list.map((r, i) => {
      if (!r || typeof r !== 'object' || Array.isArray(r)) throw new PressbookError(`${file}: record ${i + 1} is not an object`, { file });
      return { line: 0, index: i, record: r as Record<string, unknown> };
    });
  }
  let out: { record: Record<string, string>; info: { lines: number }; raw: string }[];
  try {
    out = parseCsv(text, {
      columns: true,
      info: true,
      raw: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      delimiter: cfg?.delimiter ?? (format === 'tsv' ? '\t' : ','),
    }) as typeof out;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new PressbookError(`${file}${err.lines ? ':' + err.lines : ''}: cannot read this CSV (${err.message})`, { file, line: err.lines });
  }
  return out.map((r, i) => ({ line: r.info.lines - (r.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0), index: i, record: r.record }));
}

export interface StructuredResult {
  sources: ProcessedSource[];
  /** records that could not be placed (each names its line or record number) */
  errors: { file: string; line?: number; message: string }[];
}

const where = (file: string, r: Row) => (r.line ? `${file}:${r.line}` : `${file}: record ${r.index + 1}`);

/** Read one structured file into events (one ProcessedSource per event). */
export function readStructured(
  text: string,
  file: string,
  format: StructuredFormat,
  cfg: StructuredConfig | undefined,
  opts: { topics: TopicTable; language?: string; report: Pick<SourceReport, 'encoding' | 'eol' | 'bom' | 'sha'> },
): StructuredResult {
  const kind = format === 'jsonl' ? 'JSON Lines' : format.toUpperCase();
  if (!cfg) {
    let found = '';
    try {
      found = `; fields of its records: ${fieldNames(readRows(text, format, file, undefined))}`;
    } catch {
      /* the file's own problem is reported once it is mapped */
    }
    throw new PressbookError(
      `${file}: a ${kind} file among the sources is read only through a field mapping, and none is configured. ` +
        `Add to pressbook.yaml (and pass it to \`clean\` with --config):\n` +
        `    structured:\n      fields: { question: <field>, answer: <field>, date: <field> }   # optional: speaker, outlet, event, title\n` +
        (format === 'json' ? `      records: <path of the array, when the file is not an array itself>\n` : '') +
        `  ${found ? found.slice(2) : ''}`.trimEnd(),
      { file },
    );
  }
  const f = cfg.fields;
  const rows = readRows(text, format, file, cfg);
  if (!rows.length) throw new PressbookError(`${file}: no records`, { file });
  const missing = (['question', 'answer', 'date'] as const).filter((k) => !rows.some((r) => get(r.record, f[k]) !== undefined));
  if (missing.length)
    throw new PressbookError(`${file}: no record has the field(s) ${missing.map((k) => `"${f[k]}" (${k})`).join(', ')} named in structured.fields; fields found: ${fieldNames(rows)}`, { file });
  const errors: StructuredResult['errors'] = [];
  // group records into events: by the event field, else by date; in order of first appearance
  const groups = new Map<string, { date: string; rows: Row[] }>();
  for (const r of rows) {
    const rawDate = textField(get(r.record, f.date));
    const date = rawDate ? parseDate(rawDate) : undefined;
    const q = textField(get(r.record, f.question));
    if (!date) {
      errors.push({ file, line: r.line || undefined, message: `${where(file, r)}: record without a valid date in "${f.date}" (${rawDate === undefined ? 'missing' : JSON.stringify(rawDate)}); not published` });
      continue;
    }
    if (!q || !q.trim()) {
      errors.push({ file, line: r.line || undefined, message: `${where(file, r)}: record without a question in "${f.question}"; not published` });
      continue;
    }
    // the event field tells apart the press conferences of one date (a regular briefing and a
    // separate 答记者问); an event never spans two dates, so a name repeated every day is fine
    const ev = f.event ? (textField(get(r.record, f.event))?.trim() ?? '') : '';
    const key = date + '\u0000' + ev;
    const g = groups.get(key);
    if (!g) groups.set(key, { date, rows: [r] });
    else g.rows.push(r);
  }
  // ids: the n-th event of one date in this file gets a letter
  const perDate = new Map<string, number>();
  const sources: ProcessedSource[] = [];
  for (const g of [...groups.values()].sort((a, b) => a.date.localeCompare(b.date))) {
    const n = perDate.get(g.date) ?? 0;
    perDate.set(g.date, n + 1);
    const id = eventId(g.date, n);
    const turns: Turn[] = [];
    const speakers = new Map<string, number>();
    let han = 0;
    const warnings: SourceReport['warnings'] = [];
    for (const r of g.rows) {
      const q = textField(get(r.record, f.question))!;
      const a = textField(get(r.record, f.answer));
      const outlet = f.outlet ? textField(get(r.record, f.outlet))?.trim() : undefined;
      const speaker = f.speaker ? textField(get(r.record, f.speaker))?.trim() : undefined;
      if (speaker) speakers.set(speaker, (speakers.get(speaker) ?? 0) + 1);
      const qp = paragraphs(q);
      const label = outlet || '问';
      turns.push({ kind: 'question', paragraphs: qp, question: { id: '', seq: 0, label, outlet: outlet || outletOf(label), title: questionTitle(qp.join('')), topics: tagTopics(qp.join(''), opts.topics) } });
      const ap = paragraphs(a);
      if (ap.length) turns.push({ kind: 'answer', ...(speaker ? { speaker } : {}), paragraphs: ap });
      else warnings.push({ file, line: r.line || 1, rule: 'structured', severity: 'warning', message: `${where(file, r)}: question without an answer in "${f.answer}"` });
      han += countHan(q) + countHan(a ?? '');
    }
    const title = f.title ? g.rows.map((r) => textField(get(r.record, f.title!))?.trim()).find(Boolean) : undefined;
    const speaker = [...speakers].sort((a, b) => b[1] - a[1])[0]?.[0];
    const event: PressEvent = {
      meta: {
        id,
        date: g.date,
        year: Number(g.date.slice(0, 4)),
        title: title ?? `${id} press conference`,
        ...(speaker ? { speaker } : {}),
        language: opts.language ?? 'zh-CN',
        sources: [{ file, role: 'primary', sha: opts.report.sha, layout: format, encoding: opts.report.encoding }],
      },
      turns,
      highlights: [],
    };
    assignIds(event);
    const report: SourceReport = {
      file,
      ...opts.report,
      encoding: opts.report.encoding,
      layout: `structured-${format}`,
      layoutEvidence: `${g.rows.length} record(s) through structured.fields`,
      role: 'primary',
      event: id,
      damaged: false,
      fixes: {},
      removals: [],
      warnings,
      variants: [],
      messages: [],
      hanChars: han,
      questions: g.rows.length,
    };
    const paras = turns.flatMap((t) => t.paragraphs.map((text) => ({ text, src: 1 })));
    sources.push({ file, kind: 'structured', report, meta: { date: g.date, year: event.meta.year, title: event.meta.title, titles: [] }, turns, paras, highlights: [], event });
  }
  return { sources, errors };
}

/**
 * A source path that is a structured file (by extension, or a .txt holding JSON): its events, or
 * undefined for any other file. Files that pressbook wrote are skipped (listed in report.skipped);
 * records that cannot be placed become errors of the report.
 */
/** A source `readStructuredFile` turns down at once (a page or a transcript, not a JSON/CSV corpus). */
export function surelyNotStructured(abs: string, buf: Uint8Array): boolean {
  if (structuredFormat(abs)) return false;
  if (/\.(md|markdown|html?|xhtml)$/i.test(abs)) return true;
  return buf.length > 0 && buf[0] !== 0x5b && buf[0] !== 0x7b && buf[0] !== 0xef; // not "[" / "{" (or a BOM)
}

export function readStructuredFile(abs: string, file: string, topics: TopicTable, opts: Pick<CleanOptions, 'structured' | 'language'>, report: CleanReport, bytes: SourceBytes): ProcessedSource[] | undefined {
  if (surelyNotStructured(abs, bytes.buf)) return undefined;
  const byExt = structuredFormat(abs);
  const buf = bytes.buf;
  const dec = decodeBuffer(buf, file);
  const format = byExt ?? structuredFormat(abs, dec.text);
  if (!format) return undefined;
  const own = isToolOutput(dec.text);
  if (own) {
    (report.skipped ??= []).push({ file, reason: own });
    return [];
  }
  const sha = bytes.sha256.slice(0, 16);
  const r = readStructured(dec.text, file, format, opts.structured, { topics, language: opts.language, report: { encoding: dec.encoding, eol: dec.eol, bom: dec.bom, sha } });
  report.errors.push(...r.errors);
  return r.sources;
}
