/**
 * A worker thread of `cleanSources` (index.ts): cleans one source per message with `processFile`,
 * exactly as the main thread would, and sends back the result or the error it threw. Started by
 * util/workers.ts only (never imported).
 */
import { processFile } from './process.js';
import { errorMessage, type CleanJob } from './clean-jobs.js';
import { serveJobs } from '../util/workers.js';

serveJobs(
  'pressbook-clean',
  (job: CleanJob) => processFile(job.abs, job.topics, job.baseDir, job.sessions, job.language, { buf: Buffer.from(job.buf.buffer, job.buf.byteOffset, job.buf.byteLength), sha256: job.sha256 }),
  errorMessage,
);
