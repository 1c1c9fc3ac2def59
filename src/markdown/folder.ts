import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { codeStamp, readStore, writeStore } from '../util/cache.js';
import type { PressEvent } from '../model/types.js';
import { PressbookError } from '../errors.js';
import { parseEventMarkdown } from './parse.js';
import { runInWorkers, workerThreads, type Outcome, type WorkerError } from '../util/workers.js';

/**
 * Read every canonical Markdown file in a folder into events (sorted by date, then id). Two files
 * with the same event id are an error naming both: every question id is scoped to its event id, so
 * this keeps ids unique across the whole book. `onMessage` receives the parser's informational
 * messages as "file:line:column: message" (e.g. a format-1 file whose ids were renumbered).
 *
 * `cacheFile`: the parse of each file kept across runs (v8 serialisation), keyed by its path and text and
 * salted with pressbook's code, so a rebuild parses only the files that changed; a file that fails to
 * parse is never stored, so its error is reported every time.
 */
export function readMarkdownFolder(dir: string, onMessage?: (message: string) => void, only?: string[], cacheFile?: string): PressEvent[] {
  const r = prepare(dir, only, cacheFile);
  const parsed = r.todo.map((i): Outcome<Parsed> => {
    try {
      return { ok: parse(r.texts[i]!, r.paths[i]!) };
    } catch (e) {
      return { err: parseErrorMessage(e) };
    }
  });
  return finish(r, new Map(r.todo.map((i, k) => [i, parsed[k]!])), onMessage, cacheFile);
}

/**
 * `readMarkdownFolder` with the files parsed on worker threads as well as this one (util/workers.ts:
 * compiled lib/ only, a few files at least, several cores): the same events, messages and errors, in
 * the same order.
 */
export async function readMarkdownFolderInParallel(dir: string, onMessage?: (message: string) => void, only?: string[], cacheFile?: string): Promise<PressEvent[]> {
  const r = prepare(dir, only, cacheFile);
  const threads = workerThreads(WORKER, r.todo.length);
  if (!threads) return readMarkdownFolder(dir, onMessage, only, cacheFile);
  const run = runInWorkers<ParseJob, Parsed>(WORKER, 'pressbook-parse', r.todo.map((i) => ({ text: r.texts[i]!, path: r.paths[i]! })), threads);
  const done = new Map<number, Outcome<Parsed>>();
  for (let k = 0; k < r.todo.length; k++) {
    const i = r.todo[k]!;
    const theirs = run.claim(k) ? undefined : await run.results[k]!.catch(() => undefined);
    if (theirs) done.set(i, theirs);
    else
      try {
        done.set(i, { ok: parse(r.texts[i]!, r.paths[i]!) });
      } catch (e) {
        done.set(i, { err: parseErrorMessage(e) });
      }
  }
  return finish(r, done, onMessage, cacheFile);
}

const WORKER = new URL('./parse-worker.js', import.meta.url);

/** One file for a worker to parse. */
export interface ParseJob {
  text: string;
  path: string;
}

/** A file parsed: its event and the parser's messages as "file:line:column: message". */
export function parse(text: string, path: string): Parsed {
  const { event, file } = parseEventMarkdown(text, path);
  return { event, messages: file.messages.map((m) => `${path}:${m.line ?? 1}:${m.column ?? 1}: ${m.reason}`) };
}

/** A parse error as a message: the parser throws PressbookErrors (file, line), anything else is a plain Error. */
export function parseErrorMessage(e: unknown): WorkerError {
  if (e instanceof PressbookError) return { kind: 'PressbookError', message: e.message, file: e.file, line: e.line, hint: e.hint };
  return { kind: 'Error', message: e instanceof Error ? e.message : String(e) };
}

function parseError(m: WorkerError): Error {
  if (m.kind === 'PressbookError') return new PressbookError(m.message, { file: m.file as string | undefined, line: m.line as number | undefined, hint: m.hint as string | undefined });
  return new Error(m.message);
}

/** The files, their text, their cache keys and the stored parses; `todo`: the indexes of the files to parse. */
function prepare(dir: string, only: string[] | undefined, cacheFile: string | undefined) {
  const files = only ? only.map((p) => basename(p)).sort() : readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const stored = cacheFile ? (readStore<Parsed>(cacheFile, codeStamp()) ?? new Map<string, Parsed>()) : undefined;
  const paths = files.map((f) => join(dir, f));
  const texts = paths.map((path) => readFileSync(path, 'utf8'));
  const keys = paths.map((path, i) => (stored ? createHash('sha256').update(path).update('\0').update(texts[i]!).digest('hex') : ''));
  const todo = keys.flatMap((k, i) => (stored?.has(k) ? [] : [i]));
  return { paths, texts, keys, stored, todo };
}

/** In the files' order: each one's messages, the duplicate-id check, the first error thrown; the cache written. */
function finish(r: ReturnType<typeof prepare>, parsed: Map<number, Outcome<Parsed>>, onMessage: ((message: string) => void) | undefined, cacheFile: string | undefined): PressEvent[] {
  const { paths, keys, stored } = r;
  const byId = new Map<string, string>();
  const used = new Map<string, Parsed>();
  const events = paths.map((path, i) => {
    const key = keys[i]!;
    let p: Parsed;
    const o = parsed.get(i);
    if (o) {
      if ('err' in o) throw parseError(o.err);
      p = o.ok;
    } else p = structuredClone(stored!.get(key)!);
    if (stored) used.set(key, structuredClone(p));
    const ev = p.event;
    // informational messages (errors throw): "file:line:column: message"
    for (const m of p.messages) onMessage?.(m);
    const other = byId.get(ev.meta.id);
    if (other) throw new PressbookError(`${path}:1: event id "${ev.meta.id}" is also the id of ${other} (a later event of the same date takes ${ev.meta.date}b, ${ev.meta.date}c …)`, { file: path, line: 1 });
    byId.set(ev.meta.id, path);
    return ev;
  });
  if (cacheFile && stored && (used.size !== stored.size || [...used.keys()].some((k) => !stored.has(k)))) writeStore(cacheFile, codeStamp(), used);
  return events.sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
}

export interface Parsed {
  event: PressEvent;
  messages: string[];
}
