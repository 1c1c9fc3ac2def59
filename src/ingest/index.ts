/**
 * Ingest: decode → detect layout → clean rules → structure → editions.
 * Public API used by the CLI and the build: `cleanSources(paths, opts) → {events, report}`.
 *
 *   sources/walk.ts   finding the files        process.ts   one source: decode → rules → turns
 *   sources/*         HTML, blanks, page metadata, structured corpora, rejections
 *   group.ts          sources → events (primaries, witnesses, digests on evidence)
 *   report.ts         the report types          message.ts   the message type
 */
import { createHash } from 'node:crypto';
import type { PressEvent } from '../model/types.js';
import { codeStamp, readStore, writeStore } from '../util/cache.js';
import { PressbookError } from '../errors.js';
import { groupEvents } from './group.js';
import { mergeTopics } from './topics.js';
import { EMPTY_PRESET, loadPreset, type Preset } from './preset.js';
import { readStructuredFile, surelyNotStructured } from './sources/structured.js';
import { runInWorkers, workerModule, workerThreads, type Outcome } from '../util/workers.js';
import { cleanError, type CleanJob } from './clean-jobs.js';
import type { StructuredConfig } from '../config/schema.js';
import { RejectedSource, reportUnpublished } from './sources/reject.js';
import { displayName, walkSources } from './sources/walk.js';
import { processFile, readSource, type ProcessedSource } from './process.js';
import { emptyReport, type CleanReport } from './report.js';
import { turnEvery } from '../util/turns.js';

export type { Diagnostic } from './message.js';
export type { SourceReport, CleanReport } from './report.js';
export { processText, processFile, type ProcessedSource } from './process.js';

export interface CleanOptions {
  /** extra topic keywords from the book config: tag → keywords */
  topics?: Record<string, string[]>;
  /** corpus knowledge (topic keywords, session → year rules): a preset name ("npc"), a YAML path (relative to baseDir) or a loaded preset */
  preset?: string | Preset;
  language?: string;
  /** source names in reports and front matter are relative to this folder (default: the working directory) */
  baseDir?: string;
  /** field mapping for JSON / JSON Lines / CSV Q&A corpora among the sources (pressbook.yaml `structured`) */
  structured?: StructuredConfig;
  /** folders never read as sources (the output folder, when it lies inside a source folder) */
  exclude?: string[];
  /**
   * reuse the cleaning of unchanged sources (same path, same bytes) across calls: the preview keeps one
   * and re-cleans only the source that was saved. Keyed by absolute path; filled by this function.
   */
  memo?: Map<string, { sha256: string; processed: ProcessedSource }>;
  /**
   * the same reuse across runs: the cleaning of each source kept in this file (the build keeps it in the
   * output folder's cache), valid while pressbook's code and the cleaning options (topics, preset, language,
   * base folder) stay the same; entries of sources that are gone are dropped. Ignored with `memo`.
   */
  memoFile?: string;
  /** called before each source file is read (progress on a terminal) */
  progress?: (done: number, total: number) => void;
}

export interface CleanResult {
  events: PressEvent[];
  report: CleanReport;
  /** absolute paths of the sources cleaned by this call (with `memo`, the others were reused) */
  cleaned?: string[];
  /**
   * With `memoFile`: a key of everything the report depends on (the memo's salt, the base folder, each
   * source's path and bytes, what the walk skipped); undefined when a source could not be read. The
   * same key gives the same report (writeCleanOutput then need not serialise it again).
   */
  reportKey?: string;
}

export async function cleanSources(paths: string[], opts: CleanOptions = {}): Promise<CleanResult> {
  const preset = typeof opts.preset === 'string' ? loadPreset(opts.preset, opts.baseDir) : (opts.preset ?? EMPTY_PRESET);
  const topics = mergeTopics(opts.topics, preset.topics);
  const report: CleanReport = { sources: [], errors: [] };
  const processed: ProcessedSource[] = [];
  const walked = walkSources(paths, { exclude: opts.exclude });
  const stored = opts.memo ? undefined : opts.memoFile ? loadMemo(opts.memoFile, memoSalt(topics, preset, opts)) : undefined;
  if (stored) opts = { ...opts, memo: stored.memo };
  for (const pr of walked.problems) {
    const file = displayName(pr.file, opts.baseDir);
    if (/loop/.test(pr.message)) (report.skipped ??= []).push({ file, reason: pr.message });
    else report.errors.push({ file, message: pr.message });
  }
  for (const dir of walked.excluded) (report.skipped ??= []).push({ file: displayName(dir, opts.baseDir), reason: 'the output folder: never read as a source' });
  // the same bytes twice (a copy of a file under another name) are read once and reported
  const bySha = new Map<string, string>();
  const cleaned: string[] = [];
  const hits = new Set<string>();
  const ahead = cleanAhead(walked.files, topics, preset, opts);
  const keyed: string[] | undefined = stored ? [stored.salt, opts.baseDir ?? '', JSON.stringify([walked.problems, walked.excluded, opts.structured ?? null])] : undefined;
  let unreadable = false;
  let nth = 0;
  const turn = turnEvery(20);
  for (const abs of walked.files) {
    opts.progress?.(nth++, walked.files.length);
    // a turn of the event loop every ~20 ms (a Chromium launched meanwhile talks to this thread)
    await turn();
    try {
      // each source is read and hashed once, and handed to the readers
      let bytes;
      try {
        bytes = readSource(abs, displayName(abs, opts.baseDir));
      } catch (e) {
        unreadable = true;
        throw e;
      }
      keyed?.push(abs, bytes.sha256);
      const first = bySha.get(bytes.sha256);
      if (first) {
        (report.skipped ??= []).push({ file: displayName(abs, opts.baseDir), reason: `identical to ${displayName(first, opts.baseDir)} (same bytes): read once` });
        continue;
      }
      bySha.set(bytes.sha256, abs);
      // sources: structured corpora (JSON, JSON Lines, CSV) become events through the field mapping
      const st = readStructuredFile(abs, displayName(abs, opts.baseDir), topics, opts, report, bytes);
      if (st) {
        processed.push(...st);
        cleaned.push(abs);
        continue;
      }
      // grouping writes into a source's report and turns: a reused cleaning is handed on as a copy
      const hit = opts.memo?.get(abs);
      if (hit && hit.sha256 === bytes.sha256) {
        // a memo read from memoFile for this call alone is handed on as it is (no copy): before the
        // store is written again, the entries used so are read afresh from the file (below)
        if (stored) hits.add(abs);
        processed.push(stored ? hit.processed : structuredClone(hit.processed));
        continue;
      }
      // cleaned on a worker thread meanwhile (the same function on the same bytes), else here
      const sent = ahead.get(abs);
      const done = sent?.sha256 === bytes.sha256 && !sent.claim() ? await sent.result.catch(() => undefined) : undefined;
      if (done && 'err' in done) throw cleanError(done.err);
      const p = done ? done.ok : processFile(abs, topics, opts.baseDir, preset.sessions, opts.language ?? 'zh-CN', bytes);
      cleaned.push(abs);
      opts.memo?.set(abs, { sha256: bytes.sha256, processed: structuredClone(p) });
      processed.push(p);
    } catch (e) {
      const file = e instanceof PressbookError && e.file ? e.file : displayName(abs, opts.baseDir);
      const message = e instanceof Error ? e.message : String(e);
      const hint = e instanceof PressbookError ? e.hint : undefined;
      report.errors.push({ file, line: e instanceof PressbookError ? e.line : undefined, message, ...(hint ? { hint } : {}) });
      // sources: a rejected source keeps what was learnt about it (encoding, layout, removals)
      const rej = e instanceof RejectedSource ? { ...e.report, role: 'rejected' as const, questions: undefined } : emptyReport(file);
      rej.warnings.push({ file, line: 1, rule: 'input', severity: 'error', message });
      report.sources.push(rej);
    }
  }
  const { events } = groupEvents(processed, opts.language ?? 'zh-CN');
  // sources: a digest that joined no event published nothing: an error with its reason and a hint
  reportUnpublished(processed, report);
  for (const p of processed) report.sources.push(p.report);
  report.sources.sort((a, b) => a.file.localeCompare(b.file));
  events.sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  if (stored) {
    const present = new Set(walked.files);
    let dropped = 0;
    for (const k of stored.memo.keys()) if (!present.has(k)) (stored.memo.delete(k), dropped++);
    if (cleaned.length || dropped || !stored.found) {
      // the entries handed on uncopied may have been changed by grouping: stored as read from the file
      const fresh = hits.size ? loadMemo(opts.memoFile!, stored.salt).memo : new Map<string, Memo extends Map<string, infer V> ? V : never>();
      for (const k of hits) {
        const f = fresh.get(k);
        if (f && f.sha256 === stored.memo.get(k)?.sha256) stored.memo.set(k, f);
        else stored.memo.delete(k);
      }
      writeStore(opts.memoFile!, stored.salt, stored.memo);
    }
  }
  const reportKey = keyed && !unreadable ? createHash('sha256').update(JSON.stringify(keyed)).digest('hex') : undefined;
  return { events, report, cleaned, ...(reportKey ? { reportKey } : {}) };
}

type Memo = NonNullable<CleanOptions['memo']>;

const WORKER = workerModule('ingest/clean-worker.js', new URL('./clean-worker.js', import.meta.url));

/**
 * The sources the loop of `cleanSources` will clean with `processFile` (read, not a duplicate, not a
 * structured corpus, not in the memo), handed to worker threads, which take them from the last one
 * backwards while the loop cleans from the first one forwards (`claim`), by path. None on a single
 * core, for a few sources, or from TypeScript sources (util/workers.ts). The loop still decides
 * everything in its order; a worker's result is only what `processFile` returns there.
 */
function cleanAhead(files: string[], topics: CleanJob['topics'], preset: Preset, opts: CleanOptions): Map<string, { sha256: string; result: Promise<Outcome<ProcessedSource>>; claim: () => boolean }> {
  if (!workerThreads(WORKER, files.length)) return new Map();
  const jobs: CleanJob[] = [];
  const seen = new Set<string>();
  for (const abs of files) {
    let bytes;
    try {
      bytes = readSource(abs, displayName(abs, opts.baseDir));
    } catch {
      continue;
    }
    if (seen.has(bytes.sha256)) continue;
    seen.add(bytes.sha256);
    if (!surelyNotStructured(abs, bytes.buf) || opts.memo?.get(abs)?.sha256 === bytes.sha256) continue;
    jobs.push({ abs, topics, baseDir: opts.baseDir, sessions: preset.sessions, language: opts.language ?? 'zh-CN', buf: bytes.buf, sha256: bytes.sha256 });
  }
  const threads = workerThreads(WORKER, jobs.length);
  if (!threads) return new Map();
  const run = runInWorkers<CleanJob, ProcessedSource>(WORKER, 'pressbook-clean', jobs, threads);
  return new Map(jobs.map((j, i) => [j.abs, { sha256: j.sha256, result: run.results[i]!, claim: () => run.claim(i) }]));
}

/** What a source's cleaning depends on besides its bytes: pressbook's code and the cleaning options. */
function memoSalt(topics: unknown, preset: Preset, opts: CleanOptions): string {
  const h = createHash('sha256');
  h.update(codeStamp());
  h.update(JSON.stringify({ topics, sessions: preset.sessions, language: opts.language ?? 'zh-CN', baseDir: opts.baseDir ?? '' }));
  return h.digest('hex');
}

/** The stored cleanings, or an empty memo when absent, stale or unreadable. */
function loadMemo(file: string, salt: string): { memo: Memo; salt: string; found: boolean } {
  const memo = readStore<{ sha256: string; processed: ProcessedSource }>(file, salt);
  return { memo: memo ?? new Map(), salt, found: !!memo };
}

