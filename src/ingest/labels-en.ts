/**
 * English turn labels, as the ministry's English pages (and English transcripts generally) print them:
 * - anonymous: "Q:", "A:", "Follow-up:" (also "Follow up question:"), a full-width colon accepted;
 * - a questioner with an outlet: "Reuters:", "AFP reporter:", "Reporter from Kyodo:" — an outlet is a
 *   name of the bilingual table (data/bilingual.yaml, `outlets`) or any capitalised name followed by
 *   reporter / journalist / correspondent;
 * - narrated: "After the press conference, the following question was raised:", "The following
 *   question was raised by a journalist after the press conference:";
 * - a bare "Journalist:" / "Reporter:" (a reply inside an answer, or the questioner of an interview);
 * - named speakers: "Geng Shuang:" when the name is the event's speaker (from the title) or opens
 *   several paragraphs;
 * - interjections inside an answer: "(Journalist: …)".
 * The kinds are those of the Chinese grammar (labels.ts), so structure.ts builds the turns the same way.
 */
import type { LabelMatch } from './labels.js';
import type { Line } from './text.js';
import { outletNames } from '../align/table.js';

const LEAD = /^[\s\u3000\u00a0\u200b\ufeff]+/u;
const COLON = '\\s*[:：]\\s*';

const ANON = new RegExp(`^(Q|A|Question|Answer|Follow-?\\s?up(?: question)?)${COLON}`, 'i');
const REPORTER = new RegExp(`^(Journalist|Reporter|Correspondent)${COLON}`);
/** "AFP reporter:", "Reporter from Kyodo:", "Bloomberg correspondent follows up:" */
const OUTLET_ROLE = new RegExp(
  `^((?:[A-Z][\\w&.'’-]*\\s){1,5}?)(?:reporter|journalist|correspondent)(\\s(?:asked|asks|followed up|follows up))?${COLON}|^(?:Reporter|Journalist|Correspondent) (?:from|of|with) ((?:the )?(?:[A-Z][\\w&.'’-]*\\s?){1,5})${COLON}`,
);
/** "After the press conference, the following question was raised:" and its variants */
const NARRATED = new RegExp(
  `^((?:(?:After|Following) the (?:press )?(?:conference|briefing),?\\s)?(?:the following|a|one|another|a further) (?:follow-up )?questions? (?:was|were|is|are|has been|had been) (?:raised|asked|put)(?: by (?:a|an|the|one) [\\w' -]{1,40}?)?(?: (?:after|at) the (?:press )?(?:conference|briefing))?)${COLON}`,
  'i',
);
const INTERJECTION = new RegExp(`^[（(]\\s*(Journalist|Reporter|Q|Follow-?\\s?up)${COLON}`, 'i');
const STAGE_DIRECTION = /^[（(][^（）()]{1,80}[）)]\s*$/u;
/** A name label: two or three capitalised words ("Geng Shuang:", "Hua Chunying:") */
const NAME = new RegExp(`^([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})${COLON}`);

let outlets: RegExp | undefined;
function outletLabel(): RegExp {
  if (!outlets) {
    const names = outletNames('en')
      .sort((a, b) => b.length - a.length)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    outlets = new RegExp(`^((?:the )?(?:${names.join('|')}))${COLON}`);
  }
  return outlets;
}

/** Narration closing an English event ("The press conference ended at …"). */
export const NARRATION_START_EN = /^(?:The )?(?:press conference|briefing) (?:ended|lasted|was over|concluded)/i;

/** A whole paragraph in brackets that is not an interjection: a stage direction ("(Laughter)"). */
export function isStageDirectionEn(text: string): boolean {
  const t = text.replace(LEAD, '').trimEnd();
  return STAGE_DIRECTION.test(t) && !INTERJECTION.test(t);
}

/** A name label used once ("Lu Kang:" answering a question after the press conference): a candidate speaker. */
export function nameLabelEn(text: string): string | undefined {
  const t = text.replace(LEAD, '');
  const m = NAME.exec(t);
  if (!m || ANON.test(t) || REPORTER.test(t)) return undefined;
  return m[1];
}

export function matchLabelEn(text: string, speakers: Set<string>): LabelMatch | undefined {
  const lead = LEAD.exec(text)?.[0].length ?? 0;
  const t = lead ? text.slice(lead) : text;
  const c = t.charCodeAt(0);
  if (c === 0xff08 || c === 0x28) {
    const i = INTERJECTION.exec(t);
    return i ? { kind: 'interjection', label: i[1]!, length: 0 } : undefined;
  }
  const a = ANON.exec(t);
  if (a) {
    const l = a[1]!;
    const kind = /^(?:A|Answer)$/i.test(l) ? 'answer' : /^follow/i.test(l) ? 'followup' : 'question';
    return { kind, label: l, length: lead + a[0].length };
  }
  const r = REPORTER.exec(t);
  if (r) return { kind: 'reporter', label: r[1]!, length: lead + r[0].length };
  const n = NARRATED.exec(t);
  if (n) return { kind: /follow-up/i.test(n[1]!) ? 'followup' : 'question', label: n[1]!, length: lead + n[0].length };
  const o = OUTLET_ROLE.exec(t);
  if (o) {
    const label = t.slice(0, o[0].length).replace(/\s*[:：]\s*$/, '');
    return { kind: o[2] && /follow/.test(o[2]) ? 'followup' : 'question', label, length: lead + o[0].length };
  }
  const ol = outletLabel().exec(t);
  if (ol) return { kind: 'question', label: ol[1]!, length: lead + ol[0].length };
  const m = NAME.exec(t);
  if (m && speakers.has(m[1]!)) return { kind: 'speaker', label: m[1]!, length: lead + m[0].length, speaker: m[1]! };
  return undefined;
}

/** The outlet of an English questioner label: "AFP reporter" → "AFP", "Reuters" → "Reuters", "Q" → "". */
export function outletOfEn(label: string): string {
  if (ANON.test(label + ':') || NARRATED.test(label + ':') || REPORTER.test(label + ':')) return '';
  const from = /^(?:Reporter|Journalist|Correspondent) (?:from|of|with) (?:the )?(.+)$/.exec(label);
  if (from) return from[1]!.trim();
  return label.replace(/\s(?:reporter|journalist|correspondent)(?:\s(?:asked|asks|followed up|follows up))?$/, '').replace(/^the /, '').trim();
}

/** Names used as speaker labels at least twice ("Geng Shuang:"), plus the known names given. */
export function detectSpeakersEn(lines: Line[], known: Iterable<string> = []): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const name = nameLabelEn(l.text);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const out = new Set<string>(known);
  for (const [name, n] of counts) if (n >= 2) out.add(name);
  return out;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';

/** "May 11, 2018", "11 May 2018" → "2018-05-11" (undefined when there is no such date). */
export function englishDate(text: string): string | undefined {
  const a = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(text);
  const b = a ? undefined : new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})\\b`, 'i').exec(text);
  const [mon, day, year] = a ? [a[1]!, a[2]!, a[3]!] : b ? [b[2]!, b[1]!, b[3]!] : [];
  if (!mon) return undefined;
  const mi = MONTHS.findIndex((m) => m.startsWith(mon.toLowerCase().slice(0, 3)));
  const d = Number(day);
  if (mi < 0 || d < 1 || d > 31) return undefined;
  return `${year}-${String(mi + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** words that make a line the title of an English event */
export const EVENT_WORDS_EN = /\b(?:Press Conference|Press Briefing|Briefing|Remarks|Answers? (?:to )?(?:a )?Journalists?'? Questions?|Statement)\b/i;

/**
 * The spokesperson named in an English title: "Foreign Ministry Spokesperson Geng Shuang's Regular
 * Press Conference on May 11, 2018" → "Geng Shuang".
 */
export function speakerFromTitleEn(text: string): string | undefined {
  const m = /Spokes(?:person|man|woman)\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}?)(?:['’]s?\b|\s+(?:Answers|Answered|Remarks|on|at|Holds|Hosts)\b|\s*$)/.exec(text);
  return m?.[1];
}
