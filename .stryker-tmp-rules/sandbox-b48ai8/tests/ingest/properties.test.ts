/**
 * Invariance (fast-check): a clean transcript re-wrapped into newspaper columns, re-segmented one
 * sentence per line, or re-encoded as GB18030 with CRLF cleans back to the same text.
 */
import { vi, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { processText } from '../../src/ingest/index.js';
import { decodeBuffer } from '../../src/ingest/decode.js';
import { readFileSync } from 'node:fs';
import { collapseSpaces } from '../../src/ingest/rules/spacing.js';
import { loadPreset } from '../../src/ingest/preset.js';
import { SEEDS } from './helpers.js';
import type { Turn } from '../../src/model/types.js';

// heavy (real seeds, many generated cases): generous timeouts for loaded CI machines
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const WORDS = ['中国', '合作', '发展', '世界', '人民', '国际', '社会', '共同', '和平', '稳定', '繁荣', '伙伴', '关系', '经济', '全球', '治理', '开放', '包容', '友好', '交流', '机制', '倡议', '安全', '未来', '历史', '责任', '文明', '进步', '双方', '各国', '坚定', '维护', '推动', '加强', '深化', '支持', '促进', '建设', '携手', '5G网络', '“一带一路”', '（10+3）', '2.5亿件'];
const UNITS = ['个', '年', '项', '亿', '次', '名', '万'];
const OUTLETS = ['路透社', '新华社', '《人民日报》', '美国有线电视新闻网', '新加坡《海峡时报》', '塔斯社', '共同社', '哈萨克斯坦24KZ电视台'];

type Sent = { words: string[]; commaAt: number; unit: string; end: string };
const sentArb = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 9 }),
  commaAt: fc.nat(8),
  unit: fc.constantFrom(...UNITS),
  end: fc.constantFrom('。', '。', '！', '；'),
});
const paraArb = fc.array(sentArb, { minLength: 1, maxLength: 4 });
const eventArb = fc.record({
  opening: paraArb,
  qas: fc.array(fc.record({ outlet: fc.constantFrom(...OUTLETS), q: paraArb, a: fc.array(paraArb, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 5 }),
});

/** Build the clean paragraphs; every sentence carries a unique number so no two sentences repeat. */
type GenEvent = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function build(ev: GenEvent): { paras: string[]; expected: { kind: string; label?: string; paragraphs: string[] }[] } {
  let n = 10;
  const sentence = (s: Sent, end = s.end) => {
    const w = [...s.words];
    w.splice(Math.min(s.commaAt, w.length - 1) + 1, 0, `${n++}${s.unit}`);
    if (s.commaAt < w.length - 2) w[s.commaAt] += '，';
    return w.join('') + end;
  };
  const para = (p: Sent[]) => p.map((s) => sentence(s)).join('');
  const question = (p: Sent[]) => p.map((s, i) => sentence(s, i === p.length - 1 ? '？' : s.end)).join('');
  const dateline = '新华社北京3月7日电 十三届全国人大四次会议在人民大会堂举行记者会，国务委员兼外交部长王毅就中国外交政策和对外关系回答中外记者提问。';
  const paras = [dateline];
  const expected: { kind: string; label?: string; paragraphs: string[] }[] = [{ kind: 'narration', paragraphs: [dateline.replace(' ', '')] }];
  const opening = para(ev.opening);
  paras.push('王毅：' + opening);
  expected.push({ kind: 'opening', label: '王毅', paragraphs: [opening] });
  for (const qa of ev.qas) {
    const q = question(qa.q);
    paras.push(`${qa.outlet}记者：${q}`);
    expected.push({ kind: 'question', label: `${qa.outlet}记者`, paragraphs: [q] });
    const a = qa.a.map(para);
    paras.push('王毅：' + a[0], ...a.slice(1));
    expected.push({ kind: 'answer', label: '王毅', paragraphs: a });
  }
  paras.push('记者会历时1小时40分钟。');
  expected.push({ kind: 'narration', paragraphs: ['记者会历时1小时40分钟。'] });
  return { paras, expected };
}

const width = (ch: string) => (ch.charCodeAt(0) < 0x1100 ? 1 : 2);
const FINAL = /[。！？；：]$/;

/** Hard-wrap at a display width, with extra blank lines ("column breaks") inside some paragraphs. */
function columns(paras: string[], w: number, breaks: boolean[]): string {
  const out: string[] = [];
  let k = 0;
  for (const p of paras) {
    let line = '';
    let lw = 0;
    for (const ch of p) {
      if (lw + width(ch) > w) {
        out.push(line);
        if (breaks[k++ % breaks.length] && !FINAL.test(line)) out.push('');
        line = '';
        lw = 0;
      }
      line += ch;
      lw += width(ch);
    }
    out.push(line, '');
  }
  return out.join('\n');
}

/** One sentence per line, tokens separated by spaces (digit runs stay whole), as word segmenters do. */
function segment(paras: string[], cuts: number[], splitAscii = false): string {
  const lines: string[] = [];
  let k = 0;
  for (const p of paras) {
    for (const s of p.match(/[^。！？；]+[。！？；]?/g) ?? []) {
      // splitAscii: the segmenter also cuts numbers and Latin tokens ("2 00 8年", "R CEP")
      const units = (splitAscii ? s.match(/[^\s]/gu) : s.match(/\d+(?:\.\d+)?|[A-Za-z]+|[^\s]/gu)) ?? [];
      const toks: string[] = [];
      let cur = '';
      for (const u of units) {
        if (/^[，。！？；：“”（）《》]$/.test(u)) {
          if (cur) toks.push(cur);
          toks.push(u);
          cur = '';
          continue;
        }
        cur += u;
        if (cur.length >= (cuts[k++ % cuts.length] ?? 2)) {
          toks.push(cur);
          cur = '';
        }
      }
      if (cur) toks.push(cur);
      lines.push(' ' + toks.join(' ') + ' ');
    }
  }
  return lines.join('\n');
}

/** modest by default so the suite stays fast; PROPERTY_RUNS=500 for a deeper search */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);

const shape = (turns: Turn[]) => turns.map((t) => ({ kind: t.kind, label: t.question?.label ?? t.speaker, paragraphs: t.paragraphs }));
const flat = (turns: Turn[]) => turns.map((t) => ({ kind: t.kind, label: t.question?.label ?? t.speaker, text: t.paragraphs.join('') }));

describe('invariance properties', () => {
  it('clean paragraphs come back exactly as generated (nothing lost, nothing invented)', () => {
    fc.assert(
      fc.property(eventArb, (ev) => {
        const { paras, expected } = build(ev);
        const p = processText(paras.join('\n\n'), 'gen.txt');
        expect(shape(p.turns)).toEqual(expected);
        expect(p.report.removals).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('re-wrapping into columns (with column breaks) gives back the same text', () => {
    fc.assert(
      fc.property(eventArb, fc.integer({ min: 24, max: 40 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), (ev, w, breaks) => {
        const { paras, expected } = build(ev);
        const p = processText(columns(paras, w, breaks), 'cols.txt');
        expect(p.report.layout).toBe('columns');
        expect(shape(p.turns)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('re-segmenting one sentence per line gives back the same text', () => {
    fc.assert(
      fc.property(eventArb, fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 9 }), fc.boolean(), (ev, cuts, splitAscii) => {
        const { paras, expected } = build(ev);
        const p = processText(segment(paras, cuts, splitAscii), 'seg.txt');
        expect(p.report.layout).toBe('segmented');
        expect(flat(p.turns)).toEqual(expected.map((t) => ({ kind: t.kind, label: t.label, text: t.paragraphs.join('') })));
      }),
      { numRuns: RUNS },
    );
  });

  it('re-encoding as GB18030 with CRLF gives back the same text', () => {
    fc.assert(
      fc.property(eventArb, fc.integer({ min: 24, max: 40 }), fc.boolean(), (ev, w, wrap) => {
        const { paras, expected } = build(ev);
        const raw = (wrap ? columns(paras, w, [false]) : paras.join('\n\n')).replace(/\n/g, '\r\n');
        const d = decodeBuffer(iconv.encode(raw, 'gb18030'), 'gb.txt');
        expect(d.encoding).toBe('gb18030');
        expect(d.eol).toBe('CRLF');
        expect(shape(processText(d.text, 'gb.txt').turns)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Seed 004: a news page with two title lines, ten headline bullets and a photo caption above the transcript. */
const SEED004 = readFileSync(`${SEEDS}/004_58b0e72da7c9ea6d.txt`, 'utf8');
const NPC = loadPreset('npc');
const seedLines = SEED004.split('\n').map((l) => l.trim());
const TITLES = ['就中国外交政策和对外关系', '国务委员兼外交部长王毅回答中外记者提问'];
const CAPTION = seedLines.find((l) => l.endsWith('李强/摄'))!;
/** the headline bullets above the caption */
const BULLETS = seedLines.slice(0, seedLines.indexOf(CAPTION)).filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
const strip = (s: string) => s.replace(/\s+/g, '');

/** Hard-wrap every line of a raw text at `n` characters (a newspaper column), optionally with column breaks. */
function rewrap(text: string, n: number, breaks: boolean[]): string {
  const out: string[] = [];
  let k = 0;
  for (const line of text.split('\n')) {
    const cs = [...line.trim()];
    if (!cs.length) {
      out.push('');
      continue;
    }
    for (let i = 0; i < cs.length; i += n) {
      const piece = cs.slice(i, i + n).join('');
      out.push(piece);
      // a column break inside a long body paragraph (never inside the head: a blank line there would make two bullets)
      if (i + n < cs.length && cs.length > 200 && breaks[k++ % breaks.length] && !FINAL.test(piece)) out.push('');
    }
  }
  return out.join('\n');
}

function checkSeed004(p: ReturnType<typeof processText>) {
  expect(p.meta.titles).toEqual(TITLES);
  expect(p.highlights.map((h) => strip(h.text))).toEqual(BULLETS.map(strip));
  const body = strip(p.turns.flatMap((t) => t.paragraphs).join('\n'));
  for (const b of BULLETS) expect(body).not.toContain(strip(b));
  for (const t of TITLES) expect(body.startsWith(t)).toBe(false);
  // the caption is removed and reported, never printed
  expect(body).not.toContain('李强');
  expect(body).not.toContain('王毅通过屏幕回答记者提问');
  const removed = strip(p.report.removals.filter((d) => d.rule === 'noise').map((d) => d.removed).join(''));
  expect(removed).toContain(strip(CAPTION));
  expect(p.turns.filter((t) => t.kind === 'question')).toHaveLength(14);
}

describe('seed 004 head and caption, whatever the layout', () => {
  it('as printed', () => checkSeed004(processText(SEED004, '004.txt', { sessions: NPC.sessions })));

  it('re-wrapped as newspaper column lines (9–30 characters, with column breaks)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 9, max: 30 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), (n, breaks) => {
        const p = processText(rewrap(SEED004, n, breaks), 'cols.txt', { sessions: NPC.sessions });
        expect(p.report.layout).toMatch(/^columns/);
        checkSeed004(p);
      }),
      { numRuns: Math.min(RUNS, 12) },
    );
  });

  it('word-segmented one sentence per line', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 9 }), fc.boolean(), (cuts, splitAscii) => {
        const p = processText(segment(SEED004.split('\n').filter((l) => l.trim() !== ''), cuts, splitAscii), 'seg.txt', { sessions: NPC.sessions });
        expect(p.report.layout).toMatch(/^segmented/);
        checkSeed004(p);
        // numbers cut by the segmenter are whole again
        const body = p.turns.flatMap((t) => t.paragraphs).join('');
        expect(body).toContain('同2008年北京奥运会');
      }),
      { numRuns: Math.min(RUNS, 12) },
    );
  });
});

describe('desegment joins tokens split by the segmenter', () => {
  const HAN = ['中方', '推动', '早日', '生效', '试验', '合作', '发展'];
  /** ASCII tokens a segmenter may cut into pieces */
  const TOKENS = ['2008', '2021', '15', '3.5', 'RCEP', 'III', 'G20', '5G', '24KZ', 'APEC', 'WHO', 'COVID'];
  /** phrases whose spaces are real */
  const PHRASES = ['Belt and Road', 'Joe Biden', 'Windows 10', 'the G20 summit', 'iPhone 12'];
  it('joins the pieces of every token and keeps the spaces of real phrases', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...HAN), fc.constantFrom(...TOKENS, ...PHRASES), fc.array(fc.nat(6), { maxLength: 3 })), { minLength: 1, maxLength: 6 }),
        (parts) => {
          let expected = '';
          let segmented = '';
          for (const [han, tok, cuts] of parts) {
            expected += han + tok;
            // cut a token (never a phrase: a segmenter does not split an English word into letters)
            let t = tok;
            if (!tok.includes(' ')) {
              const at = [...new Set(cuts.map((c) => 1 + (c % Math.max(1, tok.length - 1))))].filter((c) => c < tok.length).sort((a, b) => b - a);
              for (const c of at) t = t.slice(0, c) + ' ' + t.slice(c);
            }
            segmented += ` ${han} ${t} `;
          }
          expect(collapseSpaces(segmented, true).text).toBe(expected);
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });
});
