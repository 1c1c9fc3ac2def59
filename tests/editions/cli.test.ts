/**
 * `pressbook epub` with editions (EPUB only: no browser): `editions:` in pressbook.yaml prints each
 * edition from one cleaned Markdown under its own name, the zh-Hans one under the configured name;
 * `--edition` overrides the list; `--vertical` without `--edition` is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';

const ROOT = resolve(import.meta.dirname, '..', '..');
const bin = join(ROOT, 'bin', 'pressbook.js');
let tmp: string;

function run(args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((ok) => {
    const p = spawn(process.execPath, [bin, ...args], { env: { ...process.env, CI: 'true', SOURCE_DATE_EPOCH: '1700000000' } });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (status) => ok({ status, out }));
  });
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pressbook-editions-cli-'));
  cpSync(join(ROOT, 'examples', 'npc-foreign-press'), join(tmp, 'book'), { recursive: true });
  const cfg = join(tmp, 'book', 'pressbook.yaml');
  writeFileSync(cfg, readFileSync(cfg, 'utf8') + '\neditions: [zh-Hans, zh-Hant-HK, { name: zh-Hant-TW, vertical: true }]\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const lang = async (file: string) => /<dc:language>([^<]+)</.exec(await (await JSZip.loadAsync(readFileSync(file))).file('OEBPS/content.opf')!.async('string'))?.[1];

describe('pressbook epub with editions', () => {
  it('editions: in the config → one EPUB per edition, one Markdown folder, the manifest lists them all', async () => {
    const out = join(tmp, 'out');
    const r = await run(['epub', join(tmp, 'book'), '--out', out]);
    expect(r.status, r.out).toBe(0);
    const epubs = readdirSync(out).filter((f) => f.endsWith('.epub')).sort();
    expect(epubs).toEqual(['npc-foreign-press.epub', 'npc-foreign-press.zh-Hant-HK.epub', 'npc-foreign-press.zh-Hant-TW.vertical.epub']);
    expect(await lang(join(out, 'npc-foreign-press.epub'))).toBe('zh-CN');
    expect(await lang(join(out, 'npc-foreign-press.zh-Hant-HK.epub'))).toBe('zh-Hant-HK');
    expect(await lang(join(out, 'npc-foreign-press.zh-Hant-TW.vertical.epub'))).toBe('zh-Hant-TW');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    for (const e of epubs) expect(manifest.files.map((f) => f.path)).toContain(e);
    // one cleaned Markdown for all: the Simplified text, as cleaned
    expect(readFileSync(join(out, 'markdown', '2021-03-07.md'), 'utf8')).toContain('外交部长');
    expect(readFileSync(join(out, 'markdown', '2021-03-07.md'), 'utf8')).not.toContain('外交部長');
  }, 180_000);

  it('--edition overrides the list; --vertical alone is refused', async () => {
    const out = join(tmp, 'out2');
    const r = await run(['epub', join(tmp, 'book'), '--out', out, '--edition', 'zh-Hant-TW']);
    expect(r.status, r.out).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.epub'))).toEqual(['npc-foreign-press.zh-Hant-TW.epub']);
    const bad = await run(['epub', join(tmp, 'book'), '--out', join(tmp, 'out3'), '--vertical']);
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/--vertical needs --edition/);
  }, 180_000);
});
