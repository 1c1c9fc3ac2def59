/**
 * A synthetic year of daily press conferences (20 dates, plus a second conference on one of them),
 * each with every turn kind: opening, announcement, questions with follow-ups, interjections inside
 * answers, stage directions, closing. Written to canonical Markdown and read back, then printed as
 * EPUB, PDF and a handout, and read back as a reader would: every id unique, EPUBCheck without
 * errors, follow-ups under their question in every navigation, every paragraph of every kind shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { EpubCheck } from '@likecoin/epubcheck-ts';
import { loadConfig } from '../../src/config/load.js';
import { serializeEvent } from '../../src/markdown/serialize.js';
import { readMarkdownFolder } from '../../src/markdown/folder.js';
import { renderEpub, type EpubResult } from '../../src/render/epub/epub.js';
import { renderPdf, type PdfResult } from '../../src/render/print/pdf.js';
import { renderHandout, type HandoutResult } from '../../src/render/handout/handout.js';
import { launchBrowser, type PressbookBrowser } from '../../src/browser/launch.js';
import { followUpsOf, questionsOf, type Book } from '../../src/model/types.js';
import { questionRows, questionsCsv } from '../../src/ingest/write.js';
import { selectQuestions } from '../../src/select.js';
import { loadAnnotations } from '../../src/annotations/index.js';
import { allParagraphs, yearOfEvents } from '../helpers/events.js';
import { javaEpubcheck } from '../helpers/epubcheck.js';
import { pdfOutline, pdfPagesText, type OutlineNode } from '../helpers/pdf.js';

const norm = (s: string) => s.replace(/\s+/g, '');
/** text of an XHTML/HTML page, tags dropped, entities of the serializer decoded */
const textOf = (html: string) =>
  norm(
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
const idsIn = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
const dups = (xs: string[]) => [...new Set(xs.filter((x, i) => xs.indexOf(x) !== i))];

let tmp: string;
let book: Book;
let browser: PressbookBrowser;
let epub: { r: EpubResult; zip: JSZip; file: string };
let pdf: { r: PdfResult; pages: string[]; outline: OutlineNode[] };
let handout: { r: HandoutResult; text: string; html: string };
let practice: { r: HandoutResult; text: string; html: string };

beforeAll(async () => {
  process.env.SOURCE_DATE_EPOCH = '1700000000';
  tmp = mkdtempSync(join(tmpdir(), 'pb-year-'));
  writeFileSync(join(tmp, 'pressbook.yaml'), 'title: 例行记者会（2019）\nid: year-test\nlanguage: zh-CN\nsources: [markdown/]\n');
  mkdirSync(join(tmp, 'markdown'));
  for (const ev of yearOfEvents()) writeFileSync(join(tmp, 'markdown', `${ev.meta.id}.md`), serializeEvent(ev));
  book = { config: loadConfig(tmp), events: readMarkdownFolder(join(tmp, 'markdown')) };
  const file = join(tmp, 'book.epub');
  const r = await renderEpub(book, file, { env: { SOURCE_DATE_EPOCH: '1700000000' }, cacheDir: join(tmp, 'cache') });
  epub = { r, file, zip: await JSZip.loadAsync(readFileSync(file)) };
  browser = await launchBrowser();
  const pr = await renderPdf(book, join(tmp, 'book.pdf'), { buildRoot: join(tmp, '.build'), browser });
  const bytes = readFileSync(join(tmp, 'book.pdf'));
  pdf = { r: pr, pages: (await pdfPagesText(bytes)).map(norm), outline: await pdfOutline(bytes) };
  const hr = await renderHandout(book, { name: 'day', title: '一天的记者会', select: ['2019-01-04', '2019-06-06-01-f1'] }, join(tmp, 'day.pdf'), {
    buildRoot: join(tmp, '.build'),
    browser,
    date: new Date('2024-09-01T00:00:00Z'),
    notes: loadAnnotations(book),
  });
  handout = { r: hr, text: (await pdfPagesText(readFileSync(hr.file))).map(norm).join(''), html: readFileSync(hr.htmlFile, 'utf8') };
  const pr2 = await renderHandout(book, { name: 'practice', title: '口译练习', select: ['2019-01-21-01'], variant: 'questions-only' }, join(tmp, 'practice.pdf'), {
    buildRoot: join(tmp, '.build'),
    browser,
    date: new Date('2024-09-01T00:00:00Z'),
    notes: loadAnnotations(book),
  });
  practice = { r: pr2, text: (await pdfPagesText(readFileSync(pr2.file))).map(norm).join(''), html: readFileSync(pr2.htmlFile, 'utf8') };
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a year of press conferences, two on one date', () => {
  it('has 21 events with unique event, question and follow-up ids', () => {
    expect(book.events).toHaveLength(21);
    expect(book.events.map((e) => e.meta.id).filter((id) => id.startsWith('2019-01-04'))).toEqual(['2019-01-04', '2019-01-04b']);
    const ids = book.events.flatMap((e) => e.turns.flatMap((t) => (t.question ? [t.question.id] : [])));
    expect(ids).toHaveLength(21 * 4);
    expect(dups(ids)).toEqual([]);
  });

  it('questions.json lists follow-ups under their question; the CSV gives them a parent', () => {
    const rows = questionRows(book.events);
    expect(rows).toHaveLength(42);
    expect(rows[0]!.followups.map((f) => [f.id, f.parent, f.seq, f.outlet])).toEqual([
      ['2019-01-04-01-f1', '2019-01-04-01', 1, '路透社'],
      ['2019-01-04-01-f2', '2019-01-04-01', 2, '彭博社'],
    ]);
    expect(rows[1]!.followups).toEqual([]);
    const csv = questionsCsv(rows).trim().split('\r\n');
    expect(csv[0]).toBe('id,parent,year,date,event,seq,outlet,title,question,topics');
    expect(csv).toHaveLength(1 + 42 + 42);
    expect(csv[2]).toMatch(/^2019-01-04-01-f1,2019-01-04-01,2019,2019-01-04,2019-01-04,1,路透社,/);
  });
});

describe('EPUB of the year', () => {
  const pages = () => Object.keys(epub.zip.files).filter((f) => f.endsWith('.xhtml'));
  const page = (f: string) => epub.zip.file(f)!.async('string');

  it('passes @likecoin/epubcheck-ts with 0 errors', async () => {
    const r = await EpubCheck.validate(epub.r.bytes);
    // epubcheck-ts reports severities in lower case ('error', 'fatal'): the upper-case filter this had matched nothing
    const errors = r.messages.filter((m) => m.severity === 'error' || m.severity === 'fatal');
    expect(errors, JSON.stringify(errors.slice(0, 5))).toEqual([]);
    expect(r.errorCount).toBe(0);
  });

  it('passes Java EPUBCheck with 0 errors (when installed)', async (ctx) => {
    const r = await javaEpubcheck(epub.file);
    if (!r) return ctx.skip('Java EPUBCheck is not installed (set PRESSBOOK_REQUIRE_JAVA_EPUBCHECK=1 to require it)');
    expect(r.fatals + r.errors, r.output).toBe(0);
  });

  it('has unique ids in every page, and every question anchor once in the book', async () => {
    const anchors: string[] = [];
    for (const f of pages()) {
      const ids = idsIn(await page(f));
      expect(dups(ids), f).toEqual([]);
      anchors.push(...ids.filter((i) => i.startsWith('q-')));
    }
    expect(dups(anchors)).toEqual([]);
    const want = book.events.flatMap((e) => e.turns.flatMap((t) => (t.question ? [`q-${t.question.id}`] : [])));
    for (const a of want) expect(anchors, a).toContain(a);
  });

  it('nav: year → event → question → its follow-ups (not numbered as questions)', async () => {
    const nav = await page('OEBPS/toc.xhtml');
    const q = '2019-01-04b-01';
    const li = new RegExp(`<li><a href="ev-2019-01-04b\\.xhtml#q-${q}">1\\. [^<]*</a>\\s*<ol><li><a href="ev-2019-01-04b\\.xhtml#q-${q}-f1">追问 路透社：[^<]*</a></li><li><a href="ev-2019-01-04b\\.xhtml#q-${q}-f2">追问 彭博社：`);
    expect(nav).toMatch(li);
    const ncx = await epub.zip.file('OEBPS/toc.ncx')!.async('string');
    expect(ncx).toMatch(new RegExp(`<navPoint id="np-q-${q}" [^>]*>.*\\n\\s*<navPoint id="np-q-${q}-f1" `));
    const orders = [...ncx.matchAll(/playOrder="(\d+)"/g)].map((m) => Number(m[1]));
    expect(orders).toEqual(orders.map((_, i) => i + 1));
    // the question list at the head of the event, and the question count
    const ev = await page('OEBPS/ev-2019-01-04b.xhtml');
    // numbered once: by the list (value = the question's number), not again in the text ("1. 1. …")
    expect(ev).toMatch(new RegExp(`<ol class="eq-list"><li value="1"><a href="#q-${q}">(?!\\d+\\. )[^<]*</a><ul class="eq-followups"><li><a href="#q-${q}-f1">追问 `));
    const index = await page('OEBPS/index.xhtml');
    expect(index).toContain('全书共 42 个提问、42 个追问');
    // a follow-up by another outlet is listed under that outlet in the index
    expect(index).toMatch(/彭博社<\/span>\s*<ul [^>]*><li><a epub:type="index-locator" href="ev-2019-01-04\.xhtml#q-2019-01-04-01-f2">2019-01-04-01-f2 追问：/);
  });

  it('shows every paragraph of every turn kind, interjections as notes in place, announcements as a block', async () => {
    const all = (await Promise.all(pages().map(page))).join('');
    const text = textOf(all);
    for (const p of allParagraphs(book.events)) expect(text, `${p.kind} of ${p.id}`).toContain(norm(p.text));
    const ev = await page('OEBPS/ev-2019-03-13.xhtml');
    expect(ev).toMatch(/<div class="turn interjection" role="note">\s*<p class="speaker">记者<\/p>\s*<p data-para="1">（记者：那么具体时间呢？）/);
    expect(ev).toMatch(/<section class="turn announcement" aria-label="宣布">/);
    expect(ev).toMatch(/<section class="turn question followup" id="q-2019-03-13-01-f1"[^>]*>\s*<h3 [^>]*><span class="fu-mark">追问<\/span>/);
  });
});

describe('PDF of the year', () => {
  it('prints every paragraph of every turn kind', () => {
    const text = pdf.pages.join('');
    for (const p of allParagraphs(book.events)) expect(text, `${p.kind} of ${p.id}`).toContain(norm(p.text));
  });

  it('has every question and follow-up anchor on the page its text is printed on', () => {
    for (const ev of book.events)
      for (const t of ev.turns.filter((x) => x.question)) {
        const a = `q-${t.question!.id}`;
        const at = pdf.r.pageIndex.get(a);
        expect(at, a).toBeDefined();
        expect(pdf.pages[at!], a).toContain(norm(t.paragraphs[0]!).slice(0, 12));
      }
  });

  it('TOC lists follow-ups under their question, with their page', () => {
    const html = readFileSync(pdf.r.htmlFile, 'utf8');
    expect(dups(idsIn(html))).toEqual([]);
    const f = 'q-2019-05-20-01-f1';
    expect(html).toMatch(new RegExp(`<li class="toc-followup"><a class="toc-line" href="#${f}">.*<span class="pn" data-target="${f}">${pdf.r.labels.get(f)}</span>`));
  });

  it('outline: year → event → question → follow-ups', () => {
    const year = pdf.outline.find((o) => o.title === '2019年')!;
    expect(year.items).toHaveLength(21);
    const ev = year.items.find((e) => e.title.includes('（2019-01-04b）'))!;
    expect(ev.items.map((q) => [q.title.slice(0, 3), q.items.map((f) => f.title.slice(0, 6))])).toEqual([
      ['1. ', ['追问 路透社', '追问 彭博社']],
      ['2. ', []],
    ]);
  });
});

describe('handout with follow-ups and interjections', () => {
  it('selects both events of the date and the question of a follow-up id', () => {
    expect(handout.r.questions).toEqual(['2019-01-04-01', '2019-01-04-02', '2019-01-04b-01', '2019-01-04b-02', '2019-06-06-01']);
  });

  it('prints the follow-ups under their question, marked 追问 and not numbered', () => {
    expect((handout.html.match(/<article class="qa"/g) ?? []).length).toBe(5);
    expect(handout.html).toMatch(/<div class="qa-fu" id="q-2019-06-06-01-f1">\s*<h3 class="qa-fu-head"><span class="fu-mark">追问<\/span>/);
    expect(handout.html).toMatch(/<div class="qa-a interjection" role="note">/);
  });

  it('prints every paragraph of the selected questions, follow-ups, answers and interjections', () => {
    const picked = selectQuestions(book, ['2019-01-04', '2019-06-06-01-f1']);
    expect(picked.flatMap((q) => q.answers.map((t) => t.kind))).toContain('interjection');
    for (const q of picked)
      for (const t of [q.question, ...q.answers]) for (const p of t.paragraphs) expect(handout.text, `${t.kind} of ${q.event.meta.id}: ${p}`).toContain(norm(p));
    // and the model agrees: two questions, one with two follow-ups
    const ev = book.events.find((e) => e.meta.id === '2019-06-06')!;
    expect(questionsOf(ev)).toHaveLength(2);
    expect(followUpsOf(ev).get('2019-06-06-01')).toHaveLength(2);
  });

  it('questions only: the question and its follow-ups, each followed by ruled space, no answer', () => {
    const [q] = selectQuestions(book, ['2019-01-21-01']);
    for (const t of [q!.question, ...q!.followups]) expect(practice.text).toContain(norm(t.paragraphs[0]!));
    for (const t of q!.answers.filter((x) => x.kind !== 'followup')) for (const p of t.paragraphs) expect(practice.text).not.toContain(norm(p));
    const order = [...practice.html.matchAll(/class="(qa-fu|blank-answer)"/g)].map((m) => m[1]);
    expect(order).toEqual(['blank-answer', 'qa-fu', 'blank-answer', 'qa-fu', 'blank-answer']);
  });
});
