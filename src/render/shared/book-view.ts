/** The view model of a whole book, shared by the print and EPUB renderers. */
import { render as mustache } from './mustache.js';
import type { Book } from '../../model/types.js';
import type { Theme } from './theme.js';
import { loadLocale, type Locale } from './locale.js';
import { compactIndex, eventView, questionIndex, yearsView, type IndexTable, type YearView } from './viewmodel.js';
import { EMPTY_PRESET, loadPreset } from '../../ingest/preset.js';
import { aliasMap, mergeTopics } from '../../ingest/topics.js';
import type { BookConfig } from '../../config/schema.js';
import type { PressEvent } from '../../model/types.js';
import { buildDate } from '../../util/date.js';
import { FAMILIES } from '../../fonts/families.js';

/** The index's topic order and aliases: the preset's tables with the book config's additions. */
export function indexTable(c: BookConfig): IndexTable {
  const preset = c.preset ? loadPreset(c.preset, c.root) : EMPTY_PRESET;
  return {
    order: Object.keys(mergeTopics(c.topics, preset.topics)).map((t) => t.replace(/\s+/g, '_')),
    topicAliases: aliasMap(preset.topicAliases, c.topicAliases),
    outletAliases: aliasMap(preset.outlets, c.outlets),
  };
}
import type { HastTransform } from '../../ast/hast.js';

/**
 * The book design is chosen by size, here and nowhere else. A book with at most this many questions
 * and follow-ups keeps the rich design: every question (and follow-up) has its own line in the printed
 * TOC and the EPUB navigation, and the index lists each question with its full text. Above it, the
 * big-book design: a TOC and navigation of years → months → press conferences, the questions listed at
 * the head of each conference, an index of conference dates and question numbers per term.
 *
 * Why 300: a question line of the rich TOC takes 1.2–1.5 lines on an A5 page (titles average ~29
 * characters and many wrap), about 19 per page, so 300 questions are ~16 pages of TOC — about the most a
 * reader leafs through. Measured on the 2017 book of the development corpus (260 conferences, 1,986
 * questions, 70 follow-ups): the rich TOC took 124 A5 pages (~19 lines a page), its index 293;
 * the big-book design 12 and 18 (plus ~0.5 page of question list at the head of each conference). The bundled example
 * (3 conferences, ~55 questions) stays well below it. A book may move it: `design: { richUpTo: N }`.
 */
export const RICH_DESIGN_MAX_QUESTIONS = 300;

export type BookDesign = 'rich' | 'compact';

/** The design of a book: rich up to the threshold (questions + follow-ups), compact above it. */
export function bookDesign(book: Book): BookDesign {
  const max = book.config.design?.richUpTo ?? RICH_DESIGN_MAX_QUESTIONS;
  let n = 0;
  for (const e of book.events) for (const t of e.turns) if (t.question && (t.kind === 'question' || t.kind === 'followup')) n++;
  return n > max ? 'compact' : 'rich';
}

/** anchor id → printed page label */
export type PageMap = Map<string, string>;

/** each press conference in its own language's locale (dates, running heads) when it differs from the book's */
function eventLocales(book: Book, locale: Locale): (lang: string) => Locale {
  const c = book.config;
  const locales = new Map<string, Locale>();
  return (lang: string) => {
    if (lang === c.language) return locale;
    if (!locales.has(lang)) {
      const l = loadLocale(lang, c.root);
      locales.set(lang, l.lang === loadLocale(c.language, c.root).lang ? locale : l);
    }
    return locales.get(lang)!;
  };
}

/**
 * The turns of the conferences `ids` put into a view that bookView built without them (`skipTurns`),
 * exactly as bookView would have built them (the same locale, transforms and markup).
 */
export function addTurns(book: Book, view: { years: YearView[] }, locale: Locale, ids: Set<string>, opts: { transforms?: HastTransform[]; xhtml?: boolean } = {}): void {
  if (!ids.size) return;
  const localeOf = eventLocales(book, locale);
  const byId = new Map(book.events.map((e) => [e.meta.id, e]));
  for (const y of view.years)
    for (const e of y.events) {
      const ev = ids.has(e.id) ? byId.get(e.id) : undefined;
      if (ev) e.turns = eventView(ev, localeOf(ev.meta.language), opts.transforms, opts.xhtml, true).turns;
    }
}

/**
 * The view model of a whole book (PDF and EPUB): the years, the question index, the colophon's
 * sources and cleaning figures, the interface words of the locale as `t`.
 */
export function bookView(book: Book, theme: Theme, locale: Locale, opts: { pages?: PageMap; transforms?: HastTransform[]; xhtml?: boolean; skipTurns?: (eventId: string) => boolean; env?: NodeJS.ProcessEnv } = {}) {
  const c = book.config;
  const design = bookDesign(book);
  const localeOf = eventLocales(book, locale);
  const years: YearView[] = yearsView(book, locale, opts.transforms, opts.xhtml, localeOf, opts.skipTurns);
  const page = (a: string) => opts.pages?.get(a) ?? '';
  for (const y of years) {
    y.page = page(y.anchor);
    for (const m of y.months) m.page = page(m.anchor);
    for (const e of y.events) {
      e.page = page(e.anchor);
      for (const q of e.questions) {
        q.page = page(q.anchor);
        for (const f of q.followups) f.page = page(f.anchor);
      }
    }
  }
  // a question of a translation without topics of its own (the topic keywords are of the other language)
  // is indexed under the topics of the question it translates (src/align)
  const topicsOf = new Map<string, string[]>();
  const byId = new Map(book.events.map((e) => [e.meta.id, e]));
  for (const p of book.translations ?? []) {
    const s = byId.get(p.source);
    const t = byId.get(p.target);
    if (!s || !t) continue;
    for (const b of p.turns) {
      const qs = b.source !== undefined ? s.turns[b.source]?.question : undefined;
      const qt = b.target !== undefined ? t.turns[b.target]?.question : undefined;
      if (qs && qt) {
        if (qs.topics.length) topicsOf.set(qt.id, qs.topics);
        if (qt.topics.length) topicsOf.set(qs.id, qt.topics);
      }
    }
  }
  if (topicsOf.size)
    for (const y of years)
      for (const e of y.events)
        for (const q of e.questions.flatMap((x) => [x, ...x.followups])) if (!q.topics.length && topicsOf.has(q.id)) q.topics = topicsOf.get(q.id)!;
  const index = questionIndex(years, locale, indexTable(c));
  for (const g of [...index.byTopic, ...index.byOutlet]) for (const q of g.entries) q.page = page(q.anchor);
  const compact = design === 'compact' ? compactIndex(index, years, locale) : undefined;
  if (compact) for (const g of [...compact.byTopic, ...compact.byOutlet]) for (const m of g.months) for (const l of m.locators) l.page = page(l.anchor);
  const sources = book.events.flatMap((e) => e.meta.sources.map((s) => ({ ...s, roleText: locale.roles[s.role] ?? s.role })));
  const yearsList = years.map((y) => y.year);
  const totals = book.cleaning?.totals;
  const cleaning = totals
    ? locale.format('cleaning', {
        changes: Object.entries(totals)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => locale.format('cleaningItem', { rule: locale.rules[k] ?? k, n }))
          .join(locale.words.comma),
      })
    : '';
  const built = buildDate(opts.env ?? process.env);
  return {
    ...colophonView(book, theme, locale, built),
    lang: c.language,
    title: c.title,
    subtitle: c.subtitle,
    author: c.author ?? '',
    editor: c.editor,
    editorText: c.editor ? locale.format('editor', { editor: c.editor }) : '',
    description: c.description ?? c.subtitle ?? c.title,
    theme: theme.name,
    pageSize: c.page.size,
    yearsText: yearsList.length ? `${yearsList[0]}—${yearsList[yearsList.length - 1]}` : '',
    years,
    /** the design chosen by size (see RICH_DESIGN_MAX_QUESTIONS): flags for the templates */
    design,
    rich: design === 'rich',
    compact: design === 'compact',
    index,
    /** the big-book index (compact design only) */
    compactIndex: compact ?? { byTopic: [], byOutlet: [] },
    indexPage: page('question-index'),
    colophonPage: page('colophon'),
    sources,
    cleaning,
    /** a converted edition: how its text was converted (colophon) */
    editionNote: book.edition?.conversion ? locale.format('colophonConversion', { ...book.edition.conversion }) : '',
    /** the edition's writing mode: templates and CSS may set `vertical-rl` on the root */
    vertical: !!book.edition?.vertical,
    /** the book holds a press conference in a Latin-script language (printed in the Latin faces) */
    hasLatin: book.events.some((e) => !/^(zh|ja|ko)\b/i.test(e.meta.language)),
    css: theme.css,
    /** the locale's words, for the templates: {{t.toc}} */
    t: locale.words,
  };
}

/**
 * Where a conference's text comes from, as its dateline says (the locale's `origin` pattern, matched at
 * the start of the opening paragraphs): the news agency or paper that sent it.
 */
export function originOf(ev: PressEvent, locale: Locale): string | undefined {
  if (!locale.origin) return undefined;
  for (const t of ev.turns.slice(0, 3))
    for (const p of t.paragraphs.slice(0, 2)) {
      const m = locale.origin.exec(p.trim());
      if (m?.[1]) return m[1];
    }
  return undefined;
}

/**
 * The colophon for readers: the book, its edition and build date, the sources of each conference by
 * its title and origin (no file names: they are the tool's business), the faces the theme sets the book
 * in (exactly those embedded), and the cleaning figures in words.
 */
export function colophonView(book: Book, theme: Theme, locale: Locale, built: Date) {
  const c = book.config;
  const events = [...book.events].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
  const colophonSources = events.map((ev) => {
    const origin = originOf(ev, locale);
    const roles = ['primary', 'witness', 'digest'] as const;
    const parts = roles.flatMap((role) => {
      const list = ev.meta.sources.filter((s) => s.role === role);
      if (!list.length) return [];
      return [
        locale.format('colophonSourceRole', {
          role: locale.roles[role] ?? role,
          count: list.length,
          many: list.length > 1,
          origin: role === 'primary' ? origin : undefined,
          damaged: list.some((s) => s.damaged),
        }),
      ];
    });
    return { text: locale.format('colophonSource', { dateText: locale.date(ev.meta.date), title: ev.meta.title, sources: parts.join(locale.words.comma) }) };
  });
  const faces = theme.fonts
    .filter((f) => FAMILIES[f.kind])
    .map((f) => locale.format('colophonFace', { family: locale.fonts[f.kind] ?? FAMILIES[f.kind]!.family, weights: f.weights.map((w) => locale.fonts[String(w)] ?? String(w)).join(locale.words.listSep) }));
  return {
    colophonBook: locale.format('colophonTitle', { title: c.title, subtitle: c.subtitle, editor: c.editor }),
    colophonEdition: locale.format('colophonEdition', { edition: c.edition, date: locale.date(built.toISOString().slice(0, 10)) }),
    colophonSources,
    colophonFaces: faces.length ? locale.format('colophonFaces', { faces: faces.join(locale.words.listSep) }) : '',
  };
}

/** All the text a rendered book can show (for font subsetting and glyph coverage). */
export function bookText(view: ReturnType<typeof bookView>, template: string): string {
  return mustache(template, { ...view, css: '', fontCss: '' }) + '0123456789ivxlcdmIVXLCDM—·…';
}

export type BookView = ReturnType<typeof bookView>;
