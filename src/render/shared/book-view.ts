/** The view model of a whole book, shared by the print and EPUB renderers. */
import { render as mustache } from './mustache.js';
import type { Book } from '../../model/types.js';
import type { Theme } from './theme.js';
import { loadLocale, type Locale } from './locale.js';
import { questionIndex, yearsView, type IndexTable, type YearView } from './viewmodel.js';
import { EMPTY_PRESET, loadPreset } from '../../ingest/preset.js';
import { aliasMap, mergeTopics } from '../../ingest/topics.js';
import type { BookConfig } from '../../config/schema.js';

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

/** anchor id → printed page label */
export type PageMap = Map<string, string>;

/**
 * The view model of a whole book (PDF and EPUB): the years, the question index, the colophon's
 * sources and cleaning figures, the interface words of the locale as `t`.
 */
export function bookView(book: Book, theme: Theme, locale: Locale, opts: { pages?: PageMap; transforms?: HastTransform[]; xhtml?: boolean } = {}) {
  const c = book.config;
  // each press conference in its own language's locale (dates, running heads) when it differs from the book's
  const locales = new Map<string, Locale>();
  const localeOf = (lang: string) => {
    if (lang === c.language) return locale;
    if (!locales.has(lang)) {
      const l = loadLocale(lang, c.root);
      locales.set(lang, l.lang === loadLocale(c.language, c.root).lang ? locale : l);
    }
    return locales.get(lang)!;
  };
  const years: YearView[] = yearsView(book, locale, opts.transforms, opts.xhtml, localeOf);
  const page = (a: string) => opts.pages?.get(a) ?? '';
  for (const y of years) {
    y.page = page(y.anchor);
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
  return {
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
    index,
    indexPage: page('question-index'),
    colophonPage: page('colophon'),
    sources,
    cleaning,
    /** the book holds a press conference in a Latin-script language (printed in the Latin faces) */
    hasLatin: book.events.some((e) => !/^(zh|ja|ko)\b/i.test(e.meta.language)),
    css: theme.css,
    /** the locale's words, for the templates: {{t.toc}} */
    t: locale.words,
  };
}

/** All the text a rendered book can show (for font subsetting and glyph coverage). */
export function bookText(view: ReturnType<typeof bookView>, template: string): string {
  return mustache(template, { ...view, css: '', fontCss: '' }) + '0123456789ivxlcdmIVXLCDM—·…';
}

export type BookView = ReturnType<typeof bookView>;
