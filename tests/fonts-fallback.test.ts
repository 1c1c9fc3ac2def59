/** Rare characters the @fontsource slices lack get a face subset from the full font (no tofu, no failure). */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { bundleFonts, uncoveredCodePoints } from '../src/fonts/fontsource.js';
import { prepareFallbackGlyphs } from '../src/fonts/fallback.js';

describe('fallback glyphs', () => {
  it('finds 澙 (U+6F99, "新澙县" in a real 2018 ministry page) missing from the slices and serves it from a subset of the full font', async () => {
    const text = '允许进口日本新澙县大米。';
    const kinds = [{ kind: 'serif', weights: [400, 700] }];
    expect(uncoveredCodePoints(text, kinds)).toEqual([0x6f99]);
    const dir = mkdtempSync(join(tmpdir(), 'pb-fb-'));
    expect(bundleFonts(text, kinds, dir).missing).toEqual([0x6f99]);
    await prepareFallbackGlyphs([0x6f99], [400, 700]);
    const b = bundleFonts(text, kinds, dir);
    expect(b.missing).toEqual([]);
    expect(b.css).toMatch(/font-family:'Noto Serif SC';[^}]*font-weight:400;[^}]*format\('truetype'\);unicode-range:U\+6f99;/);
    expect(b.css).toMatch(/font-weight:700;[^}]*unicode-range:U\+6f99;/);
    const face = b.files.find((f) => /fallback-400-/.test(f))!;
    const font = fontkit.create(readFileSync(face)) as unknown as { hasGlyphForCodePoint(cp: number): boolean; numGlyphs: number };
    expect(font.hasGlyphForCodePoint(0x6f99)).toBe(true);
    expect(font.numGlyphs).toBeLessThan(10);
  });
});
