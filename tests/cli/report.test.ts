/**
 * "Every change reported with its source line, never losing or inventing text" — checked on the
 * files `pressbook clean` leaves on disk: report.json read back, the Markdown read back with the
 * strict parser. Every removal carries the removed text, found in the source at the reported line,
 * and for each published source the Han characters of the Markdown plus those reported as removed
 * are exactly the source's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js'; // removed when the file ends
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMarkdownFolder } from '../../src/markdown/folder.js';
import { hanOf } from '../../src/eval/evaluate.js';
import type { CleanReport } from '../../src/ingest/report.js';
import type { PressEvent } from '../../src/model/types.js';

const root = join(__dirname, '..', '..');
const norm = (s: string) => s.replace(/[\s\u00a0\u3000\u200b]+/g, '');

let dir: string;
let report: CleanReport;
let events: PressEvent[];
let log: string;

beforeAll(() => {
  dir = tempDir('pb-report-');
  cpSync(join(root, 'examples', 'npc-foreign-press', 'sources'), join(dir, 'sources'), { recursive: true });
  const r = spawnSync(process.execPath, [join(root, 'bin', 'pressbook.js'), 'clean', 'sources', '--out', 'md', '--preset', 'npc'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  log = r.stdout + r.stderr;
  expect(r.status, log).toBe(0);
  report = JSON.parse(readFileSync(join(dir, 'md', 'report.json'), 'utf8')) as CleanReport;
  events = readMarkdownFolder(join(dir, 'md'));
}, 60_000);

describe('report.json written by clean', () => {
  it('lists every removal of the terminal summary, each with its removed text', () => {
    const removals = report.sources.flatMap((s) => s.removals);
    const summary = /(\d+) removal\(s\)/.exec(log);
    expect(summary, log).not.toBeNull();
    expect(removals.length).toBe(Number(summary![1]));
    expect(removals.length).toBeGreaterThan(50);
    const without = removals.filter((d) => typeof d.removed !== 'string' || norm(d.removed) === '');
    expect(without.map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`), `${without.length} of ${removals.length} removals in report.json lack the removed text`).toEqual([]);
  });

  it('places each removed text in its source, starting at the reported line', () => {
    const bad: string[] = [];
    for (const s of report.sources) {
      const lines = readFileSync(join(dir, s.file), 'utf8').split(/\r\n|\r|\n/);
      for (const d of s.removals) {
        const removed = norm(d.removed ?? '');
        // the text from the reported line on holds the removed text, and that line holds its start
        const from = norm(lines.slice(d.line - 1).join('\n'));
        const head = removed.slice(0, Math.min(6, removed.length));
        if (!from.includes(removed.slice(0, 200)) || !norm(lines[d.line - 1] ?? '').includes(head)) bad.push(`${s.file}:${d.line} ${d.rule} "${removed.slice(0, 30)}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('conserves Han characters per published source: Markdown on disk + reported removals = source', () => {
    const published = report.sources.filter((s) => s.role === 'primary' || s.role === 'digest');
    expect(published.length).toBe(4);
    for (const s of published) {
      const h = hanOf(events, s);
      expect(h.source, s.file).toBeGreaterThan(1000);
      expect({ file: s.file, diff: h.diff }, JSON.stringify(h)).toEqual({ file: s.file, diff: 0 });
    }
  });
});
