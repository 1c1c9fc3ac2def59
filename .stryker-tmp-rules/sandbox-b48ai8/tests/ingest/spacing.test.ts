import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { collapseSpaces, desegment, spacing } from '../../src/ingest/rules/spacing.js';
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
