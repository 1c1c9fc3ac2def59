import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractHtml, looksLikeHtml } from '../../src/ingest/html.js';
import { lineOf } from './helpers.js';

const page = readFileSync('tests/ingest/fixtures/mfa-page.html', 'utf8');

describe('html', () => {
  it('recognizes HTML', () => {
    expect(looksLikeHtml(page)).toBe(true);
    expect(looksLikeHtml('王毅：大家好。<b>不是网页</b>')).toBe(false);
  });
  it('extracts the article paragraphs with their source lines and drops the furniture', () => {
    const r = extractHtml(page, 'p.html');
    const lines = r.lines.filter((l) => l.text.trim());
    // each line carries the line of the page it comes from
    expect(lines[0]).toEqual({ text: '秦刚就中国外交政策和对外关系回答中外记者提问', src: lineOf(page, '秦刚就中国外交政策和对外关系回答中外记者提问') });
    expect(lines[1]!.text).toContain('2023年3月7日');
    expect(lines[1]!.src).toBe(lineOf(page, '2023年3月7日'));
    expect(lines.map((l) => l.text).join('\n')).not.toMatch(/首页|版权所有|分享到|统计代码/);
    const removed = r.diags.map((d) => d.removed);
    // removals are whole text blocks now (a menu line "首页 English"), each with its line
    expect(removed.some((t) => t?.startsWith('首页'))).toBe(true);
    expect(removed).toContain('版权所有：中华人民共和国外交部');
    expect(r.diags.every((d) => d.line >= 1)).toBe(true);
  });
});
