// @ts-nocheck
export { loadNotes, parseNotes, notesPath, type NoteEntry } from './sidecar.js';
export { anchorNotes, numberNotes, staleMessage, type AnchoredNote, type NumberedNote, type StaleNote, type Anchoring } from './anchor.js';
export { noteBlocks, noteInline, noteText } from './markdown.js';

import type { Book } from '../model/types.js';
import { loadNotes, notesPath } from './sidecar.js';
import { anchorNotes, type Anchoring } from './anchor.js';

/** Load the book's sidecar (or an explicit one) and anchor every note; no sidecar → no notes. */
export function loadAnnotations(book: Book, explicit?: string): Anchoring & { file?: string } {
  const file = notesPath(book.config, explicit);
  if (!file) return { anchored: [], stale: [] };
  return { ...anchorNotes(book, loadNotes(file)), file };
}
