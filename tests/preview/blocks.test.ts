/**
 * The preview's piecewise parse (src/preview/blocks.ts) gives the tree of the whole text — positions
 * included — for the example's canonical Markdown, after a paragraph edit (one piece parsed again), and
 * after edits that break the cuts (a deleted fence, raw HTML, a front matter fence, random line edits).
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BlockParser, pieces } from '../../src/preview/blocks.js';
import { parseEventMarkdown, parseMarkdownTree } from '../../src/markdown/parse.js';

const mdDir = (JSON.parse(readFileSync(join(inject('exampleOut'), 'book.json'), 'utf8')) as { mdDir: string }).mdDir;
const files = readdirSync(mdDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ path: join(mdDir, f), text: readFileSync(join(mdDir, f), 'utf8') }));

/** the parse of a text, or its error (one parse: the event is read from a copy of the tree compared) */
function outcome(text: string, tree: () => unknown) {
  try {
    const t = tree();
    return { tree: t, event: parseEventMarkdown(text, 'x.md', structuredClone(t) as never).event };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('piecewise parse of canonical Markdown', () => {
  it('cuts the example after every turn and joins the pieces into the tree of the whole text', () => {
    expect(files.length).toBe(3);
    for (const f of files) {
      const parts = pieces(f.text)!;
      expect(parts.length).toBeGreaterThan(20);
      expect(parts.join('')).toBe(f.text);
      const p = new BlockParser();
      expect(p.parse(f.path, f.text)).toEqual(parseMarkdownTree(f.text));
      expect(p.lastParsed).toBe(parts.length);
    }
  });

  it('parses only the edited turn again, and the tree is still that of the whole text', () => {
    const f = files[0]!;
    const p = new BlockParser();
    p.parse(f.path, f.text);
    const lines = f.text.split('\n');
    const at = lines.findIndex((l, i) => i > lines.length / 2 && l.trim() && !l.startsWith(':::') && lines[i - 1] === '');
    lines[at] = 'EDIT ' + lines[at] + ' 2020';
    const edited = lines.join('\n');
    expect(p.parse(f.path, edited)).toEqual(parseMarkdownTree(edited));
    expect(p.lastParsed).toBe(1);
    // a new line (the positions of every later piece move by one)
    lines.splice(at, 0, 'NEW PARAGRAPH', '');
    const longer = lines.join('\n');
    expect(p.parse(f.path, longer)).toEqual(parseMarkdownTree(longer));
    expect(p.lastParsed).toBe(1);
  });

  it('parses the whole text when a cut is not safe: a deleted fence, raw HTML, a front matter fence', () => {
    const f = files[1]!;
    const lines = f.text.split('\n');
    const close = lines.findIndex((l, i) => l === ':::' && i > 40);
    const cases = [
      lines.filter((_, i) => i !== close).join('\n'),
      lines.map((l, i) => (i === close + 2 ? '<b>' + l : l)).join('\n'),
      lines.map((l, i) => (i === close + 1 ? '---' : l)).join('\n'),
      f.text.replace(/\n/g, '\r\n'),
      lines.map((l, i) => (i === close ? ':::: ' : l)).join('\n'),
    ];
    for (const text of cases) {
      const p = new BlockParser();
      p.parse(f.path, f.text);
      expect(outcome(text, () => p.parse(f.path, text))).toEqual(outcome(text, () => parseMarkdownTree(text)));
    }
    expect(pieces(cases[0]!)).toBeUndefined();
  });

  it('never cuts where a piece would read differently alone: a front matter pair after a cut, a container open at the end, an open fence inside a container', () => {
    const f = files[1]!;
    const lines = f.text.split('\n');
    const close = lines.findIndex((l, i) => l === ':::' && i > 40);
    const last = lines.lastIndexOf(':::');
    expect(lines[close + 2]).toMatch(/^:::[a-z]/);
    const cases = {
      // "---" on the line after a cut and again two lines on: the piece alone would open with a front matter
      frontMatter: lines.map((l, i) => (i === close + 1 || i === close + 3 ? '---' : l)).join('\n'),
      // the last turn's closing fence deleted: the container is still open at the end of the text
      openAtEnd: lines.filter((_, i) => i !== last).join('\n'),
      // a container opened inside a turn: its ":::" closes it, not the turn
      nested: lines.flatMap((l, i) => (i === close + 3 ? [':::note', l, ':::'] : [l])).join('\n'),
    };
    for (const [name, text] of Object.entries(cases)) {
      const p = new BlockParser();
      p.parse(f.path, f.text);
      expect(outcome(text, () => p.parse(f.path, text)), name).toEqual(outcome(text, () => parseMarkdownTree(text)));
    }
    // the whole text is parsed: not one piece of it
    expect(pieces(cases.openAtEnd)).toBeUndefined();
    expect(pieces(cases.nested)).toBeUndefined();
    const p = new BlockParser();
    p.parse(f.path, cases.frontMatter);
    expect(p.lastParsed).toBe(1);
  });

  it('gives the whole text\'s tree (or its error) after random line edits', () => {
    // seeded: a line deleted, doubled or swapped with the next, a few at a time, on a warm parser
    let seed = 20260522;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (const f of files) {
      const p = new BlockParser();
      p.parse(f.path, f.text);
      for (let round = 0; round < 8; round++) {
        const lines = f.text.split('\n');
        for (let k = 0; k <= rand(3); k++) {
          const i = rand(lines.length - 1);
          const op = rand(3);
          if (op === 0) lines.splice(i, 1);
          else if (op === 1) lines.splice(i, 0, lines[i]!);
          else [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
        }
        const text = lines.join('\n');
        expect(outcome(text, () => p.parse(f.path, text))).toEqual(outcome(text, () => parseMarkdownTree(text)));
      }
    }
  });
});
