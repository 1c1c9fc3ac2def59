import { describe, expect, it } from 'vitest';
import { buildTurns, guessMeta, parseCnNumber, questionTitle } from '../../src/ingest/structure.js';
import { findSession, loadPreset } from '../../src/ingest/preset.js';

/** the session → year rule now lives in the npc preset (presets/npc.yaml) */
const NPC = loadPreset('npc');
const meta = (leading: string, all: string) => guessMeta(leading, all, findSession(NPC.sessions, leading, all));
import { mergeTopics, tagTopics } from '../../src/ingest/topics.js';
import { detectSpeakers, matchLabel, outletOf } from '../../src/ingest/labels.js';
import { processText } from '../../src/ingest/index.js';

describe('structure', () => {
  it('computes the NPC session year', () => {
    expect(parseCnNumber('十三')).toBe(13);
    expect(parseCnNumber('五')).toBe(5);
    expect(parseCnNumber('二十一')).toBe(21);
    expect(findSession(NPC.sessions, '十三届全国人大三次会议')?.year).toBe(2020);
    expect(findSession(NPC.sessions, '十四届全国人大一次会议')?.year).toBe(2023);
  });
  it('reads dates from an explicit date or a dateline plus the session', () => {
    expect(meta('新华社北京5月24日电十三届全国人大三次会议24日在人民大会堂举行视频记者会', '').date).toBe('2020-05-24');
    expect(meta('2021年3月7日，十三届全国人大四次会议在人民大会堂举行视频记者会', '').date).toBe('2021-03-07');
    const g = meta('十三届全国人大四次会议昨天15时在人民大会堂新闻发布厅举行记者会', '记者会历时1小时40分钟。');
    expect(g).toMatchObject({ year: 2021, venue: '人民大会堂新闻发布厅', duration: '1小时40分钟' });
    expect(g.date).toBeUndefined();
  });
  it('strips the role word from labels', () => {
    expect(outletOf('美国有线电视新闻网记者')).toBe('美国有线电视新闻网');
    expect(outletOf('新加坡《海峡时报》记者')).toBe('新加坡《海峡时报》');
    expect(outletOf('《环球时报》特约记者')).toBe('《环球时报》');
  });
  it('names no outlet for narration before the label, with or without a comma (2017 briefings: "会后，有记者问及")', () => {
    for (const l of ['会后有记者问及', '会后，有记者问及', '会上，有记者问', '此外，有记者提问', '有记者问']) expect(outletOf(l), l).toBe('');
    expect(outletOf('路透社记者问')).toBe('路透社');
  });
  it('titles a question by its first interrogative sentence', () => {
    expect(questionTitle('受疫情和美国大选影响，中美关系日益紧张。您是否担心中美关系进一步恶化？')).toBe('您是否担心中美关系进一步恶化？');
    expect(questionTitle('有人质疑中国搞疫苗外交。您对此怎么看？')).toBe('有人质疑中国搞疫苗外交。您对此怎么看？');
    expect(questionTitle('请问，中方如何看待？')).toBe('中方如何看待？');
  });
  it('tags topics from an extendable table', () => {
    const t = mergeTopics({ 北极: ['北极'], 中美: ['华府'] }, NPC.topics);
    expect(tagTopics('华府与北极', t)).toEqual(['中美', '北极']);
    expect(tagTopics('南海和台湾', mergeTopics(undefined, NPC.topics))).toEqual(['台湾', '南海']);
    expect(mergeTopics()).toEqual({}); // no topic knowledge in the engine itself
  });
  it('builds opening, question, answer, closing and narration turns', () => {
    const paras = [
      '导语。',
      '王毅：大家好。',
      '路透社记者：中美关系如何？',
      '王毅：很好。',
      '第二段回答。',
      '王毅：最后说一件事。',
      '记者会历时1小时。',
    ].map((text, i) => ({ text, src: i + 1 }));
    const r = buildTurns(paras, new Set(['王毅']), 'f', '2024-03-07', mergeTopics(undefined, NPC.topics));
    expect(r.turns.map((t) => t.kind)).toEqual(['narration', 'opening', 'question', 'answer', 'closing', 'narration']);
    expect(r.turns[2]!.question).toEqual({ id: '2024-03-07-01', seq: 1, label: '路透社记者', outlet: '路透社', title: '中美关系如何？', topics: ['中美'] });
    expect(r.turns[3]!.paragraphs).toEqual(['很好。', '第二段回答。']);
    expect(r.srcLines).toEqual([1, 2, 3, 4, 6, 7]);
  });

  it('reads outlet labels with verbs, indented labels and any spokesperson (2020-style page)', () => {
    const I = '\u3000\u3000';
    const text = [
      '2020年3月12日外交部发言人赵立坚主持例行记者会',
      `${I}发言人宣布：应国务委员兼外交部长王毅邀请，某国外长将访华。`,
      `${I}俄新社记者：第一个问题，中方对疫情形势有何评估？`,
      `${I}赵立坚：中方高度重视。`,
      `${I}俄新社记者追问：中方是否会派出专家？`,
      `${I}赵立坚：我们会适时发布消息。`,
      `${I}彭博社记者提问：2020年2月18日，美方宣布了新的措施。你有何评论？`,
      `${I}赵立坚：2020年2月18日，美方宣布的措施，我们已经表明了立场。`,
      `${I}（记者：还有一个问题。）`,
      `${I}赵立坚：请讲。`,
      `${I}路透社记者：中方是否掌握有关情况？`,
      `${I}赵立坚：我不掌握。`,
    ].join('\n\n');
    const p = processText(text, 'x.txt');
    // the title line is metadata (head rule), not a turn
    expect(p.meta.titles).toEqual(['2020年3月12日外交部发言人赵立坚主持例行记者会']);
    expect(p.turns.map((t) => t.kind)).toEqual(['announcement', 'question', 'answer', 'followup', 'answer', 'question', 'answer', 'interjection', 'answer', 'question', 'answer']);
    expect(p.meta.date).toBe('2020-03-12');
    expect(p.meta.speaker).toBe('赵立坚');
    const q = p.turns.filter((t) => t.question).map((t) => t.question!);
    expect(q.map((x) => x.id)).toEqual(['2020-03-12-01', '2020-03-12-01-f1', '2020-03-12-02', '2020-03-12-03']);
    expect(q.map((x) => x.outlet)).toEqual(['俄新社', '俄新社', '彭博社', '路透社']);
    expect(q[1]!.parent).toBe('2020-03-12-01');
    expect(p.turns[0]!.paragraphs[0]).toMatch(/^应国务委员/);
    expect(p.turns[0]!.speaker).toBe('赵立坚');
  });

  it('tells labels apart', () => {
    const sp = new Set(['耿爽']);
    expect(matchLabel('　　问：你好吗？', sp)).toMatchObject({ kind: 'question', label: '问' });
    expect(matchLabel('追问：还有呢？', sp)).toMatchObject({ kind: 'followup' });
    expect(matchLabel('答：很好。', sp)).toMatchObject({ kind: 'answer' });
    expect(matchLabel('会后有记者问及：有何评论？', sp)).toMatchObject({ kind: 'question', label: '会后有记者问及' });
    expect(matchLabel('CNN记者追问：是吗？', sp)).toMatchObject({ kind: 'followup', label: 'CNN记者追问' });
    expect(outletOf('CNN记者追问')).toBe('CNN');
    expect(outletOf('会后有记者问及')).toBe('');
    expect(matchLabel('（记者：日本媒体。）', sp)).toMatchObject({ kind: 'interjection' });
    expect(matchLabel('（记者笑）', sp)).toBeUndefined();
    expect(matchLabel('耿爽：好的。', sp)).toMatchObject({ kind: 'speaker', speaker: '耿爽' });
    expect(matchLabel('中方认为：这是错误的。', sp)).toBeUndefined();
    expect(detectSpeakers([{ text: '　　陆慷：一。', src: 1 }, { text: '　　陆慷：二。', src: 2 }])).toEqual(new Set(['陆慷']));
  });

  it('dates an event from its title or dateline, never from a date inside the text', () => {
    expect(guessMeta('外交部发言人华春莹就某事答记者问\n当地时间2020年2月18日，美方宣布……', '').date).toBeUndefined();
    expect(guessMeta('2018年12月28日外交部发言人华春莹主持例行记者会', '').date).toBe('2018-12-28');
    expect(guessMeta('外交部将于2018年8月22日（星期三）上午8:30在蓝厅举行中外媒体吹风会', '').date).toBeUndefined();
  });
});
