/** The cleaning report: per source and for the whole run (report.json), and the collector rules report into. */
// @ts-nocheck

import type { SourceRole } from '../model/types.js';
import type { Diagnostic } from './message.js';
import type { RuleResult } from './text.js';

export interface SourceReport {
  file: string;
  encoding: string;
  layout: string;
  role: SourceRole;
  event?: string;
  damaged: boolean;
  fixes: Record<string, number>;
  removals: Diagnostic[];
  warnings: Diagnostic[];
  variants: { primary: string; witness: string; line: number }[];
  /** why this layout was chosen */
  layoutEvidence?: string;
  /** line endings of the raw text, BOM */
  eol?: string;
  bom?: boolean;
  /** sha256 (first 16 hex) of the raw bytes */
  sha?: string;
  /** Han characters in the decoded source */
  hanChars?: number;
  /** questions found in this source */
  questions?: number;
  /** follow-ups found in this source */
  followups?: number;
  /** primary sentences that this witness lacks */
  missingSentences?: number;
  /** every individual change as an info message with its source line */
  messages: Diagnostic[];
  /** saved web pages: title and date read from the page itself, and the evidence for the date */
  page?: { title?: string; titleFrom?: string; date?: string; dateFrom?: string; dateEvidence?: { text: string; line: number } };
}

export interface CleanReport {
  sources: SourceReport[];
  /** every source that published nothing (and every record that could not be placed), with a hint */
  errors: { file: string; line?: number; message: string; hint?: string }[];
  /** files among the sources that pressbook wrote itself (report.json, questions.json …): not read */
  skipped?: { file: string; reason: string }[];
}

export function emptyReport(file: string): SourceReport {
  return { file, encoding: '?', layout: '?', role: 'rejected', damaged: false, fixes: {}, removals: [], warnings: [], variants: [], messages: [] };
}

export class Collector {
  fixes: Record<string, number> = {};
  removals: Diagnostic[] = [];
  warnings: Diagnostic[] = [];
  messages: Diagnostic[] = [];
  add(rule: string, r: Pick<RuleResult, 'diags' | 'fixes'>) {
    if (r.fixes) this.fixes[rule] = (this.fixes[rule] ?? 0) + r.fixes;
    for (const d of r.diags) {
      if (d.removed !== undefined) this.removals.push(d);
      else if (d.severity !== 'info') this.warnings.push(d);
      else this.messages.push(d);
    }
  }
}

