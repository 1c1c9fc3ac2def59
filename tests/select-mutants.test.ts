/**
 * The selectors across paired editions (src/select.ts with src/align), written against the mutants
 * StrykerJS left alive or uncovered in the third session: a question's translation (the aligned
 * turns of the other edition, unaligned turns left out), a pair naming an event that is not in the
 * book, pairing only in a book of two languages (stored pairs, else paired now), and `text:` through
 * the translation with Latin letters in any case. Pure unit tests (no browser); in
 * vitest.mutation.config.ts. Survivors judged equivalent: docs/mutation.md, src/select.ts section.
 */
import { describe, expect, it } from 'vitest';
import type { AlignedPair, AlignedTurn, Book, PressEvent, Turn, TurnKind } from '../src/model/types.js';
import type { BookConfig } from '../src/config/schema.js';
import { bookTranslations, questionsWithAnswers, selectQuestions } from '../src/select.js';
import { assignIds } from '../src/model/ids.js';

const config = { title: 't', language: 'zh-CN', root: '/x', file: '/x/pressbook.yaml', annotations: { pdf: false, epub: false } } as unknown as BookConfig;

const turn = (kind: TurnKind, text: string): Turn =>
  kind === 'question' || kind === 'followup'
    ? { kind, paragraphs: [text], question: { id: '', seq: 0, label: '记者', outlet: '', title: text, topics: [] } }
    : { kind, paragraphs: [text] };

function ev(id: string, language: string, turns: [TurnKind, string][], date = id.slice(0, 10)): PressEvent {
  const e: PressEvent = { meta: { id, date, year: Number(date.slice(0, 4)), title: 't', language, sources: [] }, turns: turns.map(([k, s]) => turn(k, s)), highlights: [] };
  assignIds(e);
  return e;
}

// the Chinese and the English edition of one press conference; the English one has a question the
// Chinese lacks, the Chinese an answer paragraph and a last question the English lacks
const zh = () =>
  ev('2018-09-05', 'zh-CN', [
    ['opening', '大家好。'], //                 0
    ['question', '关于台湾问题？'], //           1  Q1
    ['answer', '台湾是中国的一部分。'], //       2
    ['followup', '追问？'], //                  3
    ['answer', '答追问。'], //                  4
    ['question', '第二个问题？'], //             5  Q2
    ['answer', '没有翻译的一段。'], //           6  (unaligned)
    ['answer', '第二个回答。'], //               7
    ['question', '第三个问题？'], //             8  Q3 (unaligned, with its answer)
    ['answer', '第三个回答。'], //               9
    ['narration', '（记者会结束）'], //          10 closing narration
  ]);
const en = () =>
  ev('2018-09-05b', 'en', [
    ['opening', 'Good afternoon.'], //                          0
    ['question', 'On Taiwan?'], //                              1  Q1
    ['answer', 'Taiwan is part of China.'], //                  2
    ['followup', 'A follow-up?'], //                            3
    ['answer', 'The answer to it.'], //                         4
    ['question', 'A second question?'], //                      5  Q2
    ['answer', 'A second answer.'], //                          6
    ['question', 'One more, about TAIWAN and the region?'], //  7  Q3 (unaligned, with its answer)
    ['answer', 'No comment.'], //                               8
  ]);
const beads: AlignedTurn[] = [
  { source: 0, target: 0 },
  { source: 1, target: 1 },
  { source: 2, target: 2 },
  { source: 3, target: 3 },
  { source: 4, target: 4 },
  { source: 5, target: 5 },
  { source: 6 },
  { source: 7, target: 6 },
  { target: 7 },
  { target: 8 },
  { source: 8 },
  { source: 9 },
  { source: 10 },
];
const pair = (source: string, target: string, turns = beads): AlignedPair => ({
  source,
  target,
  sourceLanguage: 'zh-CN',
  targetLanguage: 'en',
  evidence: 'same date',
  turns,
  unaligned: turns.filter((b) => b.source === undefined || b.target === undefined).length,
});

const ids = (b: Book, sel: string[]) => selectQuestions(b, sel).map((s) => s.question.question.id);
const texts = (ts: Turn[] | undefined) => ts?.map((t) => t.paragraphs[0]);

describe('a question of a paired edition carries its translation', () => {
  const book = (): Book => {
    const z = zh();
    const e = en();
    return { config, events: [z, e], translations: [pair(z.meta.id, e.meta.id)] };
  };

  it('the aligned turns of its span, in order, from the other edition; both directions', () => {
    const b = book();
    const [z, e] = b.events as [PressEvent, PressEvent];
    const all = questionsWithAnswers(b);
    expect(all.map((q) => q.question.question.id)).toEqual(['2018-09-05-01', '2018-09-05-02', '2018-09-05-03', '2018-09-05b-01', '2018-09-05b-02', '2018-09-05b-03']);
    const [z1, z2, z3, e1, e2, e3] = all;
    // Q1 (with its follow-up): the four English turns, the very objects of the English event
    expect(z1!.translation?.event).toBe(e);
    expect(z1!.translation?.turns).toEqual(e.turns.slice(1, 5));
    expect(z1!.translation!.turns[0]).toBe(e.turns[1]);
    // Q2: the Chinese paragraph without a counterpart is left out, nothing of Q1 or Q3 comes in
    expect(texts(z2!.translation?.turns)).toEqual(['A second question?', 'A second answer.']);
    // a question with no aligned turn has no translation (and the closing narration is not in its span)
    expect(z3!.translation).toBeUndefined();
    expect(texts(z3!.answers)).toEqual(['第三个回答。']);
    // from the English side
    expect(e1!.translation?.event).toBe(z);
    expect(texts(e1!.translation?.turns)).toEqual(['关于台湾问题？', '台湾是中国的一部分。', '追问？', '答追问。']);
    expect(texts(e2!.translation?.turns)).toEqual(['第二个问题？', '第二个回答。']);
    expect(e3!.translation).toBeUndefined();
  });

  it('text: searches the translation too, any of its turns, Latin letters in any case', () => {
    const b = book();
    for (const v of ['taiwan', 'Taiwan', 'TAIWAN', 'tAIWAn'])
      // zh Q1 through its translation; en Q1 itself; en Q3 ("TAIWAN") itself; not zh Q2/Q3 or en Q2
      expect(ids(b, [`text:${v}`]), v).toEqual(['2018-09-05-01', '2018-09-05b-01', '2018-09-05b-03']);
    // one turn of the translation is enough (the question of Q2 does not contain it, its answer does)
    expect(ids(b, ['text:第二个回答'])).toEqual(['2018-09-05-02', '2018-09-05b-02']);
    expect(ids(b, ['text:SECOND ANSWER'])).toEqual(['2018-09-05-02', '2018-09-05b-02']);
    // an unaligned turn is not searched as a translation: only its own question finds it
    expect(ids(b, ['text:没有翻译'])).toEqual(['2018-09-05-02']);
    expect(ids(b, ['text:no comment'])).toEqual(['2018-09-05b-03']);
  });

  it('a pair naming an event that is not in the book is ignored, either side', () => {
    const z = zh();
    const e = en();
    const other = ev('2018-09-06', 'zh-CN', [['question', '另一天的问题？'], ['answer', '答。']]);
    const lone = ev('2018-09-07b', 'en', [['question', 'A question of another day?'], ['answer', 'Yes.']]);
    const b: Book = {
      config,
      events: [z, e, other, lone],
      translations: [pair('2018-09-06', '2018-09-06b', [{ source: 0, target: 0 }, { source: 1, target: 1 }]), pair(z.meta.id, e.meta.id), pair('2018-09-07', '2018-09-07b', [{ source: 0, target: 0 }, { source: 1, target: 1 }])],
    };
    const all = questionsWithAnswers(b);
    const byId = new Map(all.map((q) => [q.question.question.id, q]));
    expect(byId.get('2018-09-06-01')!.translation).toBeUndefined();
    expect(byId.get('2018-09-07b-01')!.translation).toBeUndefined();
    expect(texts(byId.get('2018-09-05-01')!.translation?.turns)).toEqual(['On Taiwan?', 'Taiwan is part of China.', 'A follow-up?', 'The answer to it.']);
    expect(ids(b, ['text:另一天'])).toEqual(['2018-09-06-01']);
  });
});

describe('pairing only in a book of two languages', () => {
  it('one language: no pairs, even when pairs are stored, and no translation', () => {
    const a = zh();
    const c = ev('2018-09-05b', 'zh-CN', en().turns.map((t) => [t.kind, t.paragraphs[0]!] as [TurnKind, string]));
    const b: Book = { config, events: [a, c], translations: [pair(a.meta.id, c.meta.id)] };
    expect(bookTranslations(b)).toEqual([]);
    expect(questionsWithAnswers(b).every((q) => q.translation === undefined)).toBe(true);
    expect(() => ids(b, ['text:第二个回答'])).not.toThrow();
    expect(ids(b, ['text:第二个回答'])).toEqual(['2018-09-05-02']);
    expect(bookTranslations({ config, events: [a] })).toEqual([]);
  });

  it('two languages: the stored pairs as they are', () => {
    const z = zh();
    const e = en();
    const stored = [pair(z.meta.id, e.meta.id)];
    expect(bookTranslations({ config, events: [z, e], translations: stored })).toBe(stored);
  });

  it('two languages, nothing stored: paired now (same date, one edition each)', () => {
    const z = zh();
    const e = en();
    const b: Book = { config, events: [z, e] };
    const pairs = bookTranslations(b);
    expect(pairs.map((p) => [p.source, p.target])).toEqual([['2018-09-05', '2018-09-05b']]);
    const [z1] = questionsWithAnswers(b);
    expect(z1!.translation?.event).toBe(e);
    for (const t of z1!.translation!.turns) expect(e.turns).toContain(t);
  });
});
