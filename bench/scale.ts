/**
 * Scale (issue 12): whole-process `pressbook pdf` on big books, as users run it (compiled lib/),
 * each next to Chromium's own single print of the same final HTML from a fresh process
 * (bench/floor.mjs) in the same run, with the peak memory of the whole process tree (node and every
 * Chromium process, sampled from /proc) and the time per page:
 *
 * - a synthetic book (generated text, no corpus needed) cut at ~200, ~1,000, ~2,000 and ~4,000 pages;
 * - the development corpus's 2017 Chinese pages, when given: `npm run bench -- scale --corpus PATH`
 *   (skipped with a message when absent), also rebuilt with nothing changed and after one-character
 *   edits of one conference's Markdown (the parts' cache at work): max(3, BENCH_RUNS) edits, each of a
 *   different conference, each run printed, the median reported; those rebuilds and a second full build
 *   they are compared with are timed without the memory sampler.
 *
 * Goals: the year book faster than the single print (ratio < 1.0); per-page time at ~2,000 pages
 * ≤ 1.2× that at ~200; peak ≤ 1.5 GB; no-change rebuild ≤ 2 s; one-conference edit ≤ 15% of the full build.
 * `--no-synthetic` skips the synthetic book. BENCH_RUNS=n for medians of n runs (default 1: a 4,000-page book takes minutes);
 * BENCH_FLOOR_MAX_PAGES (default 2,500): larger books skip the single print (it needs > 2 GB).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { serializeEvent } from '../src/markdown/serialize.js';
import { assignIds } from '../src/model/ids.js';
import type { PressEvent, Turn } from '../src/model/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'pressbook.js');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/**
 * Memory of a process and all its descendants (Linux /proc), in bytes: the sum of their PSS (shared
 * pages, such as Chromium's libraries mapped by each of its processes, counted once in proportion),
 * and the plain sum of their RSS (which counts shared pages once per process). `withPss` false: the
 * RSS only (PSS 0): reading smaps_rollup costs the kernel tens of milliseconds per big process.
 */
function treeMem(pid: number, withPss = true): { pss: number; rss: number } {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(d), ppid);
    } catch {
      /* gone */
    }
  }
  let rss = 0;
  let pss = 0;
  for (const p of parent.keys()) {
    let q: number | undefined = p;
    let depth = 0;
    while (q && q !== pid && depth++ < 64) q = parent.get(q);
    if (q !== pid) continue;
    try {
      const r = Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * 4096;
      rss += r;
      if (!withPss) continue;
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'));
      pss += m ? Number(m[1]) * 1024 : r;
    } catch {
      /* gone */
    }
  }
  return { pss, rss };
}

/**
 * Run a command; wall time and the peak memory of its whole process tree (PSS, and the RSS sum).
 * The RSS is sampled every 200 ms; the PSS (costly to read: at every sample, a process tree of six
 * Chromium processes took the sampler 4.5 s of CPU in a 32 s run, taken from the measured command on a
 * two-core machine) once a second, and whenever the RSS sum reaches a new high 5% above the last reading.
 * `memory: false`: no sampling (the rebuilds, whose memory is not reported: the sampler's reads of /proc
 * took CPU from a 2-second command on the shared two cores).
 */
function run(cmd: string, args: string[], opts: { memory?: boolean } = {}): Promise<{ ms: number; peak: number; peakRss: number; out: string }> {
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '1700000000' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    let peak = 0;
    let peakRss = 0;
    let pssAt = 0;
    let pssRss = 0;
    const timer = setInterval(() => {
      if (!child.pid || opts.memory === false) return;
      const r = treeMem(child.pid, false);
      const now = performance.now();
      if (r.rss > Math.max(peakRss, pssRss * 1.05) || now - pssAt >= 1000) {
        const m = treeMem(child.pid);
        pssAt = now;
        pssRss = m.rss;
        peak = Math.max(peak, m.pss);
      }
      peakRss = Math.max(peakRss, r.rss);
    }, 200);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - t0;
      if (code !== 0) rej(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${out.slice(-800)}`));
      else res({ ms, peak, peakRss, out });
    });
  });
}

const POOL = '中国外交部发言人表示我们注意到有关报道双方在平等互利基础上开展合作推动两国关系健康稳定发展国际社会应当共同维护地区和平与稳定坚持多边主义反对单边主义和保护主义经济全球化是历史潮流各国应加强沟通协调妥善处理分歧这符合两国人民根本利益也有利于世界和平与发展我们愿同各方一道努力';
const OUTLETS = ['新华社', '路透社', '法新社', '彭博社', '美联社', '日本广播协会', '凤凰卫视', '中央广播电视总台', '塔斯社', '韩联社'];

/** A synthetic year of daily briefings: `n` conferences of ~11 A5 pages each (deterministic text). */
export function syntheticEvents(n: number): PressEvent[] {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const text = (len: number) => {
    let s = '';
    while (s.length < len) {
      const at = Math.floor(rand() * (POOL.length - 20));
      s += POOL.slice(at, at + 8 + Math.floor(rand() * 12)) + (rand() < 0.3 ? '。' : '，');
    }
    return s.slice(0, len - 1) + '。';
  };
  const events: PressEvent[] = [];
  const day = new Date(Date.UTC(2001, 0, 2));
  for (let i = 0; i < n; i++) {
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
    const date = day.toISOString().slice(0, 10);
    day.setUTCDate(day.getUTCDate() + 1);
    const turns: Turn[] = [{ kind: 'opening', speaker: '发言人', paragraphs: [text(80)] }];
    for (let q = 0; q < 10; q++) {
      const outlet = OUTLETS[Math.floor(rand() * OUTLETS.length)]!;
      const question = text(90 + Math.floor(rand() * 60));
      turns.push({ kind: 'question', paragraphs: [question], question: { id: '', seq: 0, label: `${outlet}记者`, outlet, title: question.slice(0, 14), topics: [] } });
      turns.push({ kind: 'answer', speaker: '发言人', paragraphs: [text(220), text(260), text(200)] });
    }
    const ev: PressEvent = { meta: { id: date, date, year: Number(date.slice(0, 4)), title: `外交部发言人例行记者会（${date}）`, language: 'zh-CN', sources: [] }, highlights: [], turns };
    assignIds(ev);
    events.push(ev);
  }
  return events;
}

function syntheticBook(dir: string, events: PressEvent[]) {
  mkdirSync(join(dir, 'markdown'), { recursive: true });
  writeFileSync(join(dir, 'pressbook.yaml'), 'title: 合成的例行记者会\nid: synthetic\nlanguage: zh-CN\nsources: [markdown/]\noutput: { pdf: book.pdf, epub: book.epub }\n');
  for (const ev of events) writeFileSync(join(dir, 'markdown', `${ev.meta.id}.md`), serializeEvent(ev));
}

async function pageCount(file: string): Promise<number> {
  return (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
}

interface Measure {
  pages: number;
  ms: number;
  /** the print renderer alone (its steps as `--verbose` reports them): no cleaning, no process start */
  renderMs?: number;
  /** PSS of the process tree */
  peak: number;
  /** RSS summed over the process tree */
  peakRss: number;
  floorMs?: number;
  floorPeak?: number;
}

const GB = 1024 ** 3;
const fmt = (m: Measure, name: string) =>
  `   ${name.padEnd(22)} ${String(m.pages).padStart(5)} pages  pdf ${(m.ms / 1000).toFixed(1).padStart(6)} s (${((m.ms / m.pages) | 0).toString().padStart(3)} ms/page, peak ${(m.peak / GB).toFixed(2)} GB PSS, ${(m.peakRss / GB).toFixed(2)} GB RSS sum)` +
  (m.renderMs ? ` [print renderer alone ${(m.renderMs / 1000).toFixed(1)} s${m.floorMs ? `, ratio ${(m.renderMs / m.floorMs).toFixed(2)}` : ''}]` : '') +
  (m.floorMs ? `  single print ${(m.floorMs / 1000).toFixed(1).padStart(6)} s (peak ${(m.floorPeak! / GB).toFixed(2)} GB PSS)  ratio ${(m.ms / m.floorMs).toFixed(2)}` : '  single print skipped');

/** `pressbook pdf` on a book folder (fresh output), then the single print of its final HTML; medians of `runs`. */
async function measureBook(book: string, out: string, runs: number, floorMax: number): Promise<Measure> {
  const ms: number[] = [];
  const rms: number[] = [];
  const peaks: number[] = [];
  const rsses: number[] = [];
  const fms: number[] = [];
  const fpeaks: number[] = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    const r = await run(process.execPath, [bin, 'pdf', book, '--out', out, '--verbose']);
    ms.push(r.ms);
    const steps = /ms per step: ([^\n]+)/.exec(r.out)?.[1];
    if (steps) rms.push([...steps.matchAll(/ (\d+)(?:,|$)/g)].reduce((n, m) => n + Number(m[1]), 0));
    peaks.push(r.peak);
    rsses.push(r.peakRss);
    const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
    pages = await pageCount(join(out, pdf));
    if (pages <= floorMax) {
      const f = await run(process.execPath, [join(root, 'bench', 'floor.mjs'), join(out, '.build', 'print', 'book.html'), join(out, 'floor.pdf')]);
      fms.push(f.ms);
      fpeaks.push(f.peak);
    }
  }
  return { pages, ms: median(ms), ...(rms.length ? { renderMs: median(rms) } : {}), peak: Math.max(...peaks), peakRss: Math.max(...rsses), ...(fms.length ? { floorMs: median(fms), floorPeak: Math.max(...fpeaks) } : {}) };
}

function corpusArg(): string | undefined {
  const a = process.argv;
  const i = a.indexOf('--corpus');
  return i >= 0 ? a[i + 1] : process.env.BENCH_CORPUS;
}

export async function benchScale() {
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
  const floorMax = Number(process.env.BENCH_FLOOR_MAX_PAGES ?? 2500);
  const work = mkdtempSync(join(tmpdir(), 'pressbook-bench-scale-'));
  const loadBefore = loadavg()[0]!;
  const result: Record<string, unknown> = {};
  try {
    // the package as it ships: compiled lib/
    await run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
    await run(process.execPath, [join(root, 'scripts', 'bundle.mjs')]);
    console.log(`   whole process \`pressbook pdf\`, median of ${runs} run(s), load average ${loadBefore.toFixed(1)}`);
    const corpus = corpusArg();
    if (!corpus || !existsSync(corpus)) console.log(`   year book: ${corpus ? `${corpus} not found` : 'no corpus given (--corpus PATH, e.g. ../shared/corpus/mfa/zh/2017)'}, skipped`);
    else {
      const book = join(work, 'year');
      mkdirSync(book);
      writeFileSync(join(book, 'pressbook.yaml'), `title: 例行记者会\nid: year-book\nlanguage: zh-CN\npreset: foreign-affairs\nsources:\n  - ${resolve(corpus)}\noutput: { pdf: book.pdf, epub: book.epub }\n`);
      const out = join(work, 'year-out');
      const m = await measureBook(book, out, runs, Infinity);
      console.log(fmt(m, 'year book (corpus)'));
      // the full build again, timed as the rebuilds below are (without the memory sampler): what they are compared with
      rmSync(out, { recursive: true, force: true });
      const plain = await run(process.execPath, [bin, 'pdf', book, '--out', out], { memory: false });
      // rebuilds in the same output folder: nothing changed, then one character of one conference
      const same = await run(process.execPath, [bin, 'pdf', book, '--out', out], { memory: false });
      const md = join(out, 'markdown');
      // one-conference edits: one character of an answer ('的' → '地') in a different conference each time
      // (spread over the year), each rebuild from the one before; the median is the figure
      const files = readdirSync(md).filter((f) => f.endsWith('.md')).sort();
      const edits: { file: string; ms: number; out: string }[] = [];
      for (const k of [100, 160, 40, 220, 130, 70, 190].slice(0, Math.max(3, runs))) {
        const file = files[Math.min(k, files.length - 1)]!;
        const src = readFileSync(join(md, file), 'utf8');
        // in an answer's text: not in a question's title (the TOC and the index would change: not a one-conference edit)
        const body = src.indexOf(':::answer');
        let at = -1;
        for (let i = src.indexOf('\n', body) + 1; i > 0 && i < src.length && at < 0; i = src.indexOf('\n', i) + 1) {
          const line = src.slice(i, src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i));
          if (!line.startsWith(':::') && line.includes('的')) at = i + line.indexOf('的');
        }
        if (body < 0 || at < 0) continue;
        writeFileSync(join(md, file), src.slice(0, at) + '地' + src.slice(at + 1));
        const r = await run(process.execPath, [bin, 'pdf', book, '--out', out, '--verbose'], { memory: false });
        edits.push({ file, ms: r.ms, out: r.out });
      }
      console.log(`   full build again, without the memory sampler (as the rebuilds below): ${(plain.ms / 1000).toFixed(1)} s`);
      console.log(`   rebuild, nothing changed: ${(same.ms / 1000).toFixed(2)} s (goal ≤ 2 s)${same.ms <= 2000 ? '  ok' : '  MISSED'}`);
      for (const e of edits) {
        const parts = /pdf\s+(\d+) body chunk\(s\), (\d+) part\(s\) printed, (\d+) reused/.exec(e.out);
        // a patch of the previous PDF (src/render/print/patch.ts), or why the full path was taken
        const patched = /patched the previous PDF in place: (\d+) conference/.exec(e.out);
        const full = /pdf\s+full build: ([^\n]+)/.exec(e.out);
        console.log(
          `     edit of ${e.file}: ${(e.ms / 1000).toFixed(2)} s = ${((100 * e.ms) / plain.ms).toFixed(1)}%` +
            (patched ? `; the previous PDF patched, ${patched[1]} conference(s) printed` : parts ? `; ${parts[2]} part(s) printed, ${parts[3]} reused of ${Number(parts[1]) + 2}${full ? ` (full path: ${full[1]})` : ''}` : ''),
        );
      }
      const editMs = median(edits.map((e) => e.ms));
      console.log(
        `   rebuild after editing one conference, median of ${edits.length} (each a different conference): ${(editMs / 1000).toFixed(2)} s = ${((100 * editMs) / plain.ms).toFixed(1)}% of the full build timed alike (goal ≤ 15%)${editMs <= 0.15 * plain.ms ? '  ok' : '  MISSED'}` +
          `; ${((100 * editMs) / m.ms).toFixed(1)}% of the sampled full build above`,
      );
      console.log(`   year book vs single print: ${m.floorMs ? (m.ms / m.floorMs).toFixed(2) : '?'} (goal < 1.0); peak ${(m.peak / GB).toFixed(2)} GB PSS / ${(m.peakRss / GB).toFixed(2)} GB RSS sum (goal ≤ 1.5 GB)`);
      result['year'] = { ...m, plainMs: Math.round(plain.ms), noChangeMs: Math.round(same.ms), editMs: Math.round(editMs), editRuns: edits.map((e) => ({ file: e.file, ms: Math.round(e.ms) })) };
    }
    // the synthetic book at four sizes (`--no-synthetic`: the year book only)
    if (process.argv.includes('--no-synthetic')) return result;
    const all = syntheticEvents(272);
    const rows: [string, Measure][] = [];
    for (const [name, n] of [['~200 pages', 13], ['~1,000 pages', 68], ['~2,000 pages', 136], ['~4,000 pages', 272]] as const) {
      const book = join(work, `syn-${n}`);
      syntheticBook(book, all.slice(0, n));
      const m = await measureBook(book, join(work, `syn-${n}-out`), runs, floorMax);
      rows.push([name, m]);
      console.log(fmt(m, `synthetic ${name}`));
    }
    const per = (m: Measure) => m.ms / m.pages;
    const small = rows[0]![1];
    for (const [name, m] of rows.slice(1))
      console.log(`   per page at ${name} / at ~200: ${(per(m) / per(small)).toFixed(2)}×${name.includes('2,000') ? ` (goal ≤ 1.2)${per(m) <= 1.2 * per(small) ? '  ok' : '  MISSED'}` : ''}`);
    result['synthetic'] = Object.fromEntries(rows.map(([k, m]) => [k, { ...m, msPerPage: Math.round(per(m)) }]));
    console.log(`   load average after: ${loadavg()[0]!.toFixed(1)} (other work on the machine inflates every figure, the single print's too)`);
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchScale();
}
