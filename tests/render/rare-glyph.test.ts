/**
 * A real 2018 ministry page prints 新澙县 (U+6F99), a character the web-font slices of Noto Serif SC did
 * not hold (the build stopped: "no glyph for 澙"). The per-book subset of the full TrueType font holds it.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js'; // removed when the file ends
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { subsetFonts } from '../../src/render/shared/font-subset.js';

describe('rare characters', () => {
  it('the book subset holds 澙 (U+6F99) in both weights, and says what is really missing', async () => {
    const dir = tempDir('pb-rare-');
    const text = readFileSync(join(__dirname, '..', 'gold', 'pages', '2018-11-29.html'), 'utf8').match(/允许进口日本新澙县大米/)![0];
    const b = await subsetFonts(text + '\u{2A6D6}', [{ kind: 'serif', weights: [400, 700] }], dir, 'fonts/', join(dir, 'cache'));
    // U+2A6D6 (CJK extension B) is in no Noto SC font: reported, never tofu
    expect(b.missing).toEqual([0x2a6d6]);
    for (const f of b.files) {
      const font = fontkit.create(readFileSync(f)) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
      expect(font.hasGlyphForCodePoint(0x6f99), f).toBe(true);
    }
  });
});
