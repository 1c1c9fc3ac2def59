/**
 * Cleaning throughput: the seeds replicated to a few MB, each copy decoded (encoding detection)
 * and cleaned in-process on one core (decode → layout → rules → structure; the cheap per-event
 * grouping and file writing are not included). Best of several rounds. Prints MB/s.
 * Run: node --import tsx bench/clean.ts   (bench/run.ts imports benchClean)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processText } from '../src/ingest/index.js';
import { decodeBuffer } from '../src/ingest/decode.js';
import { mergeTopics } from '../src/ingest/topics.js';
import { loadPreset } from '../src/ingest/preset.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = join(root, 'examples/npc-foreign-press/sources');

export async function benchClean(opts: { targetBytes?: number; rounds?: number } = {}): Promise<{ mbPerSec: number; bytes: number; ms: number }> {
  const targetBytes = opts.targetBytes ?? 4 * 1024 * 1024;
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(SEEDS, f)));
  const seedBytes = seeds.reduce((a, s) => a + s.length, 0);
  const copies = Math.max(1, Math.ceil(targetBytes / seedBytes));
  const raws: Buffer[] = [];
  for (let i = 0; i < copies; i++) for (const s of seeds) raws.push(s);
  const bytes = raws.reduce((a, s) => a + s.length, 0);
  const npc = loadPreset('npc');
  const topics = mergeTopics(undefined, npc.topics);
  // warm-up (JIT), then the best of a few rounds
  for (const s of seeds) processText(decodeBuffer(s, 'warmup.txt').text, 'warmup.txt', { topics, sessions: npc.sessions });
  let best = Infinity;
  for (let r = 0; r < (opts.rounds ?? 5); r++) {
    const t0 = performance.now();
    let i = 0;
    for (const raw of raws) {
      const file = `copy-${i++}.txt`;
      processText(decodeBuffer(raw, file).text, file, { topics, sessions: npc.sessions });
    }
    best = Math.min(best, performance.now() - t0);
  }
  return { mbPerSec: bytes / 1024 / 1024 / (best / 1000), bytes, ms: best };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchClean();
  console.log(`clean: ${(r.bytes / 1024 / 1024).toFixed(1)} MB in ${r.ms.toFixed(0)} ms → ${r.mbPerSec.toFixed(1)} MB/s (one core; goal ≥ 10 MB/s)`);
}
