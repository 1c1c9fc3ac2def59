/**
 * Finishing the printed PDF with pdf-lib: running heads and page numbers drawn in a subset of the
 * npm-shipped font (Chromium's headerTemplate cannot use web fonts: it would fall back to system
 * fonts, i.e. tofu on a machine without CJK fonts), page labels (roman front matter), the outline
 * (bookmarks) built from the anchor → page map, document metadata, fixed dates and document id.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
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
  type PDFPage,
} from './pdflib.js';
import { cmapCodePoints, fontMetrics, type FontMetrics } from '../../fonts/sfnt.js';
import { cachedSubset } from './font-subset.js';
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

/** A line break or tab in a title has no place in a running head: drawn as one space (other spaces, e.g. U+3000, stay). */
const oneLine = (s: string) => s.replace(/[\t\n\v\f\r\u2028\u2029]+/g, ' ');

/** A TrueType subset (harfbuzz, cached) of the npm font holding every character the stamps draw (and the ellipsis `fit` adds); fails on tofu. */
export async function stampFont(texts: string[], kind = 'serif', weight = 400): Promise<Uint8Array> {
  const chars = [...new Set(oneLine([...texts, '…'].join(' ')))].join('');
  // U+0020 is always in: it stands for any space the font has no glyph for
  // kept on disk by content (font, characters): a rebuild does not subset the 14 MB font again
  const { bytes } = await cachedSubset(chars, { kind, weight, format: 'truetype' });
  // the character map read directly (no font library loaded for it)
  const has = cmapCodePoints(bytes);
  // a space the font lacks is drawn as U+0020 (StampFace.shape)
  const missing = [...chars].filter((c) => !/\s/.test(c) && !has.has(c.codePointAt(0)!));
  if (missing.length) throw new PressbookError(`running heads: no glyph for ${missing.map((c) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(', ')} in the ${kind} ${weight} font`);
  return bytes;
}

type HarfBuzz = typeof import('harfbuzzjs');
let harfbuzz: Promise<HarfBuzz> | undefined;
/** harfbuzz (WebAssembly, tens of milliseconds to load; fontkit took several hundred), loaded once. */
const loadHarfBuzz = () => (harfbuzz ??= import('harfbuzzjs'));

/** One string shaped: the operand of TJ and its advance in thousandths of the font size. */
interface Shaped {
  tj: string;
  advance: number;
}

/**
 * The stamp font as pdf-lib cannot embed it: pdf-lib's Type0 font lists widths (/W) and the
 * ToUnicode map only for the glyphs the cmap reaches, while shaping (`locl`, `liga`, …) draws other
 * glyphs too — in Noto CJK a digit next to Latin letters becomes a `locl` variant — which then print
 * at the default width of 1000 (widely spaced) and copy as garbage. Here every string is shaped once
 * (harfbuzz, as Chromium shapes the body: the font's own substitutions and kerning), each glyph drawn
 * is remembered with the characters it stands for, and the font is embedded at the end with /W and
 * /ToUnicode for exactly the glyphs drawn (Identity-H, CID = glyph id).
 */
export class StampFace {
  private readonly metrics: FontMetrics;
  private readonly scale: number;
  private readonly used = new Map<number, { width: number; text: string }>();
  private readonly shaped = new Map<string, Shaped>();
  private doc?: PDFDocument;
  private fontRef?: PDFRef;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly hb: HarfBuzz,
    private readonly font: InstanceType<HarfBuzz['Font']>,
  ) {
    this.metrics = fontMetrics(bytes);
    this.scale = 1000 / this.metrics.unitsPerEm;
  }

  static async create(bytes: Uint8Array): Promise<StampFace> {
    const hb = await loadHarfBuzz();
    // harfbuzz keeps a view of the bytes: give it its own copy
    const face = new hb.Face(new hb.Blob(Uint8Array.from(bytes)));
    return new StampFace(bytes, hb, new hb.Font(face));
  }

  /** The document the font goes into (once): its reference is allocated there. */
  bind(doc: PDFDocument): PDFRef {
    if (this.doc && this.doc !== doc) throw new Error('a stamp face is bound to one document');
    this.doc = doc;
    return (this.fontRef ??= doc.context.nextRef());
  }

  get ref(): PDFRef {
    if (!this.fontRef) throw new Error('stamp face: bind(doc) first');
    return this.fontRef;
  }

  private hasGlyph(cp: number): boolean {
    return (this.font.glyph(cp) ?? 0) !== 0;
  }

  shape(text: string): Shaped {
    let s = this.shaped.get(text);
    if (s) return s;
    const t = text.replace(/\s/g, (c) => (this.hasGlyph(c.codePointAt(0)!) ? c : ' '));
    const buf = new this.hb.Buffer();
    buf.addText(t);
    buf.guessSegmentProperties();
    this.hb.shape(this.font, buf);
    const infos = buf.getGlyphInfos();
    const positions = buf.getGlyphPositions();
    // a cluster's characters: from its start (a UTF-16 index) to the next cluster's start
    const starts = [...new Set(infos.map((g) => g.cluster))].sort((a, b) => a - b);
    const clusterText = (c: number) => t.slice(c, starts[starts.indexOf(c) + 1] ?? t.length);
    const parts: string[] = [];
    let hex = '';
    let advance = 0;
    infos.forEach((g, i) => {
      const id = g.codepoint; // a glyph id after shaping
      const width = this.font.glyphHAdvance(id) * this.scale;
      // the first glyph of a cluster stands for its characters (a ligature: several), the others for none
      const first = i === 0 || infos[i - 1]!.cluster !== g.cluster;
      const known = this.used.get(id);
      if (!known || (!known.text && first)) this.used.set(id, { width, text: first ? clusterText(g.cluster) : '' });
      hex += id.toString(16).padStart(4, '0');
      const x = positions[i]!.xAdvance * this.scale;
      advance += x;
      // kerning and other positioning: TJ moves left by (number / 1000) em after the glyph
      const adjust = Math.round((width - x) * 1000) / 1000;
      if (adjust !== 0) {
        parts.push(`<${hex}>`, String(adjust));
        hex = '';
      }
    });
    if (hex || !parts.length) parts.push(`<${hex}>`);
    s = { tj: `[${parts.join(' ')}]`, advance };
    this.shaped.set(text, s);
    return s;
  }

  width(text: string, size: number): number {
    return (this.shape(text).advance * size) / 1000;
  }

  /** Write the font objects (after every string is shaped). */
  embed(): void {
    if (!this.used.size || !this.doc) return;
    const ctx = this.doc.context;
    const f = this.metrics;
    const sc = this.scale;
    const ids = [...this.used.keys()].sort((a, b) => a - b);
    // /W: runs of consecutive glyph ids, each `first [w w …]`
    const w = ctx.obj([]) as PDFArray;
    for (let k = 0; k < ids.length; ) {
      let j = k;
      while (j + 1 < ids.length && ids[j + 1] === ids[j]! + 1) j++;
      w.push(PDFNumber.of(ids[k]!));
      w.push(ctx.obj(ids.slice(k, j + 1).map((id) => Math.round(this.used.get(id)!.width * 1000) / 1000)));
      k = j + 1;
    }
    const tag = createHash('sha256').update(this.bytes).update(ids.join(',')).digest().subarray(0, 6);
    const name = `${[...tag].map((b) => String.fromCharCode(65 + (b % 26))).join('')}+${(f.postscriptName ?? 'Font').replace(/[^!-~]|[()<>[\]{}/%#]/g, '')}`;
    const cff = f.cff;
    // node's zlib, not pdf-lib's pako: several times faster on a font file
    const file = ctx.register(ctx.stream(deflateSync(this.bytes), { Filter: 'FlateDecode', ...(cff ? { Subtype: 'OpenType' } : { Length1: this.bytes.length }) }));
    const serif = f.familyClass >> 8 >= 1 && f.familyClass >> 8 <= 7;
    const flags = (f.isFixedPitch ? 1 : 0) | (serif ? 2 : 0) | 4 | (f.italicAngle ? 64 : 0);
    const descriptor = ctx.register(
      ctx.obj({
        Type: 'FontDescriptor',
        FontName: name,
        Flags: flags,
        FontBBox: [f.bbox.minX * sc, f.bbox.minY * sc, f.bbox.maxX * sc, f.bbox.maxY * sc].map((v) => Math.round(v)),
        ItalicAngle: f.italicAngle,
        Ascent: Math.round(f.ascent * sc),
        Descent: Math.round(f.descent * sc),
        CapHeight: Math.round((f.capHeight || f.ascent) * sc),
        XHeight: Math.round((f.xHeight || 0) * sc),
        StemV: 80,
        [cff ? 'FontFile3' : 'FontFile2']: file,
      }),
    );
    const cid = ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: cff ? 'CIDFontType0' : 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        ...(cff ? {} : { CIDToGIDMap: 'Identity' }),
        DW: 1000,
        W: w,
      }),
    );
    const toUnicode = ctx.register(ctx.stream(deflateSync(Buffer.from(toUnicodeCMap(ids.map((id) => [id, this.used.get(id)!.text] as const)), 'latin1')), { Filter: 'FlateDecode' }));
    ctx.assign(this.ref, ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cid], ToUnicode: toUnicode }));
  }
}

/** A ToUnicode CMap: glyph id (2 bytes) → UTF-16BE text, in blocks of at most 100 entries (PDF 32000 9.10.3). */
function toUnicodeCMap(entries: readonly (readonly [number, string])[]): string {
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  const utf16 = (s: string) => [...s].flatMap((c) => {
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? [hex4(0xd800 + ((cp - 0x10000) >> 10)), hex4(0xdc00 + ((cp - 0x10000) & 0x3ff))] : [hex4(cp)];
  }).join('');
  const mapped = entries.filter(([, t]) => t.length > 0);
  const blocks: string[] = [];
  for (let i = 0; i < mapped.length; i += 100) {
    const b = mapped.slice(i, i + 100);
    blocks.push(`${b.length} beginbfchar\n${b.map(([id, t]) => `<${hex4(id)}> <${utf16(t)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

function fit(face: StampFace, s: string, size: number, max: number): string {
  if (face.width(s, size) <= max) return s;
  const chars = [...s];
  while (chars.length > 1 && face.width(chars.join('') + '…', size) > max) chars.pop();
  return chars.join('') + '…';
}

/**
 * Draw running heads and folios; the drawing is marked as a pagination artifact (tagged PDF). Each
 * page gets one small uncompressed content stream written directly (pdf-lib's drawText would deflate
 * a stream per page, which on a book of 2,000 pages costs more than the drawing).
 */
export async function stampPages(
  doc: PDFDocument,
  stamps: PageStamp[],
  g: StampGeometry,
  font: Uint8Array | StampFace,
  /** only these pages, each with its index in the book (default: every page of the document) */
  only?: { page: PDFPage; index: number }[],
): Promise<void> {
  const face = font instanceof StampFace ? font : await StampFace.create(font);
  face.bind(doc);
  const n = (x: number) => (Math.round(x * 1000) / 1000).toString();
  const text = (key: string, tj: string, size: number, x: number, y: number, grey: number) =>
    `BT ${n(grey)} ${n(grey)} ${n(grey)} rg /${key} ${n(size)} Tf 1 0 0 1 ${n(x)} ${n(y)} Tm ${tj} TJ ET`;
  const pages = only ?? doc.getPages().map((page, index) => ({ page, index }));
  // content streams are ASCII: bytes made here (pdf-lib converts a string character by character)
  const ascii = (s: string) => doc.context.stream(Buffer.from(s, 'latin1'));
  const open = doc.context.register(ascii('q\n'));
  const close = doc.context.register(ascii('\nQ'));
  pages.forEach(({ page, index: i }) => {
    const s = stamps[i];
    const header = oneLine(s?.header ?? '').trim();
    const folio = oneLine(s?.folio ?? '').trim();
    if (!s || (!header && !folio)) return;
    const { width, height } = page.getSize();
    // bound on the right, a recto is a left-hand page: its inner margin, and its outer corner, swap sides
    const rightHand = (s.side === 'recto') !== (g.binding === 'right');
    const left = (rightHand ? g.inner : g.outer) * MM;
    const right = width - (rightHand ? g.outer : g.inner) * MM;
    const key = page.node.newFontDictionary('PbHead', face.ref).asString().slice(1);
    const ops: string[] = ['/Artifact BMC q'];
    if (header) {
      const size = 7.5;
      const h = fit(face, header, size, right - left);
      const w = face.width(h, size);
      ops.push(text(key, face.shape(h).tj, size, left + (right - left - w) / 2, height - g.top * MM * 0.55, 0.3));
    }
    if (folio) {
      const size = 8.5;
      const w = face.width(folio, size);
      const x = g.folio === 'center' ? left + (right - left - w) / 2 : rightHand ? right - w : left;
      ops.push(text(key, face.shape(folio).tj, size, x, g.bottom * MM * 0.45, 0.1));
    }
    ops.push('Q EMC');
    // the page's own drawing is isolated (q … Q), whatever graphics state it leaves
    page.node.wrapContentStreams(open, close);
    page.node.addContentStream(doc.context.register(ascii(ops.join('\n'))));
  });
  face.embed();
}

/** Shape every running head and folio of `stamps` ahead (e.g. while Chromium prints): stampPages then only draws. */
export function shapeStamps(face: StampFace, stamps: PageStamp[]): void {
  for (const s of stamps) {
    const header = oneLine(s.header ?? '').trim();
    const folio = oneLine(s.folio ?? '').trim();
    if (header) face.shape(header);
    if (folio) face.shape(folio);
  }
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
