import { describe, expect, it } from 'vitest';
import { buildTurns, guessMeta, parseCnNumber, questionTitle } from '../../src/ingest/structure.js';
import { findSession, loadPreset } from '../../src/ingest/preset.js';

/** the session → year rule now lives in the npc preset (presets/npc.yaml) */
const NPC = loadPreset('npc');
const meta = (leading: string, all: string) => guessMeta(leading, all, findSession(NPC.sessions, leading, all));
import { mergeTopics, tagTopics } from '../../src/ingest/topics.js';
import { outletOf } from '../../src/ingest/labels.js';

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
    const r = buildTurns(paras, new Set(['王毅']), 'f', 2024, mergeTopics(undefined, NPC.topics));
    expect(r.turns.map((t) => t.kind)).toEqual(['narration', 'opening', 'question', 'answer', 'closing', 'narration']);
    expect(r.turns[2]!.question).toEqual({ id: '2024-01', seq: 1, label: '路透社记者', outlet: '路透社', title: '中美关系如何？', topics: ['中美'] });
    expect(r.turns[3]!.paragraphs).toEqual(['很好。', '第二段回答。']);
    expect(r.srcLines).toEqual([1, 2, 3, 4, 6, 7]);
  });
});
