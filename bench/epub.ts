/**
 * EPUB rendering time for the bundled seeds, in-process, the book already cleaned and parsed (the
 * cleaning has its own benchmark): renderEpub without a font, with `--embed-font` on an empty cache
 * (harfbuzz TrueType subsets of the 14 MB Noto Serif SC regular and bold), with the subsets cached, and
 * once with WOFF2 subsets on an empty cache (the Brotli encoding is the slow part).
 * Median of a few rounds for the fast cases. Run: node --import tsx bench/epub.ts (bench/run.ts imports benchEpub).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/load.js';
import { prepareBook } from '../src/build.js';
import { renderEpub } from '../src/render/epub/epub.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface EpubBench {
  /** ms for renderEpub without an embedded font (cover outlines cached) */
  plainMs: number;
  /** ms with --embed-font and an empty font cache (subsetting included) */
  embedColdMs: number;
  /** ms with --embed-font and the subsets cached */
  embedCachedMs: number;
  /** ms with the WOFF2 format (renderEpub fontFormat) on an empty cache: Brotli encoding included */
  embedWoff2ColdMs: number;
  embedWoff2Bytes: number;
  /** ms for the first plain build on an empty cache (cover font subsets made) */
  plainColdMs: number;
  plainBytes: number;
  embedBytes: number;
  questions: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchEpub(opts: { rounds?: number } = {}): Promise<EpubBench> {
  const rounds = opts.rounds ?? 5;
  const tmp = mkdtempSync(join(tmpdir(), 'pressbook-bench-epub-'));
  try {
    const config = loadConfig(join(root, 'examples', 'npc-foreign-press'));
    const { book } = await prepareBook(config, join(tmp, 'out'));
    const cacheDir = join(tmp, 'cache');
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    const time = async (embedFont: boolean, fontFormat: 'truetype' | 'woff2' = 'truetype') => {
      const t0 = performance.now();
      const r = await renderEpub(book, join(tmp, 'out', embedFont ? 'embed.epub' : 'plain.epub'), { embedFont, fontFormat, cacheDir, env });
      return { ms: performance.now() - t0, r };
    };
    const cold = await time(false);
    const plain: number[] = [];
    let plainBytes = 0;
    for (let i = 0; i < rounds; i++) {
      const t = await time(false);
      plain.push(t.ms);
      plainBytes = t.r.bytes.length;
    }
    const embedCold = await time(true);
    const cached: number[] = [];
    for (let i = 0; i < rounds; i++) cached.push((await time(true)).ms);
    const woff2 = await time(true, 'woff2');
    return {
      plainColdMs: cold.ms,
      plainMs: median(plain),
      embedColdMs: embedCold.ms,
      embedCachedMs: median(cached),
      plainBytes,
      embedBytes: embedCold.r.bytes.length,
      embedWoff2ColdMs: woff2.ms,
      embedWoff2Bytes: woff2.r.bytes.length,
      questions: cold.r.questions,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchEpub();
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`epub (${r.questions} questions): ${r.plainMs.toFixed(0)} ms (${kb(r.plainBytes)}; first run on an empty cache ${r.plainColdMs.toFixed(0)} ms)`);
  console.log(`epub --embed-font: ${r.embedColdMs.toFixed(0)} ms making the subsets, ${r.embedCachedMs.toFixed(0)} ms with them cached (${kb(r.embedBytes)})`);
  console.log(`epub --embed-font as WOFF2: ${r.embedWoff2ColdMs.toFixed(0)} ms making the subsets (${kb(r.embedWoff2Bytes)})`);
}
