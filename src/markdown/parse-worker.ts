/**
 * A worker thread of `readMarkdownFolderInParallel` (folder.ts): parses one canonical Markdown file
 * per message, exactly as the main thread would, and sends back the event and messages or the error.
 * Started by util/workers.ts only (never imported).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parse, parseErrorMessage, type ParseJob } from './folder.js';

if (workerData === 'pressbook-parse')
  parentPort?.on('message', ({ i, job }: { i: number; job: ParseJob }) => {
    try {
      parentPort!.postMessage({ i, ok: parse(job.text, job.path) });
    } catch (e) {
      parentPort!.postMessage({ i, err: parseErrorMessage(e) });
    }
  });
