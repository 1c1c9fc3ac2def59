import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PressEvent } from '../model/types.js';
import { parseEventMarkdown } from './parse.js';

/** Read every canonical Markdown file in a folder into events (sorted by date). */
export function readMarkdownFolder(dir: string): PressEvent[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  return files
    .map((f) => parseEventMarkdown(readFileSync(join(dir, f), 'utf8'), join(dir, f)).event)
    .sort((a, b) => a.meta.date.localeCompare(b.meta.date));
}
