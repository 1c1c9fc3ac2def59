/**
 * Structure: event metadata (date, year, session, venue, speaker, duration, title) and turns
 * (opening, questions, answers, closing, narration) from cleaned paragraphs. Question titles for
 * tables of contents and topic tags.
 */
import type { Diagnostic } from './message.js';
import type { QuestionInfo, Turn } from '../model/types.js';
import type { Line } from './text.js';
import { diag, splitSentences } from './text.js';
import { matchLabel, NARRATION_START, outletOf } from './labels.js';
import { tagTopics, type TopicTable } from './topics.js';

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十三 → 13, 五 → 5, 二十一 → 21 (up to 99); also plain digits. */
export function parseCnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[〇零一二两三四五六七八九十]+$/.test(s)) return undefined;
  const i = s.indexOf('十');
  if (i < 0) return s.split('').reduce((a, c) => a * 10 + (CN_DIGITS[c] ?? 0), 0);
  const tens = i === 0 ? 1 : (CN_DIGITS[s[i - 1]!] ?? 1);
  const ones = i === s.length - 1 ? 0 : (CN_DIGITS[s[i + 1]!] ?? 0);
  return tens * 10 + ones;
}

export interface MetaGuess {
  date?: string;
  year?: number;
  session?: string;
  venue?: string;
  duration?: string;
  title?: string;
  speaker?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Metadata from the leading narration (dateline) and the whole text. `session`: a session named in
 * the text and its year (found by a preset's session rules, see preset.ts), for a dateline without
 * a year.
 */
export function guessMeta(leading: string, all: string, session?: { name: string; year: number }): MetaGuess {
  const g: MetaGuess = {};
  const sessionYear = session?.year;
  if (session) g.session = session.name;
  const explicit = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(leading);
  const dateline = /(\d{1,2})月(\d{1,2})日电/.exec(leading) ?? /^(?:[^，。]{0,12})?(\d{1,2})月(\d{1,2})日[，,]/.exec(leading);
  if (explicit) {
    g.year = Number(explicit[1]);
    g.date = `${explicit[1]}-${pad(Number(explicit[2]))}-${pad(Number(explicit[3]))}`;
  } else if (sessionYear) {
    g.year = sessionYear;
    if (dateline) g.date = `${sessionYear}-${pad(Number(dateline[1]))}-${pad(Number(dateline[2]))}`;
  }
  if (!g.year && sessionYear) g.year = sessionYear;
  const venue = /在([^，。、\s“”]{2,14}?)(?:举行|召开)/.exec(leading);
  if (venue) g.venue = venue[1];
  const dur = /(?:记者会|发布会)(?:共)?(?:历时|持续)(?:了)?([^，。]{1,16}?)[。，]/.exec(all);
  if (dur) g.duration = dur[1];
  const title = /([^，。：\n]*?就[^，。：\n]{2,40}?(?:回答中外记者提问|答记者问|回答记者提问))/.exec(leading);
  if (title) g.title = title[1]!.replace(/^(?:据)?新华社[^电]{0,12}电\s*/, '');
  return g;
}

/** the last clauses of a sentence, at least `min` characters long */
function lastClauses(s: string, min: number): string {
  const cs = s.split(/(?<=[，；])/);
  let out = '';
  for (let i = cs.length - 1; i >= 0; i--) {
    out = cs[i] + out;
    if (out.length >= min) break;
  }
  return out;
}

/**
 * A short title for tables of contents: the first interrogative sentence, trimmed to its last
 * clauses when long; a bare "您怎么看？" gets the sentence it refers to. Never new words.
 */
export function questionTitle(text: string): string {
  const sentences = splitSentences(text).map((x) => x.trim());
  const qi = sentences.findIndex((x) => /[？?]$/.test(x.replace(/[”’」』）)]+$/, '')));
  let t = sentences[qi] ?? sentences[0] ?? text.trim();
  if (t.length > 40) t = lastClauses(t, 14);
  if (t.length <= 11 && qi > 0) {
    const prev = sentences[qi - 1]!;
    t = (prev.length > 40 ? lastClauses(prev, 14) : prev) + t;
  }
  return t.replace(/^(?:请问|那么|另外|此外|但是?|而|并且?|然而|同时)[，,]?/, '');
}

export interface TurnsResult {
  turns: Turn[];
  diags: Diagnostic[];
  /** the source line where each turn starts (parallel to turns) */
  srcLines: number[];
}

/** Paragraphs → turns. */
export function buildTurns(paras: Line[], speakers: Set<string>, file: string, year: number | undefined, topics: TopicTable): TurnsResult {
  const turns: Turn[] = [];
  const srcLines: number[] = [];
  const diags: Diagnostic[] = [];
  let cur: Turn | undefined;
  let seq = 0;
  let lastQuestion = -1;
  for (const p of paras) {
    const m = matchLabel(p.text, speakers);
    if (NARRATION_START.test(p.text)) {
      cur = { kind: 'narration', paragraphs: [p.text] };
      turns.push(cur);
      srcLines.push(p.src);
    } else if (m?.kind === 'question') {
      seq++;
      const body = p.text.slice(m.length);
      const q: QuestionInfo = {
        id: `${year ?? '0000'}-${pad(seq)}`,
        seq,
        label: m.label,
        outlet: outletOf(m.label),
        title: '',
        topics: [],
      };
      cur = { kind: 'question', paragraphs: body ? [body] : [], question: q };
      turns.push(cur);
      srcLines.push(p.src);
      lastQuestion = turns.length - 1;
    } else if (m?.kind === 'speaker') {
      const body = p.text.slice(m.length);
      const kind = lastQuestion < 0 ? 'opening' : 'answer';
      const prev = turns[turns.length - 1];
      if (kind === 'opening' && prev?.kind === 'opening' && prev.speaker === m.label) {
        // the same speaker labelled again before any question: still the opening
        prev.paragraphs.push(body);
        cur = prev;
        diags.push(diag(file, p.src, 'structure', 'info', `label "${m.label}" repeated inside the opening remarks`));
        continue;
      }
      cur = { kind, speaker: m.label, paragraphs: body ? [body] : [] };
      turns.push(cur);
      srcLines.push(p.src);
    } else if (cur) {
      cur.paragraphs.push(p.text);
    } else {
      cur = { kind: 'narration', paragraphs: [p.text] };
      turns.push(cur);
      srcLines.push(p.src);
    }
  }
  // closing remarks: a speaker turn after the answer to the last question
  if (lastQuestion >= 0) {
    let answered = false;
    for (let i = lastQuestion + 1; i < turns.length; i++) {
      const t = turns[i]!;
      if (t.kind !== 'answer') continue;
      if (answered) t.kind = 'closing';
      answered = true;
    }
  }
  turns.forEach((t, i) => {
    if (t.kind === 'question' && t.question) {
      const text = t.paragraphs.join('');
      t.question.title = questionTitle(text);
      t.question.topics = tagTopics(text, topics);
      if (!text) diags.push(diag(file, srcLines[i] ?? 1, 'structure', 'warning', `question ${t.question.id} has no text`));
    }
  });
  // answers that never came
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i]!;
    if (t.kind === 'question' && turns[i + 1]?.kind !== 'answer')
      diags.push(diag(file, srcLines[i] ?? 1, 'structure', 'warning', `question ${t.question?.id} (${t.question?.label}) has no answer`));
  }
  return { turns, diags, srcLines };
}
