/**
 * The data edition: questions.json and questions.csv, one row per question and follow-up, rendered
 * from the final Book (as parsed from the canonical Markdown, hand edits included), next to the
 * Markdown. A file is rewritten only when its content changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PressEvent } from '../../model/types.js';
import { questionRows, questionsCsv } from '../../ingest/write.js';
import { writeFileAtomic } from '../../util/fs.js';
import type { Renderer, RenderedFile } from '../shared/renderer.js';

/** questions.json/.csv of `events` into `outDir`, written only when changed. */
export function writeQuestionData(events: PressEvent[], outDir: string): RenderedFile[] {
  const rows = questionRows(events);
  return (
    [
      ['questions.json', 'questions-json', JSON.stringify(rows, null, 2) + '\n'],
      ['questions.csv', 'questions-csv', questionsCsv(rows)],
    ] as const
  ).map(([name, kind, data]) => {
    const path = join(outDir, name);
    const same = existsSync(path) && readFileSync(path, 'utf8') === data;
    if (!same) writeFileAtomic(path, data);
    return { path, kind, unchanged: same };
  });
}

export function dataRenderer(): Renderer {
  return {
    name: 'data',
    async render(book, ctx) {
      return writeQuestionData(book.events, join(ctx.out, book.config.output.markdown));
    },
  };
}
