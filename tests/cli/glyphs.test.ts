/**
 * A character no bundled font can draw (U+E000, private use) in a raw transcript: `pdf` and
 * `handout` refuse to print it (tofu), and say where it is written: the cleaned Markdown file, line
 * and column of its first places and the press conference, so the user can open the file there.
 * Nothing is printed half.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { tempDir } from '../helpers/tmp.js';
import { loadConfig } from '../../src/config/load.js';
import { prepareBook } from '../../src/build.js';
import { renderPdf } from '../../src/render/print/pdf.js';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'pressbook.js');
const SEED = join(root, 'examples', 'npc-foreign-press', 'sources', '004_58b0e72da7c9ea6d.txt');
const PUA = '\uE000';

function run(args: string[], cwd: string): Promise<{ status: number | null; out: string }> {
  return new Promise((ok) => {
    const p = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, CI: 'true' } });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (status) => ok({ status, out }));
  });
}

/** "FILE:LINE:COLUMN: U+E000 (press conference ID)" lines of the message */
function places(out: string, cwd: string) {
  return [...out.matchAll(/^\s+(\S+\.md):(\d+):(\d+): U\+E000 \(press conference ([\w-]+)\)$/gm)].map((m) => ({
    file: isAbsolute(m[1]!) ? m[1]! : join(cwd, m[1]!),
    line: Number(m[2]),
    column: Number(m[3]),
    event: m[4]!,
  }));
}

describe('a character the fonts cannot draw', () => {
  const dir = tempDir('pb-glyph-');
  beforeAll(() => {
    mkdirSync(join(dir, 'book', 'sources'), { recursive: true });
    // twice in the transcript: in the opening remarks and in an answer further down
    const text = readFileSync(SEED, 'utf8').replace('很高兴同大家再次见面', `很高兴同大家${PUA}再次见面`).replace('第二，要防止出现', `第二，要防止${PUA}出现`);
    expect(text.split(PUA)).toHaveLength(3);
    writeFileSync(join(dir, 'book', 'sources', '004.txt'), text);
    writeFileSync(
      join(dir, 'book', 'pressbook.yaml'),
      'title: 字形测试\nsources: [sources/]\npreset: npc\noutput: { pdf: book.pdf }\nhandouts:\n  - name: one\n    title: 选读\n    select: [2022-03-07-02]\n',
    );
  });

  it('pdf: exit 1, each place named as file:line:column with its press conference, no PDF written', async () => {
    const r = await run(['pdf', 'book', '--out', 'out'], dir);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain('error: no glyph for 1 character(s) in the bundled fonts:');
    const at = places(r.out, dir);
    expect(at, r.out).toHaveLength(2);
    for (const p of at) {
      // the place holds the character, in the cleaned Markdown the book was printed from
      expect(p.file.startsWith(join(dir, 'out', 'markdown'))).toBe(true);
      const line = readFileSync(p.file, 'utf8').split('\n')[p.line - 1]!;
      expect(line.slice(p.column - 1, p.column)).toBe(PUA);
      expect(p.event).toBe('2022-03-07');
    }
    // in the order of the text: the opening remarks first
    expect(at[0]!.line).toBeLessThan(at[1]!.line);
    expect(readFileSync(at[0]!.file, 'utf8').split('\n')[at[0]!.line - 1]).toContain('再次见面');
    expect(existsSync(join(dir, 'out', 'book.pdf'))).toBe(false);
  }, 120_000);

  it('handout: the same places, after the handout name', async () => {
    const r = await run(['handout', 'book', '--out', 'out2'], dir);
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain('handout one: no glyph for 1 character(s)');
    const at = places(r.out, dir);
    expect(at.length, r.out).toBeGreaterThan(0);
    for (const p of at) expect(readFileSync(p.file, 'utf8').split('\n')[p.line - 1]!.slice(p.column - 1, p.column)).toBe(PUA);
    expect(existsSync(join(dir, 'out2', 'handouts', 'one.pdf'))).toBe(false);
  }, 120_000);

  it('the book printed in parts refuses it the same way, before any print', async () => {
    const { book } = await prepareBook(loadConfig(join(dir, 'book')), join(dir, 'out3'));
    const file = join(dir, 'out3', 'parts.pdf');
    const err = await renderPdf(book, file, { buildRoot: join(dir, 'out3', '.build'), parts: true }).then(() => undefined, (e: Error) => e);
    expect(err?.message).toMatch(/no glyph for 1 character\(s\)/);
    const at = places('\n' + (err?.message ?? '').split('\n').slice(1).join('\n'), dir);
    expect(at.map((p) => p.line)).toHaveLength(2);
    expect(existsSync(file)).toBe(false);
  }, 120_000);
});
