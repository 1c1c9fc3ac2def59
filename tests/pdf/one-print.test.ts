/**
 * The small book's layout pass predicted instead of printed (render/print/predict.ts, two-pass.ts):
 * the bundled example takes the one-print path, and its PDF is byte for byte the one the printed layout
 * pass gives; a prediction made wrong on purpose (one body page's last line a px lower, one anchor a page
 * later) is caught by the check of the one print and falls back to the printed layout pass, with the
 * same bytes; a balancing planned from a wrong estimate is replanned from the print and printed once more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { renderPdfTwoPass, type TwoPassResult } from '../../src/render/print/two-pass.js';
import type { Prediction } from '../../src/render/print/predict.js';
import { launchBrowser, type PressbookBrowser } from '../../src/browser/launch.js';
import type { Book } from '../../src/model/types.js';
import { exampleBook } from '../helpers/example.js';
import { tempDir } from '../helpers/tmp.js';

describe('the layout pass predicted (one print)', () => {
  const tmp = tempDir('pb-one-print-');
  let browser: PressbookBrowser;
  let book: Book;
  let n = 0;
  const render = (opts: { passA?: 'predict' | 'print'; predictionHook?: (p: Prediction) => void }): Promise<TwoPassResult> => {
    const dir = join(tmp, String(n++));
    return renderPdfTwoPass(book, join(dir, 'book.pdf'), { buildRoot: join(dir, '.build'), browser, ...opts });
  };
  let printed: TwoPassResult;

  beforeAll(async () => {
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    book = exampleBook();
    browser = await launchBrowser();
    printed = await render({ passA: 'print' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the printed layout pass is asked for: two prints', () => {
    expect(printed.layoutPass).toMatch(/^printed \(asked for/);
    expect(printed.prints).toBe(2);
  });

  it('the example is printed once, and its PDF is the printed layout pass’s, byte for byte', async () => {
    const r = await render({});
    expect(r.layoutPass).toBe('predicted (one print)');
    expect(r.prints).toBe(1);
    expect(r.balance?.stretched).toBeGreaterThan(0);
    expect(r.balance).toEqual(printed.balance);
    expect(Buffer.from(r.bytes).equals(Buffer.from(printed.bytes))).toBe(true);
    expect([...r.labels]).toEqual([...printed.labels]);
  }, 120_000);

  it('a body page’s last line predicted a px lower is caught: the printed layout pass, the same bytes', async () => {
    let page = -1;
    const r = await render({
      predictionHook: (p) => {
        // the first body page with a dozen lines
        const [k, ys] = [...p.lines].sort((a, b) => a[0] - b[0]).find(([, ys]) => ys.length > 12)!;
        page = k;
        ys[ys.length - 1]! += 1;
      },
    });
    expect(page).toBeGreaterThan(0);
    expect(r.layoutPass).toMatch(/^printed \(prediction not kept: page \d+: /);
    expect(r.prints).toBe(3);
    expect(Buffer.from(r.bytes).equals(Buffer.from(printed.bytes))).toBe(true);
  }, 120_000);

  it('an anchor predicted a page later is caught: the printed layout pass, the same bytes', async () => {
    const r = await render({
      predictionHook: (p) => {
        const id = [...p.anchors.keys()].find((k) => k.startsWith('ev-'))!;
        p.anchors.get(id)!.page += 1;
      },
    });
    expect(r.layoutPass).toMatch(/^printed \(prediction not kept: anchors: ev-/);
    expect(Buffer.from(r.bytes).equals(Buffer.from(printed.bytes))).toBe(true);
  }, 120_000);

  it('a balancing planned from a wrong estimate of the print’s scale is replanned from the first print and printed once more: the same bytes', async () => {
    const r = await render({
      predictionHook: (p) => {
        // as if a line overflowed the page box by 2 px: Chromium's shrink to fit, estimated, is then wrong
        p.right = p.box.width + 2;
      },
    });
    expect(r.layoutPass).toBe('predicted (two prints: the balancing replanned from the first)');
    expect(r.prints).toBe(2);
    expect(Buffer.from(r.bytes).equals(Buffer.from(printed.bytes))).toBe(true);
  }, 120_000);

  it('PRESSBOOK_PASS_A=print asks for the printed layout pass', async () => {
    process.env.PRESSBOOK_PASS_A = 'print';
    try {
      const r = await render({});
      expect(r.layoutPass).toMatch(/^printed \(asked for/);
      expect(Buffer.from(r.bytes).equals(Buffer.from(printed.bytes))).toBe(true);
    } finally {
      delete process.env.PRESSBOOK_PASS_A;
    }
  }, 120_000);
});
