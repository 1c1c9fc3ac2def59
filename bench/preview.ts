/**
 * `pressbook preview`: save → updated page, for a one-conference change in the bundled example.
 * The server runs on a temporary copy; the page is open in headless Chromium; each round edits one
 * paragraph of a conference's Markdown on disk and times writeFileSync → the new text on the paged
 * print view (file watching, re-parse of that file, print HTML, Chromium's print of the conference,
 * fetch, pdf.js drawing the pages in view and their text layer). The view is scrolled to the page of
 * the edited paragraph first, as an editor would be. The page is checked at each change of its DOM (a
 * MutationObserver: reading the text of every drawn page at every animation frame took the page's
 * main thread from the drawing it waits for); before each save the previous update is finished
 * (the whole conference printed, finished and drawn: an editor reads a change before the next one).
 * Goal (issue 15): median ≤ 500 ms. Run: node --import tsx bench/preview.ts (bench/run.ts imports benchPreview);
 * PREVIEW_LOG=1 prints the server's log, where the edited paragraph lands and the page's own timings.
 * Reported besides: the server's last print (html render, patch or load, print of the pages in view)
 * and the page's steps (fetchPages: the print of the pages in view arrived; visible: they are drawn).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../src/browser/launch.js';
import { startPreview } from '../src/preview/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function benchPreview(rounds = 7) {
  const dir = mkdtempSync(join(tmpdir(), 'pressbook-bench-preview-'));
  cpSync(join(root, 'examples/npc-foreign-press'), join(dir, 'book'), { recursive: true });
  const t0 = performance.now();
  const server = await startPreview({ book: join(dir, 'book'), out: join(dir, 'book', 'dist'), log: process.env.PREVIEW_LOG ? (s) => console.error(Math.round(performance.now()), s) : undefined });
  await server.ready;
  const startMs = Math.round(performance.now() - t0);
  const browser = await launchBrowser();
  try {
    const page = await browser.browser.newPage();
    if (process.env.PREVIEW_LOG) page.on('console', (m) => console.error(Math.round(performance.now()), 'page:', m.text())).on('pageerror', (e) => console.error('page error:', e));
    await page.setViewport({ width: 1200, height: 800 });
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
    const id = await page.evaluate(() => (document.getElementById('events') as HTMLSelectElement).value);
    const md = join(server.book.mdDir, `${id}.md`);
    const lines = readFileSync(md, 'utf8').split('\n');
    // a paragraph in the middle of the conference
    const paras = lines.map((l, i) => (i > 0 && l.trim() && !l.startsWith(':::') && lines[i - 1] === '' && lines[i + 1] === '' ? i : -1)).filter((i) => i > 0);
    const target = paras[Math.floor(paras.length / 2)];
    if (target === undefined) throw new Error(`no paragraph in ${md}`);
    const original = lines[target]!;
    // scroll to the edited paragraph's page (its start is a named destination of the print)
    await page.waitForSelector('body[data-drawn]', { timeout: 30_000 });
    const scrolled = await page.evaluate((line: number) => {
      const shown = (window as unknown as { pbShown(): { paras: { line: number; page: number }[] } }).pbShown();
      const at = shown.paras.find((p) => p.line === line);
      const box = document.querySelector<HTMLElement>(`.pg[data-page="${at?.page ?? 0}"]`)!;
      const v = document.getElementById('print')!;
      v.scrollTop = box.offsetTop - v.offsetTop;
      return v.scrollTop;
    }, target + 1);
    if (process.env.PREVIEW_LOG) console.error('scrolled to', scrolled);
    await new Promise((r) => setTimeout(r, 500));
    const ms: number[] = [];
    /** save → every page of the conference redrawn (numbers, blank pages, heads and folios of the whole print) */
    const whole: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const marker = `【第${i}次修改】`;
      lines[target] = marker + original;
      const t = performance.now();
      if (process.env.PREVIEW_LOG) console.error(Math.round(t), 'write');
      writeFileSync(md, lines.join('\n'));
      await page.waitForFunction((m: string) => document.getElementById('print')!.textContent!.includes(m), { polling: 'mutation', timeout: 10_000 }, marker).catch(async (e) => {
        // what the pages show instead (the text around the marker's last characters)
        const near = await page.evaluate((m: string) => {
          const t = document.getElementById('print')!.textContent!;
          const k = t.indexOf(m.slice(-3));
          return k < 0 ? '(not on the pages)' : t.slice(Math.max(0, k - 20), k + 20);
        }, marker);
        throw new Error(`round ${i}: ${marker} not on the page after 10 s; the pages show "${near}" (${(e as Error).message})`);
      });
      ms.push(Math.round(performance.now() - t));
      if (process.env.PREVIEW_LOG)
        console.error(await page.evaluate((m: string) => {
          const v = document.getElementById('print')!;
          const pg = [...document.querySelectorAll<HTMLElement>('.pg')].find((b) => b.textContent!.includes(m));
          return JSON.stringify({ scroll: v.scrollTop, h: v.clientHeight, page: pg?.dataset['page'], top: pg?.offsetTop, t: (window as unknown as { pbTimings: object }).pbTimings });
        }, marker), 'server:', JSON.stringify(server.printer.timings));
      // an editor reads the change before the next save: the update is finished first (the whole
      // conference printed, numbered, stamped and drawn), as it is before every round
      await page.waitForFunction((v: string) => document.body.dataset['drawn'] === v, { timeout: 30_000 }, String(server.book.version));
      whole.push(Math.round(performance.now() - t));
      await new Promise((r) => setTimeout(r, 300));
    }
    const sorted = [...ms].sort((a, b) => a - b);
    return { conference: id, startMs, saveToPageMs: ms, medianMs: sorted[Math.floor(sorted.length / 2)], goalMs: 500, wholeConferenceMs: whole, wholeMedianMs: [...whole].sort((a, b) => a - b)[Math.floor(whole.length / 2)], loadavg: loadavg().map((x) => Math.round(x * 10) / 10), lastPrintMs: { ...server.printer.timings }, lastPageMs: await page.evaluate(() => (window as unknown as { pbTimings: object }).pbTimings) };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchPreview()));
