/**
 * The font tables the print path reads itself (src/fonts/sfnt.ts: the character map of a subset,
 * the metrics of the stamp font's descriptor), checked against fontkit on the npm fonts and on
 * harfbuzz subsets of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import { cmapCodePoints, fontMetrics } from '../../src/fonts/sfnt.js';
import { ttfPath } from '../../src/fonts/ttf.js';
import { cachedSubset } from '../../src/render/shared/font-subset.js';
import { tempDir } from '../helpers/tmp.js';

interface FkFont {
  characterSet: number[];
  unitsPerEm: number;
  postscriptName: string | null;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  post: { isFixedPitch: number };
  'OS/2': { sFamilyClass: number };
  cff?: unknown;
}

async function fonts(): Promise<[string, Uint8Array][]> {
  const full: [string, Uint8Array][] = (
    [
      ['serif', 400],
      ['sans', 700],
      ['latin-serif', 400],
      ['latin-sans-italic', 700],
    ] as const
  ).map(([k, w]) => [`${k} ${w}`, readFileSync(ttfPath(k, w))]);
  const dir = tempDir('sfnt');
  const text = '外交部长2018年 Press conference “引号”（括号）—… 𠀀 fi';
  const sub = await cachedSubset(text, { kind: 'serif', weight: 400, format: 'truetype', cacheDir: dir });
  const latin = await cachedSubset('Press 2018 fi', { kind: 'latin-serif', weight: 400, format: 'truetype', cacheDir: dir });
  return [...full, ['serif subset', sub.bytes], ['latin subset', latin.bytes]];
}

describe('font tables read without a font library', () => {
  it('maps the same characters as fontkit', async () => {
    for (const [name, bytes] of await fonts()) {
      const f = fontkit.create(bytes) as unknown as FkFont;
      // fontkit also lists U+FFFF, the end marker of a format-4 table, which maps to no glyph
      const expected = f.characterSet.filter((c) => c !== 0xffff).sort((a, b) => a - b);
      expect([...cmapCodePoints(bytes)].sort((a, b) => a - b), name).toEqual(expected);
    }
  });

  it('reads the metrics of a font descriptor as fontkit does', async () => {
    for (const [name, bytes] of await fonts()) {
      const f = fontkit.create(bytes) as unknown as FkFont;
      const m = fontMetrics(bytes);
      expect(m, name).toEqual({
        unitsPerEm: f.unitsPerEm,
        postscriptName: f.postscriptName,
        ascent: f.ascent,
        descent: f.descent,
        capHeight: f.capHeight ?? 0,
        xHeight: f.xHeight ?? 0,
        italicAngle: f.italicAngle,
        bbox: { minX: f.bbox.minX, minY: f.bbox.minY, maxX: f.bbox.maxX, maxY: f.bbox.maxY },
        cff: !!f.cff,
        isFixedPitch: !!f.post.isFixedPitch,
        familyClass: f['OS/2'].sFamilyClass,
      });
    }
  });
});
