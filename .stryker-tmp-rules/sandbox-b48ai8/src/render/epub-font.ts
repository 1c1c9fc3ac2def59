/**
 * Font subsets for the EPUB (the `--embed-font` option and the cover outlines): harfbuzz subsets of the
 * full Noto Serif SC TrueType fonts from npm, holding exactly the characters a book uses, cached on disk
 * by content (font package version + weight + format + the sorted character set), so a second build
 * with the same text reuses the bytes instead of re-subsetting a 14 MB font.
 */
// @ts-nocheck

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { subsetTtf, ttfPath } from '../fonts/ttf.js';
import { writeFileAtomic } from '../util/fs.js';
import { dependencyFolder } from '../util/paths.js';

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
export function charSet(text: string): string {
  const set = new Set<string>();
  for (const ch of text) if (ch >= ' ' && ch !== '\u007f') set.add(ch);
  return [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}

function fontIdentity(kind: string, weight: number): string {
  let version = '?';
  try {
    version = (JSON.parse(readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'), 'utf8')) as { version: string }).version;
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
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    if (bytes.length > 0) return { bytes, cached: true, file, chars };
  }
  const bytes = await subsetTtf(chars, kind, weight, format);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(file, bytes);
  } catch {
    /* a read-only cache is not an error: the subset is still used */
  }
  return { bytes, cached: false, file, chars };
}
