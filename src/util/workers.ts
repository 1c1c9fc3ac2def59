/**
 * Jobs run on a few worker threads, results handed back in the jobs' order. A worker module
 * (see ingest/clean-worker.ts) answers each `{ i, job }` message with `{ i, ok }` or `{ i, err }`.
 *
 * Workers run compiled JavaScript only: from TypeScript sources (tests, `tsx`) `workerThreads()`
 * says 0 and callers do the work themselves. A worker that fails (crash, out of memory) rejects its
 * jobs' promises; the caller then does those jobs itself.
 */
import { existsSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { PressbookError } from '../errors.js';

/**
 * The compiled worker module `rel` (e.g. `markdown/parse-worker.js`) in lib/, for code running from
 * lib/ (tsc's output) or from lib/bundle/ (the CLI bundled by esbuild, whose chunks have no worker
 * modules beside them); `fallback` (the module's own URL) when not running from lib/ (TypeScript
 * sources: no worker then).
 */
export function workerModule(rel: string, fallback: URL): URL {
  for (let d = dirname(fileURLToPath(import.meta.url)); dirname(d) !== d; d = dirname(d)) {
    if (basename(d) === 'lib' && existsSync(join(dirname(d), 'package.json'))) return pathToFileURL(join(d, rel));
  }
  return fallback;
}

/** What a worker sends back for a job that threw: enough to throw the same error again. */
export interface WorkerError {
  message: string;
  /** the error's class, by name (the caller rebuilds it) */
  kind: string;
  [k: string]: unknown;
}

export type Outcome<R> = { ok: R } | { err: WorkerError };

/** An error as a message: a PressbookError keeps its place (file, line) and hint, anything else its text. */
export function workerError(e: unknown): WorkerError {
  if (e instanceof PressbookError) return { kind: 'PressbookError', message: e.message, file: e.file, line: e.line, hint: e.hint };
  return { kind: 'Error', message: e instanceof Error ? e.message : String(e) };
}

/** The error of `workerError`, of the same class and with the same fields. */
export function rethrown(m: WorkerError): Error {
  if (m.kind === 'PressbookError') return new PressbookError(m.message, { file: m.file as string | undefined, line: m.line as number | undefined, hint: m.hint as string | undefined });
  return new Error(m.message);
}

/**
 * The worker's side (in a worker module): each `{ i, job }` answered with `{ i, ok: handle(job) }`, or
 * `{ i, err }` when it threw (`toMessage`, default `workerError`). Only in a thread started with `tag`.
 */
export function serveJobs<J, R>(tag: string, handle: (job: J) => R, toMessage: (e: unknown) => WorkerError = workerError): void {
  if (workerData !== tag) return;
  parentPort?.on('message', ({ i, job }: { i: number; job: J }) => {
    try {
      parentPort!.postMessage({ i, ok: handle(job) });
    } catch (e) {
      parentPort!.postMessage({ i, err: toMessage(e) });
    }
  });
}

/** worker threads started by this process (for tests: the parallel path did run) */
export const workerStats = { started: 0 };

/**
 * How many worker threads to start for `jobs` jobs of the worker module `url`, the calling thread
 * working too: one less than the cores the 1-minute load average leaves idle (at most `max`); 0
 * (all in this thread) when the module is not compiled JavaScript, for fewer than `min` jobs, on a
 * single core or a busy machine. A worker loads and compiles the code again: on a two-core machine at
 * load 6, the 2017 corpus cleaned in 3.7-4.0 s on two threads and 3.1-3.5 s on one (0.5 s more CPU);
 * with a core idle the two share the work (not measured on an idle machine: the one at hand never
 * was). PRESSBOOK_THREADS=n: n threads in all, this one
 * included (0 or 1: none), whatever the load.
 */
export function workerThreads(url: URL, jobs: number, min = 8, max = 3): number {
  const env = process.env.PRESSBOOK_THREADS;
  const cores = availableParallelism();
  const n = env !== undefined && env !== '' ? Number(env) - 1 : Math.min(cores, Math.round(cores - loadavg()[0]!)) - 1;
  if (!(n >= 1) || jobs < min) return 0;
  if (!url.pathname.endsWith('.js') || !existsSync(fileURLToPath(url))) return 0;
  return Math.min(n, max, jobs);
}

export interface WorkerRun<R> {
  /** one promise per job, in the jobs' order (rejected when a worker failed on it) */
  results: Promise<Outcome<R>>[];
  /**
   * The calling thread takes job `i` for itself: true when no worker has it (and none will), false
   * when one does (await its result). Workers take the jobs from the last one backwards, so a caller
   * going from the first one forwards meets them about half way.
   */
  claim(i: number): boolean;
}

/** Run `jobs` on `threads` workers of module `url` (given `tag` as its workerData) and the calling thread (`claim`). */
export function runInWorkers<J, R>(url: URL, tag: string, jobs: J[], threads: number): WorkerRun<R> {
  const settle: { res: (o: Outcome<R>) => void; rej: (e: unknown) => void }[] = [];
  const results = jobs.map((_, i) => new Promise<Outcome<R>>((res, rej) => (settle[i] = { res, rej })));
  for (const p of results) p.catch(() => undefined);
  const claimed = new Set<number>();
  const sent = new Set<number>();
  let last = jobs.length - 1;
  const take = () => {
    while (last >= 0 && claimed.has(last)) last--;
    if (last < 0) return -1;
    sent.add(last);
    return last--;
  };
  let alive = threads;
  for (let t = 0; t < threads; t++) {
    const w = new Worker(url, { workerData: tag });
    workerStats.started++;
    let current = -1;
    const feed = () => {
      current = take();
      if (current < 0) return void w.terminate();
      w.postMessage({ i: current, job: jobs[current] });
    };
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      if (current >= 0) settle[current]!.rej(e);
      current = -1;
      // the jobs no worker took yet: the other workers', or the caller's when none is left
      if (--alive === 0) last = -1;
    };
    w.on('message', (m: { i: number } & Outcome<R>) => {
      settle[m.i]!.res('ok' in m ? { ok: m.ok } : { err: m.err });
      feed();
    });
    w.on('error', fail);
    w.on('exit', () => {
      if (current >= 0) fail(new Error('worker exited'));
    });
    feed();
  }
  return {
    results,
    claim(i) {
      if (sent.has(i)) return false;
      claimed.add(i);
      return true;
    },
  };
}
