/**
 * noise: photo captions, QR-code prompts, page furniture and a headline repeated at the end are
 * removed — each removal is a Diagnostic carrying the removed text and its source line.
 * Works on blocks (runs of non-blank lines); removed lines become blank so block structure stays.
 */
// @ts-nocheck

import type { Line, RuleResult } from '../text.js';
import { endsSentence } from '../text.js';
import { applyRule, type CleaningRule, type RuleContext } from './rule.js';

const CAPTION_START = /^[▲△▼►◆]/;
/** photo credits: 新华社记者才扬摄, 中青报·中青网记者 李强/摄, 视觉中国供图, 新华社发 */
const CREDIT = /(?:(?:记者|通讯员|摄影)\s*[\p{Script=Han}·]{2,5}\s*\/?\s*摄|[\p{Script=Han}·]{2,5}\s*\/\s*摄|[\p{Script=Han}]{2,8}\s*供图|新华社发|（[^（）]{0,20}摄）|\(图[^)]*\))$/u;
/** cheap pre-check: a credit ends with one of these */
const CREDIT_END = /[摄图发）)]$/u;
const QR = /扫一扫|扫码|二维码|长按识别|扫描.{0,6}码/;
/** inline page furniture: （下转3版） （上接第1版） */
const JUMP = /[（(]\s*(?:下转|上接|接|转)\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[）)]/g;
/** whole-line page furniture */
const FURNITURE_LINE =
  /^(?:(?:责任编辑|本版编辑|编辑|校对|美编|来源)\s*[:：].{0,30}|[-—]*\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[-—]*|（完）|\(完\)|【纠错】|返回顶部|打印本页|关闭窗口|分享到.{0,20}|【字号.{0,10}】|[上下]一篇.{0,40})$/;

/** a photo caption with its credit is short (longer text ending in "摄" is prose) */
const MAX_CAPTION = 200;
const BULLET_LINE = /^[-•●▪■◆·]/;
/** a news photo caption opens with the date: "3月7日，北京梅地亚中心，…" */
const CAPTION_DATE = /^\d{1,2}月\d{1,2}日[，,]/;

/**
 * Word-segmented text: the first line of the caption that a credit line at `at` closes. The
 * caption is at most three finished sentences before the credit, none of them a turn, and it
 * starts either with a date ("3月7日，…") or right after the head (start of text, a bullet, a
 * title line without sentence punctuation). Otherwise only the credit line is a caption.
 */
function captionStart(lines: Line[], at: number, ctx: RuleContext): number {
  let best = at;
  for (let j = at - 1; j >= Math.max(0, at - 3); j--) {
    const t = lines[j]!.text.trim();
    if (t === '' || BULLET_LINE.test(t) || ctx.isBoundary(t) || !/[。！]$/.test(t) || t.length > MAX_CAPTION) break;
    const prev = j > 0 ? lines[j - 1]!.text.trim() : '';
    const afterHead = j === 0 || prev === '' || BULLET_LINE.test(prev) || !/[。！？；]/.test(prev);
    if (CAPTION_DATE.test(t) || afterHead) best = j;
  }
  return best;
}

export interface NoiseResult extends RuleResult {
  /** a headline found repeated at the end of the text */
  headline?: string;
  counts: Record<string, number>;
}

function blocksOf(lines: Line[]): [number, number][] {
  const out: [number, number][] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.text.trim() === '') i++;
    if (i >= lines.length) break;
    const s = i;
    while (i < lines.length && lines[i]!.text.trim() !== '') i++;
    out.push([s, i]);
  }
  return out;
}

function transform(input: Line[], ctx: RuleContext): Line[] {
  const opts = { segmented: ctx.layout.base === 'segmented', transcript: ctx.layout.base !== 'digest' };
  const lines = input.slice(); // entries are replaced, never mutated
  const counts: Record<string, number> = {};
  let jump: { line: number; text: string } | undefined;
  const removeLine = (i: number, reason: string, what: string) => {
    const l = lines[i]!;
    if (l.text.trim() === '') return;
    ctx.report(`removed ${what}`, { line: l.src, removed: l.text });
    counts[reason] = (counts[reason] ?? 0) + 1;
    lines[i] = { text: '', src: l.src };
  };
  // inline furniture and furniture lines
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text.includes('版') && JUMP.test(l.text)) {
      JUMP.lastIndex = 0;
      const removedParts: string[] = [];
      const text = l.text.replace(JUMP, (m) => {
        removedParts.push(m);
        return '';
      }).trimEnd();
      for (const r of removedParts) {
        ctx.report(`removed page furniture "${r}"`, { line: l.src, column: l.text.indexOf(r) + 1, removed: r });
        if (/下转/.test(r)) jump = { line: l.src, text: r };
      }
      counts.furniture = (counts.furniture ?? 0) + removedParts.length;
      lines[i] = { text, src: l.src };
    }
    JUMP.lastIndex = 0;
    const t = lines[i]!.text;
    if (t.length <= 60 && t !== '' && FURNITURE_LINE.test(t.trim())) removeLine(i, 'furniture', 'page furniture');
  }
  // In word-segmented sources every line is its own unit.
  const blocks: [number, number][] = opts.segmented
    ? lines.map((_, i) => [i, i + 1] as [number, number]).filter(([s]) => lines[s]!.text.trim() !== '')
    : blocksOf(lines);
  for (const [s, e] of blocks) {
    const first = lines[s]!.text.trim();
    const last = lines[e - 1]!.text.trim();
    // a hard-wrapped source cuts a caption into as many lines as the column needs: judge the block's text
    const joined = lines.slice(s, e).map((l) => l.text.trim()).join('');
    const credit = CREDIT_END.test(last) && joined.length <= MAX_CAPTION && !ctx.isBoundary(first) && CREDIT.test(joined);
    if (CAPTION_START.test(first) || credit) {
      // word-segmented text has one sentence per line: the caption's sentences before the credit line
      const from = opts.segmented && credit && !CAPTION_START.test(first) ? captionStart(lines, s, ctx) : s;
      for (let i = from; i < e; i++) removeLine(i, 'caption', 'photo caption');
      continue;
    }
    if (joined.length <= 48 && lines.slice(s, e).some((l) => QR.test(l.text)) && lines.slice(s, e).every((l) => l.text.trim().length <= 24)) {
      for (let i = s; i < e; i++) removeLine(i, 'qr', 'QR-code prompt');
    }
  }
  // a headline repeated at the end: the last block is title-like (short lines, no sentence end,
  // a "——" subtitle or the 答记者问 formula)
  let headline: string | undefined;
  if (opts.transcript !== false) {
    const live = blocksOf(lines);
    const lastBlock = live[live.length - 1];
    if (lastBlock && live.length > 2) {
      const [s, e] = lastBlock;
      const ls = lines.slice(s, e).map((l) => l.text.trim());
      const titleLike =
        e - s <= 3 &&
        ls.every((t) => t.length <= 60 && !endsSentence(t) && !/[。？！]/.test(t)) &&
        ls.some((t) => /^——/.test(t) || /(答记者问|回答中外记者提问)$/.test(t));
      if (titleLike) {
        headline = ls.find((t) => !t.startsWith('——'))?.trim() ?? ls[0]!.replace(/^——/, '');
        for (let i = s; i < e; i++) removeLine(i, 'headline', 'headline repeated at the end');
      }
    }
  }
  // "（下转3版）": the transcript continues on a page we do not have
  if (jump) ctx.report(`incomplete source: the text continues on another page ("${jump.text}") that is not among the inputs`, { line: jump.line, severity: 'warning' });
  ctx.out.headline = headline;
  ctx.fix(Object.values(counts).reduce((a, b) => a + b, 0));
  noiseCounts.set(ctx, counts);
  return lines;
}

const noiseCounts = new WeakMap<RuleContext, Record<string, number>>();

export const noiseRule: CleaningRule = {
  name: 'noise',
  stage: 'lines',
  description: 'photo captions, QR-code prompts, page furniture and a headline repeated at the end removed',
  applies: () => true,
  transform,
};

export function noise(input: Line[], file: string, opts: { segmented?: boolean; transcript?: boolean } = {}): NoiseResult {
  const base = opts.segmented ? 'segmented' : opts.transcript === false ? 'digest' : 'paragraphs';
  let counts: Record<string, number> = {};
  const r = applyRule({ ...noiseRule, transform: (l, ctx) => {
    const out = transform(l, ctx);
    counts = noiseCounts.get(ctx) ?? {};
    return out;
  } }, input, file, { layout: { base, digestHead: false } });
  return { lines: r.lines, diags: r.diags, fixes: r.fixes, headline: r.out.headline, counts };
}
