/**
 * Annotated handouts: a few chosen questions with their answers (or ruled blank space in the
 * "questions only" variant), the teacher's notes beside the line they annotate, paragraph numbers,
 * optional ruled space, and a stamped header with title, date and page.
 *
 * Placement is checked on the real PDF, not guessed: every side note is a link back to its
 * reference, so the printed PDF carries link rectangles for the reference and for every fragment
 * of the note. A note that lands on another page than its quote, splits across pages or is pushed
 * far below its line is demoted to a numbered note after the question, and the handout is printed
 * again (demotions only grow, so this ends; in practice one or two passes).
 */
import { autospace } from '../shared/autospace.js';
import { internalLinks as pdfInternalLinks } from '../shared/pdf-read.js';
import { openPrintPage, printOptions } from '../shared/print-page.js';
import { configBrowser } from '../../config/load.js';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFDocument } from '../shared/pdflib.js';
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Book } from '../../model/types.js';
import type { HandoutConfig } from '../../config/schema.js';
import { selectQuestions, type SelectedQuestion } from '../../select.js';
import { numberNotes, staleMessage, noteBlocks, type Anchoring, type NumberedNote, type StaleNote } from '../../annotations/index.js';
import { handoutTransform, PLACEMENTS, type Placement } from '../../ast/annotate.js';
import { hastToHtml, turnHtml } from '../../ast/hast.js';
import { loadTheme } from '../shared/theme.js';
import { render as mustache } from '../shared/mustache.js';
import { loadLocale, type Locale } from '../shared/locale.js';
import { assertGlyphs, subsetFonts } from '../shared/font-subset.js';
import { hasLatinText, hyphenationTransform } from '../shared/hyphenate.js';
import { LATIN_FONTS } from '../../fonts/families.js';
import { launchBrowser, type PressbookBrowser } from '../../browser/launch.js';
import { stampPdf } from '../shared/pdf-stamp.js';
import { buildDate } from '../../util/date.js';
import { writeFileAtomic } from '../../util/fs.js';

export type HandoutSpec = Pick<HandoutConfig, 'name' | 'title' | 'select'> & Partial<Omit<HandoutConfig, 'name' | 'title' | 'select'>>;

export interface HandoutOptions {
  /**
   * the notes, anchored to the book: those of the book's sidecar, or of the spec's own notes file
   * (the caller loads them: a renderer reads no sidecar itself)
   */
  notes: Anchoring;
  /** interface strings (default: the locale of the book's language) */
  locale?: Locale;
  /** scratch folder; the handout's HTML and font slices go to `<buildRoot>/handout-<name>` */
  buildRoot: string;
  browser?: PressbookBrowser;
  log?: (s: string) => void;
  date?: Date;
  /** largest allowed distance between a quote's line and the top of its side note (mm); default 45 */
  maxDriftMm?: number;
}

export interface HandoutNoteReport {
  n: number;
  question: string;
  quote: string;
  placement: Placement;
  /** 1-based page of the quote (from the PDF), when found */
  page?: number;
  line: number;
}

export interface HandoutResult {
  file: string;
  htmlFile: string;
  bytes: Uint8Array;
  pages: number;
  questions: string[];
  notes: HandoutNoteReport[];
  /** notes of the sidecar that did not anchor (reported, also printed after their question when it is selected) */
  stale: StaleNote[];
  /** notes on answers, left out of a questions-only handout */
  omitted: number;
  passes: number;
  missingGlyphs: number[];
  blocked: string[];
}

const MM = 72 / 25.4;
/** print passes before every still-misplaced note is sent to the end at once */
const MAX_PASSES = 10;

function resolved(spec: HandoutSpec): Required<Omit<HandoutSpec, 'notes' | 'language' | 'parallel'>> & { notes?: string; language?: string; parallel: boolean } {
  return { order: 'chronological', variant: 'annotated', ruled: false, page: 'A4', parallel: false, ...spec };
}

/** The question id of a follow-up id ("2021-03-07-05-f1" → "2021-03-07-05"); other ids unchanged. */
function questionPart(id: string): string {
  return id.replace(/-f\d+$/, '');
}

function lines(n: number) {
  return Array.from({ length: n }, (_, i) => ({ i }));
}

function buildView(book: Book, locale: Locale, spec: ReturnType<typeof resolved>, picked: SelectedQuestion[], notes: NumberedNote[], stale: StaleNote[], placement: Map<number, Placement>, date: Date) {
  const lang = book.config.language;
  const annotated = spec.variant === 'annotated';
  // English paragraphs hyphenated with soft hyphens (../shared/hyphenate.ts) after the notes are placed
  const hy = hyphenationTransform(book);
  const transform = handoutTransform(notes, (n) => placement.get(n) ?? 'side');
  const tx = hy ? [transform, hy] : [transform];
  const staleByQ = new Map<string, StaleNote[]>();
  for (const s of stale) staleByQ.set(questionPart(s.entry.question), [...(staleByQ.get(questionPart(s.entry.question)) ?? []), s]);
  const questions = picked.map((q, i) => {
    const info = q.question.question;
    const answerChars = q.answers.reduce((s, a) => s + a.paragraphs.join('').length, 0);
    const endNotes = notes
      .filter((n) => n.question === q.question && placement.get(n.n) === 'end')
      .map((n) => {
        const blocks = noteBlocks(n.entry.note);
        const li = h('li', { id: `en-${n.n}`, value: n.n }, [h('a', { href: `#ref-${n.n}`, className: ['en-no'] }, String(n.n)), h('div', { className: ['en-body'] }, blocks)]) as Element;
        return { n: n.n, html: hastToHtml({ type: 'root', children: [li] }) };
      });
    const staleHere = (staleByQ.get(info.id) ?? []).map((s) => ({
      quote: s.entry.quote,
      where: `${s.entry.file.split(/[\\/]/).pop()}:${s.line}`,
      html: hastToHtml({ type: 'root', children: noteBlocks(s.entry.note) }),
    }));
    // the turns after the question: answers, follow-ups (never numbered as questions), interjections
    // and stage directions, in reading order; questions only: the follow-ups stay, ruled space takes
    // the place of each run of answer turns
    const parts: Record<string, unknown>[] = [];
    let run = 0;
    const blank = (last = false) => {
      if (!annotated && (run > 0 || last)) parts.push({ isBlank: true, blankLines: lines(Math.min(22, Math.max(6, Math.ceil(run / 40)))) });
      run = 0;
    };
    for (const t of q.answers) {
      if (t.kind === 'followup' && t.question) {
        blank();
        parts.push({ isFollowup: true, id: t.question.id, label: t.question.label, outlet: t.question.outlet, html: turnHtml(t, tx) });
        continue;
      }
      run += t.paragraphs.join('').length;
      if (!annotated) continue;
      const html = turnHtml(t, tx);
      if (t.kind === 'answer') parts.push({ isAnswer: true, speaker: t.speaker ?? '', html });
      else if (t.kind === 'interjection') parts.push({ isInterjection: true, speaker: t.speaker ?? '', html });
      else parts.push({ isRemarks: true, kind: t.kind, speaker: t.speaker ?? '', html });
    }
    blank(true);
    return {
      no: i + 1,
      followupCount: q.followups.length,
      parts,
      id: info.id,
      anchor: `q-${info.id}`,
      lang: q.event.meta.language,
      dateText: locale.date(q.event.meta.date),
      followupText: q.followups.length ? locale.format('handoutFollowups', { followups: q.followups.length }) : '',
      questionText: locale.format('handoutQuestion', { id: info.id }),
      eventTitle: q.event.meta.title,
      label: info.label,
      outlet: info.outlet,
      title: info.title,
      topicsText: info.topics.join(' · '),
      questionHtml: turnHtml(q.question, tx),
      answerChars,
      writeLines: spec.ruled && annotated ? lines(6) : [],
      endNotes,
      hasEndNotes: endNotes.length > 0,
      stale: staleHere,
      hasStale: staleHere.length > 0,
    };
  });
  return {
    lang,
    title: spec.title,
    bookTitle: book.config.title,
    dateText: locale.date(date.toISOString().slice(0, 10)),
    countText: locale.format('handoutCount', { count: questions.length }),
    t: locale.words,
    variant: spec.variant,
    annotated,
    questionsOnly: !annotated,
    ruled: spec.ruled,
    pageSize: spec.page,
    count: questions.length,
    noteCount: notes.length,
    questions,
  };
}

interface LinkHit {
  page: number;
  /** top of the link rectangle, PDF points from the page bottom */
  top: number;
}

/** Internal links of a PDF: destination name → where the links pointing at it sit. */
export async function internalLinks(bytes: Uint8Array): Promise<Map<string, LinkHit[]>> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = new Map<string, LinkHit[]>();
  for (const l of pdfInternalLinks(doc)) {
    if (!l.name) continue;
    const hit = { page: l.page + 1, top: Math.max(l.rect[1], l.rect[3]) };
    out.set(l.name, [...(out.get(l.name) ?? []), hit]);
  }
  return out;
}

/** Side notes that did not land beside their quote (other page, split across pages, or pushed too far down). */
function misplaced(links: Map<string, LinkHit[]>, sideNotes: number[], maxDriftPt: number): { bad: number[]; pageOf: Map<number, number> } {
  const bad: number[] = [];
  const pageOf = new Map<number, number>();
  for (const n of sideNotes) {
    const ref = links.get(`sn-${n}`)?.[0];
    const note = links.get(`ref-${n}`) ?? [];
    if (ref) pageOf.set(n, ref.page);
    if (!ref || !note.length) {
      bad.push(n);
      continue;
    }
    const samePage = note.every((x) => x.page === ref.page);
    const top = Math.max(...note.map((x) => x.top));
    if (!samePage || Math.abs(ref.top - top) > maxDriftPt) bad.push(n);
  }
  return { bad, pageOf };
}

async function printOnce(b: PressbookBrowser, htmlFile: string, root: string) {
  const { page, blocked } = await openPrintPage(b, htmlFile, root);
  try {
    const pdf = await page.pdf({ ...printOptions(true), outline: true });
    return { pdf, blocked };
  } finally {
    await page.close();
  }
}

/** Select, anchor, lay out, print and stamp one handout. */
export async function renderHandout(book: Book, specIn: HandoutSpec, outFile: string, opts: HandoutOptions): Promise<HandoutResult> {
  const spec = resolved(specIn);
  const log = opts.log ?? (() => undefined);
  let picked = selectQuestions(book, spec.select, spec.order);
  // an ordinary handout in the language asked for: each question's counterpart in that edition (./parallel.ts)
  if (spec.language && !spec.parallel) {
    const r = (await import('./parallel.js')).inLanguage(book, picked, spec.language);
    if (r.missing.length) log(`handout ${spec.name}: no ${spec.language} edition of ${r.missing.join(', ')} (printed as selected)`);
    picked = r.picked;
  }
  const ann = opts.notes;
  const locale = opts.locale ?? loadLocale(book.config.language, book.config.root);
  for (const s of ann.stale) log(staleMessage(s));
  const annotated = spec.variant === 'annotated';
  const usable = ann.anchored.filter((a) => annotated || a.inQuestion);
  const pickedQs = new Set(picked.map((q) => q.question));
  const omitted = ann.anchored.filter((a) => pickedQs.has(a.question)).length - usable.filter((a) => pickedQs.has(a.question)).length;
  if (omitted) log(`handout ${spec.name}: ${omitted} note(s) on answers left out of the questions-only variant`);
  // parallel: the two editions side by side (./parallel.ts), loaded only when asked for
  const parallel = spec.parallel ? await import('./parallel.js') : undefined;
  const units = parallel?.parallelUnits(book, picked);
  if (units?.unpaired.length) log(`handout ${spec.name}: no aligned translation for ${units.unpaired.join(', ')} (printed in one column)`);
  const notes = parallel && units ? parallel.numberParallelNotes(usable, units.units) : numberNotes(usable, picked);
  // a parallel handout also prints the stale notes of the other edition's questions
  const pickedIds = new Set([...picked.map((q) => q.question.question.id), ...(units ? parallel!.unitQuestionIds(units.units) : [])]);
  const stale = ann.stale.filter((s) => pickedIds.has(questionPart(s.entry.question)));

  const theme = loadTheme(parallel ? 'parallel' : 'handout', 'handout', book.config.root);
  const buildDir = resolve(opts.buildRoot, `handout-${spec.name}`);
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  const date = opts.date ?? buildDate();
  const placement = new Map<number, Placement>(notes.map((n) => [n.n, 'side'] as const));
  const maxDriftPt = (opts.maxDriftMm ?? 45) * MM;
  const htmlFile = join(buildDir, 'handout.html');

  const b = opts.browser ?? (await launchBrowser(configBrowser(book.config)));
  try {
    let printed: Uint8Array | undefined;
    let blocked: string[] = [];
    let missing: number[] = [];
    let pageOf = new Map<number, number>();
    let passes = 0;
    for (;;) {
      passes++;
      const base = buildView(book, locale, spec, picked, notes, stale, placement, date);
      const view =
        parallel && units
          ? { ...base, count: units.units.length, countText: locale.format('handoutCount', { count: units.units.length }), questions: parallel.parallelQuestions(units.units, locale, spec, notes, stale, (n) => placement.get(n) ?? 'side') }
          : base;
      const text = mustache(theme.template, { ...view, css: theme.css, fontCss: '' }) + locale.format('handoutPage', { page: '0123456789', pages: '' });
      const latin = picked.some((q) => hasLatinText({ ...book, events: [q.event, ...(q.translation ? [q.translation.event] : [])] }));
      const fonts = await subsetFonts(text, latin ? [...theme.fonts, ...LATIN_FONTS] : theme.fonts, join(buildDir, 'fonts'), 'fonts/');
      missing = fonts.missing;
      assertGlyphs(missing, `handout ${spec.name}: `, book);
      // the Han–Latin/digit gap as positions only: PDF readers copied Chromium's text-autospace gap as a space
      writeFileAtomic(htmlFile, autospace(mustache(theme.template, { ...view, css: theme.css, fontCss: fonts.css })));
      const r = await printOnce(b, htmlFile, buildDir);
      printed = r.pdf;
      blocked = r.blocked;
      const side = notes.filter((n) => placement.get(n.n) !== 'end').map((n) => n.n);
      const links = await internalLinks(printed);
      const m = misplaced(links, side, maxDriftPt);
      pageOf = m.pageOf;
      for (const n of notes) if (!pageOf.has(n.n)) pageOf.set(n.n, links.get(`en-${n.n}`)?.[0]?.page ?? NaN);
      if (!m.bad.length || passes > MAX_PASSES) {
        if (m.bad.length) log(`handout ${spec.name}: note(s) ${m.bad.join(', ')} could not be placed beside their quote`);
        break;
      }
      // A misplaced note moves one step down the ladder (side → side-para → side-break → end). A note
      // pushed away by an earlier misplaced one on its page or the page before is left alone this pass:
      // it may well fit once the culprit has moved. Past MAX_PASSES everything misplaced goes to the end.
      const moved: number[] = [];
      for (const n of m.bad) {
        const page = m.pageOf.get(n) ?? Infinity;
        if (passes < MAX_PASSES && moved.some((k) => (m.pageOf.get(k) ?? -Infinity) >= page - 1)) continue;
        placement.set(n, passes < MAX_PASSES ? PLACEMENTS[PLACEMENTS.indexOf(placement.get(n)!) + 1]! : 'end');
        moved.push(n);
      }
    }
    const doc = await PDFDocument.load(printed!, { updateMetadata: false });
    const pages = doc.getPageCount();
    const dt = locale.date(date.toISOString().slice(0, 10));
    const sep = locale.format('handoutHeadSep', {});
    const bytes = await stampPdf(printed!, { header: (i) => [spec.title, dt, locale.format('handoutPage', { page: i + 1, pages })].join(sep), footer: () => '' }, date);
    writeFileAtomic(outFile, bytes);
    return {
      file: outFile,
      htmlFile,
      bytes,
      pages,
      questions: units ? units.units.map((u) => u.selected.question.question.id) : picked.map((q) => q.question.question.id),
      notes: notes.map((n) => ({
        n: n.n,
        question: n.question.question.id,
        quote: n.entry.quote,
        placement: placement.get(n.n)!,
        page: Number.isNaN(pageOf.get(n.n)) ? undefined : pageOf.get(n.n),
        line: n.entry.line,
      })),
      stale: ann.stale,
      omitted,
      passes,
      missingGlyphs: missing,
      blocked,
    };
  } finally {
    if (!opts.browser) await b.close();
  }
}
