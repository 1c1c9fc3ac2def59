/**
 * Running heads and folios stamped by pdf-lib (src/render/shared/pdf-stamp.ts), read back with pdfjs-dist:
 * the glyphs of the lines set at the stamp sizes (7.5 pt heads, 8.5 pt folios) with their positions,
 * and the gap from each glyph to the next checked against the advance the npm font itself gives the
 * shaped string (fontkit: its substitutions, e.g. Noto CJK's `locl` digits next to Latin, and kerning).
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { glyphLines, type Glyph } from '../pdf/glyphs.js';
import { ttfPath } from '../../src/fonts/ttf.js';

export const HEAD_SIZE = 7.5;
export const FOLIO_SIZE = 8.5;

export interface Stamped {
  /** 0-based page index */
  page: number;
  head?: Glyph[];
  folio?: Glyph[];
}

/** The stamped head and folio of each page (lines set at exactly the stamp sizes). */
export async function stampedLines(bytes: Uint8Array): Promise<Stamped[]> {
  const pages = await glyphLines(bytes);
  return pages.map((lines, page) => {
    const at = (size: number) => lines.find((l) => l.length && Math.abs(l[0]!.size - size) < 0.01);
    return { page, head: at(HEAD_SIZE), folio: at(FOLIO_SIZE) };
  });
}

export const textOf = (line: Glyph[] | undefined) => (line ?? []).map((g) => g.ch).join('');

const fonts = new Map<string, { layout(t: string): { glyphs: unknown[]; positions: { xAdvance: number }[] }; unitsPerEm: number }>();

/** The advance of each glyph of `text` as the npm font shapes it, in em. */
export function fontAdvances(text: string, kind = 'serif', weight = 400): number[] {
  const key = `${kind} ${weight}`;
  let f = fonts.get(key);
  if (!f) fonts.set(key, (f = fontkit.create(readFileSync(ttfPath(kind, weight))) as unknown as NonNullable<typeof f>));
  const run = f.layout(text);
  return run.positions.map((p) => p.xAdvance / f!.unitsPerEm);
}

/**
 * Where the printed line's spacing departs from the font's: for each pair of consecutive glyphs of
 * which the first is a Latin letter, a digit or a space, the gap to the next glyph (em of the size)
 * against the font's advance for it. Returns one message per departure larger than `tolerance` em.
 */
export function spacingErrors(line: Glyph[], expected: string, kind = 'serif', weight = 400, tolerance = 0.01): string[] {
  const adv = fontAdvances(expected, kind, weight);
  if (adv.length !== line.length) return [`${line.length} glyphs printed for ${adv.length} shaped: ${textOf(line)}`];
  const errors: string[] = [];
  for (let k = 0; k + 1 < line.length; k++) {
    const g = line[k]!;
    if (!/[A-Za-z0-9 ]/.test(g.ch)) continue;
    const gap = (line[k + 1]!.x - g.x) / g.size;
    if (Math.abs(gap - adv[k]!) > tolerance) errors.push(`"${g.ch}" (glyph ${k} of "${expected}"): ${gap.toFixed(3)} em to the next glyph, the font's advance is ${adv[k]!.toFixed(3)} em`);
  }
  return errors;
}
