// @ts-nocheck
import { readFileSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, basename } from 'node:path';
import { PressbookError } from '../errors.js';

const require = createRequire(import.meta.url);

/** One @font-face block of a fontsource package (a unicode-range slice). */
export interface FontFace {
  family: string;
  weight: number;
  style: string;
  file: string; // absolute path of the woff2
  ranges: [number, number][];
}

export const FAMILIES: Record<string, { pkg: string; family: string }> = {
  serif: { pkg: '@fontsource/noto-serif-sc', family: 'Noto Serif SC' },
  sans: { pkg: '@fontsource/noto-sans-sc', family: 'Noto Sans SC' },
};

function parseRanges(s: string): [number, number][] {
  return s.split(',').map((part) => {
    const p = part.trim().replace(/^U\+/i, '');
    if (p.includes('-')) {
      const [a, b] = p.split('-');
      return [parseInt(a!, 16), parseInt(b!, 16)];
    }
    if (p.includes('?')) return [parseInt(p.replace(/\?/g, '0'), 16), parseInt(p.replace(/\?/g, 'f'), 16)];
    const v = parseInt(p, 16);
    return [v, v];
  });
}

const cache = new Map<string, FontFace[]>();

/** All faces of a fontsource package for a weight (parsed from its CSS). */
export function fontFaces(kind: keyof typeof FAMILIES | string, weight: number): FontFace[] {
  const fam = FAMILIES[kind];
  if (!fam) throw new PressbookError(`unknown font family "${kind}" (expected ${Object.keys(FAMILIES).join(', ')})`);
  const key = `${kind}:${weight}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let cssPath: string;
  try {
    cssPath = require.resolve(`${fam.pkg}/${weight}.css`);
  } catch {
    throw new PressbookError(`font package ${fam.pkg} (weight ${weight}) is not installed: run npm ci`);
  }
  const css = readFileSync(cssPath, 'utf8');
  const faces: FontFace[] = [];
  for (const m of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = m[1]!;
    const url = /url\(\.\/([^)]+\.woff2)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!url || !range) continue;
    faces.push({ family: fam.family, weight, style: 'normal', file: join(dirname(cssPath), url), ranges: parseRanges(range) });
  }
  cache.set(key, faces);
  return faces;
}

const faceSets = new WeakMap<FontFace, Set<number>>();
function covers(face: FontFace, cp: number): boolean {
  // CJK slices list hundreds of single code points: scanning the ranges for each character was most of the build's time
  let set = faceSets.get(face);
  if (!set) {
    set = new Set<number>();
    for (const [a, b] of face.ranges) for (let c = a; c <= b; c++) set.add(c);
    faceSets.set(face, set);
  }
  return set.has(cp);
}

/** Code points of `text` that need a glyph (not whitespace/controls). */
export function usedCodePoints(text: string): Set<number> {
  const set = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0)) set.add(cp);
  }
  return set;
}

export interface FontBundle {
  /** CSS with @font-face rules pointing at copied files (relative to the CSS's folder) */
  css: string;
  files: string[];
  /** code points no face covers (would be tofu) */
  missing: number[];
}

/**
 * Copy only the slices of the font that the text needs into `assetDir` and return matching CSS.
 * The browser then embeds just those glyphs; anything not covered is reported as missing.
 */
export function bundleFonts(text: string, kinds: { kind: string; weights: number[] }[], assetDir: string, urlPrefix = 'fonts/'): FontBundle {
  mkdirSync(assetDir, { recursive: true });
  const cps = usedCodePoints(text);
  const rules: string[] = [];
  const files: string[] = [];
  const coveredAll = new Set<number>();
  for (const { kind, weights } of kinds) {
    for (const w of weights) {
      const faces = fontFaces(kind, w);
      for (const face of faces) {
        let used = false;
        for (const cp of cps)
          if (covers(face, cp)) {
            used = true;
            coveredAll.add(cp);
          }
        if (!used) continue;
        const name = basename(face.file);
        const dest = join(assetDir, name);
        if (!existsSync(dest)) copyFileSync(face.file, dest);
        files.push(dest);
        const ranges = face.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',');
        rules.push(
          `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${w};font-display:block;src:url(${urlPrefix}${name}) format('woff2');unicode-range:${ranges};}`,
        );
      }
    }
  }
  const missing = [...cps].filter((cp) => !coveredAll.has(cp)).sort((a, b) => a - b);
  return { css: rules.join('\n'), files, missing };
}
