/**
 * Question selectors, shared by handouts and the CLI:
 *
 *   2021-07            a question id (year-seq; "2021-7" works too)
 *   2021               every question of a year          (also year:2021)
 *   2021-03-07         every question of one press conference (also event:2021-03-07)
 *   outlet:路透社       the questioner's outlet or label contains the text
 *   topic:台湾          the question carries this topic tag
 *   text:台独           the question or its answer contains the text
 *   topic:中美&2022     "&" joins conditions: all must hold
 *
 * Several selectors are a union, in the order given or chronologically. A selector that matches no
 * question is an error that names it (and, for topics and outlets, lists what exists).
 */
import type { Book, PressEvent, QuestionInfo, Turn } from './model/types.js';
import { PressbookError } from './errors.js';

export interface SelectedQuestion {
  event: PressEvent;
  question: Turn & { question: QuestionInfo };
  /** The answer turn(s) that follow the question, up to the next question. */
  answers: Turn[];
}

type Test = (q: SelectedQuestion) => boolean;

const text = (t: Turn) => t.paragraphs.join('\n');

/** Every question of the book with its answers, chronologically (event date, then seq). */
export function questionsWithAnswers(book: Book): SelectedQuestion[] {
  const out: SelectedQuestion[] = [];
  const events = [...book.events].sort((a, b) => a.meta.date.localeCompare(b.meta.date));
  for (const event of events) {
    const turns = event.turns;
    for (let i = 0; i < turns.length; i++) {
      const t = turns[i]!;
      if (t.kind !== 'question' || !t.question) continue;
      const answers: Turn[] = [];
      for (let j = i + 1; j < turns.length && turns[j]!.kind === 'answer'; j++) answers.push(turns[j]!);
      out.push({ event, question: t as Turn & { question: QuestionInfo }, answers });
    }
  }
  return out;
}

function normalizeId(y: string, seq: string) {
  return `${y}-${seq.padStart(2, '0')}`;
}

function condition(raw: string, selector: string): Test {
  const s = raw.trim();
  const m = /^([a-z]+):(.*)$/s.exec(s);
  const [kind, value] = m ? [m[1]!, m[2]!.trim()] : ['', s];
  if (m && !value) throw new PressbookError(`selector "${selector}": "${kind}:" needs a value`);
  let x: RegExpExecArray | null;
  if ((kind === '' || kind === 'id') && (x = /^(\d{4})-(\d{1,3})$/.exec(value))) {
    const id = normalizeId(x[1]!, x[2]!);
    return (q) => q.question.question.id === id;
  }
  if ((kind === '' || kind === 'year') && /^\d{4}$/.test(value)) return (q) => q.event.meta.year === Number(value);
  if ((kind === '' || kind === 'event' || kind === 'date') && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return (q) => q.event.meta.id === value || q.event.meta.date === value;
  if (kind === 'outlet') return (q) => q.question.question.outlet.includes(value) || q.question.question.label.includes(value);
  if (kind === 'topic') return (q) => q.question.question.topics.includes(value);
  if (kind === 'text') return (q) => text(q.question).includes(value) || q.answers.some((a) => text(a).includes(value));
  throw new PressbookError(
    `selector "${selector}": not understood — use a question id (2021-07), a year (2021), a date (2021-03-07), outlet:…, topic:… or text:…, joined with & to require several`,
  );
}

export function parseSelector(selector: string): Test {
  const parts = selector.split('&').filter((p) => p.trim());
  if (!parts.length) throw new PressbookError(`selector "${selector}" is empty`);
  const tests = parts.map((p) => condition(p, selector));
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
  return ids.length ? ` (question ids run ${ids[0]} … ${ids[ids.length - 1]})` : '';
}

/**
 * Apply selectors. Every selector must match at least one question, else a PressbookError lists
 * the ones that matched nothing. The result has no duplicates.
 */
export function selectQuestions(book: Book, selectors: string[], order: 'given' | 'chronological' = 'chronological'): SelectedQuestion[] {
  if (!selectors.length) throw new PressbookError('no selector given: name questions by id, year, outlet:…, topic:… or text:…');
  const all = questionsWithAnswers(book);
  const picked: SelectedQuestion[] = [];
  const seen = new Set<SelectedQuestion>();
  const empty: string[] = [];
  for (const sel of selectors) {
    const test = parseSelector(sel);
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
