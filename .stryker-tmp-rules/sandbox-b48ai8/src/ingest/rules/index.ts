/**
 * The cleaning rules and their order, declared in one place. Each rule is one module with one
 * interface (`CleaningRule`: name, stage, when it applies, a transform reporting through vfile
 * messages). `cleanLines` runs them in this order on one source.
 *
 *   characters: desegment | spacing → punctuation
 *   (speaker labels detected)
 *   lines:      noise → head → separator
 *   paragraphs: reflow → corruption
 */
// @ts-nocheck

import type { VFile } from 'vfile';
import type { LayoutInfo } from '../layout.js';
import type { Line } from '../text.js';
import { detectSpeakers, matchLabel, NARRATION_START } from '../labels.js';
import { createContext, hanOf, hanReported, runRule, type CleaningRule, type RuleContext } from './rule.js';
import { desegmentRule, spacingRule } from './spacing.js';
import { punctuationRule } from './punctuation.js';
import { noiseRule } from './noise.js';
import { headRule } from './head.js';
import { reflowRule } from './reflow.js';
import { corruptionRule } from './corruption.js';
import { separatorRule } from './separator.js';

export const RULES: readonly CleaningRule[] = [desegmentRule, spacingRule, punctuationRule, noiseRule, headRule, separatorRule, reflowRule, corruptionRule];

const STAGES = ['characters', 'lines', 'paragraphs'] as const;

export interface CleanLinesResult {
  /** paragraphs (or, for a digest, the cleaned lines) */
  lines: Line[];
  ctx: RuleContext;
}

/**
 * Run every rule that applies, in registry order, on the lines of one source. Messages go to
 * `vfile`; speaker labels are detected once the character rules have run.
 */
export function cleanLines(lines: Line[], file: string, layout: Pick<LayoutInfo, 'base' | 'digestHead'>, vfile?: VFile, rules: readonly CleaningRule[] = RULES): CleanLinesResult {
  const c0 = createContext(file, { vfile, layout });
  const from = c0.vfile.messages.length;
  const ctx = run(lines, c0, rules, false);
  // no rule may drop text without a message: check the chain, and find the culprit only if needed
  const lost = hanOf(lines) - hanOf(ctx.lines) - hanReported(ctx.ctx, from, 0);
  if (lost !== 0) {
    const audit = run(lines, createContext(file, { layout }), rules, true);
    const errors = audit.ctx.vfile.messages.filter((m) => m.fatal === true);
    for (const m of errors) ctx.ctx.vfile.messages.push(m);
    if (!errors.length) ctx.ctx.report(`the rules ${lost > 0 ? 'dropped' : 'added'} ${Math.abs(lost)} Han character(s) without a message`, { line: lines[0]?.src ?? 1, severity: 'error' });
  }
  return ctx;
}

function run(lines: Line[], ctx: ReturnType<typeof createContext>, rules: readonly CleaningRule[], audit: boolean): CleanLinesResult & { ctx: ReturnType<typeof createContext> } {
  let cur = lines;
  let speakersFound = false;
  for (const rule of rules) {
    if (!speakersFound && rule.stage !== 'characters') {
      const speakers = detectSpeakers(cur);
      ctx.speakers = speakers;
      ctx.isBoundary = (t) => !!matchLabel(t, speakers) || NARRATION_START.test(t);
      speakersFound = true;
    }
    cur = runRule(rule, cur, ctx, audit);
  }
  return { lines: cur, ctx };
}

/** Rules must be declared stage by stage (characters → lines → paragraphs). */
export function checkOrder(rules: readonly CleaningRule[] = RULES): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  let stage = 0;
  for (const r of rules) {
    if (names.has(r.name)) problems.push(`rule "${r.name}" declared twice`);
    names.add(r.name);
    const s = STAGES.indexOf(r.stage);
    if (s < stage) problems.push(`rule "${r.name}" (${r.stage}) comes after a ${STAGES[stage]} rule`);
    stage = Math.max(stage, s);
  }
  return problems;
}

export type { CleaningRule, RuleContext } from './rule.js';
