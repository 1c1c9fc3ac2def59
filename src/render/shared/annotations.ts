/** Notes as footnotes in the book PDF or EPUB (`annotations.pdf` / `annotations.epub` in the config). */
import type { Book } from '../../model/types.js';
import { numberNotes, staleMessage, type Anchoring } from '../../annotations/index.js';
import { questionsWithAnswers } from '../../select.js';
import { footnoteTransform } from '../../ast/annotate.js';
import type { HastTransform } from '../../ast/hast.js';
import { PressbookError } from '../../errors.js';

/**
 * The annotation transforms for the book PDF or EPUB when the config turns them on (else none).
 * `notes` hands over the book's anchored notes (called only when they are wanted); stale notes are
 * reported through `log`.
 */
export function annotationTransforms(book: Book, kind: 'pdf' | 'epub', notes: () => Anchoring & { file?: string }, log: (s: string) => void): HastTransform[] {
  if (!book.config.annotations[kind]) return [];
  const ann = notes();
  if (!ann.file) throw new PressbookError(`${book.config.file}: annotations.${kind} is on but there is no notes file (set "notes:" or add notes.yaml)`, { file: book.config.file });
  for (const s of ann.stale) log(staleMessage(s));
  const numbered = numberNotes(ann.anchored, questionsWithAnswers(book));
  return numbered.length ? [footnoteTransform(numbered, kind === 'epub' ? 'epub' : 'print')] : [];
}
