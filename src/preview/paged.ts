/**
 * Paged print pages for the preview: Chromium prints the print HTML of one conference (the same
 * HTML, theme CSS and font slices as the PDF, printed with the same options by the same engine, so
 * the pages break as they do in the book), and the page shows that PDF with pdf.js.
 *
 * The print is finished as the book's is (render/print/two-pass.ts, with its own functions): the page
 * numbers of the contents and the index filled in, a blank page before each part that opens on a
 * right-hand page (title page, contents, year, index), the running heads and folios drawn by pdf-lib
 * in the stamp font (pdf-stamp.ts), from the chapters of book-pages.ts. The layout pass the book runs
 * first is skipped when it can be: the print made with the last plan is read back, and when the plan of
 * that print (the anchors' pages without its blank pages, planned again) is the plan it was made with,
 * it is the book's print; otherwise the book's two passes run.
 *
 * One sandboxed Chromium page is kept loaded: an edit replaces its <body> (and <head> if the theme
 * changed) and prints again; only a change of conference, edition or font slices reloads it. Each
 * paragraph gets an invisible link to itself, so the PDF carries a named destination "pb-src-<line>"
 * at the top of every paragraph: the page maps a click to its source line.
 *
 * What the preview prints is the book of that one conference (its own title page, contents, year
 * opening, index and colophon), in the edition chosen: its page numbers are those of that book, not the
 * conference's place in the whole book (nor, for a conference that opens on a left-hand page there,
 * its side).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, ParseSpeeds } from '../render/shared/pdflib.js';
import type { Page } from 'puppeteer-core';
import { launchBrowser, type PressbookBrowser } from '../browser/launch.js';
import { openPrintPage, printOptions } from '../render/shared/print-page.js';
import { writeFileAtomic } from '../util/fs.js';
import type { BookView } from '../render/shared/book-view.js';
import type { Locale } from '../render/shared/locale.js';
import type { PrintGeometry } from '../render/print/html.js';
import { anchorPages, arrange, hasCover, PROBES } from '../render/print/two-pass.js';
import { diffPages, planPages, type PagePlan } from '../render/print/paginate.js';
import { stampGeometry, stampText, stamps, structure } from '../render/print/book-pages.js';
import { stampFont, stampPages, type PageStamp } from '../render/shared/pdf-stamp.js';
import { readAnchors, type PdfAnchors } from '../render/shared/pdf-read.js';

/** What the preview prints: the print HTML and what the finish needs (the book view, locale, page geometry). */
export interface PagedInput {
  html: string;
  view: BookView;
  locale: Locale;
  geometry: PrintGeometry;
}

/** The pagination a print was finished with: numbers, blank pages, and what is drawn on each page. */
export interface PagedPlan {
  /** page number (label) of each `.pn` target */
  labels: Record<string, string>;
  /** anchors with a blank page before them */
  blanks: string[];
  /** running head, folio and side of every page */
  stamps: PageStamp[];
  pageCount: number;
}

interface Loaded {
  slot: string;
  key: string;
  fonts: string;
  head: string;
  input: PagedInput;
  /** chapters, right-hand openings and the first arabic page (book-pages.ts) */
  shape: ReturnType<typeof structure>;
  /** the anchors the page numbers point at */
  targets: string[];
}

export class PagedPrinter {
  private browser?: Promise<PressbookBrowser>;
  private page?: Page;
  private loaded?: Loaded;
  private queue: Promise<unknown> = Promise.resolve();
  /** slot → the last print (reused while the book's version is the same) */
  private last = new Map<string, { key: string; pdf: Uint8Array }>();
  /** slot (conference and edition) → the plan of its last full print (tried first for the next one) */
  readonly plans = new Map<string, PagedPlan>();
  /** running-head font subsets by their text */
  private fonts = new Map<string, Promise<Uint8Array>>();
  /** milliseconds of the last print, per step */
  timings: Record<string, number> = {};
  /** prints of the last full print (1: the last plan held; 2 or more: the book's two passes ran) */
  lastPrints = 0;

  constructor(
    private readonly buildDir: string,
    private readonly executable?: () => string | undefined,
  ) {}

  /**
   * The finished PDF of a conference (`slot`: conference and edition; `key`: the book's version), or of
   * some of its pages (`pages`, "3-5": Chromium lays the whole conference out and paints only those,
   * several times cheaper: the page draws the pages in view from it first; they are finished with the
   * last full print's plan). Prints run one at a time; the HTML is rendered and put into the page once
   * per key.
   */
  pdf(slot: string, key: string, input: () => Promise<PagedInput>, pages?: string): Promise<Uint8Array> {
    const name = pages ? `${slot} ${pages}` : slot;
    const hit = this.last.get(name);
    if (hit && hit.key === key) return Promise.resolve(hit.pdf);
    const job = this.queue.then(async () => {
      const again = this.last.get(name);
      if (again && again.key === key) return again.pdf;
      await this.ensure(slot, key, input);
      const plan = this.plans.get(slot);
      const pdf = pages && plan ? await this.part(plan, pages) : await this.full(slot);
      if (pages) for (const k of [...this.last.keys()]) if (k.startsWith(slot + ' ')) this.last.delete(k);
      this.last.set(name, { key, pdf });
      // no plan yet: that was the whole print (the page asks for it next)
      if (pages && !plan) this.last.set(slot, { key, pdf });
      return pdf;
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async ensure(slot: string, key: string, input: () => Promise<PagedInput>) {
    if (this.loaded?.slot === slot && this.loaded.key === key) return;
    this.timings = {};
    const t = performance.now();
    const got = await input();
    this.timings['html'] = Math.round(performance.now() - t);
    await this.load(slot, key, got);
  }

  /** Pages "a-b" of the conference, numbered and finished as the last full print was. */
  private async part(plan: PagedPlan, pages: string): Promise<Uint8Array> {
    const page = this.page!;
    let t = performance.now();
    await arrange(page, plan.labels, plan.blanks, [], false);
    let bytes: Uint8Array;
    let first = Number(pages.split('-')[0]);
    try {
      bytes = await page.pdf({ ...printOptions(false), pageRanges: pages });
    } catch {
      // pages past the end (the conference got shorter): the whole print instead
      bytes = await page.pdf(printOptions(false));
      first = 1;
    }
    this.timings['printPages'] = Math.round(performance.now() - t);
    t = performance.now();
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    const n = doc.getPageCount();
    await stampPages(doc, plan.stamps.slice(first - 1, first - 1 + n), stampGeometry(this.loaded!.input.geometry), await this.font());
    const out = await doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
    this.timings['stampPages'] = Math.round(performance.now() - t);
    return out;
  }

  /** The stamp font of the loaded conference's running heads (subset once per text). */
  private font(): Promise<Uint8Array> {
    const l = this.loaded!;
    const texts = stampText(l.shape.chapters);
    const k = `${l.input.geometry.stampFont.kind} ${l.input.geometry.stampFont.weight} ${texts.join('\u0000')}`;
    let f = this.fonts.get(k);
    if (!f) {
      f = stampFont(texts, l.input.geometry.stampFont.kind, l.input.geometry.stampFont.weight);
      f.catch(() => this.fonts.delete(k));
      this.fonts.set(k, f);
    }
    return f;
  }

  /**
   * The plan a print made with blank pages before `blanks` stands for, or undefined when planning that
   * print again (its anchors' pages without the blank pages, as the book's layout pass reads them) gives
   * other blank pages, pages or numbers: the print is then not the book's.
   */
  private settle(final: PdfAnchors, blanks: string[], labels: Record<string, string>): PagePlan | undefined {
    const l = this.loaded!;
    const got = anchorPages(final);
    const blankAt = blanks.map((a) => got.get(a)).filter((p): p is number => p !== undefined).map((p) => p - 1);
    if (blankAt.length !== blanks.length) return undefined;
    const pages = new Map([...got].map(([k, p]) => [k, p - blankAt.filter((x) => x < p).length]));
    const recto = l.shape.recto.filter((r) => got.has(r));
    const plan = planPages({ pageCount: final.pageCount - blankAt.length, pages, recto, bodyStart: l.shape.bodyStart });
    if (plan.blanks.size !== blanks.length || blanks.some((a) => !plan.blanks.has(a))) return undefined;
    if (diffPages(plan.pages, got).length || plan.pageCount !== final.pageCount) return undefined;
    for (const k of l.targets) if ((labels[k] ?? '') !== (plan.pages.has(k) ? plan.label(plan.pages.get(k)!) : '')) return undefined;
    return plan;
  }

  /** The whole conference, paginated, numbered and finished as the book is. */
  private async full(slot: string): Promise<Uint8Array> {
    const page = this.page!;
    const l = this.loaded!;
    let t = performance.now();
    const lap = (k: string) => {
      const now = performance.now();
      this.timings[k] = (this.timings[k] ?? 0) + Math.round(now - t);
      t = now;
    };
    const labelsOf = (p: PagePlan) => Object.fromEntries(l.targets.filter((k) => p.pages.has(k)).map((k) => [k, p.label(p.pages.get(k)!)]));
    let prints = 0;
    let done: { plan: PagePlan; doc: PDFDocument; labels: Record<string, string>; blanks: string[] } | undefined;
    const tryPrint = async (labels: Record<string, string>, blanks: string[]) => {
      // probes in: the front matter's anchors (no link points at them) are read back too; an invisible
      // absolute link moves nothing
      await arrange(page, labels, blanks, PROBES, false);
      const bytes = await page.pdf(printOptions(false));
      prints++;
      const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      const plan = this.settle(readAnchors(doc), blanks, labels);
      lap('print');
      return plan ? { plan, doc, labels, blanks } : undefined;
    };
    const last = this.plans.get(slot);
    if (last) done = await tryPrint(last.labels, last.blanks);
    for (let round = 1; !done && round <= 3; round++) {
      // the book's layout pass: nothing painted, no blank pages
      const probes = await arrange(page, last?.labels ?? {}, [], PROBES, true);
      const a = await page.pdf(printOptions(false));
      prints++;
      const first = readAnchors(await PDFDocument.load(a, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
      const plan = planPages({ pageCount: first.pageCount, pages: anchorPages(first), recto: l.shape.recto.filter((r) => !PROBES.includes(r) || probes.includes(r)), bodyStart: l.shape.bodyStart });
      lap('layout');
      done = await tryPrint(labelsOf(plan), [...plan.blanks]);
    }
    if (!done) throw new Error(`${slot}: the pagination did not settle after ${prints} prints`);
    this.lastPrints = prints;
    const cover = l.input.view.years.length > 0 && (await hasCover(page));
    const st = stamps(done.plan, l.shape.chapters, cover);
    await stampPages(done.doc, st, stampGeometry(l.input.geometry), await this.font());
    const pdf = await done.doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
    lap('finish');
    this.plans.set(slot, { labels: done.labels, blanks: done.blanks, stamps: st, pageCount: done.plan.pageCount });
    return pdf;
  }

  private fontsHash(): string {
    const dir = join(this.buildDir, 'fonts');
    if (!existsSync(dir)) return '';
    const h = createHash('sha1');
    // a slice is written again only when it changes (font-subset.ts): its inode, size and time say so
    for (const f of readdirSync(dir).sort()) {
      const st = statSync(join(dir, f));
      h.update(`${f} ${st.ino} ${st.size} ${st.mtimeMs}\n`);
    }
    return h.digest('hex');
  }

  /** Put a conference's print HTML into the page (source probes in). */
  private async load(slot: string, key: string, input: PagedInput): Promise<void> {
    const t = performance.now();
    const lap = (k: string) => {
      this.timings[k] = Math.round(performance.now() - t);
    };
    const html = input.html;
    this.browser ??= launchBrowser(this.executable?.());
    const b = await this.browser;
    const fonts = this.fontsHash();
    const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
    const l = this.loaded;
    let patch: string | null = null;
    if (!this.page || !l || l.slot !== slot || l.fonts !== fonts) {
      // a new conference or new font slices: load the file (the fonts are fetched again)
      const file = join(this.buildDir, 'paged.html');
      writeFileAtomic(file, html);
      await this.page?.close().catch(() => undefined);
      this.page = (await openPrintPage(b, file, this.buildDir)).page;
      lap('load');
    } else patch = html;
    // (an edit: the new body, and head if the theme changed, put in) then a link to every paragraph:
    // Chromium writes a named destination at each one's top; one call, the page's numbered targets back
    const targets = await this.page.evaluate(
      async (html: string | null, newHead: boolean) => {
        if (html !== null) {
          const next = new DOMParser().parseFromString(html, 'text/html');
          if (newHead) document.head.innerHTML = next.head.innerHTML;
          document.body.replaceWith(document.importNode(next.body, true));
          await document.fonts.ready;
        }
        const hide = 'position:absolute;display:block;width:1px;height:1px;overflow:hidden';
        for (const p of document.querySelectorAll<HTMLElement>('p[data-src-line]')) {
          const name = 'pb-src-' + p.dataset['srcLine'];
          if (document.getElementById(name)) continue;
          const target = document.createElement('span');
          target.id = name;
          target.style.cssText = hide;
          const a = document.createElement('a');
          a.href = '#' + name;
          a.className = 'pb-src-probe';
          a.setAttribute('aria-hidden', 'true');
          a.style.cssText = hide;
          p.prepend(target, a);
        }
        return [...new Set([...document.querySelectorAll<HTMLElement>('.pn[data-target]')].map((e) => e.dataset['target'] ?? ''))];
      },
      patch,
      head !== l?.head,
    );
    if (patch !== null) lap('patch');
    this.loaded = { slot, key, fonts, head, input, shape: structure(input.view, input.locale), targets };
  }

  /** Render and load a conference's HTML ahead of the page's request (after an edit to the conference in view). */
  prepare(slot: string, key: string, input: () => Promise<PagedInput>): void {
    const job = this.queue.then(() => this.ensure(slot, key, input));
    this.queue = job.catch(() => undefined);
  }

  /** Resolves when no print is running or queued. */
  async idle(): Promise<void> {
    let q: Promise<unknown>;
    do {
      q = this.queue;
      await q.catch(() => undefined);
    } while (q !== this.queue);
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.page?.close().catch(() => undefined);
    if (this.browser) await (await this.browser.catch(() => undefined))?.close();
  }
}
