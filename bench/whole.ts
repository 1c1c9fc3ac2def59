/**
 * Whole-process figures, as users run them: `node bin/pressbook.js …` (the compiled lib/, as an
 * installed package runs), each the median of ≥ 3 runs, next to the floor measured in the same run
 * (Chromium's own single page.pdf of the same final print HTML from a fresh process: bench/floor.mjs)
 * and, where installed, pagedjs-cli (PDF from the same HTML) and pandoc (EPUB from the same Markdown).
 * Goals (issue 10): --help ≤ 0.3 s; clean ≤ 0.8 s; epub ≤ 1.0 s; pdf ≤ 1.5× floor; no-change build ≤ 1.5 s.
 * Run: npm run bench -- whole   (BENCH_RUNS=5 for more runs)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples', 'npc-foreign-press');
const bin = join(root, 'bin', 'pressbook.js');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function run(cmd: string, args: string[], opts: { cwd?: string } = {}): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: opts.cwd ?? root, encoding: 'utf8', env: { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '1700000000' } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(-600)}`);
  return ms;
}
function which(name: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

interface Row {
  what: string;
  ms: number;
  runs: number[];
  goal?: string;
  ratio?: string;
  ok?: boolean;
}

export async function benchWhole(opts: { runs?: number } = {}) {
  const n = Math.max(3, opts.runs ?? Number(process.env.BENCH_RUNS ?? 3));
  const work = mkdtempSync(join(tmpdir(), 'pressbook-bench-whole-'));
  const loadBefore = loadavg()[0]!;
  // the package as it ships: compiled lib/ and the bundled CLI that bin/pressbook.js runs (lib/bundle/)
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  run(process.execPath, [join(root, 'scripts', 'bundle.mjs')]);
  const rows: Row[] = [];
  const times = (what: string, each: (i: number) => number) => {
    each(-1); // one warm-up (disk cache, font cache), not counted
    const runs = Array.from({ length: n }, (_, i) => each(i));
    const row: Row = { what, ms: median(runs), runs };
    rows.push(row);
    return row;
  };
  try {
    if (process.env.BENCH_WHOLE === 'pdf') return pdfAgainstFloor(n, work, loadBefore);
    const sources = join(example, 'sources');
    const help = times('pressbook --help', () => run(process.execPath, [bin, '--help']));
    const clean = times('pressbook clean (bundled sources)', (i) => run(process.execPath, [bin, 'clean', sources, '--preset', 'npc', '--out', join(work, `clean-${i}`)]));
    const epub = times('pressbook epub', (i) => run(process.execPath, [bin, 'epub', example, '--out', join(work, `epub-${i}`)]));
    const pdf = times('pressbook pdf', (i) => run(process.execPath, [bin, 'pdf', example, '--out', join(work, `pdf-${i}`)]));
    run(process.execPath, [bin, 'build', example, '--out', join(work, 'build')]);
    const build = times('pressbook build, nothing changed', () => run(process.execPath, [bin, 'build', example, '--out', join(work, 'build')]));
    // the floor: the final HTML of the last `pdf` run, printed once by Chromium from a fresh process
    const html = join(work, `pdf-${n - 1}`, '.build', 'print', 'book.html');
    const floor = times('floor: Chromium single page.pdf (fresh process)', (i) => run(process.execPath, [join(root, 'bench', 'floor.mjs'), html, join(work, `floor-${i}.pdf`)]));
    const paged = which('pagedjs-cli');
    const pagedRow = paged ? times('pagedjs-cli (same HTML)', (i) => run(paged, [html, '-o', join(work, `paged-${i}.pdf`)])) : undefined;
    const pandoc = which('pandoc');
    const md = join(work, 'build', 'markdown');
    const mdFiles = existsSync(md) ? readdirSync(md).filter((f) => f.endsWith('.md')).map((f) => join(md, f)) : [];
    const pandocRow = pandoc ? times('pandoc → EPUB (same Markdown)', (i) => run(pandoc, [...mdFiles, '-o', join(work, `pandoc-${i}.epub`)])) : undefined;

    const goal = (r: Row, max: number) => Object.assign(r, { goal: `≤ ${(max / 1000).toFixed(1)} s`, ok: r.ms <= max });
    goal(help, 300);
    goal(clean, 800);
    goal(epub, 1000);
    goal(build, 1500);
    Object.assign(pdf, { goal: '≤ 1.5× floor', ratio: `${(pdf.ms / floor.ms).toFixed(2)}× floor`, ok: pdf.ms <= 1.5 * floor.ms });
    if (pagedRow) pagedRow.ratio = `${(pagedRow.ms / floor.ms).toFixed(2)}× floor`;
    if (pandocRow) epub.ratio = `${(epub.ms / pandocRow.ms).toFixed(2)}× pandoc`;

    const w = Math.max(...rows.map((r) => r.what.length));
    // other work on the machine inflates every figure (the floor too): the load says how much to trust them
    console.log(`   whole process, median of ${n} runs (after one warm-up), ${process.platform} ${process.arch}, node ${process.version}, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
    console.log(`   ${'what'.padEnd(w)}  median     runs (s)               goal          ratio`);
    for (const r of rows)
      console.log(
        `   ${r.what.padEnd(w)}  ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${r.runs.map((x) => (x / 1000).toFixed(2)).join(' ').padEnd(22)} ${(r.goal ?? '').padEnd(13)} ${r.ratio ?? ''}${r.ok === undefined ? '' : r.ok ? '  ok' : '  MISSED'}`,
      );
    if (!paged) console.log('   pagedjs-cli: not installed, skipped');
    if (!pandoc) console.log('   pandoc: not installed, skipped');
    return Object.fromEntries(rows.map((r) => [r.what, { ms: Math.round(r.ms), ...(r.ratio ? { ratio: r.ratio } : {}), ...(r.ok !== undefined ? { ok: r.ok } : {}) }]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `BENCH_WHOLE=pdf npm run bench -- whole`: `pressbook pdf` and the floor only, run by turns (pdf, floor,
 * pdf, floor…) so that both see the same load on a shared machine; with each pdf run's steps (--verbose).
 */
function pdfAgainstFloor(n: number, work: string, loadBefore: number) {
  const steps: string[] = [];
  // CPU time (user + sys) of the whole process tree, Chromium included (GNU time, where installed):
  // on a loaded machine wall times stretch with the load, CPU times much less
  const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const cpuFile = join(work, 'cpu.txt');
  const timed = (args: string[]) => {
    const t0 = performance.now();
    const r = gnuTime
      ? spawnSync(gnuTime, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '1700000000' } })
      : spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '1700000000' } });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(-600)}`);
    const cpu = gnuTime ? readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).reduce((a, x) => a + Number(x) * 1000, 0) : Number.NaN;
    return { ms, cpu, out: r.stderr + r.stdout };
  };
  const pc: number[] = [];
  const fc: number[] = [];
  const pdf = (i: number) => {
    const r = timed([bin, 'pdf', example, '--out', join(work, `pdf-${i}`), '--verbose']);
    const m = /ms per step: (.*)/.exec(r.out);
    const since = /ms since the process started: (.*)/.exec(r.out);
    if (m && i >= 0) steps.push(m[1]! + (since ? `\n          since start: ${since[1]}` : ''));
    if (i >= 0) pc.push(r.cpu);
    return r.ms;
  };
  const html = join(work, 'pdf--1', '.build', 'print', 'book.html');
  const floor = (i: number) => {
    const r = timed([join(root, 'bench', 'floor.mjs'), html, join(work, `floor-${i}.pdf`)]);
    if (i >= 0) fc.push(r.cpu);
    return r.ms;
  };
  pdf(-1);
  floor(-1);
  const p: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < n; i++) {
    p.push(pdf(i));
    f.push(floor(i));
  }
  const ratios = p.map((x, i) => x / f[i]!);
  const secs = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(' ');
  console.log(`   pdf against the floor, by turns, ${n} runs after one warm-up each, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  console.log(`   pressbook pdf  median ${(median(p) / 1000).toFixed(2)} s  runs ${secs(p)}${gnuTime ? `   cpu median ${(median(pc) / 1000).toFixed(2)} s  runs ${secs(pc)}` : ''}`);
  console.log(`   floor          median ${(median(f) / 1000).toFixed(2)} s  runs ${secs(f)}${gnuTime ? `   cpu median ${(median(fc) / 1000).toFixed(2)} s  runs ${secs(fc)}` : ''}`);
  console.log(`   ratio of medians ${(median(p) / median(f)).toFixed(2)}×, median of per-turn ratios ${median(ratios).toFixed(2)}× (goal ≤ 1.5×)${gnuTime ? `; cpu ${(median(pc) / median(fc)).toFixed(2)}×` : ''}`);
  for (const s of steps) console.log(`   steps: ${s}`);
  return { pdf: Math.round(median(p)), floor: Math.round(median(f)), ratio: +(median(p) / median(f)).toFixed(2), ok: median(p) <= 1.5 * median(f) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchWhole();
}
