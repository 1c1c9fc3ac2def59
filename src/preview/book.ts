/**
 * The preview's book, kept in memory and rebuilt piece by piece: a Markdown edit re-parses that file
 * only; a source edit re-cleans that source only (the cleaning of the others is reused from a memo,
 * keyed by path and bytes) and re-parses only the Markdown files whose text changed (hand edits kept,
 * as in `build`); a config edit reloads the config and re-cleans everything; a theme, template, locale
 * or notes edit only re-renders (the locale cache is dropped). Every problem is
 * kept as a message ("file:line:column: …") for the page instead of stopping the server.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { BookConfig } from '../config/schema.js';
import type { Book, PressEvent } from '../model/types.js';
import type { CleanReport } from '../ingest/report.js';
import type { ProcessedSource } from '../ingest/process.js';
import { loadConfig } from '../config/load.js';
import { cleanSources } from '../ingest/index.js';
import { writeCleanOutput } from '../ingest/write.js';
import { sourcePaths, summarize } from '../build.js';
import { parseEventMarkdown } from '../markdown/parse.js';
import { BlockParser } from './blocks.js';
import { paragraphLines, positionTransform, type TurnPositions } from './sourcemap.js';
import { renderPrintHtml } from '../render/print/html.js';
import { printGeometry } from '../render/print/html.js';
import { renderEpubChapter } from '../render/epub/epub.js';
import { loadLocale } from '../render/shared/locale.js';
import { loadTheme } from '../render/shared/theme.js';
import { annotationTransforms } from '../render/shared/annotations.js';
import { loadAnnotations } from '../annotations/index.js';
import { editionBook, type EditionSpec } from '../model/edition.js';
import type { PagedInput } from './paged.js';

/** An edition as the preview names it: "zh-Hant-TW", "zh-Hant-TW.vertical" ('' : the book as cleaned). */
export function editionTag(spec: EditionSpec): string {
  return spec.name + (spec.vertical ? '.vertical' : '');
}

export interface MarkdownFile {
  path: string;
  event?: PressEvent;
  /** the parse error, "file:line:column: message" */
  error?: string;
}

export interface Problem {
  /** "file:line:column: message" (line and column when known) */
  message: string;
  kind: 'config' | 'clean' | 'markdown' | 'render';
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class PreviewBook {
  config?: BookConfig;
  report?: CleanReport;
  cleaning?: Book['cleaning'];
  mdDir = '';
  /** Markdown file path → its last parse */
  files = new Map<string, MarkdownFile>();
  /** event id → the last good parse (shown while a hand edit is broken) */
  lastGood = new Map<string, { event: PressEvent; path: string }>();
  positions: TurnPositions = new WeakMap();
  problems: Problem[] = [];
  /** bumped by every rebuild */
  version = 0;
  /** the last clean: the sources it cleaned (absolute paths) and the Markdown files it re-parsed */
  lastClean: { cleaned: string[]; reparsed: string[] } = { cleaned: [], reparsed: [] };
  /** the cleaning of each source, reused while its bytes stay the same */
  private memo = new Map<string, { sha256: string; processed: ProcessedSource }>();
  /** the Markdown trees, kept piece by piece */
  private blocks = new BlockParser();
  /** Markdown path → the text last parsed */
  private texts = new Map<string, string>();
  /**
   * Every character of every Markdown text seen (sorted): the print's font slices hold all of them, so
   * an edit changes the slices (and makes the paged view reload its fonts) only when it brings a
   * character the book never had. Chromium embeds only the glyphs a page uses: the PDF is the same.
   */
  private chars = new Set<string>();
  fontText = '';

  constructor(
    readonly target: string,
    readonly out: string,
    readonly buildDir: string,
  ) {}

  private drop(kind: Problem['kind'], file?: string) {
    this.problems = this.problems.filter((p) => p.kind !== kind || (file !== undefined && !p.message.startsWith(file + ':')));
  }

  /** Load the config; false (and a problem on the page) when it is broken. */
  loadConfig(): boolean {
    this.drop('config');
    // topics, preset or language may have changed: nothing cleaned before is reused
    this.memo.clear();
    try {
      this.config = loadConfig(this.target);
      this.mdDir = join(resolve(this.out), this.config.output.markdown);
      return true;
    } catch (e) {
      this.problems.push({ kind: 'config', message: messageOf(e) });
      return false;
    }
  }

  /**
   * Clean the sources (only those whose bytes changed since the last clean) and write the canonical
   * Markdown (hand edits kept); re-parse the Markdown files whose text changed. Returns the ids of the
   * events whose Markdown changed or went.
   */
  async clean(): Promise<string[]> {
    if (!this.config) return [];
    this.drop('clean');
    const c = this.config;
    const changed: string[] = [];
    try {
      const result = await cleanSources(sourcePaths(c), { topics: c.topics, preset: c.preset, language: c.language, baseDir: c.root, structured: c.structured, exclude: [resolve(this.out)], memo: this.memo });
      for (const f of this.memo.keys()) if (!existsSync(f)) this.memo.delete(f);
      const written = writeCleanOutput(result, this.mdDir);
      this.report = result.report;
      this.cleaning = summarize(result);
      for (const e of result.report.errors) this.problems.push({ kind: 'clean', message: `${e.file}${e.line ? ':' + e.line : ''}: ${e.message}` });
      const publish = new Set(written.publish);
      const reparsed: string[] = [];
      for (const p of [...this.files.keys()])
        if (!publish.has(p)) {
          changed.push(this.eventOf(p));
          this.files.delete(p);
          this.texts.delete(p);
          this.drop('markdown', p);
        }
      for (const p of written.publish) {
        if (this.files.has(p) && this.texts.get(p) === readFileSync(p, 'utf8')) continue;
        changed.push(this.parse(p).event?.meta.id ?? this.eventOf(p));
        reparsed.push(p);
      }
      this.lastClean = { cleaned: result.cleaned ?? [], reparsed };
    } catch (e) {
      this.problems.push({ kind: 'clean', message: messageOf(e) });
      // a failed clean keeps the Markdown already on disk readable
      if (!this.files.size && existsSync(this.mdDir)) for (const f of readdirSync(this.mdDir).filter((f) => f.endsWith('.md'))) this.parse(join(this.mdDir, f));
    }
    this.version++;
    return [...new Set(changed)];
  }

  /** Parse one Markdown file (a hand edit); the others are untouched. */
  parse(path: string): MarkdownFile {
    this.drop('markdown', path);
    const f: MarkdownFile = { path };
    if (!existsSync(path)) {
      this.blocks.forget(path);
      this.files.delete(path);
      this.texts.delete(path);
      this.version++;
      return f;
    }
    try {
      const text = readFileSync(path, 'utf8');
      this.texts.set(path, text);
      let grew = false;
      for (const ch of text)
        if (!this.chars.has(ch) && ch > ' ') {
          this.chars.add(ch);
          grew = true;
        }
      if (grew) this.fontText = [...this.chars].sort().join('');
      // piece by piece: a paragraph edit parses that turn again (blocks.ts)
      const tree = this.blocks.parse(path, text);
      // positions first: the tree is parsed once for both
      const lines = paragraphLines(tree);
      const { event } = parseEventMarkdown(text, path, tree);
      event.turns.forEach((t, i) => this.positions.set(t, { file: path, lines: lines[i] ?? [] }));
      f.event = event;
      this.lastGood.set(event.meta.id, { event, path });
    } catch (e) {
      f.error = messageOf(e);
      this.problems.push({ kind: 'markdown', message: f.error });
    }
    this.files.set(path, f);
    this.version++;
    return f;
  }

  /** The events in book order: the good parses, and the last good text of a file that is broken now. */
  events(): { event: PressEvent; path: string; error?: string }[] {
    const out: { event: PressEvent; path: string; error?: string }[] = [];
    for (const f of this.files.values()) {
      if (f.event) out.push({ event: f.event, path: f.path });
      else {
        const id = basename(f.path, '.md');
        const last = this.lastGood.get(id);
        if (last) out.push({ ...last, error: f.error });
      }
    }
    return out.sort((a, b) => a.event.meta.date.localeCompare(b.event.meta.date) || a.event.meta.id.localeCompare(b.event.meta.id));
  }

  /** Which event a Markdown path holds (its id is the file name). */
  eventOf(path: string): string {
    return this.files.get(path)?.event?.meta.id ?? basename(path, '.md');
  }

  /** The editions the config prints (`editions`), by tag; none: the book as cleaned. */
  editions(): string[] {
    return (this.config?.editions ?? []).map(editionTag);
  }

  /**
   * The book of one conference in an edition (a tag of `editions()`; '' or unknown: the first edition
   * the config names, else the book as cleaned), as `build` makes it (src/model/edition.ts): the
   * zh-Hans horizontal edition is the book as cleaned.
   */
  private async bookOf(id: string, edition = ''): Promise<Book> {
    const c = this.config;
    if (!c) throw new Error('no config');
    const ev = this.events().find((e) => e.event.meta.id === id);
    if (!ev) throw new Error(`no press conference "${id}"`);
    const book: Book = { config: c, events: [ev.event], cleaning: this.cleaning, markdownFiles: new Map([[id, ev.path]]) };
    const specs = c.editions ?? [];
    const spec = specs.find((s) => editionTag(s) === edition) ?? specs[0];
    if (!spec || (spec.name === 'zh-Hans' && !spec.vertical)) return book;
    const ed = await editionBook(book, spec);
    // the converted turns are new objects: they keep their paragraphs' source lines
    ed.events.forEach((e, i) => e.turns.forEach((t, k) => {
      const at = this.positions.get(book.events[i]!.turns[k]!);
      if (at && t !== book.events[i]!.turns[k]) this.positions.set(t, at);
    }));
    return ed;
  }

  /**
   * The print HTML of one conference: the print renderer's own HTML function and theme CSS on a
   * book holding that event only (front and back matter included, as the template makes them), in
   * the edition asked for.
   */
  async printHtml(id: string, edition = ''): Promise<PagedInput & { width: number; margins: [number, number, number, number] }> {
    const book = await this.bookOf(id, edition);
    const c = book.config;
    const locale = loadLocale(c.language, c.root);
    const transforms = [positionTransform(this.positions), ...annotationTransforms(book, 'pdf', () => loadAnnotations(book), () => undefined)];
    const r = await renderPrintHtml(book, this.buildDir, locale, undefined, transforms, this.fontText);
    const g = r.geometry;
    return { html: r.html, view: r.view, locale, geometry: g, width: g.width, margins: [g.top, g.outer, g.bottom, g.inner] };
  }

  /**
   * The EPUB chapter of one conference (the EPUB renderer's own XHTML page and its theme's
   * stylesheet), with the same source lines on its paragraphs as the print view, in the edition asked for.
   */
  async epubChapter(id: string, edition = ''): Promise<{ xhtml: string; css: string }> {
    const book = await this.bookOf(id, edition);
    const c = book.config;
    const locale = loadLocale(c.language, c.root);
    const transforms = [positionTransform(this.positions), ...annotationTransforms(book, 'epub', () => loadAnnotations(book), () => undefined)];
    const r = renderEpubChapter(book, id, { locale, transforms });
    if (!r) throw new Error(`no press conference "${id}"`);
    return r;
  }

  /** Page width and margins of the current print theme (mm). */
  geometry() {
    const c = this.config!;
    return printGeometry(loadTheme(c.theme, 'print', c.root), c.page.size);
  }

  /** The cleaning messages of the sources an event came from (report.json). */
  diagnostics(id: string) {
    const ev = this.events().find((e) => e.event.meta.id === id)?.event;
    const files = new Set(ev?.meta.sources.map((s) => s.file) ?? []);
    return (this.report?.sources ?? [])
      .filter((s) => files.has(s.file) || s.event === id)
      .map((s) => ({
        file: s.file,
        path: this.config ? resolve(this.config.root, s.file) : s.file,
        role: s.role,
        layout: s.layout,
        messages: [...s.warnings, ...s.removals, ...s.messages].sort((a, b) => a.line - b.line),
      }));
  }
}
