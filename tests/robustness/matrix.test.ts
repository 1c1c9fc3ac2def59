/**
 * The robustness matrix (issue: nothing lost, nothing half-written): each accident or hostile input
 * next to a good source, run through the `pressbook` command as a user runs it. For each: the exit
 * code, a message naming the file (and line where there is one), the good source still published,
 * nothing earlier lost or half-written.
 */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { spawn, spawnSync } from 'node:child_process';
import { runAsync } from '../helpers/run.js';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'pressbook.js');
const SEEDS = join(root, 'examples', 'npc-foreign-press', 'sources');
const GOOD = '004_58b0e72da7c9ea6d.txt';
const GOOD_TEXT = readFileSync(join(SEEDS, GOOD), 'utf8');

/** a book folder with the good source (and whatever `extra` adds to sources/) */
function book(extra: (src: string) => void = () => undefined, yaml = '') {
  const dir = tempDir('pb-rob-');
  const src = join(dir, 'sources');
  mkdirSync(src);
  cpSync(join(SEEDS, GOOD), join(src, GOOD));
  extra(src);
  writeFileSync(join(dir, 'pressbook.yaml'), `title: 测试\nsources: [sources/]\npreset: npc\n${yaml}`);
  return dir;
}

/** asynchronous: a test of several builds must not block the worker past vitest's RPC timeout (tests/helpers/run.ts) */
async function run(args: string[], cwd?: string) {
  const r = await runAsync(process.execPath, [bin, ...args], { cwd, env: { ...process.env, CI: 'true' } });
  return { status: r.status, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

const clean = (dir: string) => run(['clean', join(dir, 'sources'), '--out', join(dir, 'md'), '--preset', 'npc']);
const mdFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : []);
const questionsOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8')) as { id: string }[];

// each test waits for its commands (asynchronous now, so vitest's own timeout applies to them)
describe('robustness: inputs next to a good source', { timeout: 180_000 }, () => {
  const cases: { name: string; add: (src: string) => void; exit: number; says: RegExp }[] = [
    { name: 'an empty file', add: (s) => writeFileSync(join(s, 'empty.txt'), ''), exit: 1, says: /empty\.txt: empty file/ },
    { name: 'a binary file', add: (s) => writeFileSync(join(s, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3])), exit: 1, says: /image\.txt: binary file/ },
    { name: 'a GBK file', add: (s) => writeFileSync(join(s, 'gbk.txt'), iconv.encode(GOOD_TEXT.replace(/2022年3月7日/g, '2022年3月8日').replace(/3月7日/g, '3月8日'), 'gbk')), exit: 0, says: /gbk\.txt\s+\[gb18030/ },
    { name: 'a UTF-16 file', add: (s) => writeFileSync(join(s, 'u16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD_TEXT.replace(/3月7日/g, '3月9日'), 'utf16le')])), exit: 0, says: /u16\.txt\s+\[utf-16le/ },
    { name: 'CR-only line endings', add: (s) => writeFileSync(join(s, 'cr.txt'), GOOD_TEXT.replace(/3月7日/g, '3月10日').replace(/\n/g, '\r')), exit: 0, says: /cr\.txt\s+\[utf-8/ },
    {
      name: 'hostile HTML (scripts, handlers, iframes, file: links)',
      add: (s) =>
        writeFileSync(
          join(s, 'hostile.html'),
          `<!doctype html><html><head><title>x</title><script>alert(1)</script></head><body onload="evil()"><iframe src="file:///etc/passwd"></iframe><img src=x onerror="evil()"><div class="article">${GOOD_TEXT.replace(/3月7日/g, '3月11日')
            .split('\n')
            .map((l) => `<p>${l}<a href="file:///etc/passwd">x</a></p>`)
            .join('')}</div></body></html>`,
        ),
      exit: 0,
      says: /hostile\.html\s+\[utf-8, html/,
    },
    {
      name: 'a one-line transcript (line breaks lost)',
      add: (s) => writeFileSync(join(s, 'oneline.txt'), '2022年3月12日外长记者会实录。' + GOOD_TEXT.replace(/3月7日/g, '3月12日').split('\n').map((l) => l.trim()).join('')),
      exit: 0,
      says: /oneline\.txt:1:1  warning  .*line breaks were lost; \d+ paragraph break.*  linebreaks/,
    },
    {
      name: 'a .txt with <div> near its start',
      add: (s) => writeFileSync(join(s, 'div.txt'), '2022年3月13日外交部发言人汪文斌主持例行记者会\n\n问：网页里的<div>标签也被复制了。中方对此有何评论？\n\n答：我们注意到有关报道。\n\n路透社记者：中方立场是什么？\n\n答：中方立场是一贯的。\n'),
      exit: 0,
      says: /div\.txt\s+\[utf-8, (?!html).*2 questions/,
    },
    { name: 'a few invalid UTF-8 bytes', add: (s) => writeFileSync(join(s, 'bad-bytes.txt'), Buffer.concat([Buffer.from(GOOD_TEXT.replace(/3月7日/g, '3月14日').slice(0, 2000), 'utf8'), Buffer.from([0xff]), Buffer.from(GOOD_TEXT.replace(/3月7日/g, '3月14日').slice(2000), 'utf8')])), exit: 0, says: /bad-bytes\.txt:\d+:\d+  warning  invalid UTF-8 byte 0xFF.*  decode/ },
    { name: 'a dangling symbolic link', add: (s) => symlinkSync(join(s, 'nowhere.txt'), join(s, 'dangling.txt')), exit: 1, says: /dangling\.txt: dangling symbolic link/ },
    { name: 'a symbolic link loop', add: (s) => symlinkSync(s, join(s, 'loop')), exit: 0, says: /loop.*symbolic link loop/ },
    { name: 'a second copy of a source', add: (s) => cpSync(join(s, GOOD), join(s, 'copy.txt')), exit: 0, says: /copy\.txt: skipped \(identical to .*004_58b0e72da7c9ea6d\.txt/ },
  ];
  /**
   * The cases a clean accepts (exit 0) sit together in one book folder, each with its own date, and
   * are cleaned by one command: that command exits 0 only if none of them is an error, and each is
   * still named and published. The cases that stop a clean (exit 1) each have a book of their own, so
   * each alone must make the exit code 1. The tests after the table read those folders again.
   */
  const accepted = cases.filter((c) => c.exit === 0);
  let together: Promise<{ dir: string; r: { status: number | null; out: string } }> | undefined;
  const cleanedTogether = () =>
    (together ??= (async () => {
      const dir = book((s) => {
        for (const c of accepted) c.add(s);
      });
      return { dir, r: await clean(dir) };
    })());
  const cleanedCase = async (c: (typeof cases)[number]) => {
    if (c.exit === 0) return cleanedTogether();
    const dir = book(c.add);
    return { dir, r: await clean(dir) };
  };
  for (const c of cases)
    it(`${c.name}: exit ${c.exit}, named, the good source still published`, async () => {
      const { dir, r } = await cleanedCase(c);
      expect(r.status, r.out).toBe(c.exit);
      expect(r.out).toMatch(c.says);
      expect(r.out).not.toMatch(/unexpected error|at .*\.ts:\d+/);
      expect(mdFiles(join(dir, 'md')), r.out).toContain('2022-03-07.md');
      expect(questionsOf(join(dir, 'md')).filter((q) => q.id.startsWith('2022-03-07-'))).toHaveLength(14);
    });

  it('each accepted input is published as its own conference', async () => {
    const { dir, r } = await cleanedTogether();
    // GBK, UTF-16, CR, hostile HTML, one line, <div>, bad bytes: one conference each; the loop and the copy none
    expect(mdFiles(join(dir, 'md')), r.out).toEqual(['2022-03-07.md', '2022-03-08.md', '2022-03-09.md', '2022-03-10.md', '2022-03-11.md', '2022-03-12.md', '2022-03-13.md', '2022-03-14.md']);
  });

  it('hostile HTML injects nothing into the Markdown', async () => {
    const { dir } = await cleanedTogether();
    const md = readFileSync(join(dir, 'md', '2022-03-11.md'), 'utf8');
    expect(md).not.toMatch(/<script|onerror|onload|<iframe|file:\/\//);
  });

  it('a second copy does not double the counts', async () => {
    // (the copy sits with the other accepted inputs: its conference's sources and questions are counted)
    const { dir } = await cleanedTogether();
    const rep = JSON.parse(readFileSync(join(dir, 'md', 'report.json'), 'utf8')) as { sources: { event?: string }[] };
    expect(rep.sources.filter((x) => x.event === '2022-03-07')).toHaveLength(1);
    expect(questionsOf(join(dir, 'md')).filter((q) => q.id.startsWith('2022-03-07-'))).toHaveLength(14);
  });
});

describe('robustness: the output folder', { timeout: 180_000 }, () => {
  it('an output folder inside the sources is never read back', async () => {
    const dir = book();
    const out = join(dir, 'sources', 'dist');
    const a = await run(['build', dir, '--out', out, '--no-pdf', '--no-epub']);
    expect(a.status, a.out).toBe(0);
    const b = await run(['build', dir, '--out', out, '--no-pdf', '--no-epub']);
    expect(b.status, b.out).toBe(0);
    expect(b.out).toMatch(/sources\/dist: skipped \(the output folder/);
    expect(mdFiles(join(out, 'markdown'))).toEqual(['2022-03-07.md']);
  });

  it('a failed clean keeps the earlier questions.json and the last good Markdown (not published)', async () => {
    const dir = book();
    const out = join(dir, 'out');
    expect((await run(['build', dir, '--out', out, '--no-pdf', '--no-epub'])).status).toBe(0);
    const before = readFileSync(join(out, 'markdown', 'questions.json'), 'utf8');
    writeFileSync(join(dir, 'sources', GOOD), '');
    const r = await run(['build', dir, '--out', out, '--no-pdf', '--no-epub']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/004_58b0e72da7c9ea6d\.txt: empty file/);
    expect(readFileSync(join(out, 'markdown', 'questions.json'), 'utf8')).toBe(before);
    expect(mdFiles(join(out, 'markdown'))).toEqual(['2022-03-07.md']);
  });

  it('a removed source: its generated Markdown is removed and no longer published; a hand-edited one is kept and published with a warning', async () => {
    // two more sources in one book: one conference's Markdown is edited by hand, the other's is not
    const dir = book((s) => {
      writeFileSync(join(s, 'second.txt'), GOOD_TEXT.replace(/3月7日/g, '3月15日'));
      writeFileSync(join(s, 'third.txt'), GOOD_TEXT.replace(/3月7日/g, '3月16日'));
    });
    const out = join(dir, 'out');
    expect((await run(['build', dir, '--out', out, '--no-pdf', '--no-epub'])).status).toBe(0);
    expect(mdFiles(join(out, 'markdown'))).toEqual(['2022-03-07.md', '2022-03-15.md', '2022-03-16.md']);
    // edit one by hand, then remove both sources
    const edited = join(out, 'markdown', '2022-03-15.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('中方', '中国方面'));
    spawnSync('rm', [join(dir, 'sources', 'second.txt'), join(dir, 'sources', 'third.txt')]);
    const r = await run(['build', dir, '--out', out, '--no-pdf', '--no-epub']);
    expect(r.status, r.out).toBe(0);
    // the edited one: kept, named, published
    expect(r.out).toMatch(/2022-03-15\.md: warning: no source makes this press conference any more/);
    const q = questionsOf(join(out, 'markdown'));
    expect(q.some((x) => x.id.startsWith('2022-03-15'))).toBe(true);
    // the unedited one: removed, not published
    expect(r.out).not.toMatch(/2022-03-16\.md: warning/);
    expect(mdFiles(join(out, 'markdown'))).toEqual(['2022-03-07.md', '2022-03-15.md']);
    expect(q.some((x) => x.id.startsWith('2022-03-16'))).toBe(false);
  });

  it('--force keeps the replaced hand edit in a named backup', async () => {
    const dir = book();
    const out = join(dir, 'out');
    await run(['build', dir, '--out', out, '--no-pdf', '--no-epub']);
    const md = join(out, 'markdown', '2022-03-07.md');
    // a hand edit of the answer text and of the first question's text
    const edited = readFileSync(md, 'utf8')
      .replace('中方', '手改的中方')
      .replace(/(:::question\{#2022-03-07-01 [^\n]*\n)/, '$1手改：');
    writeFileSync(md, edited);
    const kept = await run(['build', dir, '--out', out, '--no-pdf', '--no-epub']);
    expect(kept.out).toMatch(/2022-03-07\.md: warning: kept: edited by hand/);
    expect(readFileSync(md, 'utf8')).toBe(edited);
    // and published: questions.json is made from the book as built, hand edit included
    const q1 = questionsOf(join(out, 'markdown')).find((q) => q.id === '2022-03-07-01') as { question?: string } | undefined;
    expect(q1?.question, 'the hand-edited question is not what build published').toMatch(/^手改：/);
    const r = await run(['build', dir, '--out', out, '--no-pdf', '--no-epub', '--force']);
    expect(r.status, r.out).toBe(0);
    const m = /saved as (\S+\.md)/.exec(r.out);
    expect(m, r.out).not.toBeNull();
    expect(readFileSync(m![1]!, 'utf8')).toBe(edited);
    expect(readFileSync(md, 'utf8')).not.toContain('手改的中方');
  });

  it('a deleted closing ":::" stops the build naming file:line, exit 1, and nothing is published from it', async () => {
    const dir = book();
    const out = join(dir, 'out');
    await run(['build', dir, '--out', out, '--no-pdf', '--no-epub']);
    const md = join(out, 'markdown', '2022-03-07.md');
    const lines = readFileSync(md, 'utf8').split('\n');
    // the closing ":::" of the first question: the answer after it then opens inside the question
    const open = lines.findIndex((l) => l.startsWith(':::question{#2022-03-07-01 '));
    const close = lines.findIndex((l, i) => i > open && l === ':::');
    expect(open, 'no first question in the Markdown').toBeGreaterThanOrEqual(0);
    lines.splice(close, 1);
    writeFileSync(md, lines.join('\n'));
    // the next turn's opening line, after the deletion (1-based)
    const next = lines.findIndex((l, i) => i >= close && /^:::[a-z]/.test(l)) + 1;
    const r = await run(['build', dir, '--out', out, '--no-pdf']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(new RegExp(`2022-03-07\\.md:${next}:1: :::\\w+ opens inside :::question of line ${open + 1}: the closing ":::" of that block is missing`));
    expect(existsSync(join(out, 'book.epub'))).toBe(false);
  });

  it('output paths outside the output folder are refused when the config loads', async () => {
    const dir = book(undefined, 'output:\n  pdf: ../escape.pdf\n');
    const r = await run(['build', dir, '--out', join(dir, 'out'), '--no-epub']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/pressbook\.yaml:5: key "output\.pdf": "\.\.\/escape\.pdf" must be a path inside the output folder/);
    expect(existsSync(join(dir, 'escape.pdf'))).toBe(false);
  });

  it('two builds into one folder at once: the second waits for the first, both finish, the files are whole', async () => {
    const dir = book();
    const out = join(dir, 'out');
    const start = () =>
      new Promise<{ status: number | null; out: string }>((res) => {
        const p = spawn(process.execPath, [bin, 'build', dir, '--out', out, '--no-pdf'], { env: { ...process.env, CI: 'true' } });
        let o = '';
        p.stdout.on('data', (d) => (o += d));
        p.stderr.on('data', (d) => (o += d));
        p.on('close', (status) => res({ status, out: o }));
      });
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.status, a.out).toBe(0);
    expect(b.status, b.out).toBe(0);
    expect(a.out + b.out).toMatch(/waiting: another pressbook run is writing to/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { path: string; bytes: number }[] };
    for (const f of manifest.files) expect(readFileSync(join(out, f.path)).length, f.path).toBe(f.bytes);
    expect(readdirSync(out).filter((f) => f.startsWith('.pressbook.lock'))).toEqual([]);
  }, 120_000);
});
