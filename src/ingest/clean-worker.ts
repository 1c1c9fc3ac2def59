/**
 * A worker thread of `cleanSources` (index.ts): cleans one source per message with `processFile`,
 * exactly as the main thread would, and sends back the result or the error it threw. Started by
 * util/workers.ts only (never imported).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile } from './process.js';
import { errorMessage, type CleanJob } from './clean-jobs.js';

if (workerData === 'pressbook-clean')
  parentPort?.on('message', ({ i, job }: { i: number; job: CleanJob }) => {
    try {
      const buf = Buffer.from(job.buf.buffer, job.buf.byteOffset, job.buf.byteLength);
      const ok = processFile(job.abs, job.topics, job.baseDir, job.sessions, job.language, { buf, sha256: job.sha256 });
      parentPort!.postMessage({ i, ok });
    } catch (e) {
      parentPort!.postMessage({ i, err: errorMessage(e) });
    }
  });
