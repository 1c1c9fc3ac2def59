/**
 * One source at a time: read → decode → (HTML: extract the article) → blanks → layout → cleaning rules
 * (rules/index.ts) → metadata → turns. `processFile` rejects, with a reason and a hint, a source that
 * holds no press conference.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { PressEvent, Turn } from '../model/types.js';
import { PressbookError } from '../errors.js';
import { parseEventMarkdown } from '../markdown/parse.js';
import { decodeBuffer } from './decode.js';
import { extractHtml, looksLikeHtml } from './html.js';
import { detectLayout } from './layout.js';
import { matchLabel } from './labels.js';
import { collapseSpaces } from './rules/spacing.js';
import { normalizePunctuation } from './rules/punctuation.js';
import { cleanLines } from './rules/index.js';
import { sourceFile, toDiagnostic, type Diagnostic } from './message.js';
import { buildTurns, mainSpeaker, guessMeta, type MetaGuess } from './structure.js';
import { digestHighlights } from './digest.js';
import { mergeTopics, type TopicTable } from './topics.js';
import { findSession, type Preset } from './preset.js';
import { countHan, type Line } from './text.js';
import { normalizeBlanks } from './sources/blanks.js';
import { restoreBreaks } from './sources/linebreaks.js';
import { applyPageMeta } from './sources/page.js';
import { displayName } from './sources/walk.js';
import { noArticleHint, noDateHint, noQuestionsHint, RejectedSource } from './sources/reject.js';
import { Collector, emptyReport, type SourceReport } from './report.js';
import { countLatin, detectLanguage, isEnglish } from './lang.js';
import { processEnglish } from './english.js';

/** One source after cleaning, before editions are resolved. */
export interface ProcessedSource {
  file: string;
  kind: 'transcript' | 'digest' | 'markdown' | 'structured';
  report: SourceReport;
  meta: MetaGuess & { headline?: string; titles: string[]; speaker?: string };
  turns: Turn[];
  /** cleaned paragraphs (with labels), for variant readings */
  paras: Line[];
  highlights: { text: string; src: number }[];
  /** canonical Markdown input: the parsed event */
  event?: PressEvent;
  /** the source's language (BCP 47); absent: the book's default */
  language?: string;
}

/** Clean one decoded text (raw transcript or digest). Exported for tests and the bench. */
export function processText(text: string, file: string, opts: { topics?: TopicTable; lines?: Line[]; title?: string; sessions?: Preset['sessions'] } = {}): ProcessedSource {
  const sessions = opts.sessions ?? [];
  const topics = opts.topics ?? mergeTopics();
  const c = new Collector();
  // blank characters (&nbsp;, U+3000 indents, zero-width) are normalised before any detection
  const bl = normalizeBlanks(opts.lines ?? text.split('\n').map((t, i) => ({ text: t, src: i + 1 })), file);
  c.add('blanks', bl);
  // a transcript whose line breaks were lost: paragraphs restored at its turn labels
  const lb = restoreBreaks(bl.lines, file);
  c.add('linebreaks', lb);
  const lines0: Line[] = lb.lines;
  const layout = detectLayout(lines0);
  const vfile = sourceFile(file);
  const cl = cleanLines(lines0, file, layout, vfile);
  const { speakers, out } = cl.ctx;
  c.fixes = { ...c.fixes, ...out.fixes };
  c.add('', { diags: vfile.messages.map((m) => toDiagnostic(m, file)), fixes: 0 });
  const hd = { titles: out.titles, bullets: out.bullets };
  const report: SourceReport = {
    ...emptyReport(file),
    layout: layout.name,
    layoutEvidence: layout.evidence,
    hanChars: countHan(text),
  };
  if (layout.base === 'digest') {
    const lines = cl.lines;
    const dg = digestHighlights(lines, file);
    c.add('digest', { diags: dg.diags, fixes: 0 });
    const all = lines.map((l) => l.text).join('\n');
    const meta = { ...guessMeta(all, all, findSession(sessions, all)), titles: hd.titles };
    Object.assign(report, { fixes: c.fixes, removals: c.removals, warnings: c.warnings, messages: c.messages, role: 'digest' as const });
    return { file, kind: 'digest', report, meta, turns: [], paras: lines, highlights: dg.highlights };
  }
  if (out.listBullets) c.fixes.bullets = out.listBullets;
  const paras = cl.lines;
  report.damaged = out.repeated > 0 || out.truncated > 0;
  if (out.repeated) c.warnings.push({ file, line: paras[0]?.src ?? 1, rule: 'corruption', severity: 'warning', message: `source damaged: ${out.repeated} looping paragraph(s) removed` });
  // metadata: leading narration (before the first label) and the whole text
  const firstLabel = paras.findIndex((p) => !!matchLabel(p.text, speakers));
  const leading = [...(opts.title ? [opts.title] : []), ...hd.titles, ...paras.slice(0, firstLabel < 0 ? 2 : firstLabel).map((p) => p.text)].join('\n');
  const all = paras.map((p) => p.text).join('\n');
  const guess = guessMeta(leading, all, findSession(sessions, leading, all));
  if (guess.speaker) speakers.add(guess.speaker);
  const st = buildTurns(paras, speakers, file, guess.date, topics, { speaker: guess.speaker, breaks: out.breaks });
  c.add('structure', { diags: st.diags, fixes: 0 });
  const speaker = mainSpeaker(st.turns, guess.speaker);
  Object.assign(report, { fixes: c.fixes, removals: c.removals, warnings: c.warnings, messages: c.messages });
  report.questions = st.turns.filter((t) => t.kind === 'question').length;
  report.followups = st.turns.filter((t) => t.kind === 'followup').length;
  return {
    file,
    kind: 'transcript',
    report,
    meta: { ...guess, titles: hd.titles, headline: out.headline, speaker },
    turns: st.turns,
    paras,
    highlights: hd.bullets,
  };
}

/** Canonical Markdown written by `clean`: parsed back, with the character rules re-applied. */
function processMarkdown(text: string, file: string): ProcessedSource {
  const { event } = parseEventMarkdown(text, file);
  const fixes: Record<string, number> = {};
  const messages: Diagnostic[] = [];
  const fix = (s: string) => {
    const a = collapseSpaces(s);
    const b = normalizePunctuation(a.text);
    if (a.removed) fixes.spacing = (fixes.spacing ?? 0) + a.removed;
    if (b.changes) fixes.punctuation = (fixes.punctuation ?? 0) + b.changes;
    return b.text;
  };
  for (const t of event.turns) t.paragraphs = t.paragraphs.map(fix);
  for (const h of event.highlights) h.text = fix(h.text);
  if (Object.keys(fixes).length) messages.push({ file, line: 1, rule: 'markdown', severity: 'info', message: `re-normalized canonical Markdown: ${JSON.stringify(fixes)}` });
  const report: SourceReport = { ...emptyReport(file), layout: 'canonical-markdown', fixes, messages, hanChars: countHan(text) };
  report.questions = event.turns.filter((t) => t.kind === 'question').length;
  return {
    file,
    kind: 'markdown',
    report,
    meta: { date: event.meta.date, year: event.meta.year, titles: [] },
    turns: event.turns,
    paras: event.turns.flatMap((t) => t.paragraphs.map((p) => ({ text: p, src: 1 }))),
    highlights: [],
    event,
  };
}

/** Read, decode and clean one file (errors are PressbookErrors naming the file). */
const STATEMENT_TITLE = /记者会|发布会|吹风会|答记者问|发表谈话|发表讲话|发表声明|宣布/;

/** A source's bytes and their sha256 (hex), read once by `cleanSources` and handed to each reader. */
export interface SourceBytes {
  buf: Buffer;
  sha256: string;
}

/** Read a source once: its bytes and their hash. Unreadable: a PressbookError naming the file. */
export function readSource(abs: string, file: string): SourceBytes {
  let buf: Buffer;
  try {
    buf = readFileSync(abs);
  } catch (e) {
    throw new PressbookError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file });
  }
  return { buf, sha256: createHash('sha256').update(buf).digest('hex') };
}

export function processFile(abs: string, topics: TopicTable, baseDir?: string, sessions?: Preset['sessions'], language = 'zh-CN', bytes?: SourceBytes): ProcessedSource {
  const file = displayName(abs, baseDir);
  const { buf, sha256 } = bytes ?? readSource(abs, file);
  const dec = decodeBuffer(buf, file);
  const sha = sha256.slice(0, 16);
  let p: ProcessedSource;
  const isMd = /\.(md|markdown)$/i.test(abs) || /^---\npressbook: \d+\n/.test(dec.text);
  if (isMd) p = processMarkdown(dec.text, file);
  else if (looksLikeHtml(dec.text, abs)) {
    const h = extractHtml(dec.text, file);
    const lang = detectLanguage(h.lines.map((l) => l.text).join('\n'), language);
    if (isEnglish(lang)) {
      // an English page: the English cleaning and grammar (english.ts), never the CJK rules
      p = processEnglish(dec.text, file, { topics, lines: h.lines, title: h.page.title, language: lang });
      const pm = applyPageMeta(p.meta, h.page);
      const { title: pt, titleFrom, date: pd, dateFrom, dateEvidence } = h.page;
      p.report.page = { title: pt, titleFrom, date: pd, dateFrom, dateEvidence };
      if (pm) p.report.messages.push({ file, line: h.page.dateEvidence?.line ?? 1, rule: 'html', severity: 'info', message: pm });
      p.report.layout = 'html+' + p.report.layout;
      const visible = h.lines.map((l) => l.text).join('\n');
      p.report.latinChars = countLatin(visible) + h.diags.reduce((a, d) => a + countLatin(d.removed ?? ''), 0);
      p.report.hanChars = countHan(visible) + h.diags.reduce((a, d) => a + countHan(d.removed ?? ''), 0);
      p.report.fixes.html = h.diags.length;
      p.report.removals.unshift(...h.diags);
    } else {
    if (!h.lines.some((l) => countHan(l.text) > 0)) {
      throw new PressbookError(`${file}: no press conference found: HTML page without an article (no block of Chinese or English text with punctuation outside menus, headers and footers)`, {
        file,
        hint: noArticleHint(h.diags),
      });
    }
    p = processText(dec.text, file, { topics, lines: h.lines, title: h.page.title, sessions });
    p.language = lang;
    // sources: the page's own title and date win over those found in the text
    const pm = applyPageMeta(p.meta, h.page);
    const { title: pt, titleFrom, date: pd, dateFrom, dateEvidence } = h.page;
    p.report.page = { title: pt, titleFrom, date: pd, dateFrom, dateEvidence };
    if (pm) p.report.messages.push({ file, line: h.page.dateEvidence?.line ?? 1, rule: 'html', severity: 'info', message: pm });
    p.report.layout = 'html+' + p.report.layout;
    p.report.hanChars = countHan(h.lines.map((l) => l.text).join('')) + h.diags.reduce((a, d) => a + countHan(d.removed ?? ''), 0);
    p.report.fixes.html = h.diags.length;
    p.report.removals.unshift(...h.diags);
    }
  } else {
    const lang = detectLanguage(dec.text, language);
    if (isEnglish(lang)) p = processEnglish(dec.text, file, { topics, language: lang });
    else {
      p = processText(dec.text, file, { topics, sessions });
      p.language = lang;
    }
  }
  // canonical Markdown keeps the language written in its front matter
  if (p.kind === 'markdown' && p.event) p.language = p.event.meta.language;
  p.report.language = p.language;
  Object.assign(p.report, { encoding: dec.encoding, eol: dec.eol, bom: dec.bom, sha });
  // damaged bytes in an otherwise UTF-8 file: each reported at its line (kept as U+FFFD in the text)
  const bad = dec.invalid ?? [];
  for (const b of bad.slice(0, 20))
    p.report.warnings.push({ file, line: b.line, column: b.column, rule: 'decode', severity: 'warning', message: `invalid UTF-8 byte 0x${b.bytes} (shown as �); the rest of the file is read as UTF-8` });
  if (bad.length > 20) p.report.warnings.push({ file, line: bad[20]!.line, rule: 'decode', severity: 'warning', message: `${bad.length - 20} more invalid UTF-8 byte(s) after these (${bad.length} in all)` });
  // a spokesperson's page without questions (announcements only, a statement "就…发表谈话") is still an
  // event when its own title names it as one and the speaker is known; any other text without a
  // question is not a transcript
  const statement = !!p.meta.speaker && !!p.meta.title && STATEMENT_TITLE.test(p.meta.title) && p.turns.some((t) => t.kind === 'announcement' || t.kind === 'opening');
  if (p.kind === 'transcript' && !p.turns.some((t) => t.kind === 'question') && !statement)
    throw new RejectedSource(`${file}: no press conference found: not a transcript (no question turn, and not a digest)`, p.report, { file, hint: noQuestionsHint(p) });
  if (p.kind !== 'markdown' && !p.meta.date && p.kind === 'transcript')
    throw new RejectedSource(`${file}: no press conference published: cannot date it (no explicit date, dateline or NPC session found)`, p.report, {
      file,
      hint: noDateHint(p.paras),
    });
  return p;
}

