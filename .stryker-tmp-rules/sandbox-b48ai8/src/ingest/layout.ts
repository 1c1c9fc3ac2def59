/**
 * Layout detection: hard-wrapped newspaper columns, clean paragraphs, word-segmented (one sentence
 * per line), a news digest, and digest headline bullets at the head of a transcript.
 */
// @ts-nocheck

import type { Line } from './text.js';
import { countHan, displayWidth, endsSentence, isHanCode } from './text.js';
import { isQuestionLine } from './labels.js';

export type BaseLayout = 'columns' | 'paragraphs' | 'segmented' | 'digest';

export interface LayoutInfo {
  base: BaseLayout;
  digestHead: boolean;
  /** "columns", "paragraphs+digest-head", … */
  name: string;
  evidence: string;
}

const REPORTED = /(?:表示|指出|强调|介绍|说|认为|重申)[，,:：]/g;
const HEAD_BULLET = /^\s*[-•●▪■◆]\s*\S/;

/**
 * Hard wrapping at a fixed width: the lines that go on (followed by another line of the same block,
 * or stopping mid-sentence before a column break) nearly all have the maximum width. Returns that
 * width, or 0.
 */
function fixedWidth(lines: Line[]): number {
  const interior: number[] = [];
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.text.trim() === '') last--;
  for (let i = 0; i < last; i++) {
    const t = lines[i]!.text.trim();
    if (t === '' || HEAD_BULLET.test(t)) continue;
    // inside a block, or stopped mid-sentence before a column break
    if (lines[i + 1]!.text.trim() !== '' || !endsSentence(t)) interior.push(displayWidth(t));
  }
  if (interior.length < 3) return 0;
  const max = Math.max(...interior);
  if (max > 120) return 0;
  const full = interior.filter((w) => w >= max - 3).length;
  return full / interior.length >= 0.7 ? max : 0;
}

export function detectLayout(lines: Line[]): LayoutInfo {
  // a sample is enough to recognize a layout (and keeps detection cheap on long books)
  const nonEmpty: Line[] = [];
  for (const l of lines) {
    if (l.text.trim() !== '') nonEmpty.push(l);
    if (nonEmpty.length >= 600) break;
  }
  const sample = nonEmpty.slice(0, 400);
  let han = 0;
  let hsh = 0;
  for (const l of sample) {
    const t = l.text;
    han += countHan(t);
    // Han, spaces, Han
    for (let i = t.indexOf(' '); i >= 0 && i < t.length - 1; i = t.indexOf(' ', i + 1)) {
      if (i === 0 || !isHanCode(t.charCodeAt(i - 1))) continue;
      let j = i;
      while (t[j] === ' ') j++;
      if (j < t.length && isHanCode(t.charCodeAt(j))) hsh++;
      i = j - 1;
    }
  }
  const segRatio = han ? hsh / han : 0;
  let questions = 0;
  let reported = 0;
  for (const l of nonEmpty) {
    const raw = l.text;
    if (isQuestionLine(raw.replace(/ +/g, ''))) questions++;
    if (/表示|指出|强调|介绍|说|认为|重申/.test(raw)) reported += (raw.replace(/ +/g, '').match(REPORTED) ?? []).length;
  }
  const widths = nonEmpty.map((l) => displayWidth(l.text.trim())).sort((a, b) => a - b);
  const median = widths[Math.floor(widths.length / 2)] ?? 0;
  const unfinished = nonEmpty.filter((l) => !endsSentence(l.text)).length / Math.max(1, nonEmpty.length);
  // digest headline bullets before the first question
  let digestHead = false;
  let bulletCount = 0;
  for (const l of nonEmpty) {
    if (isQuestionLine(l.text.replace(/ +/g, '')) || /电\s/.test(l.text)) break;
    if (HEAD_BULLET.test(l.text)) bulletCount++;
  }
  digestHead = bulletCount >= 2;
  let base: BaseLayout;
  let evidence: string;
  if (segRatio > 0.12) {
    base = 'segmented';
    evidence = `${(segRatio * 100).toFixed(0)}% of Han characters are followed by a space and another Han character`;
  } else if (questions < 2 && reported >= 3) {
    base = 'digest';
    evidence = `${questions} question label(s), ${reported} reported-speech verbs (表示/指出/强调…)`;
  } else if (median <= 48 && unfinished > 0.5) {
    base = 'columns';
    evidence = `median line width ${median}, ${(unfinished * 100).toFixed(0)}% of lines stop mid-sentence`;
  } else if (fixedWidth(lines.slice(0, 1200))) {
    base = 'columns';
    evidence = `lines inside paragraphs are cut at one width (${fixedWidth(lines.slice(0, 1200))})`;
  } else {
    base = 'paragraphs';
    evidence = `median line width ${median}, ${(unfinished * 100).toFixed(0)}% of lines stop mid-sentence`;
  }
  if (digestHead && base !== 'digest') evidence += `; ${bulletCount} headline bullets at the head`;
  const name = digestHead && base !== 'digest' ? `${base}+digest-head` : base;
  return { base, digestHead: digestHead && base !== 'digest', name, evidence };
}
