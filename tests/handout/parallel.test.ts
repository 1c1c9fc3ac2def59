/**
 * The parallel handout (`parallel: true`) on a small pair (tests/fixtures/bilingual: the Chinese and
 * English editions of the 2018-09-05 press conference): units and rows from the alignment, nothing
 * dropped (unaligned paragraphs in rows of their own), notes of both editions numbered in row order,
 * and a real print read back from the PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { prepareBook } from '../../src/build.js';
import { renderHandout, type HandoutResult } from '../../src/render/handout/handout.js';
import { inLanguage, numberParallelNotes, parallelQuestions, parallelUnits } from '../../src/render/handout/parallel.js';
import { launchBrowser, type PressbookBrowser } from '../../src/browser/launch.js';
import { selectQuestions } from '../../src/select.js';
import { loadAnnotations } from '../../src/annotations/index.js';
import { loadLocale } from '../../src/render/shared/locale.js';
import type { Book } from '../../src/model/types.js';
import { pdfFonts, pdfPagesText } from '../helpers/pdf.js';
import { tempDir } from '../helpers/tmp.js';
import { spacingErrors, stampedLines, textOf } from '../helpers/heads.js';

const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'bilingual');
const DATE = new Date('2024-09-01T00:00:00Z');
/** letters, digits and Han only: PDF text breaks lines and hyphenates English words */
const bare = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');

let tmp: string;
let book: Book;
let browser: PressbookBrowser | undefined;

beforeAll(async () => {
  tmp = tempDir('parallel');
  book = (await prepareBook(loadConfig(FIXTURE), join(tmp, 'out'))).book;
});
afterAll(async () => {
  await browser?.close();
});

describe('units and rows', () => {
  it('pairs the two editions and makes one unit per question, counterpart included', () => {
    expect(book.translations?.length).toBe(1);
    const picked = selectQuestions(book, ['2018-09-05-01', '2018-09-05-02', '2018-09-05-03', '2018-09-05-04', '2018-09-05-05']);
    const { units, unpaired } = parallelUnits(book, picked);
    expect(units).toHaveLength(5);
    expect(unpaired).toEqual([]);
    for (const u of units) {
      expect(u.left.meta.language).toBe('zh-CN');
      expect(u.right?.meta.language).toBe('en');
    }
    // the Chinese question 3 is a follow-up of question 2 in the English edition: it goes with question 3, not with 2
    const kinds = (i: number) => units[i]!.beads.map((b) => `${u(i).left.turns[b.left!]?.kind ?? '-'}/${b.right === undefined ? '-' : u(i).right!.turns[b.right]!.kind}`);
    const u = (i: number) => units[i]!;
    expect(kinds(1)).toEqual(['question/question', 'answer/answer']);
    expect(kinds(2)).toEqual(['question/followup', 'answer/answer']);
  });

  it('a date selecting both editions prints each question once, every turn of both spans exactly once', () => {
    const picked = selectQuestions(book, ['2018-09-05']);
    expect(picked.length).toBeGreaterThan(10); // both editions' questions
    const { units } = parallelUnits(book, picked);
    const pair = book.translations![0]!;
    const zh = book.events.find((e) => e.meta.id === pair.source)!;
    expect(units).toHaveLength(zh.turns.filter((t) => t.kind === 'question').length);
    const seen = units.flatMap((x) => x.beads.map((b) => `${b.left ?? '-'}:${b.right ?? '-'}`));
    expect(new Set(seen).size).toBe(seen.length);
    // every bead of the pair between the first question and the end is in one unit
    const first = pair.turns.findIndex((b) => b.source !== undefined && zh.turns[b.source]!.kind === 'question');
    const closing = (b: (typeof pair.turns)[number]) => b.source !== undefined && ['closing', 'narration'].includes(zh.turns[b.source]!.kind);
    expect(seen.length).toBe(pair.turns.slice(first).filter((b) => !closing(b)).length);
  });

  it('shows a paragraph or turn without counterpart in a row of its own, never drops it', () => {
    const picked = selectQuestions(book, ['2018-09-05-02']);
    const { units } = parallelUnits(book, picked);
    const u = units[0]!;
    // make the English answer's last paragraph unaligned, and the English follow-up a turn of its own
    const ans = u.beads[1]!;
    const last = ans.paragraphs!.at(-1)!;
    ans.paragraphs = [...ans.paragraphs!.slice(0, -1), { source: last.source, target: [] }, { source: [], target: last.target }];
    u.beads.push({ right: ans.right! + 1 });
    const locale = loadLocale('zh-CN');
    const view = parallelQuestions(units, locale, { variant: 'annotated', ruled: false }, [], [], () => 'side');
    const rows = view[0]!.rows.filter((r) => r.isPara) as { unaligned: boolean; left: { none?: boolean; html?: string }; right: { none?: boolean; html?: string } }[];
    const lone = rows.filter((r) => r.unaligned);
    expect(lone).toHaveLength(3);
    expect(lone.filter((r) => r.left.none && r.right.html)).toHaveLength(2);
    expect(lone.filter((r) => r.right.none && r.left.html)).toHaveLength(1);
    const en = book.events.find((e) => e.meta.language === 'en')!;
    const html = rows.map((r) => `${r.left.html ?? ''}${r.right.html ?? ''}`).join('');
    expect(bare(html.replace(/<[^>]+>/g, ''))).toContain(bare(en.turns[ans.right! + 1]!.paragraphs[0]!));
  });

  it('numbers the notes of both editions in row order', () => {
    const picked = selectQuestions(book, ['2018-09-05-01', '2018-09-05-02', '2018-09-05-03']);
    const { units } = parallelUnits(book, picked);
    const ann = loadAnnotations(book);
    expect(ann.stale).toEqual([]);
    const notes = numberParallelNotes(ann.anchored, units);
    expect(notes.map((n) => n.entry.quote)).toEqual(['齐头并进', 'The essence of the Korean Peninsula issue is about security', '上演了一出拙劣的闹剧', '唯有自重，才能赢得尊重']);
  });
});

describe('an ordinary handout in the other language', () => {
  it('replaces each question by its counterpart in that edition, once', () => {
    const picked = selectQuestions(book, ['2018-09-05-01', '2018-09-05-02', '2018-09-05-03']);
    const r = inLanguage(book, picked, 'en');
    // the Chinese question 3 is a follow-up of question 2 in English: question 2 brings it
    expect(r.picked.map((q) => q.question.question.id)).toEqual(['2018-09-05b-01', '2018-09-05b-02']);
    expect(r.missing).toEqual([]);
    // and back: the English follow-up is the Chinese question 3
    expect(inLanguage(book, r.picked, 'zh').picked.map((q) => q.question.question.id)).toEqual(['2018-09-05-01', '2018-09-05-02', '2018-09-05-03']);
  });
});

describe('stale notes', () => {
  it('shows a stale note with the unit that holds its question, in either edition, once', () => {
    const picked = selectQuestions(book, ['2018-09-05-02', '2018-09-05-03']);
    const { units } = parallelUnits(book, picked);
    const entry = (question: string) => ({ entry: { question, quote: 'gone', note: 'a note', occurrence: 1, file: 'notes.yaml', line: 1, questionLine: 1, quoteLine: 2 }, reason: 'quote not found', line: 2 });
    const view = parallelQuestions(units, loadLocale('zh-CN'), { variant: 'annotated', ruled: false }, [], [entry('2018-09-05b-02-f1'), entry('2018-09-05-02')], () => 'side');
    expect(view.map((u) => u.stale.length)).toEqual([1, 1]);
    expect(view[0]!.hasStale && view[1]!.hasStale).toBe(true);
  });
});

describe('printed', () => {
  let r: HandoutResult;
  let text: string;
  let only: HandoutResult;
  let onlyText: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    const spec = loadConfig(FIXTURE).handouts.find((h) => h.name === 'parallel')!;
    r = await renderHandout(book, spec, join(tmp, 'parallel.pdf'), { buildRoot: join(tmp, '.build'), browser, date: DATE, notes: loadAnnotations(book) });
    text = bare((await pdfPagesText(readFileSync(r.file))).join(''));
    only = await renderHandout(book, { ...spec, name: 'only-en', variant: 'questions-only', language: 'en' }, join(tmp, 'only.pdf'), { buildRoot: join(tmp, '.build'), browser, date: DATE, notes: loadAnnotations(book) });
    onlyText = bare((await pdfPagesText(readFileSync(only.file))).join(''));
  }, 120_000);

  it('prints every paragraph of both editions of the five questions, with the notes beside their rows', () => {
    expect(r.questions).toHaveLength(5);
    const { units } = parallelUnits(book, selectQuestions(book, r.questions));
    // the printed HTML holds each paragraph whole, in a cell of its own (notes are in the notes column)
    const html = readFileSync(r.htmlFile, 'utf8');
    const cells = new Set(
      [...html.matchAll(/<p [^>]*class="para"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<sup class="noteref">[\s\S]*?<\/sup>/g, '').replace(/<[^>]+>/g, '')// soft hyphens (English) and the word joiner that binds a note reference to its punctuation
        .replace(/[\u00ad\u2060]/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&')),
    );
    // the PDF: the start and end of each (a paragraph may run over a page break; digits are note and row numbers)
    const pdf = text.replace(/\d/g, '');
    const ends = (p: string) => {
      const b = bare(p).replace(/\d/g, '');
      expect(pdf).toContain(b.slice(0, 12));
      expect(pdf).toContain(b.slice(-12));
    };
    let n = 0;
    for (const u of units)
      for (const b of u.beads)
        for (const p of [...(b.left !== undefined ? u.left.turns[b.left]!.paragraphs : []), ...(b.right !== undefined ? u.right!.turns[b.right]!.paragraphs : [])]) {
          expect(cells.has(p)).toBe(true);
          ends(p);
          n++;
        }
    expect(n).toBe(30); // the paragraphs of both editions of the five questions
    expect(r.notes).toHaveLength(4);
    expect(r.notes.filter((x) => x.placement !== 'end').length).toBeGreaterThanOrEqual(3);
  });

  it('stamps a head that reads back as its text (Latin and digits included), set with the font\'s own advances', async () => {
    const bytes = readFileSync(r.file);
    const stamped = await stampedLines(bytes);
    const texts = await pdfPagesText(bytes);
    expect(stamped.length).toBeGreaterThan(1);
    for (const s of stamped) {
      // title · date · page, with the locale's separator (ideographic spaces around a middle dot)
      const head = `Parallel reading 2018-09-05\u3000·\u30002024年9月1日\u3000·\u3000第 ${s.page + 1}/${stamped.length} 页`;
      expect(textOf(s.head), `head of page ${s.page + 1}`).toBe(head);
      // pdfjs extracts the ideographic spaces as plain spaces
      const spaces = (x: string) => x.replace(/\s+/g, ' ');
      expect(spaces(texts[s.page]!), `extracted text of page ${s.page + 1}`).toContain(spaces(head));
      expect(spacingErrors(s.head!, head), `spacing of the head of page ${s.page + 1}`).toEqual([]);
      // the digits next to Latin letters are Noto's `locl` forms: never a full em apart
      const digits = s.head!.filter((g, k) => /[0-9]/.test(g.ch) && /[0-9-]/.test(s.head![k + 1]?.ch ?? ''));
      expect(digits.length).toBeGreaterThan(8);
      for (const g of digits) expect((s.head![s.head!.indexOf(g) + 1]!.x - g.x) / g.size).toBeLessThan(0.7);
    }
  });

  it('tags the English cells and sets them in the Latin faces, hyphenated', async () => {
    const html = readFileSync(r.htmlFile, 'utf8');
    expect(html).toMatch(/class="pc pc-r" lang="en"/);
    expect(html).toMatch(/class="pc pc-l" lang="zh-CN"/);
    expect(html).toContain('\u00ad'); // soft hyphens in the English text
    const fonts = (await pdfFonts(readFileSync(r.file))).map((f) => f.name).join(' ');
    expect(fonts).toMatch(/SourceSerif4/);
  });

  it('questions only in English: the English questions, ruled space for the Chinese and the answers', () => {
    const en = book.events.find((e) => e.meta.language === 'en')!;
    const zh = book.events.find((e) => e.meta.language !== 'en')!;
    const q1en = en.turns.find((t) => t.question?.id.endsWith('-01'))!;
    const q1zh = zh.turns.find((t) => t.question?.id.endsWith('-01'))!;
    expect(onlyText).toContain(bare(q1en.paragraphs[0]!));
    expect(onlyText).not.toContain(bare(q1zh.paragraphs[0]!).slice(0, 12));
    expect(readFileSync(only.htmlFile, 'utf8')).toContain('pc-ruled');
  });

  it('an ordinary handout of an English question: tagged lang="en", hyphenated, in the Latin faces', async () => {
    const en = await renderHandout(book, { name: 'en', title: 'English', select: ['2018-09-05b-01'] }, join(tmp, 'en.pdf'), { buildRoot: join(tmp, '.build'), browser, date: DATE, notes: loadAnnotations(book) });
    const html = readFileSync(en.htmlFile, 'utf8');
    expect(html).toMatch(/<article class="qa" id="q-2018-09-05b-01" lang="en">/);
    expect(html).toContain('\u00ad');
    expect((await pdfFonts(readFileSync(en.file))).map((f) => f.name).join(' ')).toMatch(/SourceSerif4/);
    // the note on the English answer is printed beside it
    expect(en.notes.map((n) => n.quote)).toEqual(['The essence of the Korean Peninsula issue is about security']);
  });
});
