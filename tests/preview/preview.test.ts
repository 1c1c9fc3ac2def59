/**
 * Acceptance of `pressbook preview`: the server on a temporary copy of the bundled example, the page
 * in a real headless Chromium (page JavaScript on: this is the preview page, not a print page), an
 * edit on disk shows on the page with the scroll position kept, a broken edit shows file:line, the
 * fix recovers, and a click names the paragraph's Markdown line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { launchBrowser, type PressbookBrowser } from '../../src/browser/launch.js';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { tempDir } from '../helpers/tmp.js';

let server: PreviewServer;
let browser: PressbookBrowser;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = tempDir('pressbook-preview-');
  cpSync(join(import.meta.dirname, '../../examples/npc-foreign-press'), join(dir, 'book'), { recursive: true });
  const launching = launchBrowser();
  server = await startPreview({ book: join(dir, 'book'), out: join(dir, 'book', 'dist') });
  await server.ready;
  browser = await launching;
  page = await browser.browser.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]');
});

afterAll(async () => {
  await page?.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
});

function printFrame(): Frame {
  const f = page.frames().find((x) => x.url().includes('/print/'));
  if (!f) throw new Error('no print frame');
  return f;
}

describe('pressbook preview', () => {
  it('serves on loopback and shows the first conference in print HTML with source lines', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.book.problems).toEqual([]);
    const f = printFrame();
    const n = await f.evaluate(() => document.querySelectorAll('p[data-src-line]').length);
    expect(n).toBeGreaterThan(20);
    // the print theme's stylesheet is in the frame (the same CSS the PDF uses)
    expect(await f.evaluate(() => document.querySelector('style')?.textContent?.includes('@page'))).toBe(true);
  });

  it('shows a hand edit with the scroll position kept, an error for a broken edit, and recovers', async () => {
    const id = await page.evaluate(() => (document.getElementById('events') as HTMLSelectElement).value);
    const md = join(server.book.mdDir, `${id}.md`);
    const original = readFileSync(md, 'utf8');
    const lines = original.split('\n');
    // a paragraph near the end of the file (below the place the reader scrolled to)
    let target = -1;
    for (let i = lines.length - 1; i > 0 && target < 0; i--) if (lines[i]!.trim() && !lines[i]!.startsWith(':::') && lines[i - 1] === '' && lines[i + 1] === '') target = i;
    expect(target).toBeGreaterThan(0);
    const marker = '【预览修改】';

    const f = printFrame();
    await f.evaluate(() => window.scrollTo(0, 1500));
    await new Promise((r) => setTimeout(r, 100));
    const before = await f.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(1000);

    lines[target] = marker + lines[target];
    writeFileSync(md, lines.join('\n'));
    await f.waitForFunction((m: string) => document.body.textContent!.includes(m), { timeout: 8000 }, marker);
    const after = await printFrame().evaluate(() => window.scrollY);
    expect(Math.abs(after - before)).toBeLessThanOrEqual(4);

    // a click on the edited paragraph names its file and line
    await printFrame().evaluate((m: string) => {
      const p = [...document.querySelectorAll<HTMLElement>('p[data-src-line]')].find((x) => x.textContent!.includes(m));
      p!.click();
    }, marker);
    const where = await page.$eval('#where', (e) => e.textContent);
    expect(where).toContain(`${id}.md:${target + 1}`);

    // break it: delete the first closing ":::" of a turn
    const close = lines.findIndex((l, i) => l === ':::' && i > 0);
    const broken = lines.filter((_, i) => i !== close);
    writeFileSync(md, broken.join('\n'));
    await page.waitForFunction((file: string) => document.getElementById('problems')!.textContent!.includes(file), { timeout: 8000 }, `${id}.md:`);
    const problem = await page.$eval('#problems', (e) => e.textContent!);
    expect(problem).toMatch(new RegExp(`${id}\\.md:\\d+:\\d+: `));
    expect(problem).toContain(':::');
    // the last good text stays on the page
    expect(await printFrame().evaluate((m: string) => document.body.textContent!.includes(m), marker)).toBe(true);

    // fix it: the error goes, the page is live again
    writeFileSync(md, lines.join('\n').replace(marker, marker + '再改'));
    await page.waitForFunction(() => document.getElementById('problems')!.children.length === 0, { timeout: 8000 });
    await printFrame().waitForFunction((m: string) => document.body.textContent!.includes(m), { timeout: 8000 }, marker + '再改');
    expect(server.book.problems).toEqual([]);
  });

  it('refuses to open a file that is not the book\'s, and anything when EDITOR is unset', async () => {
    const post = (body: unknown) => fetch(server.url + 'open', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ file: '/etc/passwd', line: 1 })).status).toBe(404);
    const md = [...server.book.files.keys()][0]!;
    const saved = process.env.EDITOR;
    delete process.env.EDITOR;
    try {
      expect((await post({ file: md, line: 3 })).status).toBe(409);
    } finally {
      if (saved !== undefined) process.env.EDITOR = saved;
    }
    expect((await fetch(server.url + 'open', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
  });
});
