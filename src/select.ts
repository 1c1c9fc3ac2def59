/**
 * Question selectors, shared by handouts and the CLI:
 *
 *   2021-03-07-17      a question id (its event id and number; "2021-03-07-7" works too)
 *   2021-03-07-17-f1   a follow-up id: selects its question (which always brings its follow-ups)
 *   2021               every question of a year                      (also year:2021)
 *   2021-03            every question of a month                     (also month:2021-03)
 *   2021-03-07         every question of every press conference of that date (also date:2021-03-07)
 *   2021-03-07b        every question of one press conference        (also event:2021-03-07)
 *   outlet:路透社       the questioner's outlet or label contains the text (a follow-up's too)
 *   topic:台湾          the question (or one of its follow-ups) carries this topic tag
 *   text:台独           the question, its follow-ups or its answers contain the text — or, for a press
 *                      conference paired with its edition in another language (src/align), their
 *                      translation (text:Taiwan finds the Chinese question too); Latin letters ignore case
 *   topic:中美&2022     "&" joins conditions: all must hold
 *
 * The year-scoped ids of earlier versions ("2021-17") are not accepted: question numbers restart at
 * every press conference, so such an id is rejected with the ids it may now stand for. ("2021-07",
 * being a valid month, means July 2021.)
 *
 * Several selectors are a union, in the order given or chronologically. A selector that matches no
 * question is an error that names it (and, for topics and outlets, lists what exists).
 */
import type { Book, PressEvent, QuestionInfo, Turn } from './model/types.js';
import { EVENT_ID } from './model/ids.js';
import { PressbookError } from './errors.js';
import { pairEditions } from './align/align.js';

export interface SelectedQuestion {
  event: PressEvent;
  question: Turn & { question: QuestionInfo };
  /**
   * Every turn after the question that belongs to it, in reading order: its answers, its follow-ups
   * (kind 'followup') with their answers, interjections and stage directions inside them — up to the
   * next question, announcement or closing remarks.
   */
  answers: Turn[];
  /** The follow-ups among `answers`. */
  followups: (Turn & { question: QuestionInfo })[];
  /** Paired editions (src/align): the turns of the other edition aligned with the question and its answers. */
  translation?: { event: PressEvent; turns: Turn[] };
}

/** For each event paired with an edition in another language: its turn index → the other event and turn index. */
function translationMap(book: Book): Map<PressEvent, Map<number, { event: PressEvent; turn: number }>> {
  const out = new Map<PressEvent, Map<number, { event: PressEvent; turn: number }>>();
  const pairs = bookTranslations(book);
  const byId = new Map(book.events.map((e) => [e.meta.id, e]));
  for (const p of pairs) {
    const s = byId.get(p.source);
    const t = byId.get(p.target);
    if (!s || !t) continue;
    const ms = out.get(s) ?? new Map();
    const mt = out.get(t) ?? new Map();
    for (const b of p.turns)
      if (b.source !== undefined && b.target !== undefined) {
        ms.set(b.source, { event: t, turn: b.target });
        mt.set(b.target, { event: s, turn: b.source });
      }
    out.set(s, ms);
    out.set(t, mt);
  }
  return out;
}

type Test = (q: SelectedQuestion) => boolean;

const text = (t: Turn) => t.paragraphs.join('\n');

/** Turn kinds that end a question's span. */
const ENDS_SPAN = new Set<Turn['kind']>(['question', 'announcement', 'closing', 'opening']);

const byDate = (a: PressEvent, b: PressEvent) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id);

/**
 * End (exclusive) of the span of the question or follow-up at `i`: its answers, follow-ups,
 * interjections and stage directions, up to the next question, announcement or closing remarks
 * (stage directions after the last answer excluded).
 */
export function questionSpanEnd(turns: Turn[], i: number): number {
  let j = i + 1;
  while (j < turns.length && !ENDS_SPAN.has(turns[j]!.kind)) j++;
  // stage directions after the last answer (closing narration) are not part of the question
  while (j > i + 1 && turns[j - 1]!.kind === 'narration') j--;
  return j;
}

/** The aligned pairs of a book mixing languages (book.translations, else paired now); none for a one-language book. */
export function bookTranslations(book: Book) {
  if (new Set(book.events.map((e) => e.meta.language)).size < 2) return [];
  return book.translations ?? pairEditions(book.events).pairs;
}

/** Every question of the book with its answers and follow-ups, chronologically (event date and id, then seq). */
export function questionsWithAnswers(book: Book): SelectedQuestion[] {
  const out: SelectedQuestion[] = [];
  const tmap = translationMap(book);
  const events = [...book.events].sort(byDate);
  for (const event of events) {
    const turns = event.turns;
    for (let i = 0; i < turns.length; i++) {
      const t = turns[i]!;
      if (t.kind !== 'question' || !t.question) continue;
      const j = questionSpanEnd(turns, i);
      const answers = turns.slice(i + 1, j);
      const followups = answers.filter((a): a is Turn & { question: QuestionInfo } => a.kind === 'followup' && !!a.question);
      const q: SelectedQuestion = { event, question: t as Turn & { question: QuestionInfo }, answers, followups };
      const m = tmap.get(event);
      if (m) {
        const other = [...Array(j - i).keys()].map((k) => m.get(i + k)).filter((x) => !!x);
        if (other.length) q.translation = { event: other[0]!.event, turns: other.map((x) => x.event.turns[x.turn]!) };
      }
      out.push(q);
    }
  }
  return out;
}

const pad = (n: string) => n.padStart(2, '0');

/** The questions an old year-scoped id ("2021-17") may now stand for. */
function legacyCandidates(all: SelectedQuestion[] | undefined, year: string, seq: string): string[] {
  if (!all) return [];
  return all.filter((q) => q.event.meta.year === Number(year) && q.question.question.seq === Number(seq)).map((q) => q.question.question.id);
}

function condition(raw: string, selector: string, all?: SelectedQuestion[]): Test {
  const s = raw.trim();
  const m = /^([a-z]+):(.*)$/s.exec(s);
  const [kind, value] = m ? [m[1]!, m[2]!.trim()] : ['', s];
  if (m && !value) throw new PressbookError(`selector "${selector}": "${kind}:" needs a value`);
  let x: RegExpExecArray | null;
  if ((kind === '' || kind === 'id') && (x = /^(\d{4}-\d{2}-\d{2}[b-z]?)-(\d{1,3})(?:-f(\d+))?$/.exec(value))) {
    const id = `${x[1]}-${pad(x[2]!)}`;
    const fu = x[3] ? `${id}-f${Number(x[3])}` : undefined;
    if (fu) return (q) => q.question.question.id === id && q.followups.some((f) => f.question.id === fu);
    return (q) => q.question.question.id === id;
  }
  if ((kind === '' || kind === 'year') && /^\d{4}$/.test(value)) return (q) => q.event.meta.year === Number(value);
  if ((kind === '' || kind === 'month') && (x = /^(\d{4})-(\d{1,2})$/.exec(value)) && Number(x[2]) >= 1 && Number(x[2]) <= 12) {
    const prefix = `${x[1]}-${pad(x[2]!)}-`;
    return (q) => q.event.meta.date.startsWith(prefix);
  }
  if ((kind === '' || kind === 'id') && (x = /^(\d{4})-(\d{1,3})$/.exec(value))) {
    const c = legacyCandidates(all, x[1]!, x[2]!);
    throw new PressbookError(
      `selector "${selector}": "${value}" is a year-scoped question id of an earlier pressbook; questions are now numbered within their press conference (event date, then number: 2021-03-07-17)` +
        (c.length ? ` — question ${Number(x[2])} of ${x[1]} is ${c.length === 1 ? c[0] : 'one of ' + c.join(', ')}` : ''),
    );
  }
  if ((kind === '' || kind === 'date') && /^\d{4}-\d{2}-\d{2}$/.test(value)) return (q) => q.event.meta.date === value;
  if ((kind === '' || kind === 'event') && EVENT_ID.test(value)) return (q) => q.event.meta.id === value;
  if (kind === 'outlet')
    return (q) => [q.question, ...q.followups].some((t) => t.question.outlet.includes(value) || t.question.label.includes(value));
  if (kind === 'topic') return (q) => [q.question, ...q.followups].some((t) => t.question.topics.includes(value));
  if (kind === 'text') {
    const v = value.toLowerCase();
    const has = (t: Turn) => text(t).toLowerCase().includes(v);
    return (q) => has(q.question) || q.answers.some(has) || !!q.translation?.turns.some(has);
  }
  throw new PressbookError(
    `selector "${selector}": not understood — use a question id (2021-03-07-07), a year (2021), a month (2021-03), a date or event (2021-03-07, 2021-03-07b), outlet:…, topic:… or text:…, joined with & to require several`,
  );
}

/** A selector → a test on questions. `all` (the book's questions) only sharpens error messages. */
export function parseSelector(selector: string, all?: SelectedQuestion[]): Test {
  const parts = selector.split('&').filter((p) => p.trim());
  if (!parts.length) throw new PressbookError(`selector "${selector}" is empty`);
  const tests = parts.map((p) => condition(p, selector, all));
  return (q) => tests.every((t) => t(q));
}

function hint(all: SelectedQuestion[], selector: string): string {
  if (/(^|&)\s*topic:/.test(selector)) {
    const topics = [...new Set(all.flatMap((q) => q.question.question.topics))].sort();
    return ` (topics in this book: ${topics.join(', ')})`;
  }
  if (/(^|&)\s*outlet:/.test(selector)) {
    const outlets = [...new Set(all.map((q) => q.question.question.outlet))];
    return ` (outlets include: ${outlets.slice(0, 20).join(', ')}${outlets.length > 20 ? ', …' : ''})`;
  }
  const ids = all.map((q) => q.question.question.id);
  const month = /^\s*(?:month:)?(\d{4})-(\d{1,2})\s*$/.exec(selector);
  if (month) {
    // "2021-07" was question 7 of 2021 in earlier versions; now it is July 2021
    const c = legacyCandidates(all, month[1]!, month[2]!);
    const months = [...new Set(all.filter((q) => q.event.meta.year === Number(month[1])).map((q) => q.event.meta.date.slice(0, 7)))];
    return ` (it means the month ${month[1]}-${pad(month[2]!)}${months.length ? `; ${month[1]} has questions in ${months.join(', ')}` : ''}${
      c.length ? `; question ${Number(month[2])} of ${month[1]} is now ${c.join(' or ')}` : ''
    })`;
  }
  return ids.length ? ` (question ids run ${ids[0]} … ${ids[ids.length - 1]})` : '';
}

/**
 * Apply selectors. Every selector must match at least one question, else a PressbookError lists
 * the ones that matched nothing. The result has no duplicates.
 */
export function selectQuestions(book: Book, selectors: string[], order: 'given' | 'chronological' = 'chronological'): SelectedQuestion[] {
  if (!selectors.length) throw new PressbookError('no selector given: name questions by id, year, month, date, outlet:…, topic:… or text:…');
  const all = questionsWithAnswers(book);
  const picked: SelectedQuestion[] = [];
  const seen = new Set<SelectedQuestion>();
  const empty: string[] = [];
  for (const sel of selectors) {
    const test = parseSelector(sel, all);
    const hits = all.filter(test);
    if (!hits.length) empty.push(`selector "${sel}" matches no question${hint(all, sel)}`);
    for (const h of hits)
      if (!seen.has(h)) {
        seen.add(h);
        picked.push(h);
      }
  }
  if (empty.length) throw new PressbookError(empty.join('\n'));
  if (order === 'chronological') picked.sort((a, b) => all.indexOf(a) - all.indexOf(b));
  return picked;
}
