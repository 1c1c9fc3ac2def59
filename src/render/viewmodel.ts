/**
 * Book → a plain view model that the mustache templates render. Everything a theme may show is
 * here; the templates decide the markup. Anchors are stable ids shared by PDF, EPUB and handouts.
 */
import type { Book, PressEvent, Turn } from '../model/types.js';
import { questionsOf } from '../model/types.js';
import { turnHtml, type HastTransform } from '../ast/hast.js';

export interface QuestionView {
  id: string;
  anchor: string;
  seq: number;
  label: string;
  outlet: string;
  title: string;
  topics: string[];
  page?: string;
}
export interface TurnView {
  kind: string;
  isQuestion: boolean;
  isAnswer: boolean;
  isRemarks: boolean;
  speaker?: string;
  label?: string;
  heading?: string;
  question?: QuestionView;
  html: string;
}
export interface EventView {
  id: string;
  anchor: string;
  year: number;
  date: string;
  dateText: string;
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

export function dateText(iso: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  if (lang.startsWith('zh') || lang.startsWith('ja')) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  return iso;
}

export function questionView(t: Turn): QuestionView {
  const q = t.question!;
  return { id: q.id, anchor: anchorForQuestion(q.id), seq: q.seq, label: q.label, outlet: q.outlet, title: q.title, topics: q.topics };
}

export function eventView(ev: PressEvent, lang: string, transforms: HastTransform[] = [], xhtml = false): EventView {
  const m = ev.meta;
  return {
    id: m.id,
    anchor: anchorForEvent(m.id),
    year: m.year,
    date: m.date,
    dateText: dateText(m.date, lang),
    title: m.title,
    session: m.session,
    venue: m.venue,
    speaker: m.speaker,
    duration: m.duration,
    headline: m.headline,
    highlights: ev.highlights.map((h) => ({ text: h.text })),
    hasHighlights: ev.highlights.length > 0,
    questions: questionsOf(ev).map(questionView),
    turns: ev.turns.map((t) => ({
      kind: t.kind,
      isQuestion: t.kind === 'question',
      isAnswer: t.kind === 'answer',
      isRemarks: t.kind === 'opening' || t.kind === 'closing' || t.kind === 'narration',
      speaker: t.speaker,
      label: t.question?.label,
      question: t.question ? questionView(t) : undefined,
      html: turnHtml(t, transforms, xhtml),
    })),
  };
}

export function yearsView(book: Book, transforms: HastTransform[] = [], xhtml = false): YearView[] {
  const lang = book.config.language;
  const years = new Map<number, EventView[]>();
  const events = [...book.events].sort((a, b) => a.meta.date.localeCompare(b.meta.date));
  for (const ev of events) {
    const v = eventView(ev, lang, transforms, xhtml);
    years.set(v.year, [...(years.get(v.year) ?? []), v]);
  }
  return [...years].map(([year, evs]) => ({ year, anchor: `y-${year}`, events: evs }));
}

/** The question index: by topic and by outlet, each entry pointing at a question anchor. */
export function questionIndex(years: YearView[]): { byTopic: IndexGroup[]; byOutlet: IndexGroup[] } {
  const topic = new Map<string, QuestionView[]>();
  const outlet = new Map<string, QuestionView[]>();
  for (const y of years)
    for (const e of y.events)
      for (const q of e.questions) {
        for (const t of q.topics.length ? q.topics : ['其他']) topic.set(t, [...(topic.get(t) ?? []), q]);
        outlet.set(q.outlet, [...(outlet.get(q.outlet) ?? []), q]);
      }
  const coll = new Intl.Collator('zh-CN-u-co-pinyin');
  const groups = (m: Map<string, QuestionView[]>) =>
    [...m].sort((a, b) => coll.compare(a[0], b[0])).map(([name, qs]) => ({ name, entries: qs.map((q) => ({ ...q })) }));
  return { byTopic: groups(topic), byOutlet: groups(outlet) };
}
export interface IndexGroup {
  name: string;
  entries: QuestionView[];
}
