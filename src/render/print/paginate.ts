/**
 * Page labels (roman front matter) and, for the two-pass print of a small book (two-pass.ts), the plan
 * of blank pages (right-hand starts) and labels from where each anchor landed in a first print.
 * Nothing here talks to the browser: plain maps in, plain maps out.
 */
export function roman(n: number): string {
  if (n <= 0) return String(n);
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/**
 * The printed label of page `i` (0-based) of a book whose page 1 is at index `bodyStart`: roman
 * (lower case) in the front matter, arabic from 1 at `bodyStart`. The one rule of the book's folios,
 * TOC and index numbers; the PDF's /PageLabels (pdf-stamp.ts setPageLabels) say the same to a reader's
 * viewer (tests/pdf check that the two agree).
 */
export function pageLabel(i: number, bodyStart: number): string {
  return i >= bodyStart ? String(i - bodyStart + 1) : roman(i + 1);
}

export interface PlanInput {
  /** page count of the printed PDF (printed without inserted blanks) */
  pageCount: number;
  /** anchor → page index in the printed PDF */
  pages: Map<string, number>;
  /** anchors that must open on a right-hand page */
  recto: string[];
  /** the anchor of page 1 (arabic numbering starts here; pages before it are front matter, roman) */
  bodyStart: string;
}

export interface PagePlan {
  /** anchors to precede with a blank page so that each recto anchor lands on an even index (a right-hand page) */
  blanks: Set<string>;
  /** anchor → page index once the blanks are in */
  pages: Map<string, number>;
  pageCount: number;
  /** index of the page numbered 1 */
  bodyStart: number;
  /** page indexes that are inserted blanks */
  blankPages: Set<number>;
  /** printed label of page i: roman in front matter, arabic from bodyStart */
  label(i: number): string;
}

/**
 * Plan blank pages and labels from a print without blanks. A blank before an anchor shifts every
 * later page by one, so the anchors are walked in page order with a running shift. Index 0 is the
 * first (right-hand) page, so a right-hand page has an even index.
 */
export function planPages(input: PlanInput): PagePlan {
  const order = [...new Set(input.recto)].filter((a) => input.pages.has(a)).sort((a, b) => input.pages.get(a)! - input.pages.get(b)!);
  const blanks = new Set<string>();
  const inserted: number[] = []; // printed page indexes before which a blank goes
  for (const a of order) {
    const p = input.pages.get(a)!;
    if ((p + inserted.length) % 2 === 1) {
      blanks.add(a);
      inserted.push(p);
    }
  }
  const move = (p: number) => p + inserted.filter((b) => b <= p).length;
  const pages = new Map<string, number>();
  for (const [a, p] of input.pages) pages.set(a, move(p));
  const blankPages = new Set([...blanks].map((a) => pages.get(a)! - 1));
  const bodyStart = pages.get(input.bodyStart) ?? 0;
  return {
    blanks,
    pages,
    pageCount: input.pageCount + inserted.length,
    bodyStart,
    blankPages,
    label: (i) => pageLabel(i, bodyStart),
  };
}

/** Same anchors on the same pages? Returns the anchors that differ. */
export function diffPages(expected: Map<string, number>, actual: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [a, p] of expected) if (actual.get(a) !== p) out.push(`${a}: expected page ${p + 1}, printed on ${(actual.get(a) ?? -2) + 1}`);
  return out;
}
