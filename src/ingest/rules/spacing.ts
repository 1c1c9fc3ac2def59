/**
 * spacing / desegment: remove stray spaces in Chinese text. A space survives only between two Latin
 * words ("Joe Biden", "COVID-19 vaccine") or two numbers; it never survives next to a Han character
 * or CJK punctuation ("将近 150个" → "将近150个", "2021年 3月" → "2021年3月", "24 KZ" → "24KZ").
 * The same core serves both rules: `desegment` for word-segmented sources, `spacing` for the rest.
 */
import { isAsciiDigit, isCjk, lineRule } from '../text.js';

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

/** Collapse spaces in one line; returns the new text and how many space runs were removed/shrunk. */
export function collapseSpaces(input: string): { text: string; removed: number } {
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
      if (isAsciiDigit(L) && isAsciiDigit(R)) keep = true;
      else keep = tokenHasLetter(trimmed, i - 1, -1) && tokenHasLetter(trimmed, j, 1);
    }
    if (keep) {
      out += ' ';
      if (j - i > 1) removed++;
    } else removed++;
    i = j;
  }
  return { text: out, removed };
}

function run(rule: 'spacing' | 'desegment', message: string) {
  return lineRule(
    rule,
    (t) => {
      const { text, removed } = collapseSpaces(t);
      return { text, count: removed };
    },
    (n) => `${message} (${n})`,
  );
}

export const spacing = run('spacing', 'removed stray spaces');
/** Word-segmented text: spaces between tokens. */
export const desegment = run('desegment', 'joined word-segmented tokens');
