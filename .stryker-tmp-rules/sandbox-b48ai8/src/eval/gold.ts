/**
 * Gold files for the accuracy evaluation (`npm run eval`).
 *
 * A gold file is a TSV (or a JSON array of the same rows) with a header line naming its columns:
 *
 *   file  date  title  speaker  questions  followups  notes
 *
 * - `file`: the page's path, matched against the trailing path segments of the cleaned pages
 *   ("2017-01-03.html" or "zh/2017/2017-01-03.html");
 * - `date`: the press conference's ISO date; `title`: its title as the page prints it;
 * - `speaker`: the spokesperson answering (empty: not checked);
 * - `questions` / `followups`: numbered questions and follow-up questions (`追问：`, `X记者追问：`);
 * - `notes`: free text (what is odd about the page), never read by the evaluation.
 *
 * Lines starting with `#` are comments. A guide file (the corpus' `expected-zh.tsv`: file, date,
 * title, questions, followups, no speaker) is read the same way; with `guide: true` a missing speaker
 * is taken from the title ("…外交部发言人耿爽主持例行记者会" → 耿爽).
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';

export interface GoldRow {
  file: string;
  date: string;
  title?: string;
  speaker?: string;
  questions: number;
  followups: number;
  notes?: string;
}

const REQUIRED = ['file', 'date', 'questions', 'followups'] as const;

/** The spokesperson named in a ministry title: "外交部发言人耿爽主持例行记者会" → "耿爽". */
export function speakerFromTitle(title: string): string | undefined {
  const m = /发言人([\p{Script=Han}·]{2,4}?)(?:主持|就|答|回答|在|宣布|表示|介绍|应询)/u.exec(title);
  return m?.[1];
}

function toRow(rec: Record<string, unknown>, where: string, guide: boolean): GoldRow {
  for (const k of REQUIRED) if (rec[k] === undefined || String(rec[k]).trim() === '') throw new Error(`${where}: missing "${k}"`);
  const num = (k: 'questions' | 'followups') => {
    const n = Number(String(rec[k]).trim());
    if (!Number.isInteger(n) || n < 0) throw new Error(`${where}: "${k}" is not a count: ${String(rec[k])}`);
    return n;
  };
  const str = (k: string) => {
    const v = rec[k];
    return v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim();
  };
  const date = str('date')!;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${where}: "date" is not an ISO date: ${date}`);
  const row: GoldRow = { file: str('file')!.replace(/\\/g, '/'), date, questions: num('questions'), followups: num('followups') };
  const title = str('title');
  if (title) row.title = title;
  const speaker = str('speaker') ?? (guide && title ? speakerFromTitle(title) : undefined);
  if (speaker) row.speaker = speaker;
  const notes = str('notes');
  if (notes) row.notes = notes;
  return row;
}

/** Parse a gold (or guide) file's text; `name` is used in error messages. */
export function parseGold(text: string, name: string, opts: { guide?: boolean } = {}): GoldRow[] {
  const guide = !!opts.guide;
  const t = text.replace(/^\ufeff/, '');
  if (/^\s*\[/.test(t)) {
    const data = JSON.parse(t) as unknown;
    if (!Array.isArray(data)) throw new Error(`${name}: a JSON gold file is an array of rows`);
    return data.map((r, i) => toRow(r as Record<string, unknown>, `${name}: row ${i + 1}`, guide));
  }
  const lines = t.split(/\r?\n/);
  let header: string[] | undefined;
  const rows: GoldRow[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim().toLowerCase());
      for (const k of REQUIRED) if (!header.includes(k)) throw new Error(`${name}:${i + 1}: header lacks the column "${k}" (columns: ${REQUIRED.join(', ')}, title, speaker, notes)`);
      return;
    }
    const rec: Record<string, string> = {};
    header.forEach((h, j) => (rec[h] = cells[j] ?? ''));
    rows.push(toRow(rec, `${name}:${i + 1}`, guide));
  });
  if (!header) throw new Error(`${name}: empty gold file`);
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.file)) throw new Error(`${name}: "${r.file}" is listed twice`);
    seen.add(r.file);
  }
  return rows;
}

export function readGold(path: string, opts: { guide?: boolean } = {}): GoldRow[] {
  return parseGold(readFileSync(path, 'utf8'), path, opts);
}
