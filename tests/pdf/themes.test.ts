/**
 * Themes and page sizes are data: the modern theme on A4, chosen in a copy of pressbook.yaml, builds
 * a PDF whose page numbers still match, with sans-serif text and A4 pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleBook } from '../helpers/example.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { renderPdf } from '../../src/render/print/pdf.js';
import { pdfFonts } from '../helpers/pdf.js';
import { itemsIn, readPdf, type ReadPdf } from './read.js';
import { glyphLines, punctuationPairs } from './glyphs.js';

const root = join(__dirname, '..', '..');

describe('modern theme on A4', () => {
  const out = mkdtempSync(join(tmpdir(), 'pb-theme-'));
  let R: ReadPdf;
  let pdf: Uint8Array;
  beforeAll(async () => {
    const yaml = readFileSync(join(root, 'examples', 'npc-foreign-press', 'pressbook.yaml'), 'utf8')
      .replace(/^theme: .*$/m, 'theme: modern')
      .replace(/^(\s+size:) .*$/m, '$1 A4')
      .replace(/^\s+- sources\/$/m, `  - ${join(root, 'examples', 'npc-foreign-press', 'sources')}`);
    expect(yaml).toContain('theme: modern');
    writeFileSync(join(out, 'pressbook.yaml'), yaml);
    const config = loadConfig(out);
    expect(config.theme).toBe('modern');
    expect(config.page.size).toBe('A4');
    const book = exampleBook(config);
    await renderPdf(book, join(out, 'book.pdf'), { buildRoot: join(out, 'dist', '.build') });
    pdf = readFileSync(join(out, 'book.pdf'));
    R = await readPdf(pdf);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('prints A4 pages', () => {
    for (const s of R.size) {
      expect(Math.round((s.width * 25.4) / 72)).toBe(210);
      expect(Math.round((s.height * 25.4) / 72)).toBe(297);
    }
  });

  it('tightens adjacent punctuation in the sans too (the full Noto Sans SC from npm, subset per weight)', async () => {
    const pairs = punctuationPairs(await glyphLines(pdf));
    expect(pairs.length).toBeGreaterThan(80);
    expect(pairs.filter((p) => p.em > 1.52).map((p) => `page ${p.page + 1}: ${p.pair} ${p.em.toFixed(2)} em`)).toEqual([]);
  });

  it('sets the text in Noto Sans SC, fonts embedded', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.some((f) => /NotoSansSC/.test(f.name))).toBe(true);
    expect(fonts.every((f) => f.embedded && f.subtype !== '/Type3')).toBe(true);
  });

  it('keeps every TOC and index number equal to its target page label, years on right-hand pages', () => {
    const q = R.links.filter((l) => l.dest.startsWith('q-'));
    expect(new Set(q.map((l) => l.dest)).size).toBe(57);
    for (const l of R.links) {
      const nums = itemsIn(R.items[l.page]!, l.rect).filter((i) => /^[0-9]+$/.test(i.str.trim()));
      if (l.dest === 'toc' || l.dest === 'title-page') continue;
      expect(nums.length, l.dest).toBeGreaterThan(0);
      expect(nums.sort((a, b) => b.x - a.x)[0]!.str.trim(), l.dest).toBe(R.labels![l.target]);
    }
    for (const l of R.links.filter((k) => k.dest.startsWith('y-'))) expect(l.target % 2).toBe(0);
  });
});
