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

/** Exact texts and change counts, written against the rule's surviving mutants (docs/mutation.md). */
describe('punctuation: exact changes', () => {
  const n = (s: string) => normalizePunctuation(s);
  it('full-width Latin letters and digits, each end of each range, one change each', () => {
    expect(n('０９ＡＺａｚ')).toEqual({ text: '09AZaz', changes: 6 });
    expect(n('５Ｇ网络')).toEqual({ text: '5G网络', changes: 2 });
    expect(n('ｅｘ')).toEqual({ text: 'ex', changes: 2 });
  });
  it('corner quotes, single and double', () => {
    expect(n('『一国两制』')).toEqual({ text: '‘一国两制’', changes: 2 });
    expect(n('「甲『乙』丙」')).toEqual({ text: '“甲‘乙’丙”', changes: 4 });
  });
  it('dashes: two or more dash-like characters by Chinese text (or at the start) become ——', () => {
    expect(n('标题--副标题')).toEqual({ text: '标题——副标题', changes: 1 });
    expect(n('——国务委员')).toEqual({ text: '——国务委员', changes: 0 });
    expect(n('标题———副标题')).toEqual({ text: '标题——副标题', changes: 1 });
    expect(n('标题－－副标题')).toEqual({ text: '标题——副标题', changes: 1 });
    expect(n('标题––副标题')).toEqual({ text: '标题——副标题', changes: 1 });
    expect(n('标题──━副标题')).toEqual({ text: '标题——副标题', changes: 1 });
    expect(n('中国--abc')).toEqual({ text: '中国——abc', changes: 1 });
    expect(n('abc--中国')).toEqual({ text: 'abc——中国', changes: 1 });
    expect(n('--abc')).toEqual({ text: '——abc', changes: 1 });
    expect(n('a--b')).toEqual({ text: 'a--b', changes: 0 });
    expect(n('中-国')).toEqual({ text: '中-国', changes: 0 });
    expect(n('a—b')).toEqual({ text: 'a—b', changes: 0 });
  });
  it('ellipses: ... by Chinese text, 。。。 and … anywhere become ……', () => {
    expect(n('等等...')).toEqual({ text: '等等……', changes: 1 });
    expect(n('...等等')).toEqual({ text: '……等等', changes: 1 });
    expect(n('等等.....好')).toEqual({ text: '等等……好', changes: 1 });
    expect(n('wait... ok')).toEqual({ text: 'wait... ok', changes: 0 });
    expect(n('等等。。。')).toEqual({ text: '等等……', changes: 1 });
    expect(n('a。。。b')).toEqual({ text: 'a……b', changes: 1 });
    expect(n('wait… ok')).toEqual({ text: 'wait…… ok', changes: 1 });
    expect(n('等等……')).toEqual({ text: '等等……', changes: 0 });
    expect(n('等等………')).toEqual({ text: '等等……', changes: 1 });
    expect(n('等等..')).toEqual({ text: '等等..', changes: 0 });
  });
  it('straight double quotes by Chinese text alternate open and close; in Latin text they stay', () => {
    expect(n('他说"好"，她说"行"')).toEqual({ text: '他说“好”，她说“行”', changes: 4 });
    expect(n('He said "hi" to me')).toEqual({ text: 'He said "hi" to me', changes: 0 });
    expect(n('"中"')).toEqual({ text: '“中”', changes: 2 });
  });
  it('each of , ; : ? ! ( ) by Chinese text on either side, one change each; numbers and Latin untouched', () => {
    expect(n('甲,乙;丙:丁?戊!')).toEqual({ text: '甲，乙；丙：丁？戊！', changes: 5 });
    expect(n('中方(China)立场')).toEqual({ text: '中方（China）立场', changes: 2 });
    expect(n('a,中')).toEqual({ text: 'a，中', changes: 1 });
    expect(n('中,a')).toEqual({ text: '中，a', changes: 1 });
    expect(n('(10+3)')).toEqual({ text: '(10+3)', changes: 0 });
    expect(n('共1,000人，15:00开始')).toEqual({ text: '共1,000人，15:00开始', changes: 0 });
    expect(n('a, b; c: d? e! (f)')).toEqual({ text: 'a, b; c: d? e! (f)', changes: 0 });
    expect(n('中文')).toEqual({ text: '中文', changes: 0 });
  });
  it('the rule: one message per changed line with the count, unchanged lines passed through', () => {
    const lines = [{ text: '好,好', src: 4 }, { text: '没有改动。', src: 5 }, { text: '甲,乙,丙', src: 9 }];
    const r = punctuation(lines, 'x');
    expect(r.lines).toEqual([{ text: '好，好', src: 4 }, { text: '没有改动。', src: 5 }, { text: '甲，乙，丙', src: 9 }]);
    expect(r.lines[1]).toBe(lines[1]);
    expect(r.diags.map((d) => [d.message, d.line, d.rule, d.severity])).toEqual([
      ['normalized 1 punctuation mark(s)', 4, 'punctuation', 'info'],
      ['normalized 2 punctuation mark(s)', 9, 'punctuation', 'info'],
    ]);
    expect(r.fixes).toBe(3);
  });
});
