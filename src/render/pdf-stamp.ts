/**
 * Running headers and page numbers drawn onto the printed PDF with pdf-lib, in a subset of the
 * npm-shipped font. (Chromium's headerTemplate cannot use web fonts: it would fall back to system
 * fonts, i.e. tofu on a machine without CJK fonts.)
 */
import { PDFDocument, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { subsetTtf } from '../fonts/ttf.js';

export interface StampSpec {
  /** header text for page i (0-based), or '' for none */
  header: (i: number) => string;
  /** footer (page number) text for page i, or '' for none */
  footer: (i: number) => string;
}

export async function stampPdf(bytes: Uint8Array, spec: StampSpec, fixedDate?: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.registerFontkit(fontkit);
  const pages = doc.getPages();
  const texts = pages.map((_, i) => [spec.header(i), spec.footer(i)] as const);
  const chars = [...new Set(texts.flat().join(''))].join('') || ' ';
  const font = await doc.embedFont(await subsetTtf(chars), { subset: false });
  const grey = rgb(0.35, 0.35, 0.35);
  pages.forEach((page, i) => {
    const { width, height } = page.getSize();
    const [h, f] = texts[i]!;
    if (h) {
      const size = 7.5;
      const w = font.widthOfTextAtSize(h, size);
      page.drawText(h, { x: (width - w) / 2, y: height - 28, size, font, color: grey });
    }
    if (f) {
      const size = 8.5;
      const w = font.widthOfTextAtSize(f, size);
      page.drawText(f, { x: (width - w) / 2, y: 24, size, font, color: rgb(0.1, 0.1, 0.1) });
    }
  });
  if (fixedDate) {
    doc.setCreationDate(fixedDate);
    doc.setModificationDate(fixedDate);
  }
  doc.setProducer('pressbook (Chromium + pdf-lib)');
  doc.setCreator('pressbook');
  return doc.save({ useObjectStreams: false });
}
