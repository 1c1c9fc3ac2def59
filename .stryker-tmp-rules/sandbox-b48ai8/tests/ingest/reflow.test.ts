import { describe, expect, it } from 'vitest';
import { reflow } from '../../src/ingest/rules/reflow.js';

const L = (text: string) => text.split('\n').map((t, i) => ({ text: t, src: i + 1 }));
const speakers = new Set(['王毅']);

describe('reflow', () => {
  it('joins hard-wrapped columns and keeps real paragraph breaks', () => {
    const text = '王毅：世界当然回不到过去，因为历\n史在向前迈进。纵观世界发展史，人类正\n是在一次次抗争中得到发\n\n展和进步的。\n\n首先，全球化需要更加包容和普惠\n的发展。';
    const r = reflow(L(text), 'f', 'columns', speakers);
    expect(r.lines).toEqual([
      { text: '王毅：世界当然回不到过去，因为历史在向前迈进。纵观世界发展史，人类正是在一次次抗争中得到发展和进步的。', src: 1 },
      { text: '首先，全球化需要更加包容和普惠的发展。', src: 7 },
    ]);
    expect(r.diags.some((d) => d.severity === 'warning' && d.line === 5)).toBe(true);
  });
  it('rejoins a question split after a column break', () => {
    const r = reflow(L('美国有线电视新闻网记者：中美双\n\n方的“口水战”愈演愈烈？'), 'f', 'columns', speakers);
    expect(r.lines.map((l) => l.text)).toEqual(['美国有线电视新闻网记者：中美双方的“口水战”愈演愈烈？']);
  });
  it('breaks after a short line that ends a sentence inside a block', () => {
    const text = '开启了以电话、书信、视频为主渠道的\n“云外交”模式。\n疫情发生以来，习近平主席亲力亲\n为，以元首外交统领抗疫外交。';
    const r = reflow(L(text), 'f', 'columns', speakers);
    expect(r.lines.map((l) => l.text)).toEqual(['开启了以电话、书信、视频为主渠道的“云外交”模式。', '疫情发生以来，习近平主席亲力亲为，以元首外交统领抗疫外交。']);
  });
  it('gathers one-sentence lines of a segmented source into turns', () => {
    const text = '塔斯社记者：中俄是伙伴。\n疫情如何影响了俄中关系？\n王毅：面对疫情，中俄肩并肩。\n世界越是动荡，合作越要坚定。\n第一，要劝和促谈。\n记者会历时1小时40分钟。';
    const r = reflow(L(text), 'f', 'segmented', speakers);
    expect(r.lines.map((l) => l.text)).toEqual([
      '塔斯社记者：中俄是伙伴。疫情如何影响了俄中关系？',
      '王毅：面对疫情，中俄肩并肩。世界越是动荡，合作越要坚定。',
      '第一，要劝和促谈。',
      '记者会历时1小时40分钟。',
    ]);
    expect(r.lines.map((l) => l.src)).toEqual([1, 3, 5, 6]);
  });
  it('joins paragraphs split by a removed caption and drops list bullets', () => {
    const r = reflow(L('习近平主席在\n\n\n\n2017年达沃斯演讲中阐述了看法。\n- 一是对接；\n- 二是合作。'), 'f', 'paragraphs', speakers);
    expect(r.lines.map((l) => l.text)).toEqual(['习近平主席在2017年达沃斯演讲中阐述了看法。', '一是对接；', '二是合作。']);
    expect(r.bullets).toBe(2);
  });
  it('keeps a space when a Latin word wraps', () => {
    const r = reflow(L('这是 Joe\nBiden 的讲话。'), 'f', 'columns', speakers);
    expect(r.lines[0]!.text).toBe('这是 Joe Biden 的讲话。');
  });
});
