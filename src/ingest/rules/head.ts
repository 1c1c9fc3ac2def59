/**
 * head: the title lines and the digest headline bullets printed above a transcript
 * ("就中国外交政策和对外关系 / 国务委员兼外交部长王毅回答中外记者提问", "- 乌克兰问题：…").
 * They become metadata and highlights, not transcript text; each is reported.
 */
import type { Line, RuleResult } from '../text.js';
import { displayWidth, endsSentence } from '../text.js';
import { matchLabel } from '../labels.js';
import { wrapWidth } from './reflow.js';
import { applyRule, type CleaningRule, type RuleContext } from './rule.js';

const BULLET = /^[-•●▪■◆·]\s*/;

export interface HeadResult extends RuleResult {
  titles: string[];
  bullets: { text: string; src: number }[];
}

/**
 * `wrap`: the column width of a hard-wrapped source — a title line is narrower than the column,
 * while a column break leaves a full-width fragment that is not a title.
 */
function transform(input: Line[], ctx: RuleContext): Line[] {
  const opts = { segmented: ctx.layout.base === 'segmented', wrap: ctx.wrap ?? (ctx.layout.base === 'columns' ? wrapWidth(input) : undefined) };
  const speakers = ctx.speakers;
  const lines = input.map((l) => ({ ...l }));
  const titles = ctx.out.titles;
  const bullets = ctx.out.bullets;
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
        ctx.report(`digest headline bullet moved to highlights: ${text}`, { line: l.src });
        lines[k] = { text: '', src: l.src };
      }
    } else if (titleLike && !bullets.length) {
      for (let k = s; k < i; k++) {
        const l = lines[k]!;
        titles.push(l.text.trim());
        ctx.report('title line moved to metadata', { line: l.src, removed: l.text, severity: 'info' });
        lines[k] = { text: '', src: l.src };
      }
    } else break;
  }
  ctx.fix(titles.length + bullets.length);
  return lines;
}

export const headRule: CleaningRule = {
  name: 'head',
  stage: 'lines',
  description: 'title lines above the transcript moved to metadata, digest headline bullets to highlights',
  applies: () => true,
  transform,
};

export function head(input: Line[], file: string, speakers: Set<string>, opts: { segmented?: boolean; wrap?: number } = {}): HeadResult {
  const r = applyRule(headRule, input, file, { speakers, wrap: opts.wrap, layout: { base: opts.segmented ? 'segmented' : opts.wrap ? 'columns' : 'paragraphs', digestHead: false } });
  return { lines: r.lines, diags: r.diags, fixes: r.fixes, titles: r.out.titles, bullets: r.out.bullets };
}
