// prepareBook's fallback when the Markdown read from memory is not what its parse gives: simulated
// by a parsedShape that changes a paragraph; the Book is then read again, parsing, and the text of
// the file wins. (The modules are imported afresh with the mock: test files share a worker's modules.)
import { afterAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../helpers/tmp.js';
import type { PressEvent } from '../../src/model/types.js';

afterAll(() => {
  vi.doUnmock('../../src/markdown/parse.js');
  vi.resetModules();
});

describe('prepareBook: a deferred parse that differs', () => {
  it('gives the Book read again from the Markdown, and says which file differed', async () => {
    vi.resetModules();
    vi.doMock('../../src/markdown/parse.js', async (original) => {
      const m = await original<typeof import('../../src/markdown/parse.js')>();
      return {
        ...m,
        parsedShape: (ev: PressEvent, hash: string | undefined) => {
          const e = m.parsedShape(ev, hash);
          e.turns[0]!.paragraphs[0] = '不是文件里的文字。';
          return e;
        },
      };
    });
    const { loadConfig } = await import('../../src/config/load.js');
    const { prepareBook } = await import('../../src/build.js');
    const out = tempDir('pb-deferred-');
    const config = loadConfig(join(__dirname, '..', '..', 'examples', 'npc-foreign-press'));
    const p = await prepareBook(config, out, { deferParse: true });
    expect(p.book.events[0]!.turns[0]!.paragraphs[0]).toBe('不是文件里的文字。');
    expect(p.checkParse()).toMatch(/\.md: the parse differs from the event written/);
    const { book, differs } = await p.parsedBook();
    expect(differs).toMatch(/\.md: the parse differs/);
    expect(book.events.map((e) => e.turns[0]!.paragraphs[0])).not.toContain('不是文件里的文字。');
    expect(book.events.map((e) => e.meta.id)).toEqual(p.book.events.map((e) => e.meta.id));
    expect(book.cleaning).toEqual(p.book.cleaning);
  });
});
