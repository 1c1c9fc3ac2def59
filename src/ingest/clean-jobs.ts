/** The messages between `cleanSources` (index.ts) and its worker threads (clean-worker.ts). */
import type { processFile } from './process.js';
import { RejectedSource } from './sources/reject.js';
import type { SourceReport } from './report.js';
import { rethrown, workerError, type WorkerError } from '../util/workers.js';

/** One source to clean: what `processFile` takes, its bytes included. */
export interface CleanJob {
  abs: string;
  topics: Parameters<typeof processFile>[1];
  baseDir?: string;
  sessions?: Parameters<typeof processFile>[3];
  language: string;
  buf: Uint8Array;
  sha256: string;
}

/** An error thrown while cleaning, as a message (`cleanError` throws it again on the other side). */
export function errorMessage(e: unknown): WorkerError {
  if (e instanceof RejectedSource) return { kind: 'RejectedSource', message: e.message, file: e.file, line: e.line, hint: e.hint, report: e.report };
  return workerError(e);
}

/** The error of `errorMessage`, of the same class and with the same fields. */
export function cleanError(m: WorkerError): Error {
  if (m.kind === 'RejectedSource') return new RejectedSource(m.message, m.report as SourceReport, { file: m.file as string | undefined, line: m.line as number | undefined, hint: m.hint as string | undefined });
  return rethrown(m);
}
