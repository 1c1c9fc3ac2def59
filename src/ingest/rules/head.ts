/**
 * head: the title lines and the digest headline bullets printed above a transcript
 * ("就中国外交政策和对外关系 / 国务委员兼外交部长王毅回答中外记者提问", "- 乌克兰问题：…").
 * They become metadata and highlights, not transcript text; each is reported.
 */
import type { Diagnostic } from '../index.js';
import type { Line, RuleResult } from '../text.js';
import { diag, displayWidth, endsSentence } from '../text.js';
import { matchLabel } from '../labels.js';

const BULLET = /^[-•●▪■◆·]\s*/;

export interface HeadResult extends RuleResult {
  titles: string[];
  bullets: { text: string; src: number }[];
}

/**
 * `wrap`: the column width of a hard-wrapped source — a title line is narrower than the column,
 * while a column break leaves a full-width fragment that is not a title.
 */
export function head(input: Line[], file: string, speakers: Set<string>, opts: { segmented?: boolean; wrap?: number } = {}): HeadResult {
  const lines = input.map((l) => ({ ...l }));
  const diags: Diagnostic[] = [];
  const titles: string[] = [];
  const bullets: { text: string; src: number }[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.text === '') i++;
    if (i >= lines.length) break;
    const s = i;
    if (opts.segmented) i++;
    else while (i < lines.length && lines[i]!.text !== '') i++;
    const block = lines.slice(s, i);
    const allBullets = block.every((l) => BULLET.test(l.text) && l.text.replace(BULLET, '').length > 0);
    const narrow = (t: string) => !opts.wrap || displayWidth(t) < opts.wrap * 0.8;
    const titleLike = block.length <= 3 && block.every((l) => l.text.length <= 60 && narrow(l.text) && !endsSentence(l.text) && !/[。；]/.test(l.text) && !matchLabel(l.text, speakers));
    if (allBullets) {
      for (let k = s; k < i; k++) {
        const l = lines[k]!;
        const text = l.text.replace(BULLET, '').trim();
        bullets.push({ text, src: l.src });
        diags.push(diag(file, l.src, 'head', 'info', `digest headline bullet moved to highlights: ${text}`));
        lines[k] = { text: '', src: l.src };
      }
    } else if (titleLike && !bullets.length) {
      for (let k = s; k < i; k++) {
        const l = lines[k]!;
        titles.push(l.text.trim());
        diags.push(diag(file, l.src, 'head', 'info', 'title line moved to metadata', l.text));
        lines[k] = { text: '', src: l.src };
      }
    } else break;
  }
  return { lines, diags, fixes: titles.length + bullets.length, titles, bullets };
}
