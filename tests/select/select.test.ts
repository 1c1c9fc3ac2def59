/**
 * The selectors of src/select.ts, edge by edge (written against the mutants StrykerJS left alive):
 * the span of a question, prefixes and kinds, whitespace and anchoring of every pattern, month
 * bounds, follow-up ids, and the hints of the error messages.
 */
import { describe, expect, it } from 'vitest';
import type { Book, PressEvent, Turn } from '../../src/model/types.js';
import type { BookConfig } from '../../src/config/schema.js';
import { parseSelector, questionsWithAnswers, selectQuestions } from '../../src/select.js';
import { assignIds } from '../../src/model/ids.js';
import { richEvent } from '../helpers/events.js';

const config = { title: 't', language: 'zh-CN', root: '/x', file: '/x/pressbook.yaml', annotations: { pdf: false, epub: false } } as unknown as BookConfig;
const bookOf = (...events: PressEvent[]): Book => ({ config, events });
const ids = (b: Book, sel: string[], order?: 'given' | 'chronological') => selectQuestions(b, sel, order).map((s) => s.question.question.id);

const Q = (text: string, outlet = '路透社', topics: string[] = []): Turn => ({ kind: 'question', paragraphs: [text], question: { id: '', seq: 0, label: outlet + '记者', outlet, title: text, topics } });
const A = (text: string): Turn => ({ kind: 'answer', speaker: '发言人', paragraphs: [text] });
function ev(id: string, turns: Turn[], date = id.slice(0, 10)): PressEvent {
  const e: PressEvent = { meta: { id, date, year: Number(date.slice(0, 4)), title: 't', language: 'zh-CN', sources: [] }, turns, highlights: [] };
  assignIds(e);
  return e;
}

describe('the span of a question', () => {
  it('a question as the last turn has no answers; one followed by a question ends there', () => {
    const b = bookOf(ev('2020-01-02', [A('开场。'), Q('甲？'), A('答甲。'), Q('乙？')]));
    const all = questionsWithAnswers(b);
    expect(all.map((q) => q.question.question.id)).toEqual(['2020-01-02-01', '2020-01-02-02']);
    expect(all.map((q) => q.answers.map((t) => t.paragraphs[0]))).toEqual([['答甲。'], []]);
    expect(all[0]!.event.meta.id).toBe('2020-01-02');
    expect(all[0]!.question.paragraphs).toEqual(['甲？']);
  });

  it('narration right after the question stays in it; narration closing the span does not', () => {
    const n = (s: string): Turn => ({ kind: 'narration', paragraphs: [s] });
    const b = bookOf(ev('2020-01-02', [Q('甲？'), n('（插话）'), A('答。'), n('（笑）'), n('（散会）'), Q('乙？'), n('（只有旁白）')]));
    const [a, c] = questionsWithAnswers(b);
    expect(a!.answers.map((t) => t.paragraphs[0])).toEqual(['（插话）', '答。']);
    // a question followed by narration only keeps none of it (the span shrinks back to the question)
    expect(c!.answers).toEqual([]);
  });

  it('follow-ups are the followup turns among the answers, nothing else', () => {
    const [q1, q2] = questionsWithAnswers(bookOf(richEvent('2021-03-07')));
    expect(q1!.followups.map((f) => f.kind)).toEqual(['followup', 'followup']);
    expect(q1!.followups.map((f) => f.question.id)).toEqual(['2021-03-07-01-f1', '2021-03-07-01-f2']);
    expect(q2!.followups).toEqual([]);
    // a followup turn without question info is not a follow-up
    const e = richEvent('2021-03-07');
    const fu = e.turns.find((t) => t.kind === 'followup')!;
    delete fu.question;
    expect(questionsWithAnswers(bookOf(e))[0]!.followups.map((f) => f.question.id)).toEqual(['2021-03-07-01-f2']);
  });

  it('lists events by date, then id, whatever their order in the book', () => {
    const b = bookOf(ev('2020-05-01', [Q('丙？')]), ev('2020-01-02b', [Q('乙？')], '2020-01-02'), ev('2020-01-02', [Q('甲？')]));
    expect(questionsWithAnswers(b).map((q) => q.question.question.id)).toEqual(['2020-01-02-01', '2020-01-02b-01', '2020-05-01-01']);
  });
});

describe('selector patterns: whole value only, kinds honoured', () => {
  const b = bookOf(
    ev('2020-01-02', [Q('一月的问题？', '路透社', ['中美']), A('一月的回答。'), Q('第二问？', '法新社'), A('答。')]),
    ev('2020-12-30', [Q('十二月的问题？', '美联社', ['中俄']), A('十二月的回答。')]),
    ev('2020-12-30b', [Q('同日第二场？', '美联社')], '2020-12-30'),
  );
  it('ids: with and without padding, a kind prefix, spaces around; nothing before or after', () => {
    expect(ids(b, ['2020-01-02-2'])).toEqual(['2020-01-02-02']);
    expect(ids(b, ['id:2020-01-02-01'])).toEqual(['2020-01-02-01']);
    expect(ids(b, ['  2020-01-02-01  '])).toEqual(['2020-01-02-01']);
    expect(() => ids(b, ['x2020-01-02-01'])).toThrow(/not understood/);
    expect(() => ids(b, ['2020-01-02-01x'])).toThrow(/not understood/);
    expect(() => ids(b, ['year:2020-01-02-01'])).toThrow(/not understood/);
  });
  it('a follow-up id selects its question only when that follow-up exists', () => {
    const r = bookOf(richEvent('2021-03-07'));
    expect(ids(r, ['2021-03-07-01-f1'])).toEqual(['2021-03-07-01']);
    expect(ids(r, ['2021-03-07-1-f02'])).toEqual(['2021-03-07-01']);
    expect(() => ids(r, ['2021-03-07-02-f1'])).toThrow(/matches no question/);
    expect(() => ids(r, ['2021-03-07-01-f1x'])).toThrow(/not understood/);
  });
  it('years and months: kinds, bounds 1–12, whole value', () => {
    expect(ids(b, ['year:2020'])).toHaveLength(4);
    expect(() => ids(b, ['month:2020'])).toThrow(/not understood/);
    expect(() => ids(b, ['20201'])).toThrow(/not understood/);
    expect(ids(b, ['2020-12'])).toEqual(['2020-12-30-01', '2020-12-30b-01']);
    expect(ids(b, ['month:2020-1'])).toEqual(['2020-01-02-01', '2020-01-02-02']);
    // month 13 and month 0 are not months: read as old year-scoped question ids
    expect(() => ids(b, ['2020-13'])).toThrow(/year-scoped question id/);
    expect(() => ids(b, ['2020-0'])).toThrow(/year-scoped question id/);
    expect(() => ids(b, ['x2020-12'])).toThrow(/not understood/);
    expect(() => ids(b, ['date:2020-12'])).toThrow(/not understood/);
    expect(() => ids(b, ['year:2020-12'])).toThrow(/not understood/);
  });
  it('dates and events: a date takes every event of the day, an event id one event', () => {
    expect(ids(b, ['date:2020-12-30'])).toEqual(['2020-12-30-01', '2020-12-30b-01']);
    expect(ids(b, ['event:2020-12-30b'])).toEqual(['2020-12-30b-01']);
    expect(ids(b, ['2020-12-30b'])).toEqual(['2020-12-30b-01']);
    expect(() => ids(b, ['date:2020-12-30b'])).toThrow(/not understood/);
    expect(() => ids(b, ['month:2020-12-30'])).toThrow(/not understood/);
    expect(() => ids(b, ['2020-12-30x1'])).toThrow(/not understood/);
  });
  it('outlet matches outlet or label, topic every exact topic, text the question or an answer', () => {
    const lbl: Book = bookOf(ev('2020-02-02', [{ kind: 'question', paragraphs: ['问？'], question: { id: '', seq: 0, label: '一位外国记者', outlet: '', title: '问？', topics: [] } }]));
    expect(ids(lbl, ['outlet:外国'])).toEqual(['2020-02-02-01']);
    expect(ids(b, ['outlet:法新社'])).toEqual(['2020-01-02-02']);
    expect(() => ids(b, ['topic:中'])).toThrow(/matches no question/);
    expect(ids(b, ['text:十二月的回答'])).toEqual(['2020-12-30-01']);
    expect(ids(b, ['text:一月的问题'])).toEqual(['2020-01-02-01']);
  });
  it('a follow-up\'s outlet or topic selects its question; every part of & must hold', () => {
    const r = bookOf(richEvent('2021-03-07'));
    expect(ids(r, ['outlet:彭博社'])).toEqual(['2021-03-07-01']);
    expect(ids(r, ['topic:中美'])).toEqual(['2021-03-07-01', '2021-03-07-02']);
    expect(ids(b, ['outlet:美联社 & 2020-12-30'])).toEqual(['2020-12-30-01', '2020-12-30b-01']);
    expect(() => ids(b, ['outlet:美联社&2020-01'])).toThrow(/matches no question/);
    expect(ids(b, ['&2020-01-02-01&'])).toEqual(['2020-01-02-01']);
  });
  it('empty and valueless selectors are errors that say so', () => {
    expect(() => parseSelector(' & ')).toThrow(/selector " & " is empty/);
    expect(() => parseSelector('topic: ')).toThrow(/selector "topic: ": "topic:" needs a value/);
    expect(() => parseSelector('Topic:中美')).toThrow(/not understood/);
  });
});

describe('error hints', () => {
  const b = bookOf(
    ev('2020-01-02', [Q('甲？', '路透社', ['中美', '乌克兰']), Q('乙？', '法新社', ['中俄'])]),
    ev('2021-03-07', [Q('丙？', '美联社')]),
  );
  const err = (sel: string[]) => {
    try {
      selectQuestions(b, sel);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('no error');
  };
  it('topic: lists the topics of the book, sorted, once each', () => {
    expect(err(['2020&topic:气候'])).toBe('selector "2020&topic:气候" matches no question (topics in this book: 中俄, 中美, 乌克兰)');
  });
  it('outlet: lists the outlets', () => {
    expect(err(['outlet:新华社'])).toBe('selector "outlet:新华社" matches no question (outlets include: 路透社, 法新社, 美联社)');
    const many = bookOf(ev('2020-01-02', Array.from({ length: 22 }, (_, i) => Q(`问${i}？`, `媒体${i}`))));
    expect(() => selectQuestions(many, ['outlet:新华社'])).toThrow(/outlets include: 媒体0, 媒体1, .*媒体19, …\)$/);
  });
  it('a month: what it means, the months of that year, the old question it may have meant', () => {
    expect(err(['2021-02'])).toBe('selector "2021-02" matches no question (it means the month 2021-02; 2021 has questions in 2021-03)');
    expect(err(['month:2020-2'])).toBe('selector "month:2020-2" matches no question (it means the month 2020-02; 2020 has questions in 2020-01; question 2 of 2020 is now 2020-01-02-02)');
    expect(err(['2019-05'])).toBe('selector "2019-05" matches no question (it means the month 2019-05)');
  });
  it('otherwise: the range of ids; several empty selectors each on its line', () => {
    expect(err(['text:无'])).toBe('selector "text:无" matches no question (question ids run 2020-01-02-01 … 2021-03-07-01)');
    expect(err(['text:无', '2022', '2020-01-02-01'])).toBe(
      'selector "text:无" matches no question (question ids run 2020-01-02-01 … 2021-03-07-01)\nselector "2022" matches no question (question ids run 2020-01-02-01 … 2021-03-07-01)',
    );
    expect(() => selectQuestions(bookOf(), ['text:无'])).toThrow(/^selector "text:无" matches no question$/);
  });
  it('an old year-scoped id: names the question it is now, or the candidates', () => {
    expect(err(['2020-200'])).toBe(
      'selector "2020-200": "2020-200" is a year-scoped question id of an earlier pressbook; questions are now numbered within their press conference (event date, then number: 2021-03-07-17)',
    );
    expect(err(['id:2020-13'])).toMatch(/"2020-13" is a year-scoped question id .*2021-03-07-17\)$/);
    const two = bookOf(ev('2020-01-02', [Q('甲？')]), ev('2020-02-02', [Q('乙？')]));
    expect(() => selectQuestions(two, ['2020-101'])).toThrow(/year-scoped/);
    expect(() => selectQuestions(two, ['id:2020-001'])).toThrow(/— question 1 of 2020 is one of 2020-01-02-01, 2020-02-02-01$/);
  });
});

describe('mutants left by the first mutation run', () => {
  const n3 = (id: string) => ev(id, [Q(`${id}甲？`, '路透社'), Q(`${id}乙？`, '法新社'), Q(`${id}丙？`, '美联社')]);
  const b = bookOf(n3('2020-01-02'), n3('2020-02-02'));
  const err = (sel: string[], book = b) => {
    try {
      selectQuestions(book, sel);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('no error');
  };
  it('text: never matches across two paragraphs', () => {
    const two = bookOf(ev('2020-01-02', [Q('问？'), { kind: 'answer', paragraphs: ['甲乙', '丙丁'] }]));
    expect(ids(two, ['text:乙\n丙'])).toEqual(['2020-01-02-01']);
    expect(() => ids(two, ['text:乙丙'])).toThrow(/matches no question/);
  });
  it('an announcement or an opening after the answers ends the question', () => {
    const e = ev('2020-01-02', [Q('问？'), A('答。'), { kind: 'announcement', paragraphs: ['宣布。'] }, { kind: 'opening', paragraphs: ['开场。'] }, Q('再问？'), A('再答。'), { kind: 'opening', paragraphs: ['又开场。'] }]);
    expect(questionsWithAnswers(bookOf(e)).map((q) => q.answers.map((t) => t.paragraphs[0]))).toEqual([['答。'], ['再答。']]);
  });
  it('an old year-scoped id without the book at hand: the plain message', () => {
    expect(() => parseSelector('2021-17')).toThrow(/\(event date, then number: 2021-03-07-17\)$/);
  });
  it('kinds are read at the start only, values trimmed', () => {
    expect(() => parseSelector('1text:甲')).toThrow(/not understood/);
    const t = bookOf(ev('2020-01-02', [Q('问？', '路透社', ['中美'])]));
    expect(ids(t, ['topic:  中美 '])).toEqual(['2020-01-02-01']);
    expect(() => ids(t, ['x2020-01-02'])).toThrow(/not understood/);
  });
  it('topic: a topic of the question alone is enough (its follow-ups may lack it)', () => {
    const e = ev('2020-01-02', [Q('问？', '路透社', ['中美']), { kind: 'followup', paragraphs: ['追问？'], question: { id: '', seq: 0, label: '记者', outlet: '', title: '追问？', topics: [] } }]);
    expect(ids(bookOf(e), ['topic:中美'])).toEqual(['2020-01-02-01']);
  });
  it('hints after spaces following &; twenty outlets listed without an ellipsis', () => {
    expect(err(['2020&  topic:气候'])).toBe('selector "2020&  topic:气候" matches no question (topics in this book: )');
    expect(err(['2020&  outlet:新华社'])).toMatch(/\(outlets include: 路透社, 法新社, 美联社\)$/);
    const twenty = bookOf(ev('2020-01-02', Array.from({ length: 20 }, (_, i) => Q(`问${i}？`, `媒体${i}`))));
    expect(err(['outlet:新华社'], twenty)).toMatch(/媒体19\)$/);
  });
  it('the month hint: only for a whole month selector; months and candidates listed', () => {
    expect(err(['2020-03'])).toBe('selector "2020-03" matches no question (it means the month 2020-03; 2020 has questions in 2020-01, 2020-02; question 3 of 2020 is now 2020-01-02-03 or 2020-02-02-03)');
    for (const sel of ['text:2020-03', '2020&2020-03', '2020-03&text:无']) expect(err([sel])).toMatch(/\(question ids run 2020-01-02-01 … 2020-02-02-03\)$/);
  });
  it('sorts chronologically by default and never repeats a question', () => {
    expect(ids(b, ['2020-02-02-01', '2020-01-02-03'])).toEqual(['2020-01-02-03', '2020-02-02-01']);
    expect(ids(b, ['2020-01-02-02', '2020-01'], 'given')).toEqual(['2020-01-02-02', '2020-01-02-01', '2020-01-02-03']);
  });
});
