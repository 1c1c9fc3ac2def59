/**
 * A worker thread of `readMarkdownFolderInParallel` (folder.ts): parses one canonical Markdown file
 * per message, exactly as the main thread would, and sends back the event and messages or the error.
 * Started by util/workers.ts only (never imported).
 */
import { parse, type ParseJob } from './folder.js';
import { serveJobs } from '../util/workers.js';

serveJobs('pressbook-parse', (job: ParseJob) => parse(job.text, job.path));
