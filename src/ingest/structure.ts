/**
 * Structure: event metadata (date, year, session, venue, speaker, duration, title) and turns
 * (opening, questions, answers, closing, narration) from cleaned paragraphs. Question titles for
 * tables of contents and topic tags.
 */
import type { Diagnostic } from './message.js';
import type { EventMeta, QuestionInfo, Turn } from '../model/types.js';
import { assignIds } from '../model/ids.js';
import type { Line } from './text.js';
import { diag, splitSentences } from './text.js';
import { isStageDirection, matchLabel, nameLabel, NARRATION_START, outletOf, stripBlanks, type LabelMatch } from './labels.js';
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
  /** the event's speaker named in its title or leading narration ("外交部发言人耿爽主持例行记者会") */
  speaker?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** words that make a line the title or the narration of the event itself */
const EVENT_WORDS = /记者会|发布会|吹风会|记者招待会|答记者问|回答中外记者提问|回答记者提问|答问|发表谈话|发表讲话|发表声明/;
/** the narration of this event ("…在人民大会堂举行记者会，…回答中外记者提问"), not a speaker's announcement */
const NARRATED_EVENT = /^(?![^。]*(?:将于|将在|将举行))[^。]*(?:(?:举行|召开|主持)[^。]{0,12}(?:记者会|发布会|吹风会)|回答中外记者提问|答记者问)/;
/** an event yet to come ("外交部将于…举行吹风会"): not this page's event */
const FUTURE = /将于|将在|将举行|将召开|拟于/;
const EXPLICIT_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/**
 * The event's speaker named in a title or narration: "外交部发言人耿爽主持例行记者会",
 * "外交部发言人华春莹就…答记者问", "国务委员兼外交部长王毅…回答中外记者提问".
 */
export function speakerFromTitle(text: string): string | undefined {
  const m =
    /发言人([\p{Script=Han}·]{2,5}?)(?:主持|就|答|回答|在|宣布|发表|表示|应询|说)/u.exec(text) ??
    /(?:外交部长|外长|部长|总理|主任|大使|主席|委员长|司长|局长|代表|秘书长)([\p{Script=Han}·]{2,4}?)(?:就|回答|答|出席|在|举行|会见|主持)/u.exec(text);
  return m?.[1];
}

/**
 * Metadata from the leading text (page title, title lines and narration before the first label, in
 * that order) and the whole text (duration). The date is taken only from the strongest
 * evidence: a title or event-narration line ("2017年1月3日外交部发言人耿爽主持例行记者会"), then a
 * dateline at the start of the first narration paragraph ("新华社北京3月7日电", "2021年3月7日，…");
 * never from a date quoted in a turn or an announcement of some other event.
 */
export function guessMeta(leading: string, all: string, session?: { name: string; year: number }): MetaGuess {
  const g: MetaGuess = {};
  // a session named in the text and its year (found by a preset's session rules, see preset.ts),
  // for a dateline without a year
  const sessionYear = session?.year;
  if (session) g.session = session.name;
  const lines = leading.split('\n').map((l) => l.trim()).filter(Boolean);
  let explicit: RegExpExecArray | null = null;
  let dateline: RegExpExecArray | null = null;
  // 1. a title or event-narration line that names the event with its full date
  for (const l of lines) {
    if (!EVENT_WORDS.test(l) || FUTURE.test(l)) continue;
    const e = EXPLICIT_DATE.exec(l);
    if (e && (e.index <= 20 || l.length <= 80)) {
      explicit = e;
      break;
    }
  }
  // 2. a dateline at the start of a narration paragraph (the first lines only)
  let narration = 0;
  if (!explicit)
    for (const l of lines) {
      const title = l.length <= 40 && !/[，。；]/.test(l);
      if (!title && ++narration > 2) break;
      // a future event, or the time of something reported ("当地时间2月18日，美方…"): not a dateline
      if (FUTURE.test(l.slice(0, 40)) || /^(?:据[^电，。]{0,10}报道|当地时间)/.test(l)) continue;
      const e = /^[^，。；]{0,20}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:电|[，,\s]|(?=[^，。]{0,40}(?:举行|召开|主持)))/.exec(l);
      if (e) {
        explicit = e;
        break;
      }
      const d = /^[^，。；]{0,20}?(\d{1,2})月(\d{1,2})日电/.exec(l) ?? /^(?:[^，。；]{0,12})?(\d{1,2})月(\d{1,2})日[，,]/.exec(l);
      if (d) {
        dateline = d;
        break;
      }
    }
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
  for (const l of lines) {
    if (!EVENT_WORDS.test(l) && !/发言人/.test(l)) continue;
    const s = speakerFromTitle(l);
    if (s) {
      g.speaker = s;
      break;
    }
  }
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
/** The speaker of most remarks and answers (opening, answer, closing turns), else `fallback`. */
export function mainSpeaker(turns: Turn[], fallback?: string): string | undefined {
  let speaker: string | undefined;
  const counts = new Map<string, number>();
  for (const t of turns) if (t.speaker && (t.kind === 'opening' || t.kind === 'answer' || t.kind === 'closing')) counts.set(t.speaker, (counts.get(t.speaker) ?? 0) + 1);
  for (const [s, n] of counts) if (!speaker || n > counts.get(speaker)!) speaker = s;
  return speaker ?? fallback;
}

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


export interface BuildOptions {
  /** the event's speaker (from its title): who answers "答：" */
  speaker?: string;
  /** source lines where a separator forced a new turn */
  breaks?: Set<number>;
  /** the turn grammar of the source's language (default: Chinese, GRAMMAR_ZH) */
  grammar?: Grammar;
}

/**
 * What buildTurns needs to know about a language: its labels, its narration and stage directions, and
 * how a question's short title is taken. The Chinese grammar is below; the English one is in english.ts.
 */
export interface Grammar {
  matchLabel(text: string, speakers: Set<string>): LabelMatch | undefined;
  /** a name label used once (a candidate speaker answering right after a question) */
  nameLabel(text: string): string | undefined;
  /** a name short enough to be a speaker's when the event's speaker is unknown */
  plausibleName(name: string): boolean;
  outletOf(label: string): string;
  /** narration that closes the event ("记者会历时…") */
  narrationStart: RegExp;
  isStageDirection(text: string): boolean;
  /** a reported answer: group 1 the name ("耿爽表示，…") */
  reportedAnswer: RegExp;
  /** before the first question: a paragraph narrating the event (title, dateline), not an announcement */
  isEventNarration(bare: string): boolean;
  questionTitle(text: string): string;
}

const ENDS_QUESTION = /[？?][”’」』）)"']*\s*$/u;
/** a reported answer: "耿爽表示，…" */
const REPORTED_ANSWER = /^([\p{Script=Han}·]{2,4}?)(?:表示|说|回答|答|指出|强调)[，,：:]/u;

export const GRAMMAR_ZH: Grammar = {
  matchLabel,
  nameLabel,
  plausibleName: (name) => name.length <= 3,
  outletOf,
  narrationStart: NARRATION_START,
  isStageDirection,
  reportedAnswer: REPORTED_ANSWER,
  isEventNarration: (bare) => NARRATED_EVENT.test(bare) || (bare.length <= 60 && !/[，。！？；]/.test(bare)) || /^[^，。]{0,20}?\d{1,2}月\d{1,2}日电/.test(bare),
  questionTitle: (text) => questionTitle(text),
};

/**
 * Paragraphs → turns. Questions (outlet or anonymous labels), follow-ups ("追问：", "X记者追问："),
 * answers (a named speaker or "答："), interjections inside an answer (kept in place; the answer goes
 * on in a further answer turn), stage directions ("（记者笑）", narration), announcements before the
 * first question, opening and closing remarks. Question ids are provisional, under `eventKey` (the
 * date when known); the final ids are given by assignIds once the event is known.
 */
export function buildTurns(paras: Line[], speakers: Set<string>, file: string, eventKey: string | undefined, topics: TopicTable, opts: BuildOptions = {}): TurnsResult {
  const { matchLabel, nameLabel, plausibleName, outletOf, narrationStart, isStageDirection, reportedAnswer, isEventNarration, questionTitle } = opts.grammar ?? GRAMMAR_ZH;
  const turns: Turn[] = [];
  const srcLines: number[] = [];
  /** continuation turns (an answer resumed after an interjection or a stage direction) */
  const cont: boolean[] = [];
  const diags: Diagnostic[] = [];
  const eventSpeaker = opts.speaker;
  let cur: Turn | undefined;
  let lastQuestion = -1;
  /** the turn to resume after an interjection or a stage direction */
  let resume: Turn | undefined;
  // the page answers with "答：": unlabelled answers after a question are answers too
  const anonymous = paras.some((p) => matchLabel(p.text, speakers)?.kind === 'answer');
  let lastSpeaker = eventSpeaker;
  // a page of a named speaker (from its title) without any label: the speaker's announcements
  const unlabelled = !!eventSpeaker && !paras.some((p) => matchLabel(p.text, speakers));
  // "记者：" is the questioner's label only when no other question label is used
  const reporterAsks = !paras.some((p) => {
    const k = matchLabel(p.text, speakers)?.kind;
    return k === 'question' || k === 'followup';
  });
  const push = (t: Turn, src: number, isCont = false) => {
    turns.push(t);
    srcLines.push(src);
    cont.push(isCont);
    cur = t;
  };
  const newQuestion = (kind: 'question' | 'followup', label: string, body: string, src: number) => {
    const q: QuestionInfo = { id: '', seq: 0, label, outlet: outletOf(label), title: '', topics: [] };
    push({ kind, paragraphs: body ? [body] : [], question: q }, src);
    lastQuestion = turns.length - 1;
    resume = undefined;
  };
  const isQuestionTurn = (t: Turn | undefined) => t?.kind === 'question' || t?.kind === 'followup';
  for (const p of paras) {
    const text = p.text;
    const bare = stripBlanks(text);
    const afterBreak = opts.breaks?.has(p.src) ?? false;
    let m = matchLabel(text, speakers);
    // a name answering right after a question ("耿爽：…" once, after "会后有记者问及：")
    if (!m && isQuestionTurn(cur)) {
      const name = nameLabel(text);
      if (name && (name === eventSpeaker || (!eventSpeaker && plausibleName(name)))) {
        speakers.add(name);
        m = matchLabel(text, speakers);
      }
    }
    if (narrationStart.test(bare)) {
      push({ kind: 'narration', paragraphs: [text] }, p.src);
      resume = undefined;
      continue;
    }
    if (m?.kind === 'reporter') {
      // a bare "记者：": the questioner's label in an interview; on a page whose questions have other
      // labels, a reporter speaking inside an answer: a follow-up when it asks, else an interjection
      const last = cur?.paragraphs[cur.paragraphs.length - 1] ?? '';
      const inAnswer = cur?.kind === 'answer' || cur?.kind === 'interjection';
      if (inAnswer && ENDS_QUESTION.test(last)) m = { kind: 'interjection', label: m.label, length: 0 };
      else if (inAnswer && !reporterAsks) m = ENDS_QUESTION.test(bare) ? { ...m, kind: 'followup' } : { kind: 'interjection', label: m.label, length: 0 };
      else m = { ...m, kind: 'question' };
    }
    if (m?.kind === 'question' || m?.kind === 'followup') {
      newQuestion(m.kind, m.label, text.slice(m.length), p.src);
      continue;
    }
    if (m?.kind === 'answer' || (m?.kind === 'speaker' && lastQuestion >= 0)) {
      const speaker = m.speaker ?? eventSpeaker;
      const t: Turn = { kind: 'answer', paragraphs: [] };
      if (speaker) t.speaker = speaker;
      if (m.label !== speaker) t.label = m.label;
      const body = text.slice(m.length);
      if (body) t.paragraphs.push(body);
      push(t, p.src);
      lastSpeaker = speaker ?? lastSpeaker;
      resume = undefined;
      continue;
    }
    if (m?.kind === 'speaker') {
      // before any question: opening remarks
      const body = text.slice(m.length);
      const prev = turns[turns.length - 1];
      if (prev?.kind === 'opening' && prev.speaker === m.label) {
        // the same speaker labelled again before any question: still the opening
        prev.paragraphs.push(body);
        cur = prev;
        diags.push(diag(file, p.src, 'structure', 'info', `label "${m.label}" repeated inside the opening remarks: removed`, text.slice(0, m.length)));
        continue;
      }
      push({ kind: 'opening', speaker: m.label, paragraphs: body ? [body] : [] }, p.src);
      lastSpeaker = m.label;
      resume = undefined;
      continue;
    }
    if (m?.kind === 'interjection') {
      // kept whole, in place; the turn it interrupts goes on after it
      if (cur && cur.kind !== 'interjection' && cur.kind !== 'narration') resume = cur;
      push({ kind: 'interjection', paragraphs: [text] }, p.src);
      continue;
    }
    if (m?.kind === 'announcement' && lastQuestion < 0) {
      const t: Turn = { kind: 'announcement', paragraphs: [], label: m.label };
      if (eventSpeaker) t.speaker = eventSpeaker;
      const body = text.slice(m.length);
      if (body) t.paragraphs.push(body);
      push(t, p.src);
      resume = undefined;
      continue;
    }
    // unlabelled paragraphs
    if (isStageDirection(text)) {
      if (cur && cur.kind !== 'interjection' && cur.kind !== 'narration') resume = cur;
      push({ kind: 'narration', paragraphs: [text] }, p.src);
      continue;
    }
    if (afterBreak && lastQuestion >= 0) {
      // after a separator: a notice closing the press conference
      push({ kind: 'closing', paragraphs: [text] }, p.src);
      resume = undefined;
      continue;
    }
    if (resume && (cur?.kind === 'interjection' || cur?.kind === 'narration')) {
      const r = resume;
      resume = undefined;
      if (r.kind === 'question' || r.kind === 'followup') {
        // a question interrupted: its text goes on in the narration (the order of the text is kept)
        cur.paragraphs.push(text);
        continue;
      }
      // the resumed turn carries no printed label of its own
      const t: Turn = { kind: r.kind, paragraphs: [text], label: '' };
      if (r.speaker) t.speaker = r.speaker;
      push(t, p.src, true);
      continue;
    }
    if (isQuestionTurn(cur) && (anonymous || cur!.question!.outlet === '')) {
      // an unlabelled answer ("追问：…？" then the answer without "答：", "耿爽表示，…")
      const last = cur!.paragraphs[cur!.paragraphs.length - 1] ?? '';
      const reported = reportedAnswer.exec(bare);
      const byName = reported && (reported[1] === eventSpeaker || speakers.has(reported[1]!));
      if (byName || (ENDS_QUESTION.test(last) && !ENDS_QUESTION.test(bare))) {
        const t: Turn = { kind: 'answer', paragraphs: [text], label: '' };
        const speaker = byName ? reported![1]! : eventSpeaker;
        if (speaker) t.speaker = speaker;
        push(t, p.src);
        continue;
      }
    }
    if (lastQuestion < 0 && (!cur || cur.kind === 'narration')) {
      // before the first question: event narration (title, dateline) or an announcement
      const narration = isEventNarration(bare) || !(anonymous || unlabelled);
      if (narration && cur?.kind === 'narration') cur.paragraphs.push(text);
      else if (narration) push({ kind: 'narration', paragraphs: [text] }, p.src);
      else {
        const t: Turn = { kind: 'announcement', paragraphs: [text], label: '' };
        if (eventSpeaker) t.speaker = eventSpeaker;
        push(t, p.src);
      }
      continue;
    }
    if (cur) cur.paragraphs.push(text);
    else push({ kind: 'narration', paragraphs: [text] }, p.src);
  }
  void lastSpeaker;
  // closing remarks: a labelled speaker turn after the answer to the last question
  if (lastQuestion >= 0) {
    let answered = false;
    let closing = false;
    for (let i = lastQuestion + 1; i < turns.length; i++) {
      const t = turns[i]!;
      if (t.kind !== 'answer') continue;
      if (cont[i]) {
        if (closing) t.kind = 'closing';
        continue;
      }
      if (answered) {
        t.kind = 'closing';
        closing = true;
      }
      answered = true;
    }
  }
  assignIds({ meta: { id: eventKey ?? '0000-00-00' } as EventMeta, turns, highlights: [] });
  turns.forEach((t, i) => {
    if (t.question) {
      const text = t.paragraphs.join('');
      t.question.title = questionTitle(text);
      t.question.topics = tagTopics(text, topics);
      if (!text) diags.push(diag(file, srcLines[i] ?? 1, 'structure', 'warning', `${t.kind} ${t.question.seq} has no text`));
    }
  });
  // answers that never came
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i]!;
    const next = turns[i + 1]?.kind;
    if (t.kind === 'question' && next !== 'answer' && next !== 'followup')
      diags.push(diag(file, srcLines[i] ?? 1, 'structure', 'warning', `question ${t.question?.seq} (${t.question?.label}) has no answer`));
  }
  return { turns, diags, srcLines };
}
