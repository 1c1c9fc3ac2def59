/**
 * corruption: degenerate repetition (a paragraph looped over and over, often behind a counting
 * prefix such as "第十二，") and text cut off mid-sentence. Such text is removed from the
 * transcript (reported with its source line) and the source is marked damaged.
 */
import type { Diagnostic } from '../index.js';
import type { Line, RuleResult } from '../text.js';
import { countHan, diag, endsSentence, splitSentences } from '../text.js';

const COUNTER = /^第[一二三四五六七八九十百零〇两\d]+[，、,.．]\s*/u;

const IGNORED_RE = /[ \t，。！？；：、“”‘’（）《》]/g;

/** the sentence without a counting prefix, spaces and punctuation */
function key(sentence: string): string {
  const s = sentence.charCodeAt(0) === 0x7b2c /* 第 */ ? sentence.replace(COUNTER, '') : sentence;
  return s.replace(IGNORED_RE, '');
}

export interface CorruptionResult extends RuleResult {
  repeated: number;
  truncated: number;
}

export function corruption(paras: Line[], file: string, isBoundary: (t: string) => boolean): CorruptionResult {
  const diags: Diagnostic[] = [];
  const seen = new Set<string>();
  const seenPrefix = new Set<string>();
  const out: Line[] = [];
  let repeated = 0;
  let truncated = 0;
  const PREFIX = 12;
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p]!;
    const sentences = splitSentences(para.text);
    let seenHan = 0;
    const keys = sentences.map(key);
    for (let k = 0; k < sentences.length; k++) {
      const sk = keys[k]!;
      if (sk.length < 4) continue;
      const last = k === sentences.length - 1 && !endsSentence(sentences[k]!);
      if (seen.has(sk) || (last && sk.length >= PREFIX && seenPrefix.has(sk.slice(0, PREFIX)))) seenHan += countHan(sentences[k]!);
    }
    const han = seenHan >= 24 ? countHan(para.text) : 0;
    if (han >= 30 && seenHan / han >= 0.8) {
      repeated++;
      diags.push(diag(file, para.src, 'corruption', 'warning', `removed a degenerate repetition of earlier text (${COUNTER.test(para.text) ? 'counting prefix "' + COUNTER.exec(para.text)![0].trim() + '"' : 'no counter'})`, para.text));
      continue;
    }
    for (const sk of keys) {
      if (sk.length < 4) continue;
      seen.add(sk);
      if (sk.length >= PREFIX) seenPrefix.add(sk.slice(0, PREFIX));
    }
    out.push(para);
  }
  // text cut off mid-sentence: a paragraph that stops without sentence-final punctuation and is
  // followed by the end of the text or by a new turn
  const final: Line[] = [];
  for (let p = 0; p < out.length; p++) {
    const para = out[p]!;
    const next = out[p + 1];
    if (!endsSentence(para.text) && (!next || isBoundary(next.text))) {
      const sentences = splitSentences(para.text);
      const frag = sentences[sentences.length - 1] ?? para.text;
      const keep = para.text.slice(0, para.text.length - frag.length);
      truncated++;
      diags.push(diag(file, para.src, 'corruption', 'warning', 'removed text cut off mid-sentence', frag));
      if (keep.trim() !== '') final.push({ text: keep, src: para.src });
      continue;
    }
    final.push(para);
  }
  return { lines: final, diags, fixes: repeated + truncated, repeated, truncated };
}
