/**
 * Font subsets for the EPUB (the `--embed-font` option and the cover outlines): harfbuzz subsets of the
 * full Noto Serif SC TrueType fonts from npm, holding exactly the characters a book uses, cached on disk
 * by content (font package version + weight + format + the sorted character set), so a second build
 * with the same text reuses the bytes instead of re-subsetting a 14 MB font.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subsetTtf, ttfPackage, ttfPath } from '../../fonts/ttf.js';
import { FAMILIES } from '../../fonts/families.js';
import { cmapCodePoints } from '../../fonts/sfnt.js';
import { writeFileAtomic } from '../../util/fs.js';
import { dependencyFolder } from '../../util/paths.js';
import { PressbookError } from '../../errors.js';
import { placesOf } from '../../markdown/places.js';
import type { Book } from '../../model/types.js';

const require = createRequire(import.meta.url);

export type SubsetFormat = 'truetype' | 'woff2';

export interface SubsetResult {
  bytes: Buffer;
  /** true when the bytes came from the cache */
  cached: boolean;
  /** the cache file */
  file: string;
  /** the characters the subset was asked for (sorted, unique) */
  chars: string;
}

/** Where subsets are kept: $PRESSBOOK_CACHE_DIR, else node_modules/.cache/pressbook (if writable), else the temp folder. */
export function defaultCacheDir(env = process.env): string {
  if (env.PRESSBOOK_CACHE_DIR) return env.PRESSBOOK_CACHE_DIR;
  const nm = dependencyFolder();
  try {
    accessSync(nm, constants.W_OK);
    return join(nm, '.cache', 'pressbook');
  } catch {
    return join(tmpdir(), 'pressbook-cache');
  }
}

/** Unique code points of `text`, sorted, without control characters (what a subset needs to hold). */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

export function charSet(text: string): string {
  // a flag per BMP code unit and a set for the rest: a book's text is megabytes, its characters a few thousand
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.add(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    bmp[c] = 1;
  }
  let out = '';
  for (let c = 0x20; c < 0x10000; c++) if (bmp[c] && c !== 0x7f) out += String.fromCharCode(c);
  for (const cp of [...astral].sort((a, b) => a - b)) out += String.fromCodePoint(cp);
  return out;
}

/** The font file and subsetter a subset (or anything drawn from the font) depends on. */
export function fontIdentity(kind: string, weight: number): string {
  let version = '?';
  try {
    version = (JSON.parse(readFileSync(require.resolve(`${ttfPackage(kind)}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    /* package.json not exported: fall back to the file size below */
  }
  let subsetter = '?';
  try {
    subsetter = (JSON.parse(readFileSync(require.resolve('subset-font/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    /* ignore */
  }
  return `${kind}:${weight}:${version}:${statSync(ttfPath(kind, weight)).size}:subset-font@${subsetter}`;
}

/** A subset of the CJK font holding exactly the characters of `text`; cached in `cacheDir`. */
export async function cachedSubset(
  text: string,
  opts: { kind?: string; weight?: number; format?: SubsetFormat; cacheDir?: string } = {},
): Promise<SubsetResult> {
  const kind = opts.kind ?? 'serif';
  const weight = opts.weight ?? 400;
  const format = opts.format ?? 'woff2';
  const chars = charSet(text);
  const key = createHash('sha256').update(`${fontIdentity(kind, weight)}\n${format}\n${chars}`).digest('hex').slice(0, 32);
  const dir = join(opts.cacheDir ?? defaultCacheDir(), 'fonts');
  const file = join(dir, `${kind}-${weight}-${key}.${format === 'woff2' ? 'woff2' : 'ttf'}`);
  const held = recent.get(file);
  if (held && existsSync(file)) return { bytes: held, cached: true, file, chars };
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    if (bytes.length > 0) return { bytes: hold(file, bytes), cached: true, file, chars };
  }
  const bytes = await subsetTtf(chars, kind, weight, format);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(file, bytes);
  } catch {
    /* a read-only cache is not an error: the subset is still used */
  }
  return { bytes: hold(file, bytes), cached: false, file, chars };
}

/**
 * The last subsets read or made in this process, by cache file (a process that renders again and
 * again — the preview, at each edit — reads and writes each slice once, and reads its glyphs once).
 */
const recent = new Map<string, Buffer>();
/** cache file → the code points of that subset */
const glyphsOf = new Map<string, Set<number>>();
/** a written font file → the cache file it was written from */
const writtenFrom = new Map<string, string>();
function hold(file: string, bytes: Buffer): Buffer {
  recent.set(file, bytes);
  for (const k of recent.keys()) {
    if (recent.size <= 8) break;
    recent.delete(k);
    glyphsOf.delete(k);
  }
  return bytes;
}

/** One subset font per family and weight, written next to the HTML, and the CSS that loads it. */
export interface SubsetBundle {
  /** one @font-face per family + weight (no unicode-range: one font per face, so Chromium can trim adjacent punctuation) */
  css: string;
  files: string[];
  /** code points of the text that the fonts of the first kind have no glyph for (would be tofu) */
  missing: number[];
}

/**
 * Characters a page may gain after the text was measured (page labels, running heads are drawn
 * separately): the printable ASCII range and the few marks the templates add.
 */
const ALWAYS = (() => {
  let s = '';
  for (let c = 0x20; c < 0x7f; c++) s += String.fromCharCode(c);
  return s + '—…·　';
})();

/**
 * Subset the full TrueType font of each kind and weight of `kinds` to exactly the characters of
 * `text` (harfbuzz keeps every OpenType layout feature, so `halt`, `chws`, `vert`… survive) and
 * write them to `assetDir`. Chromium applies `text-spacing-trim` (adjacent-punctuation kerning) only
 * within one font: slicing a face by unicode-range disabled it for pairs such as ”。 and 》：.
 */
export async function subsetFonts(
  text: string,
  kinds: { kind: string; weights: number[] }[],
  assetDir: string,
  urlPrefix = 'fonts/',
  cacheDir?: string,
): Promise<SubsetBundle> {
  mkdirSync(assetDir, { recursive: true });
  // the book's characters once (its text is long; each subset's cache key takes this short string)
  const used = charSet(text);
  const all = used + ALWAYS;
  const jobs = kinds.flatMap(({ kind, weights }) => weights.map((weight) => ({ kind, weight })));
  const results = await Promise.all(jobs.map((j) => cachedSubset(all, { kind: j.kind, weight: j.weight, format: 'truetype', cacheDir })));
  const rules: string[] = [];
  const files: string[] = [];
  let missing: number[] = [];
  results.forEach((r, i) => {
    const { kind, weight } = jobs[i]!;
    const family = FAMILIES[kind]?.family;
    const style = FAMILIES[kind]?.style ?? 'normal';
    if (!family) throw new PressbookError(`unknown font family "${kind}" (expected ${Object.keys(FAMILIES).join(', ')})`);
    const name = `${kind}-${weight}.ttf`;
    const dest = join(assetDir, name);
    if (writtenFrom.get(dest) !== r.file || !existsSync(dest)) {
      writeFileAtomic(dest, r.bytes);
      writtenFrom.set(dest, r.file);
    }
    files.push(dest);
    rules.push(`@font-face{font-family:'${family}';font-style:${style};font-weight:${weight};font-display:block;src:url(${urlPrefix}${name}) format('truetype');}`);
    if (i === 0) {
      // the subset's character map, read directly (no font library on the way to the first print), once per file
      let has = glyphsOf.get(r.file);
      if (!has) {
        has = cmapCodePoints(r.bytes);
        glyphsOf.set(r.file, has);
      }
      missing = [...used].map((ch) => ch.codePointAt(0)!)
        .filter((cp) => cp > 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0) && cp !== 0x3000 && !IGNORABLE.test(String.fromCodePoint(cp)) && !has!.has(cp))
        .sort((a, b) => a - b);
    }
  });
  return { css: rules.join('\n'), files, missing };
}

/**
 * Refuse to print text the bundled fonts cannot draw (it would be tofu): the first ten characters,
 * named, and given the book, where each is written: the first places in its Markdown files, one
 * `file:line:column: U+XXXX (press conference ID)` line each.
 */
export function assertGlyphs(missing: number[], prefix = '', book?: Book): void {
  if (!missing.length) return;
  const named = missing.slice(0, 10);
  const uplus = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  let where = '';
  if (book) {
    const places = placesOf(book, named);
    for (const c of named) {
      const at = places.get(c) ?? [];
      for (const p of at) where += `\n  ${p.file}:${p.line}:${p.column}: ${uplus(c)}${p.event ? ` (press conference ${p.event})` : ''}`;
      if (!at.length) where += `\n  ${uplus(c)}: not in the book's Markdown files or its pressbook.yaml (in a note, the locale or a template?)`;
    }
  }
  throw new PressbookError(
    `${prefix}no glyph for ${missing.length} character(s) in the bundled fonts: ${named
      .map((c) => `${String.fromCodePoint(c)} ${uplus(c)}`)
      .join(', ')}${where}`,
  );
}
