import { describe, expect, it } from 'vitest';
import { noise, noiseRule } from '../../src/ingest/rules/noise.js';
import { createContext, runRule } from '../../src/ingest/rules/rule.js';

const L = (text: string) => text.split('\n').map((t, i) => ({ text: t, src: i + 1 }));

describe('noise', () => {
  it('removes photo captions and credits, reporting text and line', () => {
    const r = noise(L('正文第一段。\n\n▲5月24日，记者会现场。\n新华社记者才扬摄\n\n正文第二段。\n\n记者会现场视觉中国供图\n\n北京，3月7日。中青报·中青网记者李强/摄'), 'f');
    expect(r.lines.filter((l) => l.text).map((l) => l.text)).toEqual(['正文第一段。', '正文第二段。']);
    expect(r.diags.map((d) => [d.line, d.removed])).toEqual([
      [3, '▲5月24日，记者会现场。'],
      [4, '新华社记者才扬摄'],
      [8, '记者会现场视觉中国供图'],
      [10, '北京，3月7日。中青报·中青网记者李强/摄'],
    ]);
    expect(r.counts.caption).toBe(4);
  });
  it('removes QR prompts and page furniture', () => {
    const r = noise(L('甲。\n\n扫一扫，看完整版\n版记者会实录\n\n这是双重标准。（下转3版）\n责任编辑：张三'), 'f');
    expect(r.lines.map((l) => l.text).filter(Boolean)).toEqual(['甲。', '这是双重标准。']);
    expect(r.diags.filter((d) => d.removed !== undefined).map((d) => d.removed)).toEqual(['（下转3版）', '责任编辑：张三', '扫一扫，看完整版', '版记者会实录']);
    // the rule itself says the source is incomplete (the warning used to be added by the engine)
    expect(r.diags.find((d) => d.removed === undefined)).toMatchObject({ rule: 'noise', severity: 'warning', line: 6, message: expect.stringContaining('incomplete source') });
    expect(r.diags[0]).toMatchObject({ line: 6, column: 8 });
  });
  it('removes a headline repeated at the end and returns it', () => {
    const r = noise(L('导语。\n\n王毅：回答。\n\n记者会历时1小时。\n\n团结合作是最有力武器\n——王毅就外交政策回答中外记者提问'), 'f');
    expect(r.headline).toBe('团结合作是最有力武器');
    expect(r.lines.map((l) => l.text).filter(Boolean)).toEqual(['导语。', '王毅：回答。', '记者会历时1小时。']);
    expect(r.diags).toHaveLength(2);
  });
  it('keeps ordinary text', () => {
    const text = '我们拍摄了纪录片。\n\n他说，扫一扫二维码就能捐款，这很方便，大家都可以参与进来帮助别人。';
    const r = noise(L(text), 'f');
    expect(r.diags).toEqual([]);
  });
});

/** Exact lines, messages and counts, written against the rule's surviving mutants (docs/mutation.md). */
describe('noise: exact removals', () => {
  const kept = (r: { lines: { text: string }[] }) => r.lines.map((l) => l.text).filter(Boolean);
  it('each caption marker opens a caption; the whole block goes, line by line, lines kept blank', () => {
    for (const m of ['▲', '△', '▼', '►', '◆']) {
      const r = noise(L(`正文。\n\n${m}记者会现场\n第二行\n\n下文。`), 'f');
      expect(r.lines, m).toEqual([
        { text: '正文。', src: 1 },
        { text: '', src: 2 },
        { text: '', src: 3 },
        { text: '', src: 4 },
        { text: '', src: 5 },
        { text: '下文。', src: 6 },
      ]);
      expect(r.diags.map((d) => [d.message, d.line, d.removed, d.severity])).toEqual([
        ['removed photo caption', 3, `${m}记者会现场`, 'warning'],
        ['removed photo caption', 4, '第二行', 'warning'],
      ]);
      expect(r.counts).toEqual({ caption: 2 });
      expect(r.fixes).toBe(2);
    }
    // a marker inside a line opens nothing
    expect(noise(L('正文▲现场'), 'f').diags).toEqual([]);
  });
  it('each form of photo credit ends a caption', () => {
    for (const c of ['新华社记者才扬摄', '新华社记者 才扬 / 摄', '通讯员李强摄', '摄影王小明摄', '中青网李强/摄', '视觉中国供图', '新华社发', '会场（新华社记者李强摄）', '会场(图为会场)', '现场 ·李强 / 摄']) {
      const r = noise(L(`正文。\n\n${c}\n\n下文。`), 'f');
      expect(kept(r), c).toEqual(['正文。', '下文。']);
      expect(r.counts, c).toEqual({ caption: 1 });
    }
    // text ending in 摄 that is no credit, and a credit inside the text, stay
    for (const t of ['我们拍摄', '新华社发表评论', '他是新华社记者李强摄影师', '这是（新华社记者李强摄）的照片', '图供']) expect(noise(L(`${t}\n\n下文。`), 'f').diags, t).toEqual([]);
  });
  it('a caption ending in a credit is at most 200 characters', () => {
    const c200 = '中'.repeat(192) + '新华社记者才扬摄';
    expect(c200.length).toBe(200);
    expect(noise(L(`${c200}\n\n下文。`), 'f').counts).toEqual({ caption: 1 });
    const c201 = '中'.repeat(193) + '新华社记者才扬摄';
    expect(noise(L(`${c201}\n\n下文。`), 'f').diags).toEqual([]);
  });
  it('a block that opens a turn is no caption, whatever its end', () => {
    const ctx = createContext('f', { isBoundary: (t) => t.startsWith('王毅：') });
    const lines = L('王毅：这是新华社记者才扬摄\n\n会场新华社记者才扬摄');
    expect(runRule(noiseRule, lines, ctx).map((l) => l.text)).toEqual(['王毅：这是新华社记者才扬摄', '', '']);
    expect(ctx.vfile.messages.map((m) => [m.reason, m.line, m.actual])).toEqual([['removed photo caption', 3, '会场新华社记者才扬摄']]);
    expect(ctx.out.fixes).toEqual({ noise: 1 });
    // in word-segmented text a turn stops the caption's sentences
    const seg = createContext('f', { isBoundary: (t) => t.startsWith('王毅：'), layout: { base: 'segmented', digestHead: false } });
    const out = runRule(noiseRule, L('标题\n王毅：说完了。\n会场很热闹。\n新华社记者才扬摄'), seg);
    expect(out.map((l) => l.text)).toEqual(['标题', '王毅：说完了。', '会场很热闹。', '']);
    // (without the turn the caption would reach back to the line after the title)
    expect(noise(L('标题\n王毅：说完了。\n会场很热闹。\n新华社记者才扬摄'), 'f', { segmented: true }).lines.map((l) => l.text)).toEqual(['标题', '', '', '']);
  });
  it('QR-code prompts: short lines of a short block', () => {
    for (const q of ['扫一扫，关注我们', '扫码看视频', '识别二维码', '长按识别', '扫描下方小程序码']) {
      const r = noise(L(`正文。\n\n${q}\n\n下文。`), 'f');
      expect(r.diags.map((d) => [d.message, d.line, d.removed]), q).toEqual([['removed QR-code prompt', 3, q]]);
      expect(r.counts, q).toEqual({ qr: 1 });
    }
    // a line of 24 characters may be a prompt, of 25 not; a block of 48 characters may be, of 49 not
    const l24 = '扫码' + '中'.repeat(22);
    expect(noise(L(`${l24}\n\n下文。`), 'f').counts).toEqual({ qr: 1 });
    expect(noise(L(`${l24}中\n\n下文。`), 'f').diags).toEqual([]);
    expect(noise(L(`${l24}\n${'中'.repeat(24)}\n\n下文。`), 'f').counts).toEqual({ qr: 2 });
    expect(noise(L(`${l24}\n${'中'.repeat(24)}\n中\n\n下文。`), 'f').diags).toEqual([]);
    expect(noise(L('扫描这个长长长长的码'), 'f').diags).toEqual([]);
  });
  it('inline page jumps go with their column; only "下转" makes the source incomplete', () => {
    const r = noise(L('中方立场（上接第1版）没有变化。(接 3 版)\n\n另一段。（转十版）'), 'f');
    expect(r.lines).toEqual([
      { text: '中方立场没有变化。', src: 1 },
      { text: '', src: 2 },
      { text: '另一段。', src: 3 },
    ]);
    expect(r.diags.map((d) => [d.message, d.line, d.column, d.removed])).toEqual([
      ['removed page furniture "（上接第1版）"', 1, 5, '（上接第1版）'],
      ['removed page furniture "(接 3 版)"', 1, 17, '(接 3 版)'],
      ['removed page furniture "（转十版）"', 3, 5, '（转十版）'],
    ]);
    expect(r.counts).toEqual({ furniture: 3 });
    expect(r.fixes).toBe(3);
    const d = noise(L('甲。\n乙。（下转第3版）'), 'f');
    expect(d.lines.map((l) => l.text)).toEqual(['甲。', '乙。']);
    expect(d.diags.map((x) => [x.message, x.line, x.severity])).toEqual([
      ['removed page furniture "（下转第3版）"', 2, 'warning'],
      ['incomplete source: the text continues on another page ("（下转第3版）") that is not among the inputs', 2, 'warning'],
    ]);
    // a page number in prose is not furniture
    expect(noise(L('见第3版报道。'), 'f').diags).toEqual([]);
  });
  it('whole lines of page furniture, up to 60 characters', () => {
    for (const f of ['责任编辑：张三', '本版编辑: 李四', '编辑：王五', '校对：赵六', '美编：钱七', '来源：外交部网站', '第3版', '—— 第十版 ——', '-3版-', '（完）', '(完)', '【纠错】', '返回顶部', '打印本页', '关闭窗口', '分享到：微博 微信', '【字号 大 中 小】', '上一篇：外交部发言人答记者问', '下一篇', '  返回顶部  ']) {
      const r = noise(L(`正文。\n${f}\n下文。`), 'f');
      expect(r.diags.map((d) => [d.message, d.line, d.removed]), f).toEqual([['removed page furniture', 2, f]]);
      expect(r.counts, f).toEqual({ furniture: 1 });
    }
    const long = '来源：' + '中'.repeat(30);
    expect(noise(L(`正文。\n${long}`), 'f').counts).toEqual({ furniture: 1 });
    for (const t of ['来源：' + '中'.repeat(31), '上一篇' + '中'.repeat(41), '编辑部认为：好', '返回顶部吧', '我们来分享到', '第3版的报道', '前（完）']) expect(noise(L(`正文。\n${t}`), 'f').diags, t).toEqual([]);
  });
  it('a headline repeated at the end: the 答记者问 formula or a —— subtitle, three lines at most, after two blocks', () => {
    const head = '导语。\n\n王毅：回答。\n\n';
    const a = noise(L(`${head}王毅就中国外交政策答记者问`), 'f');
    expect(a.headline).toBe('王毅就中国外交政策答记者问');
    expect(a.diags.map((d) => [d.message, d.line, d.removed])).toEqual([['removed headline repeated at the end', 5, '王毅就中国外交政策答记者问']]);
    expect(a.counts).toEqual({ headline: 1 });
    expect(noise(L(`${head}国务委员兼外交部长王毅回答中外记者提问`), 'f').headline).toBe('国务委员兼外交部长王毅回答中外记者提问');
    // only the subtitle: it is the headline, without its dash
    expect(noise(L(`${head}——王毅就外交政策回答中外记者提问`), 'f').headline).toBe('王毅就外交政策回答中外记者提问');
    // three lines may be a headline, four not
    expect(noise(L(`${head}甲\n乙\n——丙`), 'f').headline).toBe('甲');
    expect(noise(L(`${head}甲\n乙\n丙\n——丁`), 'f').headline).toBeUndefined();
    // a short title without the formula or a subtitle, a sentence, a formula inside the line: no headline
    for (const t of ['团结合作是最有力武器', '王毅答记者问。', '王毅答记者问？', '王毅答记者问后离开', '——王毅说：很好。']) {
      const r = noise(L(`${head}${t}`), 'f');
      expect(r.headline, t).toBeUndefined();
      expect(r.diags, t).toEqual([]);
    }
    // 60 characters per line at most
    expect(noise(L(`${head}${'中'.repeat(56)}答记者问`), 'f').headline).toBe(`${'中'.repeat(56)}答记者问`);
    expect(noise(L(`${head}${'中'.repeat(57)}答记者问`), 'f').headline).toBeUndefined();
    // two blocks only: the last is no repeated headline; a digest has none
    expect(noise(L('导语。\n\n王毅就中国外交政策答记者问'), 'f').headline).toBeUndefined();
    expect(noise(L(`${head}王毅就中国外交政策答记者问`), 'f', { transcript: false }).headline).toBeUndefined();
  });
  it('word-segmented: each line is a unit; a credit line takes the finished sentences of its caption', () => {
    // right after the head (a title line without sentence punctuation): the caption's sentences go with the credit
    const r = noise(L('外交部长答记者问\n3月7日，记者会现场。\n王毅回答提问。\n新华社记者才扬摄\n王毅：很高兴见到大家。'), 'f', { segmented: true });
    expect(r.lines.map((l) => l.text)).toEqual(['外交部长答记者问', '', '', '', '王毅：很高兴见到大家。']);
    expect(r.counts).toEqual({ caption: 3 });
    // after prose, only a dated sentence opens the caption
    const p = noise(L('甲说完了。\n前文说完了。\n他补充说明。\n3月7日，记者会现场。\n新华社记者才扬摄'), 'f', { segmented: true });
    expect(p.lines.map((l) => l.text)).toEqual(['甲说完了。', '前文说完了。', '他补充说明。', '', '']);
    expect(p.diags.map((d) => [d.line, d.removed])).toEqual([[4, '3月7日，记者会现场。'], [5, '新华社记者才扬摄']]);
    const p2 = noise(L('甲说完了。\n前文说完了。\n他补充说明。\n记者会现场。\n新华社记者才扬摄'), 'f', { segmented: true });
    expect(p2.lines.map((l) => l.text)).toEqual(['甲说完了。', '前文说完了。', '他补充说明。', '记者会现场。', '']);
    // a turn, a question, a blank, or a bullet stops the caption
    const q = noise(L('前文说完了。\n他问了吗？\n新华社记者才扬摄'), 'f', { segmented: true });
    expect(q.lines.map((l) => l.text)).toEqual(['前文说完了。', '他问了吗？', '']);
    const b = noise(L('- 要点\n记者会现场。\n新华社记者才扬摄'), 'f', { segmented: true });
    expect(b.lines.map((l) => l.text)).toEqual(['- 要点', '', '']);
    // at most three sentences before the credit
    const f = noise(L('标题\n一。\n二。\n三！\n新华社记者才扬摄'), 'f', { segmented: true });
    expect(f.lines.map((l) => l.text)).toEqual(['标题', '', '', '', '']);
    const f4 = noise(L('标题\n一。\n二。\n三。\n四。\n新华社记者才扬摄'), 'f', { segmented: true });
    expect(f4.lines.map((l) => l.text)).toEqual(['标题', '一。', '二。', '三。', '四。', '']);
    // a sentence longer than 200 characters is no caption sentence
    const long = noise(L(`标题\n${'中'.repeat(200)}。\n新华社记者才扬摄`), 'f', { segmented: true });
    expect(long.lines.map((l) => l.text)).toEqual(['标题', `${'中'.repeat(200)}。`, '']);
    const max = noise(L(`标题\n${'中'.repeat(199)}。\n新华社记者才扬摄`), 'f', { segmented: true });
    expect(max.lines.map((l) => l.text)).toEqual(['标题', '', '']);
  });
});

/** Added after the first mutation run of noise.ts (docs/mutation.md; not re-measured). */
describe('noise: limits found by the mutation run', () => {
  const texts = (r: { lines: { text: string }[] }) => r.lines.map((l) => l.text);
  it('QR prompts: every line of the block short, the whole input irrelevant, a prompt at the very end', () => {
    expect(noise(L(`扫码\n${'中'.repeat(25)}\n\n下文。`), 'f').diags).toEqual([]);
    expect(noise(L(`${'中'.repeat(40)}。\n\n扫码关注\n\n下文。`), 'f').counts).toEqual({ qr: 1 });
    expect(texts(noise(L('正文。\n\n扫码关注'), 'f'))).toEqual(['正文。', '', '']);
  });
  it('the input array is not changed', () => {
    const input = L('正文。\n\n扫码关注');
    noise(input, 'f');
    expect(input[2]).toEqual({ text: '扫码关注', src: 3 });
  });
  it('two-digit page numbers and dates; anchors of the caption date and bullet', () => {
    expect(texts(noise(L('甲（下转12版）'), 'f'))).toEqual(['甲']);
    expect(noise(L('正文。\n第12版\n下文。'), 'f').counts).toEqual({ furniture: 1 });
    const dated = noise(L('甲说完了。\n前文说完了。\n他补充说明。\n12月17日，记者会现场。\n新华社记者才扬摄'), 'f', { segmented: true });
    expect(texts(dated)).toEqual(['甲说完了。', '前文说完了。', '他补充说明。', '', '']);
    const undated = noise(L('甲说完了。\n前文说完了。\n他补充说明。\n北京3月7日，记者会现场。\n新华社记者才扬摄'), 'f', { segmented: true });
    expect(texts(undated)).toEqual(['甲说完了。', '前文说完了。', '他补充说明。', '北京3月7日，记者会现场。', '']);
  });
  it('segmented captions: the first line of the text, a bullet ending a sentence, a sentence punctuated inside only', () => {
    expect(texts(noise(L('记者会现场。\n新华社记者才扬摄'), 'f', { segmented: true }))).toEqual(['', '']);
    // a bullet line is never part of the caption, but the sentence right after it is
    expect(texts(noise(L('- 要点。\n记者会现场。\n新华社记者才扬摄'), 'f', { segmented: true }))).toEqual(['- 要点。', '', '']);
    expect(texts(noise(L('标题\n记者会。现场\n新华社记者才扬摄'), 'f', { segmented: true }))).toEqual(['标题', '记者会。现场', '']);
  });
  it('headline: every line title-like; a dash inside a line is no subtitle; the title line is chosen over the subtitle', () => {
    const head = '导语。\n\n王毅：回答。\n\n';
    expect(noise(L(`${head}王毅答记者问\n他说了很多话。`), 'f').headline).toBeUndefined();
    expect(noise(L(`${head}团结——合作`), 'f').headline).toBeUndefined();
    expect(noise(L(`${head}——王毅就外交政策回答中外记者提问\n团结合作是最有力武器`), 'f').headline).toBe('团结合作是最有力武器');
  });
});
