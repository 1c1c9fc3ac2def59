/**
 * Mirrored margins across merged parts (src/render/print/merge.ts): Chromium lays out each part's
 * first page as a right-hand page, so a page that lands on the other hand in the book is moved across
 * by the margin difference — its drawing, not only its links. Chromium writes a page's /Contents as
 * one stream (not an array): the parts here are made so too. No browser: PDFs made with pdf-lib.
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { PDFDocument as Doc, ParseSpeeds } from '../../src/render/shared/pdflib.js';
import { mergeParts } from '../../src/render/print/merge.js';
import { readPdf } from './read.js';

/** A part of `pages` pages, each with its number drawn at x = 100 by a single content stream. */
async function part(pages: number, tag: string) {
  const d = await PDFDocument.create({ updateMetadata: false });
  const font = await d.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const p = d.addPage([420, 595]);
    p.drawText(`${tag}${i}`, { x: 100, y: 500, size: 12, font });
    // one stream, as Chromium writes it
    const contents = p.node.Contents();
    const refs = contents && 'asArray' in contents ? contents.asArray() : [];
    const last = refs[refs.length - 1];
    if (last) p.node.set(PDFName.of('Contents'), last);
  }
  const bytes = await d.save({ useObjectStreams: false });
  return Doc.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

describe('merging parts with mirrored margins', () => {
  it('moves the drawing of each page that lands on the other hand than it was laid out for', async () => {
    // part a: 1 page (index 0); part b: 3 pages from index 1 — its first page, laid out right-hand, lands left-hand
    const merged = await mergeParts(
      [
        { doc: await part(1, 'a'), probes: new Set(), blanksBefore: [] },
        { doc: await part(3, 'b'), probes: new Set(), blanksBefore: [] },
      ],
      { sideShift: 10 },
    );
    const R = await readPdf(await merged.doc.save({ useObjectStreams: false }));
    const x = R.items.map((page) => Math.round(page.find((i) => i.str.trim())!.x));
    // a0 in place; b0 (laid out right-hand, placed left-hand) +10; b1 (left-hand → right-hand) -10; b2 +10
    expect(x).toEqual([100, 110, 90, 110]);
  });

  it('places a part merged on its own at its index in the book (a patched conference)', async () => {
    const merged = await mergeParts([{ doc: await part(2, 'c'), probes: new Set(), blanksBefore: [] }], { sideShift: 10, firstIndex: 7 });
    expect(merged.pageIndex).toEqual([[7, 8]]);
    const R = await readPdf(await merged.doc.save({ useObjectStreams: false }));
    expect(R.items.map((page) => Math.round(page.find((i) => i.str.trim())!.x))).toEqual([110, 90]);
  });
});
