/**
 * The rule engine itself (src/ingest/rules/rule.ts and index.ts): the context a rule runs in, the
 * attribution of messages and fixes, the audit that no rule drops or adds text silently, and the
 * speaker labels found after the character rules. Pure unit tests on small snippets shaped like the
 * ministry pages.
 */
import { describe, expect, it } from 'vitest';
import { checkOrder, cleanLines, RULES } from '../../src/ingest/rules/index.js';
import { applyRule, createContext, hanOf, hanReported, lineRule, runRule, type CleaningRule } from '../../src/ingest/rules/rule.js';
import { spacingRule } from '../../src/ingest/rules/spacing.js';
import { corruptionRule } from '../../src/ingest/rules/corruption.js';
import { headRule } from '../../src/ingest/rules/head.js';
import { sourceFile } from '../../src/ingest/message.js';

type L = { text: string; src: number };
const lines = (...t: string[]): L[] => t.map((text, i) => ({ text, src: i + 1 }));
const errors = (ctx: { vfile: { messages: { fatal?: boolean | null; reason: string; ruleId?: string | null; line?: number | null }[] } }) =>
  ctx.vfile.messages.filter((m) => m.fatal === true).map((m) => ({ rule: m.ruleId, line: m.line, reason: m.reason }));

/** a rule that drops the last line without a word */
const dropper: CleaningRule = { name: 'dropper', stage: 'lines', description: 'drops the last line silently', applies: () => true, transform: (l) => l.slice(0, -1) };
/** a rule that makes up text */
const inventor: CleaningRule = { name: 'inventor', stage: 'lines', description: 'appends a sentence nobody said', applies: () => true, transform: (l) => [...l, { text: '谢谢。', src: 99 }] };

describe('rule context', () => {
  it('defaults: paragraphs layout, no speakers, no boundary, messages outside a rule go to "pressbook"', () => {
    const ctx = createContext('2018-12-06.html');
    expect(ctx.layout).toEqual({ base: 'paragraphs', digestHead: false });
    expect(ctx.speakers.size).toBe(0);
    expect(ctx.isBoundary('王毅：大家好。')).toBe(false);
    expect(ctx.wrap).toBeUndefined();
    expect(ctx.vfile.path).toBe('2018-12-06.html');
    ctx.report('a note of the engine', { line: 3 });
    expect(ctx.vfile.messages[0]).toMatchObject({ ruleId: 'pressbook', line: 3, reason: 'a note of the engine' });
    expect(ctx.out).toEqual({ titles: [], bullets: [], repeated: 0, truncated: 0, listBullets: 0, fixes: {}, breaks: new Set() });
  });

  it('a rule\'s messages and fixes are attributed to it, and to "pressbook" again after it', () => {
    const ctx = createContext('f');
    runRule(spacingRule, lines('将近 150个', '中国 将 继续', '没有空格。'), ctx);
    expect(ctx.out.fixes).toEqual({ spacing: 3 }); // 1 + 2 spaces, accumulated over the lines
    expect(ctx.vfile.messages.map((m) => [m.ruleId, m.line])).toEqual([['spacing', 1], ['spacing', 2]]);
    ctx.report('after the rule', { line: 1 });
    expect(ctx.vfile.messages[2]!.ruleId).toBe('pressbook');
    ctx.fix(2);
    expect(ctx.out.fixes).toEqual({ spacing: 3, pressbook: 2 });
  });

  it('a rule that fixes nothing leaves no fix count, not even 0', () => {
    const ctx = createContext('f', { isBoundary: (t) => /^(?:问|答)：/.test(t) });
    const out = runRule(corruptionRule, lines('问：中方对此有何评论？', '答：中方的立场是一贯的、明确的。'), ctx, true);
    expect(out.map((l) => l.text)).toEqual(['问：中方对此有何评论？', '答：中方的立场是一贯的、明确的。']);
    expect(ctx.out.fixes).toEqual({});
    expect(ctx.vfile.messages).toHaveLength(0);
  });

  it('a rule that does not apply is not run', () => {
    const digest = createContext('f', { layout: { base: 'digest', digestHead: false } });
    const looped = lines(...Array.from({ length: 4 }, () => '我毫不怀疑，中俄共同抗疫的经历，将转化为疫情后中俄关系提速升级的动力。中方愿同俄方携手化危为机。'));
    expect(runRule(corruptionRule, looped, digest)).toBe(looped);
    expect(digest.vfile.messages).toHaveLength(0);
    expect(digest.out.repeated).toBe(0);
    // the same lines in a transcript: the loop is removed
    const transcript = createContext('f');
    expect(runRule(corruptionRule, looped, transcript)).toHaveLength(1);
  });

  it('lineRule: one message per changed line with its count, unchanged lines passed on as they are', () => {
    const rule = lineRule('fullstop', 'half-width full stop after Han text', () => true, (t) => {
      const text = t.replace(/(\p{Script=Han})\./gu, '$1。');
      let count = 0;
      for (let i = 0; i < t.length; i++) if (t[i] !== text[i]) count++;
      return { text, count };
    }, (n) => `${n} full stop(s)`);
    const input = lines('中方欢迎. 我们支持.', '没有问题。');
    const ctx = createContext('f');
    const out = runRule(rule, input, ctx);
    expect(out.map((l) => l.text)).toEqual(['中方欢迎。 我们支持。', '没有问题。']);
    expect(out[1]).toBe(input[1]);
    expect(out[0]).toEqual({ text: '中方欢迎。 我们支持。', src: 1 });
    expect(ctx.vfile.messages.map((m) => [m.line, m.reason])).toEqual([[1, '2 full stop(s)']]);
    expect(ctx.out.fixes).toEqual({ fullstop: 2 });
  });
});

describe('audit: no rule drops or adds text silently', () => {
  it('names the rule, the direction, the count and the first line', () => {
    const ctx = createContext('f');
    runRule(dropper, [{ text: '王毅：大家好。', src: 7 }, { text: '路透社记者：请问中方对此有何评论？', src: 9 }], ctx, true);
    expect(errors(ctx)).toEqual([{ rule: 'dropper', line: 7, reason: 'rule "dropper" dropped 15 Han character(s) without a message' }]);
    const add = createContext('f');
    runRule(inventor, [{ text: '王毅：大家好。', src: 7 }], add, true);
    expect(errors(add)).toEqual([{ rule: 'inventor', line: 7, reason: 'rule "inventor" added 2 Han character(s) without a message' }]);
    // an empty source: the message sits at line 1
    const empty = createContext('f');
    runRule(inventor, [], empty, true);
    expect(errors(empty)).toEqual([{ rule: 'inventor', line: 1, reason: 'rule "inventor" added 2 Han character(s) without a message' }]);
  });

  it('without audit nothing is checked; with audit an honest rule gets no error', () => {
    const ctx = createContext('f');
    expect(runRule(dropper, lines('第一段。', '第二段。'), ctx)).toHaveLength(1);
    expect(ctx.vfile.messages).toHaveLength(0);
    const honest = createContext('f', { isBoundary: (t) => /^(?:问|答)：/.test(t) });
    const p = '我毫不怀疑，中俄共同抗疫的经历，将转化为疫情后中俄关系提速升级的动力。中方愿同俄方携手化危为机。';
    runRule(corruptionRule, lines('答：' + p, p, p, p), honest, true);
    expect(honest.out.repeated).toBe(3); // the answer said once, then three copies
    expect(errors(honest)).toEqual([]);
  });

  it('counts removed text and the headline bullets handed on, from the given message and bullet on', () => {
    const ctx = createContext('f');
    ctx.report('earlier removal', { line: 1, removed: '新华社记者才扬摄' });
    ctx.out.bullets.push({ text: '王毅：中美要合作', src: 1 });
    expect(hanReported(ctx, 0, 0)).toBe(8 + 7);
    expect(hanReported(ctx, 1, 1)).toBe(0);
    ctx.report('an info without removed text', { line: 2 });
    ctx.report('a removal', { line: 3, removed: '（下转3版）' });
    expect(hanReported(ctx, 1, 0)).toBe(3 + 7); // 下转版 + the bullet
    expect(hanOf(lines('王毅：大家好。', 'Thank you.', '答：好的。'))).toBe(5 + 3);
  });

  it('a digest head: the bullets the head rule hands on count as accounted for', () => {
    const src = lines('王毅就中美关系等答记者问', '', '■中美应当管控分歧', '■中方愿同各方加强合作', '', '问：请问中方对此有何评论？');
    const r = applyRule(headRule, src, 'f', { layout: { base: 'paragraphs', digestHead: true } });
    expect(r.out.titles).toEqual(['王毅就中美关系等答记者问']);
    expect(r.out.bullets.map((b) => b.text)).toEqual(['中美应当管控分歧', '中方愿同各方加强合作']);
    expect(r.lines.map((l) => l.text)).toEqual(['', '', '', '', '', '问：请问中方对此有何评论？']);
    expect(r.diags.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a rule run on its own (applyRule, behind noise(), head() …) is always audited', () => {
    const r = applyRule(dropper, lines('王毅：大家好。', '路透社记者：请问中方对此有何评论？'), 'f');
    expect(r.lines).toHaveLength(1);
    expect(r.diags).toEqual([{ file: 'f', line: 1, rule: 'dropper', severity: 'error', message: 'rule "dropper" dropped 15 Han character(s) without a message' }]);
  });

  it('applyRule reports only the rule\'s own messages when given a file with earlier ones', () => {
    const vfile = sourceFile('f');
    vfile.message('an earlier message of the decoder');
    const r = applyRule(spacingRule, lines('将近 150个'), 'f', { vfile });
    expect(r.diags).toEqual([{ file: 'f', line: 1, rule: 'spacing', severity: 'info', message: expect.any(String) }]);
    expect(r.fixes).toBe(1);
    expect(vfile.messages).toHaveLength(2);
  });
});

describe('cleanLines: the whole chain', () => {
  const page = lines('王毅：大家好。', '', '路透社记者：请问中方对此有何评论？', '', '王毅：中方的立场是一贯的。');

  it('a sloppy rule in the chain: one error naming it, the other messages unchanged', () => {
    const clean = cleanLines(page, 'f', { base: 'paragraphs', digestHead: false });
    const chain = [...RULES.slice(0, 5), dropper, ...RULES.slice(5)];
    const r = cleanLines(page, 'f', { base: 'paragraphs', digestHead: false }, undefined, chain);
    expect(errors(r.ctx)).toEqual([{ rule: 'dropper', line: 1, reason: 'rule "dropper" dropped 11 Han character(s) without a message' }]);
    // the audit run's other messages are not copied in
    expect(r.ctx.vfile.messages.length).toBe(clean.ctx.vfile.messages.length + 1);
    const add = cleanLines(page, 'f', { base: 'paragraphs', digestHead: false }, undefined, [...RULES, inventor]);
    expect(errors(add.ctx)).toEqual([{ rule: 'inventor', line: 1, reason: 'rule "inventor" added 2 Han character(s) without a message' }]);
  });

  it('a loss no single rule shows (a rule that behaves differently the second time) still gives an error', () => {
    let runs = 0;
    const flaky: CleaningRule = { name: 'flaky', stage: 'lines', description: 'drops text on its first run only', applies: () => true, transform: (l) => (runs++ === 0 ? l.slice(0, -1) : l) };
    const r = cleanLines(page, 'f', { base: 'paragraphs', digestHead: false }, undefined, [...RULES.slice(0, 5), flaky, ...RULES.slice(5)]);
    expect(runs).toBe(2);
    expect(errors(r.ctx)).toEqual([{ rule: 'pressbook', line: 1, reason: 'the rules dropped 11 Han character(s) without a message' }]);
    runs = 0;
    const inventOnce: CleaningRule = { ...flaky, transform: (l) => (runs++ === 0 ? [...l, { text: '谢谢。', src: 9 }] : l) };
    const a = cleanLines(page, 'f', { base: 'paragraphs', digestHead: false }, undefined, [...RULES, inventOnce]);
    expect(errors(a.ctx)).toEqual([{ rule: 'pressbook', line: 1, reason: 'the rules added 2 Han character(s) without a message' }]);
  });

  it('an honest chain is audited once only (the audit re-run happens only when the sums differ)', () => {
    let runs = 0;
    const counter: CleaningRule = { name: 'counter', stage: 'paragraphs', description: 'counts its runs', applies: () => true, transform: (l) => (runs++, l) };
    const r = cleanLines(page, 'f', { base: 'paragraphs', digestHead: false }, undefined, [...RULES, counter]);
    expect(runs).toBe(1);
    expect(errors(r.ctx)).toEqual([]);
  });

  it('speaker labels are found after the character rules: a word-segmented page keeps its turns', () => {
    // word-segmented corpus text: the label "王毅 ：" only becomes "王毅：" after desegment
    const seg = lines('王毅 ： 大家 好 。 今天 我们 谈 中 俄 关系 。', '路透社 记者 ： 请问 中方 对此 有何 评论 ？', '王毅 ： 中方 的 立场 是 一贯 的 。');
    const r = cleanLines(seg, 'f', { base: 'segmented', digestHead: false });
    expect(r.lines.map((l) => l.text)).toEqual(['王毅：大家好。今天我们谈中俄关系。', '路透社记者：请问中方对此有何评论？', '王毅：中方的立场是一贯的。']);
    expect([...r.ctx.speakers]).toContain('王毅');
    expect(r.ctx.isBoundary('王毅：谢谢。')).toBe(true);
  });

  it('the closing narration ("记者会历时…") starts a turn of its own', () => {
    const r = cleanLines(lines('王毅：大家好。今天我们谈中俄关系。', '', '路透社记者：请问中方对此有何评论？', '', '王毅：中方的立场是一贯的，我们坚决反对', '', '记者会历时约1小时40分钟。'), 'f', { base: 'paragraphs', digestHead: false });
    expect(r.ctx.isBoundary('记者会历时约1小时40分钟。')).toBe(true);
    expect(r.ctx.isBoundary('会议历时约1小时。')).toBe(false);
    // the answer cut before the narration is a cut paragraph (a warning in an undamaged source)
    expect(r.ctx.vfile.messages.filter((m) => m.ruleId === 'corruption').map((m) => [m.line, m.fatal])).toEqual([[5, false]]);
  });

  it('checkOrder names each problem', () => {
    expect(checkOrder([spacingRule, corruptionRule, headRule, spacingRule])).toEqual([
      'rule "head" (lines) comes after a paragraphs rule',
      'rule "spacing" declared twice',
      'rule "spacing" (characters) comes after a paragraphs rule',
    ]);
    // two rules of one stage, then the next stage: fine
    expect(checkOrder(RULES.filter((r) => r.name !== 'desegment'))).toEqual([]);
  });
});
