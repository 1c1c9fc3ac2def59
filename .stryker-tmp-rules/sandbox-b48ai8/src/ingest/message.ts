/**
 * The message type of the cleaning engine, in its own module (no import cycle through index.ts).
 *
 * Rules report through vfile: every change is a `VFileMessage` on the source's `VFile`, placed at
 * its source line (and column when known), with `ruleId` = the rule's name, `source` = "pressbook"
 * and, for removals, the removed text as `actual`. The report (report.json) keeps its historical
 * shape: `toDiagnostic` turns a message into a `Diagnostic` (`removed` = `actual`).
 */
// @ts-nocheck

import { VFile } from 'vfile';

export type Severity = 'info' | 'warning' | 'error';

/** One entry of the cleaning report (report.json): a change, a removal or a warning. */
export interface Diagnostic {
  file: string;
  line: number;
  column?: number;
  rule: string;
  severity: Severity;
  message: string;
  /** removed text, for removals (needed for Han-character conservation) */
  removed?: string;
}

export type Message = ReturnType<VFile['message']>;

export const MESSAGE_SOURCE = 'pressbook';

/** A VFile for one source, named as in the report. */
export function sourceFile(file: string, value?: string): VFile {
  return new VFile({ path: file, value });
}

export interface ReportOptions {
  line: number;
  column?: number;
  severity?: Severity;
  /** the text removed from the transcript (kept in `actual`) */
  removed?: string;
}

/** Add one message to `vfile`: `ruleId` = rule, placed at line/column, removed text as `actual`. */
export function report(vfile: VFile, rule: string, reason: string, o: ReportOptions): Message {
  const place = { line: Math.max(1, o.line), column: o.column ?? 1 };
  // a VFileMessage is an Error: skip capturing a stack trace (thousands of messages per book)
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let m: Message;
  try {
    m = vfile.message(reason, { place, ruleId: rule, source: MESSAGE_SOURCE });
  } finally {
    Error.stackTraceLimit = limit;
  }
  const sev = o.severity ?? (o.removed !== undefined ? 'warning' : 'info');
  m.fatal = sev === 'error' ? true : sev === 'warning' ? false : undefined;
  if (o.removed !== undefined) m.actual = o.removed;
  if (o.column === undefined) (m as { columnKnown?: boolean }).columnKnown = false;
  return m;
}

export function severityOf(m: Message): Severity {
  return m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info';
}

/** The report entry of a vfile message. */
export function toDiagnostic(m: Message, file: string): Diagnostic {
  const d: Diagnostic = { file, line: m.line ?? 1, rule: m.ruleId ?? m.source ?? 'pressbook', severity: severityOf(m), message: m.reason };
  if (m.column != null && (m as { columnKnown?: boolean }).columnKnown !== false) d.column = m.column;
  if (m.actual !== undefined) d.removed = m.actual;
  return d;
}

/** A report entry (the historical constructor, kept for the modules that build Diagnostics directly). */
export function diag(file: string, line: number, rule: string, severity: Severity, message: string, removed?: string): Diagnostic {
  const d: Diagnostic = { file, line, rule, severity, message };
  if (removed !== undefined) d.removed = removed;
  return d;
}
