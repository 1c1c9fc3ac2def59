import { describe, expect, it } from 'vitest';
import { corruption } from '../../src/ingest/rules/corruption.js';

const P = (...t: string[]) => t.map((text, i) => ({ text, src: i * 2 + 1 }));
const para = '我毫不怀疑，中俄共同抗疫的经历，将转化为疫情后中俄关系提速升级的动力。中方愿同俄方携手化危为机，稳定能源等传统领域合作。';
const boundary = (t: string) => /^王毅：|记者：/.test(t);

describe('corruption', () => {
  it('removes a loop with counting prefixes and reports every copy', () => {
    const r = corruption(P('第六，' + para, '第七，' + para, '第八，' + para, '第九，' + para.slice(0, 40)), 'f', boundary);
    expect(r.lines.map((l) => l.text)).toEqual(['第六，' + para]);
    expect(r.repeated).toBe(3); // 第七, 第八 and the cut-off 第九
    expect(r.diags.map((d) => d.line)).toEqual([3, 5, 7]);
    expect(r.diags.every((d) => d.removed && d.rule === 'corruption')).toBe(true);
  });
  it('detects text cut off mid-sentence and keeps the complete sentences', () => {
    const r = corruption(P('王毅：第一句完整。第二句被截断在半', '路透社记者：下一个问题？'), 'f', boundary);
    expect(r.lines.map((l) => l.text)).toEqual(['王毅：第一句完整。', '路透社记者：下一个问题？']);
    expect(r.truncated).toBe(1);
    expect(r.diags[0]!.removed).toBe('第二句被截断在半');
  });
  it('leaves normal text alone, even a repeated short slogan', () => {
    const r = corruption(P('王毅：团结就是力量。我们要合作共赢，共同发展，携手应对各种全球性挑战和困难。', '团结就是力量。这句话说得很好，我们将继续推动各国之间的友好合作关系。'), 'f', boundary);
    expect(r.lines).toHaveLength(2);
    expect(r.diags).toEqual([]);
  });
});
