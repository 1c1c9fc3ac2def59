import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/ingest/layout.js';

const L = (text: string) => text.split('\n').map((t, i) => ({ text: t, src: i + 1 }));

describe('layout', () => {
  it('tells columns, paragraphs, segmented, digest and digest-head apart', () => {
    const cols = '王毅：这场疫情给我们带来的最大\n启示是：各国人民的生命健康从来没有\n像今天这样休戚与共、紧密相连；我们\n也从来没有像今天这样深刻意识到，各\n国生活在一个地球村。';
    expect(detectLayout(L(cols)).base).toBe('columns');
    const paras = '王毅：这场疫情给我们带来的最大启示是：各国人民的生命健康从来没有像今天这样休戚与共、紧密相连。\n\n路透社记者：您对此怎么看？\n\n王毅：我们也从来没有像今天这样深刻意识到，各国生活在一个地球村。';
    expect(detectLayout(L(paras)).base).toBe('paragraphs');
    expect(detectLayout(L('国务 委员 兼 外交 部长 王毅 就 中国 外交 政策\n 王毅 ： 各位 记者 朋友 ， 大家 好 ！')).base).toBe('segmented');
    const digest = '王毅表示，中国愿合作。\n\n王毅指出，中美要合作。\n\n王毅强调，香港是中国的。';
    expect(detectLayout(L(digest)).base).toBe('digest');
    const head = '- 中俄关系：不结盟\n- 中美关系：不对抗\n\n新华社北京3月7日电 记者会。\n\n' + paras;
    const h = detectLayout(L(head));
    expect(h).toMatchObject({ base: 'paragraphs', digestHead: true, name: 'paragraphs+digest-head' });
  });
});
