/**
 * cleanLines (src/ingest/rules/index.ts): the chain's audit on a page with messages of its own,
 * rules that apply to one layout only, and speaker labels found only once the character rules have
 * cleaned them (written against the survivors of a StrykerJS run; see docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { cleanLines, RULES } from '../../src/ingest/rules/index.js';
import type { CleaningRule } from '../../src/ingest/rules/rule.js';

type Msg = { fatal?: boolean | null; reason: string; ruleId?: string | null; line?: number | null };
const errors = (ms: Msg[]) => ms.filter((m) => m.fatal === true).map((m) => ({ rule: m.ruleId, line: m.line, reason: m.reason }));
const dropper: CleaningRule = { name: 'dropper', stage: 'lines', description: 'drops the last line silently', applies: () => true, transform: (l) => l.slice(0, -1) };
const PARAS = { base: 'paragraphs', digestHead: false } as const;

// a page with messages of its own: stray spaces, a photo caption; source lines from 5 on
const page = ['王毅：大家好。', '', '新华社记者才扬摄', '', '路透社记者：将近 150个国家对此有何评论？', '', '王毅：中方的立场是一贯的。'].map((text, i) => ({ text, src: i + 5 }));

describe('cleanLines: the audit on a real-looking page', () => {
  it('only the culprit\'s error is copied from the audit run, not its other messages', () => {
    const clean = cleanLines(page, 'f', PARAS);
    expect(clean.ctx.vfile.messages.length).toBeGreaterThanOrEqual(2); // the caption and the spaces
    const r = cleanLines(page, 'f', PARAS, undefined, [...RULES.slice(0, 5), dropper, ...RULES.slice(5)]);
    expect(errors(r.ctx.vfile.messages)).toEqual([{ rule: 'dropper', line: 5, reason: 'rule "dropper" dropped 11 Han character(s) without a message' }]);
    expect(r.ctx.vfile.messages.length).toBe(clean.ctx.vfile.messages.length + 1);
  });

  it('the audit re-runs the chain in the source\'s own layout: a rule for digests only is named', () => {
    const digestOnly: CleaningRule = { ...dropper, name: 'digest-dropper', applies: (ctx) => ctx.layout.base === 'digest' };
    const r = cleanLines(page, 'f', { base: 'digest', digestHead: false }, undefined, [...RULES, digestOnly]);
    expect(errors(r.ctx.vfile.messages)).toEqual([{ rule: 'digest-dropper', line: 5, reason: 'rule "digest-dropper" dropped 11 Han character(s) without a message' }]);
  });

  it('a loss no single rule shows is reported at the first source line (line 1 for an empty source)', () => {
    let runs = 0;
    const dropOnce: CleaningRule = { ...dropper, name: 'flaky', transform: (l) => (runs++ === 0 ? l.slice(0, -1) : l) };
    const r = cleanLines(page, 'f', PARAS, undefined, [...RULES, dropOnce]);
    expect(errors(r.ctx.vfile.messages)).toEqual([{ rule: 'pressbook', line: 5, reason: 'the rules dropped 11 Han character(s) without a message' }]);
    runs = 0;
    const inventOnce: CleaningRule = { ...dropper, name: 'flaky', transform: (l) => (runs++ === 0 ? [...l, { text: '谢谢。', src: 1 }] : l) };
    const e = cleanLines([], 'f', PARAS, undefined, [...RULES, inventOnce]);
    expect(errors(e.ctx.vfile.messages)).toEqual([{ rule: 'pressbook', line: 1, reason: 'the rules added 2 Han character(s) without a message' }]);
  });
});

describe('cleanLines: speakers are found after the character rules', () => {
  it('a label with a zero-width space inside the name (copied from a web page) is a speaker', () => {
    const lines = ['王\u200b毅：大家好。今天我们谈中俄关系。', '', '路透社记者：请问中方对此有何评论？', '', '王\u200b毅：中方的立场是一贯的。'].map((text, i) => ({ text, src: i + 1 }));
    const r = cleanLines(lines, 'f', PARAS);
    expect([...r.ctx.speakers]).toEqual(['王毅']);
    expect(r.lines.map((l) => l.text)).toEqual(['王毅：大家好。今天我们谈中俄关系。', '路透社记者：请问中方对此有何评论？', '王毅：中方的立场是一贯的。']);
    expect(r.ctx.isBoundary('王毅：谢谢。')).toBe(true);
  });
});
