/**
 * Merging separately printed parts of the book into one PDF with pdf-lib: pages in order with blank
 * pages where a chapter must open on a right-hand page, one named-destination table for the whole
 * book, links between parts (printed as marker URLs, see parts.ts) turned into internal links, the
 * probe links removed with the links over no text (shared/link-fragments.ts), and the parts' tagged
 * structure joined under one StructTreeRoot (the
 * parent-tree keys of each part shifted past those of the parts before it).
 *
 * Each part keeps the font subsets Chromium embedded for it: a font appears once per part that uses
 * it, each copy holding only that part's glyphs.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFPage,
  PDFPageLeaf,
  PDFStream,
  PDFRef,
  PDFString,
  PDFHexString,
  type PDFObject,
  type PDFContext,
} from '../shared/pdflib.js';
import { deref, numberTree, walkPageTree, namedDestinations } from '../shared/pdf-read.js';
import { crossTarget } from './parts.js';
import { dropEmptyLinkFragments } from '../shared/link-fragments.js';

export interface PartInput {
  doc: PDFDocument;
  /** anchors of the part's probe links (1 px: removed with the empty link fragments, not counted as such) */
  probes: Set<string>;
  /** local page indexes before which a blank page goes (a page index equal to the page count: after the last page) */
  blanksBefore: number[];
}

export interface MergeOptions {
  /**
   * Chromium lays out a part's first page as a right-hand page (`@page :right`), whatever its place in
   * the book. A page that lands on the other side than it was printed for is moved sideways by this many
   * points (printed right-hand, placed left-hand: +shift; the reverse: -shift), its links and
   * destinations with it, so that the inner margin is on the binding side (mirrored margins).
   */
  sideShift?: number;
  /** destinations found (returned in `dests`) but left out of the book's named-destination table */
  unlisted?: (name: string) => boolean;
  /** the index the first page gets in the book (default 0): parts merged on their own to replace pages of a book (patch.ts) */
  firstIndex?: number;
  /** named destinations of the book outside these parts: cross-part links to them stay (by name) */
  known?: (name: string) => boolean;
}

export interface MergedDest {
  page: number;
  ref: PDFRef;
  left: number;
  top: number;
}

export interface Merged {
  doc: PDFDocument;
  dests: Map<string, MergedDest>;
  blankPages: Set<number>;
  /** index of each part's first page in the merged document */
  partStart: number[];
  /** per part, the index of each of its pages in the merged document */
  pageIndex: number[][];
  /** per part, the index of its first root element in the structure root's /K */
  structStart: number[];
  /** cross-part links that found no anchor anywhere in the book */
  unresolved: string[];
  /** the parts were all tagged and their structure trees were joined */
  tagged: boolean;
  /** link annotations over no text that were left out (link-fragments.ts), probes not counted */
  emptyLinks: number;
}

function num(ctx: PDFDocument['context'], o: PDFObject | undefined): number {
  const v = deref<PDFObject>(ctx, o);
  return v instanceof PDFNumber ? v.asNumber() : Number.NaN;
}

/** The named destination of a link annotation (its /Dest name or string). */
function destName(ctx: PDFDocument['context'], a: PDFDict): string | undefined {
  const dest = deref<PDFObject>(ctx, a.get(PDFName.of('Dest')));
  return dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : undefined;
}

/** Chromium's /XYZ destination array → page ref, left, top */
function explicitDest(ctx: PDFDocument['context'], o: PDFObject | undefined): { ref: PDFRef; left: number; top: number } | undefined {
  let v = deref<PDFObject>(ctx, o);
  if (v instanceof PDFDict) v = deref(ctx, v.get(PDFName.of('D')));
  if (!(v instanceof PDFArray) || v.size() < 1) return undefined;
  const ref = v.get(0);
  if (!(ref instanceof PDFRef)) return undefined;
  const kind = v.get(1);
  const xyz = kind === PDFName.of('XYZ');
  return { ref, left: xyz ? num(ctx, v.get(2)) || 0 : 0, top: xyz ? num(ctx, v.get(3)) : Number.NaN };
}

export function mergeParts(parts: PartInput[], opts: MergeOptions = {}): Promise<Merged> {
  return PDFDocument.create({ updateMetadata: false }).then((out) => merge(out, parts, opts));
}

function merge(out: PDFDocument, parts: PartInput[], opts: MergeOptions): Merged {
  const ctx = out.context;
  const shift = opts.sideShift ?? 0;
  // the page's drawing moved sideways: two shared streams around its content (q cm … Q)
  const shiftStreams = new Map<number, [PDFRef, PDFRef]>();
  const shiftPage = (leaf: PDFPageLeaf, dx: number) => {
    let s = shiftStreams.get(dx);
    if (!s) {
      const ascii = (t: string) => ctx.register(ctx.stream(Buffer.from(t, 'latin1')));
      shiftStreams.set(dx, (s = [ascii(`q 1 0 0 1 ${round(dx)} 0 cm\n`), ascii('\nQ')]));
    }
    // Chromium writes a page's /Contents as one stream, which wrapContentStreams leaves as it is (it
    // wraps an array only, and says so by returning false): made an array first
    const contents = leaf.get(PDFName.of('Contents'));
    if (!contents) return; // nothing drawn
    if (!(deref<PDFObject>(ctx, contents) instanceof PDFArray)) leaf.set(PDFName.of('Contents'), ctx.obj([contents]));
    leaf.wrapContentStreams(s[0], s[1]);
  };
  const shiftRect = (a: PDFDict, dx: number) => {
    for (const key of ['Rect', 'QuadPoints']) {
      const r = deref<PDFArray>(ctx, a.get(PDFName.of(key)));
      if (!(r instanceof PDFArray)) continue;
      const moved = ctx.obj([]) as PDFArray;
      for (let i = 0; i < r.size(); i++) moved.push(PDFNumber.of(i % 2 === 0 ? round(num(ctx, r.get(i)) + dx) : num(ctx, r.get(i))));
      a.set(PDFName.of(key), moved);
    }
  };
  const dests = new Map<string, MergedDest>();
  const blankPages = new Set<number>();
  const partStart: number[] = [];
  const unresolved: string[] = [];
  const crossLinks: { annot: PDFDict }[] = [];
  const newRoot = ctx.nextRef();
  const structKids: PDFObject[] = [];
  const parentNums: [number, PDFObject][] = [];
  const roleMap = new Map<string, PDFObject>();
  let parentOffset = 0;
  let tagged = parts.length > 0;
  let index = opts.firstIndex ?? 0;
  let emptyLinks = 0;
  const pageIndex: number[][] = [];
  const structStart: number[] = [];
  const addBlank = (w: number, h: number) => {
    out.addPage([w, h]);
    blankPages.add(index++);
  };
  for (const part of parts) {
    const src = part.doc;
    const sctx = src.context;
    const pageRefs = walkPageTree(src);
    // Chromium's link slivers over no text go, and with them the part's probes (1 px links to its anchors)
    emptyLinks += dropEmptyLinkFragments(src, pageRefs).filter((a) => !part.probes.has(destName(sctx, a) ?? '')).length;
    // the part's objects move into the book under new numbers (no copy): its catalog, page tree,
    // destination table and structure root stay behind, rebuilt for the whole book below
    const srcRoot = src.catalog.get(PDFName.of('StructTreeRoot'));
    const rootDict = deref<PDFDict>(sctx, srcRoot);
    const skip = new Set<string>();
    const skipRef = (o: PDFObject | undefined) => o instanceof PDFRef && skip.add(o.toString());
    skipRef(sctx.trailerInfo.Root);
    skipRef(sctx.trailerInfo.Info);
    skipRef(src.catalog.get(PDFName.of('Dests')));
    skipRef(src.catalog.get(PDFName.of('Names')));
    skipRef(src.catalog.get(PDFName.of('Outlines')));
    if (srcRoot instanceof PDFRef) skip.add(srcRoot.toString());
    if (rootDict instanceof PDFDict) skipRef(rootDict.get(PDFName.of('ParentTree')));
    // a page holds what it inherits from the page tree (which is not moved)
    const inheritable = PDFPageLeaf.InheritableEntries.map((k) => PDFName.of(k));
    for (const r of pageRefs) {
      const leaf = sctx.lookup(r, PDFDict) as PDFPageLeaf;
      for (const k of inheritable) {
        const v = leaf.getInheritableAttribute(k);
        if (!leaf.get(k) && v) leaf.set(k, v);
      }
      leaf.delete(PDFName.of('Parent'));
    }
    for (const [r, o] of sctx.enumerateIndirectObjects()) if (o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Pages')) skip.add(r.toString());
    const { map, remap, objects } = renumberer(ctx, sctx, (r) => (srcRoot instanceof PDFRef && r === srcRoot ? newRoot : undefined));
    // what is read from the part before its references change
    const srcIndex = new Map(pageRefs.map((r, i) => [r.toString(), i]));
    const partDests: [string, { local: number; left: number; top: number }][] = [];
    for (const [name, v] of namedDestinations(src)) {
      const d = explicitDest(sctx, v);
      const local = d ? srcIndex.get(d.ref.toString()) : undefined;
      if (d && local !== undefined) partDests.push([name, { local, left: d.left, top: d.top }]);
    }
    const structK = rootDict instanceof PDFDict ? rootDict.get(PDFName.of('K')) : undefined;
    const structKv = deref<PDFObject>(sctx, structK);
    const pairs = rootDict instanceof PDFDict ? numberTree(sctx, deref<PDFDict>(sctx, rootDict.get(PDFName.of('ParentTree')))) : [];
    const nextKey = rootDict instanceof PDFDict ? num(sctx, rootDict.get(PDFName.of('ParentTreeNextKey'))) : Number.NaN;
    const roles = rootDict instanceof PDFDict ? deref<PDFDict>(sctx, rootDict.get(PDFName.of('RoleMap'))) : undefined;
    for (const [r, o] of objects) if (!skip.has(r.toString())) ctx.assign(map(r), remap(o));
    const newRefs = pageRefs.map(map);
    const copier = { copy: (o: PDFObject) => remap(o) };
    const blanks = [...part.blanksBefore].sort((a, b) => a - b);
    partStart.push(index + blanks.filter((b) => b === 0).length);
    const localToGlobal: number[] = [];
    const pageShift: number[] = [];
    let lastSize: [number, number] = [419.53, 595.28];
    pageRefs.forEach((_r, i) => {
      const copied = ctx.lookup(newRefs[i]!, PDFDict) as PDFPageLeaf;
      const page = PDFPage.of(copied, newRefs[i]!, out);
      const size = page.getSize();
      lastSize = [size.width, size.height];
      for (const b of blanks) if (b === i) addBlank(size.width, size.height);
      out.addPage(page);
      // printed as a right-hand page when its local index is even; placed as one when its index in the book is
      const dx = shift && i % 2 !== index % 2 ? (i % 2 === 0 ? shift : -shift) : 0;
      pageShift.push(dx);
      if (dx) shiftPage(copied, dx);
      localToGlobal.push(index++);
      // structure parents of this part come after those of the parts before
      const sp = num(ctx, copied.get(PDFName.of('StructParents')));
      if (Number.isFinite(sp)) copied.set(PDFName.of('StructParents'), PDFNumber.of(sp + parentOffset));
      const annots = deref<PDFArray>(ctx, copied.get(PDFName.of('Annots')));
      if (!annots) return;
      const keep: PDFObject[] = [];
      for (let k = 0; k < annots.size(); k++) {
        const a = deref<PDFDict>(ctx, annots.get(k));
        if (!(a instanceof PDFDict)) {
          keep.push(annots.get(k));
          continue;
        }
        const asp = num(ctx, a.get(PDFName.of('StructParent')));
        if (Number.isFinite(asp)) a.set(PDFName.of('StructParent'), PDFNumber.of(asp + parentOffset));
        if (dx) shiftRect(a, dx);
        const action = deref<PDFDict>(ctx, a.get(PDFName.of('A')));
        const uri = action instanceof PDFDict ? deref<PDFObject>(ctx, action.get(PDFName.of('URI'))) : undefined;
        if (uri instanceof PDFString || uri instanceof PDFHexString) {
          const target = crossTarget(uri.decodeText());
          if (target !== undefined) {
            a.set(PDFName.of('Dest'), PDFString.of(target));
            a.delete(PDFName.of('A'));
            crossLinks.push({ annot: a });
          }
        }
        keep.push(annots.get(k));
      }
      copied.set(PDFName.of('Annots'), ctx.obj(keep));
    });
    for (const b of blanks) if (b >= pageRefs.length) addBlank(...lastSize);
    pageIndex.push(localToGlobal);
    structStart.push(structKids.length);
    // named destinations, on the moved pages
    for (const [name, d] of partDests) if (!dests.has(name)) dests.set(name, { page: localToGlobal[d.local]!, ref: newRefs[d.local]!, left: d.left + pageShift[d.local]!, top: d.top });
    // the tagged structure: the part's root elements under the book's root, parent tree shifted
    if (rootDict instanceof PDFDict) {
      if (structK instanceof PDFRef && structKv instanceof PDFArray) for (let i = 0; i < structKv.size(); i++) structKids.push(structKv.get(i)); // moved: renumbered already
      else if (structK instanceof PDFRef) structKids.push(map(structK));
      else if (structKv instanceof PDFArray) for (let i = 0; i < structKv.size(); i++) structKids.push(copier.copy(structKv.get(i)));
      else if (structK) structKids.push(copier.copy(structK));
      let max = -1;
      for (const [key, v] of pairs) {
        parentNums.push([key + parentOffset, copier.copy(v)]);
        max = Math.max(max, key);
      }
      if (roles instanceof PDFDict) for (const [rk, rv] of roles.entries()) roleMap.set(rk.asString(), copier.copy(rv));
      parentOffset += Math.max(Number.isFinite(nextKey) ? nextKey : 0, max + 1);
    } else tagged = false;
  }
  // cross-part links: internal links to the book's destinations
  for (const { annot } of crossLinks) {
    const d = deref<PDFObject>(ctx, annot.get(PDFName.of('Dest')));
    const name = d instanceof PDFString ? d.decodeText() : '';
    if (dests.has(name) || opts.known?.(name)) annot.set(PDFName.of('Dest'), PDFName.of(name));
    else {
      unresolved.push(name);
      annot.delete(PDFName.of('Dest'));
    }
  }
  // one named-destination table for the whole book
  const table = ctx.obj({}) as PDFDict;
  for (const [name, d] of [...dests].filter(([n]) => !opts.unlisted?.(n)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    table.set(PDFName.of(name), ctx.obj([d.ref, PDFName.of('XYZ'), PDFNumber.of(round(d.left)), PDFNumber.of(Number.isFinite(d.top) ? round(d.top) : 0), PDFNumber.of(0)]));
  out.catalog.set(PDFName.of('Dests'), ctx.register(table));
  if (tagged) {
    // each part's structure parents, one after the other: keys ascending
    parentNums.sort((a, b) => a[0] - b[0]);
    const nums = ctx.obj([]) as PDFArray;
    for (const [k, v] of parentNums) {
      nums.push(PDFNumber.of(k));
      nums.push(v);
    }
    const rootDict = ctx.obj({ Type: 'StructTreeRoot' }) as PDFDict;
    rootDict.set(PDFName.of('K'), ctx.obj(structKids));
    rootDict.set(PDFName.of('ParentTree'), ctx.register(ctx.obj({ Nums: nums })));
    rootDict.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(parentOffset));
    if (roleMap.size) {
      const rm = ctx.obj({}) as PDFDict;
      for (const [k, v] of roleMap) rm.set(PDFName.of(k.replace(/^\//, '')), v);
      rootDict.set(PDFName.of('RoleMap'), rm);
    }
    ctx.assign(newRoot, rootDict);
    out.catalog.set(PDFName.of('StructTreeRoot'), newRoot);
    out.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  }
  return { doc: out, dests, blankPages, partStart, pageIndex, structStart, unresolved, tagged, emptyLinks };
}


/**
 * Objects of `sctx` moved into `ctx`: each object number gets a fresh number in a range reserved at once
 * (after the largest of `ctx`), unless `fixed` names its new reference; `remap` rewrites an object's
 * references in place (a direct object reached twice is renumbered once) and hands it to `ctx`;
 * `objects`: those of `sctx`, as they were.
 */
export function renumberer(ctx: PDFContext, sctx: PDFContext, fixed: (r: PDFRef) => PDFRef | undefined = () => undefined) {
  const base = ctx.largestObjectNumber + 1;
  let maxOld = 0;
  const objects = sctx.enumerateIndirectObjects();
  for (const [r] of objects) maxOld = Math.max(maxOld, r.objectNumber);
  ctx.largestObjectNumber = base + maxOld; // the range is reserved before any new object is made
  const map = (r: PDFRef): PDFRef => fixed(r) ?? PDFRef.of(base + r.objectNumber, r.generationNumber);
  const done = new WeakSet<PDFObject>();
  const remap = (o: PDFObject): PDFObject => {
    if (o instanceof PDFRef) return map(o);
    if (done.has(o)) return o;
    done.add(o);
    // pdf-lib's dictionaries and arrays look references up in the context they hold: the book's now
    if (o instanceof PDFDict || o instanceof PDFArray) (o as unknown as { context: PDFContext }).context = ctx;
    if (o instanceof PDFDict) {
      for (const [k, v] of o.entries()) if (v instanceof PDFRef || v instanceof PDFDict || v instanceof PDFArray) o.set(k, remap(v));
    } else if (o instanceof PDFArray) {
      for (let i = 0; i < o.size(); i++) {
        const v = o.get(i);
        if (v instanceof PDFRef || v instanceof PDFDict || v instanceof PDFArray) o.set(i, remap(v));
      }
    } else if (o instanceof PDFStream) remap(o.dict);
    return o;
  };
  return { map, remap, objects };
}

function round(n: number) {
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : 0;
}
