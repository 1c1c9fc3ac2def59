/**
 * The output cache as a user meets it: a second `build` with nothing changed reuses every output
 * (same bytes, not rewritten); an edit of one Markdown file, or of the config, makes it render again.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { runAsync } from '../helpers/run.js';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** asynchronous: five builds in a row must not block the test worker past vitest's RPC timeout (tests/helpers/run.ts) */
async function build(book: string, out: string) {
  const r = await runAsync(process.execPath, [join(root, 'bin', 'pressbook.js'), 'build', book, '--out', out, '--no-pdf'], { env: { ...process.env, CI: 'true' } });
  const log = r.stdout + r.stderr;
  expect(r.status, log).toBe(0);
  return log;
}

describe('output cache', () => {
  it('reuses unchanged outputs and renders again after an edit', async () => {
    const dir = tempDir('pb-cache-');
    const book = join(dir, 'book');
    cpSync(join(root, 'examples', 'npc-foreign-press'), book, { recursive: true });
    const out = join(dir, 'out');
    const epub = join(out, 'npc-foreign-press.epub');
    expect(await build(book, out)).not.toMatch(/unchanged/);
    const first = readFileSync(epub);
    const mtime = statSync(epub).mtimeMs;
    expect(await build(book, out)).toMatch(/epub .*\(unchanged\)/);
    expect(statSync(epub).mtimeMs).toBe(mtime);
    // a different config value → the EPUB is made again, with it
    const cfg = join(book, 'pressbook.yaml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('editor: pressbook 编辑组', 'editor: 另一位编辑'));
    expect(await build(book, out)).not.toMatch(/epub .*\(unchanged\)/);
    expect(readFileSync(epub).equals(first)).toBe(false);
    // a book's own locale file (interface strings) → made again
    const second = readFileSync(epub);
    mkdirSync(join(book, 'locales'));
    writeFileSync(join(book, 'locales', 'zh-Hans.yaml'), 'lang: zh-Hans\nwords:\n  toc: 目次\n');
    expect(await build(book, out)).not.toMatch(/epub .*\(unchanged\)/);
    expect(readFileSync(epub).equals(second)).toBe(false);
    // a damaged output file is never reused
    writeFileSync(epub, 'broken');
    expect(await build(book, out)).not.toMatch(/epub .*\(unchanged\)/);
    expect(readFileSync(epub).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);
});
