/**
 * PDF pagination speed: the full `renderPdf` (HTML, two prints, anchor checks, heads, outline,
 * metadata) against the floor, a single plain `page.pdf` of the same final HTML (load the file,
 * wait for fonts, print once, tagged as the final pass is), for the bundled corpus and for a 10×
 * synthetic corpus (the events replicated under new years). One warm browser; the median of a few
 * rounds of each. Goals: full/floor ≤ 1.6, and 10× in ≤ 3× the time of 1×.
 * Run: node --import tsx bench/pdf.ts   (bench/run.ts imports benchPdf)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/load.js';
import { prepareBook } from '../src/build.js';
import { launchBrowser, type PressbookBrowser } from '../src/browser/launch.js';
import { renderPdf } from '../src/render/print/pdf.js';
import { openPrintPage, printOptions } from '../src/render/shared/print-page.js';
import type { Book, PressEvent } from '../src/model/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The events replicated `times` times, copy k moved k×span years later (ids, dates, question ids rewritten). */
export function replicate(book: Book, times: number): Book {
  const years = book.events.map((e) => e.meta.year);
  const span = Math.max(...years) - Math.min(...years) + 1;
  const events: PressEvent[] = [];
  for (let k = 0; k < times; k++)
    for (const ev of book.events) {
      const e = structuredClone(ev);
      const year = ev.meta.year + k * span;
      const date = `${year}${ev.meta.date.slice(4)}`;
      e.meta = { ...e.meta, year, date, id: ev.meta.id.replace(ev.meta.date, date).replace(String(ev.meta.year), String(year)) };
      for (const t of e.turns) if (t.question) t.question.id = t.question.id.replace(String(ev.meta.year), String(year));
      events.push(e);
    }
  return { ...book, events };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function measure(book: Book, b: PressbookBrowser, work: string, rounds: number) {
  const full: number[] = [];
  const floor: number[] = [];
  let pages = 0;
  let timings: Record<string, number> = {};
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const res = await renderPdf(book, join(work, 'book.pdf'), { buildRoot: join(work, 'build'), browser: b });
    full.push(performance.now() - t0);
    pages = res.pages;
    timings = res.timings;
    // the floor: one plain print of the same final HTML
    const t1 = performance.now();
    const { page } = await openPrintPage(b, res.htmlFile, dirname(res.htmlFile));
    await page.pdf(printOptions(true));
    floor.push(performance.now() - t1);
    await page.close();
  }
  return { pages, fullMs: Math.round(median(full)), floorMs: Math.round(median(floor)), ratio: +(median(full) / median(floor)).toFixed(2), timings };
}

export async function benchPdf(opts: { rounds?: number; times?: number } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'pressbook-bench-pdf-'));
  const b = await launchBrowser();
  try {
    const config = loadConfig(join(root, 'examples', 'npc-foreign-press'));
    const { book } = await prepareBook(config, join(work, 'src'));
    const big = replicate(book, opts.times ?? 10);
    await renderPdf(book, join(work, 'warm.pdf'), { buildRoot: join(work, 'warm'), browser: b }); // warm-up
    const one = await measure(book, b, join(work, 'x1'), opts.rounds ?? 3);
    const ten = await measure(big, b, join(work, 'x10'), Math.max(1, (opts.rounds ?? 3) - 1));
    const result = {
      corpus1x: { events: book.events.length, ...one },
      corpus10x: { events: big.events.length, ...ten },
      scaling10x: +(ten.fullMs / one.fullMs).toFixed(2),
      goals: { ratioMax: 1.6, scalingMax: 3 },
    };
    for (const [name, r] of [['1×', result.corpus1x], ['10×', result.corpus10x]] as const)
      console.log(
        `   ${name.padEnd(4)} ${String(r.events).padStart(3)} events ${String(r.pages).padStart(4)} pages: full PDF ${r.fullMs} ms, plain page.pdf ${r.floorMs} ms, ratio ${r.ratio} (goal ≤ 1.6)  [${Object.entries(r.timings).map(([k, v]) => `${k} ${v}`).join(', ')}]`,
      );
    console.log(`   10× corpus / 1× corpus: ${result.scaling10x}× the time (goal ≤ 3)`);
    return result;
  } finally {
    await b.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchPdf();
}
