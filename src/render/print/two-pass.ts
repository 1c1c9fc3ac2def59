/**
 * A small book (one body chunk, see pdf.ts) → print PDF in one page load and two prints, which on a
 * book of a few hundred pages is faster than printing its parts separately (measured: `npm run bench`):
 *
 * 1. render the print HTML (mustache template + theme CSS + font slices) and load it once, with no
 *    screen layout (print-page.ts `withoutScreenLayout`: the page is only ever printed);
 * 2. pass A: print without page numbers (with everything `visibility: hidden` — same layout, nothing
 *    painted — when no spread is to be balanced; painted otherwise, cover, front and back matter aside
 *    (their links only), as the balancing reads each conference page's last line from this pass: balance.ts), read where every anchor landed from the PDF's
 *    named destinations (the PDF opened lazily, pdf-incremental.ts: only the page tree and the
 *    destinations are parsed; TOC and index links point at every year, event and question; a few
 *    invisible probe links cover the front matter), plan blank pages so that each year, the TOC and
 *    the index open on a right-hand page, and the page labels (roman front matter, arabic body);
 * 3. pass B: fill the labels into the same page (the numbers sit in boxes of reserved width, so no
 *    line can reflow), insert the blank pages, print again (tagged) and check that every anchor is
 *    where the plan said, with the spread balancing's extra space in (planned from pass A; if a
 *    stretched page broke differently, printed once more without it); if not, repeat from 2 with
 *    the numbers in; while Chromium prints, the
 *    running heads and folios are shaped (harfbuzz);
 * Steps 2–3 are first tried with the layout pass predicted instead of printed (predict.ts: the book laid
 * out on screen in columns of the print's page box): the plan is made from the prediction, the numbered
 * book printed once and checked (every anchor on its planned page, the page count, every body page's
 * lines read back exactly and the balancing replanned from them equal to the plan printed). On any
 * difference the layout pass is printed as above (`layoutPass` and --verbose say which path ran and why);
 * whenever the check holds the PDF is the one the printed layout pass gives, byte for byte.
 * 4. finish with pdf-lib: running heads and folios in a subset of the npm font, page labels,
 *    outline year → event → question, metadata, fixed dates and a content-derived document id,
 *    appended to Chromium's PDF as an incremental update (its bytes are not parsed and rewritten).
 */
import { stopwatch } from '../../util/stopwatch.js';
import { configBrowser } from '../../config/load.js';
import { mkdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Book } from '../../model/types.js';
import type { HastTransform } from '../../ast/hast.js';
import { launchBrowser, sandboxedPage, type PressbookBrowser } from '../../browser/launch.js';
import { loadPrintFile, printOptions, withScreenLayout, withoutScreenLayout } from '../shared/print-page.js';
import { renderPrintHtml, type PrintGeometry } from './html.js';
import { assertGlyphs } from '../shared/font-subset.js';
import { dropEmptyLinkFragments } from '../shared/link-fragments.js';
import type { BookView } from '../shared/book-view.js';
import { loadLocale, type Locale } from '../shared/locale.js';
import { writeFileAtomic } from '../../util/fs.js';
import { PressbookError } from '../../errors.js';
import { setMetadata, setOutline, setPageLabels, setReadingDirection, shapeStamps, StampFace, stampFont, stampPages } from '../shared/pdf-stamp.js';
import { openPdf } from '../shared/pdf-incremental.js';
import { diffPages, planPages, type PagePlan } from './paginate.js';
import { bookMetadata, outline, stampGeometry, stampText, stamps, structure } from './book-pages.js';
import { readAnchors, withoutDates, type PdfAnchors } from '../shared/pdf-read.js';
import { applyExtra, bodySpreads, checkBalance, markBlocks, planBalance, readPageBaselines, unbalanced, type BalanceResult, type PageLines } from './balance.js';
import { blockWhere, estimate, exactLines, predictedLines, predictLayout, type Prediction } from './predict.js';

export interface TwoPassResult {
  bytes: Uint8Array;
  pages: number;
  browser: string;
  blocked: string[];
  missingGlyphs: number[];
  /** how many times Chromium printed the book (2 when the first plan held) */
  prints: number;
  /** anchor → printed page label, as verified in the final PDF */
  labels: Map<string, string>;
  /** anchor → page index (0-based) in the final PDF */
  pageIndex: Map<string, number>;
  /** the final HTML (numbers and blank pages in), as printed */
  htmlFile: string;
  /** milliseconds per step */
  timings: Record<string, number>;
  /** spread balancing (balance.ts) */
  balance?: BalanceResult;
  /** link annotations over no text that were left out (link-fragments.ts) */
  emptyLinks: number;
  /** how the layout pass was made: predicted (one print), or printed and why */
  layoutPass: string;
}

/**
 * Print options of a pass. The fonts were awaited when the page loaded and a pass adds no character
 * outside them (digits, blank pages), so the print is sent at once: work done right after calling
 * page.pdf runs while Chromium prints.
 */
const print = (tagged: boolean) => ({ ...printOptions(tagged), waitForFonts: false });

/** Front-matter anchors no link points at: found with invisible probe links in pass A. */
export const PROBES = ['title-page', 'toc'];

/**
 * Set the page up for a pass: page labels into `.pn[data-target]`, a blank page before each anchor
 * of `blanks`, probe links into each anchor of `probes`; `bodyOnly`: the cover, front and back matter
 * laid out but not painted, their links aside (a layout pass read for the conferences' pages only).
 * Returns the probe anchors that exist.
 */
export async function arrange(page: Page, labels: Record<string, string>, blanks: string[], probes: string[], layoutOnly: boolean, bodyOnly = false): Promise<string[]> {
  return page.evaluate(
    (labels: Record<string, string>, blanks: string[], probes: string[], layoutOnly: boolean, bodyOnly: boolean) => {
      for (const el of document.querySelectorAll('.pb-probe, .pb-blank, #pb-layout-only')) el.remove();
      if (layoutOnly) {
        // visibility never changes layout: the pages break exactly as when painted, but Chromium
        // paints (and embeds fonts for) nothing, which makes this print several times cheaper
        const st = document.createElement('style');
        st.id = 'pb-layout-only';
        st.textContent = 'body * { visibility: hidden !important; } .pb-probe { visibility: visible !important; }';
        document.head.append(st);
      } else if (bodyOnly) {
        // the layout pass painted for the balancing, which reads the conferences' pages only: the
        // cover, front and back matter are laid out but not painted (their links are, for the anchors)
        const st = document.createElement('style');
        st.id = 'pb-layout-only';
        st.textContent = '.cover *, .front *, .back * { visibility: hidden !important; } .front a[href], .back a[href], .pb-probe { visibility: visible !important; }';
        document.head.append(st);
      }
      for (const el of document.querySelectorAll<HTMLElement>('.pn[data-target]')) {
        const v = labels[el.dataset['target'] ?? ''] ?? '';
        if (el.textContent !== v) el.textContent = v;
      }
      for (const id of blanks) {
        const t = document.getElementById(id);
        if (!t) continue;
        const d = document.createElement('div');
        d.className = 'pb-blank';
        d.setAttribute('aria-hidden', 'true');
        d.style.cssText = 'break-before:page;break-after:page;height:0;margin:0;padding:0;border:0';
        t.before(d);
      }
      const found: string[] = [];
      for (const id of probes) {
        const t = document.getElementById(id);
        if (!t) continue;
        const a = document.createElement('a');
        a.className = 'pb-probe';
        a.href = '#' + id;
        a.style.cssText = 'position:absolute;display:block;width:1px;height:1px;overflow:hidden';
        t.prepend(a);
        found.push(id);
      }
      return found;
    },
    labels,
    blanks,
    probes,
    layoutOnly,
    bodyOnly,
  );
}

export function anchorPages(a: PdfAnchors): Map<string, number> {
  return new Map([...a.dests].map(([k, d]) => [k, d.page]));
}

/** Book → PDF file. The HTML and font slices are written to a private build folder under `buildRoot`. */
export async function renderPdfTwoPass(
  book: Book,
  outFile: string,
  opts: {
    buildRoot: string;
    /** a browser (or one being launched: it is awaited once the HTML is written); none: one is launched and closed */
    browser?: PressbookBrowser | Promise<PressbookBrowser>;
    maxRounds?: number;
    /** hast transforms for every turn (e.g. annotations as footnotes) */
    transforms?: HastTransform[];
    /** interface strings (default: the locale of the book's language) */
    locale?: Locale;
    /** the book's view as renderPdf built it (reused when the print HTML would build the same one) */
    view?: BookView;
    /** work to run while Chromium prints the layout pass (node has nothing else to do then) */
    whileWaiting?: () => void;
    /** the layout pass: predicted and checked, else printed (default), or printed (PRESSBOOK_PASS_A=print does the same) */
    passA?: 'predict' | 'print';
    /** tests only: change the prediction before it is used (the check must then fall back) */
    predictionHook?: (p: Prediction) => void;
  },
): Promise<TwoPassResult> {
  const { timings, lap } = stopwatch();
  const buildDir = resolve(opts.buildRoot, 'print');
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  const locale = opts.locale ?? loadLocale(book.config.language, book.config.root);
  // Chromium opens the page (a renderer process) while the HTML is rendered here
  const owned = !opts.browser;
  const browser = Promise.resolve(opts.browser ?? launchBrowser(configBrowser(book.config)));
  const opening = browser.then((b) => sandboxedPage(b.browser, buildDir));
  opening.catch(() => undefined);
  let html: string, geometry: PrintGeometry, view: Awaited<ReturnType<typeof renderPrintHtml>>['view'], fonts: Awaited<ReturnType<typeof renderPrintHtml>>['fonts'];
  try {
    ({ html, fonts, geometry, view } = await renderPrintHtml(book, buildDir, locale, undefined, opts.transforms, '', opts.view));
    assertGlyphs(fonts.missing, '', book);
  } catch (e) {
    await (await opening.catch(() => undefined))?.page.close().catch(() => undefined);
    if (owned) await (await browser.catch(() => undefined))?.close();
    throw e;
  }
  const htmlFile = join(buildDir, 'book.html');
  // loaded without a screen layout (print-page.ts); the final HTML written at the end is without the style
  writeFileAtomic(htmlFile, withoutScreenLayout(html));
  const { chapters, recto, bodyStart } = structure(view, locale);
  // the running-head font is subset while Chromium works
  const fontBytes = stampFont(stampText(chapters), geometry.stampFont.kind, geometry.stampFont.weight);
  fontBytes.catch(() => undefined);
  lap('html');

  const b = await browser;
  try {
    const { page, blocked } = await opening;
    await loadPrintFile(page, htmlFile);
    // the body's blocks get probe ids: the layout pass reports where each starts (spread balancing)
    const blocks = await markBlocks(page);
    const blockIds = new Set(blocks.ids);
    lap('load');
    try {
      let labels: Record<string, string> = {};
      let prints = 0;
      // the page holds the balancing's extra space (taken out before a new layout pass)
      let stretched = false;
      const rounds = opts.maxRounds ?? 3;
      const marginTop = (geometry.top * 72) / 25.4;
      // the work to run while Chromium prints runs once (the first print)
      let waiting = opts.whileWaiting;
      const whileWaiting = () => {
        const w = waiting;
        waiting = undefined;
        w?.();
      };
      /** the page plan from a layout pass's anchor pages (blank pages, labels), its labels put in `labels` */
      const pagePlan = (pageCount: number, pages: Map<string, number>, probes: string[]): PagePlan => {
        const plan = planPages({ pageCount, pages, recto: recto.filter((r) => !PROBES.includes(r) || probes.includes(r)), bodyStart });
        labels = Object.fromEntries([...plan.pages].map(([k, p]) => [k, plan.label(p)]));
        return plan;
      };
      /** a numbered print read back: where its anchors landed, and where that differs from the plan */
      const readNumbered = async (plan: PagePlan, bytes: Uint8Array) => {
        const pdfFile = await openPdf(bytes);
        const final = readAnchors(pdfFile.doc, { links: false });
        const got = anchorPages(final);
        const expected = new Map([...plan.pages].filter(([k]) => !PROBES.includes(k) && !blockIds.has(k)));
        const diff = diffPages(expected, got);
        if (final.pageCount !== plan.pageCount) diff.unshift(`page count: planned ${plan.pageCount}, printed ${final.pageCount}`);
        return { bytes, pdfFile, final, got, expected, diff };
      };

      /** the numbered print checked: the final PDF finished from it (stamps, labels, outline, metadata) */
      const finish = async (f: { plan: PagePlan; pageStamps: ReturnType<typeof stamps>; face: StampFace; bytes: Uint8Array; pdfFile: Awaited<ReturnType<typeof openPdf>>; final: PdfAnchors; got: Map<string, number>; balance: BalanceResult; layoutPass: string }): Promise<TwoPassResult> => {
        const { plan, pageStamps, face, bytes, pdfFile, final, got } = f;
        const doc = pdfFile.doc;
        // the final HTML (balancing included) is serialised by Chromium while the PDF is finished here
        const content = page.content();
        content.catch(() => undefined);
        // in page order, and on a page in the order of the numbered print's destinations (the probes first):
        // the same whichever way the layout pass was made (its own destinations' order differs with the probes)
        const rank = new Map([...final.dests.keys()].map((k, i) => [k, i]));
        const pageIndex = new Map([...plan.pages].filter(([k]) => got.has(k) || PROBES.includes(k)).sort((x, y) => x[1] - y[1] || (rank.get(x[0]) ?? -1) - (rank.get(y[0]) ?? -1)));
        const emptyLinks = dropEmptyLinkFragments(doc, final.pageRefs).length;
        await stampPages(doc, pageStamps, stampGeometry(geometry), face);
        lap('stamp');
        setPageLabels(doc, plan.bodyStart);
        // an anchor's named destination, else the top of its planned page
        const at = (anchor: string) => {
          const d = final.dests.get(anchor);
          if (d) return { ref: d.ref, left: d.left, top: Number.isFinite(d.top) ? d.top : 10_000 };
          const p = plan.pages.get(anchor);
          return p === undefined ? undefined : { ref: final.pageRefs[p]!, left: 0, top: 10_000 };
        };
        setOutline(doc, outline(view, at, locale, false));
        setReadingDirection(doc, geometry.binding === 'right' ? 'R2L' : 'L2R');
        setMetadata(
          doc,
          bookMetadata(book, view, locale),
          // Chromium's own dates are the only varying bytes of its output: leave them out of the id
          createHash('sha256').update(withoutDates(bytes)).digest('hex'),
        );
        // Chromium's PDF with the changes appended (an incremental update), not parsed and rewritten whole
        const pdf = await pdfFile.save();
        lap('finish');
        writeFileAtomic(outFile, pdf);
        writeFileAtomic(htmlFile, withScreenLayout(await content));
        lap('write');
        return {
          bytes: pdf,
          pages: plan.pageCount,
          browser: `${b.resolved.source}: ${b.resolved.executablePath}`,
          blocked,
          missingGlyphs: fonts.missing,
          prints,
          labels: new Map([...pageIndex].map(([k, p]) => [k, plan.label(p)])),
          pageIndex,
          htmlFile,
          timings,
          balance: f.balance,
          emptyLinks,
          layoutPass: f.layoutPass,
        };
      };

      // 1. the layout pass predicted from a screen layout (predict.ts), the numbered book printed once and
      // checked against the prediction; on any difference, today's layout pass is printed (2.)
      const mode = opts.passA ?? (process.env['PRESSBOOK_PASS_A'] === 'print' ? 'print' : 'predict');
      let why = mode === 'print' ? 'asked for (PRESSBOOK_PASS_A=print)' : blocks.ids.length === 0 ? 'nothing to balance (a vertical edition, or no conference)' : '';
      if (!why) {
        try {
          const pr = await predictLayout(page, geometry);
          opts.predictionHook?.(pr);
          lap('predict');
          const [probes, targets, onCover] = await page.evaluate((ids: string[]): [string[], string[], number] => [
            ids.filter((id) => !!document.getElementById(id)),
            [...document.querySelectorAll('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1))),
            document.querySelectorAll('.cover a[href^="#"]').length,
          ], [...PROBES, ...blocks.ids]);
          // the layout pass paints no cover: whether it names a destination for a link there is not predicted
          if (onCover) throw new Error('links on the cover');
          // the layout pass's named destinations: every link target and probe that is laid out
          const named = new Set([...targets, ...probes]);
          const pagesA = new Map([...pr.anchors].filter(([k]) => named.has(k)).map(([k, v]) => [k, v.page] as const));
          const plan = pagePlan(pr.pageCount, pagesA, probes);
          const est = estimate(geometry, pr);
          const planFrom = (height: number, lines: PageLines[]) =>
            planBalance({ blankPages: plan.blankPages, pageCount: plan.pageCount, blocks, where: blockWhere(pr, blocks.ids, (id) => plan.pages.get(id), height, marginTop), marginTop, lines });
          let balancePlan = await planFrom(est.height, predictedLines(pr, est.height, est.baseline));
          lap('balance');
          await arrange(page, labels, [...plan.blanks], [], false);
          const pageStamps = stamps(plan, chapters, view.years.length > 0 && (await hasCover(page)));
          let face: StampFace | undefined;
          // a second print only when the balancing, replanned from the first print's exact baselines, differs
          // from the one planned with the estimate (that print then carries it, and is checked the same way)
          for (let attempt = 1; ; attempt++) {
            if (balancePlan.extra.size || stretched) await applyExtra(page, balancePlan.extra);
            stretched = balancePlan.extra.size > 0;
            const printing = page.pdf(print(true));
            printing.catch(() => undefined);
            if (!face) {
              whileWaiting();
              face = await StampFace.create(await fontBytes);
              shapeStamps(face, pageStamps);
              lap('shape');
            }
            const bytes = await printing;
            prints++;
            lap('printB');
            const { pdfFile, final, got, expected, diff } = await readNumbered(plan, bytes);
            const unplanned = [...got.keys()].filter((k) => !expected.has(k));
            if (unplanned.length) diff.push(`not predicted: ${unplanned.slice(0, 3).join(', ')}`);
            if (diff.length) throw new Error(`anchors: ${diff.slice(0, 3).join('; ')}`);
            lap('readB');
            // every body page's lines read back: the layout pass's lines, exactly, and the balancing replanned from them
            const blanks = [...plan.blankPages].sort((x, y) => x - y);
            const layoutPage = (p: number) => (plan.blankPages.has(p) ? -1 : p - blanks.filter((x) => x < p).length);
            const stretch = new Map<number, { top: number; px: number }[]>();
            for (const [id, px] of balancePlan.extra) {
              const p = plan.pages.get(id)!;
              stretch.set(p, [...(stretch.get(p) ?? []), { top: pr.anchors.get(id)!.top, px }]);
            }
            const read = readPageBaselines(pdfFile.doc, (p) => layoutPage(p) < 0 || pr.lines.has(layoutPage(p)));
            const exact = exactLines({ pr, read, layoutPage, stretch });
            if (typeof exact === 'string') throw new Error(exact);
            const height = read.find((r) => Number.isFinite(r.height))?.height ?? est.height;
            const check = await planFrom(height, exact.lines);
            const printed = balancePlan.extra;
            const same = (x: Map<string, number>) => x.size === printed.size && [...x].every(([k, v]) => printed.get(k) === v);
            // a last line at a rounding boundary: the plan must not depend on which way the layout pass rounds it
            const bump = (ls: number[]) => exact.lines.map((l, i) => (ls.includes(i) ? { ...l, last: exact.uncertain.get(i)! } : l));
            for (const ls of exact.uncertain.size ? [...[...exact.uncertain.keys()].map((k) => [k]), [...exact.uncertain.keys()]] : []) {
              const alt = (await planFrom(height, bump(ls))).extra;
              if (alt.size !== check.extra.size || [...alt].some(([k, v]) => check.extra.get(k) !== v)) throw new Error(`the balancing depends on a baseline at a rounding boundary (layout page ${ls[0]! + 1})`);
            }
            if (!same(check.extra)) {
              if (attempt === 1) {
                lap('check');
                balancePlan = check;
                continue;
              }
              throw new Error(`the balancing replanned from the print differs (${check.extra.size} vs ${balancePlan.extra.size} blocks)`);
            }
            // the spreads after: the stretched pages as printed, the others as laid out
            const after = check.lines.map((l, p) => (stretch.has(p) ? { ...l, last: Math.round(read[p]!.raw[read[p]!.raw.length - 1]! * 2) / 2 } : l));
            const balance = { ...check.result, after: stretch.size ? unbalanced(bodySpreads(after, check.continues), check.line - 0.5).length : check.result.after };
            lap('check');
            return await finish({ plan, pageStamps, face, bytes, pdfFile, final, got, balance, layoutPass: attempt === 1 ? 'predicted (one print)' : 'predicted (two prints: the balancing replanned from the first)' });
          }
        } catch (e) {
          why = `prediction not kept: ${(e as Error).message}`;
          labels = {};
        }
      }

      for (let round = 1; round <= rounds; round++) {
        // pass A: where does everything land (no blank pages, probes in)?
        if (stretched) await applyExtra(page, new Map());
        stretched = false;
        // painted when spreads are to be balanced (their lines are read from this pass), else layout only
        const probes = await arrange(page, labels, [], [...PROBES, ...blocks.ids], blocks.ids.length === 0, true);
        const printingA = page.pdf(print(false));
        printingA.catch(() => undefined);
        whileWaiting();
        const a = await printingA;
        prints++;
        lap('printA');
        const layout = (await openPdf(a)).doc;
        const first = readAnchors(layout, { links: false });
        const plan = pagePlan(first.pageCount, anchorPages(first), probes);
        lap('readA');
        // facing pages end at the same depth: short pages justified to their partner's depth, planned from
        // the layout pass (the body lies there as it will in the numbered print) and printed by pass B
        const where = new Map(blocks.ids.flatMap((id) => { const d = first.dests.get(id), p = plan.pages.get(id); return d && p !== undefined ? [[id, { page: p, top: d.top }] as const] : []; }));
        const balancePlan = await planBalance({ doc: layout, blankPages: plan.blankPages, pageCount: plan.pageCount, blocks, where, marginTop });
        lap('balance');
        // pass B: numbers and blank pages in, probes out
        await arrange(page, labels, [...plan.blanks], [], false);
        if (balancePlan.extra.size) {
          await applyExtra(page, balancePlan.extra);
          stretched = true;
        }
        const pageStamps = stamps(plan, chapters, view.years.length > 0 && (await hasCover(page)));
        const printing = page.pdf(print(true));
        printing.catch(() => undefined);
        // while Chromium prints: harfbuzz loaded, the stamp font read, every running head and folio shaped
        const face = await StampFace.create(await fontBytes);
        shapeStamps(face, pageStamps);
        lap('shape');
        const printed = await printing;
        prints++;
        lap('printB');
        let numbered = await readNumbered(plan, printed);
        lap('readB');
        let balance = balancePlan.result;
        if (stretched) {
          // the stretched print keeps every page break and anchor, else the print without the stretch
          balance = numbered.diff.length ? { ...balance, stretched: 0, rejected: 'anchors moved' } : await checkBalance(balancePlan, numbered.pdfFile.doc);
          if (balance.rejected) {
            await applyExtra(page, new Map());
            stretched = false;
            numbered = await readNumbered(plan, await page.pdf(print(true)));
            prints++;
          }
          lap('balance');
        }
        const { bytes, pdfFile, final, got, diff } = numbered;
        if (diff.length) {
          if (round === rounds) throw new PressbookError(`pagination did not settle after ${prints} prints: ${diff.slice(0, 5).join('; ')}`);
          continue;
        }
        return await finish({ plan, pageStamps, face, bytes, pdfFile, final, got, balance, layoutPass: `printed (${why})` });
      }
      throw new PressbookError('pagination: no round ran');
    } finally {
      await page.close();
    }
  } finally {
    if (!opts.browser) await b.close();
  }
}

export async function hasCover(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const c = document.getElementById('cover');
    return !!c && !c.previousElementSibling;
  });
}

