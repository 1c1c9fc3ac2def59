import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { codeStamp, readStore, writeStore } from '../util/cache.js';
import type { PressEvent } from '../model/types.js';
import { PressbookError } from '../errors.js';
import { parseEventMarkdown } from './parse.js';

/**
 * Read every canonical Markdown file in a folder into events (sorted by date, then id). Two files
 * with the same event id are an error naming both: every question id is scoped to its event id, so
 * this keeps ids unique across the whole book. `onMessage` receives the parser's informational
 * messages as "file:line:column: message" (e.g. a format-1 file whose ids were renumbered).
 *
 * `cacheFile`: the parse of each file kept across runs (v8 serialisation), keyed by its path and text and
 * salted with pressbook's code, so a rebuild parses only the files that changed; a file that fails to
 * parse is never stored, so its error is reported every time.
 *
 * `paths`: receives each event's id → the path of its file.
 */
export function readMarkdownFolder(dir: string, onMessage?: (message: string) => void, only?: string[], cacheFile?: string, paths?: Map<string, string>): PressEvent[] {
  const files = only ? only.map((p) => basename(p)).sort() : readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const byId = new Map<string, string>();
  const stored = cacheFile ? (readStore<Parsed>(cacheFile, codeStamp()) ?? new Map<string, Parsed>()) : undefined;
  const used = new Map<string, Parsed>();
  const events = files.map((f) => {
    const path = join(dir, f);
    const text = readFileSync(path, 'utf8');
    const key = stored ? createHash('sha256').update(path).update('\0').update(text).digest('hex') : '';
    let parsed = stored?.get(key);
    if (!parsed) {
      const { event, file } = parseEventMarkdown(text, path);
      parsed = { event, messages: file.messages.map((m) => `${path}:${m.line ?? 1}:${m.column ?? 1}: ${m.reason}`) };
    } else parsed = structuredClone(parsed);
    if (stored) used.set(key, structuredClone(parsed));
    const ev = parsed.event;
    // informational messages (errors throw): "file:line:column: message"
    for (const m of parsed.messages) onMessage?.(m);
    const other = byId.get(ev.meta.id);
    if (other) throw new PressbookError(`${path}:1: event id "${ev.meta.id}" is also the id of ${other} (a later event of the same date takes ${ev.meta.date}b, ${ev.meta.date}c …)`, { file: path, line: 1 });
    byId.set(ev.meta.id, path);
    paths?.set(ev.meta.id, path);
    return ev;
  });
  if (cacheFile && stored && (used.size !== stored.size || [...used.keys()].some((k) => !stored.has(k)))) writeStore(cacheFile, codeStamp(), used);
  return events.sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
}

interface Parsed {
  event: PressEvent;
  messages: string[];
}
