/**
 * reflow: join hard-wrapped lines into paragraphs, rejoin paragraphs that a column break split
 * mid-sentence, keep real paragraph breaks. Word-segmented sources (one sentence per line) are
 * gathered into paragraphs per turn. Output lines are paragraphs, each with its first source line.
 */
import type { Line, RuleResult } from '../text.js';
import { displayWidth, endsCleanly, endsSentence, isLatinLetter, ORDINAL_START } from '../text.js';
import { matchLabel, NARRATION_START } from '../labels.js';
import { applyRule, type CleaningRule, type RuleContext } from './rule.js';

export type ReflowMode = 'columns' | 'paragraphs' | 'segmented';

const BULLET = /^[-•●▪■◆]\s+/;

function join(a: string, b: string): string {
  return isLatinLetter(a[a.length - 1]) && isLatinLetter(b[0]) ? a + ' ' + b : a + b;
}

/** quote depth after reading s from depth d: an open “ never closed means the paragraph goes on */
function quoteDepth(s: string, d: number): number {
  if (s.indexOf('“') < 0 && s.indexOf('”') < 0) return d;
  for (const ch of s) {
    if (ch === '“') d++;
    else if (ch === '”' && d > 0) d--;
  }
  return d;
}

/** Sentence openers that usually start a new paragraph of a spoken answer. */
const OPENER = /^(?:同时|当前|目前|今年|去年|此外|另外|总之|面对|作为|我们|中方|中国|下一步|展望|近年来|一年来|长期以来|事实上|实践证明|在此|对于|关于)/;

/**
 * Word-segmented sources lost their paragraph breaks; rebuild readable paragraphs (layout only,
 * no text changes): a new paragraph at an opener once the paragraph is long, and at any sentence
 * once it is very long.
 */
function segmentedBreak(curLength: number, sentence: string): boolean {
  return (curLength >= 150 && OPENER.test(sentence)) || curLength >= 360;
}

/** Typical column width of hard-wrapped text: the 75th percentile of line display widths. */
export function wrapWidth(lines: Line[]): number {
  // counting sort over small widths: linear in the number of lines
  const hist = new Map<number, number>();
  let n = 0;
  for (const l of lines) {
    if (l.text === '') continue;
    const w = displayWidth(l.text);
    hist.set(w, (hist.get(w) ?? 0) + 1);
    n++;
  }
  if (!n) return Infinity;
  const target = Math.floor(n * 0.75);
  let seen = 0;
  for (const w of [...hist.keys()].sort((a, b) => a - b)) {
    seen += hist.get(w)!;
    if (seen > target) return w;
  }
  return Infinity;
}

export function reflowMode(base: string): ReflowMode {
  return base === 'segmented' ? 'segmented' : base === 'columns' ? 'columns' : 'paragraphs';
}

function transform(lines: Line[], ctx: RuleContext): Line[] {
  const mode = reflowMode(ctx.layout.base);
  let fixes = 0;
  let bullets = 0;
  const paras: Line[] = [];
  const isBoundary = ctx.isBoundary;
  // typical wrap width (75th percentile of line widths) for column layouts
  const wrap = mode === 'columns' ? wrapWidth(lines) : Infinity;
  let cur: Line | undefined;
  let depth = 0; // open quotes in the current paragraph
  let breakAfter = true; // the previous line ended a paragraph
  let blockStart = true;
  for (const l of lines) {
    let t = l.text;
    if (t === '') {
      blockStart = true;
      continue;
    }
    if (BULLET.test(t)) {
      t = t.replace(BULLET, '');
      bullets++;
      ctx.report('dropped a list-bullet marker', { line: l.src });
    }
    let boundary = isBoundary(t) || (mode === 'segmented' && cur !== undefined && ORDINAL_START.test(t));
    // in a column, a line that continues a full line cut mid-sentence is never a new turn, even when
    // its start reads like a label ("…24K2电视" / "台记者：…" cut at the column edge)
    if (boundary && mode === 'columns' && cur && !blockStart && !breakAfter && !endsCleanly(cur.text)) boundary = false;
    let startNew: boolean;
    if (!cur || boundary) startNew = true;
    else if (blockStart) {
      // a new block: a real paragraph break unless the previous paragraph stopped mid-sentence
      startNew = endsCleanly(cur.text) && depth === 0;
      if (!startNew) {
        fixes++;
        ctx.report(`rejoined a paragraph split mid-sentence (after "${cur.text.slice(-8)}")`, { line: l.src, severity: 'warning' });
      }
    } else if (mode === 'segmented') startNew = /[：:]$/.test(cur.text) || segmentedBreak(cur.text.length, t);
    else startNew = breakAfter;
    if (startNew) {
      cur = { text: t, src: l.src };
      paras.push(cur);
      depth = quoteDepth(t, 0);
    } else {
      depth = quoteDepth(t, depth);
      cur!.text = join(cur!.text, t);
      if (!blockStart) fixes++;
    }
    const w = displayWidth(t);
    breakAfter =
      mode === 'segmented' ? true : endsCleanly(t) && depth === 0 && (mode === 'paragraphs' || w < wrap * 0.8);
    // narration such as "记者会历时…" stands alone once its sentence ends (even on a full-width
    // line); a narration line cut by the column goes on
    if (NARRATION_START.test(t) && endsCleanly(t)) breakAfter = true;
    blockStart = false;
    // … and ends its block, in every layout (a segmented source glued the next line to it)
    if (NARRATION_START.test(cur!.text) && endsSentence(t)) blockStart = true;
  }
  if (fixes) ctx.report(`joined ${fixes} wrapped line(s) into ${paras.length} paragraph(s)`, { line: paras[0]?.src ?? 1 });
  ctx.fix(fixes);
  ctx.out.listBullets += bullets;
  return paras;
}

export const reflowRule: CleaningRule = {
  name: 'reflow',
  stage: 'paragraphs',
  description: 'hard-wrapped lines joined into paragraphs, paragraphs split by a column break rejoined, segmented sentences gathered',
  applies: (ctx) => ctx.layout.base !== 'digest',
  transform,
};

export function reflow(lines: Line[], file: string, mode: ReflowMode, speakers: Set<string>): RuleResult & { bullets: number } {
  const isBoundary = (t: string) => !!matchLabel(t, speakers) || NARRATION_START.test(t);
  const r = applyRule(reflowRule, lines, file, { speakers, isBoundary, layout: { base: mode, digestHead: false } });
  return { lines: r.lines, diags: r.diags, fixes: r.fixes, bullets: r.out.listBullets };
}
