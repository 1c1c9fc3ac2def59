/**
 * Acceptance of `pressbook preview`: the server on a temporary copy of the bundled example, the page
 * in a real headless Chromium (page JavaScript on: this is the preview page, not a print page). The
 * conference shows as paged print pages (Chromium's print of the print HTML, drawn by pdf.js) and as
 * its EPUB chapter; an edit on disk shows on both with the scroll position kept, a broken edit shows
 * file:line, the fix recovers, a click names the paragraph's Markdown line; a raw-source edit re-cleans
 * that source only; a locale edit shows up. The paged view is finished as the book is (its numbers,
 * blank pages, running heads and folios are those of the book's own print of that conference), and an
 * edition of the config shows as that edition.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { launchBrowser, type PressbookBrowser } from '../../src/browser/launch.js';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { tempDir } from '../helpers/tmp.js';
import { pdfPagesText } from '../helpers/pdf.js';
import { stampedLines, textOf } from '../helpers/heads.js';
import { renderPdfTwoPass } from '../../src/render/print/two-pass.js';
import { editionBook } from '../../src/model/edition.js';
import type { Book } from '../../src/model/types.js';

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

function epubFrame(): Frame {
  const f = page.frames().find((x) => x.url().includes('/epub/'));
  if (!f) throw new Error('no EPUB frame');
  return f;
}

/** The text on the drawn print pages (pdf.js text layers). */
const printText = () => page.$eval('#print', (e) => e.textContent ?? '');
const shown = () => page.evaluate(() => (window as unknown as { pbShown(): { width: number; height: number; pages: number; paras: { line: number; page: number }[] } }).pbShown());

describe('pressbook preview', () => {
  it('serves on loopback and shows the first conference as paged print pages and as its EPUB chapter', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.book.problems).toEqual([]);
    await page.waitForSelector('body[data-drawn]', { timeout: 30_000 });
    const s = await shown();
    // pages of the configured size (mm → pt), as the PDF has them
    const g = server.book.geometry();
    expect(s.width).toBeCloseTo((g.width / 25.4) * 72, 0);
    expect(s.height).toBeCloseTo((g.height / 25.4) * 72, 0);
    expect(s.pages).toBeGreaterThan(3);
    expect(await page.$$eval('#print .pg canvas', (c) => c.length)).toBe(s.pages);
    // every paragraph of the conference is a named destination of the print (click → line)
    expect(s.paras.length).toBeGreaterThan(20);
    const id = await page.evaluate(() => (document.getElementById('events') as HTMLSelectElement).value);
    const title = server.book.events().find((e) => e.event.meta.id === id)!.event.meta.title;
    expect(await printText()).toContain(title);
    // the print HTML behind it carries the print theme (the same CSS the PDF uses)
    expect(await (await fetch(server.url + 'print/' + id)).text()).toContain('@page');
    // the EPUB chapter: the EPUB renderer's XHTML, with its stylesheet and the same source lines
    const f = epubFrame();
    expect(await f.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
    expect(await f.evaluate(() => document.querySelector('section.event h1')?.textContent)).toBe(title);
    expect(await f.evaluate(() => document.querySelectorAll('p[data-src-line]').length)).toBeGreaterThan(20);
    expect(await f.evaluate(() => [...document.styleSheets].some((x) => x.href?.endsWith('/epub/style.css')))).toBe(true);
  });

  it('finishes the pages as the book prints them: contents numbers, blank pages, running heads and folios', async () => {
    const id = await page.evaluate(() => (document.getElementById('events') as HTMLSelectElement).value);
    const mine = new Uint8Array(await (await fetch(`${server.url}pdf/${id}?v=${server.book.version}`)).arrayBuffer());
    // the book's own print (render/print/two-pass.ts) of the same book of one conference
    const event = server.book.events().find((e) => e.event.meta.id === id)!.event;
    const book: Book = { config: server.book.config!, events: [event], cleaning: server.book.cleaning };
    const theirs = (await renderPdfTwoPass(book, join(dir, 'one.pdf'), { buildRoot: join(dir, 'one'), browser })).bytes;
    const [a, b] = await Promise.all([pdfPagesText(mine), pdfPagesText(theirs)]);
    // every page's text the same: the page numbers in the contents and the index, the blank pages
    expect(a.length).toBe(b.length);
    expect(a).toEqual(b);
    // and the same running heads and folios, drawn by the same stamp (font, size, place)
    const [ha, hb] = await Promise.all([stampedLines(mine), stampedLines(theirs)]);
    const heads = (x: typeof ha) => x.map((s) => [textOf(s.head), textOf(s.folio), Math.round(s.folio?.[0]?.x ?? -1)]);
    expect(heads(ha)).toEqual(heads(hb));
    expect(ha.filter((s) => textOf(s.head)).length).toBeGreaterThan(10);
    expect(ha.filter((s) => textOf(s.folio)).length).toBeGreaterThan(15);
    // a blank page before a right-hand opening, numbers in the contents
    const plan = server.printer.plans.get(`${id}@`)!;
    expect(plan.blanks.length).toBeGreaterThan(0);
    expect(Object.values(plan.labels).filter(Boolean).length).toBeGreaterThan(10);
  });

  it('opens a cleaning diagnostic at its line of the raw source in $EDITOR', async () => {
    const id = await page.evaluate(() => (document.getElementById('events') as HTMLSelectElement).value);
    // a removal: the text the cleaning dropped is on the line the diagnostic names
    const src = server.book.diagnostics(id).find((s) => s.messages.some((m) => 'removed' in m && m.removed))!;
    expect(src).toBeDefined();
    const m = src.messages.find((x) => 'removed' in x && x.removed)! as { line: number; removed: string };
    const log = join(dir, 'editor.log');
    const editor = join(dir, 'editor.mjs');
    writeFileSync(editor, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`);
    const saved = process.env.EDITOR;
    process.env.EDITOR = `${process.execPath} ${editor}`;
    try {
      await page.evaluate((file: string, line: number) => {
        const d = [...document.querySelectorAll<HTMLElement>('#diagnostics .diag')].find((x) => x.dataset['file'] === file && x.dataset['line'] === String(line));
        d!.click();
      }, src.path, m.line);
      // the whole line (the editor creates the file, then writes it)
      await expect.poll(() => existsSync(log) && readFileSync(log, 'utf8').includes('\n'), { timeout: 10_000 }).toBe(true);
      const [arg, file] = JSON.parse(readFileSync(log, 'utf8').trim().split('\n')[0]!) as [string, string];
      expect(arg).toBe(`+${m.line}`);
      expect(file).toBe(src.path);
      expect(readFileSync(file, 'utf8').split('\n')[m.line - 1]).toContain(m.removed);
    } finally {
      if (saved === undefined) delete process.env.EDITOR;
      else process.env.EDITOR = saved;
    }
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

    const scrollTop = () => page.$eval('#print', (e) => e.scrollTop);
    await page.$eval('#print', (e) => (e.scrollTop = 1500));
    await new Promise((r) => setTimeout(r, 100));
    const before = await scrollTop();
    expect(before).toBe(1500);

    lines[target] = marker + lines[target];
    writeFileSync(md, lines.join('\n'));
    await page.waitForFunction((m: string) => document.getElementById('print')!.textContent!.includes(m), { timeout: 15_000 }, marker);
    expect(Math.abs((await scrollTop()) - before)).toBeLessThanOrEqual(4);
    await epubFrame().waitForFunction((m: string) => document.body.textContent!.includes(m), { timeout: 15_000 }, marker);

    // a click on the edited paragraph (on the page drawn by pdf.js) names its file and line
    const span = await page.evaluateHandle((m: string) => {
      const spans = [...document.querySelectorAll<HTMLElement>('#print .textLayer span')];
      const s = spans.find((x) => x.textContent!.includes(m.slice(0, 3))) ?? spans.find((x) => x.textContent!.includes(m[0]!));
      s!.scrollIntoView({ block: 'center' });
      return s!;
    }, marker);
    const box = (await span.asElement()!.boundingBox())!;
    await page.mouse.click(box.x + 2, box.y + box.height / 2);
    await page.waitForFunction(() => document.getElementById('where')!.textContent!.includes('.md:'));
    expect(await page.$eval('#where', (e) => e.textContent)).toContain(`${id}.md:${target + 1}`);
    // the EPUB chapter follows to that paragraph
    expect(await epubFrame().evaluate(() => document.querySelector<HTMLElement>('.pb-picked')?.dataset['srcLine'])).toBe(String(target + 1));
    // and a click in the EPUB chapter names it too
    await epubFrame().evaluate((m: string) => {
      [...document.querySelectorAll<HTMLElement>('p[data-src-line]')].find((x) => x.textContent!.includes(m))!.click();
    }, marker);
    expect(await page.$eval('#where', (e) => e.textContent)).toContain(`${id}.md:${target + 1}`);

    // break it: delete the first closing ":::" of a turn
    const close = lines.findIndex((l, i) => l === ':::' && i > 0);
    const broken = lines.filter((_, i) => i !== close);
    writeFileSync(md, broken.join('\n'));
    await page.waitForFunction((file: string) => document.getElementById('problems')!.textContent!.includes(file), { timeout: 8000 }, `${id}.md:`);
    const problem = await page.$eval('#problems', (e) => e.textContent!);
    expect(problem).toMatch(new RegExp(`${id}\\.md:\\d+:\\d+: `));
    expect(problem).toContain(':::');
    // the last good text stays on the page
    expect(await printText()).toContain(marker);

    // fix it: the error goes, the page is live again
    writeFileSync(md, lines.join('\n').replace(marker, marker + '再改'));
    await page.waitForFunction(() => document.getElementById('problems')!.children.length === 0, { timeout: 8000 });
    await page.waitForFunction((m: string) => document.getElementById('print')!.textContent!.includes(m), { timeout: 15_000 }, marker + '再改');
    expect(server.book.problems).toEqual([]);
  });

  it('shows an edit on a later page of a long conference, scrolled to it, with its digits and Latin letters as written', async () => {
    // as the bench does: the reader is on the edited paragraph's page, far down the conference; the
    // pages in view come from a print of those pages only, the rest from the whole print after it
    const id = await page.evaluate(() => (document.getElementById('events') as HTMLSelectElement).value);
    const md = join(server.book.mdDir, `${id}.md`);
    const lines = readFileSync(md, 'utf8').split('\n');
    await page.waitForFunction((v: string) => document.body.dataset['drawn'] === v, { timeout: 30_000 }, String(server.book.version));
    const s = await shown();
    expect(s.pages).toBeGreaterThan(10);
    const plain = (line: number) => {
      const i = line - 1;
      return !!lines[i]?.trim() && !lines[i]!.startsWith(':::') && lines[i - 1] === '' && lines[i + 1] === '';
    };
    const at = s.paras.find((p) => p.page >= s.pages / 2 && plain(p.line))!;
    expect(at).toBeDefined();
    const top = await page.evaluate((n: number) => {
      const v = document.getElementById('print')!;
      v.scrollTop = document.querySelector<HTMLElement>(`.pg[data-page="${n}"]`)!.offsetTop - v.offsetTop;
      return v.scrollTop;
    }, at.page);
    expect(top).toBeGreaterThan(5000);
    await new Promise((r) => setTimeout(r, 300));
    // Han next to digits and Latin letters: the print sets a gap there (text-autospace), never a space
    const marker = '【第3次修改G20】';
    lines[at.line - 1] = marker + lines[at.line - 1];
    writeFileSync(md, lines.join('\n'));
    await page.waitForFunction(
      (m: string, n: number) => document.querySelector(`.pg[data-page="${n}"]`)?.textContent?.includes(m),
      { timeout: 15_000 },
      marker,
      at.page,
    );
    expect(await page.$eval('#print', (e) => e.scrollTop)).toBe(top);
    // the conference's date as the Markdown writes it ("2020年5月24日", no spaces)
    const [y, m, d] = server.book.events().find((e) => e.event.meta.id === id)!.event.meta.date.split('-').map(Number);
    expect(await printText()).toContain(`${y}年${m}月${d}日`);
  });

  it('re-cleans only the raw source that was saved, and shows a locale edit', async () => {
    const current = await page.evaluate(() => (document.getElementById('events') as HTMLSelectElement).value);
    const root = server.book.config!.root;
    // a primary source of another conference (the shown one's Markdown has hand edits, kept by a re-clean)
    // a line of text (six Han characters in a row) in the second half of the source: a paragraph of the answer
    const HAN6 = /[\u4e00-\u9fff]{6}/;
    const lineIn = (l: string[]) => l.findIndex((x, i) => i >= l.length / 2 && HAN6.test(x));
    const src = server.book.report!.sources.find((s) => s.role === 'primary' && s.event && s.event !== current && lineIn(readFileSync(resolve(root, s.file), 'utf8').split('\n')) > 0)!;
    expect(src).toBeDefined();
    const file = resolve(root, src.file);
    const md = join(server.book.mdDir, `${src.event}.md`);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lineIn(lines);
    const phrase = HAN6.exec(lines[at]!)![0];
    lines[at] = lines[at]!.replace(phrase, '源头修改' + phrase);
    const version = server.book.version;
    writeFileSync(file, lines.join('\n'));
    await expect.poll(() => readFileSync(md, 'utf8').includes('源头修改' + phrase), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => server.book.files.get(md)?.event !== undefined && server.book.version > version, { timeout: 15_000 }).toBe(true);
    await expect.poll(() => server.book.lastClean.cleaned, { timeout: 15_000 }).toEqual([file]);
    // of the Markdown files only that conference's was parsed again
    expect(server.book.lastClean.reparsed).toEqual([md]);
    expect(JSON.stringify(server.book.files.get(md)!.event)).toContain('源头修改');

    // a book's own locale file overrides a word: the EPUB chapter's heading changes
    const word = '本场提问（预览）';
    mkdirSync(join(root, 'locales'), { recursive: true });
    writeFileSync(join(root, 'locales', 'zh-Hans.yaml'), `lang: zh-Hans\nwords:\n  eventQuestions: ${word}\n`);
    await epubFrame().waitForFunction((w: string) => document.querySelector('.eq-title')?.textContent === w, { timeout: 15_000 }, word);
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

  it('shows an edition of the config as that edition (Traditional, vertical), chosen in the page', async () => {
    const root = server.book.config!.root;
    const yaml = join(root, 'pressbook.yaml');
    const version = server.book.version;
    writeFileSync(yaml, readFileSync(yaml, 'utf8') + '\neditions: [zh-Hans, { name: zh-Hant-TW, vertical: true }]\n');
    await expect.poll(() => server.book.version > version && server.book.editions().length === 2, { timeout: 30_000 }).toBe(true);
    await page.waitForFunction(() => !(document.getElementById('editions') as HTMLSelectElement).hidden, { timeout: 15_000 });
    const id = await page.evaluate(() => (document.getElementById('events') as HTMLSelectElement).value);
    await page.select('#editions', 'zh-Hant-TW.vertical');
    // the book of that edition, as build makes it
    const event = server.book.events().find((e) => e.event.meta.id === id)!.event;
    const ed = await editionBook({ config: server.book.config!, events: [event], cleaning: server.book.cleaning }, { name: 'zh-Hant-TW', vertical: true });
    const title = ed.events[0]!.meta.title;
    expect(title).not.toBe(event.meta.title);
    await page.waitForFunction((t: string) => document.getElementById('print')!.textContent!.includes(t), { timeout: 30_000 }, title);
    await epubFrame().waitForFunction((t: string) => document.body.textContent!.includes(t), { timeout: 15_000 }, title);
    // the EPUB panel is set in the edition's face (the print's Traditional slices)
    expect(await epubFrame().evaluate(() => document.getElementById('pb-preview')?.textContent ?? '')).toMatch(/\/print\/fonts\/serif-tc-400\.ttf/);
    // its print: vertical pages, the heads in the edition's text, the book's own print of that edition
    expect(await (await fetch(`${server.url}print/${id}?ed=zh-Hant-TW.vertical`)).text()).toMatch(/vertical-rl/);
    const mine = new Uint8Array(await (await fetch(`${server.url}pdf/${id}?v=${server.book.version}&ed=zh-Hant-TW.vertical`)).arrayBuffer());
    const theirs = (await renderPdfTwoPass(ed, join(dir, 'one-tw.pdf'), { buildRoot: join(dir, 'one-tw'), browser })).bytes;
    const [ha, hb] = await Promise.all([stampedLines(mine), stampedLines(theirs)]);
    const heads = (x: typeof ha) => x.map((s) => [textOf(s.head), textOf(s.folio), Math.round(s.folio?.[0]?.x ?? -1)]);
    expect(heads(ha)).toEqual(heads(hb));
    expect(ha.some((s) => textOf(s.head).includes(ed.config.title))).toBe(true);
    expect(ed.config.title).not.toBe(server.book.config!.title);
    // a click still names the Markdown line (the converted paragraphs keep their source lines)
    expect(await epubFrame().evaluate(() => document.querySelectorAll('p[data-src-line]').length)).toBeGreaterThan(20);
  });
});
