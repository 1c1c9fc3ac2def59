/** The evaluation tool itself: gold files, page matching and scoring on a hand-made cleaning. */
import { describe, expect, it } from 'vitest';
import { parseGold, speakerFromTitle } from '../../src/eval/gold.js';
import { sameFile, score } from '../../src/eval/evaluate.js';
import type { CleanResult, SourceReport } from '../../src/ingest/index.js';
import type { PressEvent } from '../../src/model/types.js';

const TSV = ['# comment', 'file\tdate\ttitle\tspeaker\tquestions\tfollowups\tnotes', 'a/2017-01-03.html\t2017-01-03\t2017年1月3日外交部发言人耿爽主持例行记者会\t耿爽\t2\t1\todd', 'b.html\t2017-01-04\t\t\t1\t0\t'].join('\n');

describe('gold files', () => {
  it('reads TSV rows by header name, comments skipped', () => {
    const g = parseGold(TSV, 'g.tsv');
    expect(g).toEqual([
      { file: 'a/2017-01-03.html', date: '2017-01-03', title: '2017年1月3日外交部发言人耿爽主持例行记者会', speaker: '耿爽', questions: 2, followups: 1, notes: 'odd' },
      { file: 'b.html', date: '2017-01-04', questions: 1, followups: 0 },
    ]);
  });
  it('takes the speaker from the title for a guide', () => {
    const g = parseGold('file\tdate\ttitle\tquestions\tfollowups\nx.html\t2017-01-01\t外交部发言人华春莹就土耳其枪击事件答记者问\t1\t0\n', 'e.tsv', { guide: true });
    expect(g[0]!.speaker).toBe('华春莹');
    expect(speakerFromTitle('2018年7月2日外交部发言人陆慷主持例行记者会')).toBe('陆慷');
    expect(speakerFromTitle('某某记者会')).toBeUndefined();
  });
  it('names the file and line of a bad row', () => {
    expect(() => parseGold('file\tdate\tquestions\tfollowups\nx.html\t3 Jan\t1\t0\n', 'g.tsv')).toThrow(/g\.tsv:2: "date"/);
    expect(() => parseGold('file\tdate\tquestions\nx.html\t2017-01-01\t1\n', 'g.tsv')).toThrow(/followups/);
    expect(() => parseGold('file\tdate\tquestions\tfollowups\nx.html\t2017-01-01\tmany\t0\n', 'g.tsv')).toThrow(/not a count/);
  });
  it('reads JSON rows', () => {
    expect(parseGold('[{"file":"x.html","date":"2017-01-01","questions":3,"followups":0}]', 'g.json')[0]!.questions).toBe(3);
  });
});

describe('page matching', () => {
  it('matches trailing path segments only', () => {
    expect(sameFile('zh/2017/2017-01-03.html', '2017/2017-01-03.html')).toBe(true);
    expect(sameFile('2017-01-03.html', '/x/zh/2017/2017-01-03.html')).toBe(true);
    expect(sameFile('2018/2017-01-03.html', '2017/2017-01-03.html')).toBe(false);
    expect(sameFile('7-01-03.html', '2017-01-03.html')).toBe(false);
  });
});

const rep = (file: string, over: Partial<SourceReport>): SourceReport => ({ file, encoding: 'utf-8', layout: 'html+paragraphs', role: 'primary', damaged: false, fixes: {}, removals: [], warnings: [], variants: [], messages: [], ...over });
const q = (kind: 'question' | 'followup', text: string) => ({ kind, paragraphs: [text], question: { id: '', seq: 1, label: '问', outlet: '', title: '', topics: [] } });
const ev = (id: string, file: string, speaker: string): PressEvent => ({
  meta: { id, date: id.slice(0, 10), year: 2017, title: `${id} 记者会`, speaker, language: 'zh-CN', sources: [{ file, role: 'primary' }] },
  turns: [q('question', '你好吗？'), { kind: 'answer', speaker, paragraphs: ['很好。'] }, q('followup', '真的吗？'), { kind: 'answer', speaker, paragraphs: ['是的。'] }],
  highlights: [],
});

describe('scoring', () => {
  const clean: CleanResult = {
    events: [ev('2017-01-03', 'p/2017-01-03.html', '耿爽'), ev('2017-01-03b', 'p/2017-01-03-qa.html', '陆慷')],
    report: {
      sources: [
        // 问×2 + 你好吗真的吗 (8) + 耿爽×2 (4) + 很好是的 (4) = 16 printed; 首页 removed
        rep('p/2017-01-03.html', { hanChars: 18, event: '2017-01-03', removals: [{ file: 'p/2017-01-03.html', line: 1, rule: 'html', severity: 'info', message: 'furniture', removed: '首页' }] }),
        rep('p/2017-01-03-qa.html', { hanChars: 15, event: '2017-01-03b' }),
        rep('p/2017-01-04.html', { role: 'digest', hanChars: 0 }),
        rep('p/bad.html', { role: 'rejected' }),
      ],
      errors: [{ file: 'p/bad.html', message: 'p/bad.html: not a transcript' }],
    },
  };
  const gold = parseGold(
    ['file\tdate\tspeaker\tquestions\tfollowups', '2017-01-03.html\t2017-01-03\t耿爽\t1\t1', '2017-01-03-qa.html\t2017-01-03\t华春莹\t2\t1', '2017-01-04.html\t2017-01-04\t\t3\t0', 'bad.html\t2017-01-05\t\t1\t0', 'gone.html\t2017-01-06\t\t1\t0'].join('\n'),
    'g.tsv',
  );
  const r = score(clean, gold);
  const page = (f: string) => r.pages.find((p) => p.file === f)!;

  it('maps events back to their pages through meta.sources', () => {
    expect(page('p/2017-01-03.html').events).toEqual(['2017-01-03']);
    expect(page('p/2017-01-03-qa.html').events).toEqual(['2017-01-03b']);
    expect(page('p/2017-01-03.html').got).toMatchObject({ questions: 1, followups: 1, date: '2017-01-03', speaker: '耿爽' });
  });
  it('checks counts, date and speaker against the gold row', () => {
    expect(page('p/2017-01-03.html').failures).toEqual([]);
    expect(page('p/2017-01-03-qa.html').failures.map((f) => [f.check, f.expected, f.got])).toEqual([
      ['han', '15 (source)', '16 printed + 0 removed (+1)'],
      ['questions', 2, 1],
      ['speaker', '华春莹', '陆慷'],
    ]);
  });
  it('counts Han characters: printed + removed = source', () => {
    expect(page('p/2017-01-03.html').han).toEqual({ source: 18, article: 16, printed: 16, removed: 2, diff: 0, conserved: true });
  });
  it('reports unpublished and rejected pages, and gold rows without a page', () => {
    expect(page('p/2017-01-04.html').failures[0]).toEqual({ check: 'published', expected: 'an event', got: 'digest, not attached' });
    expect(page('p/bad.html').rejected).toBe('p/bad.html: not a transcript');
    expect(page('p/bad.html').checks.han).toBeNull();
    expect(r.summary).toMatchObject({ pages: 4, gold: 4, goldMissing: ['gone.html'], events: 2, published: 2, rejected: 1, notPublished: 1 });
    expect(r.summary.exact).toEqual({ ok: 1, of: 4 });
    expect(r.summary.han).toEqual({ ok: 2, of: 3 });
    expect(r.summary.totals.questions).toEqual({ expected: 7, got: 2 });
  });
});
