// @ts-nocheck
import { LineCounter, parseDocument, type Document } from 'yaml';
import { PressbookError } from '../errors.js';

/** Parse YAML keeping line numbers; a syntax error becomes a PressbookError naming file:line:col. */
export function parseYamlDocument(text: string, file: string): { doc: Document.Parsed; lc: LineCounter } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const pos = lc.linePos(e.pos[0]);
    throw new PressbookError(`${file}:${pos.line}:${pos.col}: invalid YAML: ${e.message.split('\n')[0]}`, { file, line: pos.line });
  }
  return { doc, lc };
}
