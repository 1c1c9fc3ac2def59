/**
 * Page make-up read back from a finished book (pdfjs-dist, via read.ts): the depth of each page's last
 * line of text, the spreads whose two pages both continue one conference, and TOC/index lines that
 * hold only one character and its question mark. Independent of the renderer's own measuring.
 */
import { lines, type ReadPdf } from './read.js';

/** Points below the page's top edge of the last line of the text block (running heads and folios left out), NaN on a page without text. */
export function lastLineDepth(R: ReadPdf, p: number): number {
  const h = R.size[p]!.height;
  const body = lines(R.items[p]!).filter((l) => l.y > 40 && l.y < h - 40);
  return body.length ? h - Math.min(...body.map((l) => l.y)) : NaN;
}

export interface SpreadDepth {
  /** 1-based page numbers of the PDF */
  verso: number;
  recto: number;
  versoDepth: number;
  rectoDepth: number;
}

/**
 * Spreads (a left-hand page, odd index, and the right-hand page after it) whose two pages both continue a
 * conference: a conference runs from its page (the TOC's link to it) to the last page with text before
 * the next conference, year, index or colophon; its last page ends where the text ends and is left out.
 */
export function continuingSpreads(R: ReadPdf): SpreadDepth[] {
  const target = (re: RegExp) => [...new Set(R.links.filter((l) => re.test(l.dest)).map((l) => l.target))].sort((a, b) => a - b);
  const events = target(/^ev-/);
  const starts = target(/^(ev-|y-|question-index$|colophon$)/);
  const continuing = new Set<number>();
  for (const s of events) {
    const next = starts.find((t) => t > s) ?? R.numPages;
    let last = next - 1;
    while (last > s && !Number.isFinite(lastLineDepth(R, last))) last--;
    for (let p = s; p < last; p++) continuing.add(p);
  }
  const out: SpreadDepth[] = [];
  for (let v = 1; v + 1 < R.numPages; v += 2)
    if (continuing.has(v) && continuing.has(v + 1))
      out.push({ verso: v + 1, recto: v + 2, versoDepth: lastLineDepth(R, v), rectoDepth: lastLineDepth(R, v + 1) });
  return out;
}

/** TOC and index lines (before the first year; from the index to the colophon) that hold one Han character and "？" before the page number. */
export function loneQuestionMarkLines(R: ReadPdf): string[] {
  const out: string[] = [];
  for (const p of apparatusPages(R))
    for (const l of lines(R.items[p]!)) {
      const t = l.text.replace(/[\s0-9ivxlcdm]+$/, '').trim();
      if (/^\p{Script=Han}[？?]$/u.test(t)) out.push(`page ${p + 1}: ${l.text}`);
    }
  return out;
}

/** TOC and index lines of at most six characters (page number left out) spread over more than half the page's width. */
export function spreadOutLines(R: ReadPdf): string[] {
  const out: string[] = [];
  for (const p of apparatusPages(R))
    for (const l of lines(R.items[p]!)) {
      const items = l.items.filter((i) => !/^[\s0-9ivxlcdm]+$/.test(i.str));
      const chars = [...items.map((i) => i.str).join('').replace(/\s/g, '')];
      if (!chars.length || chars.length > 6) continue;
      const span = Math.max(...items.map((i) => i.x + i.w)) - Math.min(...items.map((i) => i.x));
      if (span > R.size[p]!.width / 2) out.push(`page ${p + 1}: ${l.text}`);
    }
  return out;
}

function apparatusPages(R: ReadPdf): number[] {
  const first = (re: RegExp) => Math.min(...R.links.filter((l) => re.test(l.dest)).map((l) => l.target));
  const toc = R.links[0]!.page;
  return [...Array(R.numPages).keys()].filter((p) => (p >= toc && p < first(/^y-/)) || (p >= first(/^question-index$/) && p < first(/^colophon$/)));
}
