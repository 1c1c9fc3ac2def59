/**
 * Ids that never collide in any corpus.
 *
 * - event: its ISO date ("2019-03-12"); the 2nd, 3rd … event of one date: "2019-03-12b", "2019-03-12c";
 * - question: event id + two-digit number ("2019-03-12-07", "2019-03-12b-01");
 * - follow-up: its question's id + "-f" + number ("2019-03-12-07-f1").
 *
 * Selectors accept a year ("2019"), a month ("2019-03"), an event ("2019-03-12") and any id.
 */
// @ts-nocheck

import type { PressEvent } from './types.js';

const pad = (n: number) => String(n).padStart(2, '0');

export function eventId(date: string, index = 0): string {
  if (index === 0) return date;
  if (index > 25) throw new Error(`more than 26 events on ${date}`);
  return date + String.fromCharCode(0x61 + index);
}

export function questionId(event: string, seq: number): string {
  return `${event}-${pad(seq)}`;
}

export function followUpId(question: string, n: number): string {
  return `${question}-f${n}`;
}

export const EVENT_ID = /^\d{4}-\d{2}-\d{2}[b-z]?$/;
export const QUESTION_ID = /^(\d{4}-\d{2}-\d{2}[b-z]?)-(\d{2,3})(?:-f(\d+))?$/;

/**
 * (Re)number the questions and follow-ups of an event in reading order and give them ids under the
 * event's id. A follow-up belongs to the nearest question before it.
 */
export function assignIds(ev: PressEvent): void {
  let seq = 0;
  let parent: string | undefined;
  let f = 0;
  for (const t of ev.turns) {
    if (!t.question) continue;
    if (t.kind === 'question') {
      seq++;
      f = 0;
      t.question.seq = seq;
      t.question.id = parent = questionId(ev.meta.id, seq);
      delete t.question.parent;
    } else if (t.kind === 'followup') {
      if (!parent) {
        // a follow-up with no question before it is a question
        t.kind = 'question';
        seq++;
        t.question.seq = seq;
        t.question.id = parent = questionId(ev.meta.id, seq);
        delete t.question.parent;
        continue;
      }
      f++;
      t.question.seq = f;
      t.question.id = followUpId(parent, f);
      t.question.parent = parent;
    }
  }
}
