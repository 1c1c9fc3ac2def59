/**
 * Book → a plain view model that the mustache templates render. Everything a theme may show is
 * here; the templates decide the markup. Anchors are stable ids shared by PDF, EPUB and handouts.
 */
import type { Book, PressEvent, Turn } from '../../model/types.js';
import { followUpsOf, questionsOf } from '../../model/types.js';
import { turnHtml, type HastTransform } from '../../ast/hast.js';
import type { Locale } from './locale.js';

export interface QuestionView {
  id: string;
  anchor: string;
  seq: number;
  label: string;
  outlet: string;
  title: string;
  topics: string[];
  page?: string;
  /** a follow-up (locale word `followup`) of the question `parent`; `seq` is then its number within that question */
  isFollowup: boolean;
  parent?: string;
  /** the follow-ups of a question (empty for a follow-up) */
  followups: QuestionView[];
  hasFollowups: boolean;
}

export interface TurnView {
  kind: string;
  isQuestion: boolean;
  isFollowup: boolean;
  isAnswer: boolean;
  isInterjection: boolean;
  isAnnouncement: boolean;
  isRemarks: boolean;
  speaker?: string;
  label?: string;
  heading?: string;
  question?: QuestionView;
  html: string;
}
export interface EventView {
  id: string;
  /** the event's language (BCP 47): a mixed book tags each press conference with its own */
  lang: string;
  /** the interface words of the event's language (templates: {{t.followup}} inside an event) */
  t: Locale['words'];
  anchor: string;
  year: number;
  /** the month (1–12) of the date, for the year → month → conference design of big books */
  month: number;
  date: string;
  dateText: string;
  /** the duration as printed (locale format `duration`), when known */
  durationText?: string;
  /** the title for tables of contents: without a leading date that dateText already says */
  tocTitle: string;
  hasQuestions: boolean;
  title: string;
  session?: string;
  venue?: string;
  speaker?: string;
  duration?: string;
  headline?: string;
  highlights: { text: string }[];
  hasHighlights: boolean;
  questions: QuestionView[];
  turns: TurnView[];
  page?: string;
}
export interface YearView {
  year: number;
  /** the year as printed (locale format `year`) */
  yearText: string;
  anchor: string;
  events: EventView[];
  /** the same events by month (the big-book TOC and EPUB navigation) */
  months: MonthView[];
  page?: string;
}
/** A month of a year: its conferences; it opens where its first conference opens (no anchor of its own). */
export interface MonthView {
  year: number;
  month: number;
  /** the month as printed (locale format `month`) */
  monthText: string;
  /** the anchor of its first conference: where the month's TOC line and nav entry lead */
  anchor: string;
  events: EventView[];
  page?: string;
}

export function anchorForQuestion(id: string): string {
  return `q-${id}`;
}
export function anchorForEvent(id: string): string {
  return `ev-${id}`;
}


export function questionView(t: Turn, followups: Turn[] = []): QuestionView {
  const q = t.question!;
  const isFollowup = t.kind === 'followup';
  const fus = isFollowup ? [] : followups.map((f) => questionView(f));
  return {
    id: q.id,
    anchor: anchorForQuestion(q.id),
    seq: q.seq,
    label: q.label,
    outlet: q.outlet,
    title: q.title,
    topics: q.topics,
    isFollowup,
    ...(isFollowup && q.parent ? { parent: q.parent } : {}),
    followups: fus,
    hasFollowups: fus.length > 0,
  };
}

/** `withTurns` false: the turns are left out (a renderer that has the conference's page cached needs only its questions) */
export function eventView(ev: PressEvent, locale: Locale, transforms: HastTransform[] = [], xhtml = false, withTurns = true): EventView {
  // the questions and the follow-ups by question, once per event (not once per question)
  const questions = questionsOf(ev);
  const followUps = followUpsOf(ev);
  const m = ev.meta;
  const dateText = locale.date(m.date);
  return {
    id: m.id,
    lang: m.language,
    t: locale.words,
    anchor: anchorForEvent(m.id),
    year: m.year,
    month: Number(m.date.slice(5, 7)) || 1,
    date: m.date,
    dateText,
    ...(m.duration ? { durationText: locale.format('duration', { duration: m.duration }) } : {}),
    // a title that opens with the printed date is not preceded by it again
    tocTitle: m.title.startsWith(dateText) ? m.title.slice(dateText.length).trim() || m.title : m.title,
    title: m.title,
    session: m.session,
    venue: m.venue,
    speaker: m.speaker,
    duration: m.duration,
    headline: m.headline,
    highlights: ev.highlights.map((h) => ({ text: h.text })),
    hasHighlights: ev.highlights.length > 0,
    questions: questions.map((q) => questionView(q, followUps.get(q.question.id))),
    hasQuestions: questions.length > 0,
    turns: (withTurns ? ev.turns : []).map((t) => ({
      kind: t.kind,
      isQuestion: t.kind === 'question' && !!t.question,
      isFollowup: t.kind === 'followup' && !!t.question,
      isAnswer: t.kind === 'answer',
      isInterjection: t.kind === 'interjection',
      isAnnouncement: t.kind === 'announcement',
      // anything else is printed as remarks, so that no turn is ever left out
      isRemarks: !['answer', 'interjection', 'announcement'].includes(t.kind) && !((t.kind === 'question' || t.kind === 'followup') && t.question),
      // the label as printed in the source, else the speaker's name; nothing when none was printed
      speaker: t.label !== undefined ? t.label || undefined : t.speaker,
      // a follow-up labelled with the follow-up word itself shows the mark alone (not the word twice)
      label: t.kind === 'followup' && t.question?.label === locale.words.followup ? '' : t.question?.label,
      question: t.question ? questionView(t) : undefined,
      html: turnHtml(t, transforms, xhtml),
    })),
  };
}

/**
 * The years of a book. `localeOf` gives the locale of an event's language (a mixed book prints an
 * English press conference's dates and running heads in English); default: the book's locale.
 */
export function yearsView(book: Book, locale: Locale, transforms: HastTransform[] = [], xhtml = false, localeOf: (lang: string) => Locale = () => locale, skipTurns?: (eventId: string) => boolean): YearView[] {
  const years = new Map<number, EventView[]>();
  const events = [...book.events].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
  for (const ev of events) {
    const v = eventView(ev, localeOf(ev.meta.language), transforms, xhtml, !skipTurns?.(ev.meta.id));
    years.set(v.year, [...(years.get(v.year) ?? []), v]);
  }
  return [...years].map(([year, evs]) => ({ year, yearText: locale.year(year), anchor: `y-${year}`, events: evs, months: monthsOf(year, evs, locale) }));
}

function monthsOf(year: number, events: EventView[], locale: Locale): MonthView[] {
  const months: MonthView[] = [];
  for (const e of events) {
    const last = months.at(-1);
    if (last && last.month === e.month) last.events.push(e);
    else months.push({ year, month: e.month, monthText: locale.month(year, e.month), anchor: e.anchor, events: [e] });
  }
  return months;
}

/** How the index names and orders its groups: the topic table's order, aliases of topics and outlets. */
export interface IndexTable {
  /** topic tags in the order of the topic table (preset, then the book's additions) */
  order: string[];
  /** alias → canonical topic tag */
  topicAliases: Map<string, string>;
  /** alias → canonical outlet name */
  outletAliases: Map<string, string>;
}

/**
 * The question index: by topic and by outlet, each entry pointing at a question anchor. Topics and
 * outlets are normalised through the alias tables (two spellings of one news agency are one outlet), so each is one
 * group and no question is listed twice in a group; topic groups follow the topic table's order, tags
 * the table does not know after them, "other" last; outlets in the locale's collation. A follow-up is
 * listed only where its question is not: under a topic its question lacks, or an outlet other than its
 * question's (a follow-up asked by another reporter).
 */
export function questionIndex(
  years: YearView[],
  locale: Locale,
  table: IndexTable = { order: [], topicAliases: new Map(), outletAliases: new Map() },
): { byTopic: IndexGroup[]; byOutlet: IndexGroup[] } {
  const topic = new Map<string, QuestionView[]>();
  const outlet = new Map<string, QuestionView[]>();
  // the anchors already in each group (a question is listed once per group)
  const seen = new Map<Map<string, QuestionView[]>, Map<string, Set<string>>>([
    [topic, new Map()],
    [outlet, new Map()],
  ]);
  const add = (m: Map<string, QuestionView[]>, k: string, q: QuestionView) => {
    const anchors = seen.get(m)!;
    const set = anchors.get(k) ?? new Set<string>();
    if (set.has(q.anchor)) return;
    anchors.set(k, set.add(q.anchor));
    const list = m.get(k);
    if (list) list.push(q);
    else m.set(k, [q]);
  };
  const other = locale.words.otherTopic;
  const topicsOf = (q: QuestionView) => {
    const ts = [...new Set(q.topics.map((t) => table.topicAliases.get(t) ?? t))];
    return ts.length ? ts : [other];
  };
  const outletOf = (q: QuestionView) => (q.outlet ? table.outletAliases.get(q.outlet) ?? q.outlet : q.outlet);
  for (const y of years)
    for (const e of y.events)
      for (const q of e.questions) {
        for (const t of topicsOf(q)) add(topic, t, q);
        add(outlet, outletOf(q), q);
        for (const f of q.followups) {
          for (const t of topicsOf(f)) if (!topicsOf(q).includes(t)) add(topic, t, f);
          if (f.outlet && outletOf(f) !== outletOf(q)) add(outlet, outletOf(f), f);
        }
      }
  const coll = new Intl.Collator(locale.collation);
  const rank = (name: string) => (name === other ? Number.MAX_SAFE_INTEGER : table.order.includes(name) ? table.order.indexOf(name) : table.order.length);
  const groups = (m: Map<string, QuestionView[]>, ordered: boolean) =>
    [...m]
      .sort((a, b) => (ordered ? rank(a[0]) - rank(b[0]) : 0) || coll.compare(a[0], b[0]))
      .map(([name, qs]) => ({ name, entries: qs.map((q) => ({ ...q })) }));
  return { byTopic: groups(topic, true), byOutlet: groups(outlet, false) };
}
/** Every question and follow-up of the years, in reading order (for anchors and page numbers). */
export function allQuestionViews(years: YearView[]): QuestionView[] {
  return years.flatMap((y) => y.events.flatMap((e) => e.questions.flatMap((q) => [q, ...q.followups])));
}

export interface IndexGroup {
  name: string;
  entries: QuestionView[];
}

/** A locator of a big book's index: one press conference, the numbers of its questions under the term. */
export interface IndexLocator {
  /** the day as printed (locale format `indexDay`) */
  dayText: string;
  /** the question numbers joined with `words.seqSep` (a follow-up through format `indexFollowup`), in format `indexSeqs` */
  seqText: string;
  /** the first of those questions: where the locator leads and whose page it prints */
  anchor: string;
  /** the press conference's id (EPUB: its file) */
  event: string;
  page?: string;
}
export interface CompactIndexGroup {
  name: string;
  /** locale format `indexTermCount` */
  countText: string;
  months: { monthText: string; locators: IndexLocator[] }[];
}

/**
 * The index of a big book: each term (topic, outlet) lists the press conferences where it was
 * asked, by month, each with the numbers of its questions and the page of the first — instead of
 * one full line per question, which at a year of daily briefings is thousands of lines. The questions
 * themselves are listed in full at the head of each conference. Same terms and same order as
 * `questionIndex`; an entry without an outlet is not listed by outlet (there is no name to list it under).
 */
export function compactIndex(index: { byTopic: IndexGroup[]; byOutlet: IndexGroup[] }, years: YearView[], locale: Locale): { byTopic: CompactIndexGroup[]; byOutlet: CompactIndexGroup[] } {
  const eventOf = new Map<string, EventView>();
  const seqOf = new Map<string, number>();
  for (const y of years)
    for (const e of y.events)
      for (const q of e.questions) {
        eventOf.set(q.anchor, e);
        for (const f of q.followups) (eventOf.set(f.anchor, e), seqOf.set(f.anchor, q.seq));
      }
  const multiYear = years.length > 1;
  const sep = locale.words.seqSep;
  // the month and day of each conference as printed, once per conference (not once per term)
  const printed = new Map<string, { monthText: string; dayText: string }>();
  const printedOf = (e: EventView) => {
    let p = printed.get(e.id);
    if (!p) {
      const [y, m, d] = e.date.split('-').map(Number) as [number, number, number];
      const monthName = locale.month(y, m);
      p = { monthText: locale.format('indexMonth', { year: y, month: m, monthName, multiYear }), dayText: locale.format('indexDay', { year: y, month: m, day: d, monthName }) };
      printed.set(e.id, p);
    }
    return p;
  };
  const allEvents = years.flatMap((y) => y.events);
  const group = (g: IndexGroup): CompactIndexGroup => {
    const byEvent = new Map<string, { e: EventView; qs: QuestionView[] }>();
    for (const q of g.entries) {
      const e = eventOf.get(q.anchor);
      if (!e) continue;
      const slot = byEvent.get(e.id) ?? { e, qs: [] };
      slot.qs.push(q);
      byEvent.set(e.id, slot);
    }
    const months: CompactIndexGroup['months'] = [];
    // in reading order: the years' order of events
    const ordered = allEvents.filter((e) => byEvent.has(e.id));
    for (const e of ordered) {
      const { qs } = byEvent.get(e.id)!;
      const { monthText, dayText } = printedOf(e);
      let slot = months.at(-1);
      if (!slot || slot.monthText !== monthText) months.push((slot = { monthText, locators: [] }));
      slot.locators.push({
        dayText,
        seqText: locale.format('indexSeqs', { seqs: qs.map((q) => (q.isFollowup ? locale.format('indexFollowup', { seq: seqOf.get(q.anchor) ?? q.seq }) : String(q.seq))).join(sep) }),
        anchor: qs[0]!.anchor,
        event: e.anchor,
      });
    }
    return { name: g.name, countText: locale.format('indexTermCount', { questions: g.entries.length, events: ordered.length }), months };
  };
  return { byTopic: index.byTopic.map(group), byOutlet: index.byOutlet.filter((g) => g.name).map(group) };
}
