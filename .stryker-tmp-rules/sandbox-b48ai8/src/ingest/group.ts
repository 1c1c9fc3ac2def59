/**
 * Events from cleaned sources, on evidence only:
 * - a transcript joins the event of its date as a witness only when their content agrees (they share
 *   most sentences); otherwise it is an event of its own on that date ("2017-02-24b");
 * - a digest is attached to the event of its date (the one its wording matches best when there are
 *   several), never to "the only event of that year"; otherwise it is reported and left unattached;
 * - event ids are the date (+ b, c … for further events of that date); question and follow-up ids
 *   are given by assignIds under the event id.
 */
// @ts-nocheck

import type { Diagnostic } from './message.js';
import type { ProcessedSource } from './process.js';
import type { EventMeta, Highlight, PressEvent, SourceRef, SourceRole } from '../model/types.js';
import { assignIds, eventId } from '../model/ids.js';
import { choosePrimary, contentAgreement, contentContainment, digestCoverage, variantReadings } from './editions.js';

/** share of sentences two copies of one press conference have in common, at least */
export const WITNESS_AGREEMENT = 0.5;
/** or: share of a partial copy's sentences found in the fuller one, at least (same kind of event) */
export const WITNESS_CONTAINMENT = 0.75;
/** share of a digest's wording found in the event it reports, at least … */
export const DIGEST_COVERAGE = 0.6;
/** … and ahead of any other candidate event by this much */
export const DIGEST_MARGIN = 0.2;

/** the kind of event a title names: a regular press conference, a statement, a Q&A, or unknown */
function kindOf(p: ProcessedSource): string | undefined {
  const t = [p.meta.title ?? '', ...p.meta.titles].join(' ');
  if (/例行记者会|例行新闻发布会/.test(t)) return 'regular';
  if (/发表谈话|发表声明|声明$/.test(t)) return 'statement';
  if (/答记者问|回答[^，。]{0,6}记者提问|记者会|吹风会|发布会/.test(t)) return 'qa';
  return undefined;
}

/** how far a source is another copy of a group's first source (0…1), and why */
function sameness(g: ProcessedSource, p: ProcessedSource): number {
  const agreement = contentAgreement(g.paras, p.paras);
  if (agreement >= WITNESS_AGREEMENT) return agreement;
  const ka = kindOf(g);
  const kb = kindOf(p);
  if (ka && kb && ka !== kb) return agreement;
  const contained = contentContainment(g.paras, p.paras);
  return contained >= WITNESS_CONTAINMENT ? contained : agreement;
}

function refOf(p: ProcessedSource, role: SourceRole): SourceRef {
  const r: SourceRef = { file: p.file, role, sha: p.report.sha, layout: p.report.layout, encoding: p.report.encoding };
  if (p.report.damaged) r.damaged = true;
  return r;
}

function note(p: ProcessedSource, severity: Diagnostic['severity'], message: string) {
  const d: Diagnostic = { file: p.file, line: 1, rule: 'group', severity, message };
  if (severity === 'info') p.report.messages.push(d);
  else p.report.warnings.push(d);
}

interface Group {
  date: string;
  /** the id of a canonical Markdown event (kept as written) */
  fixedId?: string;
  members: ProcessedSource[];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function eventText(ev: PressEvent): string {
  return [ev.meta.title, ...ev.turns.flatMap((t) => t.paragraphs)].join('\n');
}

export function groupEvents(processed: ProcessedSource[], language: string): { events: PressEvent[] } {
  // the most complete sources first: they found the groups, later copies join them
  const transcripts = processed
    .filter((p) => p.kind !== 'digest')
    .sort((a, b) =>
      (a.event ? 0 : 1) - (b.event ? 0 : 1) ||
      Number(a.report.damaged) - Number(b.report.damaged) ||
      (b.report.questions ?? 0) - (a.report.questions ?? 0) ||
      (b.report.hanChars ?? 0) - (a.report.hanChars ?? 0) ||
      a.file.localeCompare(b.file));
  const groups: Group[] = [];
  for (const p of transcripts) {
    if (p.event) {
      const id = p.event.meta.id;
      const g = groups.find((x) => x.fixedId === id);
      if (g) g.members.push(p);
      else groups.push({ date: p.event.meta.date, fixedId: id, members: [p] });
      continue;
    }
    const date = p.meta.date!;
    const same = groups.filter((g) => g.date === date);
    let best: Group | undefined;
    let bestScore = 0;
    for (const g of same) {
      const score = sameness(g.members[0]!, p);
      if (score > bestScore) [best, bestScore] = [g, score];
    }
    if (best && bestScore >= WITNESS_AGREEMENT) {
      best.members.push(p);
      note(p, 'info', `same press conference as ${best.members[0]!.file} (${pct(bestScore)} of sentences shared)`);
      continue;
    }
    if (same.length) {
      const others = same.map((g) => g.members[0]!.file).join(', ');
      if (bestScore >= 0.15) note(p, 'warning', `dated ${date} like ${others} but only ${pct(bestScore)} of sentences agree: kept as a separate event, not as a witness`);
      else note(p, 'info', `a separate event on ${date} (other content than ${others}: ${pct(bestScore)} of sentences shared)`);
    }
    groups.push({ date, members: [p] });
  }
  // ids: canonical Markdown keeps its id; the other events of a date are numbered in the order above
  const taken = new Set(groups.filter((g) => g.fixedId).map((g) => g.fixedId!));
  const ids = new Map<Group, string>();
  for (const g of groups) {
    if (g.fixedId) {
      ids.set(g, g.fixedId);
      continue;
    }
    let n = 0;
    while (taken.has(eventId(g.date, n))) n++;
    const id = eventId(g.date, n);
    taken.add(id);
    ids.set(g, id);
  }
  const events: PressEvent[] = [];
  const refs = new Map<PressEvent, SourceRef[]>();
  for (const g of groups) {
    const id = ids.get(g)!;
    const members = g.members;
    const pi = choosePrimary(members.map((m) => ({ file: m.file, damaged: m.report.damaged, questions: m.report.questions ?? 0, han: m.report.hanChars ?? 0 })));
    const primary = members[pi]!;
    const witnesses = members.filter((_, i) => i !== pi);
    primary.report.role = 'primary';
    primary.report.event = id;
    for (const w of witnesses) {
      w.report.role = 'witness';
      w.report.event = id;
      const v = variantReadings(primary.paras, w.paras);
      w.report.variants = v.variants;
      w.report.missingSentences = v.missing;
    }
    let event: PressEvent;
    if (primary.event) {
      event = primary.event;
      delete event.meta.hash;
    } else {
      const pick = <K extends keyof ProcessedSource['meta']>(k: K) => primary.meta[k] ?? witnesses.map((w) => w.meta[k]).find((x) => x !== undefined);
      const title = pick('title') ?? (primary.meta.titles.length ? primary.meta.titles.join(' ') : undefined) ?? `${g.date} press conference`;
      const meta: EventMeta = {
        id,
        date: g.date,
        year: Number(g.date.slice(0, 4)),
        title: title as string,
        session: pick('session') as string | undefined,
        venue: pick('venue') as string | undefined,
        speaker: pick('speaker') as string | undefined,
        duration: pick('duration') as string | undefined,
        headline: pick('headline') as string | undefined,
        language,
        sources: [],
      };
      for (const k of Object.keys(meta) as (keyof EventMeta)[]) if (meta[k] === undefined) delete meta[k];
      const highlights: Highlight[] = primary.highlights.map((h) => ({ text: h.text, source: primary.file }));
      event = { meta, turns: primary.turns, highlights };
      refs.set(event, [refOf(primary, 'primary'), ...witnesses.map((w) => refOf(w, 'witness'))]);
    }
    assignIds(event);
    events.push(event);
  }
  // digests attach to the event they report, on evidence
  for (const d of processed.filter((p) => p.kind === 'digest')) {
    const wording = [...d.highlights.map((h) => h.text), ...d.report.removals.filter((r) => r.rule === 'digest').map((r) => r.removed ?? '')].join('\n');
    // candidates: the events of its date; when only its year is known, the events of that year,
    // which it joins only when its wording singles one out (never "the only event of that year")
    const partial = !d.meta.date;
    const same = d.meta.date ? events.filter((e) => e.meta.date === d.meta.date) : d.meta.year ? events.filter((e) => e.meta.year === d.meta.year) : [];
    const when = d.meta.date ?? (d.meta.year ? `only by its year (${d.meta.year})` : undefined);
    if (!when) {
      note(d, 'warning', 'digest not attached: no date found (an event is joined only when its date agrees)');
      continue;
    }
    if (!same.length) {
      note(d, 'warning', `digest not attached: no press conference dated ${when} among the sources`);
      continue;
    }
    const scored = same.map((e) => ({ e, score: digestCoverage(wording, eventText(e)) })).sort((a, b) => b.score - a.score);
    // the best event must match the digest's wording, and clearly better than any other event
    // (of any date: a digest of one event also shares the common vocabulary of the others)
    const others = events.filter((e) => e !== scored[0]!.e).map((e) => digestCoverage(wording, eventText(e)));
    const top = scored[0]!;
    const second = Math.max(0, ...others);
    if (top.score < DIGEST_COVERAGE || top.score - second < DIGEST_MARGIN) {
      const list = scored.map((x) => `${x.e.meta.id} ${pct(x.score)}`).join(', ');
      note(d, 'warning', `digest not attached: dated ${when} but its wording does not single out one event (${list} of its wording found, best other ${pct(second)}; ${pct(DIGEST_COVERAGE)} and a lead of ${pct(DIGEST_MARGIN)} needed)`);
      continue;
    }
    const target = top.e;
    d.report.event = target.meta.id;
    note(d, partial ? 'warning' : 'info', `digest attached to ${target.meta.id}: ${partial ? `dated ${when}, attached on its wording alone` : 'same date'}, ${pct(top.score)} of its wording found in the event (next best ${pct(second)})`);
    const have = new Set(target.highlights.map((h) => h.source + '\u0000' + h.text));
    for (const h of d.highlights) if (!have.has(d.file + '\u0000' + h.text)) target.highlights.push({ text: h.text, source: d.file });
    const r = refs.get(target);
    if (r) r.push(refOf(d, 'digest'));
  }
  for (const e of events) {
    const r = refs.get(e);
    if (r) e.meta.sources = r;
  }
  events.sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  return { events };
}
