/**
 * Book → print PDF, printed by Chromium in parts and merged (see parts.ts and merge.ts):
 *
 * 1. render the print template (theme CSS, fonts subset to the book's characters) and take it
 *    apart: the body in chunks of conferences (the whole body for a small book, a month at a time
 *    for a big one), the back matter (question index, colophon), the front matter (cover, title, TOC);
 * 2. print each body chunk once (tagged). The body carries no page numbers (folios are drawn
 *    afterwards) and its numbering (arabic from 1) does not depend on the front matter, so where each
 *    anchor landed (the chunk's named destinations) gives its page label straight away; a year that
 *    would open on a left-hand page gets a blank page before it;
 * 3. print the back matter with the body's numbers filled in, then the front matter with every
 *    number (the numbers sit in boxes of reserved width: filling them in never reflows a line);
 * 4. merge with pdf-lib (blank pages, one destination table, cross-part links, joined tag tree),
 *    then running heads and folios in a subset of the npm font, page labels, outline
 *    year → (month) → conference → question, metadata, fixed dates and a content-derived document id.
 *
 * Each part's PDF is kept in a content-addressed cache (its HTML, the font sources, pressbook's
 * code): a rebuild prints only the parts whose HTML changed.
 */
import { stopwatch } from '../../util/stopwatch.js';
import { configBrowser } from '../../config/load.js';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { PDFDocument, ParseSpeeds } from '../shared/pdflib.js';
import type { Book } from '../../model/types.js';
import type { HastTransform } from '../../ast/hast.js';
import { launchBrowser, sandboxedPage, type PressbookBrowser } from '../../browser/launch.js';
import type { Page } from 'puppeteer-core';
import { loadPrintFile, printOptions, withoutScreenLayout } from '../shared/print-page.js';
import { pageCss, printGeometry } from './html.js';
import { loadLocale, type Locale } from '../shared/locale.js';
import { writeFileAtomic } from '../../util/fs.js';
import { nextTurn, turnEvery } from '../../util/turns.js';
import { noteFileSha256 } from '../../util/file-hash.js';
import { PressbookError } from '../../errors.js';
import { setMetadata, setOutline, setPageLabels, setReadingDirection, stampFont, stampPages } from '../shared/pdf-stamp.js';
import { pageLabel } from './paginate.js';
import { readAnchors, withoutDates } from '../shared/pdf-read.js';
import { loadTheme } from '../shared/theme.js';
import { addTurns, bookView } from '../shared/book-view.js';
import type { EventView, YearView } from '../shared/viewmodel.js';
import { ChunkMemo, type CachedChunk } from './chunk-memo.js';
import { assertGlyphs, charSet, fontIdentity, subsetFonts } from '../shared/font-subset.js';
import { render as mustache } from '../shared/mustache.js';
import { codeStamp } from '../../util/cache.js';
import { chunkMain, eventSize, nameParagraphs, crossLinks, fillNumbers, frame, idsIn, insertProbes, linkTargets, planChunks, wholeBook, PROBE_STYLE, type ChunkPlan } from './parts.js';
import { patchPrevious, recordBuild, type BookPlan } from './patch.js';
import { htmlMemo } from './html-memo.js';
import { mergeParts } from './merge.js';
import { bindEntryEnds } from './entry-ends.js';
import { autospace } from '../shared/autospace.js';
import type { BalanceResult } from './balance.js';
import { bookMetadata, outline, stampGeometry, stampText, stamps, structure, type At, type Layout } from './book-pages.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  browser: string;
  blocked: string[];
  missingGlyphs: number[];
  /** how many parts Chromium printed in this run (the others came from the cache) */
  prints: number;
  /** parts reused from the cache */
  reused: number;
  /** body chunks (1 for a small book) */
  chunks: number;
  /** anchor → printed page label, as verified in the final PDF */
  labels: Map<string, string>;
  /** anchor → page index (0-based) in the final PDF */
  pageIndex: Map<string, number>;
  /** the whole book as one HTML page with every number in (what a single print would print) */
  htmlFile: string;
  /** the merged PDF carries one structure tree joined from the parts' */
  tagged: boolean;
  /** browsers launched for the body (a big body is printed by several in turn; 0: the one given or launched) */
  bodyBrowsers?: number;
  /** milliseconds per step */
  timings: Record<string, number>;
  /** spread balancing (the one-chunk, two-pass print only) */
  balance?: BalanceResult;
  /** the one-chunk print: how its layout pass was made (predicted, or printed and why) */
  layoutPass?: string;
  /** link annotations over no text that were left out (link-fragments.ts) */
  emptyLinks: number;
  /** the PDF's sha-256, when it was computed anyway (a build with a cache folder) */
  sha256?: string;
  /** the previous PDF was patched (patch.ts): the conferences reprinted; else why not (undefined: not tried) */
  patched?: string[];
  fullBuild?: string;
}

/** HTML characters per page, for the chunking estimate (A5, Chinese text with its markup). */
const CHARS_PER_PAGE = 2000;
/** Body chunks of about this many pages: Chromium's print time grows faster than the page count. */
export const DEFAULT_CHUNK_PAGES = 300;
/**
 * A body estimated (CHARS_PER_PAGE) over this many pages to print is printed by several browsers in
 * turn, each about BROWSER_PAGES estimated pages (the estimate runs low: the 2017 corpus's 1,580 body
 * pages are estimated 1,194, a synthetic 3,950 at 2,400). The 2017 book printed by one browser peaked
 * at 1.41 GB PSS (the browser alone 1.05 GB), by two at 0.81-0.88 GB, in the same time (measured
 * alternately, twice each, load 4-5).
 */
const RECYCLE_ABOVE = 1000;
const BROWSER_PAGES = 650;
const FONT_SLOT = '/*pressbook-font-css*/';

/** A part of the book as printed: its HTML file, the PDF and what was read from it. */
interface PrintedPart {
  name: string;
  /** sha-256 of the PDF without Chromium's dates (for the document id); the bytes are not kept */
  hash: string;
  doc: PDFDocument;
  pageCount: number;
  /** anchor → local page index */
  pages: Map<string, number>;
  probes: Set<string>;
  cached: boolean;
}

/** Where blank pages go so that each recto anchor opens a right-hand page, parts laid one after the other from `start`. */
function layoutParts(parts: { pageCount: number; pages: Map<string, number> }[], recto: Set<string>, start: number, padEnd: boolean[] = []) {
  const blanks: number[][] = [];
  const global = new Map<string, number>();
  let at = start;
  parts.forEach((p, k) => {
    const local = [...p.pages].filter(([a]) => recto.has(a)).sort((a, b) => a[1] - b[1]);
    const before: number[] = [];
    let shift = 0;
    for (const [, pg] of local) {
      if (before.includes(pg)) continue;
      if ((at + pg + shift) % 2 === 1) {
        before.push(pg);
        shift++;
      }
    }
    for (const [a, pg] of p.pages) global.set(a, at + pg + before.filter((b) => b <= pg).length);
    at += p.pageCount + shift;
    if (padEnd[k] && at % 2 === 1) {
      before.push(p.pageCount);
      at++;
    }
    blanks.push(before);
  });
  return { blanks, pages: global, end: at };
}

/** Book → PDF file. The HTML and font subsets are written to a private build folder under `buildRoot`. */
export async function renderPdf(
  book: Book,
  outFile: string,
  opts: {
    buildRoot: string;
    /** a browser (or one being launched: it is awaited once the HTML is written); none: one is launched and closed */
    browser?: PressbookBrowser | Promise<PressbookBrowser>;
    /** hast transforms for every turn (e.g. annotations as footnotes) */
    transforms?: HastTransform[];
    /** interface strings (default: the locale of the book's language) */
    locale?: Locale;
    /** estimated pages per body chunk (default 300); a body of at most this size prints in one piece */
    chunkPages?: number;
    /** folder of the parts' PDFs by content (e.g. in the output folder); none: nothing reused or kept */
    cacheDir?: string;
    /** per printed part */
    progress?: (done: number, total: number) => void;
    /** parts printed at the same time (default 2) */
    concurrency?: number;
    /** print a one-chunk book in parts too (default: one page load and two prints, faster at that size) */
    parts?: boolean;
    /** name every turn paragraph so that its page is known (the EPUB page-list); default on, PRESSBOOK_PARAGRAPH_PAGES=0 off */
    paragraphPages?: boolean;
    /** a body estimated over `above` pages to print goes to a succession of browsers, `each` pages apiece (default 1,000 / 650) */
    browserPages?: { above: number; each: number };
    /** work to run while Chromium prints (the one-chunk path: during the layout pass; in parts: from the first print on, in turns) */
    whileWaiting?: () => void;
    /**
     * everything the body's HTML depends on besides the conferences (e.g. the output cache's key of the
     * book's inputs without its events): with `cacheDir`, the chunks are kept by content (chunk-memo.ts)
     */
    salt?: string;
  },
): Promise<PdfResult> {
  const { timings, lap } = stopwatch();
  const buildDir = resolve(opts.buildRoot, 'print');
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  const locale = opts.locale ?? loadLocale(book.config.language, book.config.root);
  const theme = loadTheme(book.config.theme, 'print', book.config.root);
  const geometry = printGeometry(theme, book.config.page.size);
  // the chunks of the last builds by content (chunk-memo.ts; a folder per PDF: the editions of a book share
  // the parts' cache, and each build prunes its memo): the conferences whose size is known are
  // viewed without their turns, which are added only for a chunk that is rendered again
  const ids = book.events.map((e) => e.meta.id);
  const memo = opts.cacheDir && opts.salt !== undefined && new Set(ids).size === ids.length ? new ChunkMemo(join(opts.cacheDir, 'chunks', basename(outFile).replace(/[^\w.-]+/g, '_')), opts.salt, book.events) : undefined;
  const skipped = new Set<string>();
  const view = bookView(book, theme, locale, {
    transforms: opts.transforms,
    skipTurns: memo
      ? (id) => {
          const known = memo.size(id) !== undefined;
          if (known) skipped.add(id);
          return known;
        }
      : undefined,
  });
  const withTurns = (events: string[]) => {
    const need = new Set(events.filter((id) => skipped.has(id)));
    addTurns(book, view, locale, need, { transforms: opts.transforms });
    for (const id of need) skipped.delete(id);
  };
  const extra = { fontCss: FONT_SLOT, pageCss: pageCss(geometry) };
  lap('view');
  await nextTurn();

  // 1. the parts' HTML
  const sizeOf = (e: EventView) => (skipped.has(e.id) ? memo!.size(e.id)! : eventSize(e));
  const chunks: ChunkPlan[] = planChunks(view.years, (opts.chunkPages ?? DEFAULT_CHUNK_PAGES) * CHARS_PER_PAGE, sizeOf);
  if (memo) for (const y of view.years) for (const e of y.events) if (!skipped.has(e.id)) memo.setSize(e.id, eventSize(e));
  if (chunks.length <= 1 && !opts.parts) {
    withTurns(ids);
    memo?.save();
    const { renderPdfTwoPass } = await import('./two-pass.js');
    const r = await renderPdfTwoPass(book, outFile, { buildRoot: opts.buildRoot, browser: opts.browser, transforms: opts.transforms, locale, view, whileWaiting: opts.whileWaiting });
    return { ...r, reused: 0, chunks: chunks.length, tagged: true };
  }
  // a tab opened in the caller's browser while the HTML is made: a new tab (a target, its request
  // interception) took 0.15-0.5 s, most of Chromium's share of a one-conference rebuild (patch.ts)
  const warmTab = opts.browser && opts.cacheDir ? Promise.resolve(opts.browser).then(async (on) => ({ on, ...(await sandboxedPage(on.browser, buildDir)) })) : undefined;
  warmTab?.catch(() => undefined);
  const firstEvent = new Map(view.years.map((y) => [y.year, y.events[0]?.anchor]));
  const yearSize = new Map(view.years.map((y) => [y.year, y.events.length]));
  // each turn paragraph named, so that the page it begins on is known (the EPUB's page-list marks it)
  const paragraphs = new Set<string>();
  const paragraphPages = opts.paragraphPages ?? process.env.PRESSBOOK_PARAGRAPH_PAGES !== '0';
  // the finishing passes by content (a rebuild redoes them for the chunks that changed only)
  const finish = htmlMemo(opts.cacheDir && join(opts.cacheDir, 'html'), (html) => autospace(bindEntryEnds(html)));
  // the front and back matter: the template with the body's turns left out (cut away below)
  // (its months too: what it shows never depends on which conferences' turns the view holds)
  const bare = new Map<EventView, EventView>();
  const turnless = (e: EventView) => bare.get(e) ?? bare.set(e, { ...e, turns: [] }).get(e)!;
  const matterHtml = mustache(theme.template, {
    ...view,
    ...extra,
    years: view.years.map((y) => ({ ...y, events: y.events.map(turnless), months: y.months.map((m) => ({ ...m, events: m.events.map(turnless) })) })),
  });
  // what a chunk shows besides its conferences' turns (chunk-memo.ts): the matter holds it all
  const context = memo ? createHash('sha256').update(theme.template).update('\0').update(matterHtml).digest('hex') : '';
  lap('matter');
  await nextTurn();
  const matter = frame(finish(matterHtml));
  // each chunk's characters and link targets (kept in the memo with it)
  const known: CachedChunk[] = [];
  const chunkHtml = (c: ChunkPlan): string => {
    const first = (y: YearView) => firstEvent.get(y.year) === y.events[0]?.anchor;
    const whole = (y: YearView) => y.events.length === yearSize.get(y.year);
    const events = c.years.flatMap((y) => y.events.map((e) => e.id));
    const key = memo?.chunkKey(c.name, events, [paragraphPages, c.years.map((y) => [y.year, first(y), whole(y)])], context);
    const hit = key ? memo!.get(key) : undefined;
    if (hit) {
      for (const id of hit.paragraphs) paragraphs.add(id);
      known.push(hit);
      return hit.main;
    }
    withTurns(events);
    const rendered = finish(mustache(theme.template, { ...view, ...extra, years: c.years, index: { byTopic: [], byOutlet: [] } }));
    let main = chunkMain(rendered, c, first, whole);
    let named: string[] = [];
    if (paragraphPages) {
      const n = nameParagraphs(main);
      named = [...n.ids];
      for (const id of named) paragraphs.add(id);
      main = n.html;
    }
    const made = { main, paragraphs: named, chars: charSet(main), targets: [...linkTargets(main)] };
    if (key) memo!.put(key, made);
    known.push(made);
    return main;
  };
  // a turn of the event loop after each chunk rendered (the browser's messages: see the early tab above)
  const mains: string[] = [];
  const turn = turnEvery(15);
  for (const c of chunks) {
    mains.push(chunkHtml(c));
    await turn();
  }
  memo?.save();
  lap('chunks');
  await nextTurn();
  // the book's text as far as the fonts and the links go (subsetFonts takes its characters only): the matter's, and the chunks'
  const text = [matter.front, matter.back].join('\n');
  const fonts = await subsetFonts(text + known.map((k) => k.chars).join('') + '0123456789ivxlcdmIVXLCDM—·…', theme.fonts, join(buildDir, 'fonts'), 'fonts/');
  assertGlyphs(fonts.missing, '', book);
  lap('fonts');
  const head = matter.head.replace(FONT_SLOT, fonts.css).replace(/<\/head>/i, `${PROBE_STYLE}</head>`);
  // what a part's PDF depends on besides its HTML: the full fonts it was cut from, the page, the code
  const keyBase = JSON.stringify([codeStamp(), theme.fonts.flatMap((f) => f.weights.map((w) => fontIdentity(f.kind, w))), printOptions(true)]);
  const { chapters, recto: rectoAnchors } = structure(view, locale);
  const recto = new Set(rectoAnchors);
  const structural = new Set<string>(['title-page', 'toc', 'question-index', 'colophon']);
  for (const y of view.years) {
    structural.add(y.anchor);
    for (const e of y.events) {
      structural.add(e.anchor);
      for (const q of e.questions) {
        structural.add(q.anchor);
        for (const f of q.followups) structural.add(f.anchor);
      }
    }
  }
  const targets = new Set([...linkTargets(text), ...known.flatMap((k) => k.targets), ...structural, ...paragraphs]);
  const partHtml = (body: string) => {
    const ids = idsIn(body);
    const p = insertProbes(crossLinks(body, ids), [...ids].filter((i) => targets.has(i)));
    return { html: head + p.html + matter.tail, probes: new Set(p.probed) };
  };
  // the running-head font is subset while Chromium works
  const fontBytes = stampFont(stampText(chapters), geometry.stampFont.kind, geometry.stampFont.weight);
  fontBytes.catch(() => undefined);
  const hasCover = view.years.length > 0 && /^\s*<[a-z]+\b[^>]*\bid="cover"/i.test(matter.front);
  // mirrored margins (pageCss): a left-hand page's text starts at the outer margin, a right-hand page's at the inner
  const [innerLeft, outerLeft] = geometry.binding === 'right' ? [geometry.outer, geometry.inner] : [geometry.inner, geometry.outer];
  const sideShift = ((outerLeft - innerLeft) * 72) / 25.4;
  const meta = bookMetadata(book, view, locale);
  // what a patch of the previous PDF (patch.ts) compares with the record of the previous build
  const plan: BookPlan = {
    outFile,
    cacheDir: opts.cacheDir,
    keyBase,
    head: matter.head,
    front: matter.front,
    back: matter.back,
    tail: matter.tail,
    chunks,
    mains,
    targets,
    recto,
    paragraphs,
    view,
    locale,
    chapters,
    stampGeometry: stampGeometry(geometry),
    sideShift,
    hasCover,
    meta: { ...meta, date: undefined },
  };
  lap('html');
  // the work given to run while Chromium prints (the check of the Markdown this run wrote), in turns
  opts.whileWaiting?.();

  // Chromium is awaited where it is first needed: a patch checks the previous build while it starts
  const launching: Promise<PressbookBrowser> = opts.browser ? Promise.resolve(opts.browser) : launchBrowser(configBrowser(book.config));
  launching.catch(() => undefined);
  const blocked: string[][] = [];
  // Tabs are kept and reused, one part after another: a new tab per part (a new target, its request
  // interception set up again) made the 2017 book's twelve parts print in 9.4 s instead of 7.0 s. A
  // part prints the same in a used tab as in a new one (the same bytes: checked).
  const idle = new Map<PressbookBrowser, Page[]>();
  const opened: [PressbookBrowser, Page][] = [];
  let warm = warmTab;
  /** the tab opened early, once: kept in `opened`, given to `on` when it is of that browser */
  const takeWarm = async (on?: PressbookBrowser) => {
    const p = warm;
    warm = undefined;
    const w = p && (await p.catch(() => undefined));
    if (!w) return undefined;
    blocked.push(w.blocked);
    opened.push([w.on, w.page]);
    if (w.on === on) return w.page;
    (idle.get(w.on) ?? idle.set(w.on, []).get(w.on)!).push(w.page);
    return undefined;
  };
  const withTab = async <T>(on: PressbookBrowser, f: (page: Page) => Promise<T>): Promise<T> => {
    let page = idle.get(on)?.pop() ?? (await takeWarm(on));
    if (!page) {
      const s = await sandboxedPage(on.browser, buildDir);
      blocked.push(s.blocked);
      opened.push([on, (page = s.page)]);
    }
    try {
      const r = await f(page);
      (idle.get(on) ?? idle.set(on, []).get(on)!).push(page);
      return r;
    } catch (e) {
      await page.close().catch(() => undefined);
      throw e;
    }
  };
  /** one print of an HTML file in a tab of `on` */
  const printOn = async (on: PressbookBrowser, name: string, html: string, tagged: boolean) => {
    const file = join(buildDir, `${name}.html`);
    // printed only: no screen layout (print-page.ts), which for a part of hundreds of pages is most of its load
    writeFileAtomic(file, withoutScreenLayout(html));
    return withTab(on, async (page) => {
      await loadPrintFile(page, file);
      return page.pdf(printOptions(tagged));
    });
  };
  /** the tabs opened in a browser the caller owns are closed; the others go with their browser */
  const closeTabs = async () => {
    await takeWarm();
    const given = opts.browser ? await opts.browser : undefined;
    if (given) for (const [on, page] of opened) if (on === given) await page.close().catch(() => undefined);
  };
  // the tab opened early is awaited here, the thread idle: its setup is a series of round trips to
  // Chromium, each waiting for a turn of this thread's event loop (busy with the view and the HTML so far)
  await warm?.catch(() => undefined);
  // 1b. only conferences changed since the previous build: its PDF patched in place when they keep their pages
  const patched = opts.cacheDir
    ? await patchPrevious(plan, { partHtml, print: async (name, html) => printOn(await launching, name, html, true), stampFont: () => fontBytes, date: meta.date })
    : undefined;
  if (patched && typeof patched !== 'string') {
    const pb = await launching;
    try {
      for (const [k, v] of Object.entries(patched.timings)) timings[`patch.${k}`] = v;
      finish.prune();
      const htmlFile = join(buildDir, 'book.html');
      writeFileAtomic(htmlFile, wholeBook(head, matter, mains, patched.partBlanks, patched.frontCount, (a) => patched.labels.get(a)));
      return {
        bytes: patched.bytes,
        sha256: patched.sha256,
        pages: patched.pages,
        browser: `${pb.resolved.source}: ${pb.resolved.executablePath}`,
        blocked: blocked.flat(),
        missingGlyphs: fonts.missing,
        prints: patched.events.length,
        reused: chunks.length + 2,
        chunks: chunks.length,
        labels: patched.labels,
        pageIndex: patched.pageIndex,
        htmlFile,
        tagged: patched.tagged,
        timings,
        emptyLinks: patched.emptyLinks,
        patched: patched.events,
      };
    } finally {
      await closeTabs();
      if (!opts.browser) await pb.close();
    }
  }
  lap('patch');
  const b = await launching;
  let prints = 0;
  let reused = 0;
  const used = new Set<string>();
  let total = chunks.length + 2;
  let done = 0;
  const keys = new Map<string, string>();
  const keyOf = (html: string) => {
    let k = keys.get(html);
    if (!k) keys.set(html, (k = createHash('sha256').update(keyBase).update('\0').update(html).digest('hex').slice(0, 40)));
    return k;
  };
  const cacheFile = (key: string) => (opts.cacheDir ? join(opts.cacheDir, `${key}.pdf`) : undefined);
  const isCached = (html: string) => !!opts.cacheDir && existsSync(cacheFile(keyOf(html))!);
  const read = async (bytes: Uint8Array) => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    const a = readAnchors(doc);
    return { doc, pageCount: a.pageCount, pages: new Map([...a.dests].map(([k, d]) => [k, d.page])) };
  };
  const printFile = (name: string, html: string, tagged: boolean, on: PressbookBrowser = b) => printOn(on, name, html, tagged);
  /** Print a part, or take it from the cache. */
  const print = async (name: string, html: string, probes: Set<string>, on?: () => Promise<PressbookBrowser>): Promise<PrintedPart> => {
    const key = keyOf(html);
    const file = cacheFile(key);
    used.add(`${key}.pdf`);
    let bytes: Uint8Array;
    let cached = false;
    if (file && existsSync(file)) {
      bytes = readFileSync(file);
      cached = true;
      reused++;
    } else {
      bytes = await printFile(name, html, true, on ? await on() : b);
      prints++;
      if (file) {
        mkdirSync(opts.cacheDir!, { recursive: true });
        writeFileAtomic(file, bytes);
      }
    }
    opts.progress?.(++done, total);
    // Chromium's own dates are the only varying bytes of its output: leave them out of the id
    const hash = createHash('sha256').update(withoutDates(bytes)).digest('hex');
    return { name, hash, probes, cached, ...(await read(bytes)) };
  };
  /** where the back matter's anchors land, from a layout-only print (nothing painted: a fraction of a print) */
  const layoutOnly = async (html: string) => {
    const style = '<style>body * { visibility: hidden !important; } .pb-probe { visibility: visible !important; }</style>';
    const at = html.search(/<body\b/i);
    const r = await read(await printFile('back-layout', html.slice(0, at) + style + html.slice(at), false));
    return { pageCount: r.pageCount, pages: r.pages };
  };
  /** run `tasks` with at most `n` at a time (Chromium prints one part while it lays out another) */
  const pool = async (tasks: (() => Promise<void>)[], n: number) => {
    let next = 0;
    const worker = async () => {
      while (next < tasks.length) await tasks[next++]!();
    };
    await Promise.all(Array.from({ length: Math.min(n, tasks.length) }, worker));
  };
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const batchBrowsers = new Map<number, Promise<PressbookBrowser>>();

  try {
    // 2. the body, chunk by chunk (and, on a first build, the back matter's layout meanwhile)
    const bodyParts = mains.map((m, k) => ({ name: `body-${chunks[k]!.name}`, ...partHtml(m) }));
    const firstBuild = bodyParts.filter((p) => !isCached(p.html)).length * 2 >= bodyParts.length;
    const body: PrintedPart[] = new Array(bodyParts.length);
    let backLayout: { pageCount: number; pages: Map<string, number> } | undefined;
    // A big body is printed by a succession of browsers, each closed after its share: Chromium keeps
    // much of every document it printed until it exits (as a single process, ~60 MB per 130 pages),
    // which on a 4,000-page book was 1.2 GB. A book up to RECYCLE_ABOVE estimated pages prints in the one browser.
    const estimate = bodyParts.map((p) => (isCached(p.html) ? 0 : p.html.length / CHARS_PER_PAGE));
    const batchOf: number[] = [];
    const recycle = opts.browserPages ?? { above: RECYCLE_ABOVE, each: BROWSER_PAGES };
    if (estimate.reduce((n, x) => n + x, 0) > recycle.above) {
      let batch = 0;
      let acc = 0;
      for (const x of estimate) {
        if (acc > 0 && acc + x > recycle.each) {
          batch++;
          acc = 0;
        }
        batchOf.push(x ? batch : -1);
        acc += x;
      }
    }
    const left = new Map<number, number>();
    for (const k of batchOf) if (k >= 0) left.set(k, (left.get(k) ?? 0) + 1);
    const launch = (k: number) => {
      let p = batchBrowsers.get(k);
      if (!p) {
        batchBrowsers.set(k, (p = launchBrowser(configBrowser(book.config))));
        p.catch(() => undefined);
      }
      return p;
    };
    const tasks = bodyParts.map((p, k) => async () => {
      const batch = batchOf[k] ?? -1;
      if (batch < 0) {
        body[k] = await print(p.name, p.html, p.probes);
        return;
      }
      // the next batch's browser starts while this one prints
      if (left.has(batch + 1)) launch(batch + 1);
      body[k] = await print(p.name, p.html, p.probes, () => launch(batch));
      const n = left.get(batch)! - 1;
      left.set(batch, n);
      if (n === 0) {
        const done = await launch(batch);
        idle.delete(done);
        await done.close();
      }
    });
    // the biggest parts first (when one browser prints them all): the part left to print alone at the end is a small one
    const order = batchOf.length ? tasks : [...tasks.keys()].sort((x, y) => estimate[y]! - estimate[x]! || x - y).map((k) => tasks[k]!);
    if (firstBuild && concurrency > 1)
      order.unshift(async () => {
        backLayout = await layoutOnly(partHtml(matter.back).html);
      });
    await pool(order, concurrency);
    lap('printBody');
    const bodyLayout = layoutParts(body, recto, 0);
    const label = new Map<string, string>();
    for (const [a, i] of bodyLayout.pages) label.set(a, String(i + 1));
    // 3. the back matter with the body's numbers, the front matter with all of them: side by side
    // when the back's layout is known (numbers never change a layout), else one after the other
    const backHtml = partHtml(fillNumbers(matter.back, (a) => label.get(a)));
    const frontLabels = (l: { pageCount: number; pages: Map<string, number> }) => {
      const m = new Map(label);
      for (const [a, i] of layoutParts([l], recto, bodyLayout.end).pages) m.set(a, String(i + 1));
      return m;
    };
    let back: PrintedPart;
    let front: PrintedPart;
    if (backLayout) {
      const guess = frontLabels(backLayout);
      const frontHtml = partHtml(fillNumbers(matter.front, (a) => guess.get(a)));
      [back, front] = await Promise.all([print('back', backHtml.html, backHtml.probes), print('front', frontHtml.html, frontHtml.probes)]);
      const real = frontLabels(back);
      if ([...real].some(([a, v]) => guess.get(a) !== v)) {
        // the layout-only print disagreed with the real one: print the front again with the real numbers
        const again = partHtml(fillNumbers(matter.front, (a) => real.get(a)));
        total++;
        front = await print('front', again.html, again.probes);
      }
      for (const [a, v] of real) label.set(a, v);
    } else {
      back = await print('back', backHtml.html, backHtml.probes);
      for (const [a, v] of frontLabels(back)) label.set(a, v);
      const frontHtml = partHtml(fillNumbers(matter.front, (a) => label.get(a)));
      front = await print('front', frontHtml.html, frontHtml.probes);
    }
    lap('printMatter');

    // 4. the whole book: front (padded to an even count: the body opens a right-hand page), body, back
    const all = [front, ...body, back];
    const final = layoutParts(all, recto, 0, [true]);
    const frontPages = final.blanks[0]!.length + front.pageCount;
    // the body's numbering is independent of the front matter: check it
    for (const [a, i] of final.pages)
      if (label.has(a) && String(i - frontPages + 1) !== label.get(a)) throw new PressbookError(`pagination: ${a} planned on page ${label.get(a)}, merged on ${i - frontPages + 1}`);
    const merged = await mergeParts(
      all.map((p, k) => ({ doc: p.doc, probes: p.probes, blanksBefore: final.blanks[k]! })),
      // the paragraphs' destinations serve the page map (EPUB page-list) only: not in the PDF's table
      { sideShift, unlisted: (name) => paragraphs.has(name) },
    );
    if (merged.unresolved.length) throw new PressbookError(`links to anchors that are printed nowhere: ${[...new Set(merged.unresolved)].slice(0, 5).join(', ')}`);
    const doc = merged.doc;
    const bodyStart = body.length ? frontPages : final.pages.get('question-index') ?? frontPages;
    const layout: Layout = {
      pages: final.pages,
      pageCount: doc.getPageCount(),
      blankPages: merged.blankPages,
      bodyStart,
      label: (i) => pageLabel(i, bodyStart),
    };
    for (const [a, d] of merged.dests)
      if (layout.pages.get(a) !== d.page) throw new PressbookError(`pagination: ${a} planned on page ${(layout.pages.get(a) ?? -1) + 1}, merged on ${d.page + 1}`);
    lap('merge');
    const font = await fontBytes;
    const pageStamps = stamps(layout, chapters, hasCover);
    await stampPages(doc, pageStamps, stampGeometry(geometry), font);
    lap('stamp');
    setPageLabels(doc, bodyStart);
    const at: At = (anchor) => {
      const d = merged.dests.get(anchor);
      return d ? { ref: d.ref, left: d.left, top: Number.isFinite(d.top) ? d.top : 10_000 } : undefined;
    };
    setOutline(doc, outline(view, at, locale, chunks.length > 1));
    setReadingDirection(doc, geometry.binding === 'right' ? 'R2L' : 'L2R');
    const h = createHash('sha256');
    for (const p of all) h.update(p.hash);
    setMetadata(doc, meta, h.digest('hex'));
    const pdf = await doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
    lap('finish');
    writeFileAtomic(outFile, pdf);
    // the whole book as one page (for a reader of the build folder and the benchmark's single print)
    const htmlFile = join(buildDir, 'book.html');
    writeFileAtomic(htmlFile, wholeBook(head, matter, mains, final.blanks, front.pageCount, (a) => label.get(a)));
    // the record a later rebuild patches this PDF from (patch.ts)
    const sha256 = recordBuild(plan, { pdf, doc, merged, layout, stamps: pageStamps, partBlanks: final.blanks, frontCount: front.pageCount });
    if (sha256) noteFileSha256(outFile, sha256);
    if (opts.cacheDir && existsSync(opts.cacheDir))
      for (const f of readdirSync(opts.cacheDir)) if (f.endsWith('.pdf') && !used.has(f)) rmSync(join(opts.cacheDir, f), { force: true });
    finish.prune();
    lap('write');
    const pageIndex = new Map([...merged.dests].map(([k, d]) => [k, d.page]));
    return {
      bytes: pdf,
      sha256,
      pages: layout.pageCount,
      browser: `${b.resolved.source}: ${b.resolved.executablePath}`,
      blocked: blocked.flat(),
      missingGlyphs: fonts.missing,
      prints,
      reused,
      chunks: chunks.length,
      labels: new Map([...pageIndex].map(([k, p]) => [k, layout.label(p)])),
      pageIndex,
      htmlFile,
      tagged: merged.tagged,
      bodyBrowsers: batchBrowsers.size,
      timings,
      emptyLinks: merged.emptyLinks,
      fullBuild: typeof patched === 'string' ? patched : undefined,
    };
  } finally {
    for (const p of batchBrowsers.values()) await p.then((x) => x.close()).catch(() => undefined);
    await closeTabs();
    if (!opts.browser) await b.close();
  }
}

