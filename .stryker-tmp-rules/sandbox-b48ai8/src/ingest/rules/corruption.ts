/**
 * corruption: degenerate repetition (a paragraph looped over and over, often behind a counting
 * prefix such as "第十二，") and text cut off mid-sentence. Such text is removed from the
 * transcript (reported with its source line and the removed text) and the source is marked damaged.
 *
 * Legitimate repetition is never removed:
 * - a loop is the same text coming back again and again, back to back, inside ONE turn: a
 *   paragraph counts as a copy only when ≥ 80% of its Han characters repeat sentences of the same
 *   turn, and a loop is a run of at least two consecutive copies (the text three times or more). A spokesperson's formula repeated in
 *   two answers, an answer quoting the question, a sentence said twice for emphasis: kept;
 * - a paragraph that starts a turn (a label) is not a copy — a repeated answer is an answer — unless
 *   it is the very same paragraph as the one just before it (a labelled paragraph looping);
 * - a single paragraph repeated once is kept and reported as an info message.
 *
 * Cut off mid-sentence: the last paragraph of a turn (or of the text) that stops inside a
 * sentence of prose. Stage directions and asides in brackets ("（记者笑）") end a paragraph
 * legitimately; a line without any sentence punctuation (a title, a date, a signature) is not
 * prose and is left alone. A finished sentence whose final "。" the editor forgot looks exactly
 * like a cut one, so the unfinished fragment is removed only in a source that the loop test has
 * already shown damaged; elsewhere it is kept and reported as a warning.
 */
// @ts-nocheck

import type { Line, RuleResult } from '../text.js';
import { countHan, endsCleanly, endsSentence, splitSentences } from '../text.js';
import { applyRule, type CleaningRule, type RuleContext } from './rule.js';

const COUNTER = /^第[一二三四五六七八九十百零〇两\d]+[，、,.．]\s*/u;

/** the label that opens a turn: up to the first colon */
const LABEL = /^[^，。！？：:]{1,40}[：:]/u;

const IGNORED_RE = /[ \t，。！？；：、“”‘’（）《》]/g;

/** the sentence without a counting prefix, spaces and punctuation */
function key(sentence: string): string {
  const s = sentence.charCodeAt(0) === 0x7b2c /* 第 */ ? sentence.replace(COUNTER, '') : sentence;
  return s.replace(IGNORED_RE, '');
}

/** minimal key length (characters) for a sentence to count as repeated */
const MIN_KEY = 4;
/** a cut-off copy matches an earlier sentence on this many leading characters */
const PREFIX = 12;
/** a copy: at least this many Han characters, this share of them repeated */
const MIN_HAN = 30;
const MIN_REPEATED_HAN = 24;
const SHARE = 0.8;
/** back-to-back copies before it is a loop (the text then occurs at least three times) */
const LOOP_COPIES = 2;

/** Sentence punctuation inside a text: it is prose, not a title or a date line. */
const PROSE = /[，。！？；：,;]/;

export interface CorruptionResult extends RuleResult {
  repeated: number;
  truncated: number;
}

export { endsCleanly };

function transform(paras: Line[], ctx: RuleContext): Line[] {
  const { isBoundary } = ctx;
  // pass 1: candidate copies, turn by turn
  type Cand = { para: number; turn: number };
  const candidates: Cand[] = [];
  let seen = new Set<string>();
  let seenPrefix = new Set<string>();
  let turn = 0;
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p]!;
    // the very same labelled paragraph again, right after itself ("答：…" / "答：…"): the
    // same turn looping, not a new turn
    const same = p > 0 && para.text === paras[p - 1]!.text && countHan(para.text) >= MIN_HAN;
    if (same) {
      candidates.push({ para: p, turn });
      continue;
    }
    const starts = isBoundary(para.text);
    if (starts) {
      turn++;
      seen = new Set();
      seenPrefix = new Set();
    }
    const sentences = splitSentences(para.text);
    // a turn's label ("答：", "王毅：") is not part of what is said
    if (starts && sentences.length) sentences[0] = sentences[0]!.replace(LABEL, '');
    const keys = sentences.map(key);
    let seenHan = 0;
    if (!starts)
      for (let k = 0; k < sentences.length; k++) {
        const sk = keys[k]!;
        if (sk.length < MIN_KEY) continue;
        const last = k === sentences.length - 1 && !endsSentence(sentences[k]!);
        if (seen.has(sk) || (last && sk.length >= PREFIX && seenPrefix.has(sk.slice(0, PREFIX)))) seenHan += countHan(sentences[k]!);
      }
    const han = seenHan >= MIN_REPEATED_HAN ? countHan(para.text) : 0;
    if (han >= MIN_HAN && seenHan / han >= SHARE) {
      candidates.push({ para: p, turn });
      continue;
    }
    for (const sk of keys) {
      if (sk.length < MIN_KEY) continue;
      seen.add(sk);
      if (sk.length >= PREFIX) seenPrefix.add(sk.slice(0, PREFIX));
    }
  }
  // runs of back-to-back copies (consecutive paragraphs of one turn)
  const runLength = new Map<Cand, number>();
  for (let a = 0; a < candidates.length; ) {
    let b = a + 1;
    while (b < candidates.length && candidates[b]!.para === candidates[b - 1]!.para + 1 && candidates[b]!.turn === candidates[a]!.turn) b++;
    for (let k = a; k < b; k++) runLength.set(candidates[k]!, b - a);
    a = b;
  }
  const drop = new Set<number>();
  for (const c of candidates) {
    const para = paras[c.para]!;
    if (runLength.get(c)! >= LOOP_COPIES) {
      drop.add(c.para);
      ctx.out.repeated++;
      const counter = COUNTER.exec(para.text);
      ctx.report(`removed a degenerate repetition of earlier text (${counter ? 'counting prefix "' + counter[0].trim() + '"' : 'no counter'})`, { line: para.src, removed: para.text });
    } else ctx.report('paragraph repeats earlier text of the same turn (kept: a single repetition is not a loop)', { line: para.src });
  }
  const out = paras.filter((_, i) => !drop.has(i));
  // pass 2: text cut off mid-sentence: a paragraph of prose that stops without sentence-final
  // punctuation and is followed by the end of the text or by a new turn
  const final: Line[] = [];
  for (let p = 0; p < out.length; p++) {
    const para = out[p]!;
    const next = out[p + 1];
    if (!endsCleanly(para.text) && (!next || isBoundary(next.text))) {
      const sentences = splitSentences(para.text);
      const frag = sentences[sentences.length - 1] ?? para.text;
      const keep = para.text.slice(0, para.text.length - frag.length);
      // prose: an earlier finished sentence, a turn label, or clause punctuation in the fragment
      const prose = keep.trim() !== '' || isBoundary(para.text) || PROSE.test(frag.replace(/^[^：:]{1,40}[：:]/, ''));
      if (prose && countHan(frag) > 0 && ctx.out.repeated === 0) {
        ctx.report('paragraph ends without sentence-final punctuation (kept: no other sign of damage in this source)', { line: para.src, column: keep.length + 1, severity: 'warning' });
      } else if (prose && countHan(frag) > 0) {
        ctx.out.truncated++;
        ctx.report('removed text cut off mid-sentence', { line: para.src, column: keep.length + 1, removed: frag });
        if (keep.trim() !== '') final.push({ text: keep, src: para.src });
        continue;
      }
    }
    final.push(para);
  }
  ctx.fix(ctx.out.repeated + ctx.out.truncated);
  return final;
}

export const corruptionRule: CleaningRule = {
  name: 'corruption',
  stage: 'paragraphs',
  description: 'degenerate loops (the same text three times or more inside one turn) and text cut off mid-sentence removed; the source is marked damaged',
  applies: (ctx) => ctx.layout.base !== 'digest',
  transform,
};

export function corruption(paras: Line[], file: string, isBoundary: (t: string) => boolean): CorruptionResult {
  const r = applyRule(corruptionRule, paras, file, { isBoundary });
  return { lines: r.lines, diags: r.diags, fixes: r.fixes, repeated: r.out.repeated, truncated: r.out.truncated };
}
