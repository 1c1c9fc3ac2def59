/**
 * The layout pass of the two-pass print (two-pass.ts), predicted from a screen layout instead of printed
 * (issue 10; the evaluation: docs/pass-a-prediction.md).
 *
 * With print media emulated, the body is laid out on screen in columns of the print's page box (the
 * page's content box rounded up to whole CSS px, as Chromium's print lays its pages out), forced page
 * breaks made column breaks. Each column is a page of the layout pass: every anchor's page and top,
 * and every text line's baseline (a text rect's top plus its font's ascent), are read with DOM geometry.
 * The page is then switched back to print only. Nothing here is trusted: two-pass.ts prints the numbered
 * book from this prediction and checks that print against it (anchors, every body page's lines, the
 * balancing's plan recomputed from the print's own baselines); on any difference it falls back to the
 * printed layout pass.
 */
import type { Page } from 'puppeteer-core';
import type { PrintGeometry } from './html.js';
import type { PageBaselines, PageLines } from './balance.js';

const MM = 96 / 25.4;

export interface Prediction {
  /** pages of the layout pass */
  pageCount: number;
  /** element id → page index (0-based) and top (CSS px below the page's content-box top) */
  anchors: Map<string, { page: number; top: number }>;
  /** page index → text baselines (CSS px below the content-box top, to 1/64 px, ascending) of the body's lines */
  lines: Map<number, number[]>;
  /** the column box (CSS px) */
  box: { width: number; height: number };
  /** the right edge of the widest line (CSS px from its page's left edge) */
  right: number;
}

/** The print's page box: the content box rounded up to whole CSS px. */
export function printBox(g: PrintGeometry): { width: number; height: number } {
  const w = (g.width - g.inner - g.outer) * MM;
  const h = (g.height - g.top - g.bottom) * MM;
  return { width: Math.ceil(w - 1e-9), height: Math.ceil(h - 1e-9) };
}

/** Lay the page out in columns (print media emulated), read it, and switch back to print only. */
export async function predictLayout(page: Page, g: PrintGeometry): Promise<Prediction> {
  const box = printBox(g);
  await page.emulateMediaType('print');
  try {
    const r = await page.evaluate(inPage, box);
    return {
      pageCount: r.pages,
      anchors: new Map(r.anchors),
      lines: new Map(r.lines),
      box,
      right: r.right,
    };
  } finally {
    await page.emulateMediaType(undefined);
  }
}

/** In the page: the columns' layout (the style added is taken out before returning). */
function inPage(box: { width: number; height: number }): { pages: number; anchors: [string, { page: number; top: number }][]; lines: [number, number[]][]; right: number } {
  // no named functions in here: a development run (tsx) would wrap them in a helper the page lacks
  const extra: string[] = [];
  const rules: CSSRule[] = [];
  for (const sh of document.styleSheets) rules.push(...sh.cssRules);
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    if ('cssRules' in r && !(r instanceof CSSStyleRule)) rules.push(...(r as CSSGroupingRule).cssRules);
    if (!(r instanceof CSSStyleRule)) continue;
    const s = r.style;
    const d: string[] = [];
    for (const p of ['break-before', 'break-after']) {
      const v = s.getPropertyValue(p);
      if (/^(page|left|right|recto|verso|always)$/.test(v)) d.push(`${p}: column !important`);
      else if (v === 'avoid-page') d.push(`${p}: avoid !important`);
    }
    if (s.getPropertyValue('break-inside') === 'avoid-page') d.push('break-inside: avoid !important');
    if (d.length) extra.push(`${r.selectorText} { ${d.join('; ')} }`);
  }
  // the blank pages and probes of a pass are in the page as style-attribute breaks
  extra.push('.pb-blank { break-before: column !important; break-after: column !important; }');
  const st = document.createElement('style');
  st.id = 'pb-predict';
  // the cover is a page of its own (its @page has no margins): one column here
  st.textContent = `${extra.join('\n')}
    body { columns: ${box.width}px 1; column-gap: 0; column-fill: auto; width: ${box.width}px; height: ${box.height}px; margin: 0; }
    .cover { height: ${box.height}px !important; padding: 0 !important; overflow: hidden !important; break-after: column !important; }`;
  document.head.append(st);
  try {
    const body = document.body.getBoundingClientRect();
    // columns lie a LayoutUnit-rounded width apart (1/64 px): over a hundred columns a float width drifts by a pixel
    const pitch = Math.floor(box.width * 64) / 64;
    const anchors: [string, { page: number; top: number }][] = [];
    for (const el of document.querySelectorAll('[id]')) {
      const r = el.getClientRects()[0];
      if (r) anchors.push([el.id, { page: Math.floor((r.left - body.left + 1) / pitch), top: r.top - body.top }]);
    }
    const pages = Math.ceil((document.body.scrollWidth - 0.5) / pitch);
    // every text fragment's rects read first (one layout); then one probe per font gives the baseline's
    // offset below a fragment's top (inserted and measured together: one more layout)
    const range = document.createRange();
    let right = 0;
    const tops: [number, number, string][] = [];
    const asc = new Map<string, number>();
    const probes: [string, HTMLElement, HTMLElement][] = [];
    const owners: [Element, string, string][] = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode() as Text | null; n; n = w.nextNode() as Text | null) {
      if (!/\S/.test(n.data)) continue;
      const parent = n.parentElement;
      if (!parent || parent.closest('.cover, style, script')) continue;
      const body_ = !parent.closest('.front, .back');
      const ps = body_ ? getComputedStyle(parent) : undefined;
      const k = ps ? `${ps.fontFamily}|${ps.fontSize}|${ps.fontWeight}|${ps.fontStyle}|${ps.lineHeight}|${ps.verticalAlign}` : '';
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width <= 0) continue;
        const c = Math.floor((r.left - body.left + 1) / pitch);
        // the widest line: its right edge past its column's left edge (Chromium's print shrinks to fit it)
        right = Math.max(right, r.right - body.left - c * pitch);
        if (ps && ps.visibility === 'visible') tops.push([c, r.top - body.top, k]);
      }
      if (ps && !asc.has(k)) {
        asc.set(k, NaN);
        owners.push([parent, k, n.data.trim().slice(0, 1)]);
      }
    }
    for (const [parent, k, ch] of owners) {
      const s = document.createElement('span');
      s.textContent = ch;
      const ib = document.createElement('span');
      ib.style.cssText = 'display:inline-block;width:0;height:0';
      s.append(ib);
      parent.append(s);
      probes.push([k, s, ib]);
    }
    for (const [k, s, ib] of probes) {
      range.selectNodeContents(s.firstChild!);
      const q = range.getClientRects()[0];
      asc.set(k, q ? ib.getBoundingClientRect().bottom - q.top : NaN);
    }
    for (const [, s] of probes) s.remove();
    const lines = new Map<number, number[]>();
    for (const [c, top, k] of tops) {
      let l = lines.get(c);
      if (!l) lines.set(c, (l = []));
      l.push(top + asc.get(k)!);
    }
    const out: [number, number[]][] = [];
    for (const [c, ys] of lines) out.push([c, [...new Set(ys.map((y) => Math.round(y * 64) / 64))].sort((x, y) => x - y)]);
    return { pages, anchors, lines: out, right };
  } finally {
    st.remove();
  }
}

/** A layout baseline (CSS px, fractional) → the whole px Chromium writes it at in the print. */
export const printedPx = (y: number): number => Math.floor(y + 0.5);
/** the reader's rounding (balance.ts textRows) */
const half = (x: number): number => Math.round(x * 2) / 2;
/**
 * How far (points) a baseline computed from one print may lie from the same line's baseline in another
 * print that stitches the page at another offset: Chromium writes each page's offset in its stitched
 * page space as a float32 (times 3.12 device px per CSS px) and scales it by 0.24 pt; the page's offset
 * in either print is at most (pages before it + 2) page boxes. Twice a float32 ulp there, plus 1e-4.
 */
export function offsetError(page: number, boxHeight: number): number {
  const ty = (page + 2) * boxHeight * 3.125;
  const ulp = 2 ** (Math.floor(Math.log2(ty)) - 23);
  return 0.24 * 2 * ulp + 1e-4;
}

/**
 * An estimate of the print's page height and mapping of a layout baseline to PDF points (Chromium's
 * 300-dpi device space: 0.24 × 3.125 pt per CSS px, shrunk by the widest line's overflow of the page box,
 * the page height in whole device px of a whole point size, the top margin in whole CSS px; as measured
 * on the bundled book and five MFA books). Only the plan is made with it: the check reads every baseline back from the print and
 * replans from those (`exactLines`), so an estimate that rounds differently costs a fallback, never a
 * different PDF.
 */
export function estimate(g: PrintGeometry, pr: Prediction): { height: number; baseline: (px: number) => number } {
  const height = Math.floor((Math.round((g.height * 72) / 25.4) * 300) / 72) * 0.24;
  // a line wider than the page box shrinks the whole print to fit it (Chromium's shrink to fit)
  const s = 0.24 * Math.fround((3.125 * pr.box.width) / Math.max(pr.box.width, pr.right));
  // the top margin in whole CSS px
  const top = 0.75 * Math.floor(g.top * MM + 1e-9);
  return { height, baseline: (px) => height - top - s * printedPx(px) };
}

const NO_LINES: PageLines = { height: NaN, first: NaN, last: NaN, firstText: '', lastText: '' };

/** The layout pass's lines per page (first and last baseline, rounded as the reader does), from the prediction and a mapping. */
export function predictedLines(pr: Prediction, height: number, baseline: (px: number) => number): PageLines[] {
  return Array.from({ length: pr.pageCount }, (_, i) => {
    const ys = pr.lines.get(i);
    if (!ys?.length) return NO_LINES;
    return { height, first: half(baseline(ys[0]!)), last: half(baseline(ys[ys.length - 1]!)), firstText: '', lastText: '' };
  });
}

/**
 * Where each block begins, as the layout pass's named destinations give it: the page (of the numbered
 * print) and the top in PDF points, the page's height less 0.75 pt per whole CSS px of the block's top
 * (no margin). Throws where a block's page or whole px is uncertain enough to matter (balance.ts compares
 * the top with the text block's top less 2 pt).
 */
export function blockWhere(pr: Prediction, ids: string[], pageOf: (id: string) => number | undefined, height: number, marginTop: number): Map<string, { page: number; top: number }> {
  const out = new Map<string, { page: number; top: number }>();
  for (const id of ids) {
    const a = pr.anchors.get(id);
    const page = pageOf(id);
    if (!a || page === undefined) continue;
    const lo = Math.floor(a.top - 0.02), hi = Math.floor(a.top + 0.02);
    if (lo !== hi && 0.75 * lo > marginTop + 2 !== 0.75 * hi > marginTop + 2) throw new Error(`block ${id}: its top (${a.top} px) is at the balancing's limit`);
    out.set(id, { page, top: height - 0.75 * Math.floor(a.top) });
  }
  return out;
}

/**
 * The layout pass's lines, exactly, from the numbered print made with the predicted plan: every body
 * page's baselines are read back (balance.ts's reader, not rounded) and must be the predicted lines,
 * a whole CSS px each, at the print's own scale. A page that carries the balancing's extra space keeps
 * its lines above the first stretched block; its last line is the predicted one moved down by the extra
 * (to the px), and what the layout pass would have read is computed from the page's first line, the
 * print's scale and the predicted px. A last line within `offsetError` of a half-point rounding boundary may
 * round the other way in the layout pass (which stitches its pages at other offsets): `uncertain` gives
 * its other value (the caller replans with it). Returns the layout pass's lines (its page indexes) or why not.
 */
export function exactLines(input: {
  pr: Prediction;
  /** the numbered print's baselines, by its page index */
  read: PageBaselines[];
  /** numbered print page → layout pass page (−1: a blank page) */
  layoutPage: (page: number) => number;
  /** numbered print page → its stretched blocks: the top (px) of each and the extra space before it (CSS px) */
  stretch: Map<number, { top: number; px: number }[]>;
}): { lines: PageLines[]; uncertain: Map<number, number> } | string {
  const { pr, read } = input;
  const out: PageLines[] = Array.from({ length: pr.pageCount }, () => NO_LINES);
  // layout page → the other half point its last line may round to in the layout pass
  const uncertain = new Map<number, number>();
  // this print's page q: its matrix and stitch offset (from its first line, predicted), when it has text
  const stitch = (q: number): { offset: number; y: (px: number) => number } | undefined => {
    const g = read[q];
    const lq = input.layoutPage(q);
    const ys = lq < 0 ? undefined : pr.lines.get(lq);
    if (!g?.raw.length || !ys?.length || !(g.scale < 0) || !Number.isFinite(g.origin)) return undefined;
    const n0 = (g.raw[0]! - g.origin) / g.scale;
    const offset = Math.round(n0) - printedPx(ys[0]!);
    if (Math.abs(n0 - Math.round(n0)) > 1e-6) return undefined;
    // the reader's operations: x·0 + N·scale + origin
    return { offset, y: (px) => 0 + (offset + px) * g.scale + g.origin };
  };
  // the pages after the cover are stitched one box apart (else the layout pass's offsets are not this print's)
  let known: { q: number; offset: number } | undefined;
  for (let q = 1; q < read.length; q++) {
    const at = stitch(q);
    if (!at) continue;
    if (known && at.offset - known.offset !== (q - known.q) * pr.box.height) return `page ${q + 1} is stitched at ${at.offset} px, not ${known.offset + (q - known.q) * pr.box.height}`;
    known ??= { q, offset: at.offset };
  }
  for (let p = 0; p < read.length; p++) {
    const l = input.layoutPage(p);
    if (l < 0) {
      if (read[p]!.raw.length) return `blank page ${p + 1} has text`;
      continue;
    }
    const ys = pr.lines.get(l);
    const got = read[p]!;
    if (!ys?.length) continue;
    if (!Number.isFinite(got.height)) continue;
    const ns = [...new Set(ys.map(printedPx))];
    if (got.raw.length !== ns.length) return `page ${p + 1}: ${got.raw.length} lines printed, ${ns.length} predicted`;
    const s = got.scale;
    if (!(s < 0)) return `page ${p + 1}: no text scale`;
    const st = input.stretch.get(p);
    const r0 = got.raw[0]!;
    for (let i = 0; i < ns.length; i++) {
      const y = ys.filter((v) => printedPx(v) === ns[i]).pop()!;
      // a line moves down by the extra space of every stretched block that begins above it
      const shift = (st ?? []).reduce((a, b) => (b.top <= y ? a + b.px : a), 0);
      const moved = shift > 0;
      const px = r0 === got.raw[i] ? 0 : (got.raw[i]! - r0) / s;
      if (!moved && Math.abs(px - (ns[i]! - ns[0]!)) > 0.01) return `page ${p + 1}: line ${i + 1} printed ${px.toFixed(3)} px below the first, predicted ${ns[i]! - ns[0]!}`;
      if (moved) {
        const want = y + shift - ns[0]!;
        if (Math.abs(px - Math.round(px)) > 0.01 || Math.abs(px - want) > 0.55) return `page ${p + 1}: stretched line ${i + 1} printed ${px.toFixed(3)} px below the first, predicted about ${want.toFixed(3)}`;
      }
    }
    // what the layout pass reads: the predicted px at this print's scale from the page's first line
    const last = r0 + s * (ns[ns.length - 1]! - ns[0]!);
    // exactly: the layout pass stitches its page l where this print stitches its page l (every page but the
    // cover has the same box), so its baseline is computed, as the reader does, with this print's page l's matrix
    const at = stitch(l);
    if (at) {
      out[l] = { height: got.height, first: half(at.y(ns[0]!)), last: half(at.y(ns[ns.length - 1]!)), firstText: '', lastText: '' };
      continue;
    }
    if (Math.abs(last * 2 - Math.floor(last * 2) - 0.5) < offsetError(p, pr.box.height) * 2) uncertain.set(l, half(last) + (half(last) > last ? -0.5 : 0.5));
    out[l] = { height: got.height, first: half(r0), last: half(last), firstText: '', lastText: '' };
  }
  return { lines: out, uncertain };
}
