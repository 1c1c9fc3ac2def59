/** The rule registry: one interface, one declared order, messages through vfile. */
import { describe, expect, it } from 'vitest';
import { RULES, checkOrder, cleanLines } from '../../src/ingest/rules/index.js';
import { createContext, runRule } from '../../src/ingest/rules/rule.js';
import { noiseRule } from '../../src/ingest/rules/noise.js';
import { corruptionRule } from '../../src/ingest/rules/corruption.js';
import { sourceFile } from '../../src/ingest/message.js';
import { processText } from '../../src/ingest/index.js';

describe('rule registry', () => {
  it('declares the rules in one order, stage by stage', () => {
    expect(RULES.map((r) => r.name)).toEqual(['desegment', 'spacing', 'punctuation', 'noise', 'head', 'separator', 'reflow', 'corruption']);
    expect(RULES.map((r) => r.stage)).toEqual(['characters', 'characters', 'characters', 'lines', 'lines', 'lines', 'paragraphs', 'paragraphs']);
    expect(checkOrder()).toEqual([]);
    for (const r of RULES) {
      expect(typeof r.applies).toBe('function');
      expect(typeof r.transform).toBe('function');
      expect(r.description.length).toBeGreaterThan(10);
    }
  });

  it('rejects a registry out of stage order or with a rule twice', () => {
    expect(checkOrder([corruptionRule, noiseRule])).toEqual(['rule "noise" (lines) comes after a paragraphs rule']);
    expect(checkOrder([noiseRule, noiseRule])).toEqual(['rule "noise" declared twice']);
  });

  it('runs only the rules that apply to the layout', () => {
    const seg = createContext('f', { layout: { base: 'segmented', digestHead: false } });
    const applies = (ctx: typeof seg) => RULES.filter((r) => r.applies(ctx)).map((r) => r.name);
    expect(applies(seg)).toEqual(['desegment', 'punctuation', 'noise', 'head', 'separator', 'reflow', 'corruption']);
    expect(applies(createContext('f', { layout: { base: 'digest', digestHead: false } }))).toEqual(['spacing', 'punctuation', 'noise', 'head']);
  });

  it('reports through vfile messages: ruleId, place, removed text as actual', () => {
    const vfile = sourceFile('x.txt');
    const lines = ['王毅：大家好。', '', '新华社记者才扬摄', '', '路透社记者：问题？', '', '王毅：回答。'].map((text, i) => ({ text, src: i + 1 }));
    cleanLines(lines, 'x.txt', { base: 'paragraphs', digestHead: false }, vfile);
    const m = vfile.messages.find((x) => x.ruleId === 'noise')!;
    expect(m).toMatchObject({ ruleId: 'noise', source: 'pressbook', line: 3, actual: '新华社记者才扬摄', fatal: false });
    expect(m.reason).toBe('removed photo caption');
  });

  it('keeps the report shape: removals carry removed text, rule, line', () => {
    const p = processText('王毅：大家好。\n\n新华社记者才扬摄\n\n路透社记者：问题？\n\n王毅：回答。', 'x.txt');
    expect(p.report.removals).toEqual([{ file: 'x.txt', line: 3, rule: 'noise', severity: 'warning', message: 'removed photo caption', removed: '新华社记者才扬摄' }]);
  });

  it('attributes fixes to the rule that made them', () => {
    const ctx = createContext('f');
    runRule(RULES.find((r) => r.name === 'spacing')!, [{ text: '将近 150个', src: 4 }], ctx);
    expect(ctx.out.fixes).toEqual({ spacing: 1 });
    expect(ctx.vfile.messages[0]).toMatchObject({ ruleId: 'spacing', line: 4 });
  });
  it('never lets a rule drop text without a message', () => {
    const sloppy = { name: 'sloppy', stage: 'lines' as const, description: 'drops the last line silently', applies: () => true, transform: (l: { text: string; src: number }[]) => l.slice(0, -1) };
    const ctx = createContext('f');
    runRule(sloppy, [{ text: '第一段。', src: 1 }, { text: '第二段。', src: 2 }], ctx, true);
    expect(ctx.vfile.messages).toHaveLength(1);
    expect(ctx.vfile.messages[0]).toMatchObject({ ruleId: 'sloppy', fatal: true, reason: 'rule "sloppy" dropped 3 Han character(s) without a message' });
    // the engine checks the whole chain and names the rule
    const lines = ['王毅：大家好。', '', '路透社记者：问题？', '', '王毅：回答。'].map((text, i) => ({ text, src: i + 1 }));
    const r = cleanLines(lines, 'f', { base: 'paragraphs', digestHead: false }, undefined, [...RULES.slice(0, 5), sloppy, ...RULES.slice(5)]);
    expect(r.ctx.vfile.messages.filter((m) => m.fatal === true).map((m) => m.reason)).toEqual(['rule "sloppy" dropped 4 Han character(s) without a message']);
    expect(cleanLines(lines, 'f', { base: 'paragraphs', digestHead: false }).ctx.vfile.messages.filter((m) => m.fatal === true)).toEqual([]);
  });

  it('every registered rule accounts for what it removes, on all seeds', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const f of readdirSync('examples/npc-foreign-press/sources')) {
      const text = readFileSync(`examples/npc-foreign-press/sources/${f}`, 'utf8');
      const p = processText(text, f);
      expect(p.report.warnings.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });
});
