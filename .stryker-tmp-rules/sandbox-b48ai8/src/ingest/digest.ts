/**
 * Digests (news round-ups of a press conference): their subheads become highlights of the event;
 * the body is not a transcript and is reported as not printed.
 */
// @ts-nocheck

import type { Diagnostic } from './message.js';
import type { Line } from './text.js';
import { diag, endsSentence } from './text.js';

const MARKER = /^[·•【\[].{1,30}[·•】\]]$/;
const REPORTED_START = /^[\p{Script=Han}]{1,6}(?:说|表示|指出|强调|介绍|认为|重申)[，,:：]/u;

export interface DigestResult {
  highlights: { text: string; src: number }[];
  diags: Diagnostic[];
}

function openQuote(s: string): boolean {
  let d = 0;
  for (const ch of s) {
    if (ch === '“') d++;
    else if (ch === '”' && d > 0) d--;
  }
  return d > 0;
}

export function digestHighlights(lines: Line[], file: string): DigestResult {
  const diags: Diagnostic[] = [];
  const highlights: { text: string; src: number }[] = [];
  type Block = { text: string; src: number; kind: 'marker' | 'subhead' | 'body' };
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.text === '') i++;
    if (i >= lines.length) break;
    const src = lines[i]!.src;
    let text = '';
    while (i < lines.length && lines[i]!.text !== '') text += lines[i++]!.text;
    const prev = blocks[blocks.length - 1];
    if (prev?.kind === 'body' && (!endsSentence(prev.text) || openQuote(prev.text))) {
      prev.text += text; // a column break inside a body paragraph
      continue;
    }
    let kind: Block['kind'] = 'body';
    if (MARKER.test(text)) kind = 'marker';
    else if (text.length <= 40 && !endsSentence(text) && !openQuote(text) && !REPORTED_START.test(text)) kind = 'subhead';
    blocks.push({ text, src, kind });
  }
  for (const b of blocks) {
    if (b.kind === 'subhead') {
      // "中俄 | 世界越是…": a topic prefix set off by a bar reads as "中俄：…"
      const text = b.text.replace(/^([\p{Script=Han}]{1,8})\s*[|｜]\s*/u, '$1：');
      if (text !== b.text) diags.push(diag(file, b.src, 'digest', 'info', 'topic prefix "X | …" written as "X：…"'));
      highlights.push({ text, src: b.src });
    }
    else diags.push(diag(file, b.src, 'digest', 'info', b.kind === 'marker' ? 'digest section marker not printed' : 'digest body not printed (not a transcript)', b.text));
  }
  return { highlights, diags };
}
