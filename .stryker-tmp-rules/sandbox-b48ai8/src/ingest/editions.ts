/**
 * Editions: sources of the same event are grouped by event id; the most complete undamaged one is
 * primary, the others are witnesses with their variant readings (differing sentences).
 */
// @ts-nocheck

import type { Line } from './text.js';
import { splitSentences } from './text.js';

export interface EditionCandidate {
  file: string;
  damaged: boolean;
  questions: number;
  han: number;
}

/** Index of the primary: undamaged first, then most questions, then most text, then file name. */
export function choosePrimary(c: EditionCandidate[]): number {
  let best = 0;
  for (let i = 1; i < c.length; i++) {
    const a = c[i]!;
    const b = c[best]!;
    const better =
      a.damaged !== b.damaged ? !a.damaged : a.questions !== b.questions ? a.questions > b.questions : a.han !== b.han ? a.han > b.han : a.file < b.file;
    if (better) best = i;
  }
  return best;
}

function key(s: string): string {
  return s.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
}

export interface Variant {
  primary: string;
  witness: string;
  line: number;
}

/**
 * Sentence diff, linear: every witness sentence absent from the primary is a variant, paired with
 * the primary sentence that shares its opening or its ending (when there is one).
 */
export function variantReadings(primary: Line[], witness: Line[]): { variants: Variant[]; missing: number } {
  const keys = new Set<string>();
  const byHead = new Map<string, string>();
  const byTail = new Map<string, string>();
  const N = 6;
  for (const p of primary)
    for (const s of splitSentences(p.text)) {
      const k = key(s);
      if (!k) continue;
      keys.add(k);
      if (k.length >= N) {
        if (!byHead.has(k.slice(0, N))) byHead.set(k.slice(0, N), s);
        if (!byTail.has(k.slice(-N))) byTail.set(k.slice(-N), s);
      }
    }
  const variants: Variant[] = [];
  const witnessKeys = new Set<string>();
  for (const w of witness)
    for (const s of splitSentences(w.text)) {
      const k = key(s);
      if (!k) continue;
      witnessKeys.add(k);
      if (keys.has(k)) continue;
      const p = (k.length >= N && (byHead.get(k.slice(0, N)) ?? byTail.get(k.slice(-N)))) || '';
      variants.push({ primary: p, witness: s, line: w.src });
    }
  let missing = 0;
  for (const k of keys) if (!witnessKeys.has(k)) missing++;
  return { variants, missing };
}

function sentenceKeys(lines: Line[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines)
    for (const s of splitSentences(l.text)) {
      const k = key(s);
      if (k.length >= 6) out.add(k);
    }
  return out;
}

/**
 * How far two sources are copies of the same text: the sentences they share over the sentences of
 * the longer one (0…1). Two copies of one press conference share most sentences (OCR variants and
 * a damaged copy's losses aside); a regular press conference and a statement of the same day share
 * few, even when the statement is quoted in the conference.
 */
export function contentAgreement(a: Line[], b: Line[]): number {
  const ka = sentenceKeys(a);
  const kb = sentenceKeys(b);
  if (!ka.size || !kb.size) return 0;
  let shared = 0;
  for (const k of ka) if (kb.has(k)) shared++;
  return shared / Math.max(ka.size, kb.size);
}

/** The share of the smaller source's sentences found in the larger one (0…1): a partial copy scores high. */
export function contentContainment(a: Line[], b: Line[]): number {
  const ka = sentenceKeys(a);
  const kb = sentenceKeys(b);
  if (!ka.size || !kb.size) return 0;
  const [small, large] = ka.size <= kb.size ? [ka, kb] : [kb, ka];
  let shared = 0;
  for (const k of small) if (large.has(k)) shared++;
  return shared / small.size;
}

function hanBigrams(text: string): Set<string> {
  const han = text.replace(/[^\p{Script=Han}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han.slice(i, i + 2));
  return out;
}

/**
 * How much of a digest's wording (its headlines and body) is found in an event's text: the share of
 * its Han bigrams that occur in the event (0…1). A digest paraphrases, so sentences rarely match,
 * but its names and phrases do.
 */
export function digestCoverage(digest: string, event: string): number {
  const d = hanBigrams(digest);
  if (!d.size) return 0;
  const e = hanBigrams(event);
  let n = 0;
  for (const b of d) if (e.has(b)) n++;
  return n / d.size;
}
