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
/** a dateline ("新华社北京3月7日电") opens the report: it is not a title */
const DATELINE = /\d{1,2}月\d{1,2}日电/;

export interface HeadResult extends RuleResult {
  titles: string[];
  bullets: { text: string; src: number }[];
}

/**
 * A title is a short line that does not end a sentence, without "。；", not a label, not a
 * dateline; in a hard-wrapped source, a title with "，！？" must be narrower than the column (a
 * column break leaves full-width fragments of prose). `wrap`: the column width of a hard-wrapped source, where a long title or bullet is
 * cut into full-width lines that are joined again (a line after a full-width line, or any
 * non-bullet line of a bullet block, continues it).
 */
function transform(input: Line[], ctx: RuleContext): Line[] {
  const opts = { segmented: ctx.layout.base === 'segmented', wrap: ctx.wrap ?? (ctx.layout.base === 'columns' ? wrapWidth(input) : undefined) };
  const speakers = ctx.speakers;
  const lines = input.slice(); // entries are replaced, never mutated
  const titles = ctx.out.titles;
  const bullets = ctx.out.bullets;
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.text === '') i++;
    if (i >= lines.length) break;
    const s = i;
    if (opts.segmented) i++;
    else while (i < lines.length && lines[i]!.text !== '') i++;
    // a line that reaches the column (within one Han character) was cut by the wrap
    const full = (t: string) => !!opts.wrap && displayWidth(t) >= opts.wrap - 2;
    // a hard-wrapped source cuts a long bullet or title into full-width lines: a line that
    // follows a full-width line of the same block continues it
    const units: { text: string; src: number; from: number; to: number }[] = [];
    for (let k = s; k < i; k++) {
      const l = lines[k]!;
      const prev = units[units.length - 1];
      // in a hard-wrapped source, a line of a bullet block that is not a bullet continues the bullet
      const bulletBlock = !!opts.wrap && BULLET.test(lines[s]!.text);
      if (prev && (full(lines[k - 1]!.text) || bulletBlock) && !BULLET.test(l.text)) {
        prev.text += l.text;
        prev.to = k + 1;
      } else units.push({ text: l.text, src: l.src, from: k, to: k + 1 });
    }
    const allBullets = units.every((u) => BULLET.test(u.text) && u.text.replace(BULLET, '').length > 0);
    const titleLike =
      units.length <= 3 &&
      units.every((u) => u.text.length <= 60 && !endsSentence(u.text) && !/[。；;]/.test(u.text) && (!/[，！？,]/.test(u.text) || (u.to - u.from === 1 && !full(u.text))) && !DATELINE.test(u.text) && !matchLabel(u.text, speakers));
    if (allBullets) {
      for (const u of units) {
        const text = u.text.replace(BULLET, '').trim();
        bullets.push({ text, src: u.src });
        ctx.report(`digest headline bullet moved to highlights: ${text}`, { line: u.src });
        for (let k = u.from; k < u.to; k++) lines[k] = { text: '', src: lines[k]!.src };
      }
    } else if (titleLike && !bullets.length) {
      for (const u of units) {
        titles.push(u.text.trim());
        for (let k = u.from; k < u.to; k++) {
          const l = lines[k]!;
          ctx.report('title line moved to metadata', { line: l.src, removed: l.text, severity: 'info' });
          lines[k] = { text: '', src: l.src };
        }
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
