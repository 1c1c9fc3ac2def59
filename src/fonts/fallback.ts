/**
 * Rare characters. The @fontsource slices of Noto Serif/Sans SC hold the characters Google Fonts
 * serves, not every glyph of the font: a rare variant in a real transcript ("新澙县", U+6F99) has no
 * slice and would stop the build (no tofu is allowed). The full Noto Serif SC TrueType font from npm
 * (@expo-google-fonts/noto-serif-sc) has far more glyphs: the missing characters are subset from it
 * (harfbuzz) into one small face, declared under the theme's own family names with a unicode-range
 * of exactly those characters, so the browser takes them from it and nothing else changes.
 * `prepareFallbackGlyphs` (async: harfbuzz) runs before printing; `bundleFonts` then adds the face.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { subsetTtf, ttfPath } from './ttf.js';

export interface FallbackFace {
  weight: number;
  /** the code points it holds */
  cps: number[];
  bytes: Buffer;
  name: string;
}

const faces = new Map<string, FallbackFace>();
const fontCache = new Map<number, { hasGlyphForCodePoint(cp: number): boolean }>();

function fullFont(weight: number) {
  let f = fontCache.get(weight);
  if (!f) {
    f = fontkit.create(readFileSync(ttfPath('serif', weight))) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
    fontCache.set(weight, f);
  }
  return f;
}

/** Make (once) a fallback face holding those of `cps` that the full font has, for each weight. */
export async function prepareFallbackGlyphs(cps: number[], weights: number[]): Promise<void> {
  if (!cps.length) return;
  for (const w of new Set(weights.map((x) => (x >= 600 ? 700 : 400)))) {
    const have = cps.filter((cp) => fullFont(w).hasGlyphForCodePoint(cp)).sort((a, b) => a - b);
    if (!have.length) continue;
    const key = `${w}:${have.join(',')}`;
    if (faces.has(key)) continue;
    const bytes = await subsetTtf(String.fromCodePoint(...have), 'serif', w, 'truetype');
    const name = `fallback-${w}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}.ttf`;
    faces.set(key, { weight: w, cps: have, bytes, name });
  }
}

/** The prepared fallback faces that hold any of `cps` at this weight (bold weights use the 700 face). */
export function fallbackFaces(cps: Set<number>, weight: number): FallbackFace[] {
  const w = weight >= 600 ? 700 : 400;
  return [...faces.values()].filter((f) => f.weight === w && f.cps.some((cp) => cps.has(cp)));
}

/**
 * Before printing: the fallback face for every character of `text` that the theme's font slices
 * lack. `uncovered` is `uncoveredCodePoints` of fontsource.ts (passed in to keep this module free of
 * a cycle).
 */
export async function prepareFallbackFor(uncovered: number[], kinds: { weights: number[] }[]): Promise<void> {
  await prepareFallbackGlyphs(uncovered, kinds.flatMap((k) => k.weights));
}
