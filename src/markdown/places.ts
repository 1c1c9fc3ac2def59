/**
 * Where characters of a Book's text are written: `file:line:column` (1-based; the column counts
 * UTF-16 code units, as the Markdown parser's positions do) in the canonical Markdown files the Book
 * was read from (`book.markdownFiles`), the events in book order, and last in the book's
 * pressbook.yaml (title, editor…). For a message about the text, e.g. a character no font can draw.
 */
import { readFileSync } from 'node:fs';
import type { Book } from '../model/types.js';

export interface CharPlace {
  file: string;
  line: number;
  column: number;
  /** the press conference whose Markdown holds it (absent: the book's configuration) */
  event?: string;
}

/** The first `perChar` places of each code point of `codePoints`. */
export function placesOf(book: Book, codePoints: number[], perChar = 3): Map<number, CharPlace[]> {
  const out = new Map<number, CharPlace[]>(codePoints.map((cp) => [cp, []]));
  const files: { file: string; event?: string }[] = [];
  const events = [...book.events].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
  for (const e of events) {
    const file = book.markdownFiles?.get(e.meta.id);
    if (file && !files.some((f) => f.file === file)) files.push({ file, event: e.meta.id });
  }
  if (book.config.file) files.push({ file: book.config.file });
  for (const { file, event } of files) {
    if ([...out.values()].every((p) => p.length >= perChar)) break;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // moved or removed since it was read: nothing to point at
    }
    // line starts, found once per file
    let starts: number[] | undefined;
    for (const [cp, places] of out) {
      const ch = String.fromCodePoint(cp);
      for (let at = text.indexOf(ch); at >= 0 && places.length < perChar; at = text.indexOf(ch, at + ch.length)) {
        starts ??= lineStarts(text);
        const line = upperBound(starts, at);
        places.push({ file, line, column: at - starts[line - 1]! + 1, ...(event ? { event } : {}) });
      }
    }
  }
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** how many line starts are at or before `at`: its 1-based line */
function upperBound(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
