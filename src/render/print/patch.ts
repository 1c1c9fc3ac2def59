/**
 * A rebuild after an edit inside some conferences, without printing or merging the whole book again:
 * the previous PDF is patched by an incremental update (PDF 32000-1 7.5.6).
 *
 * Every full build (pdf.ts) leaves a record beside its parts' cache (`<cacheDir>/<pdf name>.patch.json`):
 * the PDF's hash, a key of everything in the book but the conferences' own HTML (the front and back
 * matter, the head, each chunk with its conferences cut out, the link targets, the geometry, the
 * metadata), and per conference its HTML's hash, its pages and their object numbers, where each anchor
 * landed, the running heads and folios of every page, the outline's items, and its element of the tag
 * tree. A rebuild in which only conferences' HTML changed prints each of them alone (a conference
 * opens a page: `.event { break-before: page }`, so alone it breaks its lines and pages as it did in
 * its chunk), and when it kept its page count and every listed anchor kept its page (so no number in
 * the TOC or index and no later page moves), the previous PDF gets an update that
 *
 * - puts the new pages at the old pages' object numbers (outline, named destinations, links from the
 *   TOC and index and page labels elsewhere stay valid), moved sideways where a page lands on the
 *   other hand than Chromium laid it out for (mirrored margins, as merge.ts does),
 * - rewrites the named-destination table and the outline items of the anchors that moved on their page
 *   (or whose title changed), and draws the new pages' running heads and folios,
 * - replaces the conference's element of the tag tree by the new one and the structure parents of
 *   the old pages by those of the new (the parent tree rewritten),
 * - keeps the document's first id and gives it a new second one (PDF 32000-1 14.4).
 *
 * The new pages carry the font subsets Chromium embedded for them (and a running-head font of their
 * own): the old pages' subsets stay for the chunk's other pages. The replaced objects stay in the file,
 * unreferenced; after the appended updates reach half of the last full build's size, the next rebuild
 * is a full one. Anything else (no record, the PDF on disk not the recorded one, the matter or the
 * chunks' frame changed, a conference added or removed, a page count or an anchor's page changed, too
 * many conferences edited) returns the reason, and pdf.ts takes the full path, which writes a new record.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BookView } from '../shared/book-view.js';
import type { Locale } from '../shared/locale.js';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFPage, PDFRef, PDFStream, ParseSpeeds, type PDFObject } from '../shared/pdflib.js';
import { openIncremental } from '../shared/pdf-incremental.js';
import { deref, walkPageTree, withoutDates } from '../shared/pdf-read.js';
import { StampFace, stampPages, type OutlineEntry, type PageStamp, type StampGeometry } from '../shared/pdf-stamp.js';
import { writeFileAtomic } from '../../util/fs.js';
import { nextTurn } from '../../util/turns.js';
import { noteFileSha256 } from '../../util/file-hash.js';
import { stopwatch } from '../../util/stopwatch.js';
import { outline, stamps, type Chapter, type Layout } from './book-pages.js';
import { mergeParts, renumberer, type Merged } from './merge.js';
import { pageLabel } from './paginate.js';
import type { ChunkPlan } from './parts.js';
import { sha256Hex, sha256Of } from '../../util/hash.js';

const FORMAT = 1;
/** more conferences edited than this: the full path (it reprints their chunks) */
export const MAX_PATCHED_EVENTS = 8;
/** the updates appended since the last full build may add this share of its size; beyond, a full build */
const MAX_GROWTH = 0.5;

/** What pdf.ts knows of the book once its HTML is rendered (the same for the full path and a patch). */
export interface BookPlan {
  outFile: string;
  cacheDir?: string;
  /** code, fonts, print options (the parts' cache key base) */
  keyBase: string;
  /** the template's head before the fonts' CSS is put in (a subset of other characters prints the same) */
  head: string;
  front: string;
  back: string;
  tail: string;
  chunks: ChunkPlan[];
  /** each chunk's `<main>` as printed (paragraphs named) */
  mains: string[];
  targets: Set<string>;
  recto: Set<string>;
  paragraphs: Set<string>;
  view: BookView;
  locale: Locale;
  chapters: Chapter[];
  stampGeometry: StampGeometry;
  sideShift: number;
  hasCover: boolean;
  /** the document information (its date aside) */
  meta: unknown;
}

interface EventRecord {
  /** sha-256 of the conference's HTML */
  key: string;
  /** index of its first page, its page count (-1: not patchable) */
  first: number;
  count: number;
  /** its element of the tag tree, the parent element holding it, and the element's /S */
  art?: [number, number, string];
  /** ancestors of its element under the part's root element */
  depth: number;
}

interface Record {
  format: number;
  pdf: { sha256: string; size: number; baseSize: number };
  bookKey: string;
  pageCount: number;
  bodyStart: number;
  blankPages: number[];
  /** object number of each page (generation 0) */
  pageRefs: number[];
  events: { [anchor: string]: EventRecord };
  /** anchor, page, left, top (null: none), listed in the named-destination table (1) or not (0) */
  dests: [string, number, number, number | null, number][];
  /** running head and folio of each page */
  stamps: [string, string][];
  /** the outline's items in order: anchor (or null), title, object number */
  outline: [string | null, string, number][];
  tagged: boolean;
  /** for book.html: blank pages per part (front, chunks, back) and the front's page count */
  partBlanks: number[][];
  frontCount: number;
  /** the updates made since the last full build (the document's second id is derived from it) */
  chain: string;
}

export interface PatchResult {
  bytes: Uint8Array;
  /** the PDF's sha-256 */
  sha256: string;
  pages: number;
  /** conferences printed */
  events: string[];
  labels: Map<string, string>;
  pageIndex: Map<string, number>;
  tagged: boolean;
  partBlanks: number[][];
  frontCount: number;
  /** link annotations over no text left out of the reprinted pages (link-fragments.ts) */
  emptyLinks: number;
  timings: { [step: string]: number };
}

const recordFile = (plan: BookPlan) => (plan.cacheDir ? join(plan.cacheDir, `${basename(plan.outFile)}.patch.json`) : undefined);
const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : 0);

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

interface EventSpan {
  anchor: string;
  start: number;
  end: number;
}

/** Each conference of a chunk's `<main>`: its element's extent; undefined when one is not found. */
export function eventSpans(main: string, anchors: string[]): EventSpan[] | undefined {
  const out: EventSpan[] = [];
  let scanned = 0;
  for (const anchor of anchors) {
    const at = main.indexOf(` id="${anchor}"`, scanned);
    if (at < 0) return undefined;
    const start = main.lastIndexOf('<', at);
    const name = /^<([a-zA-Z][\w-]*)/.exec(main.slice(start, start + 64))?.[1];
    if (!name) return undefined;
    // its end: the matching end tag
    const re = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
    re.lastIndex = start;
    let depth = 0;
    let end = -1;
    for (let m = re.exec(main); m; m = re.exec(main)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) {
        end = m.index + m[0].length;
        break;
      }
    }
    if (end < 0) return undefined;
    out.push({ anchor, start, end });
    scanned = end;
  }
  return out;
}

/** The start tags of the elements open at `at` in `html`, outermost first. */
export function openAt(html: string, at: number): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  const tagRe = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)\b[^>]*>/g;
  for (let m = tagRe.exec(html); m && m.index < at; m = tagRe.exec(html)) {
    if (!m[2]) continue;
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const k = names.lastIndexOf(tag);
      if (k >= 0) {
        stack.length = k;
        names.length = k;
      }
    } else if (!VOID.has(tag) && !m[0].endsWith('/>')) {
      stack.push(m[0]);
      names.push(tag);
    }
  }
  return stack;
}

/** A conference alone: the elements around it (without their ids: those anchors are printed elsewhere), then it. */
export function eventAlone(main: string, s: EventSpan): string {
  const open = openAt(main, s.start);
  const names = open.map((t) => /^<([a-zA-Z][\w-]*)/.exec(t)![1]!);
  return open.map((t) => t.replace(/\sid="[^"]*"/, '')).join('') + main.slice(s.start, s.end) + names.reverse().map((n) => `</${n}>`).join('');
}

const chunkEvents = (c: ChunkPlan) => c.years.flatMap((y) => y.events.map((e) => e.anchor));

/** The key of everything but the conferences' own HTML, and each conference's span and key. */
function analyse(plan: BookPlan) {
  const events = new Map<string, { chunk: number; span: EventSpan; key: string }>();
  const skeletons: string[] = [];
  let ok = true;
  plan.mains.forEach((main, k) => {
    const spans = eventSpans(main, chunkEvents(plan.chunks[k]!));
    if (!spans) {
      ok = false;
      skeletons.push(main);
      return;
    }
    let sk = '';
    let last = 0;
    for (const s of spans) {
      events.set(s.anchor, { chunk: k, span: s, key: sha256Of(main.slice(s.start, s.end)) });
      sk += main.slice(last, s.start) + `<!--pb-event:${s.anchor}-->`;
      last = s.end;
    }
    skeletons.push(sk + main.slice(last));
  });
  const bookKey = sha256Of(
    String(FORMAT),
    plan.keyBase,
    plan.head,
    plan.front,
    plan.back,
    plan.tail,
    JSON.stringify(plan.chunks.map((c) => c.name)),
    ...skeletons,
    // what is linked to (a paragraph's id aside: each is in its conference's HTML)
    JSON.stringify([...plan.targets].filter((t) => !plan.paragraphs.has(t)).sort()),
    JSON.stringify([...plan.recto]),
    JSON.stringify([plan.stampGeometry, plan.sideShift, plan.hasCover, plan.meta]),
  );
  return { events, bookKey, ok };
}

function layoutOf(pageCount: number, bodyStart: number, blankPages: Iterable<number>, pages: Map<string, number>): Layout {
  return { pages, pageCount, blankPages: new Set(blankPages), bodyStart, label: (i) => pageLabel(i, bodyStart) };
}

const stampPair = (s: PageStamp): [string, string] => [s.header ?? '', s.folio ?? ''];

/** The outline entries in order, each with the anchor its destination came from. */
function flatOutline(plan: BookPlan, dest: (anchor: string) => OutlineEntry['dest']): { anchor: string | null; entry: OutlineEntry }[] {
  const anchorOf = new WeakMap<object, string>();
  const entries = outline(
    plan.view,
    (a) => {
      const d = dest(a);
      if (d) anchorOf.set(d, a);
      return d;
    },
    plan.locale,
    plan.chunks.length > 1,
  );
  const out: { anchor: string | null; entry: OutlineEntry }[] = [];
  const walk = (xs: OutlineEntry[]) => {
    for (const e of xs) {
      out.push({ anchor: e.dest ? anchorOf.get(e.dest) ?? null : null, entry: e });
      walk(e.children);
    }
  };
  walk(entries);
  return out;
}

/** Element children of a structure element (references only; undefined when one is direct or a kid is content). */
function elementKids(ctx: PDFDocument['context'], el: PDFDict): { refs: PDFRef[]; arr?: PDFArray } {
  const k = el.get(PDFName.of('K'));
  const v = deref<PDFObject>(ctx, k);
  const list = v instanceof PDFArray ? v.asArray() : v ? [k!] : [];
  const refs: PDFRef[] = [];
  for (const x of list) {
    const o = deref<PDFObject>(ctx, x);
    if (o instanceof PDFDict && o.get(PDFName.of('S')) && x instanceof PDFRef) refs.push(x);
  }
  return { refs, arr: v instanceof PDFArray ? v : undefined };
}

/** The first page (by its reference) any marked content of a structure element is on. */
function firstPg(ctx: PDFDocument['context'], el: PDFDict, depth = 0): PDFRef | undefined {
  if (depth > 64) return undefined;
  const pg = el.get(PDFName.of('Pg'));
  if (pg instanceof PDFRef) return pg;
  const v = deref<PDFObject>(ctx, el.get(PDFName.of('K')));
  const list = v instanceof PDFArray ? v.asArray() : v ? [v] : [];
  for (const x of list) {
    const o = deref<PDFObject>(ctx, x);
    if (o instanceof PDFDict) {
      const p = firstPg(ctx, o, depth + 1);
      if (p) return p;
    }
  }
  return undefined;
}

/**
 * After a full build: the record of the PDF just written. `doc` is the merged document (as saved),
 * `merged` what mergeParts returned for the parts front, body chunks…, back.
 */
export function recordBuild(
  plan: BookPlan,
  x: { pdf: Uint8Array; doc: PDFDocument; merged: Merged; layout: Layout; stamps: PageStamp[]; partBlanks: number[][]; frontCount: number },
): string | undefined {
  const file = recordFile(plan);
  if (!file) return undefined;
  const pdfSha = sha256Hex(x.pdf);
  try {
    mkdirSync(dirname(file), { recursive: true });
    record(plan, x, file, pdfSha);
  } catch {
    // the build stands; the next one takes the full path (no record)
    rmSync(file, { force: true });
  }
  return pdfSha;
}

function record(
  plan: BookPlan,
  x: { pdf: Uint8Array; doc: PDFDocument; merged: Merged; layout: Layout; stamps: PageStamp[]; partBlanks: number[][]; frontCount: number },
  file: string,
  pdfSha: string,
): void {
  const { doc, merged, layout } = x;
  const ctx = doc.context;
  const a = analyse(plan);
  const pageRefs = walkPageTree(doc);
  if (!a.ok || pageRefs.some((r) => r.generationNumber !== 0)) {
    writeFileAtomic(file, JSON.stringify({ format: FORMAT, pdf: { sha256: '' } }));
    return;
  }
  const pageOf = new Map(pageRefs.map((r, i) => [r.objectNumber, i]));
  // the tag tree: each chunk's root element, down to the conferences' elements
  const root = deref<PDFDict>(ctx, doc.catalog.get(PDFName.of('StructTreeRoot')));
  const rootKids = root ? deref<PDFArray>(ctx, root.get(PDFName.of('K'))) : undefined;
  const events: Record['events'] = {};
  plan.chunks.forEach((c, k) => {
    const anchors = chunkEvents(c);
    const part = k + 1;
    const pages = merged.pageIndex[part]!;
    const end = pages.length ? pages[pages.length - 1]! + 1 : 0;
    const spans = a.events;
    // the parent of the conferences' elements: as deep under the chunk's root element as the HTML's elements around them
    let container: PDFRef | undefined;
    let kids: PDFRef[] = [];
    const firstSpan = spans.get(anchors[0]!)?.span;
    const depth = firstSpan ? openAt(plan.mains[k]!, firstSpan.start).length : -1;
    if (merged.tagged && rootKids && depth >= 0 && merged.structStart[part + 1] === merged.structStart[part]! + 1) {
      // the part's root element, then one element per element of the HTML around the conferences
      let el: PDFObject | undefined = rootKids.get(merged.structStart[part]!);
      for (let d = 0; d < depth && el instanceof PDFRef; d++) {
        const kd: PDFRef[] = elementKids(ctx, ctx.lookup(el, PDFDict)).refs;
        el = kd.length === 1 ? kd[0] : undefined;
      }
      if (el instanceof PDFRef) {
        const kd = elementKids(ctx, ctx.lookup(el, PDFDict)).refs;
        if (kd.length >= anchors.length) {
          container = el;
          kids = kd.slice(kd.length - anchors.length);
        }
      }
    }
    anchors.forEach((anchor, i) => {
      const first = merged.dests.get(anchor)?.page ?? -1;
      const next = i + 1 < anchors.length ? merged.dests.get(anchors[i + 1]!)?.page ?? -1 : end;
      let count = first >= 0 && next > first ? next - first : -1;
      for (let p = first; count > 0 && p < next; p++) if (layout.blankPages.has(p)) count = -1;
      const rec: EventRecord = { key: spans.get(anchor)!.key, first, count, depth };
      const artRef = kids.length === anchors.length ? kids[i] : undefined;
      if (container && artRef) {
        const art = ctx.lookup(artRef, PDFDict);
        const pg = firstPg(ctx, art);
        const s = art.get(PDFName.of('S'));
        // the element found must hold content of this conference's pages
        const at = pg ? pageOf.get(pg.objectNumber) : undefined;
        if (at !== undefined && at >= first && at < first + count && s instanceof PDFName) rec.art = [artRef.objectNumber, container.objectNumber, s.asString()];
      }
      events[anchor] = rec;
    });
  });
  const dests: Record['dests'] = [...merged.dests].map(([n, d]) => [n, d.page, round(d.left), Number.isFinite(d.top) ? round(d.top) : null, plan.paragraphs.has(n) ? 0 : 1]);
  // the outline items, in the order setOutline wrote them (depth first)
  const items: number[] = [];
  const walk = (first: PDFObject | undefined, depth: number) => {
    for (let r = first; r instanceof PDFRef && depth < 64; ) {
      items.push(r.objectNumber);
      const d = ctx.lookup(r, PDFDict);
      walk(d.get(PDFName.of('First')), depth + 1);
      r = d.get(PDFName.of('Next'));
    }
  };
  const ol = deref<PDFDict>(ctx, doc.catalog.get(PDFName.of('Outlines')));
  if (ol) walk(ol.get(PDFName.of('First')), 0);
  const at = new Map(dests.map((d) => [d[0], d]));
  const flat = flatOutline(plan, (anchor) => {
    const d = at.get(anchor);
    return d ? { ref: pageRefs[d[1]]!, left: d[2], top: d[3] ?? 10_000 } : undefined;
  });
  const rec: Record = {
    format: FORMAT,
    pdf: { sha256: pdfSha, size: x.pdf.length, baseSize: x.pdf.length },
    bookKey: a.bookKey,
    pageCount: layout.pageCount,
    bodyStart: layout.bodyStart,
    blankPages: [...layout.blankPages],
    pageRefs: pageRefs.map((r) => r.objectNumber),
    events,
    dests,
    stamps: x.stamps.map(stampPair),
    outline: flat.length === items.length ? flat.map((f, i) => [f.anchor, f.entry.title, items[i]!]) : [],
    tagged: merged.tagged,
    partBlanks: x.partBlanks,
    frontCount: x.frontCount,
    chain: pdfSha,
  };
  writeFileAtomic(file, JSON.stringify(rec));
}

export interface PatchHooks {
  /** the part's HTML file as printed (head, probes, cross links) */
  partHtml: (body: string) => { html: string; probes: Set<string> };
  /** one tagged print */
  print: (name: string, html: string) => Promise<Uint8Array>;
  /** the running heads' font (the full build's subset) */
  stampFont: () => Promise<Uint8Array>;
  /** the book's metadata date */
  date: Date;
}

/** Patch the previous PDF for the conferences whose HTML changed; a string: why not (the full path follows). */
export async function patchPrevious(plan: BookPlan, hooks: PatchHooks): Promise<PatchResult | string> {
  try {
    return await patch(plan, hooks);
  } catch (e) {
    // nothing is written before the end: the full path starts from the previous build as it was
    return `the patch failed: ${e instanceof Error ? e.message : String(e)}`;
  }
}

async function patch(plan: BookPlan, hooks: PatchHooks): Promise<PatchResult | string> {
  const { timings, lap } = stopwatch();
  const file = recordFile(plan);
  if (!file || !existsSync(file)) return 'no record of a previous build';
  let rec: Record;
  try {
    rec = JSON.parse(readFileSync(file, 'utf8')) as Record;
  } catch {
    return 'the record of the previous build is unreadable';
  }
  if (rec.format !== FORMAT || !rec.pdf?.sha256) return 'no usable record of the previous build';
  const a = analyse(plan);
  if (!a.ok || a.bookKey !== rec.bookKey) return 'more than conferences changed';
  const changed = [...a.events].filter(([anchor, e]) => rec.events[anchor]?.key !== e.key);
  if ([...a.events.keys()].length !== Object.keys(rec.events).length) return 'conferences added or removed';
  if (changed.length > MAX_PATCHED_EVENTS) return `${changed.length} conferences changed`;
  for (const [anchor] of changed) {
    const r = rec.events[anchor];
    if (!r || r.count <= 0 || (rec.tagged && !r.art)) return `${anchor} cannot be replaced on its own`;
  }
  if (!existsSync(plan.outFile)) return 'no previous PDF';
  const destMap = new Map(rec.dests.map((d) => [d[0], d]));
  const pagesOf = () => new Map([...destMap.values()].map((d) => [d[0], d[1]]));
  lap('check');

  // 1. each changed conference printed alone (two at a time), from here on: the previous PDF is checked meanwhile
  const printed = new Map<string, { doc: PDFDocument; probes: Set<string>; bytes: Uint8Array }>();
  const queue = [...changed];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const [anchor, e] = c;
      const part = hooks.partHtml(eventAlone(plan.mains[e.chunk]!, e.span));
      const bytes = await hooks.print(`event-${anchor}`, part.html);
      printed.set(anchor, { doc: await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }), probes: part.probes, bytes });
    }
  };
  const printing = Promise.all([worker(), worker()]);
  printing.catch(() => undefined);
  // while Chromium prints: the previous PDF checked, the running heads' font readied, the PDF opened and
  // what the update rewrites parsed (a turn of the event loop between steps, for the print's messages to the browser)
  /** a reason to take the full path, once the prints under way are done */
  const bail = async (why: string) => {
    await printing.catch(() => undefined);
    return why;
  };
  await nextTurn();
  const old = readFileSync(plan.outFile);
  if (old.length !== rec.pdf.size) return bail('the PDF on disk is not the recorded one');
  if (old.length > rec.pdf.baseSize * (1 + MAX_GROWTH)) return bail('the updates appended since the last full build are too big');
  await nextTurn();
  const oldSha = sha256Hex(old);
  await nextTurn();
  // the running heads and folios of the pages not replaced must stay as they are
  const replaced = new Set<number>();
  for (const [anchor] of changed) for (let p = rec.events[anchor]!.first; p < rec.events[anchor]!.first + rec.events[anchor]!.count; p++) replaced.add(p);
  const before = stamps(layoutOf(rec.pageCount, rec.bodyStart, rec.blankPages, pagesOf()), plan.chapters, plan.hasCover);
  for (let i = 0; i < rec.pageCount; i++) {
    if (replaced.has(i)) continue;
    const [h, f] = stampPair(before[i]!);
    if (h !== rec.stamps[i]?.[0] || f !== rec.stamps[i]?.[1]) return bail(`the running head of page ${i + 1} changed`);
  }
  if (oldSha !== rec.pdf.sha256) return bail('the PDF on disk is not the recorded one');
  lap('checkPdf');
  if (!changed.length) {
    const pageIndex = pagesOf();
    const layout = layoutOf(rec.pageCount, rec.bodyStart, rec.blankPages, pageIndex);
    return { bytes: old, sha256: rec.pdf.sha256, pages: rec.pageCount, events: [], emptyLinks: 0, labels: new Map([...pageIndex].map(([k, p]) => [k, layout.label(p)])), pageIndex, tagged: rec.tagged, partBlanks: rec.partBlanks, frontCount: rec.frontCount, timings };
  }
  const face = hooks.stampFont().then((b) => StampFace.create(b));
  face.catch(() => undefined);
  await nextTurn();
  const inc = openIncremental(old);
  if (!inc) return bail('the previous PDF cannot be updated in place');
  const doc = inc.doc;
  const ctx = doc.context;
  const pageRef = (i: number) => PDFRef.of(rec.pageRefs[i]!, 0);
  await nextTurn();
  const structRoot = rec.tagged ? deref<PDFDict>(ctx, doc.catalog.get(PDFName.of('StructTreeRoot'))) : undefined;
  const parentTree = structRoot ? deref<PDFDict>(ctx, structRoot.get(PDFName.of('ParentTree'))) : undefined;
  const parentNums = parentTree ? deref<PDFArray>(ctx, parentTree.get(PDFName.of('Nums'))) : undefined;
  if (rec.tagged && (!structRoot || !parentNums || parentTree!.has(PDFName.of('Kids')))) return bail('the tag tree is not as recorded');
  await nextTurn();
  const destsRef = doc.catalog.get(PDFName.of('Dests'));
  // the old pages, and where their conferences' elements sit in the tag tree
  for (const [anchor] of changed) {
    const r = rec.events[anchor]!;
    for (let i = 0; i < r.count; i++) ctx.lookup(pageRef(r.first + i));
    if (r.art) ctx.lookup(PDFRef.of(r.art[1], 0));
  }
  await printing;
  lap('printEvents');

  // 2. each merged on its own at its place in the book (side shift, cross links by name): same pages, same listed anchors' pages?
  const listed = (n: string) => !plan.paragraphs.has(n);
  const known = (n: string) => destMap.get(n)?.[4] === 1;
  const scratch = new Map<string, Merged>();
  for (const [anchor] of changed) {
    const r = rec.events[anchor]!;
    const p = printed.get(anchor)!;
    if (p.doc.getPageCount() !== r.count) return `${anchor}: ${p.doc.getPageCount()} pages instead of ${r.count}`;
    const m = await mergeParts([{ doc: p.doc, probes: p.probes, blanksBefore: [] }], { sideShift: plan.sideShift, unlisted: (n) => !listed(n), firstIndex: r.first, known });
    if (m.unresolved.length) return `${anchor}: links to anchors printed nowhere`;
    const inRange = (pg: number) => pg >= r.first && pg < r.first + r.count;
    const oldListed = [...destMap.values()].filter((d) => d[4] === 1 && inRange(d[1]));
    const newListed = [...m.dests].filter(([n]) => listed(n));
    if (oldListed.length !== newListed.length) return `${anchor}: anchors added or removed`;
    for (const [n, d] of newListed) if (destMap.get(n)?.[1] !== d.page || !inRange(d.page)) return `${anchor}: ${n} moved to another page`;
    scratch.set(anchor, m);
  }
  lap('mergeEvents');

  // 3. the update
  let nextKey = structRoot ? (deref<PDFNumber>(ctx, structRoot.get(PDFName.of('ParentTreeNextKey')))?.asNumber() ?? 0) : 0;
  const dropKeys = new Set<number>();
  const addPairs: [number, PDFObject][] = [];
  const newPages: { page: PDFPage; index: number }[] = [];
  for (const [anchor, m] of scratch) {
    const r = rec.events[anchor]!;
    const sdoc = m.doc;
    const sctx = sdoc.context;
    const spages = walkPageTree(sdoc);
    // the old pages: their structure parents go
    const oldLeaves = spages.map((_, i) => ctx.lookup(pageRef(r.first + i), PDFDict));
    for (const leaf of oldLeaves) {
      const sp = deref<PDFNumber>(ctx, leaf.get(PDFName.of('StructParents')));
      if (sp instanceof PDFNumber) dropKeys.add(sp.asNumber());
      const annots = deref<PDFArray>(ctx, leaf.get(PDFName.of('Annots')));
      for (let k = 0; annots && k < annots.size(); k++) {
        const an = deref<PDFDict>(ctx, annots.get(k));
        const asp = an instanceof PDFDict ? deref<PDFNumber>(ctx, an.get(PDFName.of('StructParent'))) : undefined;
        if (asp instanceof PDFNumber) dropKeys.add(asp.asNumber());
      }
    }
    // what of the scratch document stays behind: catalog, page tree, destination table, structure root and
    // parent tree, and the elements around the conference's own
    const skip = new Set<number>();
    const skipRef = (o: PDFObject | undefined) => o instanceof PDFRef && skip.add(o.objectNumber);
    skipRef(sctx.trailerInfo.Root as PDFObject | undefined);
    skipRef(sctx.trailerInfo.Info as PDFObject | undefined);
    skipRef(sdoc.catalog.get(PDFName.of('Dests')));
    const sRootRef = sdoc.catalog.get(PDFName.of('StructTreeRoot'));
    skipRef(sRootRef);
    const sRoot = deref<PDFDict>(sctx, sRootRef);
    let artRef: PDFRef | undefined;
    let sNums: PDFArray | undefined;
    let sNext = 0;
    if (rec.tagged) {
      if (!(sRoot instanceof PDFDict) || !m.tagged) return `${anchor}: printed without tags`;
      skipRef(sRoot.get(PDFName.of('ParentTree')));
      sNums = deref<PDFArray>(sctx, deref<PDFDict>(sctx, sRoot.get(PDFName.of('ParentTree')))?.get(PDFName.of('Nums')));
      sNext = deref<PDFNumber>(sctx, sRoot.get(PDFName.of('ParentTreeNextKey')))?.asNumber() ?? 0;
      const top = deref<PDFArray>(sctx, sRoot.get(PDFName.of('K')));
      let el: PDFObject | undefined = top?.size() === 1 ? top.get(0) : undefined;
      // the root element and the elements around the conference's, each the only one in its parent
      for (let d = 0; d <= r.depth && el instanceof PDFRef; d++) {
        skip.add(el.objectNumber);
        const kd = elementKids(sctx, sctx.lookup(el, PDFDict)).refs;
        el = kd.length === 1 ? kd[0] : undefined;
      }
      const s = el instanceof PDFRef ? sctx.lookup(el, PDFDict).get(PDFName.of('S')) : undefined;
      if (!(el instanceof PDFRef) || !(s instanceof PDFName) || s.asString() !== r.art![2]) return `${anchor}: its element of the tag tree is not found`;
      artRef = el;
    }
    for (const [ref, o] of sctx.enumerateIndirectObjects()) if (o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Pages')) skip.add(ref.objectNumber);
    // the rest moves into the book under new numbers, the pages under the old pages' numbers
    const pageNum = new Map(spages.map((p, i) => [p.objectNumber, pageRef(r.first + i)]));
    const { map, remap, objects } = renumberer(ctx, sctx, (ref) => pageNum.get(ref.objectNumber));
    // structure parents after those of the book
    for (const p of spages) {
      const leaf = sctx.lookup(p, PDFDict);
      const sp = deref<PDFNumber>(sctx, leaf.get(PDFName.of('StructParents')));
      if (sp instanceof PDFNumber) leaf.set(PDFName.of('StructParents'), PDFNumber.of(sp.asNumber() + nextKey));
      const annots = deref<PDFArray>(sctx, leaf.get(PDFName.of('Annots')));
      for (let k = 0; annots && k < annots.size(); k++) {
        const an = deref<PDFDict>(sctx, annots.get(k));
        const asp = an instanceof PDFDict ? deref<PDFNumber>(sctx, an.get(PDFName.of('StructParent'))) : undefined;
        if (asp instanceof PDFNumber) an!.set(PDFName.of('StructParent'), PDFNumber.of(asp.asNumber() + nextKey));
      }
    }
    const pairs: [number, PDFObject][] = [];
    for (let i = 0; sNums && i + 1 < sNums.size(); i += 2) pairs.push([(deref<PDFNumber>(sctx, sNums.get(i))?.asNumber() ?? 0) + nextKey, sNums.get(i + 1)]);
    for (const [ref, o] of objects) if (!skip.has(ref.objectNumber)) ctx.assign(map(ref), remap(o));
    for (const [k, v] of pairs) addPairs.push([k, remap(v)]);
    nextKey += sNext;
    spages.forEach((p, i) => {
      const leaf = ctx.lookup(map(p), PDFDict);
      leaf.set(PDFName.of('Parent'), oldLeaves[i]!.get(PDFName.of('Parent'))!);
      newPages.push({ page: PDFPage.of(leaf as never, map(p), doc), index: r.first + i });
    });
    // the conference's element of the tag tree replaced
    if (artRef && r.art) {
      const container = ctx.lookup(PDFRef.of(r.art[1], 0), PDFDict);
      const kids = deref<PDFArray>(ctx, container.get(PDFName.of('K')));
      const oldArt = PDFRef.of(r.art[0], 0);
      let k = -1;
      for (let i = 0; kids && i < kids.size(); i++) if (kids.get(i) === oldArt) k = i;
      if (!kids || k < 0) return `${anchor}: its element of the tag tree is not where it was recorded`;
      // a kids array that is an object of its own is rewritten as such
      kids.set(k, map(artRef));
      const kRef = container.get(PDFName.of('K'));
      if (kRef instanceof PDFRef) ctx.assign(kRef, kids);
      ctx.lookup(map(artRef), PDFDict).set(PDFName.of('P'), PDFRef.of(r.art[1], 0));
      r.art = [map(artRef).objectNumber, r.art[1], r.art[2]];
    }
    // where the anchors landed now
    for (const [n, d] of [...destMap]) if (d[1] >= r.first && d[1] < r.first + r.count) destMap.delete(n);
    for (const [n, d] of m.dests) destMap.set(n, [n, d.page, round(d.left), Number.isFinite(d.top) ? round(d.top) : null, listed(n) ? 1 : 0]);
    r.key = a.events.get(anchor)!.key;
  }
  if (parentTree && parentNums) {
    const nums = ctx.obj([]) as PDFArray;
    for (let i = 0; i + 1 < parentNums.size(); i += 2) {
      const key = deref<PDFNumber>(ctx, parentNums.get(i))?.asNumber();
      if (key === undefined || dropKeys.has(key)) continue;
      nums.push(parentNums.get(i));
      nums.push(parentNums.get(i + 1));
    }
    for (const [k, v] of addPairs.sort((x, y) => x[0] - y[0])) {
      nums.push(PDFNumber.of(k));
      nums.push(v);
    }
    parentTree.set(PDFName.of('Nums'), nums);
    structRoot!.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(nextKey));
  }
  lap('replace');

  // 4. running heads and folios of the new pages
  const pageIndex = pagesOf();
  const layout = layoutOf(rec.pageCount, rec.bodyStart, rec.blankPages, pageIndex);
  const now = stamps(layout, plan.chapters, plan.hasCover);
  await stampPages(doc, now, plan.stampGeometry, await face, newPages);
  lap('stamp');

  // 5. named destinations and the outline items whose place or title changed
  const table = ctx.obj({}) as PDFDict;
  for (const d of [...destMap.values()].filter((x) => x[4] === 1).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)))
    table.set(PDFName.of(d[0]), ctx.obj([pageRef(d[1]), PDFName.of('XYZ'), PDFNumber.of(d[2]), PDFNumber.of(d[3] ?? 0), PDFNumber.of(0)]));
  if (destsRef instanceof PDFRef) ctx.assign(destsRef, table);
  else doc.catalog.set(PDFName.of('Dests'), ctx.register(table));
  const flat = flatOutline(plan, (anchor) => {
    const d = destMap.get(anchor);
    return d ? { ref: pageRef(d[1]), left: d[2], top: d[3] ?? 10_000 } : undefined;
  });
  if (flat.length !== rec.outline.length || flat.some((f, i) => f.anchor !== rec.outline[i]![0])) return 'the outline changed';
  const oldDests = new Map(rec.dests.map((d) => [d[0], d]));
  flat.forEach((f, i) => {
    const [anchor, title, num] = rec.outline[i]!;
    const o = anchor ? oldDests.get(anchor) : undefined;
    const n = anchor ? destMap.get(anchor) : undefined;
    const moved = !!n && (!o || o[1] !== n[1] || o[2] !== n[2] || o[3] !== n[3]);
    if (title === f.entry.title && !moved) return;
    const item = ctx.lookup(PDFRef.of(num, 0), PDFDict);
    item.set(PDFName.of('Title'), PDFHexString.fromText(f.entry.title));
    if (f.entry.dest)
      item.set(PDFName.of('Dest'), ctx.obj([f.entry.dest.ref, PDFName.of('XYZ'), PDFNumber.of(round(f.entry.dest.left)), PDFNumber.of(round(f.entry.dest.top)), PDFNumber.of(0)]));
    rec.outline[i] = [anchor, f.entry.title, num];
  });
  // 6. the document's ids: the first kept, the second new (PDF 32000-1 14.4); the modification date
  const chain = sha256Of(rec.chain, ...[...printed.values()].map((p) => sha256Of(withoutDates(p.bytes))));
  const id = deref<PDFArray>(ctx, ctx.trailerInfo.ID as PDFObject | undefined);
  const first = id instanceof PDFArray && id.size() > 0 ? id.get(0) : PDFHexString.of(chain.slice(0, 32).toUpperCase());
  ctx.trailerInfo.ID = ctx.obj([first, PDFHexString.of(chain.slice(0, 32).toUpperCase())]);
  doc.setModificationDate(hooks.date);
  const bytes = await inc.save();
  lap('save');

  writeFileAtomic(plan.outFile, bytes);
  const newSha = sha256Hex(bytes);
  noteFileSha256(plan.outFile, newSha);
  const next: Record = {
    ...rec,
    pdf: { sha256: newSha, size: bytes.length, baseSize: rec.pdf.baseSize },
    dests: [...destMap.values()],
    stamps: now.map(stampPair),
    chain,
  };
  writeFileAtomic(file, JSON.stringify(next));
  lap('write');
  return {
    bytes,
    sha256: newSha,
    pages: rec.pageCount,
    events: changed.map(([x]) => x),
    labels: new Map([...pageIndex].map(([k, p]) => [k, layout.label(p)])),
    pageIndex,
    tagged: rec.tagged,
    partBlanks: rec.partBlanks,
    frontCount: rec.frontCount,
    emptyLinks: [...scratch.values()].reduce((n, m) => n + m.emptyLinks, 0),
    timings,
  };
}
