/**
 * The transcript model: one language-neutral shape that the ingest stage produces, the canonical
 * Markdown round-trips, and every renderer (html, pdf, epub, handout) consumes. Nothing here knows
 * about a particular corpus: no Chinese-specific fields, no seed names.
 */

/** Where a piece of text came from in a raw source (1-based, like vfile positions). */
export interface SourcePosition {
  file: string;
  line: number;
  column?: number;
}

/**
 * - opening / closing: the speaker's remarks before the first / after the last question;
 * - announcement: an announcement made before the first question ("发言人宣布：…");
 * - question: a numbered question; followup: a follow-up of the question before it (`question.parent`);
 * - answer: the speaker's answer; interjection: a short intervention inside an answer ("（记者：…）"),
 *   kept in place (the answer may continue in a further answer turn);
 * - narration: anything else (stage directions, closing narration).
 */
export type TurnKind = 'opening' | 'announcement' | 'question' | 'followup' | 'answer' | 'interjection' | 'closing' | 'narration';

/** One block of speech: see TurnKind. */
export interface Turn {
  kind: TurnKind;
  /** Speaker as printed (e.g. "王毅"), for opening/answer/closing. */
  speaker?: string;
  /**
   * The label as printed before a non-question turn when it is not the speaker's name ("答" on a 问/答
   * page, "耿爽答"); "" when the source printed no label (an unlabelled answer). Absent: the speaker's
   * name is the label. Renderers print this, never a name the source did not print.
   */
  label?: string;
  /** Paragraphs of plain text (inline Markdown is not interpreted by the model). */
  paragraphs: string[];
  /** Question and follow-up turns only. */
  question?: QuestionInfo;
}

export interface QuestionInfo {
  /**
   * Stable id, unique in any corpus (see model/ids.ts): `<event id>-<seq two digits>` for a question
   * ("2019-03-12-07"), `<question id>-f<n>` for its n-th follow-up ("2019-03-12-07-f1").
   */
  id: string;
  /** 1-based position of the question within its event (of the follow-up within its question). */
  seq: number;
  /** Follow-ups only: the id of the question followed up. */
  parent?: string;
  /** The questioner label exactly as printed, e.g. "美国有线电视新闻网记者". */
  label: string;
  /** The outlet as printed, label without the trailing role word, e.g. "美国有线电视新闻网". */
  outlet: string;
  /** Short title for tables of contents. */
  title: string;
  /** Topic tags (from the keyword table). */
  topics: string[];
}

export type SourceRole = 'primary' | 'witness' | 'digest' | 'rejected';

export interface SourceRef {
  file: string;
  role: SourceRole;
  /** Content hash of the raw bytes (sha256 hex, first 16 chars). */
  sha?: string;
  layout?: string;
  encoding?: string;
  damaged?: boolean;
}

/** A digest's headline bullets / section heads, attached to an event. */
export interface Highlight {
  text: string;
  source: string;
}

export interface EventMeta {
  /**
   * Stable id: the ISO date of the event ("2020-05-24"); a second, third … event of the same date gets
   * a letter ("2020-05-24b"). See model/ids.ts.
   */
  id: string;
  date: string;
  year: number;
  title: string;
  /** Body that convened the event (e.g. "十三届全国人大三次会议"). */
  session?: string;
  venue?: string;
  speaker?: string;
  duration?: string;
  headline?: string;
  language: string;
  sources: SourceRef[];
  /** Content hash written by `clean`; used to detect hand edits. */
  hash?: string;
}

/** One press conference. */
export interface PressEvent {
  meta: EventMeta;
  turns: Turn[];
  highlights: Highlight[];
}

/** The book handed to renderers (mdBook-style): config + events in order. */
export interface Book {
  config: import('../config/schema.js').BookConfig;
  events: PressEvent[];
  /** Summary of cleaning for the colophon (optional: absent when built from Markdown only). */
  cleaning?: CleaningSummary;
  /**
   * The events of the book that are editions of one press conference in two languages, aligned turn
   * by turn and paragraph by paragraph (src/align; optional: absent when nothing was paired). A
   * renderer prints a parallel edition from it; the events themselves are unchanged.
   */
  translations?: AlignedPair[];
  /**
   * Event id → the canonical Markdown file it was read from (absent when the Book was not read from
   * Markdown files): where an error about the book's text points (src/markdown/places.ts).
   */
  markdownFiles?: Map<string, string>;
  /**
   * The edition this Book is (src/model/edition.ts): its language tag, script, vertical or not, and
   * the conversion's report (absent: the book as cleaned, printed as today).
   */
  edition?: import('./edition.js').EditionInfo;
}

/**
 * Two events that translate each other (the Chinese and the English edition of one press conference),
 * found by src/align/align.ts `pairEditions` (same date, same speaker) and aligned by `alignEvents`.
 * Indices are positions in `event.turns` and in a turn's `paragraphs`. Every turn of both events is in
 * exactly one entry of `turns`, in reading order; an entry with one side only is a turn left unaligned
 * (reported, never dropped).
 */
export interface AlignedPair {
  /** event ids: the source edition (e.g. Chinese) and its translation (e.g. English) */
  source: string;
  target: string;
  sourceLanguage: string;
  targetLanguage: string;
  /** why they pair ("same date 2018-07-02, same speaker (陆慷 = Lu Kang)") */
  evidence: string;
  turns: AlignedTurn[];
  /** number of turns left without a counterpart (on either side) */
  unaligned: number;
}

/** One bead of the turn alignment: a source turn, a target turn, or both. */
export interface AlignedTurn {
  source?: number;
  target?: number;
  /** both sides present: their paragraphs aligned 1–1, 1–2, 2–1 (or left alone: one side empty) */
  paragraphs?: AlignedParagraphs[];
}

/** One bead of the paragraph alignment inside two aligned turns: paragraph indices on each side. */
export interface AlignedParagraphs {
  source: number[];
  target: number[];
}

export interface CleaningSummary {
  sources: { file: string; role: SourceRole; layout: string; encoding: string; fixes: Record<string, number>; removals: number }[];
  totals: Record<string, number>;
}

/** The numbered questions of an event (follow-ups excluded). */
export function questionsOf(ev: PressEvent): (Turn & { question: QuestionInfo })[] {
  return ev.turns.filter((t): t is Turn & { question: QuestionInfo } => t.kind === 'question' && !!t.question);
}

/** The follow-ups of every question of an event, by the parent question's id. */
export function followUpsOf(ev: PressEvent): Map<string, (Turn & { question: QuestionInfo })[]> {
  const out = new Map<string, (Turn & { question: QuestionInfo })[]>();
  for (const t of ev.turns)
    if (t.kind === 'followup' && t.question?.parent) out.set(t.question.parent, [...(out.get(t.question.parent) ?? []), t as Turn & { question: QuestionInfo }]);
  return out;
}
