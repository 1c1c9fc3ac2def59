// The balancing's reader of a page's text lines (render/print/balance.ts textRows): one pass over
// the content stream's bytes, only the operators that place text interpreted.
import { describe, expect, it } from 'vitest';
import { textRows } from '../../src/render/print/balance.js';

const rows = (src: string) => {
  const r = textRows(Buffer.from(src, 'latin1'));
  return new Map(r.baselines.sort((a, b) => b - a).map((y) => [y, r.text(y)]));
};

describe('textRows', () => {
  it('places text under the cm/q/Q stack and Tm/Td, rounded to half a point', () => {
    const src = [
      'q 1 0 0 -1 0 842 cm', // Chromium's flipped page
      '/P <</MCID 0>> BDC',
      'BT 1 0 0 -1 72 100.26 Tm /F1 12 Tf <0012> Tj ET',
      'BT 1 0 0 -1 72 100 Tm [<0013> -3 <0014>] TJ 0 20 Td (a\\)b) Tj ET',
      'EMC Q',
      'BT 10 50 Td (x (nested) y) Tj 0 -.5 Td [(br]acket)] TJ ET',
      '% a comment with ( and [',
      '0.5 0 0 RG 10 10 m 20 20 l S true false null',
    ].join('\n');
    const r = rows(src);
    // Td moves in text space: 20 units down the flipped page is 20 points up
    expect([...r.keys()]).toEqual([762, 742, 741.5, 50, 49.5]);
    expect(r.get(762)).toBe('(a\\)b)');
    expect(r.get(742)).toBe('[<0013> -3 <0014>]');
    expect(r.get(741.5)).toBe('<0012>');
    expect(r.get(50)).toBe('(x (nested) y)');
    expect(r.get(49.5)).toBe('[(br]acket)]');
  });

  it('reads numbers as Number() does', () => {
    for (const v of ['-12.345', '.5', '-.25', '3.', '+7', '0.000001', '123456789.123456'])
      expect(rows(`BT 1 0 0 1 0 ${v} Tm <01> Tj ET`).keys().next().value).toBe(Math.round(Number(v) * 2) / 2 + 0); // a Map key: -0 is 0
    // a text matrix scaled and moved by Td: y = ty·d + f
    expect([...rows('BT 2 0 0 2 0 10 Tm 0 7.3 Td <01> Tj ET').keys()]).toEqual([24.5]);
  });

  it('a page without text has no rows', () => {
    expect(rows('q 0 0 100 100 re f Q').size).toBe(0);
  });
});
