/** Locale as data: the shipped locale files agree on their keys, templates use only known words, a book may override. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadLocale, localeNames } from '../../src/render/shared/locale.js';

const ROOT = resolve(__dirname, '..', '..');
const read = (name: string) => parse(readFileSync(join(ROOT, 'locales', name), 'utf8')) as Record<string, Record<string, string>>;
const keys = (o: Record<string, string> | undefined) => Object.keys(o ?? {}).sort();

describe('locales', () => {
  it('zh-Hans and en have the same words, formats, roles and rules', () => {
    const zh = read('zh-Hans.yaml');
    const en = read('en.yaml');
    for (const k of ['words', 'formats', 'roles', 'rules']) expect(keys(en[k]), k).toEqual(keys(zh[k]));
  });
  it('templates use only words the locales define', () => {
    const zh = read('zh-Hans.yaml');
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    const used = new Set(walk(join(ROOT, 'templates')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\{\{\s*t\.(\w+)\s*\}\}/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((w) => !(w in zh['words']!))).toEqual([]);
  });
  it('maps language tags to locale files', () => {
    expect(localeNames('zh-CN')).toEqual(['zh-CN', 'zh', 'zh-Hans']);
    expect(localeNames('zh-Hant-TW').at(-1)).toBe('zh-Hans'); // no Traditional locale yet: the nearest one
    expect(localeNames('en-GB')).toEqual(['en-GB', 'en']);
    expect(localeNames('fr').at(-1)).toBe('en');
  });
  it('formats dates, years and rule names per language', () => {
    const zh = loadLocale('zh-CN');
    expect(zh.date('2021-03-07')).toBe('2021年3月7日');
    expect(zh.year(2021)).toBe('2021年');
    expect(zh.words.questionIndex).toBe('提问索引');
    const en = loadLocale('en-US');
    expect(en.date('2021-03-07')).toBe('March 7, 2021');
    expect(en.year(2021)).toBe('2021');
    expect(en.format('handoutPage', { page: 2, pages: 5 })).toBe('page 2/5');
    expect(en.format('cleaning', { changes: 'a & b' })).toContain('a & b'); // plain text: escaped where printed
  });
  it('a book may override words of the shipped locale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressbook-locale-'));
    try {
      mkdirSync(join(dir, 'locales'));
      writeFileSync(join(dir, 'locales', 'en.yaml'), 'lang: en\nwords:\n  toc: Table of contents\n');
      const l = loadLocale('en', dir);
      expect(l.words.toc).toBe('Table of contents');
      expect(l.words.questionIndex).toBe('Index of questions');
      // a language pressbook does not ship: the book's words, English for the rest
      writeFileSync(join(dir, 'locales', 'fr.yaml'), 'lang: fr\nwords:\n  toc: Table des matières\n');
      const fr = loadLocale('fr', dir);
      expect(fr.words.toc).toBe('Table des matières');
      expect(fr.words.colophon).toBe('About this edition');
      writeFileSync(join(dir, 'locales', 'fr.yaml'), 'lang: fr\nwordz: {}\n');
      expect(() => loadLocale('fr-CA', dir)).toThrow(/not a locale file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
