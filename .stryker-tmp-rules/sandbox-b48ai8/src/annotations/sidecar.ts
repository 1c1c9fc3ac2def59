/**
 * The annotations sidecar: a YAML list next to the book, one entry per note.
 *
 *   - question: 2021-03-07-06      # question or follow-up id (see questions.json)
 *     quote: "不干涉别国内政"        # exact text of the question or its answer (within one paragraph)
 *     occurrence: 2                # optional: the n-th occurrence when the quote appears more than once
 *     note: |                      # Markdown allowed
 *       **Non-interference**: …
 *
 * Every entry keeps the file and line it came from, so a note that no longer anchors after a
 * re-clean can be reported precisely.
 */
// @ts-nocheck

import { parseYamlDocument } from '../util/yaml.js';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { isMap, isSeq } from 'yaml';
import { z } from 'zod';
import { PressbookError } from '../errors.js';
import type { BookConfig } from '../config/schema.js';

export interface NoteEntry {
  question: string;
  quote: string;
  note: string;
  occurrence: number;
  file: string;
  /** line of the entry (its first key) */
  line: number;
  /** lines of the `question:` and `quote:` keys, for precise stale reports */
  questionLine: number;
  quoteLine: number;
}

const entrySchema = z
  .object({
    // the year-scoped ids of earlier versions ("2021-06") still parse, and are reported as stale with their new id
    question: z
      .union([z.string(), z.number()])
      .transform(String)
      .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}[b-z]?-\d{1,3}(?:-f\d+)?$|^\d{4}-\d{1,3}$/, 'a question id such as 2021-03-07-06 (or a follow-up id such as 2021-03-07-06-f1)')),
    quote: z.string().min(1, 'a non-empty exact quote'),
    note: z.string().min(1, 'a non-empty note'),
    occurrence: z.number().int().positive().default(1),
  })
  .strict();

/** Parse a sidecar text. Errors name file:line and the key. */
export function parseNotes(text: string, file: string): NoteEntry[] {
  const { doc, lc } = parseYamlDocument(text, file);
  let root: unknown = doc.contents;
  // a mapping with a "notes:" list is accepted too
  if (isMap(root)) root = root.get('notes', true);
  if (root == null) return [];
  if (!isSeq(root)) throw new PressbookError(`${file}:1: expected a list of notes (- question: … quote: … note: …)`, { file, line: 1 });
  const out: NoteEntry[] = [];
  const problems: string[] = [];
  root.items.forEach((item) => {
    const range = (item as { range?: [number, number, number] }).range;
    const line = range ? lc.linePos(range[0]).line : 1;
    const raw = (item as { toJSON?: () => unknown }).toJSON?.() ?? item;
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const iss of parsed.error.issues) {
        const key = iss.path.join('.') || '(entry)';
        let l = line;
        if (isMap(item) && iss.path.length) {
          const node = item.get(String(iss.path[0]), true) as { range?: [number, number, number] } | undefined;
          if (node?.range) l = lc.linePos(node.range[0]).line;
        }
        problems.push(`${file}:${l}: key "${key}": ${iss.message}`);
      }
      return;
    }
    const q = /^(.*?)-(\d{1,3})((?:-f\d+)?)$/.exec(parsed.data.question)!;
    const keyLine = (key: string) => {
      const node = isMap(item) ? (item.get(key, true) as { range?: [number, number, number] } | undefined) : undefined;
      return node?.range ? lc.linePos(node.range[0]).line : line;
    };
    out.push({
      ...parsed.data,
      question: `${q[1]}-${q[2]!.padStart(2, '0')}${q[3]}`,
      note: parsed.data.note.trim(),
      file,
      line,
      questionLine: keyLine('question'),
      quoteLine: keyLine('quote'),
    });
  });
  if (problems.length) throw new PressbookError(`invalid notes file\n  ${problems.join('\n  ')}`, { file });
  return out;
}

export function loadNotes(file: string): NoteEntry[] {
  if (!existsSync(file)) throw new PressbookError(`${file}: notes file not found`, { file });
  return parseNotes(readFileSync(file, 'utf8'), file);
}

/**
 * Which sidecar applies: an explicit path (relative to the book folder), else the config's
 * top-level `notes:`, else `notes.yaml` beside pressbook.yaml when it exists, else none.
 */
export function notesPath(config: Pick<BookConfig, 'root' | 'notes'>, explicit?: string): string | undefined {
  const p = explicit ?? config.notes;
  if (p) return isAbsolute(p) ? p : resolve(config.root, p);
  const dflt = resolve(config.root, 'notes.yaml');
  return existsSync(dflt) ? dflt : undefined;
}
