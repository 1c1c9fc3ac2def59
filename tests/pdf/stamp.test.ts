/**
 * Running heads stamped with pdf-lib (src/render/shared/pdf-stamp.ts) on blank pages, read back with
 * pdfjs-dist: the text as written (Latin, digits, Han, spaces of several widths) and each glyph at the
 * npm font's own advance. No browser: fast.
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { stampPdf } from '../../src/render/shared/pdf-stamp.js';
import { pdfPagesText } from '../helpers/pdf.js';
import { spacingErrors, stampedLines, textOf } from '../helpers/heads.js';

const HEADS = [
  // digits next to Latin letters: Noto CJK's `locl` gives them other glyphs than its cmap does
  'Parallel reading 2018-09-05 · 2026年11月22日 · 第 1/5 页',
  // ideographic spaces (the handout's separator)
  '中美关系问答选读（2020—2022）\u3000·\u30002024年9月1日\u3000·\u3000第 3/12 页',
  'Office 365, AVAWAY fi fl ffi 1/2 ½ — “quoted” 2019',
];

async function stamped(heads: string[], folio = (i: number) => String(i + 1)) {
  const d = await PDFDocument.create();
  for (const _ of heads) d.addPage([420, 595]);
  return stampPdf(await d.save(), { header: (i) => heads[i] ?? '', footer: folio });
}

describe('stamped running heads', () => {
  it('read back as their text, each glyph at the font\'s advance (kerning included)', async () => {
    const bytes = await stamped(HEADS);
    const lines = await stampedLines(bytes);
    const texts = await pdfPagesText(bytes);
    HEADS.forEach((h, i) => {
      expect(textOf(lines[i]!.head)).toBe(h);
      expect(texts[i]!.replace(/\s+/g, ' ')).toContain(h.replace(/\s+/g, ' '));
      expect(spacingErrors(lines[i]!.head!, h)).toEqual([]);
      expect(textOf(lines[i]!.folio)).toBe(String(i + 1));
    });
  });

  it('draws a line break or tab in a head as one space', async () => {
    const bytes = await stamped(['Press\nconference\t2020年']);
    const [line] = await stampedLines(bytes);
    expect(textOf(line!.head)).toBe('Press conference 2020年');
    expect(spacingErrors(line!.head!, 'Press conference 2020年')).toEqual([]);
  });

  it('cuts a head too long for the measure with an ellipsis, and the cut head reads back', async () => {
    const long = 'A very long running head 2020 '.repeat(8).trim();
    const [line] = await stampedLines(await stamped([long]));
    const t = textOf(line!.head);
    expect(t.endsWith('…')).toBe(true);
    expect(long.startsWith(t.slice(0, -1))).toBe(true);
    expect(spacingErrors(line!.head!, t)).toEqual([]);
  });
});
