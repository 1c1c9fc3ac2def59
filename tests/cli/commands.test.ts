/**
 * `clean`, `handout` and `build` as a user runs them: arguments, exit codes, messages and the files
 * left on disk. One small book (one seed, the 2022 press conference, 14 questions) is copied into a
 * temporary folder per test group (hand edits kept and published by `build`: tests/robustness). Complements tests/robustness/matrix.test.ts (accidents and hostile
 * sources) and tests/cli/rejections.test.ts (rejected sources).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js'; // removed when the file ends
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfPagesText } from '../helpers/pdf.js';
import { systemCandidates } from '../../src/browser/resolve.js';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'pressbook.js');
const SEED = join(root, 'examples', 'npc-foreign-press', 'sources', '004_58b0e72da7c9ea6d.txt');

interface Run {
  status: number | null;
  out: string;
}
/** the command, asynchronously (a test may serve HTTP meanwhile); CI=true: no progress lines */
function run(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((ok) => {
    const p = spawn(process.execPath, [bin, ...args], { env: { ...process.env, CI: 'true', ...env } });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (status) => ok({ status, out }));
  });
}

function book(yaml = ''): string {
  const dir = tempDir('pb-cmd-');
  mkdirSync(join(dir, 'sources'));
  cpSync(SEED, join(dir, 'sources', '004.txt'));
  writeFileSync(join(dir, 'pressbook.yaml'), `title: 命令测试\nsources: [sources/]\npreset: npc\noutput: { pdf: book.pdf, epub: book.epub }\n${yaml}`);
  return dir;
}

const norm = (s: string) => s.replace(/\s+/g, '');
const noDigits = (s: string) => s.replace(/[0-9]/g, '');
type Manifest = { files: { path: string; kind: string; bytes: number }[] };
const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
const questionsOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8')) as { id: string; question: string }[];

describe('pressbook handout (ad hoc selection; a stylesheet that reaches outside the build folder)', () => {
  let dir: string;
  let out: string;
  let r: Run;
  const hits: string[] = [];
  let port = 0;
  beforeAll(async () => {
    // a local server that would answer any request the print step let through
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
    dir = book();
    // the book's own handout theme: the package's, plus two references outside the build folder
    mkdirSync(join(dir, 'styles'));
    writeFileSync(
      join(dir, 'styles', 'handout.css'),
      readFileSync(join(root, 'styles', 'handout.css'), 'utf8') +
        `\nbody { background-image: url("http://127.0.0.1:${port}/probe.png"); }\n.qa { background-image: url("file:///etc/hostname"); }\n`,
    );
    out = join(dir, 'out');
    // the book path first, then two --select: the book must not be swallowed as a selector
    r = await run(['handout', dir, '--select', '2022-03-07-02', '--select', '2022-03-07-05', '--name', 'pair', '--title', '两道题', '--out', out]);
    server.close();
  }, 120_000);

  it('exit 0, prints exactly the two selected questions into handouts/<name>.pdf, listed in manifest.json', async () => {
    expect(r.status, r.out).toBe(0);
    const file = join(out, 'handouts', 'pair.pdf');
    expect(r.out).toContain(`handout ${file} (`);
    expect(r.out).toMatch(/2 question\(s\)/);
    const qs = questionsOf(join(out, 'markdown'));
    const text = noDigits(norm((await pdfPagesText(readFileSync(file))).join('')));
    expect(text).toContain('两道题');
    for (const q of qs) {
      const body = noDigits(norm(q.question)).slice(0, 24);
      if (q.id === '2022-03-07-02' || q.id === '2022-03-07-05') expect(text, `${q.id} is missing from the handout`).toContain(body);
      else if (body.length >= 12) expect(text, `${q.id} was not selected but is printed`).not.toContain(body);
    }
    expect(manifestOf(out).files).toContainEqual(expect.objectContaining({ path: 'handouts/pair.pdf', kind: 'handout' }));
  });

  it('blocks the requests outside the build folder and names each with the page that asked', () => {
    expect(hits, 'the print step let a request through to the network').toEqual([]);
    const blocked = r.out.split('\n').filter((l) => l.includes('warning: blocked a request outside the build folder'));
    expect(blocked.join('\n'), r.out).toMatch(new RegExp(`pair\\.pdf: warning: blocked a request outside the build folder: http://127\\.0\\.0\\.1:${port}/probe\\.png \\(requested by file://.*handout\\.html\\)`));
    expect(blocked.join('\n'), r.out).toMatch(/blocked a request outside the build folder: file:\/\/\/etc\/hostname \(requested by file:\/\/.*handout\.html\)/);
    // each URL once
    expect(blocked.filter((l) => l.includes('probe.png'))).toHaveLength(1);
  });
});

describe('pressbook handout: the handouts of pressbook.yaml, --only, errors', () => {
  const yaml = 'handouts:\n  - name: first\n    title: 第一份\n    select: [2022-03-07-01]\n  - name: second\n    title: 第二份\n    select: [2022-03-07-03]\n';

  it('--only NAME prints that handout only', async () => {
    const dir = book(yaml);
    const out = join(dir, 'out');
    const r = await run(['handout', dir, '--only', 'second', '--out', out]);
    expect(r.status, r.out).toBe(0);
    expect(readdirSync(join(out, 'handouts'))).toEqual(['second.pdf']);
    expect(norm((await pdfPagesText(readFileSync(join(out, 'handouts', 'second.pdf')))).join(''))).toContain('第二份');
  }, 120_000);

  it('--only with an undeclared name: exit 1 naming it and the declared ones, nothing printed', async () => {
    const dir = book(yaml);
    const r = await run(['handout', dir, '--only', 'third', '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/pressbook: error: no handout named third in .*pressbook\.yaml \(declared: first, second\)/);
    expect(existsSync(join(dir, 'out', 'handouts'))).toBe(false);
  });

  it('a selector that matches nothing: exit 1 naming that selector (not the good one), no PDF', async () => {
    const dir = book();
    const r = await run(['handout', dir, '--select', '1999-01', '--select', '2022-03-07-01', '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/pressbook: error: selector "1999-01" matches no question/);
    expect(r.out).not.toMatch(/selector "2022-03-07-01"/);
    expect(r.out).not.toMatch(/unexpected error/);
    expect(existsSync(join(dir, 'out', 'handouts', 'handout.pdf'))).toBe(false);
  }, 120_000);

  it('no --select and no handouts declared: exit 1 saying what to add', async () => {
    const dir = book();
    const r = await run(['handout', dir, '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/pressbook\.yaml declares no handouts: add "handouts:" or pass --select/);
  });

  it('a bad option value: exit 1 naming the option and the allowed values', async () => {
    const dir = book();
    const r = await run(['handout', dir, '--select', '2022', '--variant', 'answers', '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/--variant: expected annotated or questions-only, got "answers"/);
  });
});

describe('pressbook clean', () => {
  it('without --out: a usage error (exit 1) naming the option', async () => {
    const r = await run(['clean', SEED]);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/required option '-o, --out <dir>' not specified/);
  });

  it('keeps a hand-edited file and says so; --force replaces it and keeps the edit in a named backup', async () => {
    const dir = book();
    const md = join(dir, 'md');
    const a = await run(['clean', join(dir, 'sources'), '--out', md, '--preset', 'npc']);
    expect(a.status, a.out).toBe(0);
    const file = join(md, '2022-03-07.md');
    const generated = readFileSync(file, 'utf8');
    const edited = generated.replace('中方', '手改的中方');
    expect(edited).not.toBe(generated);
    writeFileSync(file, edited);
    const kept = await run(['clean', join(dir, 'sources'), '--out', md, '--preset', 'npc']);
    expect(kept.status, kept.out).toBe(0);
    expect(kept.out).toMatch(/2022-03-07\.md: warning: kept: edited by hand/);
    expect(readFileSync(file, 'utf8'), 'clean overwrote a hand edit without --force').toBe(edited);
    const forced = await run(['clean', join(dir, 'sources'), '--out', md, '--preset', 'npc', '--force']);
    expect(forced.status, forced.out).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(generated);
    const backup = /saved as (\S+\.md)/.exec(forced.out);
    expect(backup, forced.out).not.toBeNull();
    expect(readFileSync(backup![1]!, 'utf8')).toBe(edited);
  }, 60_000);
});

describe('pressbook build', () => {
  it('PRESSBOOK_BROWSER=system never prints with the npm-shipped Chromium', async () => {
    const dir = book();
    const out = join(dir, 'out');
    const r = await run(['pdf', dir, '--out', out], { PRESSBOOK_BROWSER: 'system', PRESSBOOK_CHROME: '' });
    expect(r.out).not.toMatch(/bundled: /);
    if (systemCandidates().some((p) => existsSync(p))) {
      // a system browser is installed here: it prints with it
      expect(r.status, r.out).toBe(0);
      expect(r.out).toMatch(/\(\d+ KiB, system: /);
    } else {
      expect(r.status, r.out).toBe(1);
      expect(r.out).toMatch(/pressbook: error: No Chrome or Chromium found/);
      expect(existsSync(join(out, 'book.pdf'))).toBe(false);
    }
  }, 120_000);
});
