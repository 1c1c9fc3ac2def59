/**
 * Separator lines ("*****", "———") between the questions and a notice at the end of a briefing:
 * removed (each reported with its text), with a paragraph break kept where they stood; the first
 * source line after a separator is handed on as a turn break (`ctx.out.breaks`), so the notice after
 * it is not glued to the last answer.
 */
import type { Line } from '../text.js';
import { isSeparator } from '../labels.js';
import type { CleaningRule, RuleContext } from './rule.js';

function transform(lines: Line[], ctx: RuleContext): Line[] {
  const out: Line[] = [];
  let pending = false;
  for (const l of lines) {
    if (isSeparator(l.text)) {
      ctx.report('removed a separator line', { line: l.src, removed: l.text.trim(), severity: 'info' });
      ctx.fix(1);
      if (out.length && out[out.length - 1]!.text !== '') out.push({ text: '', src: l.src });
      pending = true;
      continue;
    }
    if (pending && l.text.trim() !== '') {
      ctx.out.breaks.add(l.src);
      pending = false;
    }
    out.push(l);
  }
  return out;
}

export const separatorRule: CleaningRule = {
  name: 'separator',
  stage: 'lines',
  description: 'separator lines ("*****") removed; the text after them starts a new turn',
  applies: (ctx) => ctx.layout.base !== 'digest',
  transform,
};
