/**
 * blanks: normalise blank characters before any layout or label detection. `&nbsp;` (U+00A0), the
 * full-width indent (U+3000, two of them open every paragraph of a ministry page), the other Unicode
 * spaces and tabs become one ASCII space; zero-width characters (U+200B–U+200D, U+2060, U+FEFF, soft
 * hyphen U+00AD) are dropped; each line is trimmed. Only blank characters are touched (no Han
 * character, letter, digit or punctuation), and every changed line is one info message with the count.
 */
// @ts-nocheck

import type { Line, RuleResult } from '../text.js';
import { applyRule, lineRule } from '../rules/rule.js';

const WIDE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g;
const ZERO = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

export interface BlankCounts {
  nbsp: number;
  ideographic: number;
  zeroWidth: number;
  other: number;
  /** ASCII spaces trimmed at the start or end of a line */
  trimmed: number;
}

/** One line: the normalised text and what was changed in it. */
export function normalizeBlankLine(s: string): { text: string; counts: BlankCounts } {
  const counts: BlankCounts = { nbsp: 0, ideographic: 0, zeroWidth: 0, other: 0, trimmed: 0 };
  if (!/[^\x21-\x7e]|^ | $/.test(s)) return { text: s, counts }; // pure printable ASCII without edge spaces: fast path
  const z = s.replace(ZERO, () => {
    counts.zeroWidth++;
    return '';
  });
  const t = z.replace(WIDE, (ch) => {
    if (ch === '\u00a0') counts.nbsp++;
    else if (ch === '\u3000') counts.ideographic++;
    else counts.other++;
    return ' ';
  });
  const inner = t.trim();
  if (inner.length !== t.length) {
    // ASCII blanks at the edges (the other kinds there are counted above)
    const lead = /^\s*/.exec(z)![0];
    const trail = inner ? /\s*$/.exec(z)![0] : '';
    counts.trimmed = [...lead + trail].filter((c) => c === ' ' || c === '\n' || c === '\r').length;
  }
  return { text: inner, counts };
}

const total = (c: BlankCounts) => c.nbsp + c.ideographic + c.zeroWidth + c.other + c.trimmed;

/** The rule: every line normalised; `fixes` = blank characters replaced, dropped or trimmed. */
export function normalizeBlanks(lines: Line[], file: string): RuleResult & { counts: BlankCounts } {
  const sum: BlankCounts = { nbsp: 0, ideographic: 0, zeroWidth: 0, other: 0, trimmed: 0 };
  const rule = lineRule(
    'blanks',
    'blank characters normalised before any detection (&nbsp;, U+3000 indents, zero-width, tabs, edge spaces)',
    () => true,
    (text) => {
      const r = normalizeBlankLine(text);
      for (const k of Object.keys(sum) as (keyof BlankCounts)[]) sum[k] += r.counts[k];
      return { text: r.text, count: r.text === text ? 0 : Math.max(1, total(r.counts)) };
    },
    (n) => `normalised ${n} blank character(s) (&nbsp;, full-width indent U+3000, zero-width, tabs, edge spaces)`,
  );
  const r = applyRule(rule, lines, file);
  return { lines: r.lines, diags: r.diags, fixes: r.fixes, counts: sum };
}
