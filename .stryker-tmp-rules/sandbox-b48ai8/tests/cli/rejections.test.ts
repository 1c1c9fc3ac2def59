/**
 * Loud failure, as a user meets it: `clean` and `build` exit 1 when a source is rejected, name it with
 * its reason and a hint, and still publish the good sources; report.json carries the rejections.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'pressbook.js'), ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, log: r.stdout + r.stderr };
};

function book(withGood: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'pb-rej-'));
  mkdirSync(join(dir, 'src'));
  if (withGood) copyFileSync(join(root, 'tests/fixtures/pages/portal-br.html'), join(dir, 'src', 'portal-br.html'));
  // prose with "主持人：" labels only: not a press conference this engine can read
  writeFileSync(join(dir, 'src', 'notes.txt'), '今天天气很好，我们讨论了很多问题。\n\n主持人：欢迎大家。\n\n主持人：谢谢大家。\n');
  writeFileSync(join(dir, 'src', 'qa.csv'), 'date,q,a\n2020-01-01,问题？,回答。\n');
  writeFileSync(join(dir, 'pressbook.yaml'), 'title: 测试\nsources: [src/]\n');
  return dir;
}

describe('rejected sources', () => {
  it('clean: exit 1, every rejection with its reason and hint, the good page still written', () => {
    const dir = book(true);
    const out = join(dir, 'md');
    const { status, log } = run(['clean', join(dir, 'src'), '--out', out]);
    expect(status).toBe(1);
    expect(log).toMatch(/notes\.txt: no press conference found: not a transcript/);
    expect(log).toMatch(/hint: expected question labels .*label-like prefixes found: "主持人："×2[,\s(]/);
    expect(log).toMatch(/qa\.csv: a CSV file among the sources is read only through a field mapping/);
    expect(log).toMatch(/2 source\(s\) with errors/);
    // each rejection is printed once
    expect(log.match(/notes\.txt: no press conference found/g)).toHaveLength(1);
    expect(existsSync(join(out, '2020-02-18.md'))).toBe(true);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.errors.map((e: { file: string }) => e.file.replace(/.*\//, '')).sort()).toEqual(['notes.txt', 'qa.csv']);
    expect(report.errors.find((e: { file: string }) => e.file.endsWith('notes.txt')).hint).toMatch(/主持人/);
  }, 120_000);

  it('build: exit 1 and the other sources publish; nothing to publish: exit 1 listing why', () => {
    const dir = book(true);
    const a = run(['build', dir, '--out', join(dir, 'dist'), '--no-pdf', '--no-epub']);
    expect(a.status).toBe(1);
    expect(a.log).toMatch(/error: .*notes\.txt: no press conference found/);
    expect(a.log).toMatch(/cleaned 1 press conference/);
    expect(existsSync(join(dir, 'dist', 'markdown', '2020-02-18.md'))).toBe(true);

    const empty = book(false);
    const b = run(['build', empty, '--out', join(empty, 'dist'), '--no-pdf', '--no-epub']);
    expect(b.status).toBe(1);
    expect(b.log).toMatch(/the sources gave no press conference to publish\n\s+.*notes\.txt: no press conference found.*\n\s+hint: /);
    expect(JSON.parse(readFileSync(join(empty, 'dist', 'markdown', 'report.json'), 'utf8')).errors).toHaveLength(2);
  }, 120_000);
});
