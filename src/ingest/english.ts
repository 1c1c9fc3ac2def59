/**
 * English sources: cleaning and structure for a transcript in English (the ministry's English pages,
 * or any English transcript). No CJK rule runs here (no desegmenting, no full-width punctuation, no
 * column reflow): English text is only
 *
 *   blanks (shared with Chinese) → characters: quotes and spacing → lines: title lines → paragraphs
 *   (lines cut inside one paragraph joined) → turns (the English grammar, labels-en.ts)
 *
 * - quotes: typographic quotes become straight ones (“ ” „ → ", ‘ ’ ‚ → ') and full-width ASCII
 *   forms their ASCII letters ("Q：" → "Q:"), each changed line reported;
 * - spacing: runs of spaces become one space; nothing else (typos as published stay: "don' t");
 * - title lines: the event's title printed above the transcript ("Foreign Ministry Spokesperson Geng
 *   Shuang's Regular Press Conference on May 11, 2018") moves to the metadata, reported with its text.
 *
 * Conservation: Latin letters and digits (lang.ts countLatin) are never changed by these rules; every
 * line removed is reported with its text, so printed + removed = source (see eval/evaluate.ts).
 */
import type { Turn } from '../model/types.js';
import type { Line, RuleResult } from './text.js';
import { countHan, diag } from './text.js';
import type { Diagnostic } from './message.js';
import type { ProcessedSource } from './process.js';
import { Collector, emptyReport, type SourceReport } from './report.js';
import { normalizeBlanks } from './sources/blanks.js';
import { applyRule, lineRule } from './rules/rule.js';
import { buildTurns, mainSpeaker, type Grammar } from './structure.js';
import { mergeTopics, type TopicTable } from './topics.js';
import { countLatin } from './lang.js';
import {
  detectSpeakersEn,
  englishDate,
  EVENT_WORDS_EN,
  isStageDirectionEn,
  matchLabelEn,
  NARRATION_START_EN,
  nameLabelEn,
  outletOfEn,
  speakerFromTitleEn,
} from './labels-en.js';

const DOUBLE = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const SINGLE = /[\u2018\u2019\u201a\u201b\u2032]/g;
/** full-width ASCII forms (！ … ～): their ASCII counterparts */
const FULLWIDTH = /[\uff01-\uff5e]/g;

/** One line of English: straight quotes and ASCII forms; the count of characters changed. */
export function normalizeQuotes(s: string): { text: string; count: number } {
  let count = 0;
  const text = s
    .replace(DOUBLE, () => {
      count++;
      return '"';
    })
    .replace(SINGLE, () => {
      count++;
      return "'";
    })
    .replace(FULLWIDTH, (ch) => {
      count++;
      return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
    });
  return { text, count };
}

/** Runs of spaces become one (the blanks rule has already made every blank an ASCII space and trimmed the line). */
export function collapseSpacesEn(s: string): { text: string; count: number } {
  let count = 0;
  const text = s.replace(/ {2,}/g, (m) => {
    count += m.length - 1;
    return ' ';
  });
  return { text, count };
}

const quotesRule = lineRule(
  'quotes',
  'typographic quotes made straight, full-width ASCII forms made ASCII (English text)',
  () => true,
  normalizeQuotes,
  (n) => `English: ${n} quote(s) or full-width form(s) made straight ASCII`,
);
const spacingRule = lineRule('spacing', 'runs of spaces collapsed (English text)', () => true, collapseSpacesEn, (n) => `English: ${n} extra space(s) removed`);

const ENDS_SENTENCE_EN = /[.?!:;"')\]]\s*$/;

/**
 * Paragraphs from lines: blank lines separate paragraphs; lines of one paragraph (a hard-wrapped text,
 * a <br> inside a paragraph) are joined with a space, except where a line opens with a turn label or
 * the line before ends a sentence and the next opens one (each is then its own paragraph).
 */
function paragraphs(lines: Line[], speakers: Set<string>): RuleResult {
  const out: Line[] = [];
  const diags: Diagnostic[] = [];
  let fixes = 0;
  let cur: Line | undefined;
  for (const l of lines) {
    if (l.text === '') {
      cur = undefined;
      continue;
    }
    const label = !!matchLabelEn(l.text, speakers);
    if (cur && !label && !(ENDS_SENTENCE_EN.test(cur.text) && /^[A-Z"'(]/.test(l.text))) {
      cur.text = `${cur.text} ${l.text}`;
      fixes++;
      continue;
    }
    cur = { text: l.text, src: l.src };
    out.push(cur);
  }
  if (fixes) diags.push(diag('', out[0]?.src ?? 1, 'reflow', 'info', `English: ${fixes} line(s) joined to the paragraph they continue`));
  return { lines: out, diags, fixes };
}

export interface EnglishMeta {
  date?: string;
  year?: number;
  title?: string;
  speaker?: string;
}

/** Title lines before the first turn: short, naming the event, no sentence end. */
function isTitleLine(text: string, pageTitle: string | undefined): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  if (pageTitle && norm(text) === norm(pageTitle)) return true;
  return text.length <= 160 && EVENT_WORDS_EN.test(text) && !/[.?!;]$/.test(text.trim()) && !!(englishDate(text) || speakerFromTitleEn(text));
}

export const GRAMMAR_EN: Grammar = {
  matchLabel: matchLabelEn,
  nameLabel: nameLabelEn,
  plausibleName: (name) => name.split(/\s+/).length <= 3,
  outletOf: outletOfEn,
  narrationStart: NARRATION_START_EN,
  isStageDirection: isStageDirectionEn,
  reportedAnswer: /^([A-Z][a-z]+(?: [A-Z][a-z]+){1,2}) (?:said|stated|noted|answered|replied|responded)[,:]/,
  isEventNarration: (bare) => (bare.length <= 80 && !/[.?!;]/.test(bare)) || (EVENT_WORDS_EN.test(bare) && !!englishDate(bare) && bare.length <= 200),
  questionTitle: questionTitleEn,
};

/**
 * A short title for an English question: its first interrogative sentence; a long one is cut to its
 * last clauses (at a comma) of at least 40 characters; a bare "What is your comment?" gets the sentence
 * before it. Never new words.
 */
export function questionTitleEn(text: string): string {
  const sentences = (text.match(/[^.?!]+(?:[.?!]+["')\]]*|$)\s*/g) ?? [text]).map((x) => x.trim()).filter(Boolean);
  const qi = sentences.findIndex((x) => /\?["')\]]*$/.test(x));
  let t = sentences[qi] ?? sentences[0] ?? text.trim();
  if (t.length > 120) {
    const cs = t.split(/(?<=,)\s/);
    let out = '';
    for (let i = cs.length - 1; i >= 0; i--) {
      out = cs[i] + (out ? ' ' + out : '');
      if (out.length >= 40) break;
    }
    t = out;
  }
  if (t.length <= 30 && qi > 0) t = `${sentences[qi - 1]} ${t}`;
  return t;
}

/** Clean one English text (its lines, 1-based source lines); `title` is the page's title when known. */
export function processEnglish(
  text: string,
  file: string,
  opts: { topics?: TopicTable; lines?: Line[]; title?: string; language?: string } = {},
): ProcessedSource {
  const topics = opts.topics ?? mergeTopics();
  const c = new Collector();
  const src0 = opts.lines ?? text.split('\n').map((t, i) => ({ text: t, src: i + 1 }));
  const bl = normalizeBlanks(src0, file);
  c.add('blanks', bl);
  const q = applyRule(quotesRule, bl.lines, file);
  c.add('quotes', { diags: q.diags, fixes: q.fixes });
  const sp = applyRule(spacingRule, q.lines, file);
  c.add('spacing', { diags: sp.diags, fixes: sp.fixes });
  let lines = sp.lines;
  // title lines (before any label) move to the metadata
  const titles: string[] = [];
  const speakers0 = detectSpeakersEn(lines);
  const firstLabel = lines.findIndex((l) => !!matchLabelEn(l.text, speakers0));
  const head = firstLabel < 0 ? Math.min(lines.length, 6) : firstLabel;
  const kept: Line[] = [];
  lines.forEach((l, i) => {
    if (i < head && l.text && titles.length < 3 && isTitleLine(l.text, opts.title)) {
      titles.push(l.text);
      c.add('head', { diags: [diag(file, l.src, 'head', 'info', 'title line moved to the metadata', l.text)], fixes: 0 });
    } else kept.push(l);
  });
  lines = kept;
  // metadata: title, date and speaker from the page title and title lines, else the first lines
  const leading = [opts.title ?? '', ...titles, ...lines.slice(0, 3).map((l) => l.text)];
  const meta: EnglishMeta = {};
  meta.title = opts.title ?? titles[0];
  for (const l of leading) {
    if (!l || !EVENT_WORDS_EN.test(l)) continue;
    meta.date ??= englishDate(l);
    meta.speaker ??= speakerFromTitleEn(l);
  }
  if (meta.date) meta.year = Number(meta.date.slice(0, 4));
  const speakers = detectSpeakersEn(lines, meta.speaker ? [meta.speaker] : []);
  const pr = paragraphs(lines, speakers);
  c.fixes.reflow = pr.fixes;
  for (const d of pr.diags) c.messages.push({ ...d, file });
  const paras = pr.lines;
  const st = buildTurns(paras, speakers, file, meta.date, topics, { speaker: meta.speaker, grammar: GRAMMAR_EN });
  c.add('structure', { diags: st.diags, fixes: 0 });
  const speaker = mainSpeaker(st.turns, meta.speaker);
  const report: SourceReport = {
    ...emptyReport(file),
    layout: 'english',
    layoutEvidence: 'Latin letters carry the text',
    language: opts.language ?? 'en',
    latinChars: countLatin(src0.map((l) => l.text).join('\n')),
    hanChars: countHan(src0.map((l) => l.text).join('\n')),
  };
  Object.assign(report, { fixes: c.fixes, removals: c.removals, warnings: c.warnings, messages: c.messages });
  report.questions = st.turns.filter((t: Turn) => t.kind === 'question').length;
  report.followups = st.turns.filter((t: Turn) => t.kind === 'followup').length;
  return {
    file,
    kind: 'transcript',
    report,
    language: opts.language ?? 'en',
    meta: { date: meta.date, year: meta.year, title: meta.title, titles, speaker },
    turns: st.turns,
    paras,
    highlights: [],
  };
}
