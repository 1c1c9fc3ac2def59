/**
 * The caches of the clean and parse stages (issue 12: a no-change rebuild of a year book in ≤ 2 s):
 * a second prepareBook with nothing changed cleans no source and parses no Markdown file again, yet gives
 * the same Book; an edited source is cleaned again (only it), and a hand edit of the Markdown shows.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { prepareBook } from '../../src/build.js';

const root = join(__dirname, '..', '..');

describe('clean and parse caches', () => {
  it('reuse unchanged sources and Markdown, and see every edit', async () => {
    const dir = tempDir('pb-clean-cache-');
    const book = join(dir, 'book');
    cpSync(join(root, 'examples', 'npc-foreign-press'), book, { recursive: true });
    const out = join(dir, 'out');
    const first = await prepareBook(loadConfig(book), out);
    expect(first.result.cleaned!.length).toBeGreaterThan(0);
    expect(readdirSync(join(out, '.pressbook-cache')).sort()).toEqual(expect.arrayContaining(['clean.v8', 'markdown.v8']));

    const again = await prepareBook(loadConfig(book), out);
    expect(again.result.cleaned, 'nothing cleaned again').toEqual([]);
    expect(again.book.events).toEqual(first.book.events);
    expect(again.result.report).toEqual(first.result.report);

    // a source edited: that source alone is cleaned again, and its new text is in the Book
    const sources = first.result.report.sources.filter((s) => s.role === 'primary').map((s) => s.file);
    const src = join(book, sources[0]!);
    const text = readFileSync(src, 'utf8');
    const word = /[\u4e00-\u9fff]{4}/.exec(text.slice(text.length >> 1))![0];
    writeFileSync(src, text.replace(word, '校订字样'));
    const edited = await prepareBook(loadConfig(book), out);
    expect(edited.result.cleaned!.map((p) => p.replace(/\\/g, '/'))).toEqual([src.replace(/\\/g, '/')]);
    const all = (b: typeof edited.book) => JSON.stringify(b.events);
    expect(all(edited.book)).toContain('校订字样');

    // a hand edit of the canonical Markdown (same source bytes): the parse cache must not hide it
    const md = join(out, 'markdown', readdirSync(join(out, 'markdown')).find((f) => f.endsWith('.md'))!);
    const mdText = readFileSync(md, 'utf8');
    const handWord = /[\u4e00-\u9fff]{4}/.exec(mdText.slice(mdText.length >> 1))![0];
    writeFileSync(md, mdText.replace(handWord, '手工改动'));
    const hand = await prepareBook(loadConfig(book), out);
    expect(hand.result.cleaned).toEqual([]);
    expect(all(hand.book)).toContain('手工改动');
  }, 60_000);
});
