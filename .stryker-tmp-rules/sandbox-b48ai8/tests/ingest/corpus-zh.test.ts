/**
 * Turn grammars, dates and event grouping on real ministry pages (tests/fixtures/corpus/zh, copied
 * from the development corpus with their original names). The page's own <title> and time element
 * are read here the simple way, as the HTML extraction gives them to processText.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractHtml } from '../../src/ingest/html.js';
import { processText, type ProcessedSource } from '../../src/ingest/index.js';
import { groupEvents } from '../../src/ingest/group.js';
import { followUpsOf, questionsOf, type PressEvent, type Turn } from '../../src/model/types.js';

const DIR = 'tests/fixtures/corpus/zh/';

function page(name: string, opts: { title?: boolean } = {}): ProcessedSource {
  const html = readFileSync(DIR + name, 'utf8');
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.replace(/\s*—.*$/, '').trim();
  return processText(html, name, { lines: extractHtml(html, name).lines, title: opts.title === false ? undefined : title });
}
/** the page's publication date (the time element), as the sources side gives it */
function pageDate(name: string): string | undefined {
  return /id="News_Body_Time">\s*(\d{4}-\d{2}-\d{2})/.exec(readFileSync(DIR + name, 'utf8'))?.[1];
}
const kinds = (p: ProcessedSource) => p.turns.map((t) => t.kind);
const count = (p: ProcessedSource, k: Turn['kind']) => p.turns.filter((t) => t.kind === k).length;
const text = (t: Turn) => t.paragraphs.join('\n');

describe('turn grammars on ministry pages', () => {
  it('reads 问：/答：/追问： with unlabelled answers to follow-ups (2017-01-05)', () => {
    const p = page('2017-01-05.html');
    expect(p.kind).toBe('transcript');
    expect(count(p, 'question')).toBe(7);
    expect(count(p, 'followup')).toBe(2);
    expect(p.meta.date).toBe('2017-01-05');
    expect(p.meta.speaker).toBe('耿爽');
    // every follow-up is answered, by the event's speaker, and belongs to the question before it
    p.turns.forEach((t, i) => {
      if (t.kind !== 'followup') return;
      expect(p.turns[i + 1]!.kind).toBe('answer');
      expect(p.turns[i + 1]!.speaker).toBe('耿爽');
      expect(t.question!.parent).toMatch(/^2017-01-05-\d\d$/);
      expect(t.question!.id).toBe(`${t.question!.parent}-f1`);
    });
    const f = p.turns.find((t) => t.kind === 'followup')!;
    expect(text(f)).toMatch(/^印国务部长称/);
    expect(p.turns[p.turns.indexOf(f) + 1]!.paragraphs[0]).toMatch(/^\s*正如我刚才所说/);
    // labels are not printed in the text
    for (const t of p.turns) for (const para of t.paragraphs) expect(para).not.toMatch(/^[\s\u3000]*(?:问|答|追问)：/);
    expect(p.report.damaged).toBe(false);
  });

  it('keeps the announcement before the first question as its own block (2017-01-03)', () => {
    const p = page('2017-01-03.html');
    expect(kinds(p)[0]).toBe('announcement');
    expect(p.turns[0]!.speaker).toBe('耿爽');
    expect(text(p.turns[0]!)).toMatch(/应马达加斯加共和国外长/);
    expect(count(p, 'question')).toBe(16);
    expect(count(p, 'followup')).toBe(1);
  });

  it('keeps interjections and stage directions in place, the answer going on after them (2017-06-21)', () => {
    const p = page('2017-06-21.html');
    expect(count(p, 'question')).toBe(11);
    // "（记者：日本媒体。…）" is an interjection, not a question nor a follow-up
    expect(count(p, 'followup')).toBe(2);
    const i = p.turns.findIndex((t) => t.kind === 'interjection');
    expect(text(p.turns[i]!)).toMatch(/^\s*（记者：日本媒体。目前有没有相关计划？）\s*$/);
    expect(p.turns[i - 1]!.kind).toBe('answer');
    expect(p.turns[i + 1]!.kind).toBe('answer');
    expect(p.turns[i + 1]!.speaker).toBe('耿爽');
    expect(text(p.turns[i + 1]!)).toMatch(/^\s*目前我没有关于中日韩领导人会议的消息/);
    // the stage direction is kept whole, not removed as cut off, not glued to the next paragraph
    const s = p.turns.findIndex((t) => t.kind === 'narration' && /记者点头/.test(text(t)));
    expect(s).toBeGreaterThan(0);
    expect(text(p.turns[s]!).trim()).toBe('（记者点头）');
    expect(text(p.turns[s + 1]!)).toMatch(/^\s*那好，我可以再重复一遍/);
    expect(p.turns[s + 1]!.kind).toBe('answer');
    expect(p.report.removals.filter((d) => d.rule === 'corruption')).toEqual([]);
    expect(p.report.damaged).toBe(false);
  });

  it('keeps a stage direction that ends an answer paragraph (2017-06-22)', () => {
    const p = page('2017-06-22.html');
    expect(count(p, 'question')).toBe(15);
    expect(count(p, 'interjection')).toBe(1);
    expect(p.turns.some((t) => t.paragraphs.some((x) => /我不掌握你说的情况。（记者笑）/.test(x)))).toBe(true);
    expect(p.report.damaged).toBe(false);
  });

  it('removes separator lines with a report, the notice after them a closing block (2017-02-16, 2018-12-28)', () => {
    for (const [name, sep, notice] of [
      ['2017-02-16.html', /^\*\s*\*\s*\*$/, /^\s*外交部和云南省人民政府将于2月20日/],
      ['2018-12-28.html', /^\*{8}$/, /^\s*根据2019年元旦放假安排/],
    ] as const) {
      const p = page(name);
      const r = p.report.removals.find((d) => d.rule === 'separator')!;
      expect(r.removed).toMatch(sep);
      expect(r.line).toBeGreaterThan(1);
      for (const t of p.turns) for (const para of t.paragraphs) expect(para).not.toMatch(/[*＊]{3}|\* \* \*/);
      const closing = p.turns.filter((t) => t.kind === 'closing');
      expect(closing).toHaveLength(1);
      expect(closing[0]!.paragraphs[0]).toMatch(notice);
    }
    // a date quoted in the closing notice (2019年…) never dates the page
    expect(page('2018-12-28.html').meta.date).toBe('2018-12-28');
    expect(count(page('2018-12-28.html'), 'question')).toBe(4);
    expect(page('2018-12-28.html').meta.speaker).toBe('华春莹');
  });

  it('reads a question asked after the press conference, answered under the speaker\'s name (2018-07-30)', () => {
    const p = page('2018-07-30.html');
    const qs = p.turns.filter((t) => t.kind === 'question');
    expect(qs).toHaveLength(9); // 8 "问：" + "会后有记者问及："
    const last = qs[qs.length - 1]!;
    expect(last.question!.label).toBe('会后有记者问及');
    expect(last.question!.outlet).toBe('');
    const a = p.turns[p.turns.indexOf(last) + 1]!;
    expect(a.kind).toBe('answer');
    expect(a.speaker).toBe('耿爽');
    expect(a.paragraphs[0]).toMatch(/^世界上只有一个中国/);
  });

  it('keeps the speaker\'s counter-questions and the reporter\'s replies inside the answer (2018-09-14, 2018-12-04)', () => {
    const p = page('2018-09-14.html');
    expect(count(p, 'question')).toBe(8);
    expect(count(p, 'followup')).toBe(0);
    const replies = p.turns.filter((t) => t.kind === 'interjection').map(text);
    expect(replies).toEqual(['记者：泰国边界。', '记者：中方。'].map((x) => expect.stringContaining(x)));
    const q = page('2018-12-04.html');
    expect(count(q, 'question')).toBe(8);
    expect(q.turns.filter((t) => t.kind === 'interjection').map(text)).toEqual([expect.stringContaining('记者：莱特希泽先生对中国的立场一贯强硬。')]);
    expect(q.turns[0]!.kind).toBe('announcement');
  });

  it('reads a single 答记者问 statement: speaker from the title, no date from its text (2017-01-01-qa)', () => {
    const p = page('2017-01-01-qa.html');
    expect(count(p, 'question')).toBe(1);
    expect(p.meta.speaker).toBe('华春莹');
    expect(p.turns.find((t) => t.kind === 'answer')!.speaker).toBe('华春莹');
    // "当地时间1月1日凌晨" in the question does not date the page: the page's time element does
    expect(p.meta.date).toBeUndefined();
  });

  it('never dates a page from a date quoted in a turn, with or without a title', () => {
    for (const name of ['2017-01-05.html', '2017-02-24.html', '2018-12-28.html', '2018-12-04.html', '2017-01-01-qa.html']) {
      const p = page(name, { title: false });
      // without the <title>, the only date allowed is the page's own (its title line, when the
      // article extraction keeps it); a date quoted in a turn never
      expect([undefined, pageDate(name)], name).toContain(p.meta.date);
    }
  });

  it('makes a page with only an announcement an announcement of its speaker (2017-10-24)', () => {
    const p = page('2017-10-24.html');
    expect(kinds(p)).toEqual(['announcement']);
    expect(p.turns[0]!.speaker).toBe('耿爽');
  });
});

describe('events on evidence', () => {
  const load = (name: string) => {
    const p = page(name);
    p.meta.date ??= pageDate(name);
    return p;
  };

  it('makes a regular press conference and a statement of the same day two events, ids scoped to each', () => {
    const { events } = groupEvents([load('2017-02-24-qa.html'), load('2017-02-24.html')], 'zh-CN');
    expect(events.map((e) => e.meta.id)).toEqual(['2017-02-24', '2017-02-24b']);
    const [regular, qa] = events as [PressEvent, PressEvent];
    expect(regular.meta.sources.map((s) => s.file)).toEqual(['2017-02-24.html']);
    expect(questionsOf(regular)).toHaveLength(16);
    expect(questionsOf(qa)).toHaveLength(1);
    expect(questionsOf(regular)[6]!.question.id).toBe('2017-02-24-07');
    expect(questionsOf(qa)[0]!.question.id).toBe('2017-02-24b-01');
    const f = [...followUpsOf(regular).values()].flat();
    expect(f).toHaveLength(3);
    for (const t of f) expect(t.question.id).toMatch(/^2017-02-24-\d\d-f\d$/);
    // the after-conference answer reported as "耿爽表示，…" is an answer, kept whole
    const last = questionsOf(regular)[15]!;
    const answer = regular.turns[regular.turns.indexOf(last) + 1]!;
    expect(answer.kind).toBe('answer');
    expect(answer.paragraphs[0]).toMatch(/^\s*耿爽表示，/);
    const ids = events.flatMap((e) => e.turns.flatMap((t) => (t.question ? [t.question.id] : [])));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('joins a second copy of the same press conference as a witness, not a copy of another day', () => {
    const a = load('2017-01-05.html');
    const b = load('2017-01-05.html');
    b.file = 'copy/2017-01-05.html';
    const other = load('2017-01-03.html');
    other.meta.date = '2017-01-05'; // misdated: same date, other content
    const { events } = groupEvents([a, b, other], 'zh-CN');
    // the fuller page takes the plain date, the other event of that date gets "b"
    expect(events.map((e) => e.meta.id)).toEqual(['2017-01-05', '2017-01-05b']);
    const roles = events.map((e) => e.meta.sources.map((s) => `${s.file}:${s.role}`));
    expect(roles).toContainEqual(['2017-01-03.html:primary']);
    expect(roles.flat()).toContain('copy/2017-01-05.html:witness');
    const notes = [...a.report.messages, ...other.report.messages].filter((m) => m.rule === 'group').map((m) => m.message);
    expect(notes.join('\n')).toMatch(/a separate event on 2017-01-05/);
    expect(b.report.messages.map((m) => m.message).join()).toMatch(/same press conference as 2017-01-05.html \(100% of sentences shared\)/);
  });

  it('leaves a digest dated only by its year unattached unless its wording singles out one event', () => {
    const ev = load('2017-01-05.html');
    const digest = (lines: string[], meta: ProcessedSource['meta']): ProcessedSource => ({
      file: 'digest.txt', kind: 'digest', turns: [], paras: [],
      highlights: lines.map((text, i) => ({ text, src: i + 1 })),
      meta,
      report: { file: 'digest.txt', encoding: 'utf-8', layout: 'digest', role: 'digest', damaged: false, fixes: {}, removals: [], warnings: [], variants: [], messages: [] },
    });
    // unrelated wording, year only: not attached to "the only event of that year"
    const d1 = digest(['中欧班列开行数量创新高', '冬奥会筹备工作进展顺利'], { year: 2017, titles: [] });
    const { events } = groupEvents([ev, d1], 'zh-CN');
    expect(events[0]!.highlights).toEqual([]);
    expect(d1.report.event).toBeUndefined();
    expect(d1.report.warnings.map((w) => w.message).join()).toMatch(/not attached: dated only by its year \(2017\)/);
    // the right date but other content: still not attached
    const d2 = digest(['中欧班列开行数量创新高'], { date: '2017-01-05', year: 2017, titles: [] });
    groupEvents([load('2017-01-05.html'), d2], 'zh-CN');
    expect(d2.report.event).toBeUndefined();
    expect(d2.report.warnings[0]!.message).toMatch(/does not single out one event/);
    // the right date and its wording: attached
    const d3 = digest(['中方将继续根据安理会决议要求和1267委员会的议事规则同有关各方保持沟通和协调', '美国在韩国部署萨德反导系统严重破坏地区战略平衡'], { date: '2017-01-05', year: 2017, titles: [] });
    const g = groupEvents([load('2017-01-05.html'), d3], 'zh-CN');
    expect(d3.report.event).toBe('2017-01-05');
    expect(g.events[0]!.highlights).toHaveLength(2);
  });
});
