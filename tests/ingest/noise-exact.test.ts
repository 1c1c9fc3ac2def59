/**
 * noise: what is no photo caption (written against the survivors of a StrykerJS run; see
 * docs/mutation.md) — a paragraph quoting a Xinhua dispatch, a caption sentence naming a foreign
 * minister with the "·" of transliterated names.
 */
import { describe, expect, it } from 'vitest';
import { noise } from '../../src/ingest/rules/noise.js';

const L = (text: string) => text.split('\n').map((t, i) => ({ text: t, src: i + 1 }));
const texts = (r: { lines: { text: string }[] }) => r.lines.map((l) => l.text);

describe('noise: captions and what is none', () => {
  it('a paragraph that mentions a Xinhua dispatch and ends in a bracket is kept: a credit ends the caption', () => {
    const src = '路透社记者：我有两个问题。\n\n据新华社发自华盛顿的报道，美方将从下月起对中国商品加征关税（约2000亿美元）\n\n中方将如何回应？';
    const r = noise(L(src), 'f');
    expect(texts(r)).toEqual(src.split('\n'));
    expect(r.diags).toEqual([]);
    // the credit at the end: a caption
    const c = noise(L('王毅：谢谢。\n\n3月8日，王毅在记者会上回答提问。新华社发\n\n路透社记者：请问。'), 'f');
    expect(texts(c)).toEqual(['王毅：谢谢。', '', '', '', '路透社记者：请问。']);
  });

  it('word-segmented: a caption sentence with a transliterated name ("谢尔盖·拉夫罗夫") goes with its credit', () => {
    const r = noise(L('外交部长答记者问\n3月7日，王毅会见俄罗斯外长谢尔盖·拉夫罗夫。\n新华社记者才扬摄\n王毅：很高兴见到大家。'), 'f', { segmented: true });
    expect(texts(r)).toEqual(['外交部长答记者问', '', '', '王毅：很高兴见到大家。']);
    expect(r.diags.map((d) => [d.line, d.removed])).toEqual([[2, '3月7日，王毅会见俄罗斯外长谢尔盖·拉夫罗夫。'], [3, '新华社记者才扬摄']]);
  });
});
