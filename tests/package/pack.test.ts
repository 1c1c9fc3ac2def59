/**
 * The published package as a user gets it: `npm pack`, install the tarball into an empty folder
 * (dependencies from the npm cache or registry; no dev dependencies, so no tsx), then
 * `npx pressbook --help` and `npx pressbook build` on a copy of the bundled example.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAsync } from '../helpers/run.js';

const root = join(__dirname, '..', '..');

/** newest modification time of the files under `dir` */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * lib/ compiled after the last change to src/ (the rule bin/pressbook.js uses to run it): `npm test`
 * has just built it, so `npm pack` need not run `prepack` (a second full tsc, ~10 s of CPU). When it
 * is missing or stale, pack builds it as a user's `npm pack` does.
 */
function libIsFresh(): boolean {
  const src = newest(join(root, 'src'));
  // the per-file compile and the bundled CLI (lib/bundle/, which an installed package runs)
  return [join(root, 'lib', 'cli', 'index.js'), join(root, 'lib', 'bundle', 'index.js')].every((f) => existsSync(f) && statSync(f).mtimeMs >= src);
}

/** asynchronous: `npm install` on a loaded machine can take longer than vitest lets a worker block (tests/helpers/run.ts) */
async function run(cmd: string, args: string[], cwd: string) {
  const r = await runAsync(cmd, args, { cwd, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  return { status: r.status, stdout: r.stdout, out: r.stdout + r.stderr };
}

/**
 * A new, empty folder for the install: in memory (/dev/shm) when the machine has one with room, as
 * the install writes ~650 MB (the Noto fonts, Chromium) and removes it after, which costs a third
 * less system time there than on disk; else in the system's temporary folder.
 */
function emptyFolder(): string {
  try {
    const fs = statfsSync('/dev/shm');
    if (fs.bavail * fs.bsize > 4e9) return mkdtempSync(join('/dev/shm', 'pb-pack-'));
  } catch {
    // no /dev/shm, or not writable
  }
  return mkdtempSync(join(tmpdir(), 'pb-pack-'));
}

describe('npm package', () => {
  const dir = emptyFolder();
  let files: string[] = [];
  let tarball = '';
  beforeAll(async () => {
    const p = await run('npm', ['pack', ...(libIsFresh() ? ['--ignore-scripts'] : []), '--json', '--pack-destination', dir], root);
    expect(p.status, p.out).toBe(0);
    const info = JSON.parse(p.stdout.slice(p.stdout.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
    files = info[0]!.files.map((f) => f.path);
    tarball = join(dir, info[0]!.filename);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pb-user', private: true }));
    const i = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], dir);
    expect(i.status, i.out).toBe(0);
    cpSync(join(root, 'examples', 'npc-foreign-press'), join(dir, 'book'), { recursive: true });
    return () => rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it('ships compiled JavaScript, templates and styles, and no tests, bench, CI or TypeScript sources', () => {
    expect(files).toContain('lib/cli/index.js');
    expect(files).toContain('lib/bundle/index.js');
    expect(files.some((f) => f.startsWith('templates/print/'))).toBe(true);
    expect(files.some((f) => f.startsWith('styles/'))).toBe(true);
    for (const f of files) expect(f, `${f} should not be in the tarball`).not.toMatch(/^(tests|bench|\.ci|src|examples)\/|\.ts$/);
  });

  it('installs without tsx (no install scripts) and starts from the compiled code', async () => {
    expect(existsSync(join(dir, 'node_modules', 'pressbook', 'lib', 'cli', 'index.js'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules', 'tsx')), 'tsx is a dev dependency').toBe(false);
    const h = await run('npx', ['--no-install', 'pressbook', '--help'], dir);
    expect(h.status, h.out).toBe(0);
    expect(h.out).toMatch(/Usage: pressbook/);
  }, 120_000);

  it('builds a copy of the bundled example: PDF, EPUB, Markdown and a manifest that matches the files', async () => {
    const b = await run('npx', ['--no-install', 'pressbook', 'build', 'book', '--out', 'out'], dir);
    expect(b.status, b.out).toBe(0);
    const out = join(dir, 'out');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { path: string; bytes: number }[] };
    for (const f of manifest.files) expect(readFileSync(join(out, f.path)).length, f.path).toBe(f.bytes);
    expect(readFileSync(join(out, 'npc-foreign-press.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(join(out, 'markdown')).filter((f) => f.endsWith('.md')).length).toBeGreaterThanOrEqual(3);
  }, 240_000);
});
