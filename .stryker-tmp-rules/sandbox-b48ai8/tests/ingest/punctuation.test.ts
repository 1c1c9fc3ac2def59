import { describe, expect, it } from 'vitest';
import { normalizePunctuation, punctuation } from '../../src/ingest/rules/punctuation.js';

const p = (s: string) => normalizePunctuation(s).text;

describe('punctuation', () => {
  it('turns half-width marks in Chinese text full-width', () => {
    expect(p('多边主义,维护')).toBe('多边主义，维护');
    expect(p('不应停止;只要')).toBe('不应停止；只要');
    expect(p('如何发展?中方')).toBe('如何发展？中方');
    expect(p('谢谢大家!')).toBe('谢谢大家！');
    expect(p('他说:好')).toBe('他说：好');
    expect(p('东盟与中日韩(10+3)会议')).toBe('东盟与中日韩（10+3）会议');
  });
  it('does not touch numbers or Latin text', () => {
    expect(p('2.5亿件')).toBe('2.5亿件');
    expect(p('10+3')).toBe('10+3');
    expect(p('5G网络')).toBe('5G网络');
    expect(p('共1,000人')).toBe('共1,000人');
    expect(p('15:00开始')).toBe('15:00开始');
    expect(p('Hello, world!')).toBe('Hello, world!');
  });
  it('uses one style for quotes, dashes and ellipses', () => {
    expect(p('所谓"新冷战"的说法')).toBe('所谓“新冷战”的说法');
    expect(p('「一国两制」')).toBe('“一国两制”');
    expect(p('标题--副标题')).toBe('标题——副标题');
    expect(p('——国务委员')).toBe('——国务委员');
    expect(p('等等...')).toBe('等等……');
    expect(p('等等…')).toBe('等等……');
    expect(p('ＡＢＣ１２３')).toBe('ABC123');
  });
  it('is idempotent and reports lines', () => {
    const once = p('所谓"新冷战"，如何?');
    expect(p(once)).toBe(once);
    const r = punctuation([{ text: '好,好', src: 4 }], 'x');
    expect(r.diags[0]).toMatchObject({ line: 4, rule: 'punctuation' });
  });
});
