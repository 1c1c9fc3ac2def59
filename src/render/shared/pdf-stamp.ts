/**
 * Finishing the printed PDF with pdf-lib: running heads and page numbers drawn in a subset of the
 * npm-shipped font (Chromium's headerTemplate cannot use web fonts: it would fall back to system
 * fonts, i.e. tofu on a machine without CJK fonts), page labels (roman front matter), the outline
 * (bookmarks) built from the anchor → page map, document metadata, fixed dates and document id.
 */
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  ReadingDirection,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { subsetTtf } from '../../fonts/ttf.js';
import { PressbookError } from '../../errors.js';

export interface StampSpec {
  /** header text for page i (0-based), or '' for none */
  header: (i: number) => string;
  /** footer (page number) text for page i, or '' for none */
  footer: (i: number) => string;
}

/** What to draw on one page. */
export interface PageStamp {
  header?: string;
  folio?: string;
  /** right-hand pages have even indexes */
  side: 'recto' | 'verso';
}

/** Page margins in mm (inner = binding side) and where the folio goes. */
export interface StampGeometry {
  top: number;
  bottom: number;
  inner: number;
  outer: number;
  folio: 'outer' | 'center';
  /** the binding edge: left (default), or right for a vertical (right-to-left) book, whose recto is a left-hand page */
  binding?: 'left' | 'right';
}

const MM = 72 / 25.4;

/** A TrueType subset of the npm font holding every character the stamps draw; fails on tofu. */
export async function stampFont(texts: string[], kind = 'serif', weight = 400): Promise<Uint8Array> {
  const chars = [...new Set(texts.join('').replace(/\s/g, ''))].join('') || '0';
  const bytes = await subsetTtf(chars, kind, weight);
  const font = fontkit.create(bytes) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
  const missing = [...chars].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
  if (missing.length) throw new PressbookError(`running heads: no glyph for ${missing.map((c) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(', ')} in the ${kind} ${weight} font`);
  return bytes;
}

/**
 * The same few strings (a chapter's running head, the folios' digits) are drawn on hundreds of
 * pages: their glyph layout (fontkit) is done once per string instead of once per page.
 */
function memoize(font: PDFFont): void {
  const enc = font.encodeText.bind(font);
  const width = font.widthOfTextAtSize.bind(font);
  const encoded = new Map<string, ReturnType<PDFFont['encodeText']>>();
  const widths = new Map<string, number>();
  font.encodeText = (t: string) => {
    let e = encoded.get(t);
    if (!e) encoded.set(t, (e = enc(t)));
    return e;
  };
  font.widthOfTextAtSize = (t: string, size: number) => {
    const k = `${size}\u0000${t}`;
    let w = widths.get(k);
    if (w === undefined) widths.set(k, (w = width(t, size)));
    return w;
  };
}

function fit(font: PDFFont, s: string, size: number, max: number): string {
  if (font.widthOfTextAtSize(s, size) <= max) return s;
  const chars = [...s];
  while (chars.length > 1 && font.widthOfTextAtSize(chars.join('') + '…', size) > max) chars.pop();
  return chars.join('') + '…';
}

/**
 * Draw running heads and folios; the drawing is marked as a pagination artifact (tagged PDF). Each
 * page gets one small uncompressed content stream written directly (pdf-lib's drawText would deflate
 * a stream per page, which on a book of 2,000 pages costs more than the drawing).
 */
export async function stampPages(doc: PDFDocument, stamps: PageStamp[], g: StampGeometry, fontBytes: Uint8Array): Promise<void> {
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: false });
  memoize(font);
  const n = (x: number) => (Math.round(x * 1000) / 1000).toString();
  const text = (key: string, hex: string, size: number, x: number, y: number, grey: number) =>
    `BT ${n(grey)} ${n(grey)} ${n(grey)} rg /${key} ${n(size)} Tf 1 0 0 1 ${n(x)} ${n(y)} Tm ${hex} Tj ET`;
  const pages = doc.getPages();
  const open = doc.context.register(doc.context.stream('q\n'));
  const close = doc.context.register(doc.context.stream('\nQ'));
  pages.forEach((page: PDFPage, i) => {
    const s = stamps[i];
    if (!s || (!s.header && !s.folio)) return;
    const { width, height } = page.getSize();
    // bound on the right, a recto is a left-hand page: its inner margin, and its outer corner, swap sides
    const rightHand = (s.side === 'recto') !== (g.binding === 'right');
    const left = (rightHand ? g.inner : g.outer) * MM;
    const right = width - (rightHand ? g.outer : g.inner) * MM;
    const key = page.node.newFontDictionary(font.name, font.ref).asString().slice(1);
    const ops: string[] = ['/Artifact BMC q'];
    if (s.header) {
      const size = 7.5;
      const h = fit(font, s.header, size, right - left);
      const w = font.widthOfTextAtSize(h, size);
      ops.push(text(key, font.encodeText(h).toString(), size, left + (right - left - w) / 2, height - g.top * MM * 0.55, 0.3));
    }
    if (s.folio) {
      const size = 8.5;
      const w = font.widthOfTextAtSize(s.folio, size);
      const x = g.folio === 'center' ? left + (right - left - w) / 2 : rightHand ? right - w : left;
      ops.push(text(key, font.encodeText(s.folio).toString(), size, x, g.bottom * MM * 0.45, 0.1));
    }
    ops.push('Q EMC');
    // the page's own drawing is isolated (q … Q), whatever graphics state it leaves
    page.node.wrapContentStreams(open, close);
    page.node.addContentStream(doc.context.register(doc.context.stream(ops.join('\n'))));
  });
}

/** Older, simple interface: one header and footer text per page, centred. */
export async function stampPdf(bytes: Uint8Array, spec: StampSpec, fixedDate?: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const n = doc.getPageCount();
  const stamps: PageStamp[] = Array.from({ length: n }, (_, i) => ({ header: spec.header(i), folio: spec.footer(i), side: i % 2 ? 'verso' : 'recto' }));
  const font = await stampFont(stamps.flatMap((s) => [s.header ?? '', s.folio ?? '']));
  await stampPages(doc, stamps, { top: 18, bottom: 18, inner: 15, outer: 15, folio: 'center' }, font);
  if (fixedDate) {
    doc.setCreationDate(fixedDate);
    doc.setModificationDate(fixedDate);
  }
  doc.setProducer('pressbook (Chromium + pdf-lib)');
  doc.setCreator('pressbook');
  return doc.save({ useObjectStreams: false });
}

/** /PageLabels: roman (lower case) before `bodyStart`, arabic from 1 at `bodyStart`. */
export function setPageLabels(doc: PDFDocument, bodyStart: number): void {
  const ctx = doc.context;
  const nums: (number | PDFDict)[] = [];
  if (bodyStart > 0) nums.push(0, ctx.obj({ S: 'r' }));
  nums.push(bodyStart, ctx.obj({ S: 'D' }));
  const arr = ctx.obj([]);
  for (const n of nums) arr.push(typeof n === 'number' ? PDFNumber.of(n) : n);
  doc.catalog.set(PDFName.of('PageLabels'), ctx.register(ctx.obj({ Nums: arr })));
}

/** An outline entry; `dest` is [page, left, top] or undefined for a heading-only entry. */
export interface OutlineEntry {
  title: string;
  dest?: { ref: PDFRef; left: number; top: number };
  children: OutlineEntry[];
  /** shown expanded */
  open?: boolean;
}

/** Replace the document outline (bookmarks) with `entries`. */
export function setOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const build = (items: OutlineEntry[], parent: PDFRef): { first?: PDFRef; last?: PDFRef; count: number } => {
    const refs = items.map(() => ctx.nextRef());
    let visible = 0;
    items.forEach((it, k) => {
      const ref = refs[k]!;
      const d = ctx.obj({}) as PDFDict;
      d.set(PDFName.of('Title'), PDFHexString.fromText(it.title));
      d.set(PDFName.of('Parent'), parent);
      if (k > 0) d.set(PDFName.of('Prev'), refs[k - 1]!);
      if (k < refs.length - 1) d.set(PDFName.of('Next'), refs[k + 1]!);
      if (it.dest) {
        const arr = ctx.obj([]) as PDFArray;
        arr.push(it.dest.ref);
        arr.push(PDFName.of('XYZ'));
        arr.push(PDFNumber.of(round(it.dest.left)));
        arr.push(PDFNumber.of(round(it.dest.top)));
        arr.push(PDFNumber.of(0));
        d.set(PDFName.of('Dest'), arr);
      }
      const kids = build(it.children, ref);
      if (kids.first && kids.last) {
        d.set(PDFName.of('First'), kids.first);
        d.set(PDFName.of('Last'), kids.last);
        d.set(PDFName.of('Count'), PDFNumber.of(it.open ? kids.count : -kids.count));
      }
      visible += 1 + (it.open ? kids.count : 0);
      ctx.assign(ref, d);
    });
    return { first: refs[0], last: refs[refs.length - 1], count: visible };
  };
  const top = build(entries, rootRef);
  const root = ctx.obj({ Type: 'Outlines' }) as PDFDict;
  if (top.first && top.last) {
    root.set(PDFName.of('First'), top.first);
    root.set(PDFName.of('Last'), top.last);
    root.set(PDFName.of('Count'), PDFNumber.of(top.count));
  }
  ctx.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function round(n: number) {
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : 0;
}

export interface DocMeta {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  language: string;
  date: Date;
  /** stable input for the document id (e.g. the book id) */
  idSeed: string;
}

/** Info dictionary, /Lang, viewer preferences, fixed dates and a document id derived from content. */
export function setMetadata(doc: PDFDocument, m: DocMeta, contentHash: string): void {
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  if (m.author) doc.setAuthor(m.author);
  if (m.subject) doc.setSubject(m.subject);
  if (m.keywords?.length) doc.setKeywords(m.keywords);
  doc.setLanguage(m.language);
  doc.setCreator('pressbook');
  doc.setProducer('pressbook (Chromium + pdf-lib)');
  doc.setCreationDate(m.date);
  doc.setModificationDate(m.date);
  const id = createHash('sha256').update(m.idSeed).update('\0').update(contentHash).digest('hex').slice(0, 32);
  const hex = PDFHexString.of(id.toUpperCase());
  doc.context.trailerInfo.ID = doc.context.obj([hex, hex]);
  void PDFString;
}

/**
 * A book read right to left (a vertical edition): `/ViewerPreferences << /Direction /R2L >>`, so viewers
 * lay spreads out with the first page on the right, as the book is bound. Left-to-right: nothing set.
 */
export function setReadingDirection(doc: PDFDocument, direction: 'L2R' | 'R2L'): void {
  if (direction === 'R2L') doc.catalog.getOrCreateViewerPreferences().setReadingDirection(ReadingDirection.R2L);
}
