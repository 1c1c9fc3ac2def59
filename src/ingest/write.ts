/**
 * Output of `clean`: one canonical Markdown file per event, report.json, questions.json and
 * questions.csv — each written atomically (temp file in the same folder, then rename). A Markdown
 * file edited by hand since it was generated is kept unless `force`.
 */
import { pairEditions } from '../align/align.js';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { codeStamp, readStore, writeStore } from '../util/cache.js';
import { writeFileAtomic } from '../util/fs.js';
import { noteFileSha256 } from '../util/file-hash.js';
import { isHandEdited, serializeEvent } from '../markdown/serialize.js';
import { followUpsOf, questionsOf, type PressEvent } from '../model/types.js';
import type { CleanReport } from './report.js';
import type { CleanResult } from './index.js';
import type { Diagnostic } from './message.js';
import { sha256Hex } from '../util/hash.js';

export interface WriteResult {
  /** every output file now present, for manifests */
  files: { path: string; kind: 'markdown' | 'report' | 'questions-json' | 'questions-csv' }[];
  /** files (re)written */
  written: string[];
  /** files already identical */
  unchanged: string[];
  /** Markdown files kept because a person edited them (no --force) */
  skipped: string[];
  /** hand-edited files overwritten because of --force */
  overwritten: string[];
  /** where each overwritten hand edit was saved first (same order as `overwritten`) */
  backups: string[];
  /**
   * Markdown files no source made this time (the source was removed, re-dated or failed):
   * `removed` (generated, unedited: deleted), `orphans` (edited by hand: kept and still published,
   * with a warning), `held` (unedited, but their source failed to clean this time: kept on disk, not
   * published, so a failed clean never loses the last good text).
   */
  removed: string[];
  orphans: string[];
  held: string[];
  /** the Markdown files to publish: made this run, kept hand edits, hand-edited orphans */
  publish: string[];
}

export interface FollowUpRow {
  /** "2021-03-07-05-f1" */
  id: string;
  /** the id of the question followed up */
  parent: string;
  /** 1-based number within its question */
  seq: number;
  outlet: string;
  label: string;
  title: string;
  question: string;
  topics: string[];
  /** the same question in the other edition of a paired press conference (src/align) */
  translation?: TranslationCell;
}

/** A question's counterpart in the paired edition in another language. */
export interface TranslationCell {
  language: string;
  /** its id in the other edition (absent when the counterpart is not a numbered question there) */
  id?: string;
  question: string;
}

export interface QuestionRow {
  id: string;
  year: number;
  date: string;
  event: string;
  seq: number;
  outlet: string;
  label: string;
  title: string;
  question: string;
  topics: string[];
  /** the follow-ups of this question, in order (empty when none) */
  followups: FollowUpRow[];
  /** the same question in the other edition of a paired press conference (src/align) */
  translation?: TranslationCell;
}

/**
 * Each question's counterpart in the paired edition in another language: the events of two
 * languages on one day are paired and aligned (src/align), both ways.
 */
export function questionTranslations(events: PressEvent[]): Map<string, TranslationCell> {
  const out = new Map<string, TranslationCell>();
  const langs = new Set(events.map((e) => e.meta.language));
  if (langs.size < 2) return out;
  const byId = new Map(events.map((e) => [e.meta.id, e]));
  for (const p of pairEditions(events).pairs) {
    const s = byId.get(p.source)!;
    const t = byId.get(p.target)!;
    for (const b of p.turns) {
      if (b.source === undefined || b.target === undefined) continue;
      const a = s.turns[b.source]!;
      const c = t.turns[b.target]!;
      if (a.question) out.set(a.question.id, { language: t.meta.language, ...(c.question ? { id: c.question.id } : {}), question: c.paragraphs.join('\n') });
      if (c.question) out.set(c.question.id, { language: s.meta.language, ...(a.question ? { id: a.question.id } : {}), question: a.paragraphs.join('\n') });
    }
  }
  return out;
}

/** One row per numbered question, its follow-ups listed under it. */
export function questionRows(events: PressEvent[]): QuestionRow[] {
  const rows: QuestionRow[] = [];
  const tr = questionTranslations(events);
  const withTr = <T extends object>(row: T, id: string): T => (tr.has(id) ? { ...row, translation: tr.get(id)! } : row);
  for (const ev of events) {
    const fus = followUpsOf(ev);
    for (const t of questionsOf(ev))
      rows.push(withTr({
        id: t.question.id,
        year: ev.meta.year,
        date: ev.meta.date,
        event: ev.meta.id,
        seq: t.question.seq,
        outlet: t.question.outlet,
        label: t.question.label,
        title: t.question.title,
        question: t.paragraphs.join('\n'),
        topics: t.question.topics,
        followups: (fus.get(t.question.id) ?? []).map((f) =>
          withTr(
            {
              id: f.question.id,
              parent: t.question.id,
              seq: f.question.seq,
              outlet: f.question.outlet,
              label: f.question.label,
              title: f.question.title,
              question: f.paragraphs.join('\n'),
              topics: f.question.topics,
            },
            f.question.id,
          ),
        ),
      }, t.question.id));
  }
  return rows;
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * questions.csv: one row per question, each followed by one row per follow-up; `parent` is empty on
 * a question's row and names the question on a follow-up's row (whose `seq` counts within it).
 */
export function questionsCsv(rows: QuestionRow[]): string {
  // paired editions: three more columns (the counterpart's language, id and text), only when there are any
  const paired = rows.some((r) => r.translation || r.followups.some((f) => f.translation));
  const head = ['id', 'parent', 'year', 'date', 'event', 'seq', 'outlet', 'title', 'question', 'topics', ...(paired ? ['translation_language', 'translation_id', 'translation'] : [])];
  const trCells = (t: TranslationCell | undefined) => (paired ? [t?.language ?? '', t?.id ?? '', t?.question ?? ''] : []);
  const lines = [head.join(',')];
  for (const r of rows) {
    lines.push([r.id, '', r.year, r.date, r.event, r.seq, r.outlet, r.title, r.question, r.topics.join(' '), ...trCells(r.translation)].map(csvCell).join(','));
    for (const f of r.followups) lines.push([f.id, f.parent, r.year, r.date, r.event, f.seq, f.outlet, f.title, f.question, f.topics.join(' '), ...trCells(f.translation)].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * `questions: false` leaves questions.json/.csv to the caller: `build` and `handout` render them from
 * the final Book (render/data), so they are not written twice, once from the raw clean.
 */
export function writeCleanOutput(result: CleanResult, outDir: string, opts: { force?: boolean; questions?: boolean; memoFile?: string } = {}): WriteResult {
  mkdirSync(outDir, { recursive: true });
  // memoFile: per Markdown file, the event it was last written from (a hash of its JSON) and
  // the hash of the text written, salted with pressbook's code. A file still holding exactly that text,
  // for the same event, is what serializeEvent would write again: it is not serialised anew (a rebuild
  // after a one-file edit re-serialised every event). Anything else (a hand edit, a changed event, no
  // record) takes the full path below, so hand edits and --force behave as without the record.
  const memo = opts.memoFile ? (readStore<{ event: string; text: string }>(opts.memoFile, codeStamp()) ?? new Map<string, { event: string; text: string }>()) : undefined;
  const memoNext = new Map<string, { event: string; text: string }>();
  const res: WriteResult = { files: [], written: [], unchanged: [], skipped: [], overwritten: [], backups: [], removed: [], orphans: [], held: [], publish: [] };
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const put = (path: string, data: string, kind: WriteResult['files'][number]['kind']) => {
    // compared as bytes: report.json is ~7 MB for a year of briefings, and decoding it took twice as long
    if (existsSync(path) && readFileSync(path).equals(Buffer.from(data, 'utf8'))) res.unchanged.push(path);
    else {
      writeFileAtomic(path, data);
      res.written.push(path);
    }
    res.files.push({ path, kind });
  };
  for (const ev of result.events) {
    const path = join(outDir, `${ev.meta.id}.md`);
    // JSON, not v8: a freshly cleaned event and the same event from the clean cache v8-serialise
    // differently (the first rebuild after a full build re-serialised every file); an event is plain data
    const evKey = memo ? sha256Hex(JSON.stringify(ev)) : '';
    const bytes = existsSync(path) ? readFileSync(path) : undefined;
    const rec = memo?.get(path);
    // the file's bytes hashed (the hash of the text written, as UTF-8): the file's sha-256, said to the manifest
    const bytesSha = memo && bytes && rec ? sha256Hex(bytes) : undefined;
    if (memo && bytes && rec && rec.event === evKey && rec.text === bytesSha) {
      noteFileSha256(path, bytesSha);
      memoNext.set(path, rec);
      res.unchanged.push(path);
      res.files.push({ path, kind: 'markdown' });
      res.publish.push(path);
      continue;
    }
    const old = bytes?.toString('utf8');
    const md = serializeEvent(ev);
    if (old !== undefined) {
      if (old !== md && isHandEdited(old)) {
        if (!opts.force) {
          res.skipped.push(path);
          res.files.push({ path, kind: 'markdown' });
          res.publish.push(path);
          continue;
        }
        // --force: the hand edit is saved before it is replaced, and named
        const backup = join(outDir, '.backup', stamp, `${ev.meta.id}.md`);
        mkdirSync(join(outDir, '.backup', stamp), { recursive: true });
        copyFileSync(path, backup);
        res.overwritten.push(path);
        res.backups.push(backup);
      }
    }
    if (old === md) {
      res.unchanged.push(path);
      res.files.push({ path, kind: 'markdown' });
    } else put(path, md, 'markdown');
    res.publish.push(path);
    if (memo) memoNext.set(path, { event: evKey, text: sha256Hex(md) });
  }
  // the folder is derived state: Markdown that no source made this time
  const made = new Set(result.events.map((e) => `${e.meta.id}.md`));
  const failed = new Set(result.report.errors.map((e) => e.file));
  for (const name of readdirSync(outDir).filter((f) => f.endsWith('.md') && !made.has(f)).sort()) {
    const path = join(outDir, name);
    const text = readFileSync(path, 'utf8');
    if (isHandEdited(text)) {
      res.orphans.push(path);
      res.publish.push(path);
      res.files.push({ path, kind: 'markdown' });
    } else if (sourcesOf(text).some((f) => failed.has(f))) {
      res.held.push(path);
    } else {
      rmSync(path, { force: true });
      res.removed.push(path);
    }
  }
  // report.json (~7 MB for a year of briefings: ~50 ms to serialise): not serialised again when the
  // clean's report key is the one it was written for and the file still holds exactly what was written
  const reportPath = join(outDir, 'report.json');
  const reportRec = result.reportKey ? memo?.get(reportPath) : undefined;
  if (reportRec && reportRec.event === result.reportKey && existsSync(reportPath) && reportRec.text === sha256Hex(readFileSync(reportPath))) {
    noteFileSha256(reportPath, reportRec.text);
    memoNext.set(reportPath, reportRec);
    res.unchanged.push(reportPath);
    res.files.push({ path: reportPath, kind: 'report' });
  } else {
    const text = JSON.stringify(result.report, null, 2) + '\n';
    put(reportPath, text, 'report');
    if (memo && result.reportKey) memoNext.set(reportPath, { event: result.reportKey, text: sha256Hex(text) });
  }
  if (memo && (memoNext.size !== memo.size || [...memoNext].some(([k, v]) => memo.get(k)?.event !== v.event || memo.get(k)?.text !== v.text))) writeStore(opts.memoFile!, codeStamp(), memoNext);
  // a clean where no source published anything leaves the earlier question lists alone
  if (opts.questions !== false && (result.events.length || !result.report.errors.length)) {
    const rows = questionRows(result.events);
    put(join(outDir, 'questions.json'), JSON.stringify(rows, null, 2) + '\n', 'questions-json');
    put(join(outDir, 'questions.csv'), questionsCsv(rows), 'questions-csv');
  }
  return res;
}

/** The `sources:` files named in a canonical Markdown file's front matter. */
function sourcesOf(text: string): string[] {
  const fm = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return [...fm.matchAll(/^\s*-?\s*file: (.+)$/gm)].map((m) => m[1]!.trim().replace(/^(['"])(.*)\1$/, '$2'));
}

/** Linter-like terminal summary: `file:line rule message` for warnings and removals, then totals. */
export function formatSummary(report: CleanReport, opts: { verbose?: boolean; maxPerSource?: number } = {}): string {
  const out: string[] = [];
  const max = opts.maxPerSource ?? 40;
  const totals: Record<string, number> = {};
  let removals = 0;
  let warnings = 0;
  const short = (s: string) => (s.length > 60 ? s.slice(0, 57) + '…' : s).replace(/\n/g, '⏎');
  // errors already shown as a rejected source's message are not repeated; every error keeps its hint
  const shown = new Set<string>();
  const hintOf = new Map(report.errors.map((e) => [e.message, e.hint]));
  for (const s of report.sources) {
    const fixes = Object.entries(s.fixes)
      .filter(([, n]) => n)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    out.push(`${s.file}  [${s.encoding}, ${s.layout}] ${s.role}${s.event ? ' → ' + s.event : ''}${s.damaged ? ' DAMAGED' : ''}${s.questions !== undefined ? `, ${s.questions} questions` : ''}`);
    if (fixes) out.push(`  fixes: ${fixes}`);
    const items: Diagnostic[] = [...s.warnings, ...s.removals.filter((d) => d.severity !== 'info' || opts.verbose)].sort((a, b) => a.line - b.line);
    // runs of the same message (a loop removed 40 times) collapse into one line with a range
    const groups: { first: Diagnostic; last: Diagnostic; n: number }[] = [];
    const kind = (d: Diagnostic) => d.rule + '\u0000' + d.message.replace(/\(.*\)$/, '');
    for (const d of items) {
      const g = groups[groups.length - 1];
      if (g && kind(g.last) === kind(d) && d.removed !== undefined && g.last.removed !== undefined && d.rule === 'corruption') {
        g.last = d;
        g.n++;
      } else groups.push({ first: d, last: d, n: 1 });
    }
    for (const g of groups.slice(0, max)) {
      const d = g.first;
      if (s.role === 'rejected' && d.rule === 'input' && d.severity === 'error') {
        // sources: the rejection, once, with its hint
        shown.add(d.message);
        out.push(`  error ${d.message}`);
        const hint = hintOf.get(d.message);
        if (hint) out.push(`    hint: ${hint}`);
        continue;
      }
      // vfile-reporter style: file:line:column  severity  message  rule
      if (g.n > 1) out.push(`  ${d.file}:${d.line}-${g.last.line}  ${d.severity}  ${d.message.replace(/\(.*\)$/, '').trim()} ×${g.n}  ${d.rule}`);
      else out.push(`  ${d.file}:${d.line}:${d.column ?? 1}  ${d.severity}  ${d.message}${d.removed !== undefined ? `: "${short(d.removed)}"` : ''}  ${d.rule}`);
    }
    if (groups.length > max) out.push(`  … ${groups.length - max} more (see report.json)`);
    const info = s.removals.filter((d) => d.severity === 'info').length;
    if (info && !opts.verbose) out.push(`  ${info} text span(s) moved to metadata/highlights or not printed (see report.json)`);
    if (s.variants.length) out.push(`  ${s.variants.length} variant reading(s) against the primary`);
    for (const [k, n] of Object.entries(s.fixes)) totals[k] = (totals[k] ?? 0) + n;
    removals += s.removals.length;
    warnings += s.warnings.filter((w) => w.severity === 'warning').length;
  }
  for (const e of report.errors) {
    if (shown.has(e.message)) continue;
    out.push(`${e.file}${e.line ? ':' + e.line : ''} error ${e.message}`);
    if (e.hint) out.push(`    hint: ${e.hint}`);
  }
  for (const k of report.skipped ?? []) out.push(`${k.file}: skipped (${k.reason})`);
  const failed = new Set(report.errors.map((e) => e.file));
  if (failed.size) out.push(`\n${failed.size} source(s) with errors: what they hold is not (or not all) published — see the messages above and "errors" in report.json`);
  const t = Object.entries(totals)
    .filter(([, n]) => n)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  out.push(`\n${report.sources.length} source(s): ${report.errors.length} error(s), ${warnings} warning(s), ${removals} removal(s)${t ? '; fixes: ' + t : ''}`);
  return out.join('\n');
}
