/**
 * Turn labels as printed, whatever the page:
 * - questioners with an outlet: "美国有线电视新闻网记者：", "俄新社记者提问：", "彭博社记者追问：";
 * - anonymous: "问：" / "答：" / "追问：", "记者问：", narrated "会后有记者问及：";
 * - named speakers: "王毅：", "耿爽：" — not hard-coded: a short name that opens several paragraphs
 *   with a colon, the event's speaker named in the title, or a name answering right after a question;
 * - interjections inside an answer: "（记者：日本媒体。……）";
 * - announcements before the first question: "发言人宣布：".
 * Leading blanks (spaces, U+3000 indents, no-break spaces) never hide a label.
 */
import type { Line } from './text.js';

/** leading blanks of a paragraph (ASCII, full-width U+3000, no-break, zero-width, BOM) */
export const LEADING_BLANKS = /^[\s\u3000\u00a0\u200b\ufeff]+/u;

export function stripBlanks(text: string): string {
  return text.replace(LEADING_BLANKS, '');
}

/**
 * "<outlet>记者：" / "<outlet>特约记者：" with an optional verb ("提问", "问", "问及", "追问") at the
 * start of a paragraph. Group 1: the questioner ("…记者"), group 2: the verb.
 */
export const QUESTION_LABEL = /^([^，。！？：:；\s“”（）()]{1,40}?记者)(提问|问及|问|追问)?\s*[：:]\s*/u;
/** anonymous labels: group 1 the label */
const ANON_LABEL = /^((?:(?:会后|会上|随后|此外|另外|另)[，,]?\s*)?(?:有|一名|一位)?(?:记者)?(?:问及|提问|问|追问|又问|再问)|答|回答)\s*[：:]\s*/u;
/** a bare "记者：" (an interview, or a reporter's short reply inside an answer) */
const BARE_REPORTER = /^(记者)\s*[：:]\s*/u;
const NAME_LABEL = /^([\p{Script=Han}·]{2,8})\s*[：:]/u;
/** "<name>答：" — a named answer */
const NAMED_ANSWER = /^([\p{Script=Han}·]{2,5}?)(?:答|回答)\s*[：:]\s*/u;
/** "发言人宣布：", "外交部发言人陆慷宣布：" */
const ANNOUNCE_LABEL = /^((?:[^，。！？：:；\s“”]{0,16}?发言人[\p{Script=Han}·]{0,4}?)|(?:[\p{Script=Han}·]{2,4}))(?:宣布|发布消息|通报)\s*[：:]\s*/u;
/** "（记者：…）", "（美联社记者：…）", "（问：…）": an interjection inside an answer */
const INTERJECTION = /^[（(]\s*((?:[^，。！？：:；\s“”（）()]{0,30}?记者)|问|追问)\s*[：:]/u;
/** a whole paragraph in brackets: a stage direction ("（记者笑）") or a caption */
const STAGE_DIRECTION = /^[（(][^（）()]{1,80}[）)]\s*$/u;
/** a separator line: three or more stars, dashes or dots and blanks, nothing else */
const SEPARATOR = /^[\s\u3000]*(?:[*＊※☆★·•\-—–_=~～][\s\u3000]*){3,}$/u;
/** words of a narrated question label that are not an outlet ("会后有记者问及") */
const NARRATED_OUTLET = /(?:^|会后|会上|随后|此外|另外|最后|也|还)[，,、]?有$|^(?:一名|一位|另一名|另一位|有关|多名|多位|一些|个别|现场)$/u;
/** Narration that closes an event ("记者会历时1小时40分钟。"). */
export const NARRATION_START = /^(?:记者会|发布会|新闻发布会)(?:历时|持续|共持续|到此结束|结束)/;

export function outletOf(label: string): string {
  const base = label.replace(/(?:提问|问及|问|追问)$/u, '');
  if (!base.endsWith('记者')) return '';
  const outlet = base.replace(/(?:特约|驻[^记]{1,8})?记者$/u, '');
  if (outlet === '' || NARRATED_OUTLET.test(outlet)) return '';
  return outlet;
}

export function isSeparator(text: string): boolean {
  return SEPARATOR.test(text) && text.trim() !== '';
}

export function isStageDirection(text: string): boolean {
  const t = stripBlanks(text).trimEnd();
  return STAGE_DIRECTION.test(t) && !INTERJECTION.test(t);
}

/** A paragraph opening with a question or follow-up label (layout detection counts them). */
export function isQuestionLine(text: string): boolean {
  const m = matchLabel(text, new Set());
  return m?.kind === 'question' || m?.kind === 'followup';
}

/** Names used as speaker labels at least twice (e.g. 王毅), plus the known names given. */
export function detectSpeakers(lines: Line[], known: Iterable<string> = []): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = stripBlanks(l.text);
    const m = NAME_LABEL.exec(t);
    if (!m) continue;
    const name = m[1]!;
    if (name.endsWith('记者') || /(?:宣布|表示|指出|强调|问及|提问)$/.test(name) || ANON_LABEL.test(t) || INTERJECTION.test(t)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const out = new Set<string>(known);
  for (const [name, n] of counts) if (n >= 3 || (n >= 2 && name.length <= 4)) out.add(name);
  return out;
}

/** A name label used once ("耿爽：" answering a question after the press conference): a candidate speaker. */
export function nameLabel(text: string): string | undefined {
  const t = stripBlanks(text);
  const m = NAME_LABEL.exec(t);
  if (!m || m[1]!.length > 4 || m[1]!.endsWith('记者') || ANON_LABEL.test(t)) return undefined;
  return m[1];
}

export type LabelKind = 'question' | 'followup' | 'answer' | 'speaker' | 'interjection' | 'announcement' | 'reporter';

export interface LabelMatch {
  /**
   * question / followup: a questioner; answer: an anonymous or named answer ("答：", "耿爽答：");
   * speaker: a named speaker label ("王毅："); interjection: "（记者：…）" (the paragraph is kept whole);
   * announcement: "发言人宣布："; reporter: a bare "记者：" (a question, or a reply inside an answer).
   */
  kind: LabelKind;
  /** the label as printed, without the colon ("美国有线电视新闻网记者", "问", "耿爽") */
  label: string;
  /** length of the label prefix including leading blanks, the colon and spaces (0 for interjections) */
  length: number;
  /** named answer / speaker: the name */
  speaker?: string;
}

export function matchLabel(text: string, speakers: Set<string>): LabelMatch | undefined {
  const lead = LEADING_BLANKS.exec(text)?.[0].length ?? 0;
  const t = lead ? text.slice(lead) : text;
  const c = t.charCodeAt(0);
  if (c === 0xff08 || c === 0x28) {
    // （…
    const i = INTERJECTION.exec(t);
    if (i) return { kind: 'interjection', label: i[1]!, length: 0 };
    return undefined;
  }
  const a = ANON_LABEL.exec(t);
  if (a) {
    const l = a[1]!;
    const kind: LabelKind = l === '答' || l === '回答' ? 'answer' : /[追又再]/.test(l) ? 'followup' : 'question';
    return { kind, label: l, length: lead + a[0].length };
  }
  const b = BARE_REPORTER.exec(t);
  if (b) return { kind: 'reporter', label: b[1]!, length: lead + b[0].length };
  const q = QUESTION_LABEL.exec(t);
  if (q) return { kind: q[2] === '追问' ? 'followup' : 'question', label: q[1]! + (q[2] ?? ''), length: lead + q[0].length };
  const m = NAME_LABEL.exec(t);
  if (m && speakers.has(m[1]!)) {
    let len = lead + m[0].length;
    while (text[len] === ' ' || text[len] === '\u3000') len++;
    return { kind: 'speaker', label: m[1]!, length: len, speaker: m[1]! };
  }
  const na = NAMED_ANSWER.exec(t);
  if (na && speakers.has(na[1]!)) return { kind: 'answer', label: na[0].replace(/\s*[：:]\s*$/, ''), length: lead + na[0].length, speaker: na[1]! };
  const an = ANNOUNCE_LABEL.exec(t);
  if (an && (an[1]!.includes('发言人') || speakers.has(an[1]!))) return { kind: 'announcement', label: an[0].replace(/\s*[：:]\s*$/, ''), length: lead + an[0].length };
  return undefined;
}
