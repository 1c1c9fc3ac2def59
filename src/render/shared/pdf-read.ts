/**
 * Reading back a PDF that Chromium printed: the page tree, named destinations (where each anchor
 * landed) and internal links. Used by the print pagination and by the handout's note placement.
 * Nothing here talks to the browser.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from './pdflib.js';

/** Where an anchor lands: page index (0-based) and the /XYZ position Chromium wrote (PDF points). */
export interface Dest {
  page: number;
  left: number;
  top: number;
  /** the page object, for building outline entries */
  ref: PDFRef;
}

export interface PdfAnchors {
  pageCount: number;
  /** page refs in reading order (the page tree walked depth-first) */
  pageRefs: PDFRef[];
  dests: Map<string, Dest>;
  /** indexes of pages carrying at least one internal (GoTo) link */
  linkPages: number[];
  /** the pages' /Annots, grouped by page: anchor names of the internal links on that page */
  linksByPage: Map<number, string[]>;
}

/** An object, looked up when it is a reference (in a document or its context). */
export function deref<T extends PDFObject>(from: PDFDocument | PDFDocument['context'], o: PDFObject | undefined): T | undefined {
  if (o === undefined) return undefined;
  const ctx = 'context' in from ? from.context : from;
  return (o instanceof PDFRef ? ctx.lookup(o) : o) as T | undefined;
}

/** The pairs of a number tree (flat /Nums or nested /Kids), e.g. a structure tree's /ParentTree. */
export function numberTree(ctx: PDFDocument['context'], node: PDFDict | undefined, out: [number, PDFObject][] = [], depth = 0): [number, PDFObject][] {
  if (!node || depth > 32) return out;
  const nums = deref<PDFArray>(ctx, node.get(PDFName.of('Nums')));
  if (nums)
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const k = deref<PDFObject>(ctx, nums.get(i));
      out.push([k instanceof PDFNumber ? k.asNumber() : Number.NaN, nums.get(i + 1)]);
    }
  const kids = deref<PDFArray>(ctx, node.get(PDFName.of('Kids')));
  if (kids) for (let i = 0; i < kids.size(); i++) numberTree(ctx, deref<PDFDict>(ctx, kids.get(i)), out, depth + 1);
  return out;
}

/**
 * A name's text: `#xx` escapes decoded, each byte one character (what PDFName.decodeText gives, which
 * builds a byte array per name: a tenth of a second on the few thousand destinations of a book).
 */
export function nameText(n: PDFName): string {
  const s = n.asString();
  return s.includes('#') ? s.slice(1).replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s.slice(1);
}

function text(o: PDFObject | undefined): string | undefined {
  if (o instanceof PDFName) return nameText(o);
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  return undefined;
}

/**
 * Page objects in order, walking the page tree from the catalog: /Pages nodes may nest (Chromium
 * writes a balanced tree of /Kids), and a page's index is its position in a depth-first walk.
 */
export function walkPageTree(doc: PDFDocument): PDFRef[] {
  const out: PDFRef[] = [];
  const seen = new Set<string>();
  const visit = (ref: PDFObject | undefined) => {
    if (!(ref instanceof PDFRef)) throw new Error('page tree: a kid is not an indirect reference');
    const key = ref.toString();
    if (seen.has(key)) throw new Error(`page tree: ${key} visited twice (cycle)`);
    seen.add(key);
    const node = doc.context.lookup(ref, PDFDict);
    const type = node.get(PDFName.of('Type'));
    const kids = deref<PDFArray>(doc, node.get(PDFName.of('Kids')));
    if (type === PDFName.of('Pages') || (type === undefined && kids)) {
      if (!kids) throw new Error(`page tree: ${key} has no /Kids`);
      for (let i = 0; i < kids.size(); i++) visit(kids.get(i));
    } else out.push(ref);
  };
  visit(doc.catalog.get(PDFName.of('Pages')));
  return out;
}

/** All named destinations: the catalog /Dests dictionary and the /Names → /Dests name tree. */
export function namedDestinations(doc: PDFDocument): Map<string, PDFObject> {
  const out = new Map<string, PDFObject>();
  const dests = deref<PDFDict>(doc, doc.catalog.get(PDFName.of('Dests')));
  if (dests instanceof PDFDict) for (const [k, v] of dests.entries()) out.set(nameText(k), v);
  const names = deref<PDFDict>(doc, doc.catalog.get(PDFName.of('Names')));
  const tree = names instanceof PDFDict ? deref<PDFDict>(doc, names.get(PDFName.of('Dests'))) : undefined;
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 64) return;
    const kids = deref<PDFArray>(doc, node.get(PDFName.of('Kids')));
    if (kids) for (let i = 0; i < kids.size(); i++) walk(deref<PDFDict>(doc, kids.get(i)), depth + 1);
    const arr = deref<PDFArray>(doc, node.get(PDFName.of('Names')));
    if (arr)
      for (let i = 0; i + 1 < arr.size(); i += 2) {
        const name = text(deref(doc, arr.get(i)));
        if (name !== undefined) out.set(name, arr.get(i + 1));
      }
  };
  walk(tree, 0);
  return out;
}

/** An internal (GoTo) link annotation: the page it sits on (0-based), its target name and /Rect. */
export interface InternalLink {
  page: number;
  name: string;
  rect: [number, number, number, number];
}

/** Every internal link of the PDF, page by page in reading order. */
export function internalLinks(doc: PDFDocument, pageRefs: PDFRef[] = walkPageTree(doc)): InternalLink[] {
  const out: InternalLink[] = [];
  pageRefs.forEach((ref, i) => {
    const node = doc.context.lookup(ref, PDFDict);
    const annots = deref<PDFArray>(doc, node.get(PDFName.of('Annots')));
    if (!annots) return;
    for (let k = 0; k < annots.size(); k++) {
      const a = deref<PDFDict>(doc, annots.get(k));
      if (!(a instanceof PDFDict) || a.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      let dest = a.get(PDFName.of('Dest'));
      const action = deref<PDFDict>(doc, a.get(PDFName.of('A')));
      if (!dest && action instanceof PDFDict && action.get(PDFName.of('S')) === PDFName.of('GoTo')) dest = action.get(PDFName.of('D'));
      if (!dest) continue;
      const r = deref<PDFArray>(doc, a.get(PDFName.of('Rect')));
      const num = (j: number) => {
        const n = r && deref<PDFObject>(doc, r.get(j));
        return n instanceof PDFNumber ? n.asNumber() : 0;
      };
      out.push({ page: i, name: text(deref(doc, dest)) ?? '', rect: [num(0), num(1), num(2), num(3)] });
    }
  });
  return out;
}

/**
 * Anchor → page of a PDF printed by Chromium. Chromium writes every link target as a named
 * destination `[pageRef /XYZ left top zoom]`; the page ref is mapped to its index in the page tree.
 * `links: false`: the link annotations are not read (`linkPages` and `linksByPage` stay empty), which
 * in a lazily opened PDF (pdf-incremental.ts) leaves them unparsed.
 */
export function readAnchors(doc: PDFDocument, opts: { links?: boolean } = {}): PdfAnchors {
  const pageRefs = walkPageTree(doc);
  const index = new Map(pageRefs.map((r, i) => [r.toString(), i]));
  const resolveExplicit = (o: PDFObject | undefined): Omit<Dest, never> | undefined => {
    let v = deref<PDFObject>(doc, o);
    if (v instanceof PDFDict) v = deref(doc, v.get(PDFName.of('D')));
    if (!(v instanceof PDFArray) || v.size() < 1) return undefined;
    const ref = v.get(0);
    if (!(ref instanceof PDFRef)) return undefined;
    const page = index.get(ref.toString());
    if (page === undefined) return undefined;
    const num = (i: number) => {
      const n = deref<PDFObject>(doc, v.get(i));
      return n instanceof PDFNumber ? n.asNumber() : 0;
    };
    const kind = v.get(1);
    // /XYZ left top zoom; /FitH top; /Fit: top of the page
    const top = kind === PDFName.of('XYZ') ? num(3) : kind === PDFName.of('FitH') || kind === PDFName.of('FitBH') ? num(2) : Number.NaN;
    return { page, left: kind === PDFName.of('XYZ') ? num(2) : 0, top, ref };
  };
  const named = namedDestinations(doc);
  const dests = new Map<string, Dest>();
  for (const [name, v] of named) {
    const d = resolveExplicit(v);
    if (d) dests.set(name, d);
  }
  const linksByPage = new Map<number, string[]>();
  if (opts.links !== false) for (const l of internalLinks(doc, pageRefs)) linksByPage.set(l.page, [...(linksByPage.get(l.page) ?? []), l.name]);
  const linkPages = [...linksByPage.keys()];
  return { pageCount: pageRefs.length, pageRefs, dests, linkPages, linksByPage };
}

/**
 * Chromium's PDF as text without its creation and modification dates, the only bytes that vary
 * between two prints of the same HTML: what a build's document id and a part's identity are hashed from.
 */
export function withoutDates(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1').replace(/\/(CreationDate|ModDate)\s*\([^)]*\)/g, '');
}
