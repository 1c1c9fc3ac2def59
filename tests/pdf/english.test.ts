/**
 * English typography in the book PDF, on a small mixed book (tests/fixtures/bilingual: one press
 * conference in Chinese and in English): the English press conference is tagged lang="en", printed
 * in the Latin faces, hyphenated (soft hyphens: Chromium's print has no dictionaries of its own) and
 * dated in English in the contents and its running heads, while the Chinese one is unchanged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { prepareBook } from '../../src/build.js';
import { renderPdf, type PdfResult } from '../../src/render/print/pdf.js';
import { hyphenateText } from '../../src/render/shared/hyphenate.js';
import { bookView } from '../../src/render/shared/book-view.js';
import { loadTheme } from '../../src/render/shared/theme.js';
import { loadLocale } from '../../src/render/shared/locale.js';
import type { Book } from '../../src/model/types.js';
import { pdfFonts, pdfPagesText } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';

const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'bilingual');

let tmp: string;
let book: Book;
let r: PdfResult;
let html: string;
let pages: string[];

beforeAll(async () => {
  tmp = tempDir('english-print');
  book = (await prepareBook(loadConfig(FIXTURE), join(tmp, 'out'))).book;
  r = await renderPdf(book, join(tmp, 'book.pdf'), { buildRoot: join(tmp, '.build') });
  html = readFileSync(r.htmlFile, 'utf8');
  pages = await pdfPagesText(r.bytes);
}, 180_000);

describe('hyphenation', () => {
  it('puts soft hyphens at the pattern points of long English words only', () => {
    expect(hyphenateText('denuclearization and peace', 'en')).toBe('de\u00adnu\u00adcleariza\u00adtion and peace');
    expect(hyphenateText('半岛无核化', 'zh-CN')).toBe('半岛无核化');
    expect(hyphenateText('a short one', 'en')).toBe('a short one');
  });
});

describe('a mixed book in print', () => {
  it('tags each press conference with its language', () => {
    expect(html).toMatch(/<article class="event" id="ev-2018-09-05" lang="zh-CN"/);
    expect(html).toMatch(/<article class="event" id="ev-2018-09-05b" lang="en"/);
  });

  it('hyphenates the English text, not the Chinese', () => {
    const en = html.slice(html.indexOf('id="ev-2018-09-05b"'));
    const zh = html.slice(html.indexOf('id="ev-2018-09-05"'), html.indexOf('id="ev-2018-09-05b"'));
    expect((en.match(/\u00ad/g) ?? []).length).toBeGreaterThan(100);
    expect(zh).not.toContain('\u00ad');
    // and Chromium breaks lines there: some English line of the PDF ends in a hyphenated word
    const enPages = pages.filter((p) => p.includes('Hua Chunying') || /\bthe\b/.test(p));
    expect(enPages.join('\n')).toMatch(/[a-z]-\n[a-z]/);
  });

  it('sets English in the Latin faces, roman and bold', async () => {
    const fonts = (await pdfFonts(r.bytes)).map((f) => f.name);
    expect(fonts.some((f) => /SourceSerif4-Regular/.test(f))).toBe(true);
    expect(fonts.some((f) => /SourceSerif4-Bold/.test(f))).toBe(true);
    expect(html).toMatch(/font-family:'Source Serif 4';font-style:italic/);
    // and the colophon names them
    expect(pages.at(-1)).toContain('Source Serif 4');
  });

  it('dates the English press conference in English (contents, heading, running heads), the Chinese one in Chinese', () => {
    const all = pages.join('\n');
    expect(all).toContain('2018年9月5日');
    expect(all).toMatch(/September 5, 2018/);
    // the running head of the English conference's rectos: its date in English and its title (the stamp's
    // digits do not survive text extraction, so only the words are compared)
    const enHead = pages.filter((p) => /\nSeptember [^\n]* · Foreign Ministry Spokesperson/.test(p));
    expect(enHead.length).toBeGreaterThan(0);
  });

  it('indexes an English question under the topics of the Chinese question it translates', () => {
    const view = bookView(book, loadTheme('classic', 'print'), loadLocale('zh-CN'));
    const zh = book.events.find((e) => e.meta.language !== 'en')!;
    const q1 = zh.turns.find((t) => t.question?.id === '2018-09-05-01')!.question!;
    expect(q1.topics.length).toBeGreaterThan(0);
    const group = view.index.byTopic.find((g) => g.name === q1.topics[0])!;
    expect(group.entries.map((e) => e.id)).toEqual(expect.arrayContaining(['2018-09-05-01', '2018-09-05b-01']));
    // the English question has no topic of its own (the keywords are Chinese)
    const en = book.events.find((e) => e.meta.language === 'en')!;
    expect(en.turns.find((t) => t.question?.id === '2018-09-05b-01')!.question!.topics).toEqual([]);
  });
});
