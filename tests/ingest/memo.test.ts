/**
 * cleanSources with a memo (the preview's incremental clean): an unchanged source (same path, same
 * bytes) is not cleaned again, and the result is exactly that of a full clean; an edited source is
 * the only one cleaned again.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanSources, type CleanOptions } from '../../src/ingest/index.js';
import type { ProcessedSource } from '../../src/ingest/process.js';
import { tempDir } from '../helpers/tmp.js';

describe('cleanSources memo', () => {
  it('re-cleans only the sources whose bytes changed, with the result of a full clean', async () => {
    const dir = tempDir('pressbook-memo-');
    cpSync(join(import.meta.dirname, '../../examples/npc-foreign-press/sources'), join(dir, 'sources'), { recursive: true });
    const src = join(dir, 'sources');
    const o: CleanOptions = { language: 'zh-CN', preset: 'npc', baseDir: dir };
    const memo = new Map<string, { sha256: string; processed: ProcessedSource }>();
    const first = await cleanSources([src], { ...o, memo });
    expect(first.cleaned!.length).toBe(5);
    const again = await cleanSources([src], { ...o, memo });
    expect(again.cleaned).toEqual([]);
    expect(JSON.stringify(again)).toBe(JSON.stringify({ ...first, cleaned: [] }));

    // edit one source: only it is cleaned, and the events are those of a full clean of the new files
    const file = join(src, '000_1f735fc954db976f.txt');
    const text = readFileSync(file, 'utf8');
    const phrase = /[\u4e00-\u9fff]{6}/.exec(text.slice(text.length / 2))![0];
    writeFileSync(file, text.replace(phrase, '改动' + phrase));
    const edited = await cleanSources([src], { ...o, memo });
    expect(edited.cleaned).toEqual([file]);
    const full = await cleanSources([src], o);
    expect(JSON.stringify(edited.events)).toBe(JSON.stringify(full.events));
    expect(JSON.stringify(edited.report)).toBe(JSON.stringify(full.report));
    expect(JSON.stringify(edited.events)).toContain('改动' + phrase);
  }, 60_000);

  it('memoFile (the build): the stored cleanings, reused without a copy, stay those of a full clean after a partial re-clean', async () => {
    const dir = tempDir('pressbook-memo-');
    cpSync(join(import.meta.dirname, '../../examples/npc-foreign-press/sources'), join(dir, 'sources'), { recursive: true });
    const src = join(dir, 'sources');
    const o: CleanOptions = { language: 'zh-CN', preset: 'npc', baseDir: dir, memoFile: join(dir, 'cache', 'clean.v8') };
    const full = async () => cleanSources([src], { language: 'zh-CN', preset: 'npc', baseDir: dir });
    expect((await cleanSources([src], o)).cleaned!.length).toBe(5);
    const reused = await cleanSources([src], o);
    expect(reused.cleaned).toEqual([]);
    expect(JSON.stringify(reused.events)).toBe(JSON.stringify((await full()).events));
    const file = join(src, '000_1f735fc954db976f.txt');
    const text = readFileSync(file, 'utf8');
    const phrase = /[\u4e00-\u9fff]{6}/.exec(text.slice(text.length / 2))![0];
    writeFileSync(file, text.replace(phrase, '改动' + phrase));
    // one source cleaned, the four others reused as read and the store written again
    const edited = await cleanSources([src], o);
    expect(edited.cleaned).toEqual([file]);
    const now = await full();
    expect(JSON.stringify(edited.events)).toBe(JSON.stringify(now.events));
    expect(JSON.stringify(edited.report)).toBe(JSON.stringify(now.report));
    // and that store, read by the next run, gives a full clean's result again
    const next = await cleanSources([src], o);
    expect(next.cleaned).toEqual([]);
    expect(JSON.stringify(next.events)).toBe(JSON.stringify(now.events));
    expect(JSON.stringify(next.report)).toBe(JSON.stringify(now.report));
  }, 60_000);
});
