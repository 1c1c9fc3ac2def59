/**
 * Pairing and alignment of the two editions of one press conference (Chinese and English, or any two
 * languages of the model): pairEditions recognises the events that translate each other (same date and
 * same speaker, through the bilingual table data/bilingual.yaml), alignEvents aligns their turns and,
 * within each aligned turn, their paragraphs.
 *
 * Turns: a global alignment (Needleman–Wunsch) over the two turn lists; a pair of turns scores by kind
 * (question ↔ question, follow-up ↔ follow-up or question, answer ↔ answer …) and by content evidence
 * shared by the two texts: numbers, dates ("6月12日" ↔ "June 12"), Latin names (G20, MH370), and names
 * of the bilingual table (countries, places, people, outlets), with the lengths as a weak prior.
 * Paragraphs inside an aligned turn: the same dynamic programming with 1–1, 1–2 and 2–1 beads.
 * What stays unaligned is kept and reported (an AlignedTurn with one side only); no text is dropped:
 * every turn and every paragraph of both events is in exactly one bead.
 */
import type { AlignedPair, AlignedParagraphs, AlignedTurn, PressEvent, Turn, TurnKind } from '../model/types.js';
import { bilingualTable } from './table.js';
import { countHan } from '../ingest/text.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const isZh = (lang: string) => /^zh\b/i.test(lang);

/** Evidence tokens of a text: numbers, month-day dates, Latin words in capitals, table entries. */
export function evidence(text: string, lang: string): Set<string> {
  const out = new Set<string>();
  const t = text.replace(/(\d),(\d{3})/g, '$1$2');
  if (isZh(lang)) {
    for (const m of t.matchAll(/(\d{1,2})月(\d{1,2})日/g)) out.add(`d:${Number(m[1])}-${Number(m[2])}`);
    // Latin names printed in the Chinese text (G20, MH370, CPEC)
    for (const m of t.matchAll(/[A-Za-z][A-Za-z0-9-]{1,}/g)) out.add(`w:${m[0].toLowerCase()}`);
  } else {
    for (const m of t.matchAll(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b/g))
      out.add(`d:${MONTHS.indexOf(m[1]!.toLowerCase()) + 1}-${Number(m[2])}`);
    for (const m of t.matchAll(/\b[A-Z][A-Z0-9-]{1,}\b/g)) out.add(`w:${m[0].toLowerCase()}`);
  }
  for (const m of t.matchAll(/\d+(?:\.\d+)?/g)) if (!(m[0].length === 1 && m[0] === '1')) out.add(`n:${m[0]}`);
  for (const e of bilingualTable()) {
    const names = isZh(lang) ? e.zh : e.en;
    if (names.some((n) => (isZh(lang) ? t.includes(n) : new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(t)))) out.add(`t:${e.key}`);
  }
  return out;
}

/** Shared evidence of two token sets (Dice coefficient, 0 when both are empty). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

/** Size of a text in comparable units: Han characters for Chinese, words × 1.6 for English (about the corpus ratio). */
export function size(text: string, lang: string): number {
  return isZh(lang) ? Math.max(1, countHan(text)) : Math.max(1, (text.match(/\S+/g)?.length ?? 0) * 1.6);
}

const lengthScore = (a: number, b: number) => {
  const r = Math.log(a / b);
  return Math.exp(-(r * r) / 0.5); // 1 when equal, ~0.6 at a ratio of 1.5, ~0.38 at 2
};

const KIND_GROUP: Record<TurnKind, string> = {
  question: 'q',
  followup: 'q',
  answer: 'a',
  closing: 'a',
  opening: 'o',
  announcement: 'o',
  interjection: 'i',
  narration: 'n',
};

interface Side {
  lang: string;
  turns: Turn[];
  ev: Set<string>[];
  size: number[];
}

function side(e: PressEvent): Side {
  const lang = e.meta.language;
  const texts = e.turns.map((t) => t.paragraphs.join('\n'));
  return { lang, turns: e.turns, ev: texts.map((x) => evidence(x, lang)), size: texts.map((x) => size(x, lang)) };
}

function turnScore(a: Side, i: number, b: Side, j: number): number {
  const ka = a.turns[i]!.kind;
  const kb = b.turns[j]!.kind;
  if (KIND_GROUP[ka] !== KIND_GROUP[kb]) return -Infinity;
  const kind = ka === kb ? 1 : 0.6;
  return kind + 1.5 * overlap(a.ev[i]!, b.ev[j]!) + 0.8 * lengthScore(a.size[i]!, b.size[j]!) - 1.2;
}

/** Needleman–Wunsch over n × m items with a match score and a gap cost; returns the pairs and gaps in order. */
function globalAlign(n: number, m: number, score: (i: number, j: number) => number, gap: number): [number | undefined, number | undefined][] {
  const S: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const B: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) [S[i]![0], B[i]![0]] = [S[i - 1]![0]! - gap, 1];
  for (let j = 1; j <= m; j++) [S[0]![j], B[0]![j]] = [S[0]![j - 1]! - gap, 2];
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const d = S[i - 1]![j - 1]! + score(i - 1, j - 1);
      const u = S[i - 1]![j]! - gap;
      const l = S[i]![j - 1]! - gap;
      if (d >= u && d >= l) [S[i]![j], B[i]![j]] = [d, 0];
      else if (u >= l) [S[i]![j], B[i]![j]] = [u, 1];
      else [S[i]![j], B[i]![j]] = [l, 2];
    }
  const out: [number | undefined, number | undefined][] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const b = i > 0 && j > 0 ? B[i]![j]! : i > 0 ? 1 : 2;
    if (b === 0) out.push([--i, --j]);
    else if (b === 1) out.push([--i, undefined]);
    else out.push([undefined, --j]);
  }
  return out.reverse();
}

/** Paragraph beads inside two aligned turns: 1–1, 1–2, 2–1 (and 1–0 / 0–1 when nothing fits). */
export function alignParagraphs(a: string[], la: string, b: string[], lb: string): AlignedParagraphs[] {
  const n = a.length;
  const m = b.length;
  if (!n || !m) return [...a.map((_, i) => ({ source: [i], target: [] })), ...b.map((_, j) => ({ source: [], target: [j] }))];
  const ea = a.map((x) => evidence(x, la));
  const eb = b.map((x) => evidence(x, lb));
  const sa = a.map((x) => size(x, la));
  const sb = b.map((x) => size(x, lb));
  const union = (es: Set<string>[], from: number, k: number) => new Set(es.slice(from, from + k).flatMap((s) => [...s]));
  const sum = (xs: number[], from: number, k: number) => xs.slice(from, from + k).reduce((x, y) => x + y, 0);
  const bead = (i: number, di: number, j: number, dj: number) =>
    2 * lengthScore(sum(sa, i, di), sum(sb, j, dj)) + overlap(union(ea, i, di), union(eb, j, dj)) - (di + dj > 2 ? 0.6 : 0);
  const GAP = 1.2;
  const S: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  const B: [number, number][][] = Array.from({ length: n + 1 }, () => new Array<[number, number]>(m + 1).fill([0, 0]));
  S[0]![0] = 0;
  const steps: [number, number][] = [[1, 1], [1, 2], [2, 1], [1, 0], [0, 1]];
  for (let i = 0; i <= n; i++)
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      for (const [di, dj] of steps) {
        const pi = i - di;
        const pj = j - dj;
        if (pi < 0 || pj < 0 || S[pi]![pj] === -Infinity) continue;
        const s = S[pi]![pj]! + (di && dj ? bead(pi, di, pj, dj) : -GAP);
        if (s > S[i]![j]!) [S[i]![j], B[i]![j]] = [s, [di, dj]];
      }
    }
  const out: AlignedParagraphs[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [di, dj] = B[i]![j]!;
    out.push({ source: Array.from({ length: di }, (_, k) => i - di + k), target: Array.from({ length: dj }, (_, k) => j - dj + k) });
    i -= di;
    j -= dj;
  }
  return out.reverse();
}

/** Align the turns of two editions (source: e.g. the Chinese, target: the English), then their paragraphs. */
export function alignEvents(source: PressEvent, target: PressEvent, evidenceText = ''): AlignedPair {
  const a = side(source);
  const b = side(target);
  const beads = globalAlign(a.turns.length, b.turns.length, (i, j) => turnScore(a, i, b, j), 0.6);
  const turns: AlignedTurn[] = beads.map(([i, j]) => {
    const t: AlignedTurn = {};
    if (i !== undefined) t.source = i;
    if (j !== undefined) t.target = j;
    if (i !== undefined && j !== undefined) t.paragraphs = alignParagraphs(a.turns[i]!.paragraphs, a.lang, b.turns[j]!.paragraphs, b.lang);
    return t;
  });
  const unaligned = turns.filter((t) => t.source === undefined || t.target === undefined).length;
  return {
    source: source.meta.id,
    target: target.meta.id,
    sourceLanguage: source.meta.language,
    targetLanguage: target.meta.language,
    evidence: evidenceText,
    turns,
    unaligned,
  };
}

/** The speaker of an event as the other language writes it (耿爽 ↔ Geng Shuang), through the table. */
export function sameSpeaker(a: string | undefined, b: string | undefined): boolean | undefined {
  if (!a || !b) return undefined;
  if (a === b) return true;
  const e = bilingualTable().find((x) => x.kind === 'people' && (x.zh.includes(a) || x.en.includes(a)));
  if (!e) return undefined;
  return e.zh.includes(b) || e.en.includes(b);
}

export interface PairingResult {
  pairs: AlignedPair[];
  /** events of one language with an event of another language on their date that did not pair, and why */
  unpaired: { event: string; reason: string }[];
}

/**
 * The events that translate each other: one event of each language on the same date, with the same
 * speaker (through the bilingual table; an unknown speaker does not prevent pairing when each side
 * has exactly one event that day, a different known speaker does). The source side is the language of
 * `sourceLanguage` (default: Chinese).
 */
export function pairEditions(events: PressEvent[], opts: { align?: boolean; sourceLanguage?: string } = {}): PairingResult {
  const src = (e: PressEvent) => (opts.sourceLanguage ? e.meta.language === opts.sourceLanguage : isZh(e.meta.language));
  const byDate = new Map<string, PressEvent[]>();
  for (const e of events) byDate.set(e.meta.date, [...(byDate.get(e.meta.date) ?? []), e]);
  const pairs: AlignedPair[] = [];
  const unpaired: PairingResult['unpaired'] = [];
  for (const [date, evs] of byDate) {
    const xs = evs.filter(src);
    const ys = evs.filter((e) => !src(e));
    if (!xs.length || !ys.length) continue;
    // every candidate couple of the day (not a different known speaker), best first: a known same
    // speaker, then the closest number of questions, then the most shared evidence
    const qs = (e: PressEvent) => e.turns.filter((t) => t.kind === 'question').length;
    const text = (e: PressEvent) => e.turns.map((t) => t.paragraphs.join('\n')).join('\n');
    const cands: { x: PressEvent; y: PressEvent; known: boolean; score: number }[] = [];
    for (const x of xs)
      for (const y of ys) {
        const same = sameSpeaker(x.meta.speaker, y.meta.speaker);
        if (same === false) continue;
        const shared = overlap(evidence(text(x), x.meta.language), evidence(text(y), y.meta.language));
        cands.push({ x, y, known: same === true, score: shared - Math.abs(qs(x) - qs(y)) / Math.max(1, qs(x), qs(y)) });
      }
    cands.sort((p, q) => Number(q.known) - Number(p.known) || q.score - p.score);
    const used = new Set<PressEvent>();
    for (const { x, y, known } of cands) {
      if (used.has(x) || used.has(y)) continue;
      if (!known && (xs.length > 1 || ys.length > 1)) continue;
      used.add(x);
      used.add(y);
      const why = `same date ${date}, ${known ? `same speaker (${x.meta.speaker} = ${y.meta.speaker})` : 'the only editions of the day'}`;
      pairs.push(opts.align === false ? { source: x.meta.id, target: y.meta.id, sourceLanguage: x.meta.language, targetLanguage: y.meta.language, evidence: why, turns: [], unaligned: 0 } : alignEvents(x, y, why));
    }
    for (const x of xs) if (!used.has(x)) unpaired.push({ event: x.meta.id, reason: `no edition in another language on ${date} paired with it (speaker ${x.meta.speaker ?? 'unknown'})` });
    for (const y of ys) if (!used.has(y)) unpaired.push({ event: y.meta.id, reason: `no edition in another language on ${date} paired with it` });
  }
  return { pairs, unpaired };
}
