/**
 * What both print paths (two-pass.ts for a small book, pdf.ts for one printed in parts) derive from the
 * print view model once the pages are known: the chapters and their running heads, the per-page stamps
 * (heads and folios), the outline, and the stamp geometry. Plain data in, plain data out.
 */
import type { BookView } from '../shared/book-view.js';
import type { Locale } from '../shared/locale.js';
import type { EventView } from '../shared/viewmodel.js';
import type { DocMeta, OutlineEntry, PageStamp } from '../shared/pdf-stamp.js';
import type { Book } from '../../model/types.js';
import { buildDate } from '../../util/date.js';
import type { PrintGeometry } from './html.js';
import type { PagePlan } from './paginate.js';

export interface Chapter {
  anchor: string;
  kind: 'toc' | 'year' | 'event' | 'back';
  verso: string;
  recto: string;
}

/**
 * The book's structure as the pagination needs it: the chapters with their left- and right-hand heads,
 * the anchors that open a right-hand page, and the anchor of page 1.
 */
export function structure(view: BookView, locale: Locale) {
  const w = locale.words;
  const chapters: Chapter[] = [{ anchor: 'toc', kind: 'toc', verso: w.toc, recto: w.toc }];
  for (const y of view.years) {
    const first = y.events[0];
    const verso = locale.format('runningHead', { title: view.title, year: y.year, yearText: y.yearText });
    // the right-hand head says which conference the page belongs to: the titles of a series are often all alike
    const recto = (e: (typeof y.events)[number]) =>
      locale.format('runningHeadEvent', { dateText: e.dateText, shortTitle: e.session || e.headline || e.tocTitle || e.title, title: e.title });
    chapters.push({ anchor: y.anchor, kind: 'year', verso, recto: first ? recto(first) : y.yearText });
    for (const e of y.events) chapters.push({ anchor: e.anchor, kind: 'event', verso, recto: recto(e) });
  }
  chapters.push({ anchor: 'question-index', kind: 'back', verso: w.questionIndex, recto: w.questionIndex });
  chapters.push({ anchor: 'colophon', kind: 'back', verso: w.colophon, recto: w.colophon });
  const recto = ['title-page', 'toc', ...view.years.map((y) => y.anchor), 'question-index'];
  const bodyStart = view.years[0]?.anchor ?? 'question-index';
  return { chapters, recto, bodyStart };
}

/** The text the running heads and folios can draw (the stamp font's subset). */
export function stampText(chapters: Chapter[]): string[] {
  return [...chapters.flatMap((c) => [c.verso, c.recto]), '0123456789ivxlcdm…'];
}

/** Where the pages fell: each anchor's page, the blank pages, the printed label of each page. */
export type Layout = Pick<PagePlan, 'pages' | 'pageCount' | 'blankPages' | 'bodyStart' | 'label'>;

/** Per-page stamps: no heads on the cover, title, blank and chapter-opening pages; folios from the TOC on. */
export function stamps(plan: Layout, chapters: Chapter[], hasCover: boolean): PageStamp[] {
  const starts = chapters
    .map((c) => ({ c, page: plan.pages.get(c.anchor) }))
    .filter((x): x is { c: Chapter; page: number } => x.page !== undefined)
    .sort((a, b) => a.page - b.page);
  const opening = new Set(starts.map((s) => s.page));
  const tocPage = plan.pages.get('toc') ?? starts[0]?.page ?? 0;
  const out: PageStamp[] = [];
  let k = -1;
  for (let i = 0; i < plan.pageCount; i++) {
    const side = i % 2 === 0 ? 'recto' : 'verso';
    while (k + 1 < starts.length && starts[k + 1]!.page <= i) k++;
    if (plan.blankPages.has(i) || (hasCover && i === 0) || i < tocPage) {
      out.push({ side });
      continue;
    }
    const cur = k >= 0 ? starts[k]!.c : undefined;
    const header = !cur || opening.has(i) ? '' : side === 'recto' ? cur.recto : cur.verso;
    out.push({ side, header, folio: plan.label(i) });
  }
  return out;
}

/** An anchor's destination in the final PDF (undefined: not in the book). */
export type At = (anchor: string) => OutlineEntry['dest'];

/** Outline year → (month, for a book printed by the month) → conference → question → follow-up. */
export function outline(view: BookView, at: At, locale: Locale, months: boolean): OutlineEntry[] {
  const w = locale.words;
  const entries: OutlineEntry[] = [];
  const toc = at('toc');
  if (toc) entries.push({ title: w.toc, dest: toc, children: [] });
  const event = (e: EventView): OutlineEntry => ({
    title: `${e.dateText} ${e.title}`,
    dest: at(e.anchor),
    children: e.questions.map((q) => ({
      title: `${q.seq}. ${q.outlet ? q.outlet + w.colon : ''}${q.title}`,
      dest: at(q.anchor),
      children: q.followups.map((f) => ({ title: `${w.followup} ${f.outlet ? f.outlet + w.colon : ''}${f.title}`, dest: at(f.anchor), children: [] })),
    })),
  });
  for (const y of view.years) {
    const children = months ? y.months.map((m) => ({ title: m.monthText, dest: at(m.anchor), children: m.events.map(event) })) : y.events.map(event);
    entries.push({ title: y.yearText, dest: at(y.anchor), open: true, children });
  }
  for (const [a, t] of [['question-index', w.questionIndex], ['colophon', w.colophon]] as const) {
    const d = at(a);
    if (d) entries.push({ title: t, dest: d, children: [] });
  }
  return entries;
}

/** The page geometry the stamps need (margins, folio place, binding edge). */
export function stampGeometry(g: PrintGeometry) {
  return { top: g.top, bottom: g.bottom, inner: g.inner, outer: g.outer, folio: g.folio, binding: g.binding };
}

/** The PDF's document information of a book (title, author, subject, keywords, language, build date, id seed). */
export function bookMetadata(book: Book, view: BookView, locale: Locale): DocMeta {
  const c = book.config;
  return {
    title: c.subtitle ? `${c.title}${locale.words.colon}${c.subtitle}` : c.title,
    author: c.author ?? c.editor,
    subject: c.description ?? c.subtitle,
    keywords: [...view.years.map((y) => `${y.year}`), ...new Set(view.index.byTopic.map((g) => g.name))],
    language: c.language,
    date: buildDate(),
    idSeed: c.id ?? c.title,
  };
}
