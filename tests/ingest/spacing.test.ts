import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { collapseSpaces, desegment, desegmentRule, joinsFragments, spacing, spacingRule } from '../../src/ingest/rules/spacing.js';
import { createContext } from '../../src/ingest/rules/rule.js';
import { SEEDS } from './helpers.js';

const c = (s: string) => collapseSpaces(s).text;

describe('spacing / desegment', () => {
  it('removes spaces between Han, digits and units', () => {
    expect(c('将近 150个')).toBe('将近150个');
    expect(c('2021年 3月 7日')).toBe('2021年3月7日');
    expect(c('哈萨克斯坦 24 KZ 电视台')).toBe('哈萨克斯坦24KZ电视台');
    expect(c('国务 委员 兼 外交 部长')).toBe('国务委员兼外交部长');
    expect(c('多边主义 , 维护')).toBe('多边主义,维护');
    expect(c('“ 云 外交 ”')).toBe('“云外交”');
    expect(c('　　全角缩进')).toBe('全角缩进');
    expect(c('a\u00a0b 中\u3000文')).toBe('a b中文');
  });
  it('keeps a true space inside Latin text', () => {
    expect(c('Joe  Biden 说')).toBe('Joe Biden说');
    expect(c('COVID-19 vaccine')).toBe('COVID-19 vaccine');
    expect(c('G20 summit')).toBe('G20 summit');
    expect(c('100 200')).toBe('100 200');
  });
  it('reports each line with its source line', () => {
    const r = desegment([{ text: '国务 委员', src: 7 }, { text: '不变', src: 8 }], 'f.txt');
    expect(r.lines.map((l) => l.text)).toEqual(['国务委员', '不变']);
    expect(r.diags).toHaveLength(1);
    expect(r.diags[0]).toMatchObject({ file: 'f.txt', line: 7, rule: 'desegment' });
    expect(r.fixes).toBe(1);
    expect(spacing([{ text: '第 23条', src: 3 }], 'f').diags[0]!.rule).toBe('spacing');
  });
  it('joins digits and Latin tokens split by a word segmenter, keeping real spaces between English words', () => {
    const d = (x: string) => collapseSpaces(x, true).text;
    expect(d(' 2 00 8年 北京 奥运会 ')).toBe('2008年北京奥运会');
    expect(d(' 推动 R CEP 早日 生效 ')).toBe('推动RCEP早日生效');
    expect(d(' 境外 II I期 试验 ')).toBe('境外III期试验');
    expect(d(' 5 G 、 人工 智能 ')).toBe('5G、人工智能');
    expect(d(' 增长 3 . 5 % ')).toBe('增长3.5%');
    expect(d(' 哈萨克斯坦 24 KZ 电视台 ')).toBe('哈萨克斯坦24KZ电视台');
    expect(d(' “ Belt and Road ” 倡议 ')).toBe('“Belt and Road”倡议');
    expect(d(' Joe Biden 说 ')).toBe('Joe Biden说');
    expect(d(' Windows 10 系统 ')).toBe('Windows 10系统');
    // not segmented: two numbers keep their space, split tokens are left alone
    expect(collapseSpaces('100 200').text).toBe('100 200');
    expect(collapseSpaces('R CEP').text).toBe('R CEP');
  });
  it('desegments seed 002 (RCEP, III期, 5G)', () => {
    const lines = readFileSync(`${SEEDS}/002_03f096a284e013c3.txt`, 'utf8').split('\n').map((text, i) => ({ text, src: i + 1 }));
    const all = desegment(lines, '002').lines.map((l) => l.text).join('\n');
    for (const t of ['推动RCEP早日生效', '境外III期试验', '5G、人工智能', '哈萨克斯坦24KZ电视台']) expect(all).toContain(t);
    expect(all).not.toMatch(/[A-Z0-9] [A-Z0-9]/);
  });
});

/** Exact texts and counts, written against the rule's surviving mutants (docs/mutation.md). */
describe('spacing: exact changes', () => {
  it('every wide blank becomes a space, every zero-width character goes and is counted', () => {
    for (const w of ['\u3000', '\u00a0', '\u2002', '\u2005', '\u200a', '\u202f', '\u205f', '\t', '\f', '\v']) expect(collapseSpaces(`Joe${w}Biden`), JSON.stringify(w)).toEqual({ text: 'Joe Biden', removed: 0 });
    for (const z of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) expect(collapseSpaces(`中${z}国`), JSON.stringify(z)).toEqual({ text: '中国', removed: 1 });
    expect(collapseSpaces('\ufeff中\u200b国\u200b')).toEqual({ text: '中国', removed: 3 });
  });
  it('counts each run of spaces removed or shrunk once; a single kept space is no change', () => {
    expect(collapseSpaces('国务 委员  兼')).toEqual({ text: '国务委员兼', removed: 2 });
    expect(collapseSpaces('Joe  Biden')).toEqual({ text: 'Joe Biden', removed: 1 });
    expect(collapseSpaces('Joe Biden')).toEqual({ text: 'Joe Biden', removed: 0 });
    expect(collapseSpaces('100   200')).toEqual({ text: '100 200', removed: 1 });
    expect(collapseSpaces('中文')).toEqual({ text: '中文', removed: 0 });
    expect(collapseSpaces('  中文  ').text).toBe('中文');
    expect(collapseSpaces('  a b  ').text).toBe('a b');
  });
  it('a space between a word and a number stays, between a code and a number or two codes not', () => {
    expect(collapseSpaces('Windows 10').text).toBe('Windows 10');
    expect(collapseSpaces('2 billion').text).toBe('2 billion');
    expect(collapseSpaces('RCEP 10').text).toBe('RCEP10');
    expect(collapseSpaces('10 RCEP').text).toBe('10RCEP');
    expect(collapseSpaces('COVID-19 vaccine').text).toBe('COVID-19 vaccine');
    expect(collapseSpaces('vaccine COVID-19').text).toBe('vaccine COVID-19');
    expect(collapseSpaces('中 Joe').text).toBe('中Joe');
    expect(collapseSpaces('Joe 中').text).toBe('Joe中');
    expect(collapseSpaces('Joe ，').text).toBe('Joe，');
    expect(collapseSpaces('- 5').text).toBe('-5');
  });
  it('English text keeps its spaces around decimal numbers, a full stop after a number and Latin punctuation', () => {
    // these lost their spaces before ("about1.5billion", "in2019.Then", "item 3,and"): found by a surviving mutant
    for (const t of ['about 1.5 billion people', 'It is 3.5 percent.', 'It was in 2019. Then we met', 'on May 5. The', 'No. 1 priority', 'item 3, and 4; then: 5! Why? 6', 'Windows 10. Next']) expect(collapseSpaces(t), t).toEqual({ text: t, removed: 0 });
    // not in Chinese text, not after a space, not before punctuation
    expect(collapseSpaces('中国, 美国').text).toBe('中国,美国');
    expect(collapseSpaces('多边主义 , 维护').text).toBe('多边主义,维护');
    expect(collapseSpaces('2019. 中国').text).toBe('2019.中国');
    expect(collapseSpaces(', b').text).toBe(',b');
    expect(collapseSpaces('3, -4').text).toBe('3,-4');
  });
  it('a one-letter word, a word ending in capitals, two decimals, a comma after one letter (survivors of the second run)', () => {
    for (const t of ['a 10 percent rise', 'mRNA 2 vaccines', 'about 1.25 billion', 'a, b']) expect(collapseSpaces(t), t).toEqual({ text: t, removed: 0 });
  });
  it('a letter beyond a space or a Han character does not make a number a word', () => {
    expect(collapseSpaces('x中3 -b').text).toBe('x中3-b');
    expect(collapseSpaces('ab 1 -c').text).toBe('ab 1-c');
  });
  it('segmented: only a single space between two codes or two pieces of a number joins', () => {
    const d = (x: string) => collapseSpaces(x, true);
    expect(d('R CEP')).toEqual({ text: 'RCEP', removed: 1 });
    expect(d('R  CEP')).toEqual({ text: 'R CEP', removed: 1 });
    expect(d('A. .B').text).toBe('A. .B');
    expect(d('3 . 5')).toEqual({ text: '3.5', removed: 2 });
    expect(d('Joe Biden').text).toBe('Joe Biden');
    expect(d('Windows 10').text).toBe('Windows 10');
    expect(d('10 billion').text).toBe('10 billion');
  });
  it('joinsFragments: numbers and codes join, words and empty fragments do not', () => {
    expect(joinsFragments('', 'A')).toBe(false);
    expect(joinsFragments('A', '')).toBe(false);
    expect(joinsFragments('2', '00')).toBe(true);
    expect(joinsFragments('3.', '.5')).toBe(true);
    expect(joinsFragments('.', '5')).toBe(true);
    expect(joinsFragments('R', 'CEP')).toBe(true);
    expect(joinsFragments('5', 'G')).toBe(true);
    expect(joinsFragments('A.', 'B')).toBe(true);
    expect(joinsFragments('A', '.B')).toBe(true);
    expect(joinsFragments('A.', '.B')).toBe(false);
    expect(joinsFragments('Joe', 'Biden')).toBe(false);
    expect(joinsFragments('R', 'Cep')).toBe(false);
    expect(joinsFragments('x1', '2')).toBe(false);
    expect(joinsFragments('1x', '2')).toBe(false);
  });
  it('spacing applies to all but segmented sources, desegment only to them; one message per changed line', () => {
    const ctx = (base: 'segmented' | 'paragraphs') => createContext('f', { layout: { base, digestHead: false } });
    expect([spacingRule.applies(ctx('paragraphs')), spacingRule.applies(ctx('segmented'))]).toEqual([true, false]);
    expect([desegmentRule.applies(ctx('paragraphs')), desegmentRule.applies(ctx('segmented'))]).toEqual([false, true]);
    const s = spacing([{ text: '国务 委员  兼', src: 3 }, { text: '不变', src: 4 }], 'f');
    expect(s.diags.map((x) => [x.message, x.line, x.rule])).toEqual([['removed stray spaces (2)', 3, 'spacing']]);
    expect(s.fixes).toBe(2);
    const d = desegment([{ text: ' 2 00 8年 ', src: 6 }], 'f');
    expect(d.lines).toEqual([{ text: '2008年', src: 6 }]);
    expect(d.diags.map((x) => [x.message, x.line, x.rule])).toEqual([['joined word-segmented tokens (2)', 6, 'desegment']]);
  });
});
