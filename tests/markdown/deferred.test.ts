// The build reads the Markdown it has just written from the events in memory (parsedShape) and parses
// those files while Chromium prints (checkDeferred): the events must be exactly what the parse gives
// (values and key order: cache keys see the order), and a file that parses differently is found.
import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/tmp.js';
import { richEvent, yearOfEvents } from '../helpers/events.js';
import { serializeEvent } from '../../src/markdown/serialize.js';
import { parseEventMarkdown, parsedShape } from '../../src/markdown/parse.js';
import { checkDeferred, readMarkdownFolder, type KnownMarkdown } from '../../src/markdown/folder.js';
import { loadConfig } from '../../src/config/load.js';
import { prepareBook } from '../../src/build.js';
import type { PressEvent } from '../../src/model/types.js';

const hashOf = (md: string) => /^hash: ([0-9a-f]+)$/m.exec(md)?.[1];

function write(dir: string, events: PressEvent[]): Map<string, PressEvent> {
  const known = new Map<string, PressEvent>();
  for (const ev of events) {
    const path = join(dir, `${ev.meta.id}.md`);
    writeFileSync(path, serializeEvent(ev));
    known.set(path, ev);
  }
  return known;
}

describe('parsedShape', () => {
  it('is what the parser gives for the serialized event, key order included', () => {
    for (const ev of [richEvent(), richEvent('2021-03-07b'), ...yearOfEvents(5)]) {
      const md = serializeEvent(ev);
      expect(JSON.stringify(parsedShape(ev, hashOf(md)))).toBe(JSON.stringify(parseEventMarkdown(md, 'x.md').event));
    }
  });

  it('so is the bundled example as cleaned (values and key order)', async () => {
    const out = tempDir('pb-deferred-');
    const config = loadConfig(join(__dirname, '..', '..', 'examples', 'npc-foreign-press'));
    const p = await prepareBook(config, out, { deferParse: true });
    expect(p.checkParse()).toBe(true);
    const again = readMarkdownFolder(join(out, config.output.markdown), undefined, p.written.publish);
    expect(JSON.stringify(p.book.events)).toBe(JSON.stringify(again));
    const { book, differs } = await p.parsedBook();
    expect(differs).toBeUndefined();
    expect(book).toBe(p.book);
  });
});

describe('readMarkdownFolder with files known from memory', () => {
  it('gives the events the parse gives; the parse cache is written once the check confirmed them', () => {
    const dir = tempDir('pb-deferred-');
    const events = [richEvent(), ...yearOfEvents(3)];
    const cache = join(dir, 'cache', 'markdown.v8');
    const known: KnownMarkdown = { written: write(dir, events), deferred: [] };
    const read = readMarkdownFolder(dir, undefined, undefined, cache, known);
    expect(known.deferred.length).toBe(events.length);
    expect(existsSync(cache)).toBe(false);
    expect(JSON.stringify(read)).toBe(JSON.stringify(readMarkdownFolder(dir)));
    expect(checkDeferred(known)).toBe(true);
    expect(existsSync(cache)).toBe(true);
    // the next read takes every file from the cache: nothing deferred
    const next: KnownMarkdown = { written: known.written, deferred: [] };
    expect(JSON.stringify(readMarkdownFolder(dir, undefined, undefined, cache, next))).toBe(JSON.stringify(read));
    expect(next.deferred.length).toBe(0);
  });

  it('a file whose parse differs from its event is reported, and no cache entry is kept', () => {
    const dir = tempDir('pb-deferred-');
    const ev = richEvent();
    const cache = join(dir, 'cache', 'markdown.v8');
    const known: KnownMarkdown = { written: write(dir, [ev]), deferred: [] };
    // the file says something else than the event in memory (as if edited between write and read)
    const path = [...known.written.keys()][0]!;
    writeFileSync(path, serializeEvent({ ...ev, turns: ev.turns.map((t, i) => (i === 0 ? { ...t, paragraphs: ['改过的文字。'] } : t)) }));
    readMarkdownFolder(dir, undefined, undefined, cache, known);
    const r = checkDeferred(known);
    expect(r).not.toBe(true);
    expect(String(r)).toContain(path);
    expect(existsSync(cache)).toBe(false);
    // parsed for real, the file's text wins
    expect(readMarkdownFolder(dir)[0]!.turns[0]!.paragraphs).toEqual(['改过的文字。']);
  });
});
