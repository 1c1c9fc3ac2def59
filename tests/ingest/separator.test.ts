/** The separator rule alone, output exact (written against its NoCoverage mutants, docs/mutation.md). */
import { describe, expect, it } from 'vitest';
import { createContext, runRule } from '../../src/ingest/rules/rule.js';
import { separatorRule } from '../../src/ingest/rules/separator.js';

const L = (...t: string[]) => t.map((text, i) => ({ text, src: i + 1 }));

describe('separator rule', () => {
  it('removes separator lines, reports each with its text, keeps one paragraph break, marks the next line a turn break', () => {
    const ctx = createContext('f');
    const out = runRule(separatorRule, L('王毅：回答完毕。', '*****', '', '  ———  ', '', '注：以上为实录。'), ctx);
    // a blank line where the first separator stood (the text before it was not blank); none for the
    // second (a blank line precedes it already); the source's own blank lines kept
    expect(out).toEqual([
      { text: '王毅：回答完毕。', src: 1 },
      { text: '', src: 2 },
      { text: '', src: 3 },
      { text: '', src: 5 },
      { text: '注：以上为实录。', src: 6 },
    ]);
    expect(out.some((l) => /[*—]/.test(l.text))).toBe(false);
    expect(ctx.vfile.messages.map((m) => [m.reason, m.line, m.actual, m.ruleId])).toEqual([
      ['removed a separator line', 2, '*****', 'separator'],
      ['removed a separator line', 4, '———', 'separator'],
    ]);
    expect(ctx.out.fixes).toEqual({ separator: 2 });
    expect([...ctx.out.breaks]).toEqual([6]);
  });

  it('adds no blank line at the start or after a blank, and marks nothing when no text follows', () => {
    const ctx = createContext('f');
    expect(runRule(separatorRule, L('*****', '正文。', '续。'), ctx)).toEqual([{ text: '正文。', src: 2 }, { text: '续。', src: 3 }]);
    // only the first line after the separator starts a turn
    expect([...ctx.out.breaks]).toEqual([2]);
    const c2 = createContext('f');
    expect(runRule(separatorRule, L('正文。', '', '*****', '   '), c2)).toEqual([{ text: '正文。', src: 1 }, { text: '', src: 2 }, { text: '   ', src: 4 }]);
    expect([...c2.out.breaks]).toEqual([]);
  });

  it('does not apply to digests', () => {
    expect(separatorRule.applies(createContext('f', { layout: { base: 'digest', digestHead: false } }))).toBe(false);
    expect(separatorRule.applies(createContext('f', { layout: { base: 'paragraphs', digestHead: false } }))).toBe(true);
  });
});
