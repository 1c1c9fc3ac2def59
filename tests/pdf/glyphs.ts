/**
 * Glyph positions read from a PDF's content streams with pdfjs-dist (the operator list, not the
 * merged text items): Chromium writes each glyph with its own text move (Td), so the distance from one
 * glyph to the next is its advance as set, GPOS adjustments (`halt`, `chws`) and justification included.
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfjsPdf } from '../helpers/pdfjs.js';

export interface Glyph {
  ch: string;
  /** advance to the next glyph of the same line, in em of the font size (NaN for the last glyph of a line) */
  em: number;
  /** position (PDF points from the page's bottom left) and font size in points */
  x: number;
  y: number;
  size: number;
  /** advance of the glyph itself in points */
  w: number;
}

/** Per page, the lines (glyphs grouped by baseline, left to right), top to bottom. */
export async function glyphLines(bytes: Uint8Array): Promise<Glyph[][][]> {
  const pdf = await pdfjsPdf(bytes);
  const pages: Glyph[][][] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const ops = await pdf.operatorList(i);
    const glyphs: { ch: string; x: number; y: number; size: number; w: number }[] = [];
    let size = 1;
    // text line matrix [a b c d e f] (positions in text space units of the enclosing CTM, which is one per page)
    let m = [1, 0, 0, 1, 0, 0];
    ops.fnArray.forEach((fn, k) => {
      const a = ops.argsArray[k] as unknown[];
      if (fn === OPS.beginText) m = [1, 0, 0, 1, 0, 0];
      else if (fn === OPS.setFont) size = Number(a[1]);
      else if (fn === OPS.setTextMatrix) m = [...(a as number[])];
      else if (fn === OPS.moveText) {
        const [tx, ty] = a as [number, number];
        m = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]! + tx * m[0]! + ty * m[2]!, m[5]! + tx * m[1]! + ty * m[3]!];
      } else if (fn === OPS.showText) {
        const scale = Math.hypot(m[0]!, m[1]!);
        let gx = m[4]!;
        for (const g of a[0] as ({ unicode: string; width: number } | number | null)[]) {
          if (!g) continue;
          if (typeof g === 'number') {
            gx -= (g / 1000) * size * scale;
            continue;
          }
          glyphs.push({ ch: g.unicode, x: gx, y: m[5]!, size: size * scale, w: (g.width / 1000) * size * scale });
          gx += (g.width / 1000) * size * scale;
        }
      }
    });
    const byY = new Map<number, typeof glyphs>();
    for (const g of glyphs) {
      const key = Math.round(g.y);
      byY.set(key, [...(byY.get(key) ?? []), g]);
    }
    pages.push(
      [...byY.entries()]
        .sort((p, q) => p[0] - q[0])
        .map(([, gs]) => {
          gs.sort((p, q) => p.x - q.x);
          return gs.map((g, k) => ({ ch: g.ch, x: g.x, y: g.y, size: g.size, w: g.w, em: k + 1 < gs.length && gs[k + 1]!.size === g.size ? (gs[k + 1]!.x - g.x) / g.size : NaN }));
        }),
    );
  }
  return pages;
}

const CLOSING = new Set([...'”’」』》〉）】，。、；：！？']);
const OPENING = new Set([...'“‘「『《〈（【']);

/** Adjacent full-width punctuation (closing+closing, closing+opening, opening+opening) with its width in em. */
export interface PunctPair {
  page: number;
  pair: string;
  /** width of the two glyphs in em, net of the line's justification (its median advance above 1 em) */
  em: number;
}

export function punctuationPairs(pages: Glyph[][][]): PunctPair[] {
  const out: PunctPair[] = [];
  pages.forEach((lines, page) => {
    for (const l of lines) {
      const adv = l.map((g) => g.em).filter((e) => Number.isFinite(e) && e > 0.9).sort((a, b) => a - b);
      const stretch = adv.length ? Math.max(0, adv[Math.floor(adv.length / 2)]! - 1) : 0;
      for (let i = 0; i + 1 < l.length; i++) {
        const a = l[i]!;
        const b = l[i + 1]!;
        if (!Number.isFinite(a.em) || !Number.isFinite(b.em)) continue;
        const pairs = (CLOSING.has(a.ch) && (CLOSING.has(b.ch) || OPENING.has(b.ch))) || (OPENING.has(a.ch) && OPENING.has(b.ch));
        if (pairs) out.push({ page, pair: a.ch + b.ch, em: a.em + b.em - 2 * stretch });
      }
    }
  });
  return out;
}

export interface Placed {
  ch: string;
  /** origin of the glyph in page space (PDF points, y up) */
  x: number;
  y: number;
  /** font size and advance in page space */
  size: number;
  w: number;
}
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Every glyph and every filled rectangle (dotted leaders and rules are drawn as rows of small filled
 * rectangles; other filled paths, such as list bullets, by their bounding box) of each page, in page space: the operator list walked with its graphics-state stack, so
 * nested transforms (Chromium scales each box) are applied.
 */
export async function pageMarks(bytes: Uint8Array): Promise<{ glyphs: Placed[]; boxes: Box[]; width: number; height: number }[]> {
  const pdf = await pdfjsPdf(bytes);
  const out: { glyphs: Placed[]; boxes: Box[]; width: number; height: number }[] = [];
  const mul = (a: number[], b: number[]) => [
    a[0]! * b[0]! + a[1]! * b[2]!,
    a[0]! * b[1]! + a[1]! * b[3]!,
    a[2]! * b[0]! + a[3]! * b[2]!,
    a[2]! * b[1]! + a[3]! * b[3]!,
    a[4]! * b[0]! + a[5]! * b[2]! + b[4]!,
    a[4]! * b[1]! + a[5]! * b[3]! + b[5]!,
  ];
  const apply = (m: number[], x: number, y: number) => [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!] as const;
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.page(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const ops = await pdf.operatorList(i);
    const glyphs: Placed[] = [];
    const boxes: Box[] = [];
    let ctm = [1, 0, 0, 1, 0, 0];
    const stack: number[][] = [];
    let size = 1;
    let tm = [1, 0, 0, 1, 0, 0];
    let pending: Box[] = [];
    ops.fnArray.forEach((fn, k) => {
      const a = ops.argsArray[k] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
      else if (fn === OPS.transform) ctm = mul(a as number[], ctm);
      else if (fn === OPS.beginText) tm = [1, 0, 0, 1, 0, 0];
      else if (fn === OPS.setFont) size = Number(a[1]);
      else if (fn === OPS.setTextMatrix) tm = [...(a as number[])];
      else if (fn === OPS.moveText) {
        const [tx, ty] = a as [number, number];
        tm = [tm[0]!, tm[1]!, tm[2]!, tm[3]!, tm[4]! + tx * tm[0]! + ty * tm[2]!, tm[5]! + tx * tm[1]! + ty * tm[3]!];
      } else if (fn === OPS.showText) {
        const scale = Math.hypot(tm[0]!, tm[1]!) * Math.hypot(ctm[0]!, ctm[1]!);
        let gx = tm[4]!;
        const sx = Math.hypot(tm[0]!, tm[1]!);
        for (const g of a[0] as ({ unicode: string; width: number } | number | null)[]) {
          if (!g) continue;
          if (typeof g === 'number') {
            gx -= (g / 1000) * size * sx;
            continue;
          }
          const [px, py] = apply(ctm, gx, tm[5]!);
          glyphs.push({ ch: g.unicode, x: px, y: py, size: size * scale, w: (g.width / 1000) * size * scale });
          gx += (g.width / 1000) * size * sx;
        }
      } else if (fn === OPS.constructPath) {
        const [kinds, args] = a as [number[], number[]];
        pending = [];
        // a path of curves or lines (a list bullet, a rounded box): the bounding box of its points
        if (!kinds.every((op) => op === OPS.rectangle)) {
          const n = kinds.reduce((k, op) => k + (op === OPS.moveTo || op === OPS.lineTo ? 2 : op === OPS.curveTo ? 6 : op === OPS.curveTo2 || op === OPS.curveTo3 || op === OPS.rectangle ? 4 : 0), 0);
          const pts: (readonly [number, number])[] = [];
          for (let q = 0; q + 1 < n; q += 2) pts.push(apply(ctm, args[q]!, args[q + 1]!));
          if (pts.length) {
            const xs = pts.map((p) => p[0]);
            const ys = pts.map((p) => p[1]);
            pending.push({ x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) });
          }
          return;
        }
        let j = 0;
        for (const op of kinds) {
          if (op === OPS.rectangle) {
            const [x, y, w, h] = args.slice(j, j + 4) as [number, number, number, number];
            const [x0, y0] = apply(ctm, x, y);
            const [x1, y1] = apply(ctm, x + w, y + h);
            pending.push({ x: Math.min(x0, x1), y: Math.min(y0, y1), w: Math.abs(x1 - x0), h: Math.abs(y1 - y0) });
            j += 4;
          } else if (op === OPS.moveTo || op === OPS.lineTo) j += 2;
          else if (op === OPS.curveTo) j += 6;
          else if (op === OPS.curveTo2 || op === OPS.curveTo3) j += 4;
        }
      } else if (fn === OPS.fill || fn === OPS.eoFill) {
        boxes.push(...pending);
        pending = [];
      } else if (fn === OPS.endPath || fn === OPS.stroke) pending = [];
    });
    out.push({ glyphs, boxes, width, height });
  }
  return out;
}
