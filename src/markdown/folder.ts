import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { codeStamp, readStore, writeStore } from '../util/cache.js';
import type { PressEvent } from '../model/types.js';
import { PressbookError } from '../errors.js';
import { parseEventMarkdown, parsedShape } from './parse.js';
import { isDeepStrictEqual } from 'node:util';
import { rethrown, runInWorkers, workerError, workerModule, workerThreads, type Outcome } from '../util/workers.js';
import { nextTurn } from '../util/turns.js';

/**
 * Read every canonical Markdown file in a folder into events (sorted by date, then id). Two files
 * with the same event id are an error naming both: every question id is scoped to its event id, so
 * this keeps ids unique across the whole book. `onMessage` receives the parser's informational
 * messages as "file:line:column: message" (e.g. a format-1 file whose ids were renumbered).
 *
 * `cacheFile`: the parse of each file kept across runs (v8 serialisation), keyed by its path and text and
 * salted with pressbook's code, so a rebuild parses only the files that changed; a file that fails to
 * parse is never stored, so its error is reported every time.
 *
 * `known`: files this run wrote from events in memory, taken from them and parsed later (checkDeferred).
 * `paths`: receives each event's id → the path of its file.
 */
export function readMarkdownFolder(dir: string, onMessage?: (message: string) => void, only?: string[], cacheFile?: string, known?: KnownMarkdown, paths?: Map<string, string>): PressEvent[] {
  const r = prepare(dir, only, cacheFile, known);
  return finish(r, parseHere(r), onMessage, cacheFile, known, paths);
}

/** The files to parse, parsed on this thread. */
function parseHere(r: ReturnType<typeof prepare>): Map<number, Outcome<Parsed>> {
  return new Map(
    r.todo.map((i): [number, Outcome<Parsed>] => {
      try {
        return [i, { ok: parse(r.texts[i]!, r.paths[i]!) }];
      } catch (e) {
        return [i, { err: workerError(e) }];
      }
    }),
  );
}

/**
 * `readMarkdownFolder` with the files parsed on worker threads as well as this one (util/workers.ts:
 * compiled lib/ only, a few files at least, several cores): the same events, messages and errors, in
 * the same order.
 */
export async function readMarkdownFolderInParallel(dir: string, onMessage?: (message: string) => void, only?: string[], cacheFile?: string, known?: KnownMarkdown, paths?: Map<string, string>): Promise<PressEvent[]> {
  const r = prepare(dir, only, cacheFile, known);
  const threads = workerThreads(WORKER, r.todo.length);
  if (!threads) return finish(r, parseHere(r), onMessage, cacheFile, known, paths);
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
        done.set(i, { err: workerError(e) });
      }
  }
  return finish(r, done, onMessage, cacheFile, known, paths);
}

const WORKER = workerModule('markdown/parse-worker.js', new URL('./parse-worker.js', import.meta.url));

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

/**
 * The files, their text, their cache keys and the stored parses; `mine`: the files this run wrote from
 * events in memory (`known`, not in the cache), taken from them; `todo`: the indexes of the files to parse.
 */
function prepare(dir: string, only: string[] | undefined, cacheFile: string | undefined, known: KnownMarkdown | undefined) {
  const files = only ? only.map((p) => basename(p)).sort() : readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const stored = cacheFile ? (readStore<Parsed>(cacheFile, codeStamp()) ?? new Map<string, Parsed>()) : undefined;
  const paths = files.map((f) => join(dir, f));
  const texts = paths.map((path) => readFileSync(path, 'utf8'));
  const keys = paths.map((path, i) => (stored ? createHash('sha256').update(path).update('\0').update(texts[i]!).digest('hex') : ''));
  const mine = new Map<number, PressEvent>();
  for (let i = 0; i < paths.length; i++) {
    const ev = stored?.has(keys[i]!) ? undefined : known?.written.get(paths[i]!);
    if (ev) mine.set(i, ev);
  }
  const todo = keys.flatMap((k, i) => (stored?.has(k) || mine.has(i) ? [] : [i]));
  return { paths, texts, keys, stored, mine, todo };
}

/** In the files' order: each one's messages, the duplicate-id check, the first error thrown; the cache written. */
function finish(
  r: ReturnType<typeof prepare>,
  parsed: Map<number, Outcome<Parsed>>,
  onMessage: ((message: string) => void) | undefined,
  cacheFile: string | undefined,
  known: KnownMarkdown | undefined,
  idPaths: Map<string, string> | undefined,
): PressEvent[] {
  const { paths, keys, stored } = r;
  const byId = new Map<string, string>();
  const used = new Map<string, Parsed>();
  const events = paths.map((path, i) => {
    const key = keys[i]!;
    let p: Parsed;
    const o = parsed.get(i);
    const mine = r.mine.get(i);
    if (o) {
      if ('err' in o) throw rethrown(o.err);
      p = o.ok;
    } else if (mine) {
      // written by this run from an event in memory: its parse, made without parsing, checked later
      p = { event: parsedShape(mine, /^hash: ([0-9a-f]+)$/m.exec(r.texts[i]!)?.[1]), messages: [] };
      known!.deferred.push({ path, text: r.texts[i]!, key, event: structuredClone(p.event) });
    } else p = structuredClone(stored!.get(key)!);
    if (stored && !mine) used.set(key, structuredClone(p));
    const ev = p.event;
    // informational messages (errors throw): "file:line:column: message"
    for (const m of p.messages) onMessage?.(m);
    const other = byId.get(ev.meta.id);
    if (other) throw new PressbookError(`${path}:1: event id "${ev.meta.id}" is also the id of ${other} (a later event of the same date takes ${ev.meta.date}b, ${ev.meta.date}c …)`, { file: path, line: 1 });
    byId.set(ev.meta.id, path);
    idPaths?.set(ev.meta.id, path);
    return ev;
  });
  // with files read from memory, the cache is written once their parse has confirmed them (checkDeferred)
  if (known?.deferred.length) Object.assign(known, { cacheFile, used });
  else if (cacheFile && stored && (used.size !== stored.size || [...used.keys()].some((k) => !stored.has(k)))) writeStore(cacheFile, codeStamp(), used);
  return events.sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
}

export interface Parsed {
  event: PressEvent;
  messages: string[];
}

/**
 * The Markdown files a build has just written, each from an event in memory (`written`: path → the
 * event serialized into it): `readMarkdownFolder` takes their events from memory in the shape the
 * parser gives (`parsedShape`) and records them in `deferred`; `checkDeferred` parses them (while
 * Chromium prints) and says whether the parse gave exactly those events. Until it has, the parse
 * cache is not written.
 */
export interface KnownMarkdown {
  written: Map<string, PressEvent>;
  deferred: { path: string; text: string; key: string; event: PressEvent }[];
  cacheFile?: string;
  used?: Map<string, Parsed>;
  /** set by checkDeferred: undefined (not yet checked), true, or the first difference */
  checked?: true | string;
  /** the next deferred file to check */
  next?: number;
}

/**
 * Parse the deferred files (once): true when every parse equals the event used (values and key order)
 * with no message; else the first difference, and the build reads the folder again, parsing. The parse
 * cache is written on success only (a wrong entry is never kept).
 */
export function checkDeferred(known: KnownMarkdown): true | string {
  while (known.checked === undefined && (known.next ?? 0) < known.deferred.length) checkOne(known, (known.next = (known.next ?? 0) + 1) - 1);
  if (known.checked !== undefined) return known.checked;
  if (known.deferred.length && known.cacheFile && known.used) writeStore(known.cacheFile, codeStamp(), known.used);
  return (known.checked = true);
}

/**
 * `checkDeferred` a file at a time, the event loop turning between files: run while Chromium prints a
 * book in parts, it leaves node free to hand Chromium the next part.
 */
export async function checkDeferredInTurns(known: KnownMarkdown): Promise<true | string> {
  while (known.checked === undefined && (known.next ?? 0) < known.deferred.length) {
    await nextTurn();
    if (known.checked === undefined && (known.next ?? 0) < known.deferred.length) checkOne(known, (known.next = (known.next ?? 0) + 1) - 1);
  }
  return checkDeferred(known);
}

/** One deferred file parsed and compared: a difference ends the check (`known.checked`). */
function checkOne(known: KnownMarkdown, i: number): void {
  const d = known.deferred[i]!;
  let r: ReturnType<typeof parseEventMarkdown>;
  try {
    r = parseEventMarkdown(d.text, d.path);
  } catch (e) {
    known.checked = `${d.path}: ${(e as Error).message}`;
    return;
  }
  if (r.file.messages.length) known.checked = `${d.path}: ${r.file.messages[0]!.reason}`;
  else if (JSON.stringify(r.event) !== JSON.stringify(d.event))
    known.checked = `${d.path}: the parse differs from the event written${isDeepStrictEqual(r.event, d.event) ? ' (in key order only)' : ''}`;
  else known.used?.set(d.key, { event: r.event, messages: [] });
}
