/**
 * The bundled example's Book, cleaned once per test run by tests/helpers/global-setup.ts and read
 * back from its canonical Markdown (as `prepareBook` does), for any config of the same sources.
 */
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BookConfig } from '../../src/config/schema.js';
import type { Book, CleaningSummary } from '../../src/model/types.js';
import { loadConfig } from '../../src/config/load.js';
import { readMarkdownFolder } from '../../src/markdown/folder.js';

export const EXAMPLE = resolve(__dirname, '..', '..', 'examples', 'npc-foreign-press');

/** The example as published; `config` replaces the example's own (a theme, page size, annotations…). */
export function exampleBook(config: BookConfig = loadConfig(EXAMPLE)): Book {
  const dir = inject('exampleOut');
  const saved = JSON.parse(readFileSync(join(dir, 'book.json'), 'utf8')) as { cleaning: CleaningSummary; publish: string[]; mdDir: string };
  const events = readMarkdownFolder(saved.mdDir, undefined, saved.publish);
  return { config, events, cleaning: saved.cleaning };
}
