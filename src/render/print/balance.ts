/**
 * Spread balancing for the two-pass print (two-pass.ts): facing pages end at the same depth.
 *
 * Keep rules (a question never ends a page, orphans and widows) leave some pages of a conference short,
 * from one line to most of a question block; its facing page runs full. After the print that fixed the
 * pagination (the layout pass: the body's pages lie there as in the numbered print, which only adds
 * blank pages and numbers), every spread of two pages that both continue a conference (neither is a
 * conference's last page) is read back from the PDF (the baseline of each page's last line); where the
 * two differ by half a line or more, the shorter page is justified vertically to its partner's depth:
 * the difference is shared out among the gaps between the blocks that start on that page (three
 * times as much before a question or answer as between two paragraphs, none after a speaker's name; nothing inside a question block, nothing
 * at the top of the page). Only white space on that page grows, by less than the page's own slack, so
 * no line moves to another page: the page breaks, the keep rules and the page numbers stay as they
 * were. The numbered print carries the extra space and is checked (every stretched page and the page
 * after it begin and end with the same text, every anchor is where it was); if not, it is printed
 * again without it.
 *
 * Where each block starts comes from the layout pass: the first line-level element of each block gets
 * an id, and the pass's probe links report its page and top.
 */
import { inflateSync, constants as zlibConstants } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream, type PDFObject } from '../shared/pdflib.js';
import { openPdf } from '../shared/pdf-incremental.js';
import { deref, walkPageTree } from '../shared/pdf-read.js';

/** The blocks of the body whose position the layout pass reports. */
export interface BodyBlocks {
  /** probe anchor ids (the first line-level element of each block) */
  ids: string[];
  /** probe id → the conference (event element id) it belongs to */
  event: Map<string, string>;
  /** probe id → weight of the gap before its block (0: never stretched) */
  weight: Map<string, number>;
  /** event id → probe id at the end of its last line */
  ends: Map<string, string>;
  /** the body's line pitch in PDF points */
  line: number;
}

/** Give the body's blocks probe ids (in the page, before the layout pass). */
export async function markBlocks(page: Page): Promise<BodyBlocks> {
  const r = await page.evaluate(() => {
    const out: { id: string; event: string; weight: number }[] = [];
    const ends: [string, string][] = [];
    let n = 0;
    const lineLevel = 'p, h1, h2, h3, h4, h5, h6, li, dt, dd';
    // a vertical edition's pages end at their left edge, not their foot: not balanced (nothing marked)
    const vertical = getComputedStyle(document.documentElement).writingMode.startsWith('vertical');
    for (const ev of vertical ? [] : document.querySelectorAll<HTMLElement>('.event[id]')) {
      for (const l of ev.querySelectorAll<HTMLElement>(lineLevel)) {
        if (l.parentElement?.closest(lineLevel)) continue;
        // the outermost block whose first line is this one: the gap before it is the gap before the line
        let b: HTMLElement = l;
        while (b.parentElement && b.parentElement !== ev && b.parentElement.firstElementChild === b) b = b.parentElement;
        if (!l.id) l.id = `pb-b${n++}`;
        b.dataset['pbBlock'] = l.id;
        const inKept = !!b.parentElement?.closest('.question, .highlights, .interjection, .announcement');
        // a label or heading stays with what follows it: no gap grows after one
        const prev = b.previousElementSibling;
        const held = !prev || prev.matches('.speaker, h1, h2, h3, h4, h5, h6');
        const weight = inKept || held ? 0 : b.matches('section, .turn') ? 3 : b.matches('p') ? 1 : 0.5;
        out.push({ id: l.id, event: ev.id, weight });
      }
      // the end of the conference's last line: an empty inline box there takes the probe
      const last = [...ev.querySelectorAll<HTMLElement>(lineLevel)].pop();
      if (last) {
        const end = document.createElement('span');
        end.id = `pb-end${ends.length}`;
        last.append(end);
        ends.push([ev.id, end.id]);
      }
    }
    const p = document.querySelector('.event .turn p:not(.speaker)');
    const line = p ? parseFloat(getComputedStyle(p).lineHeight) * 0.75 : 0;
    return { out, ends, line };
  });
  return {
    ids: [...r.out.map((b) => b.id), ...r.ends.map(([, e]) => e)],
    ends: new Map(r.ends),
    event: new Map(r.out.map((b) => [b.id, b.event])),
    weight: new Map(r.out.map((b) => [b.id, b.weight])),
    line: r.line,
  };
}

/** Per page of a printed PDF: the text lines' baselines, top and bottom, and the first and last line's text. */
export interface PageLines {
  height: number;
  /** baseline (PDF points from the bottom) of the last line, NaN on a page without text */
  last: number;
  first: number;
  firstText: string;
  lastText: string;
}

/**
 * Each page's first and last line of text, read from the pages' content streams (pdf-lib): the
 * baseline of every text object (BT … ET, its Tm/Td under the q/Q/cm matrix stack), and each line's
 * glyph codes in place of its text (enough to tell whether a line is the same). pdf.js gives the same
 * baselines but took 6 s on the bundled book on a loaded machine (it parses the fonts); this 1–2 s.
 */
export async function readPageLinesFast(src: Uint8Array | PDFDocument, only?: (page: number) => boolean): Promise<PageLines[]> {
  // a document already open is read as it is (Chromium's print opened lazily: only the pages read are parsed)
  const doc = src instanceof Uint8Array ? (await openPdf(src)).doc : src;
  return pageTexts(doc, only, false).map(({ height, rows }) => {
    const ys = rows ? rows.baselines.sort((a, b) => b - a) : [];
    return {
      height,
      first: ys.length ? ys[0]! : NaN,
      last: ys.length ? ys[ys.length - 1]! : NaN,
      firstText: ys.length ? rows!.text(ys[0]!) : '',
      lastText: ys.length ? rows!.text(ys[ys.length - 1]!) : '',
    };
  });
}

/** Per page of a printed PDF: every text baseline as written (not rounded), top first, and how a baseline moves per unit of the text space. */
export interface PageBaselines {
  height: number;
  /** baselines (PDF points from the bottom), descending */
  raw: number[];
  /** PDF points per unit of the text matrix's y, as Chromium writes it (a CSS px of the layout): negative, down the page */
  scale: number;
  /** the baseline of text-space y 0 (the matrix's translation), so that a baseline is `origin + scale × y` as the reader computes it */
  origin: number;
}

/** Each page's baselines exactly as the reader computes them before it rounds them (readPageLinesFast). */
export function readPageBaselines(doc: PDFDocument, only?: (page: number) => boolean): PageBaselines[] {
  return pageTexts(doc, only, true).map(({ height, rows }) => ({ height, raw: rows ? rows.baselines.sort((a, b) => b - a) : [], scale: rows?.scale ?? NaN, origin: rows?.origin ?? NaN }));
}

function pageTexts(doc: PDFDocument, only: ((page: number) => boolean) | undefined, exact: boolean): { height: number; rows?: ReturnType<typeof textRows> }[] {
  return walkPageTree(doc).map((ref, i) => {
    if (only && !only(i)) return { height: NaN };
    const node = doc.context.lookup(ref) as unknown as { get(n: PDFName): PDFObject | undefined };
    const box = deref(doc, node.get(PDFName.of('MediaBox'))) as PDFArray | undefined;
    const height = box ? Number(box.get(3).toString()) - Number(box.get(1).toString()) : NaN;
    const contents = deref(doc, node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map((c) => deref(doc, c)) : [contents];
    const parts = streams.flatMap((st) => (st instanceof PDFRawStream ? [decodeStream(st), NEWLINE] : []));
    return { height, rows: textRows(parts.length === 2 ? parts[0]! : Buffer.concat(parts), exact) };
  });
}

const NEWLINE = new Uint8Array([10]);
type M = [number, number, number, number, number, number];
const mul = (a: M, b: M): M => [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]];

/** PDF white space and delimiters (ISO 32000-1, 7.2.2) */
const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

const FLATE = PDFName.of('FlateDecode');
/** A content stream's bytes: zlib's inflate for a plain /FlateDecode stream (Chromium's), else pdf-lib's filters. */
function decodeStream(st: PDFRawStream): Uint8Array {
  if (st.dict.get(PDFName.of('Filter')) === FLATE && !st.dict.get(PDFName.of('DecodeParms'))) {
    // Z_SYNC_FLUSH: a stream cut short (or without its checksum) gives what it holds, as pdf-lib's inflate does
    return inflateSync(st.contents, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  }
  return decodePDFRawStream(st).decode();
}

/**
 * A PDF number token's value, as Number() reads it: [sign] digits [. digits] read here as one integer
 * divided by a power of ten (exact, so rounded once: the same double), anything else by Number().
 */
function number(s: Uint8Array, a: number, b: number): number {
  let i = a;
  const neg = s[i] === 0x2d;
  if (neg || s[i] === 0x2b) i++;
  let m = 0;
  let scale = 1;
  let dot = false;
  let digits = 0;
  for (; i < b; i++) {
    const d = s[i]!;
    if (d >= 0x30 && d <= 0x39) {
      m = m * 10 + (d - 0x30);
      if (dot) scale *= 10;
      digits++;
    } else if (d === 0x2e && !dot) dot = true;
    else break;
  }
  if (i < b || digits === 0 || digits > 15 || scale > 1e15) return Number(String.fromCharCode.apply(null, s.subarray(a, b) as unknown as number[]));
  const v = m / scale;
  return neg ? -v : v;
}

/**
 * The text rows of one page's content: the baselines (rounded to half a point) of its text-showing
 * operators (`exact`: as computed, not rounded) and, for a baseline, the source of their glyph-code operands on it, in order. A single pass over the bytes: only the operators
 * that move the text position (q Q cm BT Tm Td) and show text (Tj TJ) are interpreted.
 */
export function textRows(s: Uint8Array, exact = false): { baselines: number[]; text(baseline: number): string; scale: number; origin: number } {
  // baseline → the source ranges of its text operands (made into strings only for the rows asked for)
  const rows = new Map<number, number[]>();
  let ctm: M = [1, 0, 0, 1, 0, 0];
  const stack: M[] = [];
  let tm: M = [1, 0, 0, 1, 0, 0];
  // operands since the last operator: numbers (NaN for any other operand) and where the last one's source is
  const nums: number[] = [];
  let lastA = 0;
  let lastB = 0;
  let scale = NaN;
  let origin = NaN;
  const tail = (k: number): number[] => nums.slice(-k);
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s[i]!;
    if (WS[c]) { i++; continue; }
    if (c === 0x25) { while (i < n && s[i] !== 10 && s[i] !== 13) i++; continue; } // % comment
    if (c === 0x28) {
      // (literal string), nested parentheses balanced, backslash escapes
      const a = i;
      let depth = 0;
      for (; i < n; i++) {
        const d = s[i]!;
        if (d === 0x5c) { i++; continue; }
        if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) { i++; break; }
      }
      nums.push(NaN);
      lastA = a;
      lastB = i;
      continue;
    }
    if (c === 0x3c) {
      if (s[i + 1] === 0x3c) { i += 2; continue; } // << of a dictionary: its entries are operands
      const a = i;
      while (i < n && s[i] !== 0x3e) i++;
      i++;
      nums.push(NaN);
      lastA = a;
      lastB = i;
      continue;
    }
    if (c === 0x3e) { i++; continue; } // >> of a dictionary
    if (c === 0x5b) {
      // [array]: one operand (TJ's strings and kerning)
      const a = i;
      while (i < n && s[i] !== 0x5d) {
        if (s[i] === 0x28) { // a string inside may hold a bracket
          let depth = 0;
          for (; i < n; i++) {
            const d = s[i]!;
            if (d === 0x5c) { i++; continue; }
            if (d === 0x28) depth++;
            else if (d === 0x29 && --depth === 0) break;
          }
        }
        i++;
      }
      i++;
      nums.push(NaN);
      lastA = a;
      lastB = i;
      continue;
    }
    // a regular token: a number, a /name, or an operator
    const a = i;
    i++;
    while (i < n && !WS[s[i]!] && !DELIM[s[i]!]) i++;
    if (c === 0x2f || c === 0x7b || c === 0x7d || c === 0x29 || c === 0x5d) { nums.push(NaN); lastA = lastB = a; continue; }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
      nums.push(number(s, a, i));
      continue;
    }
    const len = i - a;
    let handled = true;
    if (len === 1 && c === 0x71) stack.push(ctm); // q
    else if (len === 1 && c === 0x51) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0]; // Q
    else if (len === 2 && c === 0x63 && s[a + 1] === 0x6d) ctm = mul(tail(6) as M, ctm); // cm
    else if (len === 2 && c === 0x42 && s[a + 1] === 0x54) tm = [1, 0, 0, 1, 0, 0]; // BT
    else if (len === 2 && c === 0x54 && s[a + 1] === 0x6d) tm = tail(6) as M; // Tm
    else if (len === 2 && c === 0x54 && s[a + 1] === 0x64) {
      // Td: tm = [1 0 0 1 tx ty] × tm, as mul() computes it (one per glyph: no arrays made)
      const tx = nums[nums.length - 2]!, ty = nums[nums.length - 1]!;
      const t0 = tm[0], t1 = tm[1], t2 = tm[2], t3 = tm[3], t4 = tm[4], t5 = tm[5];
      tm = [1 * t0 + 0 * t2, 1 * t1 + 0 * t3, 0 * t0 + 1 * t2, 0 * t1 + 1 * t3, tx * t0 + ty * t2 + t4, tx * t1 + ty * t3 + t5];
    } else if (len === 2 && c === 0x54 && (s[a + 1] === 0x6a || s[a + 1] === 0x4a)) { // Tj TJ
      // the baseline: element 5 of tm × ctm, as mul() computes it
      const y = tm[4] * ctm[1] + tm[5] * ctm[3] + ctm[5];
      const k = exact ? y : Math.round(y * 2) / 2;
      scale = ctm[3];
      origin = ctm[5];
      const r = rows.get(k);
      if (r) r.push(lastA, lastB);
      else rows.set(k, [lastA, lastB]);
    } else handled = false;
    // true, false, null are operands; anything else is an operator this reader does not need
    if (!handled && (len === 4 || len === 5) && (c === 0x74 || c === 0x66 || c === 0x6e)) {
      const word = String.fromCharCode.apply(null, s.subarray(a, i) as unknown as number[]);
      if (word === 'true' || word === 'false' || word === 'null') { nums.push(NaN); lastA = a; lastB = i; continue; }
    }
    nums.length = 0;
    lastA = lastB = 0;
  }
  return {
    scale,
    origin,
    baselines: [...rows.keys()],
    text(baseline) {
      const r = rows.get(baseline) ?? [];
      let t = '';
      for (let j = 0; j < r.length; j += 2) t += String.fromCharCode.apply(null, s.subarray(r[j], r[j + 1]) as unknown as number[]);
      return t;
    },
  };
}

/** A spread of two continuing pages and the depth (points below the page top) of each page's last line. */
export interface Spread {
  verso: number;
  recto: number;
  versoDepth: number;
  rectoDepth: number;
}

/**
 * The spreads whose two pages both continue one conference: page index i (0-based; index 0 is a
 * right-hand page, so a verso has an odd index) and i + 1, with `continues(i)` true for both.
 */
export function bodySpreads(lines: PageLines[], continues: (page: number) => boolean): Spread[] {
  const out: Spread[] = [];
  for (let v = 1; v + 1 < lines.length; v += 2) {
    const a = lines[v]!, b = lines[v + 1]!;
    if (!continues(v) || !continues(v + 1) || !Number.isFinite(a.last) || !Number.isFinite(b.last)) continue;
    out.push({ verso: v, recto: v + 1, versoDepth: a.height - a.last, rectoDepth: b.height - b.last });
  }
  return out;
}

/** Spreads whose pages end at least `tolerance` points apart. */
export function unbalanced(spreads: Spread[], tolerance: number): Spread[] {
  return spreads.filter((s) => Math.abs(s.versoDepth - s.rectoDepth) >= tolerance);
}

export interface BalanceInput {
  /** the layout pass (no blank pages), opened: its pages' lines are those of the numbered print, blanks aside */
  doc?: PDFDocument;
  /** or its pages' lines as known otherwise (page indexes of the layout pass; predict.ts) */
  lines?: PageLines[];
  /** the plan's inserted blank pages (page indexes of the numbered print) and its page count */
  blankPages: Set<number>;
  pageCount: number;
  blocks: BodyBlocks;
  /** probe id → page index (blank pages in) and top (PDF points from the bottom), from the layout pass */
  where: Map<string, { page: number; top: number }>;
  /** the top of the text block, in points below the page's top edge */
  marginTop: number;
}

export interface BalanceResult {
  /** spreads of continuing pages, and how many ended a line or more apart, before and after */
  spreads: number;
  before: number;
  after: number;
  /** pages justified */
  stretched: number;
  /** why the balanced print was not kept */
  rejected?: string;
}

/** What to stretch, planned from the layout pass, and what the numbered print must then show. */
export interface BalancePlan {
  /** probe id → extra space before its block (CSS px); empty when nothing is to be done */
  extra: Map<string, number>;
  /** pages whose breaks must not move: each stretched page and the page after it */
  touched: Set<number>;
  /** each page's lines (page indexes of the numbered print), as laid out before stretching */
  lines: PageLines[];
  continues: (page: number) => boolean;
  result: BalanceResult;
  line: number;
}

const NO_LINES: PageLines = { height: NaN, first: NaN, last: NaN, firstText: '', lastText: '' };

/**
 * Plan the balancing from the layout pass: the body's pages are laid out there exactly as in the
 * numbered print (which only adds blank pages before right-hand openings and numbers in the contents
 * and index), so the stretch is known before the numbered print, which then prints it: no print of
 * its own. `checkBalance` reads the numbered print back.
 */
export async function planBalance(input: BalanceInput): Promise<BalancePlan> {
  const { blocks } = input;
  const line = blocks.line || 18;
  // a conference runs from its first block's page to the page of its last line (its end probe)
  const pageEvent = new Map<number, { event: string; last: number }>();
  for (const [event, endId] of blocks.ends) {
    const ps = blocks.ids.filter((id) => blocks.event.get(id) === event && input.where.has(id)).map((id) => input.where.get(id)!.page);
    const end = input.where.get(endId)?.page;
    if (!ps.length || end === undefined) continue;
    for (let p = Math.min(...ps); p <= end; p++) pageEvent.set(p, { event, last: end });
  }
  const continues = (p: number) => {
    const e = pageEvent.get(p);
    return !!e && p < e.last && pageEvent.get(p + 1)?.event === e.event;
  };
  // page i of the numbered print is page i − (blanks before it) of the layout pass
  const blanks = [...input.blankPages].sort((a, b) => a - b);
  const layoutPage = (p: number) => (input.blankPages.has(p) ? -1 : p - blanks.filter((b) => b < p).length);
  const wanted = new Set([...pageEvent.keys()].map(layoutPage));
  // only the conferences' pages are read back
  const read = input.lines ?? (input.doc ? await readPageLinesFast(input.doc, (p) => wanted.has(p)) : []);
  const lines = Array.from({ length: input.pageCount }, (_, p) => (pageEvent.has(p) ? read[layoutPage(p)] ?? NO_LINES : NO_LINES));
  const spreads = bodySpreads(lines, continues);
  const bad = unbalanced(spreads, line / 2);
  const result: BalanceResult = { spreads: spreads.length, before: unbalanced(spreads, line - 0.5).length, after: 0, stretched: 0 };
  result.after = result.before;
  // the extra space per block (CSS px), page by page
  const extra = new Map<string, number>();
  for (const s of bad) {
    const [short, diff] = s.versoDepth < s.rectoDepth ? [s.verso, s.rectoDepth - s.versoDepth] : [s.recto, s.versoDepth - s.rectoDepth];
    const height = lines[short]!.height;
    const contentTop = height - input.marginTop;
    const gaps = blocks.ids.filter((id) => {
      if (!blocks.weight.has(id)) return false;
      const w = input.where.get(id);
      return w && w.page === short && (blocks.weight.get(id) ?? 0) > 0 && w.top < contentTop - 2 && w.top > lines[short]!.last;
    });
    const total = gaps.reduce((a, id) => a + blocks.weight.get(id)!, 0);
    if (!total) continue;
    // a little less than the difference: the page's last line box must still fit where its partner's does
    const grow = Math.max(0, diff - 2);
    for (const id of gaps) extra.set(id, ((grow * blocks.weight.get(id)!) / total) * (96 / 72));
    result.stretched++;
  }
  const touched = new Set([...extra.keys()].flatMap((id) => [input.where.get(id)!.page, input.where.get(id)!.page + 1]));
  return { extra, touched, lines, continues, result, line };
}

/**
 * The numbered print made with the plan's extra space: the same page breaks (each stretched page and
 * the page after it begin and end with the same line of text as laid out) and the spreads after.
 * The anchors are checked by the caller (the plan's pages).
 */
export async function checkBalance(plan: BalancePlan, doc: PDFDocument): Promise<BalanceResult> {
  const { lines, touched } = plan;
  const read = await readPageLinesFast(doc, (p) => touched.has(p));
  // the other pages are as they were
  const after = read.map((l, i) => (touched.has(i) ? l : lines[i]!));
  const moved = lines.findIndex((l, i) => touched.has(i) && (!after[i] || after[i]!.firstText !== l.firstText || after[i]!.lastText !== l.lastText));
  const result = { ...plan.result };
  if (after.length !== lines.length || moved >= 0) {
    result.stretched = 0;
    result.rejected = after.length !== lines.length ? `page count ${lines.length} → ${after.length}` : `page ${moved + 1} broke differently`;
    return result;
  }
  result.after = unbalanced(bodySpreads(after, plan.continues), plan.line - 0.5).length;
  return result;
}

/** Set (or, with an empty map, take out) the extra space before the marked blocks. */
export async function applyExtra(page: Page, extra: Map<string, number>): Promise<void> {
  await page.evaluate((extra: [string, number][]) => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-pb-stretch]')) {
      el.style.removeProperty(el.dataset['pbStretch']!);
      delete el.dataset['pbStretch'];
    }
    for (const [id, px] of extra) {
      const b = document.querySelector<HTMLElement>(`[data-pb-block="${id}"]`);
      if (!b) continue;
      const cs = getComputedStyle(b);
      // an element with its own border or padding above keeps its children's margins inside: grow its margin;
      // otherwise pad it (its first child's margin then stays inside the padding, nothing collapses away)
      const boxed = parseFloat(cs.borderTopWidth) > 0 || parseFloat(cs.paddingTop) > 0;
      const prop = boxed ? 'margin-top' : 'padding-top';
      const base = parseFloat(boxed ? cs.marginTop : cs.paddingTop);
      b.style.setProperty(prop, `${(base + px).toFixed(3)}px`);
      b.dataset['pbStretch'] = prop;
    }
  }, [...extra]);
}
