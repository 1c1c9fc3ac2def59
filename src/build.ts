/**
 * The build: raw sources → clean → canonical Markdown (written to <out>/markdown, hand edits kept) →
 * parse the Markdown back (the Markdown is the source of truth) → Book → PDF, EPUB, handouts →
 * manifest.json listing every file written.
 */
import { existsSync, readFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import type { BookConfig } from './config/schema.js';
import type { Book, CleaningSummary } from './model/types.js';
import { cleanSources, type CleanResult } from './ingest/index.js';
import { writeCleanOutput } from './ingest/write.js';
import { checkDeferred, checkDeferredInTurns, readMarkdownFolderInParallel, type KnownMarkdown } from './markdown/folder.js';
import { PressbookError } from './errors.js';
import { writeFileAtomic } from './util/fs.js';
import { fileSha256 } from './util/file-hash.js';

export function sourcePaths(config: BookConfig): string[] {
  return config.sources.map((s) => {
    const p = resolve(config.root, s);
    if (!existsSync(p)) throw new PressbookError(`${config.file}: key "sources": ${s} does not exist (resolved to ${p})`, { file: config.file });
    return p;
  });
}

export function summarize(result: CleanResult): CleaningSummary {
  const totals: Record<string, number> = {};
  const sources = result.report.sources.map((s) => {
    for (const [k, n] of Object.entries(s.fixes)) totals[k] = (totals[k] ?? 0) + n;
    totals['removed'] = (totals['removed'] ?? 0) + s.removals.length;
    return { file: s.file, role: s.role, layout: s.layout, encoding: s.encoding, fixes: s.fixes, removals: s.removals.length };
  });
  return { sources, totals };
}


export interface Written {
  path: string;
  kind: string;
  bytes: number;
  sha256: string;
}

export class Manifest {
  files: Written[] = [];
  private previous: Written[] = [];
  /**
   * The earlier manifest is read, then removed at once: an interrupted run leaves no manifest rather
   * than one whose hashes no longer match the files.
   */
  constructor(private out: string) {
    const file = join(out, 'manifest.json');
    try {
      this.previous = (JSON.parse(readFileSync(file, 'utf8')) as { files?: Written[] }).files ?? [];
    } catch {
      /* none yet */
    }
    rmSync(file, { force: true });
  }
  add(path: string, kind: string) {
    const sha256 = fileSha256(path);
    const rel = relative(this.out, path);
    this.files = this.files.filter((f) => f.path !== rel);
    this.files.push({ path: relative(this.out, path), kind, bytes: statSync(path).size, sha256 });
  }
  /**
   * Written last, after every output. Entries of an earlier run that this run did not rewrite (the
   * book PDF when only handouts were printed) are kept while their file still has the recorded hash,
   * so the manifest always describes the folder as it is.
   */
  write(extra: Record<string, unknown>) {
    const file = join(this.out, 'manifest.json');
    const mine = new Set(this.files.map((f) => f.path));
    const kept = this.previous.filter((f) => {
      if (mine.has(f.path)) return false;
      try {
        const p = join(this.out, f.path);
        return statSync(p).size === f.bytes && fileSha256(p) === f.sha256;
      } catch {
        return false;
      }
    });
    const files = [...kept, ...this.files].sort((a, b) => a.path.localeCompare(b.path));
    writeFileAtomic(file, JSON.stringify({ generator: 'pressbook', ...extra, files }, null, 2) + '\n');
    this.files = files;
    return file;
  }
}

/** clean → markdown → Book. */
export async function prepareBook(config: BookConfig, out: string, opts: { force?: boolean; progress?: (stage: string, done?: number, total?: number) => void; deferParse?: boolean } = {}) {
  const progress = opts.progress;
  const result = await cleanSources(sourcePaths(config), { topics: config.topics, preset: config.preset, language: config.language, baseDir: config.root, structured: config.structured, exclude: [out], memoFile: join(out, '.pressbook-cache', 'clean.v8'), progress: progress && ((d, n) => progress('cleaning sources', d, n)) });
  progress?.('writing and reading the Markdown');
  const mdDir = join(out, config.output.markdown);
  if (!result.events.length) {
    // sources: report.json still carries every rejection; the error lists them with their hints
    writeCleanOutput(result, mdDir, { force: opts.force });
    const why = result.report.errors.map((e) => `\n  ${e.message}${e.hint ? `\n    hint: ${e.hint}` : ''}`).join('');
    throw new PressbookError(`${config.file}: the sources gave no press conference to publish${why}\n  (details: ${join(mdDir, 'report.json')})`);
  }
  const written = writeCleanOutput(result, mdDir, { force: opts.force, questions: false, memoFile: join(out, '.pressbook-cache', 'written.v1') });
  const messages: string[] = [];
  // the Book as published, hand edits included (questions.json/.csv: the data renderer, render/data)
  // deferParse: the files this clean wrote (or found unchanged) are read from its events, and parsed
  // later (checkDeferred, while Chromium prints); the caller reads the folder again if they differ
  const markdownCache = join(out, '.pressbook-cache', 'markdown.v8');
  const fromClean = new Set([...written.written, ...written.unchanged]);
  const known: KnownMarkdown | undefined = opts.deferParse ? { written: new Map(result.events.map((ev) => [join(mdDir, `${ev.meta.id}.md`), ev] as const).filter(([p]) => fromClean.has(p))), deferred: [] } : undefined;
  const markdownFiles = new Map<string, string>();
  const events = await readMarkdownFolderInParallel(mdDir, (m) => messages.push(m), written.publish, markdownCache, known, markdownFiles);
  const book = await withTranslations({ config, events, cleaning: summarize(result), markdownFiles });
  /** the Book from the Markdown as parsed: `book` itself, or (when a deferred parse differed) read again */
  const parsedBook = async (): Promise<{ book: Book; differs?: string }> => {
    const check = known ? checkDeferred(known) : true;
    if (check === true) return { book };
    const files = new Map<string, string>();
    const again = await readMarkdownFolderInParallel(mdDir, (m) => messages.push(m), written.publish, markdownCache, undefined, files);
    return { book: await withTranslations({ config, events: again, cleaning: book.cleaning, markdownFiles: files }), differs: check };
  };
  return {
    book,
    result,
    mdDir,
    written,
    messages,
    checkParse: () => (known ? checkDeferred(known) : true),
    /** the same, a file at a time with the event loop turning between files (while Chromium prints) */
    checkParseInTurns: async () => (known ? checkDeferredInTurns(known) : true),
    parsedBook,
  };
}

/** a book mixing languages: the editions of one press conference paired and aligned (src/align), for renderers */
async function withTranslations(book: Book): Promise<Book> {
  if (new Set(book.events.map((e) => e.meta.language)).size > 1) {
    const { pairEditions } = await import('./align/align.js');
    const tr = pairEditions(book.events).pairs;
    if (tr.length) book.translations = tr;
  }
  return book;
}

export function ensureDir(p: string) {
  mkdirSync(p, { recursive: true });
  return p;
}
export function cleanBuildDir(out: string) {
  const b = join(out, '.build');
  rmSync(b, { recursive: true, force: true });
  return ensureDir(b);
}
