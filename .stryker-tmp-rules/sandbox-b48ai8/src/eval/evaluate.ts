/**
 * The accuracy evaluation: clean a folder of pages with the real engine (in-process) and compare each
 * page with a gold row (see gold.ts).
 *
 * Pages are the cleaned sources of the report (`report.sources[]`, rejected ones included). A page's
 * results are the events it is the primary source of (`event.meta.sources[]` with role "primary",
 * else the report's `sources[].event`); a page that became a witness or an unattached digest is "not
 * published" and gets 0 questions.
 *
 * Han conservation, per page (not checked for rejected pages):
 *
 *   printed + removed = source
 *
 * - source: the report's `hanChars` for the page: the Han characters of the decoded text the engine
 *   read (for an HTML page: the extracted article's lines plus every piece of page furniture reported
 *   as removed, i.e. the page's visible text);
 * - removed: the Han characters of every removal's `removed` text in the page's report (page furniture,
 *   title lines moved to metadata, captions, loops…);
 * - printed: the Han characters the book prints from this page: for each event the page is the
 *   primary source of, every turn's paragraphs plus its label as printed (the question label, or the
 *   speaker of any other turn); plus the highlights whose `source` is this page, in any event.
 *
 * `article` = source − the Han characters of the `html` removals (page furniture): the article's own
 * characters, given for information.
 */
// @ts-nocheck

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PressEvent, SourceRole } from '../model/types.js';
import type { CleanResult, CleanOptions, SourceReport } from '../ingest/index.js';
import { cleanSources } from '../ingest/index.js';
import { countHan } from '../ingest/text.js';
import type { GoldRow } from './gold.js';

export type Check = 'questions' | 'followups' | 'date' | 'speaker' | 'title' | 'han' | 'published';

export interface Failure {
  check: Check;
  expected: string | number;
  got: string | number;
}

export interface HanCount {
  source: number;
  article: number;
  printed: number;
  removed: number;
  /** printed + removed − source: 0 when conserved, < 0 when characters were lost, > 0 when invented or counted twice */
  diff: number;
  conserved: boolean;
}

export interface PageResult {
  file: string;
  role: SourceRole;
  /** ids of the events this page is the primary source of */
  events: string[];
  /** the event it joined as witness or digest */
  joined?: string;
  rejected?: string;
  gold?: GoldRow;
  got: { questions: number; followups: number; date?: string; speaker?: string; title?: string };
  han?: HanCount;
  /** per check: true / false, or null when not applicable (no gold, no gold speaker, rejected page…) */
  checks: Record<Check, boolean | null>;
  failures: Failure[];
}

export interface Ratio {
  ok: number;
  of: number;
}

export interface EvalSummary {
  pages: number;
  /** pages with a gold row */
  gold: number;
  /** gold rows with no cleaned page */
  goldMissing: string[];
  events: number;
  published: number;
  rejected: number;
  /** witnesses and digests: pages that did not give their own event */
  notPublished: number;
  questions: Ratio;
  followups: Ratio;
  /** questions and follow-ups both exact */
  exact: Ratio;
  /** the same on regular press conferences (gold title with 例行), the acceptance figure */
  regularExact: Ratio;
  dates: Ratio;
  speakers: Ratio;
  titles: Ratio;
  han: Ratio;
  totals: { questions: { expected: number; got: number }; followups: { expected: number; got: number } };
}

export interface EvalResult {
  summary: EvalSummary;
  pages: PageResult[];
}

const segs = (p: string) => p.replace(/\\/g, '/').split('/').filter((s) => s && s !== '.');

/** True when the shorter path is the trailing segments of the longer one. */
export function sameFile(a: string, b: string): boolean {
  const x = segs(a);
  const y = segs(b);
  const n = Math.min(x.length, y.length);
  if (!n) return false;
  for (let i = 1; i <= n; i++) if (x[x.length - i] !== y[y.length - i]) return false;
  return true;
}

const normTitle = (s: string | undefined) => (s ?? '').replace(/[\s\u00a0\u3000]+/g, '');

/** Han characters the book prints from `file` (see the header). */
export function hanPrinted(events: PressEvent[], file: string): number {
  let n = 0;
  for (const ev of events) {
    if (ev.meta.sources.some((s) => s.file === file && s.role === 'primary'))
      for (const t of ev.turns) {
        for (const p of t.paragraphs) n += countHan(p);
        if (t.question) n += countHan(t.question.label);
        else n += countHan(t.label ?? t.speaker ?? '');
      }
    for (const h of ev.highlights) if (h.source === file) n += countHan(h.text);
  }
  return n;
}

export function hanOf(events: PressEvent[], rep: SourceReport): HanCount {
  const source = rep.hanChars ?? 0;
  let removed = 0;
  let furniture = 0;
  for (const d of rep.removals) {
    const h = countHan(d.removed ?? '');
    removed += h;
    if (d.rule === 'html') furniture += h;
  }
  const printed = hanPrinted(events, rep.file);
  const diff = printed + removed - source;
  return { source, article: source - furniture, printed, removed, diff, conserved: diff === 0 && rep.hanChars !== undefined };
}

const ratio = (pages: PageResult[], c: Check, filter: (p: PageResult) => boolean = () => true): Ratio => {
  const xs = pages.filter((p) => filter(p) && p.checks[c] !== null);
  return { ok: xs.filter((p) => p.checks[c]).length, of: xs.length };
};

/** Score a cleaning against gold rows (no I/O: usable on any CleanResult). */
export function score(clean: CleanResult, gold: GoldRow[] = []): EvalResult {
  const { events, report } = clean;
  const errors = new Map(report.errors.map((e) => [e.file, e.message]));
  const pages: PageResult[] = [];
  const used = new Set<GoldRow>();
  for (const rep of report.sources) {
    const matches = gold.filter((g) => sameFile(g.file, rep.file));
    if (matches.length > 1) throw new Error(`gold rows ${matches.map((g) => `"${g.file}"`).join(', ')} all match the page ${rep.file}`);
    const g = matches[0];
    if (g) {
      if (used.has(g)) throw new Error(`gold row "${g.file}" matches several pages (give more of its path)`);
      used.add(g);
    }
    let mine = events.filter((e) => e.meta.sources.some((s) => s.file === rep.file && s.role === 'primary'));
    if (!mine.length && rep.role === 'primary' && rep.event) mine = events.filter((e) => e.meta.id === rep.event);
    const page: PageResult = {
      file: rep.file,
      role: rep.role,
      events: mine.map((e) => e.meta.id),
      got: {
        questions: mine.reduce((a, e) => a + e.turns.filter((t) => t.kind === 'question').length, 0),
        followups: mine.reduce((a, e) => a + e.turns.filter((t) => t.kind === 'followup').length, 0),
      },
      checks: { questions: null, followups: null, date: null, speaker: null, title: null, han: null, published: null },
      failures: [],
    };
    if (g) page.gold = g;
    const first = mine[0];
    if (first) {
      page.got.date = [...new Set(mine.map((e) => e.meta.date))].join(' ');
      const sp = [...new Set(mine.map((e) => e.meta.speaker).filter((s): s is string => !!s))];
      if (sp.length) page.got.speaker = sp.join(' ');
      page.got.title = first.meta.title;
    }
    if (rep.role !== 'primary' && rep.event) page.joined = rep.event;
    if (rep.role === 'rejected') page.rejected = errors.get(rep.file) ?? rep.warnings.find((w) => w.severity === 'error')?.message ?? 'rejected';
    else {
      page.han = hanOf(events, rep);
      page.checks.han = page.han.conserved;
      if (!page.han.conserved)
        page.failures.push({ check: 'han', expected: `${page.han.source} (source)`, got: `${page.han.printed} printed + ${page.han.removed} removed (${page.han.diff > 0 ? '+' : ''}${page.han.diff})` });
    }
    const state = page.rejected ? 'rejected' : rep.role === 'primary' ? '' : `${rep.role}${page.joined ? ' of ' + page.joined : ', not attached'}`;
    page.checks.published = mine.length > 0;
    if (!mine.length) page.failures.unshift({ check: 'published', expected: 'an event', got: state || 'no event' });
    if (g) {
      const cmp = (c: Check, expected: string | number, got: string | number | undefined) => {
        const ok = got === expected;
        page.checks[c] = ok;
        if (!ok) page.failures.push({ check: c, expected, got: got ?? '(none)' });
      };
      cmp('questions', g.questions, page.got.questions);
      cmp('followups', g.followups, page.got.followups);
      cmp('date', g.date, page.got.date);
      if (g.speaker) cmp('speaker', g.speaker, page.got.speaker);
      if (g.title) {
        const ok = normTitle(g.title) === normTitle(page.got.title);
        page.checks.title = ok;
        if (!ok) page.failures.push({ check: 'title', expected: g.title, got: page.got.title ?? '(none)' });
      }
    }
    pages.push(page);
  }
  const withGold = (p: PageResult) => !!p.gold;
  const regular = (p: PageResult) => !!p.gold && /例行/.test(p.gold.title ?? '');
  const exactOf = (f: (p: PageResult) => boolean): Ratio => {
    const xs = pages.filter(f);
    return { ok: xs.filter((p) => p.checks.questions && p.checks.followups).length, of: xs.length };
  };
  const g = pages.filter(withGold);
  const summary: EvalSummary = {
    pages: pages.length,
    gold: g.length,
    goldMissing: gold.filter((r) => !used.has(r)).map((r) => r.file),
    events: events.length,
    published: pages.filter((p) => p.events.length > 0).length,
    rejected: pages.filter((p) => p.rejected).length,
    notPublished: pages.filter((p) => !p.rejected && !p.events.length).length,
    questions: ratio(pages, 'questions'),
    followups: ratio(pages, 'followups'),
    exact: exactOf(withGold),
    regularExact: exactOf(regular),
    dates: ratio(pages, 'date'),
    speakers: ratio(pages, 'speaker'),
    titles: ratio(pages, 'title'),
    han: ratio(pages, 'han'),
    totals: {
      questions: { expected: g.reduce((a, p) => a + p.gold!.questions, 0), got: g.reduce((a, p) => a + p.got.questions, 0) },
      followups: { expected: g.reduce((a, p) => a + p.gold!.followups, 0), got: g.reduce((a, p) => a + p.got.followups, 0) },
    },
  };
  return { summary, pages };
}

/** The deepest folder holding every path (page names in the results are relative to it). */
export function commonDir(paths: string[]): string {
  const abs = paths.map((p) => resolve(p));
  const parts = abs.map((p) => {
    const x = segs(p);
    return isDir(p) ? x : x.slice(0, -1); // a file: its folder
  });
  if (!parts.length) return process.cwd();
  const first = parts[0]!;
  let n = 0;
  while (n < first.length && parts.every((x) => x[n] === first[n])) n++;
  return '/' + first.slice(0, n).join('/');
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Clean `paths` with the engine and score the result. */
export async function evaluate(paths: string[], gold: GoldRow[] = [], opts: CleanOptions = {}): Promise<EvalResult> {
  const clean = await cleanSources(paths, { baseDir: commonDir(paths), ...opts });
  return score(clean, gold);
}
