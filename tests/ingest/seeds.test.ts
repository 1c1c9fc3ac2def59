/** Acceptance tests on the real seeds (examples/npc-foreign-press/sources). */
import { vi, describe, expect, it, beforeAll } from 'vitest';
import { tempDir } from '../helpers/tmp.js';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { cleanSources, type CleanResult } from '../../src/ingest/index.js';
import { writeCleanOutput, formatSummary } from '../../src/ingest/write.js';
import { serializeEvent } from '../../src/markdown/serialize.js';
import { parseEventMarkdown } from '../../src/markdown/parse.js';
import type { PressEvent } from '../../src/model/types.js';
import { SEEDS, countHan, hanPrinted, hanRemoved, lineOf } from './helpers.js';

// heavy (real seeds, many generated cases): generous timeouts for loaded CI machines
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let r: CleanResult;
/** the seeds are NPC press conferences: their datelines get their year from the session (presets/npc.yaml) */
const NPC = { preset: 'npc' } as const;
const seed = (n: string) => readdirSync(SEEDS).find((f) => f.startsWith(n + '_'))!;
const seedPath = (n: string) => join(SEEDS, seed(n));
const byId = (id: string) => r.events.find((e) => e.meta.id === id)!;
const src = (n: string) => r.report.sources.find((s) => s.file.endsWith(seed(n)))!;
const printed = (ev: PressEvent) => [...ev.turns.flatMap((t) => t.paragraphs), ...ev.highlights.map((h) => h.text), ev.meta.title];

beforeAll(async () => {
  r = await cleanSources([SEEDS], NPC);
});

describe('events and editions', () => {
  it('finds exactly three events with their primaries', () => {
    expect(r.events.map((e) => e.meta.id)).toEqual(['2020-05-24', '2021-03-07', '2022-03-07']);
    expect(r.report.errors).toEqual([]);
    expect(src('000').role).toBe('primary');
    expect(src('000').event).toBe('2020-05-24');
    expect(src('001').role).toBe('witness');
    expect(src('001').event).toBe('2020-05-24');
    expect(src('002').role).toBe('primary');
    expect(src('003').role).toBe('digest');
    expect(src('003').event).toBe('2021-03-07');
    expect(src('004').role).toBe('primary');
    expect(src('004').event).toBe('2022-03-07');
  });

  it('counts 16 / 27 / 14 questions with ids <event id>-<NN>', () => {
    const qs = (id: string) => byId(id).turns.filter((t) => t.kind === 'question');
    expect(qs('2020-05-24')).toHaveLength(16);
    expect(qs('2021-03-07')).toHaveLength(27);
    expect(qs('2022-03-07')).toHaveLength(14);
    expect(qs('2021-03-07')[6]!.question!.id).toBe('2021-03-07-07');
    for (const e of r.events) qs(e.meta.id).forEach((t, i) => expect(t.question!.id).toBe(`${e.meta.id}-${String(i + 1).padStart(2, '0')}`));
  });

  it('keeps outlets exactly as printed', () => {
    const outlets = (id: string) => byId(id).turns.filter((t) => t.question).map((t) => t.question!.outlet);
    expect(outlets('2020-05-24')).toContain('美国有线电视新闻网');
    expect(outlets('2020-05-24')).toContain('新加坡《海峡时报》');
    expect(outlets('2020-05-24')[0]).toBe('《人民日报》');
    expect(outlets('2021-03-07')).toContain('新加坡《联合早报》');
    expect(outlets('2022-03-07')).toContain('哈萨克斯坦24K2电视台');
    // every label occurs verbatim in its (de-spaced) source
    for (const e of r.events) {
      const primary = e.meta.sources.find((s) => s.role === 'primary')!.file;
      const raw = readFileSync(primary, 'utf8').replace(/\s+/g, '');
      for (const t of e.turns) if (t.question) {
        expect(raw).toContain(t.question.label + '：');
        expect(t.question.label.startsWith(t.question.outlet)).toBe(true);
        expect(t.question.label).toMatch(/记者$/);
      }
    }
  });

  it('makes opening and closing remarks turns of their own', () => {
    for (const e of r.events) {
      const opening = e.turns.find((t) => t.kind === 'opening')!;
      expect(opening.speaker).toBe('王毅');
      expect(opening.paragraphs[0]).toMatch(/^各位记者朋友/);
      expect(e.turns.findIndex((t) => t.kind === 'opening')).toBeLessThan(e.turns.findIndex((t) => t.kind === 'question'));
    }
    const closing = byId('2021-03-07').turns.filter((t) => t.kind === 'closing');
    expect(closing).toHaveLength(1);
    expect(closing[0]!.paragraphs[0]).toMatch(/^在今天记者会结束之前/);
    const last = byId('2021-03-07').turns.filter((t) => t.kind === 'answer').at(-1)!;
    expect(last.paragraphs.join('')).not.toContain('结束之前');
    expect(byId('2020-05-24').turns.at(-1)).toEqual({ kind: 'narration', paragraphs: ['记者会历时1小时40分钟。'] });
    for (const e of r.events) for (const t of e.turns) if (t.kind === 'answer' || t.kind === 'closing') expect(t.speaker).toBe('王毅');
  });

  it('reads the metadata', () => {
    const e = byId('2020-05-24').meta;
    expect(e).toMatchObject({ date: '2020-05-24', year: 2020, session: '十三届全国人大三次会议', venue: '人民大会堂', speaker: '王毅', duration: '1小时40分钟', headline: '团结合作是全球战胜疫情最有力武器' });
    expect(e.title).toBe('国务委员兼外交部长王毅就中国外交政策和对外关系回答中外记者提问');
    expect(byId('2021-03-07').meta).toMatchObject({ year: 2021, session: '十三届全国人大四次会议', duration: '1小时40分钟' });
    expect(byId('2022-03-07').meta).toMatchObject({ year: 2022, session: '十三届全国人大五次会议', venue: '人民大会堂' });
  });

  it('attaches digests as highlights, not transcripts', () => {
    const h21 = byId('2021-03-07').highlights;
    expect(h21.length).toBeGreaterThanOrEqual(10);
    expect(h21.every((h) => h.source.endsWith(seed('003')))).toBe(true);
    expect(h21.map((h) => h.text)).toContain('香港：若不爱国，谈何爱港');
    expect(h21.map((h) => h.text).join('')).not.toContain('说法荒谬绝伦'); // a column-break fragment is body, not a headline
    const h22 = byId('2022-03-07').highlights.map((h) => h.text);
    expect(h22).toHaveLength(10);
    expect(h22[0]).toBe('乌克兰问题：要劝和促谈，防止出现大规模人道主义危机');
    expect(byId('2022-03-07').turns.flatMap((t) => t.paragraphs).join('')).not.toContain('乌克兰问题：要劝和促谈');
  });

  it('reports each source layout and encoding', () => {
    expect(src('000').layout).toBe('columns');
    expect(src('001').layout).toBe('paragraphs');
    expect(src('002').layout).toBe('segmented');
    expect(src('003').layout).toBe('digest');
    expect(src('004').layout).toBe('paragraphs+digest-head');
    for (const n of ['000', '001', '002', '003', '004']) expect(src(n).encoding).toBe('utf-8');
  });

  it('records variant readings of the witness', () => {
    const v = src('001').variants;
    expect(v.length).toBeGreaterThan(0);
    const hit = v.find((x) => x.witness.includes('各国医护人员'));
    expect(hit?.primary).toContain('各国医护工作者');
    expect(hit?.line).toBe(9);
  });
});

describe('cleaning quality', () => {
  it('leaves no space between two Han characters', () => {
    for (const e of r.events) for (const t of printed(e)) expect(t).not.toMatch(/\p{Script=Han}\s+\p{Script=Han}/u);
  });

  it('joins digits and units and keeps no stray spaces', () => {
    const text = r.events.flatMap((e) => e.turns.flatMap((t) => [t.question?.label ?? '', ...t.paragraphs])).join('\n');
    expect(text).toContain('将近150个国家');
    expect(text).toContain('2021年3月7日');
    expect(text).toContain('哈萨克斯坦24KZ电视台');
    expect(text).toContain('568亿只和2.5亿件');
    expect(text).toContain('（10+3）');
    expect(text).not.toMatch(/[\p{Script=Han}，。] | [\p{Script=Han}，。]/u);
  });

  it('ends every 2020 paragraph with sentence-final punctuation', () => {
    for (const t of byId('2020-05-24').turns) for (const p of t.paragraphs) expect(p).toMatch(/[。！？：；…][”’）]?$/);
    const all = byId('2020-05-24').turns.flatMap((t) => t.paragraphs).join('\n');
    expect(all).toContain('中美双方的“口水战”愈演愈烈'); // the question split after "中美双"
    expect(all).toContain('得到发展和进步的');
  });

  it('flags the 001 loop and keeps it out of printed text', () => {
    const s = src('001');
    expect(s.damaged).toBe(true);
    const loops = s.removals.filter((d) => d.rule === 'corruption');
    expect(loops.length).toBeGreaterThanOrEqual(40);
    expect(loops.every((d) => d.line > 0 && d.removed)).toBe(true);
    const allPrinted = r.events.flatMap(printed).join('\n');
    expect(allPrinted).not.toMatch(/第[二三四]十[一二三四五六七八九]?，我毫不怀疑/);
    expect(byId('2020-05-24').meta.sources.find((x) => x.role === 'witness')?.damaged).toBe(true);
  });

  it('removes and reports captions and QR prompts', () => {
    const allPrinted = r.events.flatMap(printed).join('\n');
    for (const junk of ['才扬摄', '视觉中国供图', '扫一扫', '李强/摄', '下转3版', '版记者会实录']) expect(allPrinted).not.toContain(junk);
    const removed = r.report.sources.flatMap((s) => s.removals.map((d) => d.removed ?? '')).join('\n');
    for (const junk of ['新华社记者才扬摄', '视觉中国供图', '扫一扫，看完整版', '李强/摄', '（下转3版）']) expect(removed).toContain(junk);
    const cap = src('001').removals.find((d) => d.removed === '新华社记者才扬摄')!;
    // the line of the caption in the source file
    expect(cap.line).toBe(lineOf(readFileSync(seedPath('001'), 'utf8'), '新华社记者才扬摄'));
    expect(cap.rule).toBe('noise');
  });

  it('conserves Han characters for each primary source', () => {
    for (const e of r.events) {
      const file = e.meta.sources.find((s) => s.role === 'primary')!.file;
      const rep = r.report.sources.find((s) => s.file === file)!;
      const source = countHan(readFileSync(file, 'utf8'));
      expect(hanPrinted(e, file) + hanRemoved(rep)).toBe(source);
    }
    // digests too: highlights + reported removals = source
    const d = src('003');
    expect(hanPrinted(byId('2021-03-07'), d.file) + hanRemoved(d)).toBe(countHan(readFileSync(d.file, 'utf8')));
  });

  it('gives each question a short title and topics', () => {
    const q = byId('2020-05-24').turns.find((t) => t.question?.outlet === '美国有线电视新闻网')!.question!;
    expect(q.title).toMatch(/？$/);
    expect(q.topics).toContain('中美');
    const taiwan = byId('2020-05-24').turns.find((t) => t.question?.outlet === '澎湃新闻')!.question!;
    expect(taiwan.topics).toEqual(expect.arrayContaining(['台湾', '中美']));
    for (const e of r.events) for (const t of e.turns) if (t.question) expect(t.question.title.length).toBeLessThanOrEqual(60);
  });

  it('lets the book config extend the topic table', async () => {
    const r2 = await cleanSources([seedPath('000')], { ...NPC, topics: { 武汉: ['武汉', '湖北'] } });
    const q = r2.events[0]!.turns.filter((t) => t.question).at(-1)!.question!;
    expect(q.topics).toContain('武汉');
  });
});

describe('canonical Markdown', () => {
  it('round-trips every event through serialize → parse', () => {
    for (const e of r.events) {
      const md = serializeEvent(e);
      const back = parseEventMarkdown(md, e.meta.id + '.md').event;
      expect(back.meta.hash).toMatch(/^[0-9a-f]+$/);
      delete back.meta.hash;
      expect(back).toEqual(JSON.parse(JSON.stringify(e)));
    }
  });

  it('is idempotent: cleaning the Markdown output changes nothing', async () => {
    const out = tempDir('pressbook-clean-');
    const w = writeCleanOutput(r, out);
    expect(w.written.filter((f) => f.endsWith('.md'))).toHaveLength(3);
    const again = await cleanSources([out]);
    expect(again.report.errors).toEqual([]);
    expect(again.events.map((e) => serializeEvent(e))).toEqual(r.events.map((e) => serializeEvent(e)));
    for (const s of again.report.sources) expect(Object.values(s.fixes).reduce((a, b) => a + b, 0)).toBe(0);
    const w2 = writeCleanOutput(again, out);
    expect(w2.written.filter((f) => f.endsWith('.md'))).toEqual([]);
  });

  it('never overwrites a hand-edited file unless forced, and says so', () => {
    const out = tempDir('pressbook-clean-');
    writeCleanOutput(r, out);
    const f = join(out, '2021-03-07.md');
    const edited = readFileSync(f, 'utf8').replace('各位记者朋友', '各位记者朋友们');
    writeFileSync(f, edited);
    const w = writeCleanOutput(r, out);
    expect(w.skipped).toEqual([f]);
    expect(readFileSync(f, 'utf8')).toBe(edited);
    const forced = writeCleanOutput(r, out, { force: true });
    expect(forced.overwritten).toEqual([f]);
    expect(readFileSync(f, 'utf8')).toBe(serializeEvent(byId('2021-03-07')));
    expect(readdirSync(out).filter((x) => x.endsWith('.tmp'))).toEqual([]);
  });

  it('with a write record (memoFile): unchanged files are not rewritten, hand edits kept, --force and changed events still honoured', () => {
    const out = tempDir('pressbook-clean-');
    const memoFile = join(tempDir('pressbook-memo-'), 'written.v1');
    expect(writeCleanOutput(r, out, { memoFile }).written.filter((f) => f.endsWith('.md'))).toHaveLength(3);
    expect(existsSync(memoFile)).toBe(true);
    const again = writeCleanOutput(r, out, { memoFile });
    expect(again.written.filter((f) => f.endsWith('.md'))).toEqual([]);
    expect(again.unchanged.filter((f) => f.endsWith('.md'))).toHaveLength(3);
    const f = join(out, '2021-03-07.md');
    const edited = readFileSync(f, 'utf8').replace('各位记者朋友', '各位记者朋友们');
    writeFileSync(f, edited);
    const w = writeCleanOutput(r, out, { memoFile });
    expect(w.skipped).toEqual([f]);
    expect(readFileSync(f, 'utf8')).toBe(edited);
    const forced = writeCleanOutput(r, out, { force: true, memoFile });
    expect(forced.overwritten).toEqual([f]);
    expect(readFileSync(f, 'utf8')).toBe(serializeEvent(byId('2021-03-07')));
    // the same file text, but the event changed (its source was edited): written anew
    const changed = structuredClone(r);
    const ev = changed.events.find((e) => e.meta.id === '2021-03-07')!;
    ev.meta.title += '（更正）';
    const w2 = writeCleanOutput(changed, out, { memoFile });
    expect(w2.written).toContain(f);
    expect(readFileSync(f, 'utf8')).toBe(serializeEvent(ev));
    // and back to the first event: written again
    const w3 = writeCleanOutput(r, out, { memoFile });
    expect(w3.written).toContain(f);
    expect(readFileSync(f, 'utf8')).toBe(serializeEvent(byId('2021-03-07')));
  });

  it('with a write record and a report key: report.json is kept while the key and the file are what was written', () => {
    const out = tempDir('pressbook-clean-');
    const memoFile = join(tempDir('pressbook-memo-'), 'written.v1');
    const keyed: CleanResult = { ...r, reportKey: 'k1' };
    const path = join(out, 'report.json');
    expect(writeCleanOutput(keyed, out, { memoFile }).written).toContain(path);
    const first = readFileSync(path, 'utf8');
    // the same key: not serialised again (a report changed behind the same key is not looked at)
    const tampered: CleanResult = { ...keyed, report: { ...r.report, sources: [] } };
    expect(writeCleanOutput(tampered, out, { memoFile }).unchanged).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe(first);
    // another key: written from the report
    expect(writeCleanOutput({ ...tampered, reportKey: 'k2' }, out, { memoFile }).written).toContain(path);
    expect(JSON.parse(readFileSync(path, 'utf8')).sources).toEqual([]);
    // the file changed on disk: written again from the report, though the key is the recorded one
    writeFileSync(path, '{}\n');
    expect(writeCleanOutput({ ...keyed, reportKey: 'k2' }, out, { memoFile }).written).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe(first);
  });

  it('gives a report key with a memo file, the same for the same sources', async () => {
    const memoFile = join(tempDir('pressbook-memo-'), 'clean.v8');
    const a = await cleanSources([SEEDS], { ...NPC, memoFile });
    const b = await cleanSources([SEEDS], { ...NPC, memoFile });
    expect(a.reportKey).toMatch(/^[0-9a-f]{64}$/);
    expect(b.reportKey).toBe(a.reportKey);
    expect((await cleanSources([seedPath('000')], { ...NPC, memoFile })).reportKey).not.toBe(a.reportKey);
    expect((await cleanSources([SEEDS], NPC)).reportKey).toBeUndefined();
  });

  it('writes report.json, questions.json and questions.csv', () => {
    const out = tempDir('pressbook-clean-');
    writeCleanOutput(r, out);
    const rep = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(rep.sources).toHaveLength(5);
    for (const s of rep.sources) expect(Object.keys(s)).toEqual(expect.arrayContaining(['encoding', 'layout', 'role', 'fixes', 'removals', 'warnings', 'variants']));
    const qs = JSON.parse(readFileSync(join(out, 'questions.json'), 'utf8'));
    expect(qs).toHaveLength(57);
    expect(qs[0]).toMatchObject({ id: '2020-05-24-01', year: 2020, date: '2020-05-24', event: '2020-05-24', seq: 1, outlet: '《人民日报》' });
    expect(Object.keys(qs[0])).toEqual(expect.arrayContaining(['id', 'year', 'date', 'event', 'seq', 'outlet', 'title', 'question', 'topics']));
    const csv = readFileSync(join(out, 'questions.csv'), 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('id,parent,year,date,event,seq,outlet,title,question,topics');
    expect(csv).toHaveLength(58);
  });

  it('prints a linter-like summary', () => {
    const s = formatSummary(r.report);
    const line = lineOf(readFileSync(seedPath('001'), 'utf8'), '新华社记者才扬摄');
    expect(s).toMatch(new RegExp(`001_[0-9a-f]+\\.txt:${line}:1  warning  removed photo caption.*  noise$`, 'm'));
    expect(s).toMatch(/5 source\(s\): 0 error\(s\)/);
  });
});

describe('encodings and inputs', () => {
  const dir = () => tempDir('pressbook-enc-');
  const turnsOf = (e: PressEvent) => JSON.stringify(e.turns);

  it('GB18030 with CRLF gives the same event', async () => {
    const d = dir();
    const text = readFileSync(seedPath('000'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(join(d, 'gb.txt'), iconv.encode(text, 'gb18030'));
    const g = await cleanSources([d], NPC);
    expect(g.report.sources[0]).toMatchObject({ encoding: 'gb18030', eol: 'CRLF' });
    expect(turnsOf(g.events[0]!)).toBe(turnsOf(byId('2020-05-24')));
  });

  it('UTF-16 (with and without BOM) and UTF-8 BOM give the same event', async () => {
    const d = dir();
    const text = readFileSync(seedPath('004'), 'utf8');
    writeFileSync(join(d, 'a-u16bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(d, 'b-u16.txt'), Buffer.from(text, 'utf16le'));
    writeFileSync(join(d, 'c-u16be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')]));
    writeFileSync(join(d, 'd-u8bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const g = await cleanSources([d], NPC);
    expect(g.report.errors).toEqual([]);
    expect(g.report.sources.map((s) => s.encoding)).toEqual(['utf-16le', 'utf-16le', 'utf-16be', 'utf-8']);
    expect(g.report.sources[3]!.bom).toBe(true);
    expect(g.events).toHaveLength(1);
    expect(turnsOf(g.events[0]!)).toBe(turnsOf(byId('2022-03-07')));
  });

  it('rejects binary and empty files by name while the others still clean', async () => {
    const d = dir();
    writeFileSync(join(d, 'empty.txt'), '');
    writeFileSync(join(d, 'blank.txt'), '  \n\n ');
    writeFileSync(join(d, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0, 0xff]));
    writeFileSync(join(d, 'notes.txt'), 'Shopping list\nmilk\neggs\n');
    writeFileSync(join(d, 'z.txt'), readFileSync(seedPath('004')));
    const g = await cleanSources([d], NPC);
    const errs = g.report.errors.map((e) => e.message);
    expect(errs).toHaveLength(4);
    expect(errs.find((m) => m.includes('empty.txt'))).toMatch(/empty/);
    expect(errs.find((m) => m.includes('blank.txt'))).toMatch(/empty/);
    expect(errs.find((m) => m.includes('image.png'))).toMatch(/binary/);
    expect(errs.find((m) => m.includes('notes.txt'))).toMatch(/not a transcript/);
    expect(g.events.map((e) => e.meta.id)).toEqual(['2022-03-07']);
    expect(g.report.sources.filter((s) => s.role === 'rejected')).toHaveLength(4);
  });

  it('decodes a GBK-era page saved as GB18030 with CRLF', async () => {
    const d = dir();
    const html = readFileSync('tests/ingest/fixtures/mfa-page.html', 'utf8').replace('charset="utf-8"', 'charset="gb2312"').replace(/\n/g, '\r\n');
    writeFileSync(join(d, 'page.htm'), iconv.encode(html, 'gb18030'));
    const g = await cleanSources([d], NPC);
    expect(g.report.errors).toEqual([]);
    expect(g.report.sources[0]).toMatchObject({ encoding: 'gb18030', eol: 'CRLF' });
    expect(g.events[0]!.turns.filter((t) => t.question)).toHaveLength(2);
  });

  it('extracts the article from a saved ministry page', async () => {
    const g = await cleanSources(['tests/ingest/fixtures/mfa-page.html'], NPC); // an NPC-session page: dated by the session rule
    expect(g.report.errors).toEqual([]);
    const s = g.report.sources[0]!;
    expect(s.layout).toMatch(/^html\+/);
    const e = g.events[0]!;
    expect(e.meta).toMatchObject({ id: '2023-03-07', year: 2023, session: '十四届全国人大一次会议', speaker: '秦刚', duration: '1小时50分钟' });
    expect(e.turns.map((t) => t.kind)).toEqual(['narration', 'opening', 'question', 'answer', 'question', 'answer', 'closing', 'narration']);
    const q = e.turns.filter((t) => t.question).map((t) => t.question!);
    expect(q.map((x) => x.outlet)).toEqual(['新加坡《联合早报》', '美国有线电视新闻网']);
    expect(q[0]!.id).toBe('2023-03-07-01');
    expect(e.turns[2]!.paragraphs[0]).toBe('中美关系将如何发展？中方对此有何期待？');
    expect(e.turns[3]!.paragraphs).toHaveLength(2);
    expect(e.turns[5]!.paragraphs[0]).toBe('中方始终坚持劝和促谈，支持通过对话解决争端。');
    const text = JSON.stringify(e);
    for (const junk of ['首页', '重要新闻', '版权所有', '京ICP', '分享到', '李强', '统计代码', '网站地图']) expect(text).not.toContain(junk);
    const removed = s.removals.map((d) => d.removed).join('\n');
    for (const junk of ['首页', '版权所有：中华人民共和国外交部', '新华社记者李强摄']) expect(removed).toContain(junk);
    expect(s.removals.find((d) => d.removed?.includes('版权所有'))!.line).toBe(lineOf(readFileSync('tests/ingest/fixtures/mfa-page.html', 'utf8'), '版权所有'));
  });
});
