/** Escaping for canonical Markdown, output exact (written against the mutants StrykerJS left alive). */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../helpers/tmp.js';
import { join } from 'node:path';
import { escapeAttr, escapeInline } from '../../src/markdown/escape.js';
import { readMarkdownFolder } from '../../src/markdown/folder.js';
import { serializeEvent } from '../../src/markdown/serialize.js';
import { richEvent } from '../helpers/events.js';

describe('escapeInline', () => {
  it('escapes each Markdown-significant character with a backslash, and nothing else', () => {
    expect(escapeInline('a*b_c[d]<e>&f~g|h\\i`j')).toBe('a\\*b\\_c\\[d\\]\\<e\\>\\&f\\~g\\|h\\\\i\\`j');
    expect(escapeInline('中方（记者笑）“好”，1.5%，#2 - 3 + 4 = 7!')).toBe('中方（记者笑）“好”，1.5%，#2 - 3 + 4 = 7!');
  });
  it('escapes a colon before anything but whitespace (a text directive would eat it)', () => {
    expect(escapeInline('比如:中国')).toBe('比如\\:中国');
    expect(escapeInline('时间: 下午 ::x')).toBe('时间: 下午 \\:\\:x');
    expect(escapeInline('结尾:')).toBe('结尾:');
  });
  it('escapes block constructs at the start only', () => {
    for (const c of ['#', '>', '+', '=', '-']) {
      expect(escapeInline(`${c} 甲`)).toBe(`\\${c} 甲`);
      // ">" is escaped everywhere (an HTML-like "<…>" pair), the others only at the start
      expect(escapeInline(`甲 ${c} 乙`)).toBe(c === '>' ? '甲 \\> 乙' : `甲 ${c} 乙`);
    }
    expect(escapeInline('12. 甲')).toBe('12\\. 甲');
    expect(escapeInline('3) 甲')).toBe('3\\) 甲');
    expect(escapeInline('123456789. 甲')).toBe('123456789\\. 甲');
    expect(escapeInline('1234567890. 甲')).toBe('1234567890. 甲');
    expect(escapeInline('甲 1. 乙')).toBe('甲 1. 乙');
  });
  it('keeps leading and trailing blanks as character references, inner ones as they are', () => {
    expect(escapeInline('  - 甲')).toBe('&#32;&#32;\\- 甲');
    expect(escapeInline('\t甲 乙\t ')).toBe('&#9;甲 乙&#9;&#32;');
    expect(escapeInline(' 1. 甲')).toBe('&#32;1\\. 甲');
  });
});

describe('escapeAttr', () => {
  it('ampersands first, then quotes, newlines to spaces', () => {
    expect(escapeAttr('a&b"c\nd&quot;')).toBe('a&amp;b&quot;c d&amp;quot;');
    expect(escapeAttr('路透社')).toBe('路透社');
  });
});

describe('readMarkdownFolder', () => {
  it('reads only the named files when asked, sorted by date then id', () => {
    const dir = tempDir('pb-folder-');
    for (const [name, id, date] of [['z.md', '2021-03-07', '2021-03-07'], ['a.md', '2021-03-07b', '2021-03-07'], ['m.md', '2020-01-02', '2020-01-02']]) {
      const ev = richEvent(id!, date);
      writeFileSync(join(dir, name!), serializeEvent(ev));
    }
    writeFileSync(join(dir, 'notes.txt'), 'not markdown');
    expect(readMarkdownFolder(dir).map((e) => e.meta.id)).toEqual(['2020-01-02', '2021-03-07', '2021-03-07b']);
    expect(readMarkdownFolder(dir, undefined, [join('/elsewhere', 'a.md'), 'z.md']).map((e) => e.meta.id)).toEqual(['2021-03-07', '2021-03-07b']);
  });
});
