/** Where a character of the book's text is written: file:line:column in its Markdown, then in pressbook.yaml. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { placesOf } from '../../src/markdown/places.js';
import type { Book, PressEvent } from '../../src/model/types.js';
import { tempDir } from '../helpers/tmp.js';

const event = (id: string, date: string): PressEvent => ({ meta: { id, date, year: 2020, title: id, language: 'zh-CN', sources: [] }, turns: [], highlights: [] });

describe('placesOf', () => {
  const dir = tempDir('pb-places-');
  const a = join(dir, 'a.md');
  const b = join(dir, 'b.md');
  const yaml = join(dir, 'pressbook.yaml');
  // b is the earlier conference: searched first; CRLF line ends; a character outside the BMP (two code units)
  writeFileSync(b, '---\r\nid: 2020-01-01\r\n---\r\n\r\n甲乙\uE000丙\r\n\uE000\r\n');
  writeFileSync(a, '𠀀x\uE000\n\uE000\n\uE000\n');
  writeFileSync(yaml, 'title: 书\u2603\n');
  const book = {
    config: { file: yaml },
    events: [event('2020-02-02', '2020-02-02'), event('2020-01-01', '2020-01-01')],
    markdownFiles: new Map([
      ['2020-02-02', a],
      ['2020-01-01', b],
    ]),
  } as unknown as Book;

  it('gives the first places in book order, line and column 1-based (UTF-16 columns, as the parser counts)', () => {
    const p = placesOf(book, [0xe000, 0x2603, 0x4e01], 3);
    expect(p.get(0xe000)).toEqual([
      { file: b, line: 5, column: 3, event: '2020-01-01' },
      { file: b, line: 6, column: 1, event: '2020-01-01' },
      { file: a, line: 1, column: 4, event: '2020-02-02' },
    ]);
    // in no Markdown file: the book's configuration
    expect(p.get(0x2603)).toEqual([{ file: yaml, line: 1, column: 9 }]);
    // nowhere
    expect(p.get(0x4e01)).toEqual([]);
  });

  it('stops at the number asked for', () => {
    expect(placesOf(book, [0xe000], 1).get(0xe000)).toEqual([{ file: b, line: 5, column: 3, event: '2020-01-01' }]);
  });
});
