// @ts-nocheck
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { PressEvent } from '../model/types.js';
import { PressbookError } from '../errors.js';
import { parseEventMarkdown } from './parse.js';

/**
 * Read every canonical Markdown file in a folder into events (sorted by date, then id). Two files
 * with the same event id are an error naming both: every question id is scoped to its event id, so
 * this keeps ids unique across the whole book. `onMessage` receives the parser's informational
 * messages as "file:line:column: message" (e.g. a format-1 file whose ids were renumbered).
 */
export function readMarkdownFolder(dir: string, onMessage?: (message: string) => void, only?: string[]): PressEvent[] {
  const files = only ? only.map((p) => basename(p)).sort() : readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const byId = new Map<string, string>();
  const events = files.map((f) => {
    const path = join(dir, f);
    const { event: ev, file } = parseEventMarkdown(readFileSync(path, 'utf8'), path);
    // informational messages (errors throw): "file:line:column: message"
    for (const m of file.messages) onMessage?.(`${path}:${m.line ?? 1}:${m.column ?? 1}: ${m.reason}`);
    const other = byId.get(ev.meta.id);
    if (other) throw new PressbookError(`${path}:1: event id "${ev.meta.id}" is also the id of ${other} (a later event of the same date takes ${ev.meta.date}b, ${ev.meta.date}c …)`, { file: path, line: 1 });
    byId.set(ev.meta.id, path);
    return ev;
  });
  return events.sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
}
