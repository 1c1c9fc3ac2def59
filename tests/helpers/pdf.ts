/** Read a real PDF back: text per page, fonts, outline, link destinations (pdfjs-dist + pdf-lib). */
import { pdfjsPdf } from './pdfjs.js';
import { PDFDocument, PDFDict, PDFName, PDFArray, PDFRef } from 'pdf-lib';

export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await pdfjsPdf(bytes);
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const tc = await pdf.textContent(i);
    pages.push(tc.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  return pages;
}

export interface OutlineNode {
  title: string;
  items: OutlineNode[];
}
export async function pdfOutline(bytes: Uint8Array): Promise<OutlineNode[]> {
  const { doc } = await pdfjsPdf(bytes);
  return ((await doc.getOutline()) ?? []) as OutlineNode[];
}

export interface FontInfo {
  name: string;
  subtype: string;
  embedded: boolean;
}
/** Every font dictionary of every page (descending into Type0 descendants). */
export async function pdfFonts(bytes: Uint8Array): Promise<FontInfo[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const seen = new Map<string, FontInfo>();
  const ctx = doc.context;
  const deref = (o: unknown) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const visitFont = (f: PDFDict) => {
    const subtype = String(f.get(PDFName.of('Subtype')) ?? '');
    const name = String(f.get(PDFName.of('BaseFont')) ?? '');
    let embedded = false;
    if (subtype === '/Type0') {
      const desc = deref(f.get(PDFName.of('DescendantFonts'))) as PDFArray;
      const d0 = deref(desc.get(0)) as PDFDict;
      const fd = deref(d0.get(PDFName.of('FontDescriptor'))) as PDFDict | undefined;
      embedded = !!fd && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => fd.has(PDFName.of(k)));
    } else if (subtype === '/Type3') embedded = true;
    else {
      const fd = deref(f.get(PDFName.of('FontDescriptor'))) as PDFDict | undefined;
      embedded = !!fd && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => fd.has(PDFName.of(k)));
    }
    seen.set(name + subtype, { name, subtype, embedded });
  };
  for (const page of doc.getPages()) {
    const res = page.node.Resources();
    const fonts = res && (deref(res.get(PDFName.of('Font'))) as PDFDict | undefined);
    if (!fonts) continue;
    for (const [, ref] of fonts.entries()) visitFont(deref(ref) as PDFDict);
  }
  return [...seen.values()];
}
