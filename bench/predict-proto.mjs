// Prototype (issue 10): predict pass A (anchor pages, body pages' last baselines) from a screen layout in
// multicol columns the size of the page's content box, and compare with a real pass A print.
// usage: node bench/predict-proto.mjs <final book.html of a build> [mm: width height top outer bottom inner]
import { dirname } from 'node:path';
import { launchBrowser } from '../lib/browser/launch.js';
import { openPrintPage } from '../lib/render/shared/print-page.js';
import { arrange, PROBES } from '../lib/render/print/two-pass.js';
import { markBlocks, applyExtra, readPageLinesFast } from '../lib/render/print/balance.js';
import { openPdf } from '../lib/render/shared/pdf-incremental.js';
import { readAnchors } from '../lib/render/shared/pdf-read.js';
import { printOptions } from '../lib/render/shared/print-page.js';

const [html, ...g] = process.argv.slice(2);
const [width, height, top, outer, bottom, inner] = g.length ? g.map(Number) : [148, 210, 18, 14, 20, 18];
const b = await launchBrowser();
try {
  const { page } = await openPrintPage(b, html, dirname(html));
  // back to the state of pass A: no stretch, no blanks, no numbers, no end probes
  await applyExtra(page, new Map());
  await page.evaluate(() => { for (const e of document.querySelectorAll('[id^="pb-end"]')) e.remove(); });
  const blocks = await markBlocks(page);
  const probes = await arrange(page, {}, [], [...PROBES, ...blocks.ids], blocks.ids.length === 0, true);
  let t = performance.now();
  const a = await page.pdf({ ...printOptions(false), waitForFonts: false });
  const printMs = performance.now() - t;
  t = performance.now();
  (await import("node:fs")).writeFileSync("/tmp/pdf3-passA.pdf", a);
  const doc = (await openPdf(a)).doc;
  const first = readAnchors(doc, { links: false });
  const lines = await readPageLinesFast(doc);
  const readMs = performance.now() - t;

  t = performance.now();
  await page.emulateMediaType('print');
  const pred = await page.evaluate((geo) => {
    const mm = (x) => (x * 96) / 25.4;
    const colW = mm(geo.width - geo.inner - geo.outer), colH = mm(geo.height - geo.top - geo.bottom);
    // forced page breaks → column breaks, page-only avoids → avoids
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
    for (const sh of document.styleSheets) walk(sh.cssRules);
    const st = document.createElement('style');
    st.id = 'pb-predict';
    st.textContent = `${extra.join('\n')}
      body { columns: ${colW}px 1; column-gap: 0; column-fill: auto; width: ${colW}px; height: ${colH}px; margin: 0; }
      .cover { height: ${colH}px !important; padding: 0 !important; overflow: hidden !important; break-after: column !important; }`;
    document.head.append(st);
    const body = document.body.getBoundingClientRect();
    const col = (x) => Math.floor((x - body.left + 1) / colW);
    const anchors = {};
    for (const el of document.querySelectorAll('[id]')) {
      const r = el.getClientRects()[0];
      if (r) anchors[el.id] = { page: col(r.left), top: r.top - body.top };
    }
    if (window.DEBUG_IDS) {}
    const dbg = {}; for (const id of ['q-2020-05-24-01','pb-b5','pb-b6','pb-b7','pb-b8','pb-b10','pb-b11']) { const e = document.getElementById(id); dbg[id] = [...e.getClientRects()].map((r) => [r.left, r.top, r.width, r.height].map(Math.round)); }
    // each body page's last baseline: text rects in the events
    const asc = new Map();
    // the baseline's offset below a text fragment's top, in the text's own element (same font)
    const ascent = (el) => {
      let a = asc.get(el);
      if (a === undefined) {
        const s = document.createElement('span');
        s.textContent = '\u56fd';
        const ib = document.createElement('span');
        ib.style.cssText = 'display:inline-block;width:0;height:0';
        s.append(ib);
        el.append(s);
        const tr = document.createRange();
        tr.selectNodeContents(s.firstChild);
        a = ib.getBoundingClientRect().bottom - tr.getClientRects()[0].top;
        s.remove();
        asc.set(el, a);
      }
      return a;
    };
    const last = {};
    const all = {};
    const range = document.createRange();
    for (const ev of document.querySelectorAll('.event')) {
      const w = document.createTreeWalker(ev, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        if (!/\S/.test(n.data)) continue;
        range.selectNodeContents(n);
        const rs = range.getClientRects();
        if (!rs.length) continue;
        let d;
        for (const r of rs) {
          if (r.width === 0) continue;
          const c = col(r.left);
          const bottom = r.bottom - body.top;
          (all[c] ??= []).push([r.top - body.top + ascent(n.parentElement), (() => { const e = n.parentElement, cs = getComputedStyle(e); return `${e.tagName}.${e.className}|${cs.fontFamily.slice(0, 20)}|${cs.fontSize}|${cs.fontWeight}|${cs.lineHeight}|${r.height}`; })()]);
          if (last[c] === undefined || bottom > last[c].bottom + 0.01) {
            d = ascent(n.parentElement);
            last[c] = { bottom, base: r.top - body.top + d, d, top: r.top - body.top, h: r.height, font: getComputedStyle(n.parentElement).font, t: n.data.slice(-6) };
          }
        }
      }
    }
    const pages = Math.ceil((document.body.scrollWidth - 0.5) / colW);
    document.getElementById('pb-predict').remove();
    return { anchors, last, pages, colW, colH, dbg, all };
  }, { width, height, top, outer, bottom, inner });
  await page.emulateMediaType(null);
  const predictMs = performance.now() - t;

  // compare
  const pt = (height * 72) / 25.4, topPt = (top * 72) / 25.4;
  let pageMiss = 0, topMiss = 0, n = 0;
  const misses = [];
  for (const [id, d] of first.dests) {
    const p = pred.anchors[id];
    n++;
    if (!p || p.page !== d.page) { pageMiss++; if (misses.length < 8) misses.push(`${id}: pdf ${d.page} pred ${p?.page}`); continue; }
    const predTop = pt - topPt - p.top * 0.75;
    if (Math.abs(predTop - d.top) > 1) { topMiss++; if (misses.length < 8) misses.push(`${id}: top pdf ${d.top.toFixed(2)} pred ${predTop.toFixed(2)}`); }
  }
  let lineMiss = 0, lineN = 0;
  const lmiss = [];
  const mTop = (top * 96) / 25.4;
  const rules = { none: (x) => x, round: (x) => Math.round(x), floor: (x) => Math.floor(x), ceil: (x) => Math.ceil(x), roundC: (x) => Math.round(x - mTop) + mTop, floorC: (x) => Math.floor(x - mTop) + mTop };
  const hits = Object.fromEntries(Object.keys(rules).map((k) => [k, 0]));
  const fr = [];
  for (const [c, l] of Object.entries(pred.last)) {
    const L = lines[c];
    if (!L || !Number.isFinite(L.last)) { lineMiss++; continue; }
    lineN++;
    const px = l.base + mTop;
    fr.push(`${(px % 1).toFixed(3)}:${((pt - L.last) / 0.75 - px).toFixed(2)}`);
    for (const [k, f] of Object.entries(rules)) if (Math.round((pt - f(px) * 0.75) * 2) / 2 === L.last) hits[k]++;
  }
  console.log(hits, lineN);
  if (process.env.ROWS) {
    const { rawRows } = await import('/tmp/pdf3-rows.mjs');
    const raw = await rawRows(a);
    const pts = [];
    for (const [c, bs] of Object.entries(pred.all)) {
      for (const b of raw[c] ?? []) {
        const px = (pt - b) / 0.75;
        let best = Infinity, bp = 0;
        let info = '';
        for (const [q, f] of bs) if (Math.abs(q + mTop - px) < Math.abs(best)) { best = px - (q + mTop); bp = q + mTop; info = f; }
        pts.push([bp, px, best, info]);
      }
    }
    (await import('node:fs')).writeFileSync('/tmp/pdf3-pts.json', JSON.stringify({ pt, mTop, pts }));
  }
  console.log(JSON.stringify(pred.dbg), pred.colW, pred.colH);
  console.log(JSON.stringify({ html, pdfPages: first.pageCount, predPages: pred.pages, dests: n, pageMiss, topMiss, misses, bodyPages: lineN, lineMiss, lmiss, printMs: Math.round(printMs), readMs: Math.round(readMs), predictMs: Math.round(predictMs) }, null, 1));
  await page.close();
} finally {
  await b.close();
}
