/**
 * spacing / desegment: remove stray spaces in Chinese text. A space survives only between two Latin
 * words ("Joe Biden", "COVID-19 vaccine") or two numbers; it never survives next to a Han character
 * or CJK punctuation ("将近 150个" → "将近150个", "2021年 3月" → "2021年3月", "24 KZ" → "24KZ").
 * The same core serves both rules: `desegment` for word-segmented sources, `spacing` for the rest.
 */
import { isAsciiDigit, isCjk } from '../text.js';
import { applyRule, lineRule, type CleaningRule } from './rule.js';
import type { Line } from '../text.js';

const WIDE_SPACE = /[\u3000\u00a0\u2002-\u200a\u202f\u205f\t\f\v]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

function tokenHasLetter(s: string, from: number, step: 1 | -1): boolean {
  for (let i = from; i >= 0 && i < s.length; i += step) {
    const ch = s[i]!;
    if (ch === ' ' || isCjk(ch)) return false;
    if (/[A-Za-z\u00c0-\u024f]/.test(ch)) return true;
  }
  return false;
}

const FRAGMENT_CH = /[0-9A-Za-z.]/;

/** the run of ASCII letters, digits and dots ending before `end` (exclusive) or starting at `start` */
function fragmentBefore(s: string, end: number): string {
  let i = end;
  while (i > 0 && FRAGMENT_CH.test(s[i - 1]!)) i--;
  return s.slice(i, end);
}
function fragmentAfter(s: string, start: number): string {
  let j = start;
  while (j < s.length && FRAGMENT_CH.test(s[j]!)) j++;
  return s.slice(start, j);
}

/** a number: digits, decimal or dotted parts, a sentence's full stop ("1.5 billion", "in 2019. Then",
 *  "version 1.2.3 update", "on 2019.3.5 in") */
const DIGITS = /^[0-9]+(?:\.[0-9]+)*\.?$/;
/** Latin punctuation that a space follows in English text ("item 3, and", "No. 1", "(May 15) will") */
const LATIN_PUNCT = /[,.;:!?)\]]/;
const LATIN_START = /[A-Za-z0-9]/;
/** an opening bracket that a space precedes in English text ("May 15 (Tuesday)", "item (1)") */
const LATIN_OPEN = /[([]/;
/** an English word: letters with at least one lowercase letter ("Windows", "billion"), or an
 *  abbreviation of dotted letters ("3 p.m.", "10 a.m.", "2 U.S. senators") */
const WORD = /^(?:[A-Za-z]*[a-z][A-Za-z]*\.?|(?:[A-Za-z]\.){2,})$/;
/** a piece of a number: digits, a decimal point, digits with a decimal point */
const NUMBERISH = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]*)$/;

/** a code: capitals, digits and decimal points, no lowercase letter ("RCEP", "G20", "III", "2008", "3.5") */
const CODE = /^[A-Z0-9.]+$/;

/**
 * In word-segmented text, is the single space between fragments `a` and `b` (both ASCII letters,
 * digits or dots) a segmentation space inside one token? A segmenter splits "2008" into
 * "2 00 8", "RCEP" into "R CEP", "III" into "II I", "5G" into "5 G"; it never cuts an English word
 * into pieces, so a fragment with a lowercase letter is a word and its spaces are real ("Belt and
 * Road", "Joe Biden", "Windows 10"). Two codes (capitals, digits, decimal points) join.
 * Limit: two all-capital acronyms side by side ("APEC CEO") are joined too; in Chinese prose
 * such neighbours are separated by "、" or "和".
 */
export function joinsFragments(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (NUMBERISH.test(a) && NUMBERISH.test(b)) return true;
  return CODE.test(a) && CODE.test(b) && !(a.endsWith('.') && b.startsWith('.'));
}

/**
 * Collapse spaces in one line; returns the new text and how many space runs were removed/shrunk.
 * `segmented`: the line comes from word-segmented text, where a single space between ASCII
 * fragments may split one token (see `joinsFragments`).
 */
export function collapseSpaces(input: string, segmented = false): { text: string; removed: number } {
  let removed = 0;
  let s = input.replace(ZERO_WIDTH, () => {
    removed++;
    return '';
  });
  s = s.replace(WIDE_SPACE, ' ');
  const trimmed = s.trim();
  if (trimmed.indexOf(' ') < 0) return { text: trimmed, removed };
  let out = '';
  const n = trimmed.length;
  let i = 0;
  while (i < n) {
    const ch = trimmed[i]!;
    if (ch !== ' ') {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < n && trimmed[j] === ' ') j++;
    const L = trimmed[i - 1];
    const R = trimmed[j];
    let keep = false;
    if (!isCjk(L) && !isCjk(R)) {
      if (segmented && j - i === 1 && L !== undefined && R !== undefined && joinsFragments(fragmentBefore(trimmed, i), fragmentAfter(trimmed, j))) keep = false;
      else if (isAsciiDigit(L) && isAsciiDigit(R)) keep = true;
      else {
        const lw = fragmentBefore(trimmed, i);
        const rw = fragmentAfter(trimmed, j);
        // two words ("Joe Biden"), or a word and a number ("Windows 10", "2 billion")
        keep =
          (tokenHasLetter(trimmed, i - 1, -1) && tokenHasLetter(trimmed, j, 1)) ||
          (WORD.test(lw) && DIGITS.test(rw)) ||
          (DIGITS.test(lw) && WORD.test(rw)) ||
          // English punctuation is followed by a space: "item 3, and" (not "中国, 美国", "多边主义 , 维护")
          (LATIN_PUNCT.test(L!) && i >= 2 && !isCjk(trimmed[i - 2]) && trimmed[i - 2] !== ' ' && LATIN_START.test(R!)) ||
          (LATIN_OPEN.test(R!) && LATIN_START.test(L!) && LATIN_START.test(trimmed[j + 1] ?? ''));
      }
    }
    if (keep) {
      out += ' ';
      if (j - i > 1) removed++;
    } else removed++;
    i = j;
  }
  return { text: out, removed };
}

function makeSpacingRule(name: 'spacing' | 'desegment', description: string, segmented: boolean, message: string): CleaningRule {
  return lineRule(
    name,
    description,
    (ctx) => (ctx.layout.base === 'segmented') === segmented,
    (t) => {
      const { text, removed } = collapseSpaces(t, segmented);
      return { text, count: removed };
    },
    (n) => `${message} (${n})`,
  );
}

export const spacingRule = makeSpacingRule('spacing', 'stray spaces and wide blanks removed; a space stays only between Latin words or numbers', false, 'removed stray spaces');
/** Word-segmented text: spaces between tokens; tokens split by the segmenter joined again. */
export const desegmentRule = makeSpacingRule('desegment', 'word-segmented text joined: spaces between tokens removed, split digits and Latin tokens joined', true, 'joined word-segmented tokens');

export const spacing = (lines: Line[], file: string) => applyRule(spacingRule, lines, file, { layout: { base: 'paragraphs', digestHead: false } });
export const desegment = (lines: Line[], file: string) => applyRule(desegmentRule, lines, file, { layout: { base: 'segmented', digestHead: false } });
