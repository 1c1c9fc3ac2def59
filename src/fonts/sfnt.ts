/**
 * What the print path reads of a TrueType/OpenType font straight from its tables: the characters it
 * has a glyph for (`cmap`) and the metrics a PDF font descriptor lists. No font library is loaded
 * for it (fontkit takes longer to load than Chromium takes to print a small book).
 */

/** The table directory: tag → offset of each table. */
function tables(font: Uint8Array): Map<string, number> {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const out = new Map<string, number>();
  const numTables = v.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const r = 12 + i * 16;
    out.set(String.fromCharCode(font[r]!, font[r + 1]!, font[r + 2]!, font[r + 3]!), v.getUint32(r + 8));
  }
  return out;
}

/** The metrics of a font descriptor (font units), read as fontkit reads them. */
export interface FontMetrics {
  unitsPerEm: number;
  postscriptName: string | null;
  /** hhea ascender and descender */
  ascent: number;
  descent: number;
  /** OS/2 (version 2 and later), else 0 */
  capHeight: number;
  xHeight: number;
  /** degrees (post) */
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  /** CFF outlines (else TrueType) */
  cff: boolean;
  isFixedPitch: boolean;
  /** OS/2 sFamilyClass (class in the high byte) */
  familyClass: number;
}

export function fontMetrics(font: Uint8Array): FontMetrics {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const t = tables(font);
  const need = (tag: string) => {
    const at = t.get(tag);
    if (at === undefined) throw new Error(`font has no ${tag} table`);
    return at;
  };
  const head = need('head');
  const hhea = need('hhea');
  const os2 = t.get('OS/2');
  const post = t.get('post');
  const os2v = os2 === undefined ? -1 : v.getUint16(os2);
  return {
    unitsPerEm: v.getUint16(head + 18),
    postscriptName: postscriptName(font, t.get('name')),
    ascent: v.getInt16(hhea + 4),
    descent: v.getInt16(hhea + 6),
    capHeight: os2 !== undefined && os2v >= 2 ? v.getInt16(os2 + 88) : 0,
    xHeight: os2 !== undefined && os2v >= 2 ? v.getInt16(os2 + 86) : 0,
    italicAngle: post === undefined ? 0 : v.getInt32(post + 4) / 65536,
    bbox: { minX: v.getInt16(head + 36), minY: v.getInt16(head + 38), maxX: v.getInt16(head + 40), maxY: v.getInt16(head + 42) },
    cff: t.has('CFF ') || t.has('CFF2'),
    isFixedPitch: post !== undefined && v.getUint32(post + 12) !== 0,
    familyClass: os2 === undefined ? 0 : v.getInt16(os2 + 30),
  };
}

/** Name id 6 (Windows/Unicode records are UTF-16BE, Macintosh ones single-byte). */
function postscriptName(font: Uint8Array, at: number | undefined): string | null {
  if (at === undefined) return null;
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = v.getUint16(at + 2);
  const strings = at + v.getUint16(at + 4);
  let found: string | null = null;
  for (let i = 0; i < count; i++) {
    const r = at + 6 + i * 12;
    if (v.getUint16(r + 6) !== 6) continue;
    const platform = v.getUint16(r);
    const len = v.getUint16(r + 8);
    const off = strings + v.getUint16(r + 10);
    if (platform === 0 || platform === 3) {
      let s = '';
      for (let k = 0; k + 1 < len; k += 2) s += String.fromCharCode(v.getUint16(off + k));
      return s;
    }
    found ??= String.fromCharCode(...font.subarray(off, off + len));
  }
  return found;
}

/** Unicode subtables in the order fontkit prefers them: full repertoire first, then the BMP. */
const PREFERENCE: [number, number][] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
  [3, 1],
];

/** Code points mapped to a glyph other than .notdef, from the preferred Unicode subtable of format 4 or 12. */
export function cmapCodePoints(font: Uint8Array): Set<number> {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tables(font).get('cmap');
  if (cmap === undefined) throw new Error('font has no cmap table');
  const subtables = new Map<string, number>();
  const n = v.getUint16(cmap + 2);
  for (let i = 0; i < n; i++) {
    const r = cmap + 4 + i * 8;
    const at = cmap + v.getUint32(r + 4);
    const format = v.getUint16(at);
    if (format === 4 || format === 12) subtables.set(`${v.getUint16(r)},${v.getUint16(r + 2)}`, at);
  }
  const chosen = PREFERENCE.map(([p, e]) => subtables.get(`${p},${e}`)).find((x) => x !== undefined);
  if (chosen === undefined) throw new Error('font has no Unicode cmap subtable of format 4 or 12');
  const out = new Set<number>();
  if (v.getUint16(chosen) === 12) {
    const groups = v.getUint32(chosen + 12);
    for (let g = 0; g < groups; g++) {
      const r = chosen + 16 + g * 12;
      const start = v.getUint32(r);
      const end = v.getUint32(r + 4);
      const glyph = v.getUint32(r + 8);
      for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
    }
    return out;
  }
  const segX2 = v.getUint16(chosen + 6);
  const ends = chosen + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    const end = v.getUint16(ends + 2 * s);
    const start = v.getUint16(starts + 2 * s);
    const delta = v.getInt16(deltas + 2 * s);
    const rangeAt = ranges + 2 * s;
    const rangeOffset = v.getUint16(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = rangeAt + rangeOffset + 2 * (c - start);
        glyph = at + 1 < font.byteLength ? v.getUint16(at) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
  return out;
}
