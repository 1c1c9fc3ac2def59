/**
 * Link annotations no text lies under, taken out of a PDF Chromium printed.
 *
 * Chromium writes one link annotation per box fragment of an `<a>`. Where a line of links opens a
 * page (the big book's run-in index, line-height 1.45, is set tighter than the serif's ascent and
 * descent), the top of its inline boxes reaches a fraction of a point past the line's top: Chromium
 * gives that sliver a fragment of its own at the foot of the page before, a link 0.2–0.3 pt tall
 * over nothing, twin of the real one on the next page (the 2017 year book had 122 of them, in both
 * print paths). A link thinner than any printed text in either direction covers no words: it is
 * removed from its page, and from the tag tree the link's object reference (OBJR) to it.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, type PDFObject } from './pdflib.js';
import { deref, numberTree, walkPageTree } from './pdf-read.js';
import { peekObject } from './pdf-incremental.js';

/** points: a link annotation lower or narrower than this covers no text (the smallest print is ~6 pt) */
export const EMPTY_LINK_MAX_PT = 2;

function rectOf(ctx: PDFDocument['context'], a: PDFDict): number[] | undefined {
  const r = deref<PDFArray>(ctx, a.get(PDFName.of('Rect')));
  if (!(r instanceof PDFArray) || r.size() < 4) return undefined;
  const n = [0, 1, 2, 3].map((i) => deref<PDFObject>(ctx, r.get(i)));
  return n.every((v) => v instanceof PDFNumber) ? n.map((v) => (v as PDFNumber).asNumber()) : undefined;
}

/** A link annotation whose rectangle is too low or too narrow to hold a character. */
export function isEmptyLinkFragment(ctx: PDFDocument['context'], a: PDFDict): boolean {
  if (a.get(PDFName.of('Subtype')) !== PDFName.of('Link')) return false;
  const r = rectOf(ctx, a);
  return !!r && Math.min(Math.abs(r[2]! - r[0]!), Math.abs(r[3]! - r[1]!)) < EMPTY_LINK_MAX_PT;
}

/**
 * Remove every empty link fragment (see above) from the pages `pageRefs` of `doc`, with its object
 * reference in the tag tree. Returns the annotations removed.
 */
export function dropEmptyLinkFragments(doc: PDFDocument, pageRefs: PDFRef[] = walkPageTree(doc)): PDFDict[] {
  const ctx = doc.context;
  const Annots = PDFName.of('Annots');
  // the removed annotations (a reference, or the dictionary itself when written inline) and their /StructParent keys
  const gone: { obj: PDFObject; dict: PDFDict; key: number | undefined }[] = [];
  for (const ref of pageRefs) {
    const page = deref<PDFDict>(ctx, ref);
    const annots = page instanceof PDFDict ? deref<PDFArray>(ctx, page.get(Annots)) : undefined;
    if (!(annots instanceof PDFArray)) continue;
    let dropped = 0;
    for (let k = annots.size() - 1; k >= 0; k--) {
      const obj = annots.get(k);
      // read only (most are kept as they are): not parsed into the document, not serialised for its save
      const a = peekObject(ctx, obj);
      if (!(a instanceof PDFDict) || !isEmptyLinkFragment(ctx, a)) continue;
      const sp = deref<PDFObject>(ctx, a.get(PDFName.of('StructParent')));
      gone.push({ obj, dict: a, key: sp instanceof PDFNumber ? sp.asNumber() : undefined });
      annots.remove(k);
      dropped++;
    }
    if (dropped && annots.size() === 0) page!.delete(Annots);
  }
  const removed = gone.map((g) => g.dict);
  if (!gone.some((g) => g.key !== undefined)) return removed;
  // the tag tree: each removed annotation's structure element loses its object reference to it
  const root = deref<PDFDict>(ctx, doc.catalog.get(PDFName.of('StructTreeRoot')));
  const tree = root instanceof PDFDict ? deref<PDFDict>(ctx, root.get(PDFName.of('ParentTree'))) : undefined;
  if (!(tree instanceof PDFDict)) return removed;
  const parents = new Map(numberTree(ctx, tree));
  const isGone = (kid: PDFObject, g: (typeof gone)[number]) => {
    const objr = deref<PDFObject>(ctx, kid);
    if (!(objr instanceof PDFDict) || objr.get(PDFName.of('Type')) !== PDFName.of('OBJR')) return false;
    const target = objr.get(PDFName.of('Obj'));
    return target === g.obj || deref(ctx, target) === g.dict;
  };
  for (const g of gone) {
    if (g.key === undefined) continue;
    const el = deref<PDFDict>(ctx, parents.get(g.key));
    if (!(el instanceof PDFDict)) continue;
    const kids = deref<PDFObject>(ctx, el.get(PDFName.of('K')));
    if (kids instanceof PDFArray) {
      for (let i = kids.size() - 1; i >= 0; i--) if (isGone(kids.get(i), g)) kids.remove(i);
    } else if (kids && isGone(kids, g)) el.set(PDFName.of('K'), ctx.obj([]));
  }
  return removed;
}
