/**
 * Glyph positions read from a PDF's content streams with pdfjs-dist (the operator list, not the
 * merged text items): Chromium writes each glyph with its own text move (Td), so the distance from one
 * glyph to the next is its advance as set, GPOS adjustments (`halt`, `chws`) and justification included.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface Glyph {
  ch: string;
  /** advance to the next glyph of the same line, in em of the font size (NaN for the last glyph of a line) */
  em: number;
}

/** Per page, the lines (glyphs grouped by baseline, left to right), top to bottom. */
export async function glyphLines(bytes: Uint8Array): Promise<Glyph[][][]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: Glyph[][][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const ops = await page.getOperatorList();
    const glyphs: { ch: string; x: number; y: number; size: number }[] = [];
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
          glyphs.push({ ch: g.unicode, x: gx, y: m[5]!, size: size * scale });
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
          return gs.map((g, k) => ({ ch: g.ch, em: k + 1 < gs.length && gs[k + 1]!.size === g.size ? (gs[k + 1]!.x - g.x) / g.size : NaN }));
        }),
    );
    page.cleanup();
  }
  await doc.destroy();
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
