/**
 * Loud failure: every source that yields no press conference is an error of the report with its
 * reason and a hint — which labels were expected, which label-like prefixes the text has instead,
 * how the layout was classified — so that a user can see at once what to fix.
 */
// @ts-nocheck

import type { Diagnostic } from '../message.js';
import type { CleanReport, SourceReport } from '../report.js';
import type { ProcessedSource } from '../process.js';
import { countHan } from '../text.js';
import { PressbookError } from '../../errors.js';
import type { Line } from '../text.js';
import { detectSpeakers, matchLabel } from '../labels.js';

/** The turn labels the engine reads, in words, for hints. */
export const EXPECTED_LABELS =
  'question labels such as "新华社记者：", "路透社记者提问：" or "问：" (follow-ups "追问："), and a speaker label such as "王毅：" (a name opening at least two paragraphs) or "答："';

const PREFIX = /^([^，。！？：:；\s“”"'‘’（）()《》【】]{1,16}?)\s*[：:]/u;

/** The most frequent label-like prefixes ("X：" at the start of a paragraph), most frequent first. */
export function labelPrefixes(lines: Pick<Line, 'text'>[], max = 6): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const m = PREFIX.exec(l.text.trim());
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([label, count]) => ({ label, count }));
}

export function describePrefixes(lines: Pick<Line, 'text'>[]): string {
  const found = labelPrefixes(lines);
  if (!found.length) return 'found no "X：" label at the start of any paragraph';
  // say how the engine reads each prefix found, so the hint never contradicts the engine
  const speakers = detectSpeakers(lines.map((l, i) => ({ text: l.text.trim(), src: i + 1 })));
  const how = (label: string) => {
    const m = matchLabel(`${label}：…`, speakers);
    return m ? ` (read as a ${m.kind} label)` : '';
  };
  const anyQuestion = found.some((f) => matchLabel(`${f.label}：…`, speakers)?.kind === 'question');
  return `label-like prefixes found: ${found.map((f) => `"${f.label}："×${f.count}${how(f.label)}`).join(', ')}${anyQuestion ? '' : ' — none of them is read as a question label'}`;
}

/** Hint for a cleaned source in which no question turn was found. */
export function noQuestionsHint(p: Pick<ProcessedSource, 'paras' | 'report'>, lines?: Pick<Line, 'text'>[]): string {
  const text = lines ?? p.paras;
  return `expected ${EXPECTED_LABELS}; ${describePrefixes(text)} (layout ${p.report.layout}${p.report.layoutEvidence ? ': ' + p.report.layoutEvidence : ''})`;
}

/**
 * After events are formed: a digest that joined no event published nothing either. It becomes an
 * error of the report (the source keeps its role and warning), with the labels it has.
 */
export function reportUnpublished(processed: ProcessedSource[], report: CleanReport): void {
  for (const p of processed) {
    if (p.kind !== 'digest' || p.report.event) continue;
    const date = p.meta.date ?? (p.meta.year ? String(p.meta.year) : undefined);
    const why = date ? `no event of ${date} to attach it to` : 'no date found to attach it to an event';
    report.errors.push({
      file: p.file,
      message: `${p.file}: no press conference published: read as a news digest (${p.report.layoutEvidence ?? 'reported speech, no question labels'}) and ${why}`,
      hint: `if it is a transcript, ${noQuestionsHint(p)}`,
    });
  }
}

/** A source read and cleaned but yielding no press conference: its report (layout, removals) is kept. */
export class RejectedSource extends PressbookError {
  report: SourceReport;
  constructor(message: string, report: SourceReport, where: { file?: string; line?: number; hint?: string }) {
    super(message, where);
    this.report = report;
  }
}

/** Hint for a page where no article was found: where its largest text is. */
export function noArticleHint(diags: Diagnostic[]): string {
  const big = diags.reduce<Diagnostic | undefined>((a, d) => (countHan(d.removed ?? '') > countHan(a?.removed ?? '') ? d : a), undefined);
  if (!big || !countHan(big.removed ?? '')) return 'the page has no Chinese text at all; was it saved before its content loaded (a page filled by scripts)?';
  const t = big.removed!;
  return `the largest text on the page is at line ${big.line} ("${t.length > 40 ? t.slice(0, 40) + '…' : t}", ${big.message}); is this the saved page of the transcript?`;
}

/** Hint for a transcript without a date. */
export function noDateHint(paras: Pick<Line, 'text'>[]): string {
  const first = paras
    .slice(0, 2)
    .map((l) => `"${l.text.length > 30 ? l.text.slice(0, 30) + '…' : l.text}"`)
    .join(', ');
  return `a date is read from a page's title, meta tags or date line, or from the first lines of a text ("2019年3月12日…", "新华社北京3月12日电"); its first lines are ${first || '(none)'}; ${describePrefixes(paras)}`;
}
