/**
 * The book design by size (render/shared/book-view.ts): a small book keeps the rich TOC (every
 * question), a big one — here the synthetic year of 21 conferences with its threshold lowered in
 * pressbook.yaml — gets years → months → conferences, each conference's questions at its head and a
 * run-in index of conference dates and question numbers. The EPUB of the big design: navigation
 * year → month → conference, each conference file listing its questions, EPUBCheck without errors,
 * and the incremental cache (only a changed conference is rendered again, same bytes as a full build).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { EpubCheck } from '@likecoin/epubcheck-ts';
import { loadConfig } from '../../src/config/load.js';
import { bookDesign, bookView, RICH_DESIGN_MAX_QUESTIONS } from '../../src/render/shared/book-view.js';
import { loadTheme } from '../../src/render/shared/theme.js';
import { loadLocale } from '../../src/render/shared/locale.js';
import { render as mustache } from '../../src/render/shared/mustache.js';
import { renderEpub } from '../../src/render/epub/epub.js';
import type { Book } from '../../src/model/types.js';
import { yearOfEvents } from '../helpers/events.js';
import { tempDir } from '../helpers/tmp.js';

const env = { SOURCE_DATE_EPOCH: '1700000000' };
let tmp: string;
/** 21 conferences, 42 questions and 42 follow-ups: 84 TOC lines in the rich design */
const LINES = 84;

function book(richUpTo?: number): Book {
  const dir = join(tmp, `book-${richUpTo ?? 'default'}`);
  mkdirSync(join(dir, 'markdown'), { recursive: true });
  writeFileSync(join(dir, 'pressbook.yaml'), `title: 例行记者会\nid: design-test\nsources: [markdown/]\n${richUpTo === undefined ? '' : `design: { richUpTo: ${richUpTo} }\n`}`);
  return { config: loadConfig(dir), events: yearOfEvents() };
}
const locale = () => loadLocale('zh-CN');
const months = (b: Book) => new Set(b.events.map((e) => e.meta.date.slice(0, 7))).size;
const questionIds = (b: Book) => b.events.map((e) => ({ id: e.meta.id, qs: e.turns.flatMap((t) => (t.question ? [t.question.id] : [])) }));

function printHtml(b: Book): string {
  const theme = loadTheme('classic', 'print', b.config.root);
  return mustache(theme.template, { ...bookView(b, theme, locale()), fontCss: '', pageCss: '' });
}
const section = (html: string, open: string, close: string) => html.slice(html.indexOf(open), html.indexOf(close, html.indexOf(open)));
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

beforeAll(() => {
  tmp = tempDir('pb-design-');
});

describe('the design is chosen by size, at one threshold the config can move', () => {
  it('rich up to the threshold (default and config), compact above it', () => {
    expect(RICH_DESIGN_MAX_QUESTIONS).toBeGreaterThan(LINES);
    expect(bookDesign(book())).toBe('rich');
    expect(bookDesign(book(LINES))).toBe('rich');
    expect(bookDesign(book(LINES - 1))).toBe('compact');
  });

  it('print: the rich TOC lists every question and follow-up; the compact one months and conferences only', () => {
    const rich = section(printHtml(book()), '<nav class="toc', '</nav>');
    expect(count(rich, /class="toc-question"/g) + count(rich, /class="toc-followup"/g)).toBe(LINES);
    const b = book(10);
    const html = printHtml(b);
    const toc = section(html, '<nav class="toc', '</nav>\n');
    expect(count(toc, /class="toc-question"|class="toc-followup"|href="#q-/g)).toBe(0);
    expect(count(toc, /class="toc-month"/g)).toBe(months(b));
    expect(count(toc, /class="toc-event"/g)).toBe(b.events.length);
    // every conference opens with the list of its questions and follow-ups (numbered as in the text, no page
    // numbers: the body of a big book is printed once, in parts, before any number is known)
    for (const { id, qs } of questionIds(b)) {
      const head = section(html, `<article class="event" id="ev-${id}"`, '</nav>');
      expect(head).toContain('class="event-questions"');
      expect([...head.matchAll(/href="#q-([^"]+)"/g)].map((m) => m[1])).toEqual(qs);
      expect(count(head, /class="pn"/g)).toBe(0);
    }
  });

  it('the compact index is bounded: one locator per term and conference, every question reachable by its number', () => {
    const b = book(10);
    const theme = loadTheme('classic', 'print', b.config.root);
    const v = bookView(b, theme, locale());
    const groups = [...v.compactIndex.byTopic, ...v.compactIndex.byOutlet];
    const locators = groups.flatMap((g) => g.months.flatMap((m) => m.locators));
    const richEntries = [...v.index.byTopic, ...v.index.byOutlet].reduce((n, g) => n + g.entries.length, 0);
    // at most one locator per conference under a term (here: 3 outlets and 1 topic, each in every conference)
    for (const g of groups) {
      const evs = g.months.flatMap((m) => m.locators.map((l) => l.event));
      expect(new Set(evs).size).toBe(evs.length);
    }
    const pairs = new Set([...v.index.byTopic, ...v.index.byOutlet].flatMap((g) => g.entries.map((q) => `${g.name} ${q.id.replace(/-\d+(-f\d+)?$/, '')}`)));
    expect(locators.length).toBe(pairs.size);
    expect(locators.length).toBeLessThan(richEntries);
    // every question of a term is named by its number in its conference's locator (a follow-up by its question's)
    const seqs = (name: string) => [...new Set([...v.compactIndex.byTopic, ...v.compactIndex.byOutlet].find((g) => g.name === name)!.months.flatMap((m) => m.locators.map((l) => l.seqText)))];
    expect(seqs('中美')).toEqual(['（1、2）']);
    expect(seqs('彭博社')).toEqual(['（1追问）']);
    expect(seqs('法新社')).toEqual(['（2）']);
    // and the printed index is far shorter than the rich one
    const idx = (html: string) => section(html, 'id="question-index"', '</section>').replace(/<[^>]+>/g, '').length;
    // (here titles are 8 characters; on the 2017 corpus book the index went from 293 A5 pages to 18)
    expect(idx(printHtml(b))).toBeLessThan(idx(printHtml(book())) / 2);
    expect(idx(printHtml(b)) / locators.length).toBeLessThan(16);
  });
});

describe('EPUB of a big book', () => {
  let zip: JSZip;
  let bytes: Uint8Array;
  let b: Book;
  beforeAll(async () => {
    b = book(10);
    const r = await renderEpub(b, join(tmp, 'big.epub'), { env });
    bytes = r.bytes;
    zip = await JSZip.loadAsync(bytes);
  });
  const text = (f: string) => zip.file(`OEBPS/${f}`)!.async('string');

  it('navigation is year → month → conference, with no question in it', async () => {
    const nav = await text('toc.xhtml');
    const toc = nav.slice(nav.indexOf('<nav epub:type="toc"'), nav.indexOf('</nav>'));
    expect(toc).not.toMatch(/#q-/);
    // nesting of the lists: the book, its years, their months, the conferences of a month
    let depth = 0;
    let max = 0;
    for (const m of toc.matchAll(/<(\/?)ol>/g)) max = Math.max(max, (depth += m[1] ? -1 : 1));
    expect(max).toBe(3);
    expect(count(toc, /href="ev-[^"#]+\.xhtml#ev-/g)).toBe(b.events.length);
    expect(count(toc, />\d+月</g)).toBe(months(b));
    const ncx = await text('toc.ncx');
    expect(ncx).not.toMatch(/#q-/);
    expect(ncx).toContain('<meta name="dtb:depth" content="3"/>');
  });

  it('each conference file lists its questions and follow-ups at its head, linked to them', async () => {
    for (const { id, qs } of questionIds(b)) {
      const x = await text(`ev-${id}.xhtml`);
      const head = section(x, '<nav class="event-questions"', '</nav>');
      expect([...head.matchAll(/href="#q-([^"]+)"/g)].map((m) => m[1])).toEqual(qs);
      for (const q of qs) expect(x).toContain(`id="q-${q}"`);
    }
  });

  it('passes EPUBCheck (epubcheck-ts) without errors or warnings', async () => {
    const r = await EpubCheck.validate(bytes);
    const msgs = r.messages.filter((m: { severity: string }) => !['info', 'usage'].includes(m.severity.toLowerCase()));
    expect(msgs, JSON.stringify(msgs.slice(0, 5))).toEqual([]);
  }, 60_000);
});

describe('EPUB incremental rebuilds', () => {
  it('reuses every unchanged conference page and zip entry; an edit re-renders that conference only; same bytes as a full build', async () => {
    const b = book(10);
    const out = join(tmp, 'inc.epub');
    const cache = { dir: join(tmp, 'epub-cache'), salt: 'test' };
    const first = await renderEpub(b, out, { env, cache });
    expect(first.conferences).toEqual({ rendered: 21, reused: 0 });
    const again = await renderEpub(b, out, { env, cache });
    expect(again.conferences).toEqual({ rendered: 0, reused: 21 });
    expect(again.entries.reused).toBeGreaterThan(21);
    expect(again.entries.compressed).toBe(1); // the mimetype, stored
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    // one word of one answer
    const ev = b.events[5]!;
    const answer = ev.turns.find((t) => t.kind === 'answer')!;
    answer.paragraphs = ['一词之改' + answer.paragraphs[0], ...answer.paragraphs.slice(1)];
    const edited = await renderEpub(b, out, { env, cache });
    expect(edited.conferences).toEqual({ rendered: 1, reused: 20 });
    // the changed conference (and the files listing every conference: none here changes) are compressed again
    expect(edited.entries.compressed).toBeLessThanOrEqual(3);
    const page = await (await JSZip.loadAsync(edited.bytes)).file(`OEBPS/ev-${ev.meta.id}.xhtml`)!.async('string');
    expect(page).toContain('一词之改');
    const full = await renderEpub(b, join(tmp, 'full.epub'), { env });
    expect(Buffer.from(edited.bytes).equals(Buffer.from(full.bytes))).toBe(true);
    // a changed salt (config, templates, code…) renders every page again
    const other = await renderEpub(b, out, { env, cache: { ...cache, salt: 'other' } });
    expect(other.conferences.rendered).toBe(21);
    expect(readFileSync(out).length).toBe(other.bytes.length);
  }, 60_000);
});
