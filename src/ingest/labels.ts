/**
 * Turn labels as printed: questioners ("美国有线电视新闻网记者：") and speakers ("王毅：").
 * Speakers are not hard-coded: a short name that opens several paragraphs with a colon is one.
 */
import type { Line } from './text.js';

/** "<outlet>记者：" / "<outlet>特约记者：" at the start of a paragraph. */
export const QUESTION_LABEL = /^([^，。！？：:；\s“”]{1,40}?记者)\s*[：:]\s*/u;
const NAME_LABEL = /^([\p{Script=Han}·]{2,8})\s*[：:]/u;
/** Narration that closes an event ("记者会历时1小时40分钟。"). */
export const NARRATION_START = /^(?:记者会|发布会|新闻发布会)(?:历时|持续|共持续|到此结束|结束)/;

export function outletOf(label: string): string {
  return label.replace(/(?:特约|驻[^记]{1,8})?记者$/u, '') || label;
}

/** Names used as speaker labels at least twice (e.g. 王毅). */
export function detectSpeakers(lines: Line[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const m = NAME_LABEL.exec(l.text);
    if (!m) continue;
    const name = m[1]!;
    if (name.endsWith('记者')) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [name, n] of counts) if (n >= 3 || (n >= 2 && name.length <= 4)) out.add(name);
  return out;
}

export interface LabelMatch {
  kind: 'question' | 'speaker';
  label: string;
  /** length of the label prefix including the colon and spaces */
  length: number;
}

export function matchLabel(text: string, speakers: Set<string>): LabelMatch | undefined {
  const q = QUESTION_LABEL.exec(text);
  if (q) return { kind: 'question', label: q[1]!, length: q[0].length };
  const m = NAME_LABEL.exec(text);
  if (m && speakers.has(m[1]!)) {
    let len = m[0].length;
    while (text[len] === ' ') len++;
    return { kind: 'speaker', label: m[1]!, length: len };
  }
  return undefined;
}
