/**
 * A book printed in parts: six real ministry pages (two years, three months) with a chunk size so
 * small that every month prints as one or more body chunks, merged into one PDF and read back with
 * pdfjs-dist as a reader's viewer does. Then the parts' cache: a rebuild with nothing changed prints
 * nothing; an edit inside one conference reprints that conference's chunk only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { loadConfig } from '../../src/config/load.js';
import { prepareBook } from '../../src/build.js';
import { renderPdf, type PdfResult } from '../../src/render/print/pdf.js';
import { launchBrowser, type PressbookBrowser } from '../../src/browser/launch.js';
import { questionsOf, type Book } from '../../src/model/types.js';
import { itemsIn, readPdf, type OutlineItem, type ReadPdf } from './read.js';
import { tempDir } from '../helpers/tmp.js';
import { roman } from '../../src/render/print/paginate.js';
import { pdfFonts } from '../helpers/pdf.js';
import JSZip from 'jszip';
import { renderEpub } from '../../src/render/epub/epub.js';
import { printGeometry } from '../../src/render/print/html.js';
import { loadTheme } from '../../src/render/shared/theme.js';

const root = join(__dirname, '..', '..');
const PAGES = ['2017-01-03', '2017-01-05', '2017-02-09', '2017-02-16', '2018-07-02', '2018-07-04'].map((p) => join(root, 'tests', 'gold', 'pages', `${p}.html`));

describe('a book printed in chunks and merged', () => {
  const tmp = tempDir('pb-chunked-');
  const cacheDir = join(tmp, 'cache');
  let browser: PressbookBrowser;
  let book: Book;
  let r: PdfResult;
  let R: ReadPdf;
  let pdf: Uint8Array;
  const build = (b: Book, name: string) => renderPdf(b, join(tmp, `${name}.pdf`), { buildRoot: join(tmp, name), browser, chunkPages: 8, cacheDir });

  beforeAll(async () => {
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    writeFileSync(join(tmp, 'pressbook.yaml'), `title: 例行记者会选\nid: chunk-test\nlanguage: zh-CN\npreset: foreign-affairs\nsources:\n${PAGES.map((p) => `  - ${p}`).join('\n')}\n`);
    book = (await prepareBook(loadConfig(tmp), join(tmp, 'out'))).book;
    browser = await launchBrowser();
    r = await build(book, 'a');
    pdf = readFileSync(join(tmp, 'a.pdf'));
    R = await readPdf(pdf);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('prints the body in several chunks, each part once', () => {
    expect(book.events.length).toBe(6);
    expect(r.chunks).toBeGreaterThanOrEqual(3);
    expect(r.prints).toBe(r.chunks + 2);
    expect(R.numPages).toBe(r.pages);
  });

  it('resolves every link to the page of its anchor, across parts', () => {
    expect(R.links.length).toBeGreaterThan(50);
    for (const l of R.links) {
      expect(l.target, l.dest).toBeGreaterThanOrEqual(0);
      expect(l.target, l.dest).toBe(r.pageIndex.get(l.dest));
    }
    // every question has a link (TOC and index)
    const linked = new Set(R.links.map((l) => l.dest));
    for (const e of book.events) for (const t of questionsOf(e)) expect(linked.has(`q-${t.question!.id}`), t.question!.id).toBe(true);
  });

  it('prints in every TOC and index entry the page label of its target', () => {
    let checked = 0;
    for (const l of R.links) {
      const nums = itemsIn(R.items[l.page]!, l.rect).filter((i) => /^[0-9]+$/.test(i.str.trim()));
      if (!nums.length) continue;
      checked++;
      expect(nums.sort((a, b) => b.x - a.x)[0]!.str.trim(), `${l.dest} on page ${l.page + 1}`).toBe(R.labels![l.target]);
    }
    expect(checked).toBe(R.links.length);
  });

  it('numbers the pages continuously: roman front matter, arabic from the first year', () => {
    const labels = R.labels!;
    const first = r.pageIndex.get(`y-2017`)!;
    expect(first % 2).toBe(0);
    expect(labels.slice(0, first)).toEqual(Array.from({ length: first }, (_, i) => roman(i + 1)));
    expect(labels.slice(first)).toEqual(Array.from({ length: R.numPages - first }, (_, i) => String(i + 1)));
  });

  it('opens each year, the TOC and the index on a right-hand page, a blank page before where needed', () => {
    for (const a of ['toc', 'y-2017', 'y-2018', 'question-index']) expect(r.pageIndex.get(a)! % 2, a).toBe(0);
    // inserted blanks carry no text
    const before = r.pageIndex.get('y-2018')! - 1;
    if (R.items[before]!.every((i) => i.str.trim() === '')) expect(before % 2).toBe(1);
  });

  it('keeps the inner margin at the binding edge on every body page, whatever side its part began on', async () => {
    // Chromium lays out each part's first page as a right-hand page: a part placed after an odd number
    // of pages has its drawing moved across. One conference per chunk, so that some part begins on a
    // left-hand page (checked), and the text column must start at the inner margin on every recto
    // (and each chunk printed by a browser of its own, as a big body is printed by several in turn)
    const one = await renderPdf(book, join(tmp, 'one.pdf'), { buildRoot: join(tmp, 'one'), browser, chunkPages: 1, browserPages: { above: 0, each: 1 } });
    expect(one.bodyBrowsers).toBeGreaterThanOrEqual(3);
    const O = await readPdf(readFileSync(join(tmp, 'one.pdf')));
    expect(one.chunks).toBe(book.events.length);
    const starts = book.events.map((e) => one.pageIndex.get(`ev-${e.meta.id}`)!);
    expect(starts.some((p) => p % 2 === 1)).toBe(true);
    const g = printGeometry(loadTheme(book.config.theme, 'print', book.config.root), book.config.page.size);
    const mm = 72 / 25.4;
    expect(g.inner).not.toBe(g.outer);
    const sides = { recto: 0, verso: 0 };
    const mismatched: string[] = [];
    for (let i = one.pageIndex.get('y-2017')!; i < one.pageIndex.get('question-index')!; i++) {
      const body = O.items[i]!.filter((it) => it.str.trim() !== '' && it.y > 60 && it.y < 540);
      if (body.length < 15) continue; // a page with a few lines only (a heading, a short end)
      const left = Math.min(...body.map((it) => it.x));
      const side = i % 2 === 0 ? 'recto' : 'verso';
      sides[side]++;
      // the text column starts at this side's margin (a page of indented lines, e.g. a ruled box, further in), never at the other side's
      const [own, other] = (side === 'recto' ? [g.inner, g.outer] : [g.outer, g.inner]).map((m) => m * mm) as [number, number];
      if (left < own - 1 || Math.abs(left - other) < 1) mismatched.push(`page ${i + 1}: ${left.toFixed(1)}`);
    }
    expect(sides.recto).toBeGreaterThan(2);
    expect(sides.verso).toBeGreaterThan(2);
    expect(mismatched, `conferences open on pages ${starts.map((p) => p + 1).join(', ')}`).toEqual([]);
    // links moved with their text: each still covers its words
    for (const l of O.links.filter((x) => x.page >= starts[0]! && x.rect)) expect(itemsIn(O.items[l.page]!, l.rect).length, `${l.dest} on page ${l.page + 1}`).toBeGreaterThan(0);
  }, 120_000);

  it('gives the EPUB a page-list entry for each printed page where a paragraph or anchor begins, placed at text printed on that page', async () => {
    const file = join(tmp, 'pages.epub');
    const e = await renderEpub(book, file, { pageList: { labels: r.labels, source: 'print' }, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    const zip = await JSZip.loadAsync(readFileSync(file));
    const navFile = Object.keys(zip.files).find((f) => /nav\.xhtml$|toc\.xhtml$/.test(f) && /page-list/.test(''))
      ?? (await Promise.all(Object.keys(zip.files).filter((f) => f.endsWith('.xhtml')).map(async (f) => [f, await zip.file(f)!.async('string')] as const))).find(([, x]) => x.includes('epub:type="page-list"'))![0];
    const nav = await zip.file(navFile)!.async('string');
    const list = nav.slice(nav.indexOf('epub:type="page-list"'));
    const entries = [...list.matchAll(/<a href="([^"#]+)#([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ file: m[1]!, id: m[2]!, label: m[3]! }));
    expect(entries.length).toBe(e.pageList);
    // every body page on which some paragraph begins has its entry
    const bodyFrom = r.pageIndex.get('y-2017')!;
    const bodyTo = r.pageIndex.get('question-index')!;
    const paraPages = new Set([...r.pageIndex].filter(([a, p]) => /-p\d+$/.test(a) && p >= bodyFrom && p < bodyTo).map(([, p]) => R.labels![p]!));
    expect(paraPages.size).toBeGreaterThan(20);
    const listed = new Set(entries.map((x) => x.label));
    for (const l of paraPages) expect(listed.has(l), `page ${l}`).toBe(true);
    // in reading order, and each marker is followed by text printed on its page
    const dir = navFile.slice(0, navFile.lastIndexOf('/') + 1);
    const flat = (t: string) => t.replace(/<[^>]+>/g, '').replace(/&[a-z#0-9]+;/g, '').replace(/\s+/g, '');
    let checked = 0;
    let prev = -1;
    for (const x of entries) {
      const page = R.labels!.indexOf(x.label);
      expect(page, x.label).toBeGreaterThan(prev);
      prev = page;
      const xhtml = await zip.file(dir + x.file)!.async('string');
      const at = xhtml.indexOf(`id="${x.id}"`);
      expect(at, x.id).toBeGreaterThan(0);
      // a paragraph's marker (an anchor's, as before, opens its element: a heading the EPUB may word otherwise)
      const before = xhtml.slice(0, at);
      if (!/<p\b[^>]*\sdata-para="[^"]*"[^>]*>\s*<span\s[^>]*$/.test(before)) continue;
      const after = flat(xhtml.slice(at, at + 600).replace(/^[^>]*>/, '')).slice(0, 6);
      if (after.length < 4) continue;
      const printed = R.items[page]!.map((i) => i.str).join('').replace(/\s+/g, '');
      expect(printed.includes(after), `page ${x.label}: "${after}"`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  }, 120_000);

  it('draws running heads and folios that a reader can copy as text', () => {
    const text = R.items.map((page) => page.map((i) => i.str).join('').replace(/\s+/g, ''));
    expect(text.some((t) => t.includes('例行记者会选·2017年'))).toBe(true);
    expect(text.some((t) => t.includes('例行记者会选·2018年'))).toBe(true);
  });

  it('has an outline year → month → conference → question', () => {
    const years = R.outline.filter((o) => /^\d{4}年$/.test(o.title));
    expect(years.map((y) => y.title)).toEqual(['2017年', '2018年']);
    expect(years[0]!.items.map((m) => m.title)).toEqual(['1月', '2月']);
    expect(years[1]!.items.map((m) => m.title)).toEqual(['7月']);
    const events: OutlineItem[] = years.flatMap((y) => y.items.flatMap((m) => m.items));
    expect(events).toHaveLength(6);
    for (const e of events) {
      expect(e.target).toBeGreaterThanOrEqual(0);
      expect(e.items.length).toBeGreaterThan(0);
      for (const q of e.items) expect(q.target).toBeGreaterThanOrEqual(e.target);
    }
  });

  it('joins the parts’ tag trees: one StructTreeRoot, structure parents unique across the book', async () => {
    expect(r.tagged).toBe(true);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const rootRef = doc.catalog.get(PDFName.of('StructTreeRoot'));
    expect(rootRef).toBeInstanceOf(PDFRef);
    const root = doc.context.lookup(rootRef, PDFDict);
    const tree = doc.context.lookup(root.get(PDFName.of('ParentTree')), PDFDict);
    const nums = doc.context.lookup(tree.get(PDFName.of('Nums')), PDFArray);
    const keys = new Set<number>();
    for (let i = 0; i < nums.size(); i += 2) keys.add((nums.get(i) as PDFNumber).asNumber());
    const seen = new Set<number>();
    for (const p of doc.getPages()) {
      const sp = p.node.get(PDFName.of('StructParents'));
      if (!(sp instanceof PDFNumber)) continue;
      expect(seen.has(sp.asNumber())).toBe(false);
      seen.add(sp.asNumber());
      expect(keys.has(sp.asNumber())).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(R.numPages / 2);
    // every structure element reached from the root names a page of this document (/Pg)
    const pages = new Set(doc.getPages().map((p) => p.ref.toString()));
    let elements = 0;
    const walk = (o: unknown, depth: number): void => {
      const v = o instanceof PDFRef ? doc.context.lookup(o) : o;
      if (depth > 200 || !v) return;
      if (v instanceof PDFArray) for (let i = 0; i < v.size(); i++) walk(v.get(i), depth + 1);
      else if (v instanceof PDFDict && v.get(PDFName.of('Type')) !== PDFName.of('OBJR') && v.get(PDFName.of('Type')) !== PDFName.of('MCR')) {
        elements++;
        const pg = v.get(PDFName.of('Pg'));
        if (pg) expect(pages.has(pg.toString()), `structure element on ${pg.toString()}`).toBe(true);
        walk(v.get(PDFName.of('K')), depth + 1);
      }
    };
    walk(root.get(PDFName.of('K')), 0);
    expect(elements).toBeGreaterThan(100);
  });

  it('embeds each font once per part at most', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    // three faces (serif 400, 700, sans 700) per part, plus the running-head font
    expect(fonts.length).toBeLessThanOrEqual(3 * (r.chunks + 2) + 1);
  });

  it('reprints nothing when nothing changed, and only the edited conference’s chunk after an edit', async () => {
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.pdf'))).toHaveLength(r.chunks + 2);
    const again = await build(book, 'b');
    expect(again.prints).toBe(0);
    expect(again.reused).toBe(r.chunks + 2);
    expect(Buffer.compare(readFileSync(join(tmp, 'b.pdf')), Buffer.from(pdf))).toBe(0);
    // one character of one answer, same width: the page count and every number stay
    const edited = structuredClone(book);
    const ev = edited.events[3]!;
    const turn = ev.turns.find((t) => t.kind === 'answer' && t.paragraphs.some((p) => p.includes('的')))!;
    const k = turn.paragraphs.findIndex((p) => p.includes('的'));
    turn.paragraphs[k] = turn.paragraphs[k]!.replace('的', '地');
    const third = await build(edited, 'c');
    expect(third.prints).toBe(1);
    expect(third.reused).toBe(r.chunks + 1);
    const text = (await readPdf(readFileSync(join(tmp, 'c.pdf')))).items.flat().map((i) => i.str).join('');
    expect(text).toContain(turn.paragraphs[k]!.slice(0, 20));
  });

  it('prints the big-book design (months TOC, run-in index) with a page number after every index locator', async () => {
    // the same pages as a big book: the design threshold lowered in the config
    const dir = join(tmp, 'compact');
    const cfg = readFileSync(join(tmp, 'pressbook.yaml'), 'utf8').replace('id: chunk-test', 'id: chunk-compact\ndesign: { richUpTo: 0 }');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pressbook.yaml'), cfg);
    // the same conferences (the design changes the print only): the book cleaned above, with this config
    const b: Book = { ...book, config: loadConfig(dir) };
    const c = await renderPdf(b, join(dir, 'c.pdf'), { buildRoot: join(dir, 'build'), browser, chunkPages: 8 });
    expect(c.chunks).toBeGreaterThanOrEqual(3);
    const C = await readPdf(readFileSync(join(dir, 'c.pdf')));
    const index = c.pageIndex.get('question-index')!;
    const locators = C.links.filter((l) => l.page >= index && l.dest.startsWith('q-'));
    expect(locators.length).toBeGreaterThan(5);
    for (const l of locators) {
      // "3日（5、6、15）21": the locator's last number is the page its link leads to
      const texts = itemsIn(C.items[l.page]!, l.rect).sort((a, b2) => b2.x - a.x);
      const last = /([0-9]+)$/.exec(texts[0]?.str.trim() ?? '')?.[1];
      expect(last, `${l.dest} on page ${l.page + 1}: ${texts.map((t) => t.str).join('|')}`).toBe(C.labels![l.target]);
    }
  }, 120_000);
});
