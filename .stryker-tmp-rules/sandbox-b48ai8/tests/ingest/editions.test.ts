import { describe, expect, it } from 'vitest';
import { choosePrimary, variantReadings } from '../../src/ingest/editions.js';

describe('editions', () => {
  it('prefers the undamaged, then the most complete edition', () => {
    expect(choosePrimary([
      { file: 'a', damaged: true, questions: 20, han: 9000 },
      { file: 'b', damaged: false, questions: 16, han: 8000 },
      { file: 'c', damaged: false, questions: 16, han: 7000 },
    ])).toBe(1);
  });
  it('lists differing sentences with the witness line', () => {
    const primary = [{ text: '我愿首先向各国医护工作者致以崇高敬意。病毒打不倒人类。', src: 1 }];
    const witness = [{ text: '我愿首先向各国医护人员致以崇高敬意。病毒打不倒人类。新增的一句话。', src: 9 }];
    const v = variantReadings(primary, witness);
    expect(v.variants).toEqual([
      { primary: '我愿首先向各国医护工作者致以崇高敬意。', witness: '我愿首先向各国医护人员致以崇高敬意。', line: 9 },
      { primary: '', witness: '新增的一句话。', line: 9 },
    ]);
    expect(v.missing).toBe(1);
  });
});
