/**
 * Lost line breaks: a transcript saved as one long line (or a few) still has its turn labels, each
 * after the end of a sentence ("…有何评论？答：…。路透社记者：…"). A line far longer than any
 * paragraph is cut before each label that follows a sentence end, so layout detection and the turn
 * grammar see paragraphs again. Only breaks are added (no character changes); each cut line is one
 * message with the number of breaks.
 */
// @ts-nocheck

import type { Line, RuleResult } from '../text.js';
import { diag } from '../text.js';

/** a line this long is no paragraph of a press conference */
const LONG = 1500;
const END = '[。？！?!…”’」』）)]';
const GENERIC = '(?:问|答|追问|又问|再问)[：:]|[^，。！？：:；\\s“”]{1,30}?记者(?:提问|追问|问及?)?[：:]';

export function restoreBreaks(lines: Line[], file: string): RuleResult {
  if (!lines.some((l) => l.text.length > LONG)) return { lines, diags: [], fixes: 0 };
  // names that open a turn several times after a sentence end ("。王毅：") are speakers
  const counts = new Map<string, number>();
  for (const l of lines)
    if (l.text.length > LONG) for (const m of l.text.matchAll(new RegExp(`${END}\\s*([\\p{Script=Han}·]{2,4})[：:]`, 'gu'))) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const names = [...counts].filter(([, n]) => n >= 2).map(([s]) => s.replace(/[·]/g, '\\$&'));
  const label = new RegExp(`(?<=${END})\\s*(?=${GENERIC}${names.length ? '|(?:' + names.join('|') + ')[：:]' : ''})`, 'gu');
  const out: Line[] = [];
  const diags: RuleResult['diags'] = [];
  let fixes = 0;
  for (const l of lines) {
    if (l.text.length <= LONG) {
      out.push(l);
      continue;
    }
    const parts = l.text.split(label).filter((p) => p !== '');
    if (parts.length < 3) {
      out.push(l);
      continue;
    }
    for (const [i, p] of parts.entries()) {
      if (i) out.push({ text: '', src: l.src });
      out.push({ text: p, src: l.src });
    }
    fixes += parts.length - 1;
    diags.push(diag(file, l.src, 'linebreaks', 'warning', `a line of ${l.text.length} characters: its line breaks were lost; ${parts.length - 1} paragraph break(s) restored before the turn labels`));
  }
  return { lines: out, diags, fixes };
}
