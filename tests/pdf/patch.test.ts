/**
 * A rebuild after an edit inside one conference patches the previous PDF (src/render/print/patch.ts):
 * the conference printed alone, its pages put in place of the old ones by an incremental update. The
 * patched file must read as a full rebuild of the edited book does — same text at the same places on
 * every page, same links and page labels, same outline, every TOC and index number true, a tag tree
 * as complete — and be a valid PDF (qpdf --check). An edit that changes a page count, a PDF on disk
 * that is not the recorded one, and a change outside the conferences take the full path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { loadConfig } from '../../src/config/load.js';
import { prepareBook } from '../../src/build.js';
import { renderPdf, type PdfResult } from '../../src/render/print/pdf.js';
import { launchBrowser, type PressbookBrowser } from '../../src/browser/launch.js';
import type { Book } from '../../src/model/types.js';
import { itemsIn, readPdf, type OutlineItem, type ReadPdf } from './read.js';
import { tempDir } from '../helpers/tmp.js';

const root = join(__dirname, '..', '..');
const PAGES = ['2017-01-03', '2017-01-05', '2017-02-09', '2017-02-16', '2018-07-02', '2018-07-04'].map((p) => join(root, 'tests', 'gold', 'pages', `${p}.html`));

/** One character of an answer paragraph of event `k` replaced by one of the same width. */
function editOne(book: Book, k: number, from = '的', to = '地'): Book {
  const edited = structuredClone(book);
  const turn = edited.events[k]!.turns.find((t) => t.kind === 'answer' && t.paragraphs.some((p) => p.includes(from)))!;
  const i = turn.paragraphs.findIndex((p) => p.includes(from));
  turn.paragraphs[i] = turn.paragraphs[i]!.replace(from, to);
  return edited;
}

/** Each page's text items in order, a reader's view of the page. */
const pageTexts = (R: ReadPdf) => R.items.map((page) => page.map((i) => i.str).join('|'));
/**
 * Pages whose text items are not at the same places (within 0.2 pt: Chromium lays a page out as a
 * left- or right-hand page in its own units, the merge moves it across by the exact margin difference).
 */
const misplaced = (A: ReadPdf, B: ReadPdf) =>
  A.items.flatMap((page, p) => page.filter((it, k) => Math.abs(it.x - B.items[p]![k]!.x) > 0.2 || Math.abs(it.y - B.items[p]![k]!.y) > 0.2).map((it) => `page ${p + 1}: ${it.str} at ${it.x.toFixed(2)}`)).slice(0, 5);
const outlineOf = (o: OutlineItem[]): unknown[] => o.map((x) => [x.title, x.target, outlineOf(x.items)]);
const linksOf = (R: ReadPdf) => R.links.map((l) => `${l.page}:${l.dest}->${l.target}@${l.rect.map((v) => v.toFixed(1)).join(',')}`).sort();

/** The tag tree read with pdf-lib: elements reached from the root, and the check that every page's structure parents are in the parent tree. */
async function tagTree(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = doc.context;
  const rootDict = ctx.lookup(doc.catalog.get(PDFName.of('StructTreeRoot')), PDFDict);
  const nums = ctx.lookup(ctx.lookup(rootDict.get(PDFName.of('ParentTree')), PDFDict).get(PDFName.of('Nums')), PDFArray);
  const keys = new Set<number>();
  for (let i = 0; i < nums.size(); i += 2) keys.add((nums.get(i) as PDFNumber).asNumber());
  const pages = new Set(doc.getPages().map((p) => p.ref.toString()));
  const missingKeys: number[] = [];
  for (const p of doc.getPages()) {
    const sp = p.node.get(PDFName.of('StructParents'));
    if (sp instanceof PDFNumber && !keys.has(sp.asNumber())) missingKeys.push(sp.asNumber());
  }
  const kinds = new Map<string, number>();
  const offPage: string[] = [];
  // each marked-content sequence (page, MCID) claimed by the elements reached from the root: once each
  const claims = new Map<string, string>();
  const twice: string[] = [];
  const claim = (pg: unknown, mcid: number, el: string) => {
    const key = `${String(pg)}:${mcid}`;
    if (claims.has(key)) twice.push(key);
    claims.set(key, el);
  };
  const walk = (o: unknown, depth: number, pg?: unknown, el = ''): void => {
    const v = o instanceof PDFRef ? ctx.lookup(o) : o;
    if (depth > 200 || v === undefined) return;
    if (v instanceof PDFNumber) claim(pg, v.asNumber(), el);
    else if (v instanceof PDFArray) for (let i = 0; i < v.size(); i++) walk(v.get(i), depth + 1, pg, el);
    else if (v instanceof PDFDict && v.get(PDFName.of('Type')) === PDFName.of('MCR')) claim(v.get(PDFName.of('Pg')) ?? pg, (v.get(PDFName.of('MCID')) as PDFNumber).asNumber(), el);
    else if (v instanceof PDFDict && v.get(PDFName.of('S'))) {
      const s = String(v.get(PDFName.of('S')));
      kinds.set(s, (kinds.get(s) ?? 0) + 1);
      const own = v.get(PDFName.of('Pg'));
      if (own && !pages.has(own.toString())) offPage.push(own.toString());
      walk(v.get(PDFName.of('K')), depth + 1, own ?? pg, o instanceof PDFRef ? o.toString() : el);
    }
  };
  walk(rootDict.get(PDFName.of('K')), 0);
  // the parent tree says the same: each page's MCIDs belong to the elements that claim them
  const byKey = new Map<number, unknown>();
  for (let i = 0; i < nums.size(); i += 2) byKey.set((nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1));
  const disagree: string[] = [];
  let marked = 0;
  for (const p of doc.getPages()) {
    const sp = p.node.get(PDFName.of('StructParents'));
    if (!(sp instanceof PDFNumber)) continue;
    const arr = ctx.lookup(byKey.get(sp.asNumber()) as PDFRef | PDFArray);
    if (!(arr instanceof PDFArray)) continue;
    for (let m = 0; m < arr.size(); m++) {
      const owner = arr.get(m);
      if (!(owner instanceof PDFRef)) continue;
      marked++;
      const who = claims.get(`${p.ref.toString()}:${m}`);
      if (who !== undefined && who !== owner.toString()) disagree.push(`${p.ref.toString()}:${m}`);
    }
  }
  return { kinds: Object.fromEntries([...kinds].sort()), missingKeys, offPage, twice: twice.slice(0, 5), disagree: disagree.slice(0, 5), claims: claims.size, marked };
}

/** Every TOC and index link with a number under it prints its target's label. */
function wrongNumbers(R: ReadPdf, bodyFrom: number, bodyTo: number): string[] {
  const bad: string[] = [];
  for (const l of R.links) {
    if (l.page >= bodyFrom && l.page < bodyTo) continue;
    const nums = itemsIn(R.items[l.page]!, l.rect).filter((i) => /[0-9ivxlcdm]+$/.test(i.str.trim()));
    if (!nums.length) continue;
    const printed = /([0-9]+|[ivxlcdm]+)$/.exec(nums.sort((a, b) => b.x - a.x)[0]!.str.trim())![1];
    if (printed !== R.labels![l.target]) bad.push(`${l.dest} on page ${l.page + 1}: ${printed}, label ${R.labels![l.target]}`);
  }
  return bad;
}

describe('a one-conference edit patches the previous PDF', () => {
  const tmp = tempDir('pb-patch-');
  const out = join(tmp, 'out', 'book.pdf');
  const cacheDir = join(tmp, 'out', 'cache');
  let browser: PressbookBrowser;
  let book: Book;
  let first: PdfResult;
  /** an edited conference opening a left-hand page (its pages laid out by Chromium on the other hands: moved across), one opening a right-hand page */
  let odd: number;
  let even: number;
  // with the chunks kept by content (chunk-memo.ts): an edit rebuild renders the edited chunk only, the full builds below from a fresh cache
  const build = (b: Book, file = out, cache = cacheDir, name = 'build') => renderPdf(b, file, { buildRoot: join(tmp, name), browser, chunkPages: 8, cacheDir: cache, salt: 'patch-test' });
  /** the same book built in full elsewhere (no previous PDF, no record) */
  let n = 0;
  const full = async (b: Book) => {
    const dir = join(tmp, `full-${++n}`);
    const r = await build(b, join(dir, 'book.pdf'), join(dir, 'cache'), `full-${n}`);
    expect(r.patched).toBeUndefined();
    return { r, bytes: readFileSync(join(dir, 'book.pdf')) };
  };
  const same = async (patched: PdfResult, bytes: Uint8Array, edited: Book) => {
    const html = readFileSync(patched.htmlFile, 'utf8');
    const f = await full(edited);
    // the whole book's HTML (the kept chunks and the rendered ones) is the full build's
    expect(html === readFileSync(f.r.htmlFile, 'utf8')).toBe(true);
    const [P, F] = await Promise.all([readPdf(bytes), readPdf(f.bytes)]);
    expect(P.numPages).toBe(F.numPages);
    const [pt, ft] = [pageTexts(P), pageTexts(F)];
    for (let i = 0; i < F.numPages; i++) expect(pt[i], `page ${i + 1}`).toBe(ft[i]);
    expect(misplaced(P, F)).toEqual([]);
    expect(P.labels).toEqual(F.labels);
    expect(linksOf(P)).toEqual(linksOf(F));
    expect(outlineOf(P.outline)).toEqual(outlineOf(F.outline));
    expect(wrongNumbers(P, patched.pageIndex.get('y-2017')!, patched.pageIndex.get('question-index')!)).toEqual([]);
    expect(P.links.length).toBeGreaterThan(50);
    // the page map (EPUB page-list) is the full build's
    expect([...patched.labels].sort()).toEqual([...f.r.labels].sort());
    // the tag tree as complete as the full build's, every page's structure parents in the parent tree
    const [pt2, ft2] = await Promise.all([tagTree(bytes), tagTree(f.bytes)]);
    expect(pt2.missingKeys).toEqual([]);
    expect(pt2.offPage).toEqual([]);
    expect(pt2.twice).toEqual([]);
    expect(pt2.disagree).toEqual([]);
    expect(pt2.kinds).toEqual(ft2.kinds);
    expect([pt2.claims, pt2.marked]).toEqual([ft2.claims, ft2.marked]);
    expect(pt2.claims).toBeGreaterThan(500);
    if (existsSync('/usr/bin/qpdf') || existsSync('/usr/local/bin/qpdf')) {
      const file = join(tmp, `check-${n}.pdf`);
      writeFileSync(file, bytes);
      // exit 0: no errors nor warnings
      expect(() => execFileSync('qpdf', ['--check', file], { stdio: 'pipe' })).not.toThrow();
    }
  };

  beforeAll(async () => {
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    writeFileSync(join(tmp, 'pressbook.yaml'), `title: 例行记者会选\nid: patch-test\nlanguage: zh-CN\npreset: foreign-affairs\nsources:\n${PAGES.map((p) => `  - ${p}`).join('\n')}\n`);
    book = (await prepareBook(loadConfig(tmp), join(tmp, 'md'))).book;
    browser = await launchBrowser();
    first = await build(book);
    const start = (k: number) => first.pageIndex.get(`ev-${book.events[k]!.meta.id}`)!;
    odd = book.events.findIndex((_, k) => start(k) % 2 === 1);
    even = book.events.findIndex((_, k) => start(k) % 2 === 0 && k !== 4);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('prints the edited conference alone and reads as a full rebuild page by page', async () => {
    expect(first.chunks).toBeGreaterThanOrEqual(3);
    expect(first.fullBuild).toBe('no record of a previous build');
    expect(odd).toBeGreaterThanOrEqual(0);
    expect(odd).not.toBe(4);
    const before = readFileSync(out);
    const edited = editOne(book, odd);
    const r = await build(edited);
    expect(r.patched).toEqual([`ev-${book.events[odd]!.meta.id}`]);
    expect(r.prints).toBe(1);
    const bytes = readFileSync(out);
    // the hash handed to the page map (the EPUB's page-list is used only with the PDF it was made from) is the file's
    expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    // an incremental update: the previous file's bytes come first, but for the superseded dates
    expect(bytes.length).toBeGreaterThan(before.length);
    const differ = before.reduce((n, b, i) => n + (b !== bytes[i] ? 1 : 0), 0);
    expect(differ).toBeLessThanOrEqual(28);
    await same(r, bytes, edited);
  }, 300_000);

  it('patches a patched PDF again (a second edit, in another conference and month)', async () => {
    expect(even).toBeGreaterThanOrEqual(0);
    expect(even).not.toBe(odd);
    const edited = editOne(editOne(book, odd), even);
    const r = await build(edited);
    expect(r.patched).toEqual([`ev-${book.events[even]!.meta.id}`]);
    await same(r, readFileSync(out), edited);
  }, 300_000);

  it('takes the full path when the edit changes a page count, and the book is right', async () => {
    const edited = editOne(editOne(book, odd), even);
    const turn = edited.events[4]!.turns.find((t) => t.kind === 'answer')!;
    turn.paragraphs.push(...Array.from({ length: 12 }, () => turn.paragraphs[0]!));
    const r = await build(edited);
    expect(r.patched).toBeUndefined();
    expect(r.fullBuild).toMatch(/pages instead of|moved to another page/);
    const f = await full(edited);
    expect(r.pages).toBe(f.r.pages);
    expect(r.pages).toBeGreaterThan(first.pages);
    const R = await readPdf(readFileSync(out));
    expect(wrongNumbers(R, r.pageIndex.get('y-2017')!, r.pageIndex.get('question-index')!)).toEqual([]);
    expect(pageTexts(R)).toEqual(pageTexts(await readPdf(f.bytes)));
  }, 300_000);

  it('takes the full path when the PDF on disk is not the recorded one, or more than conferences changed', async () => {
    const base = editOne(editOne(book, odd), even);
    base.events[4]!.turns.find((t) => t.kind === 'answer')!.paragraphs.push(...Array.from({ length: 12 }, () => base.events[4]!.turns.find((t) => t.kind === 'answer')!.paragraphs[0]!));
    appendFileSync(out, '\n');
    const edited = editOne(base, 2);
    const r = await build(edited);
    expect(r.fullBuild).toBe('the PDF on disk is not the recorded one');
    // a new title: the title page changes
    const retitled = structuredClone(edited);
    retitled.config.title = '例行记者会选编';
    const t = await build(editOne(retitled, 1));
    expect(t.fullBuild).toBe('more than conferences changed');
    // nothing but one conference again: patched
    const again = await build(editOne(editOne(retitled, 1), 5));
    expect(again.patched).toEqual([`ev-${book.events[5]!.meta.id}`]);
  }, 300_000);
});
