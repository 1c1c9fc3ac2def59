/** Synthetic events for the tests of every output: all turn kinds, many events, several on one date. */
import type { PressEvent } from '../../src/model/types.js';
import { assignIds } from '../../src/model/ids.js';

/** An event with every turn kind: announcement, questions with follow-ups, interjections, narration. */
export function richEvent(id = '2021-03-07', date = id.slice(0, 10)): PressEvent {
  const q = (kind: 'question' | 'followup', label: string, text: string) => ({
    kind,
    paragraphs: [text],
    question: { id: '', seq: 0, label: label + '记者', outlet: label, title: text.slice(0, 8), topics: ['中美'] },
  });
  const ev: PressEvent = {
    meta: { id, date, year: Number(date.slice(0, 4)), title: '例行记者会', language: 'zh-CN', sources: [] },
    highlights: [],
    turns: [
      { kind: 'opening', speaker: '华春莹', paragraphs: ['女士们，先生们，下午好。'] },
      { kind: 'announcement', speaker: '华春莹', paragraphs: ['发言人宣布：应邀，某国外长将访华。', '访问期间双方将会谈。'] },
      q('question', '路透社', '请问中方对此有何评论？'),
      { kind: 'answer', speaker: '华春莹', paragraphs: ['我们已经多次阐明立场。'] },
      { kind: 'interjection', speaker: '记者', paragraphs: ['（记者：那么具体时间呢？）'] },
      { kind: 'answer', speaker: '华春莹', paragraphs: ['具体时间我们会适时发布。'] },
      q('followup', '路透社', '追问：美方会参加吗？'),
      { kind: 'answer', speaker: '华春莹', paragraphs: ['请你向美方询问。'] },
      { kind: 'narration', paragraphs: ['（记者笑）'] },
      q('followup', '彭博社', '还有一个问题：时间表是什么？'),
      { kind: 'answer', speaker: '华春莹', paragraphs: ['我没有可以提供的信息。'] },
      q('question', '法新社', '第二个问题：关于气候变化？'),
      { kind: 'answer', speaker: '华春莹', paragraphs: ['中方言必信、行必果。'] },
      { kind: 'closing', speaker: '华春莹', paragraphs: ['今天的记者会到此结束。'] },
    ],
  };
  assignIds(ev);
  return ev;
}


/**
 * A year of press conferences: `n` events on different dates of 2019 plus a second event on the
 * first date ("2019-01-04b"), each with every turn kind and text unique to the event (so that a
 * paragraph found in an output can only come from one place).
 */
export function yearOfEvents(n = 20): PressEvent[] {
  const dates = Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2019, 0, 4 + i * 17));
    return d.toISOString().slice(0, 10);
  });
  const events = [...dates.map((d) => richEvent(d)), richEvent(`${dates[0]}b`, dates[0])];
  for (const ev of events) {
    const tag = `（${ev.meta.id}）`;
    ev.meta.title = `外交部发言人例行记者会${tag}`;
    for (const t of ev.turns) t.paragraphs = t.paragraphs.map((p, i) => `${p}${tag}${i ? '续' : ''}`);
  }
  return events;
}

/** Every paragraph of every turn, with its kind: what each output must show. */
export function allParagraphs(events: PressEvent[]): { kind: string; id: string; text: string }[] {
  return events.flatMap((e) => e.turns.flatMap((t) => t.paragraphs.map((text) => ({ kind: t.kind, id: e.meta.id, text }))));
}
