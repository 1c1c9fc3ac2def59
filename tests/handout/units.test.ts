/** Selectors, the notes sidecar, anchoring and the hast transforms — no browser. */
import { describe, expect, it } from 'vitest';
import type { Book, PressEvent, Turn } from '../../src/model/types.js';
import type { BookConfig } from '../../src/config/schema.js';
import { selectQuestions } from '../../src/select.js';
import { assignIds } from '../../src/model/ids.js';
import { richEvent } from '../helpers/events.js';
import { parseNotes, anchorNotes, numberNotes, staleMessage } from '../../src/annotations/index.js';
import { footnoteTransform, handoutTransform, markRanges } from '../../src/ast/annotate.js';
import { turnHtml } from '../../src/ast/hast.js';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';

// ids are given by assignIds (event-scoped: 2021-03-07-01); the year argument only documents the call
function q(_year: number, seq: number, outlet: string, topics: string[], text: string): Turn {
  return { kind: 'question', paragraphs: [text], question: { id: '', seq, label: outlet + '记者', outlet, title: text, topics } };
}
const a = (...paragraphs: string[]): Turn => ({ kind: 'answer', speaker: '王毅', paragraphs });

function event(date: string, turns: Turn[]): PressEvent {
  const year = Number(date.slice(0, 4));
  const ev: PressEvent = { meta: { id: date, date, year, title: `记者会 ${year}`, language: 'zh-CN', sources: [] }, turns, highlights: [] };
  assignIds(ev);
  return ev;
}

// events deliberately out of date order: chronological selection must sort them
const book: Book = {
  config: { title: '测试', language: 'zh-CN', root: '/nonexistent', file: '/nonexistent/pressbook.yaml', annotations: { pdf: false, epub: false } } as unknown as BookConfig,
  events: [
    event('2022-03-07', [q(2022, 1, '路透社', ['乌克兰'], '乌克兰局势如何？'), a('中方主张劝和促谈。', '和平是最大的共识，和平是最大的共识。'), q(2022, 2, '美国全国广播公司', ['中美', '台湾'], '中美关系会恶化吗？'), a('中美合则两利，斗则俱伤。')]),
    event('2021-03-07', [
      { kind: 'opening', speaker: '王毅', paragraphs: ['大家好。'] },
      q(2021, 1, '美国有线电视新闻网', ['中美'], '中美关系能否重回正轨？'),
      a('中美关系正处在一个新的十字路口。', '双方应相向而行。'),
      q(2021, 2, '塔斯社', ['中俄'], '中俄关系怎么样？'),
      a('中俄关系不针对第三方。'),
      { kind: 'closing', speaker: '王毅', paragraphs: ['谢谢大家。'] },
    ]),
  ],
};
const ids = (sel: string[], order?: 'given' | 'chronological') => selectQuestions(book, sel, order).map((s) => s.question.question!.id);

describe('selectors', () => {
  it('selects by id, year, date, outlet, topic and text', () => {
    expect(ids(['2022-03-07-02'])).toEqual(['2022-03-07-02']);
    expect(ids(['2021-03-07-1'])).toEqual(['2021-03-07-01']);
    expect(ids(['2021'])).toEqual(['2021-03-07-01', '2021-03-07-02']);
    expect(ids(['year:2022'])).toEqual(['2022-03-07-01', '2022-03-07-02']);
    expect(ids(['2022-03-07'])).toEqual(['2022-03-07-01', '2022-03-07-02']);
    expect(ids(['outlet:美国'])).toEqual(['2021-03-07-01', '2022-03-07-02']);
    expect(ids(['topic:中美'])).toEqual(['2021-03-07-01', '2022-03-07-02']);
    expect(ids(['text:不针对第三方'])).toEqual(['2021-03-07-02']); // answer text counts
    expect(ids(['topic:中美&2022'])).toEqual(['2022-03-07-02']);
  });

  it('keeps the given order or sorts chronologically, without duplicates', () => {
    expect(ids(['2022-03-07-01', 'topic:中美'], 'given')).toEqual(['2022-03-07-01', '2021-03-07-01', '2022-03-07-02']);
    expect(ids(['2022-03-07-01', 'topic:中美'], 'chronological')).toEqual(['2021-03-07-01', '2022-03-07-01', '2022-03-07-02']);
  });

  it('attaches the answers up to the next question (not the closing remarks)', () => {
    const [s] = selectQuestions(book, ['2021-03-07-02']);
    expect(s!.answers.map((t) => t.paragraphs[0])).toEqual(['中俄关系不针对第三方。']);
  });

  it('a selector matching nothing is an error that names it', () => {
    expect(() => selectQuestions(book, ['topic:台灣', '2021-03-07-01'])).toThrow(/selector "topic:台灣" matches no question \(topics in this book: .*中美/);
    expect(() => selectQuestions(book, ['2019-01'])).toThrow(/selector "2019-01" matches no question/);
    expect(() => selectQuestions(book, ['2021-03-07-01', 'text:不存在的话'])).toThrow(/"text:不存在的话" matches no question/);
    expect(() => selectQuestions(book, ['colour:red'])).toThrow(/not understood/);
    expect(() => selectQuestions(book, [])).toThrow(/no selector/);
  });
});

const SIDECAR = `# notes
- question: 2021-03-07-01
  quote: 新的十字路口
  note: 一个**比喻**。

- question: 2022-03-07-01
  quote: 和平是最大的共识
  occurrence: 2
  note: 第二次出现

- question: 2021-03-07-01
  quote: 重回正轨
  note: 问句里的引文

- question: 2022-03-07-02
  quote: 合则两利，斗则两伤
  note: 引文已不符

- question: 2020-05-24-09
  quote: 任何
  note: 问题已不存在
`;

describe('notes sidecar and anchoring', () => {
  const entries = parseNotes(SIDECAR, '/books/x/notes.yaml');
  // anchored on first use inside a test, not at collection: a crash there must fail a test (mutation testing counts failed tests)
  let done: ReturnType<typeof anchorNotes> | undefined;
  const anchorOnce = () => (done ??= anchorNotes(book, entries));
  const ann = { get anchored() { return anchorOnce().anchored; }, get stale() { return anchorOnce().stale; } };

  it('reads entries with their line numbers', () => {
    expect(entries.map((e) => [e.question, e.line])).toEqual([
      ['2021-03-07-01', 2],
      ['2022-03-07-01', 6],
      ['2021-03-07-01', 11],
      ['2022-03-07-02', 15],
      ['2020-05-24-09', 19],
    ]);
  });

  it('anchors quotes in the answer or the question, honouring occurrence', () => {
    expect(ann.anchored.map((x) => [x.entry.line, x.inQuestion, x.para, x.start])).toEqual([
      [2, false, 0, 9],
      [6, false, 1, 9],
      [11, true, 0, 6],
    ]);
  });

  it('reports stale notes by file and line, with a hint', () => {
    expect(ann.stale.map(staleMessage)).toEqual([
      expect.stringMatching(/^\/books\/x\/notes\.yaml:16: stale note: quote "合则两利，斗则两伤" no longer matches .*2022-03-07-02.*matches only up to "合则两利，斗则"/),
      expect.stringMatching(/^\/books\/x\/notes\.yaml:19: stale note: question 2020-05-24-09 is not in the book/),
    ]);
  });

  it('rejects malformed entries with file:line and key', () => {
    expect(() => parseNotes('- question: 2021-01\n  quote: x\n- question: 2021-02\n  quote: y\n  note: z\n  colour: red\n', 'n.yaml')).toThrow(/n\.yaml:1: key "note"[\s\S]*n\.yaml:3: key "\(entry\)"/);
    expect(() => parseNotes('- question: abc\n  quote: x\n  note: y\n', 'n.yaml')).toThrow(/n\.yaml:1: key "question": a question id/);
    expect(() => parseNotes('- [unclosed\n', 'n.yaml')).toThrow(/n\.yaml:\d+:\d+: invalid YAML/);
  });

  it('numbers notes in reading order of the selection', () => {
    const picked = selectQuestions(book, ['2022-03-07-01', '2021-03-07-01'], 'given');
    expect(numberNotes(ann.anchored, picked).map((n) => [n.n, n.entry.line])).toEqual([
      [1, 6],
      [2, 11], // the question's note before its answer's
      [3, 2],
    ]);
  });

  it('EPUB footnotes: mark, noteref and aside epub:type="footnote"', () => {
    const notes = numberNotes(ann.anchored, selectQuestions(book, ['2021']));
    const answer = book.events[1]!.turns[2]!;
    const html = turnHtml(answer, [footnoteTransform(notes, 'epub')], true);
    // the reference after the full stop that closes the quoted phrase, joined to it (U+2060: no line starts with it)
    expect(html).toContain('中美关系正处在一个<mark class="quote" data-notes="2">新的十字路口</mark>。\u2060<sup class="noteref"><a href="#fn-2" id="fnref-2" class="noteref" epub:type="noteref" role="doc-noteref">2</a></sup>');
    expect(html).toMatch(/<aside id="fn-2" class="footnote" epub:type="footnote" role="doc-footnote"><p><a href="#fnref-2" class="fn-no">2<\/a> 一个<strong>比喻<\/strong>。<\/p><\/aside>$/);
  });

  it('handout: side note floated right after the quote, end notes only referenced', () => {
    const notes = numberNotes(ann.anchored, selectQuestions(book, ['2021']));
    const answer = book.events[1]!.turns[2]!;
    const side = turnHtml(answer, [handoutTransform(notes, () => 'side')]);
    expect(side).toMatch(/<mark class="quote" data-notes="2">新的十字路口<\/mark>。\u2060<sup class="noteref"><a href="#sn-2" id="ref-2">2<\/a><\/sup><span class="side-note" id="sn-2"><a href="#ref-2" class="sn-link"><span class="nb-p"><span class="sn-no">2<\/span>一个<strong>比喻<\/strong>。<\/span><\/a><\/span>/);
    const end = turnHtml(answer, [handoutTransform(notes, () => 'end')]);
    expect(end).toContain('</mark>。\u2060<sup class="noteref"><a href="#en-2" id="ref-2">2</a></sup>');
    expect(end).not.toContain('side-note');
  });

  it('overlapping quotes become adjacent marks, each reference after its own quote', () => {
    const p = h('p', '甲乙丙丁戊');
    markRanges(p, [
      { start: 0, end: 3, n: 1 },
      { start: 2, end: 5, n: 2 },
    ], (n) => [h('sup', String(n))]);
    expect(toHtml(p)).toBe('<p><mark class="quote" data-notes="1">甲乙</mark><mark class="quote" data-notes="1 2">丙</mark>\u2060<sup>1</sup><mark class="quote" data-notes="2">丁戊</mark>\u2060<sup>2</sup></p>');
  });
});

describe('selectors on event-scoped ids, follow-ups and several events a day', () => {
  // three events in 2019 (two on 12 March, one in July) and one in 2021
  const b2: Book = { ...book, events: [richEvent('2019-07-02'), richEvent('2019-03-12b', '2019-03-12'), richEvent('2019-03-12'), richEvent('2021-03-07')] };
  const sel = (s: string[]) => selectQuestions(b2, s).map((x) => x.question.question.id);

  it('year, month, date, event and question ids', () => {
    expect(sel(['2019'])).toEqual(['2019-03-12-01', '2019-03-12-02', '2019-03-12b-01', '2019-03-12b-02', '2019-07-02-01', '2019-07-02-02']);
    // "2019-07" is July 2019, not question 7 of 2019
    expect(sel(['2019-07'])).toEqual(['2019-07-02-01', '2019-07-02-02']);
    expect(sel(['month:2019-3'])).toEqual(['2019-03-12-01', '2019-03-12-02', '2019-03-12b-01', '2019-03-12b-02']);
    // a date: every press conference of that day; an event id: that one
    expect(sel(['2019-03-12'])).toEqual(['2019-03-12-01', '2019-03-12-02', '2019-03-12b-01', '2019-03-12b-02']);
    expect(sel(['2019-03-12b'])).toEqual(['2019-03-12b-01', '2019-03-12b-02']);
    expect(sel(['event:2019-03-12'])).toEqual(['2019-03-12-01', '2019-03-12-02']);
    expect(sel(['2019-03-12b-2'])).toEqual(['2019-03-12b-02']);
  });

  it('a follow-up id selects its question, which brings its follow-ups and their answers', () => {
    const [s, ...rest] = selectQuestions(b2, ['2021-03-07-01-f2']);
    expect(rest).toEqual([]);
    expect(s!.question.question.id).toBe('2021-03-07-01');
    expect(s!.followups.map((f) => f.question.id)).toEqual(['2021-03-07-01-f1', '2021-03-07-01-f2']);
    expect(s!.answers.map((t) => t.kind)).toEqual(['answer', 'interjection', 'answer', 'followup', 'answer', 'narration', 'followup', 'answer']);
    expect(s!.answers.at(-1)!.paragraphs).toEqual(['我没有可以提供的信息。']);
    // the last question stops before the closing remarks
    const [last] = selectQuestions(b2, ['2021-03-07-02']);
    expect(last!.answers.map((t) => t.kind)).toEqual(['answer']);
    expect(() => selectQuestions(b2, ['2021-03-07-01-f3'])).toThrow(/matches no question/);
  });

  it('outlet, topic and text look into follow-ups too', () => {
    expect(sel(['outlet:彭博社&2021'])).toEqual(['2021-03-07-01']);
    expect(sel(['text:时间表&2021'])).toEqual(['2021-03-07-01']);
  });

  it('rejects the old year-scoped ids with the ids they may now stand for', () => {
    expect(() => sel(['2019-13'])).toThrow(/"2019-13" is a year-scoped question id of an earlier pressbook/);
    const one: Book = { ...book, events: [richEvent('2021-03-07')] };
    expect(() => selectQuestions(one, ['2021-02'])).toThrow(/selector "2021-02" matches no question \(it means the month 2021-02; 2021 has questions in 2021-03; question 2 of 2021 is now 2021-03-07-02\)/);
    const many = Array.from({ length: 17 }, () => ({ kind: 'question' as const, paragraphs: ['问？'], question: { id: '', seq: 0, label: '', outlet: '', title: '', topics: [] } }));
    const big = richEvent('2021-03-07');
    big.turns.push(...many);
    assignIds(big);
    expect(() => selectQuestions({ ...book, events: [big] }, ['2021-17'])).toThrow(/question 17 of 2021 is 2021-03-07-17/);
  });
});

describe('notes on follow-ups and old ids', () => {
  const b2: Book = { ...book, events: [richEvent('2021-03-07')] };
  const entries = parseNotes(
    ['- question: 2021-03-07-01-f2', '  quote: 时间表', '  note: 追问里的引文', '- question: 2021-03-07-01', '  quote: 请你向美方询问', '  note: 追问的回答', '- question: 2021-02', '  quote: 气候', '  note: 旧编号'].join('\n'),
    'n.yaml',
  );
  // anchored inside each test, not at collection: a crash there must fail a test (mutation testing counts failed tests)
  const anchor = () => anchorNotes(b2, entries);
  it('anchors a note in a follow-up (as question text) and in a follow-up answer', () => {
    const { anchored } = anchor();
    expect(anchored.map((x) => [x.entry.line, x.inQuestion, x.turn.kind, x.question.question.id])).toEqual([
      [1, true, 'followup', '2021-03-07-01'],
      [4, false, 'answer', '2021-03-07-01'],
    ]);
  });
  it('an old year-scoped id is a stale note naming the new id', () => {
    const { stale } = anchor();
    expect(stale.map(staleMessage)).toEqual([expect.stringMatching(/^n\.yaml:7: stale note: question 2021-02 is a year-scoped id .*question 2 of 2021: 2021-03-07-02/)]);
  });
});
