// Issue 10, evaluation: can the two-pass print's layout pass (pass A, two-pass.ts) be predicted from a
// cheap screen layout instead of a print?
//
// The print HTML of a `pressbook pdf` run is loaded as pass A sees it (no numbers, no blank pages, no
// balancing, probe links in) and
//   1. printed as pass A is (the reference: anchors' pages and tops, each page's text baselines);
//   2. laid out on screen (print media emulated) in a multi-column body whose column box is the page's
//      content box, forced page breaks made column breaks: each anchor's column, each text line's
//      baseline (Range rects + the font's ascent).
// It reports how many anchors land on the predicted page, whether the page count matches, and how
// exactly the text baselines follow from the layout: Chromium writes each glyph run's baseline as an
// integer in a stitched page space (pages an integer stride apart) under a 300-dpi device transform,
// so a PDF baseline is A − s·n with n the layout baseline rounded to a whole CSS px. The model is fitted
// (a) on pass A itself and (b) on the run's final PDF (pass B: blank pages in, stretched pages left
// out), and (b) is used to predict pass A's last line per body page (what spread balancing reads).
//
// usage: [BOX=ceil|css|dw,dh] node bench/predict-pass-a.mjs <output folder of a `pressbook pdf` run> [more folders…]
// (npm run build first: it imports lib/). PASS_A_OUT=file.pdf keeps the pass A print; DEBUG_PAGE=n prints
// the predicted lines of page n (0-based) with their text, to set beside `pdftotext -f n+1 -l n+1 -bbox-layout`.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { launchBrowser } from '../lib/browser/launch.js';
import { openPrintPage, printOptions } from '../lib/render/shared/print-page.js';
import { arrange, PROBES } from '../lib/render/print/two-pass.js';
import { markBlocks, applyExtra, readPageLinesFast, textRows } from '../lib/render/print/balance.js';
import { openPdf } from '../lib/render/shared/pdf-incremental.js';
import { readAnchors, walkPageTree, deref } from '../lib/render/shared/pdf-read.js';
import { PDFName, PDFArray, PDFRawStream, decodePDFRawStream } from '../lib/render/shared/pdflib.js';

const MM = 96 / 25.4;

/** @page size and margins (mm) from the print HTML's first rules */
function geometry(html) {
  const size = /@page\s*\{[^}]*size:\s*([\d.]+)mm\s+([\d.]+)mm/.exec(html);
  const margin = /@page\s*\{[^}]*margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm/.exec(html);
  if (!size || !margin) throw new Error('no @page size/margin in the print HTML');
  const [w, h] = [Number(size[1]), Number(size[2])];
  const [top, right, bottom, left] = margin.slice(1).map(Number);
  // The print lays the pages out in the content box rounded up to whole CSS px (A5 classic: 439 × 651
  // px for 438.43 × 650.08; the stitched page stride in its PDF is 651): the columns get the same box.
  // BOX=css: the CSS content box as it is; BOX=dw,dh: the CSS box plus dw, dh px (to experiment).
  const cw = (w - left - right) * MM, ch = (h - top - bottom) * MM;
  const box = process.env.BOX ?? 'ceil';
  if (box === 'ceil') return { width: w, height: h, top, bottom, colW: Math.ceil(cw - 1e-9), colH: Math.ceil(ch - 1e-9) };
  const [dw, dh] = box === 'css' ? [0, 0] : box.split(',').map(Number);
  return { width: w, height: h, top, bottom, colW: cw + (dw || 0), colH: ch + (dh || 0) };
}

/** every page's text baselines (PDF points from the bottom, not rounded) */
async function rawBaselines(bytes) {
  const { doc } = await openPdf(bytes);
  const round = Math.round;
  Math.round = (x) => x; // textRows rounds baselines to half a point: here they are wanted as written
  try {
    return walkPageTree(doc).map((ref) => {
      const c = deref(doc, doc.context.lookup(ref).get(PDFName.of('Contents')));
      const sts = c instanceof PDFArray ? c.asArray().map((x) => deref(doc, x)) : [c];
      const parts = sts.filter((s) => s instanceof PDFRawStream).flatMap((s) => [Buffer.from(decodePDFRawStream(s).decode()), Buffer.from('\n')]);
      return textRows(Buffer.concat(parts)).baselines.sort((a, b) => b - a);
    });
  } finally {
    Math.round = round;
  }
}

/** in the page: the screen layout in columns of the page's content box */
function predictInPage(g) {
  const extra = [];
  const walk = (rules) => {
    for (const r of rules) {
      if (r.cssRules && !(r instanceof CSSStyleRule)) walk(r.cssRules);
      if (!(r instanceof CSSStyleRule)) continue;
      const s = r.style, d = [];
      for (const p of ['break-before', 'break-after']) {
        const v = s.getPropertyValue(p);
        if (/^(page|left|right|recto|verso|always)$/.test(v)) d.push(`${p}: column !important`);
        else if (v === 'avoid-page') d.push(`${p}: avoid !important`);
      }
      if (s.getPropertyValue('break-inside') === 'avoid-page') d.push('break-inside: avoid !important');
      if (d.length) extra.push(`${r.selectorText} { ${d.join('; ')} }`);
    }
  };
  const t0 = performance.now();
  for (const sh of document.styleSheets) walk(sh.cssRules);
  const st = document.createElement('style');
  st.id = 'pb-predict';
  // the cover is a page of its own (its @page has no margins): one column here
  st.textContent = `${extra.join('\n')}
    body { columns: ${g.colW}px 1; column-gap: 0; column-fill: auto; width: ${g.colW}px; height: ${g.colH}px; margin: 0; }
    .cover { height: ${g.colH}px !important; padding: 0 !important; overflow: hidden !important; break-after: column !important; }`;
  document.head.append(st);
  const body = document.body.getBoundingClientRect();
  // columns lie a LayoutUnit-rounded width apart (1/64 px): over a hundred columns a float width drifts by a pixel
  const pitch = Math.floor(g.colW * 64) / 64;
  const col = (x) => Math.floor((x - body.left + 1) / pitch);
  const anchors = {};
  for (const el of document.querySelectorAll('[id]')) {
    const r = el.getClientRects()[0];
    if (r) anchors[el.id] = { page: col(r.left), top: r.top - body.top };
  }
  const pages = Math.ceil((document.body.scrollWidth - 0.5) / pitch);
  const tAnchors = performance.now() - t0;
  // the baseline's offset below a text fragment's top, one probe per font (all inserted at once)
  const fontKey = (el) => { const cs = getComputedStyle(el); return `${cs.fontFamily}|${cs.fontSize}|${cs.fontWeight}|${cs.fontStyle}|${cs.lineHeight}`; };
  const asc = new Map();
  const probes = [];
  const texts = [];
  for (const ev of document.querySelectorAll('.event')) {
    const w = document.createTreeWalker(ev, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (!/\S/.test(n.data)) continue;
      texts.push(n);
      const k = fontKey(n.parentElement);
      if (asc.has(k)) continue;
      asc.set(k, NaN);
      const s = document.createElement('span');
      s.textContent = n.data.trim().slice(0, 1);
      const ib = document.createElement('span');
      ib.style.cssText = 'display:inline-block;width:0;height:0';
      s.append(ib);
      n.parentElement.append(s);
      probes.push([k, s, ib]);
    }
  }
  const range = document.createRange();
  for (const [k, s, ib] of probes) {
    range.selectNodeContents(s.firstChild);
    asc.set(k, ib.getBoundingClientRect().bottom - range.getClientRects()[0].top);
  }
  for (const [, s] of probes) s.remove();
  const lines = {};
  for (const n of texts) {
    range.selectNodeContents(n);
    const a = asc.get(fontKey(n.parentElement));
    for (const r of range.getClientRects()) if (r.width > 0) (lines[col(r.left)] ??= []).push(r.top - body.top + a);
  }
  for (const c of Object.keys(lines)) lines[c] = [...new Set(lines[c].map((y) => Math.round(y * 64) / 64))].sort((x, y) => x - y);
  // DEBUG_PAGE: the text of each predicted line of one page (0-based), to set beside the print's
  let pageLines;
  if (g.debugPage !== undefined) {
    pageLines = [];
    for (const n of texts) {
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width === 0 || col(r.left) !== g.debugPage) continue;
        let t = '';
        for (let i = 0; i < n.data.length; i++) {
          const c = document.createRange();
          c.setStart(n, i);
          c.setEnd(n, i + 1);
          const q = c.getClientRects()[0];
          if (q && Math.abs(q.top - r.top) < 2 && col(q.left) === g.debugPage) t += n.data[i];
        }
        pageLines.push(`${(r.top - body.top).toFixed(2)} ${t}`);
      }
    }
  }
  st.remove();
  return { pageLines, anchors, pages, lines, ms: { anchors: Math.round(tAnchors), total: Math.round(performance.now() - t0) } };
}

/** least squares b = A − s·n over [n, b] pairs, twice (the second without residuals over 0.2 pt) */
function fit(pairs) {
  let use = pairs, A = 0, s = 0;
  for (let k = 0; k < 2; k++) {
    const m = use.length, sx = use.reduce((a, p) => a + p[0], 0), sy = use.reduce((a, p) => a + p[1], 0);
    const sxx = use.reduce((a, p) => a + p[0] * p[0], 0), sxy = use.reduce((a, p) => a + p[0] * p[1], 0);
    const slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
    A = (sy - slope * sx) / m;
    s = -slope;
    use = pairs.filter(([n, b]) => Math.abs(b - (A - s * n)) < 0.2);
  }
  return { A, s, inliers: use.length };
}
const half = (x) => Math.round(x * 2) / 2;

async function evaluate(outDir, b) {
  const htmlFile = join(outDir, '.build', 'print', 'book.html');
  const html = readFileSync(htmlFile, 'utf8');
  const g = geometry(html);
  const finalPdf = readFileSync(join(outDir, readdirSync(outDir).find((f) => f.endsWith('.pdf'))));
  const { page } = await openPrintPage(b, htmlFile, dirname(htmlFile));
  try {
    // the page as pass A prints it: balancing out, blank pages out, numbers empty, probes in
    const stretchedIds = await page.evaluate(() => [...document.querySelectorAll('[data-pb-stretch]')].map((e) => e.dataset.pbBlock));
    await applyExtra(page, new Map());
    await page.evaluate(() => { for (const e of document.querySelectorAll('[id^="pb-end"]')) e.remove(); });
    const blocks = await markBlocks(page);
    await arrange(page, {}, [], [...PROBES, ...blocks.ids], blocks.ids.length === 0, true);
    let t = performance.now();
    const a = await page.pdf({ ...printOptions(false), waitForFonts: false });
    const printMs = Math.round(performance.now() - t);
    if (process.env.PASS_A_OUT) (await import('node:fs')).writeFileSync(process.env.PASS_A_OUT, a);
    const docA = (await openPdf(a)).doc;
    const A = readAnchors(docA, { links: false });
    const linesA = await readPageLinesFast(docA);
    const rawA = await rawBaselines(a);

    t = performance.now();
    await page.emulateMediaType('print');
    if (process.env.DEBUG_PAGE) g.debugPage = Number(process.env.DEBUG_PAGE);
    const p = await page.evaluate(predictInPage, g);
    if (p.pageLines) console.error(p.pageLines.join('\n'));
    await page.emulateMediaType(null);
    const predictMs = Math.round(performance.now() - t);

    // anchors
    let pageMiss = 0;
    const misses = [];
    for (const [id, d] of A.dests) {
      const q = p.anchors[id];
      if (!q || q.page !== d.page) { pageMiss++; if (misses.length < 5) misses.push(`${id}: printed ${d.page}, predicted ${q?.page}`); }
    }
    // lines: every printed baseline next to the nearest predicted one of its page
    const H = (g.height * 72) / 25.4, mTop = g.top * MM;
    const pairsOf = (raw, pageOf, skip) => {
      const out = [];
      raw.forEach((bs, i) => {
        const c = pageOf(i);
        if (c === undefined || skip.has(c) || !p.lines[c]) return;
        for (const bl of bs) {
          const y = (H - bl) / 0.75 - mTop;
          let best;
          for (const q of p.lines[c]) if (best === undefined || Math.abs(q - y) < Math.abs(best - y)) best = q;
          if (best !== undefined && Math.abs(best - y) < 2) out.push([Math.floor(best + 0.5), bl, best, c]);
        }
      });
      return out;
    };
    const pairsA = pairsOf(rawA, (i) => i, new Set());
    const fitA = fit(pairsA.map(([n, bl]) => [n, bl]));
    // pass B (the final PDF): its pages without text or destinations between two body pages are the inserted blank pages
    const B = readAnchors((await openPdf(finalPdf)).doc, { links: false });
    const rawB = await rawBaselines(finalPdf);
    const shift = new Map();
    for (const [id, d] of A.dests) {
      const e = B.dests.get(id);
      if (e) shift.set(d.page, e.page - d.page);
    }
    // B page → A page: the shift of the nearest A page at or before it with a known shift
    const bToA = new Map();
    let s = 0;
    for (let pa = 0; pa < A.pageCount; pa++) {
      if (shift.has(pa)) s = shift.get(pa);
      bToA.set(pa + s, pa);
    }
    const touched = new Set(stretchedIds.flatMap((id) => { const d = A.dests.get(id); return d ? [d.page, d.page + 1] : []; }));
    const pairsB = pairsOf(rawB, (i) => bToA.get(i), touched);
    const fitB = fit(pairsB.map(([n, bl]) => [n, bl]));
    // positions (within the page) where pass B's baseline is a whole px off the model: Chromium's, page-independent
    const anomaly = new Map();
    for (const [n, bl, y] of pairsB) {
      const r = Math.round((fitB.A - fitB.s * n - bl) / (fitB.s || 0.75));
      if (r) anomaly.set(y, r);
    }
    // pass A's last line per body page, predicted from the layout and pass B's model
    let lastN = 0, lastOk = 0, lastOkNoAnomaly = 0;
    const lastMiss = [];
    for (const [c, ys] of Object.entries(p.lines)) {
      const L = linesA[Number(c)];
      if (!L || !Number.isFinite(L.last)) continue;
      const y = ys[ys.length - 1];
      const n = Math.floor(y + 0.5);
      lastN++;
      if (half(fitB.A - fitB.s * (n + (anomaly.get(y) ?? 0))) === L.last) lastOk++;
      else if (lastMiss.length < 5) { lastMiss.push(`page ${c}: printed ${L.last}, predicted ${half(fitB.A - fitB.s * n)} (y ${y})`); }
      if (half(fitB.A - fitB.s * n) === L.last) lastOkNoAnomaly++;
    }
    const exactA = pairsA.filter(([n, bl]) => half(fitA.A - fitA.s * n) === half(bl)).length;
    return {
      book: outDir,
      pages: { printed: A.pageCount, predicted: p.pages },
      anchors: { total: A.dests.size, onPredictedPage: A.dests.size - pageMiss, misses },
      lines: {
        printed: rawA.reduce((x, r) => x + r.length, 0),
        matchedWithin2px: pairsA.length,
        modelFromPassA: { A: +fitA.A.toFixed(4), s: +fitA.s.toFixed(6), inliers: fitA.inliers, exactAfterRounding: exactA },
        modelFromFinalPdf: { A: +fitB.A.toFixed(4), s: +fitB.s.toFixed(6), inliers: fitB.inliers, of: pairsB.length, anomalies: [...anomaly].map(([y, r]) => `${y}:${r > 0 ? '+' : ''}${r}`).slice(0, 8) },
        passALastLinePerBodyPage: { pages: lastN, exact: lastOk, exactWithoutAnomalies: lastOkNoAnomaly, misses: lastMiss },
      },
      ms: { passAPrint: printMs, prediction: predictMs, inPage: p.ms },
    };
  } finally {
    await page.close();
  }
}

const dirs = process.argv.slice(2);
if (!dirs.length) throw new Error('usage: node bench/predict-pass-a.mjs <output folder of a pressbook pdf run>…');
const b = await launchBrowser();
try {
  for (const d of dirs) console.log(JSON.stringify(await evaluate(d, b), null, 1));
} finally {
  await b.close();
}
