/** serialize → parse gives the same event, for text full of Markdown-significant characters. */
import { vi, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serializeEvent, isHandEdited } from '../../src/markdown/serialize.js';
import { parseEventMarkdown } from '../../src/markdown/parse.js';
import type { PressEvent } from '../../src/model/types.js';

// heavy (real seeds, many generated cases): generous timeouts for loaded CI machines
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const pieces = ['中国', '合作', '，', '。', '？', '“', '”', '《', '》', '*', '_', '#', '-', '+', '>', '1.', '2)', ':', ':name', '[', ']', '(', ')', '<b>', '&amp;', '\\', '`', '~', '|', '!', '=', '{', '}', ' ', 'a', 'Z', '0', '9', '%', '$', '"', "'", '——', '……', '::', ':::'];
const textArb = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 20 }).map((a) => a.join('').trim()).filter((s) => s.length > 0);

describe('canonical Markdown round trip (property)', () => {
  it('keeps paragraphs, labels, titles and highlights', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 3 }), textArb, textArb, textArb, (paras, label, title, hl) => {
        const ev: PressEvent = {
          meta: { id: '2020-05-24', date: '2020-05-24', year: 2020, title, language: 'zh-CN', sources: [{ file: 'a.txt', role: 'primary' }] },
          turns: [
            { kind: 'opening', speaker: '王毅', paragraphs: paras },
            { kind: 'question', paragraphs: paras, question: { id: '2020-05-24-01', seq: 1, label, outlet: label, title: label, topics: ['中美', '台湾'] } },
            { kind: 'narration', paragraphs: paras },
          ],
          highlights: [{ text: hl, source: 'b.txt' }],
        };
        const md = serializeEvent(ev);
        expect(isHandEdited(md)).toBe(false);
        const back = parseEventMarkdown(md).event;
        delete back.meta.hash;
        expect(back).toEqual(ev);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });
});
