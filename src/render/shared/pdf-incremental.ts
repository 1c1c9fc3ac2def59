/**
 * A PDF Chromium printed, opened for reading and finishing without parsing or rewriting all of it.
 *
 * `PDFDocument.load` parses every object of the file (a tagged book of 85 pages: 2,700 objects, most
 * of them structure elements nobody looks at) and `save()` writes every one of them again. Here the
 * document's objects are parsed from the cross-reference table only when they are looked up, and
 * `save()` appends the objects that changed or were added as an incremental update (PDF 32000-1
 * 7.5.6: new objects, a cross-reference section for them and a trailer pointing back at the original
 * one). The original bytes stay as Chromium wrote them, except for the dates of a replaced document
 * information dictionary, which are overwritten with the new ones (same length) so that the file
 * does not depend on when it was printed.
 *
 * Only classic cross-reference tables are read this way (what Chromium writes, and this module's
 * own updates of such a file, each pointing back with /Prev: a patched book, print/patch.ts):
 * `openIncremental` returns undefined for anything else (cross-reference streams, hybrid files,
 * encryption), and the caller loads the file with `PDFDocument.load` instead.
 */
import { PDFContext, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectParser, PDFRef, PDFStream, PDFString, ParseSpeeds, type PDFObject } from './pdflib.js';

export interface IncrementalPdf {
  /** the document: objects parsed on first lookup */
  doc: PDFDocument;
  /** the original bytes with every change appended as one incremental update (fonts, images and pages embedded with pdf-lib's API written first) */
  save(): Promise<Uint8Array>;
  /** how many objects were parsed (for tests and timings) */
  parsed(): number;
}

interface Entry {
  offset: number;
  gen: number;
  /** where the next object (or the cross-reference table) starts: the object's bytes end before */
  end: number;
}

const latin1 = (b: Uint8Array, from: number, to: number) => Buffer.from(b.buffer, b.byteOffset + from, Math.max(0, to - from)).toString('latin1');

/** Offsets and generations of the objects in use (by object number), each object's end computed when asked for. */
class XrefEntries {
  constructor(
    private readonly offsets: Float64Array,
    private readonly gens: Uint16Array,
    /** every offset an object or table starts at, ascending */
    private readonly bounds: Float64Array,
    readonly max: number,
  ) {}
  has(num: number): boolean {
    return num >= 0 && num < this.offsets.length && this.offsets[num]! > 0;
  }
  get(num: number): Entry | undefined {
    if (!this.has(num)) return undefined;
    const offset = this.offsets[num]!;
    // the first bound after the offset
    let lo = 0;
    let hi = this.bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bounds[mid]! > offset) hi = mid;
      else lo = mid + 1;
    }
    return { offset, gen: this.gens[num]!, end: this.bounds[lo]! };
  }
}

/**
 * The classic cross-reference table at `startxref` and those of earlier updates it points back to
 * (`/Prev`: a file this module saved before), or undefined for anything else. The newest section's
 * entry of an object wins; each object's bytes end where the next object or table in the file begins.
 * Entries are read by their fixed layout (20 bytes: 10-digit offset, space, 5-digit generation, space,
 * n or f, two end-of-line bytes): a book's 90,000 entries in a few milliseconds.
 */
function readXref(bytes: Uint8Array): { entries: XrefEntries; trailerAt: number; xrefAt: number } | undefined {
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) return undefined;
  const xrefAt = Number(m[1]);
  const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d;
  const digits = (from: number, n: number) => {
    let v = 0;
    for (let i = from; i < from + n; i++) {
      const c = bytes[i]! - 0x30;
      if (c < 0 || c > 9) return -1;
      v = v * 10 + c;
    }
    return v;
  };
  let offsets = new Float64Array(1024);
  let gens = new Uint16Array(1024);
  /** 0: not seen yet; 1: seen (a newer section's entry, in use or free, wins) */
  let seen = new Uint8Array(1024);
  const grow = (n: number) => {
    if (n < offsets.length) return;
    const size = Math.max(n + 1, offsets.length * 2);
    const o = new Float64Array(size);
    o.set(offsets);
    offsets = o;
    const g = new Uint16Array(size);
    g.set(gens);
    gens = g;
    const s2 = new Uint8Array(size);
    s2.set(seen);
    seen = s2;
  };
  const bounds: number[] = [bytes.length];
  let max = 0;
  let trailerAt = -1;
  const head = /\s*(\d+)\s+(\d+)[ \t]*(?:\r\n|\r|\n)/y;
  for (let at = xrefAt, n = 0; at >= 0; n++) {
    if (!(at > 0 && at < bytes.length) || n > 1000) return undefined;
    if (latin1(bytes, at, at + 4) !== 'xref') return undefined; // a cross-reference stream
    bounds.push(at);
    let pos = at + 4;
    for (;;) {
      head.lastIndex = 0;
      const sub = head.exec(latin1(bytes, pos, Math.min(bytes.length, pos + 40)));
      if (!sub) break;
      const first = Number(sub[1]);
      const count = Number(sub[2]);
      pos += head.lastIndex;
      grow(first + count);
      for (let k = 0; k < count; k++, pos += 20) {
        const offset = digits(pos, 10);
        const gen = digits(pos + 11, 5);
        const kind = bytes[pos + 17];
        if (offset < 0 || gen < 0 || bytes[pos + 10] !== 0x20 || bytes[pos + 16] !== 0x20 || (kind !== 0x6e && kind !== 0x66) || !isSpace(bytes[pos + 18]) || !isSpace(bytes[pos + 19])) return undefined;
        const used = kind === 0x6e && offset > 0 && offset < bytes.length;
        if (used) bounds.push(offset);
        const num = first + k;
        if (seen[num]) continue;
        seen[num] = 1;
        if (used) {
          offsets[num] = offset;
          gens[num] = gen;
          if (num > max) max = num;
        }
      }
    }
    const trailer = /^\s*trailer\s*/.exec(latin1(bytes, pos, Math.min(bytes.length, pos + 64)));
    if (!trailer) return undefined;
    const tAt = pos + trailer[0].length;
    if (trailerAt < 0) trailerAt = tAt;
    // the trailer's own keys (the dictionary is parsed by the caller): an earlier section, or none
    const t = latin1(bytes, tAt, Math.min(bytes.length, tAt + 4096));
    const close = t.indexOf('>>');
    const dict = close >= 0 ? t.slice(0, close) : t;
    if (/\/(XRefStm|Encrypt)\b/.test(dict)) return undefined;
    const prev = /\/Prev\s+(\d+)/.exec(dict);
    at = prev ? Number(prev[1]) : -1;
  }
  return { entries: new XrefEntries(offsets, gens, Float64Array.from(bounds).sort(), max), trailerAt, xrefAt };
}

/** A map of the context's objects that parses an original object the first time it is asked for. */
class LazyObjects extends Map<PDFRef, PDFObject> {
  readonly deleted = new Set<PDFRef>();
  constructor(private readonly load: (ref: PDFRef) => PDFObject | undefined) {
    super();
  }
  override get(ref: PDFRef): PDFObject | undefined {
    const v = super.get(ref);
    if (v !== undefined || this.deleted.has(ref)) return v;
    const o = this.load(ref);
    if (o !== undefined) super.set(ref, o);
    return o;
  }
  override has(ref: PDFRef): boolean {
    return this.get(ref) !== undefined;
  }
  override delete(ref: PDFRef): boolean {
    this.deleted.add(ref);
    return super.delete(ref);
  }
  override set(ref: PDFRef, o: PDFObject): this {
    this.deleted.delete(ref);
    return super.set(ref, o);
  }
}

/** Per lazily opened document (by its context): its objects as peekObject reads them. */
const peekers = new WeakMap<PDFContext, (ref: PDFRef) => PDFObject | undefined>();

/**
 * An object to read and let go. A reference of a document opened lazily (openIncremental) whose object
 * has not been parsed yet is parsed on its own and not kept: it costs no snapshot (an object kept is
 * serialised when parsed, for save() to tell whether it changed; on a finished book, reading every link
 * annotation's rectangle that way took most of link-fragments.ts's time) and is parsed again if looked
 * up later. An object already parsed, made, or of any other document is the context's own. Changes to a
 * peeked object are lost: for reading only.
 */
export function peekObject(ctx: PDFContext, o: PDFObject | undefined): PDFObject | undefined {
  if (!(o instanceof PDFRef)) return o;
  const peek = peekers.get(ctx);
  return peek ? peek(o) : ctx.lookup(o);
}

/** What an object looked like when it was parsed: its serialisation (a stream: its dictionary and its bytes). */
function snapshot(o: PDFObject): { text: string; contents?: Uint8Array } {
  if (o instanceof PDFStream) return { text: o.dict.toString(), contents: (o as unknown as { contents?: Uint8Array }).contents };
  return { text: o.toString() };
}

function serialize(o: PDFObject): Uint8Array {
  const out = new Uint8Array(o.sizeInBytes());
  o.copyBytesInto(out, 0);
  return out;
}

/**
 * Open Chromium's PDF lazily; undefined when its structure is not a single classic cross-reference
 * table (then load it with `PDFDocument.load`).
 */
export function openIncremental(bytes: Uint8Array): IncrementalPdf | undefined {
  const xref = readXref(bytes);
  if (!xref) return undefined;
  const context = PDFContext.create();
  let parsedCount = 0;
  const snapshots = new Map<PDFRef, ReturnType<typeof snapshot>>();
  const parse = (ref: PDFRef, into: PDFContext): PDFObject | undefined => {
    const e = xref.entries.get(ref.objectNumber);
    if (!e || e.gen !== ref.generationNumber) return undefined;
    const head = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(latin1(bytes, e.offset, Math.min(e.end, e.offset + 40)));
    if (!head || Number(head[1]) !== ref.objectNumber) throw new Error(`pdf: object ${ref.objectNumber} is not at offset ${e.offset}`);
    return PDFObjectParser.forBytes(bytes.subarray(e.offset + head[0].length, e.end), into).parseObject();
  };
  const load = (ref: PDFRef): PDFObject | undefined => {
    const o = parse(ref, context);
    if (o === undefined) return undefined;
    parsedCount++;
    snapshots.set(ref, snapshot(o));
    return o;
  };
  const objects = new LazyObjects(load);
  (context as unknown as { indirectObjects: Map<PDFRef, PDFObject> }).indirectObjects = objects;
  // objects read and let go (peekObject): parsed into a context of their own, never kept nor snapshotted
  const scratch = PDFContext.create();
  peekers.set(context, (ref) => (Map.prototype.has.call(objects, ref) || objects.deleted.has(ref) ? objects.get(ref) : parse(ref, scratch)));

  const trailer = PDFObjectParser.forBytes(bytes.subarray(xref.trailerAt, bytes.length), context).parseObject();
  if (!(trailer instanceof PDFDict)) return undefined;
  // a hybrid file or encryption: not for this reader (earlier updates of classic tables are read above)
  if (trailer.has(PDFName.of('XRefStm')) || trailer.has(PDFName.of('Encrypt'))) return undefined;
  const size = trailer.get(PDFName.of('Size'));
  const root = trailer.get(PDFName.of('Root'));
  if (!(size instanceof PDFNumber) || !(root instanceof PDFRef)) return undefined;
  const info = trailer.get(PDFName.of('Info'));
  context.largestObjectNumber = Math.max(size.asNumber() - 1, xref.entries.max);
  context.trailerInfo = { Root: root, Info: info instanceof PDFRef ? info : undefined, ID: trailer.get(PDFName.of('ID')) };
  const originalInfo = info instanceof PDFRef ? info : undefined;
  const originalSize = size.asNumber();

  // the private constructor PDFDocument.load itself ends with (context, ignoreEncryption, updateMetadata)
  const Doc = PDFDocument as unknown as new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;
  const doc = new Doc(context, false, false);

  const save = async (): Promise<Uint8Array> => {
    await doc.flush();
    const changed: [PDFRef, PDFObject][] = [];
    for (const [ref, o] of Map.prototype.entries.call(objects) as IterableIterator<[PDFRef, PDFObject]>) {
      const before = snapshots.get(ref);
      if (before) {
        const now = snapshot(o);
        if (now.text === before.text && now.contents === before.contents) continue;
      }
      changed.push([ref, o]);
    }
    const freed = [...objects.deleted].filter((r) => xref.entries.has(r.objectNumber) && !Map.prototype.has.call(objects, r));
    changed.sort((a, b) => a[0].objectNumber - b[0].objectNumber);

    const original = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const parts: Uint8Array[] = [original];
    let pos = original.length;
    const push = (b: Uint8Array | string) => {
      const u = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
      parts.push(u);
      pos += u.length;
    };
    if (original[original.length - 1] !== 0x0a && original[original.length - 1] !== 0x0d) push('\n');
    const offsets = new Map<number, { offset: number; gen: number; free?: boolean }>();
    for (const [ref, o] of changed) {
      offsets.set(ref.objectNumber, { offset: pos, gen: ref.generationNumber });
      push(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
      push(serialize(o));
      push('\nendobj\n');
    }
    for (const r of freed) offsets.set(r.objectNumber, { offset: 0, gen: r.generationNumber + 1, free: true });
    const xrefAt = pos;
    const nums = [...offsets.keys()].sort((a, b) => a - b);
    let table = 'xref\n';
    for (let i = 0; i < nums.length; ) {
      let j = i;
      while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
      table += `${nums[i]} ${j - i + 1}\n`;
      for (let k = i; k <= j; k++) {
        const e = offsets.get(nums[k]!)!;
        table += `${String(e.offset).padStart(10, '0')} ${String(Math.min(e.gen, 65535)).padStart(5, '0')} ${e.free ? 'f' : 'n'}\r\n`;
      }
      i = j + 1;
    }
    const t = context.trailerInfo;
    const dict = PDFDict.withContext(context);
    dict.set(PDFName.of('Size'), PDFNumber.of(Math.max(originalSize, context.largestObjectNumber + 1)));
    dict.set(PDFName.of('Root'), t.Root as PDFObject);
    if (t.Info) dict.set(PDFName.of('Info'), t.Info as PDFObject);
    if (t.ID) dict.set(PDFName.of('ID'), t.ID as PDFObject);
    dict.set(PDFName.of('Prev'), PDFNumber.of(xref.xrefAt));
    push(`${table}trailer\n${dict.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`);

    const out = Buffer.concat(parts, pos);
    // the replaced information dictionary keeps Chromium's dates in the original bytes: overwrite them
    if (originalInfo && t.Info === originalInfo && offsets.has(originalInfo.objectNumber)) overwriteDates(out, xref.entries.get(originalInfo.objectNumber), context.lookup(originalInfo));
    return out;
  };
  return { doc, save, parsed: () => parsedCount };
}

/**
 * In the original information dictionary (bytes `e.offset`…`e.end` of `out`), every date literal
 * `(D:…)` takes the digits of the new dictionary's creation date, character for character: the
 * length does not change, so no offset moves.
 */
function overwriteDates(out: Uint8Array, e: Entry | undefined, info: PDFObject | undefined) {
  if (!e || !(info instanceof PDFDict)) return;
  const d = info.get(PDFName.of('CreationDate'));
  const date = d instanceof PDFString || d instanceof PDFHexString ? d.decodeDate() : undefined;
  if (!date) return;
  const p2 = (n: number) => String(n).padStart(2, '0');
  const digits = `${date.getUTCFullYear()}${p2(date.getUTCMonth() + 1)}${p2(date.getUTCDate())}${p2(date.getUTCHours())}${p2(date.getUTCMinutes())}${p2(date.getUTCSeconds())}`;
  const text = latin1(out, e.offset, e.end);
  for (const m of text.matchAll(/\(D:([^)]*)\)/g)) {
    const start = e.offset + m.index + 3;
    const value = m[1]!;
    // YYYYMMDDHHmmSS from the new date (UTC), then the time zone's digits: 0
    let k = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      const isDigit = c >= 0x30 && c <= 0x39;
      if (k < digits.length) {
        if (isDigit) out[start + i] = digits.charCodeAt(k++);
      } else if (isDigit) out[start + i] = 0x30;
      else if (c === 0x2d) out[start + i] = 0x2b; // -00'00' → +00'00'
    }
  }
}


/** A PDF to read and finish: lazily with an incremental save where the file allows it, else fully loaded and rewritten. */
export async function openPdf(bytes: Uint8Array): Promise<{ doc: PDFDocument; save(): Promise<Uint8Array>; incremental: boolean }> {
  const inc = openIncremental(bytes);
  if (inc) return { doc: inc.doc, save: inc.save, incremental: true };
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  return { doc, save: () => doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity }), incremental: false };
}
