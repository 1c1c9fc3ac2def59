/**
 * The one interface of a cleaning rule.
 *
 * A rule has a name, says when it applies (from the layout of the source), and transforms the
 * working lines. Everything it changes or removes it reports through the source's VFile
 * (`ctx.report`): one message per change, placed at the source line (and column), with the rule's
 * name as `ruleId` and the removed text as `actual`. What a rule hands on to the engine (title
 * lines, headline bullets, a headline, loop counts) goes into `ctx.out`.
 *
 * The order of the rules is declared in one place: `rules/index.ts`.
 */
// @ts-nocheck

import type { VFile } from 'vfile';
import type { LayoutInfo } from '../layout.js';
import type { Line, RuleResult } from '../text.js';
import { countHan } from '../text.js';
import { report, sourceFile, toDiagnostic, type Diagnostic, type ReportOptions, type Severity } from '../message.js';

/**
 * Where a rule works: 'characters' rules rewrite characters inside each source line (speaker
 * labels are detected after them); 'lines' rules work on source lines and blocks; 'paragraphs'
 * rules on the paragraphs that reflow builds (reflow itself is the first of them).
 */
export type RuleStage = 'characters' | 'lines' | 'paragraphs';

/** What rules hand on to the engine besides the lines. */
export interface RuleOutputs {
  /** title lines printed above the transcript (→ metadata) */
  titles: string[];
  /** digest headline bullets at the head (→ highlights) */
  bullets: { text: string; src: number }[];
  /** a headline repeated at the end of the text */
  headline?: string;
  /** paragraphs removed as a degenerate loop */
  repeated: number;
  /** texts removed as cut off mid-sentence */
  truncated: number;
  /** list-bullet markers dropped while reflowing */
  listBullets: number;
  /** per-rule counts of individual fixes (report.json `fixes`) */
  fixes: Record<string, number>;
  /** source lines where a separator forced a new turn */
  breaks: Set<number>;
}

export interface RuleContext {
  /** the source's display name (report `file`) */
  file: string;
  /** messages go here */
  vfile: VFile;
  layout: Pick<LayoutInfo, 'base' | 'digestHead'>;
  /** names used as speaker labels (found after the character rules) */
  speakers: Set<string>;
  /** a paragraph that starts a new turn (a label or closing narration) */
  isBoundary: (text: string) => boolean;
  /** column width of a hard-wrapped source, when the layout is columns */
  wrap?: number;
  out: RuleOutputs;
  /** report one change by the current rule (removed text → `actual`) */
  report: (reason: string, o: ReportOptions) => void;
  /** count individual fixes by the current rule */
  fix: (n: number) => void;
}

export interface CleaningRule {
  name: string;
  stage: RuleStage;
  /** one line saying what the rule does (listed by the registry tests and docs) */
  description: string;
  applies: (ctx: RuleContext) => boolean;
  transform: (lines: Line[], ctx: RuleContext) => Line[];
}

export function emptyOutputs(): RuleOutputs {
  return { titles: [], bullets: [], repeated: 0, truncated: 0, listBullets: 0, fixes: {}, breaks: new Set() };
}

export interface ContextOptions {
  vfile?: VFile;
  layout?: RuleContext['layout'];
  speakers?: Set<string>;
  isBoundary?: (text: string) => boolean;
  wrap?: number;
}

/** A context whose `report`/`fix` are bound to one rule name at a time (see `runRule`). */
export function createContext(file: string, o: ContextOptions = {}): RuleContext & { current: string } {
  const ctx: RuleContext & { current: string } = {
    file,
    vfile: o.vfile ?? sourceFile(file),
    layout: o.layout ?? { base: 'paragraphs', digestHead: false },
    speakers: o.speakers ?? new Set(),
    isBoundary: o.isBoundary ?? (() => false),
    wrap: o.wrap,
    out: emptyOutputs(),
    current: 'pressbook',
    report(reason, ro) {
      report(ctx.vfile, ctx.current, reason, ro);
    },
    fix(n) {
      if (n) ctx.out.fixes[ctx.current] = (ctx.out.fixes[ctx.current] ?? 0) + n;
    },
  };
  return ctx;
}

export const hanOf = (lines: { text: string }[]) => lines.reduce((a, l) => a + countHan(l.text), 0);

/** Han characters a rule accounted for since message `from`: removed text (`actual`) and handed-on bullets. */
export function hanReported(ctx: RuleContext, from: number, bulletsFrom: number): number {
  let n = 0;
  const ms = ctx.vfile.messages;
  for (let i = from; i < ms.length; i++) if (ms[i]!.actual) n += countHan(ms[i]!.actual!);
  for (let i = bulletsFrom; i < ctx.out.bullets.length; i++) n += countHan(ctx.out.bullets[i]!.text);
  return n;
}

/**
 * Run one rule (when it applies) with `report`/`fix` attributed to it. `audit`: check that the
 * rule dropped no text silently — the Han characters it took out of the lines are those of its
 * messages' `actual` plus the headline bullets it handed on; otherwise an error message says so.
 * (`cleanLines` checks the whole chain at once and audits rule by rule only when it does not add up.)
 */
export function runRule(rule: CleaningRule, lines: Line[], ctx: RuleContext & { current: string }, audit = false): Line[] {
  if (!rule.applies(ctx)) return lines;
  const prev = ctx.current;
  ctx.current = rule.name;
  const before = audit ? hanOf(lines) : 0;
  const from = ctx.vfile.messages.length;
  const bulletsFrom = ctx.out.bullets.length;
  try {
    const out = rule.transform(lines, ctx);
    if (audit) {
      const lost = before - hanOf(out) - hanReported(ctx, from, bulletsFrom);
      if (lost !== 0)
        report(ctx.vfile, rule.name, `rule "${rule.name}" ${lost > 0 ? 'dropped' : 'added'} ${Math.abs(lost)} Han character(s) without a message`, { line: lines[0]?.src ?? 1, severity: 'error' });
    }
    return out;
  } finally {
    ctx.current = prev;
  }
}

/** The messages of a context as report entries (from message index `from` on). */
export function diagnosticsOf(ctx: RuleContext, from = 0): Diagnostic[] {
  return ctx.vfile.messages.slice(from).map((m) => toDiagnostic(m, ctx.file));
}

/**
 * Run a single rule on its own and return the historical `RuleResult` (lines, report entries,
 * fix count) — the rule modules' standalone functions (`noise(lines, file)`, …) are built on it.
 */
export function applyRule(rule: CleaningRule, lines: Line[], file: string, o: ContextOptions = {}): RuleResult & { out: RuleOutputs } {
  const ctx = createContext(file, o);
  const from = ctx.vfile.messages.length;
  const out = runRule(rule, lines, ctx, true);
  return { lines: out, diags: diagnosticsOf(ctx, from), fixes: ctx.out.fixes[rule.name] ?? 0, out: ctx.out };
}

/**
 * A rule that rewrites each line on its own: `fix` returns the new text and how many changes it
 * made; every changed line gets one info message at its source line.
 */
export function lineRule(
  name: string,
  description: string,
  applies: CleaningRule['applies'],
  fix: (text: string) => { text: string; count: number },
  message: (count: number) => string,
): CleaningRule {
  return {
    name,
    stage: 'characters',
    description,
    applies,
    transform(lines, ctx) {
      const out: Line[] = [];
      for (const l of lines) {
        const { text, count } = fix(l.text);
        if (count) {
          ctx.fix(count);
          ctx.report(message(count), { line: l.src });
        }
        out.push(text === l.text ? l : { text, src: l.src });
      }
      return out;
    },
  };
}

export type { Severity };
