/**
 * Page labels: one rule (paginate.ts pageLabel), roman front matter and arabic body, used by the
 * one-print plan and the book printed in parts alike.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageLabel, planPages, roman } from '../../src/render/print/paginate.js';

describe('page labels', () => {
  it('roman (lower case) before the body, arabic from 1 at its first page', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => pageLabel(i, 4))).toEqual(['i', 'ii', 'iii', 'iv', '1', '2']);
    expect(pageLabel(0, 0)).toBe('1');
    expect(pageLabel(13, 0)).toBe('14');
    expect(pageLabel(48, 50)).toBe('xlix');
    expect(roman(1994)).toBe('mcmxciv');
  });

  it('the one-print plan labels its pages with it', () => {
    const plan = planPages({ pageCount: 9, pages: new Map([['toc', 1], ['y-2020', 3], ['x', 6]]), recto: ['toc', 'y-2020'], bodyStart: 'y-2020' });
    // blanks before the TOC and before the first year: the body starts at index 4
    expect(plan.bodyStart).toBe(4);
    for (let i = 0; i < plan.pageCount; i++) expect(plan.label(i)).toBe(pageLabel(i, plan.bodyStart));
  });

  it('is the only place that turns a page index into a roman or arabic label in the print code', () => {
    const dir = join(__dirname, '..', '..', 'src', 'render', 'print');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'paginate.ts')) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(/\broman\(/.test(text), `${f} builds roman labels itself`).toBe(false);
    }
  });
});
