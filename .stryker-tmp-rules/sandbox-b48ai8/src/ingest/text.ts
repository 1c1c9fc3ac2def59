/**
 * Shared text primitives for the cleaning engine: the line-addressed document, diagnostics, and
 * character classes. Everything is linear in the input size.
 */
// @ts-nocheck

import type { Diagnostic } from './message.js';
export { diag } from './message.js';

/** One working line (or, after reflow, one paragraph) and the 1-based source line it starts on. */
export interface Line {
  text: string;
  src: number;
}

/** What every rule returns: the new lines plus its messages (each with a source line). */
export interface RuleResult {
  lines: Line[];
  diags: Diagnostic[];
  /** number of individual fixes (e.g. spaces removed), for the report's counts */
  fixes: number;
}

export const HAN_RE = /\p{Script=Han}/u;
export const HAN_G = /\p{Script=Han}/gu;

/** Exact Script=Han test with a fast path for the common ranges. */
export function isHanCode(c: number): boolean {
  if (c < 0x2e80) return false;
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false; // lone surrogate halves (callers pass code points)
  if (c >= 0xff00 && c <= 0xffef) return false;
  if (c >= 0x3000 && c <= 0x303f) return c === 0x3005 || c === 0x3007 || (c >= 0x3021 && c <= 0x3029) || (c >= 0x3038 && c <= 0x303b);
  return HAN_RE.test(String.fromCodePoint(c));
}

export function isHan(ch: string | undefined): boolean {
  return !!ch && isHanCode(ch.codePointAt(0)!);
}

export function countHan(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x2e80) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = s.codePointAt(i)!;
      if (isHanCode(cp)) n++;
      i++;
    } else if (isHanCode(c)) n++;
  }
  return n;
}

/** CJK punctuation and full-width forms (not letters/digits). */
export function isCjkPunct(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x3000 && c <= 0x303f) || // CJK symbols and punctuation
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x2014 || c === 0x2026 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x00b7 || c === 0x2027
  );
}

/** Han, CJK punctuation, or full-width forms: "Chinese context". */
export function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

export function isLatinLetter(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z\u00c0-\u024f]/.test(ch);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return !!ch && ch >= '0' && ch <= '9';
}

/** Sentence-final punctuation (a paragraph may end here). Colon and semicolon end list items. */
const FINAL = new Set(['。', '！', '？', '!', '?', '…', '；', '：', ';', ':', '.']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '"', "'", '】']);

/** True when the text ends like a finished sentence (closing quotes/brackets after the final mark allowed). */
export function endsSentence(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && (s[i] === ' ' || s[i] === '\t' || s[i] === '\u3000')) i--;
  let closers = 0;
  while (i >= 0 && CLOSERS.has(s[i]!)) {
    i--;
    closers++;
  }
  if (i < 0) return false;
  // a stage direction or caption in brackets (words only) after a finished sentence, or alone:
  // "……我不掌握你说的情况。（记者笑）", "（记者点头）"
  if (closers === 1 && (s[i + 1] === '）' || s[i + 1] === ')')) {
    const open = Math.max(s.lastIndexOf('（', i), s.lastIndexOf('(', i));
    // words only (no digits, Latin or formula), short: "记者笑", "示意图"
    if (open >= 0 && i + 1 - open <= 41 && /^[\p{Script=Han}·、，]+$/u.test(s.slice(open + 1, i + 1))) {
      const before = s.slice(0, open).trimEnd();
      if (before === '' || endsSentence(before)) return true;
    }
  }
  const ch = s[i]!;
  if (ch === '.') return closers === 0 && i > 0 && !isAsciiDigit(s[i - 1]) ? isLatinLetter(s[i - 1]) : false;
  return FINAL.has(ch);
}

/** Bracketed asides at the end of a paragraph: stage directions "（记者笑）", "(laughter)". */
/** (words only: "（10+3）" after a sentence starts the next one, it is not an aside) */
const TRAILING_ASIDES = /(?:\s*[（(【\[][\p{Script=Han}A-Za-z·、，, ]{1,30}[）)】\]]\s*[。，；]?)+$/u;

/**
 * True when a paragraph ends legitimately: a sentence end, possibly followed by bracketed asides
 * (stage directions such as "（记者笑）", alone or after a finished sentence or a label).
 */
export function endsCleanly(text: string): boolean {
  if (endsSentence(text)) return true;
  const m = TRAILING_ASIDES.exec(text);
  if (!m) return false;
  const before = text.slice(0, m.index).trimEnd();
  return before === '' || endsSentence(before) || /[：:]$/.test(before);
}

/** Display width (Han and full-width count 2), used to find the column width of hard-wrapped text. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x1100 ? 1 : 2;
  return w;
}

/** Split into sentences after 。！？… (keeping closing quotes with their sentence). Linear. */
export function splitSentences(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const ch = s[i]!;
    if (ch === '。' || ch === '！' || ch === '？' || ch === '?' || ch === '!' || ch === '；') {
      let j = i + 1;
      while (j < n && (CLOSERS.has(s[j]!) || s[j] === '…')) j++;
      out.push(s.slice(start, j));
      start = j;
      i = j - 1;
    }
  }
  if (start < n) out.push(s.slice(start));
  return out.filter((x) => x.trim() !== '');
}

/** Ordinal / enumeration markers that usually start a paragraph in a spoken answer. */
export const ORDINAL_START =
  /^(首先|其次|再次|最后|此外|另外|总之|第[一二三四五六七八九十]+|[一二三四五六七八九十]+是|[一二三四五六七八九十]+、)/;
