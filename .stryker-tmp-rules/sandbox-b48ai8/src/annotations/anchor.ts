/**
 * Anchoring: each note names a question id and an exact quote from that question, its follow-ups or
 * their answers (a follow-up id narrows the search to the follow-up and what follows it).
 * A note anchors when the quote is found inside one paragraph; otherwise it is stale (after a
 * re-clean the text or the ids may have changed) and is reported with the sidecar's file and line —
 * never dropped silently.
 */
// @ts-nocheck

import type { Book, PressEvent, QuestionInfo, Turn } from '../model/types.js';
import { questionsWithAnswers, type SelectedQuestion } from '../select.js';
import type { NoteEntry } from './sidecar.js';

export interface AnchoredNote {
  entry: NoteEntry;
  event: PressEvent;
  question: Turn & { question: QuestionInfo };
  /** the turn holding the quote: the question itself, one of its follow-ups or an answer */
  turn: Turn;
  /** the quote is in the words of a questioner (the question or a follow-up), not in an answer */
  inQuestion: boolean;
  /** 0-based paragraph index within `turn` */
  para: number;
  /** UTF-16 offsets of the quote within the paragraph */
  start: number;
  end: number;
}

export interface StaleNote {
  entry: NoteEntry;
  reason: string;
  /** the sidecar line to fix: the quote's line, or the question's when the question is gone */
  line: number;
}

export interface Anchoring {
  anchored: AnchoredNote[];
  stale: StaleNote[];
}

function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function short(s: string, n = 24) {
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n).join('') + '…' : s;
}

/** The longest prefix of the quote that still occurs, to help the editor fix a stale note. */
function longestPrefix(texts: string[], quote: string): string {
  const chars = [...quote];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const p = chars.slice(0, mid).join('');
    if (texts.some((t) => t.includes(p))) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('');
}

/** Why a note's question id finds nothing: an old year-scoped id gets the ids it may now stand for. */
function missingReason(id: string, questions: SelectedQuestion[]): string {
  const old = /^(\d{4})-(\d{2,3})$/.exec(id);
  if (old) {
    const c = questions.filter((q) => q.event.meta.year === Number(old[1]) && q.question.question.seq === Number(old[2])).map((q) => q.question.question.id);
    return `question ${id} is a year-scoped id of an earlier pressbook; ids are now scoped to their press conference${c.length ? ` (question ${Number(old[2])} of ${old[1]}: ${c.join(' or ')})` : ''}`;
  }
  return `question ${id} is not in the book (its id may have changed after a re-clean)`;
}

export function anchorNotes(book: Book, entries: NoteEntry[], questions: SelectedQuestion[] = questionsWithAnswers(book)): Anchoring {
  const byId = new Map<string, SelectedQuestion>();
  for (const q of questions) {
    byId.set(q.question.question.id, q);
    for (const f of q.followups) byId.set(f.question.id, q);
  }
  const anchored: AnchoredNote[] = [];
  const stale: StaleNote[] = [];
  for (const entry of entries) {
    const q = byId.get(entry.question);
    if (!q) {
      stale.push({ entry, line: entry.questionLine, reason: missingReason(entry.question, questions) });
      continue;
    }
    const quote = entry.quote.trim();
    // a follow-up id: search that follow-up and the turns after it (its answers, later follow-ups)
    const fu = q.answers.findIndex((t) => t.kind === 'followup' && t.question?.id === entry.question);
    const turns = fu >= 0 ? q.answers.slice(fu) : [q.question, ...q.answers];
    const hits: { turn: Turn; para: number; start: number }[] = [];
    for (const turn of turns) turn.paragraphs.forEach((p, para) => occurrences(p, quote).forEach((start) => hits.push({ turn, para, start })));
    const hit = hits[entry.occurrence - 1];
    if (!hit) {
      if (hits.length) stale.push({ entry, line: entry.quoteLine, reason: `quote "${short(quote)}" occurs only ${hits.length} time(s) in question ${entry.question} and its answer, not ${entry.occurrence}` });
      else {
        const prefix = longestPrefix(
          turns.flatMap((t) => t.paragraphs),
          quote,
        );
        stale.push({
          entry,
          line: entry.quoteLine,
          reason: `quote "${short(quote)}" no longer matches the text of question ${entry.question} or its answer${
            prefix ? ` (the text matches only up to "${short(prefix, 40)}")` : ''
          }`,
        });
      }
      continue;
    }
    anchored.push({
      entry,
      event: q.event,
      question: q.question,
      turn: hit.turn,
      inQuestion: hit.turn === q.question || hit.turn.kind === 'followup',
      para: hit.para,
      start: hit.start,
      end: hit.start + quote.length,
    });
  }
  return { anchored, stale };
}

/** "notes.yaml:12: stale note: quote "…" no longer matches …" */
export function staleMessage(s: StaleNote): string {
  return `${s.entry.file}:${s.line}: stale note: ${s.reason}`;
}

/** A note numbered for one output (handout or book), in reading order. */
export interface NumberedNote extends AnchoredNote {
  n: number;
}

/**
 * Number notes in reading order: by the order of `questions`, then turn, paragraph and position.
 * Notes whose question is not in `questions` are left out.
 */
export function numberNotes(anchored: AnchoredNote[], questions: SelectedQuestion[]): NumberedNote[] {
  const qIndex = new Map(questions.map((q, i) => [q.question, i] as const));
  const turnIndex = (a: AnchoredNote) => (a.turn === a.question ? -1 : a.event.turns.indexOf(a.turn));
  return anchored
    .filter((a) => qIndex.has(a.question))
    .sort((a, b) => qIndex.get(a.question)! - qIndex.get(b.question)! || turnIndex(a) - turnIndex(b) || a.para - b.para || a.start - b.start || a.end - b.end)
    .map((a, i) => ({ ...a, n: i + 1 }));
}
