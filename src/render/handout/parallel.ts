/**
 * The parallel handout (`parallel: true`): the two editions of a press conference side by side, one
 * aligned row per paragraph bead of src/align (source edition on the left, its translation on the
 * right), the teacher's notes in the outer column of the row that holds their quote.
 *
 * Units: each selected question (of either edition) becomes one unit: the beads of its pair whose
 * turn on the selected side lies in the question's span (question, answers, follow-ups), plus the
 * beads that only the other edition has inside the counterpart's span. A question selected in both
 * editions is printed once (a bead printed with an earlier question is not repeated). A turn or paragraph without a counterpart gets a row of its own with the
 * other cell marked empty: nothing is dropped. A question of an unpaired edition is printed alone in
 * its column (and reported by the caller through `unpaired`).
 *
 * Questions only: the question and follow-up rows stay, each run of answer rows becomes ruled space;
 * with `language`, only that edition's questions are printed and the other column is ruled for the
 * student's translation.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { AlignedPair, AlignedParagraphs, Book, PressEvent, Turn } from '../../model/types.js';
import { bookTranslations, questionSpanEnd, questionsWithAnswers, type SelectedQuestion } from '../../select.js';
import { noteBlocks, noteInline, type AnchoredNote, type NumberedNote, type StaleNote } from '../../annotations/index.js';
import { markRanges, type Placement } from '../../ast/annotate.js';
import { hastToHtml, turnToHast } from '../../ast/hast.js';
import { hyphenateTree } from '../shared/hyphenate.js';
import type { Locale } from '../shared/locale.js';

/** One bead of a unit: a turn of the left edition, of the right one, or both (with their paragraph beads). */
export interface UnitBead {
  left?: number;
  right?: number;
  paragraphs?: AlignedParagraphs[];
}

export interface ParallelUnit {
  /** the question as selected */
  selected: SelectedQuestion;
  left: PressEvent;
  right?: PressEvent;
  pair?: AlignedPair;
  beads: UnitBead[];
}


/**
 * The units of a parallel handout, in the order of `picked`; a question whose counterpart was picked
 * before is skipped (one unit per question of the pair).
 */
export function parallelUnits(book: Book, picked: SelectedQuestion[]): { units: ParallelUnit[]; unpaired: string[] } {
  const pairs = bookTranslations(book);
  const byId = new Map(book.events.map((e) => [e.meta.id, e]));
  const units: ParallelUnit[] = [];
  const unpaired: string[] = [];
  const seen = new Set<string>();
  for (const q of picked) {
    const ev = q.event;
    const i = ev.turns.indexOf(q.question);
    const pair = pairs.find((p) => p.source === ev.meta.id || p.target === ev.meta.id);
    const leftEv = pair ? byId.get(pair.source) : undefined;
    const rightEv = pair ? byId.get(pair.target) : undefined;
    if (!pair || !leftEv || !rightEv) {
      unpaired.push(q.question.question.id);
      const end = questionSpanEnd(ev.turns, i);
      units.push({ selected: q, left: ev, beads: Array.from({ length: end - i }, (_, k) => ({ left: i + k })) });
      continue;
    }
    const selLeft = pair.source === ev.meta.id;
    const sel = (b: { source?: number; target?: number }) => (selLeft ? b.source : b.target);
    const oth = (b: { source?: number; target?: number }) => (selLeft ? b.target : b.source);
    const selEnd = questionSpanEnd(ev.turns, i);
    // the counterpart of the question in the other edition, and its span
    const qBead = pair.turns.find((b) => sel(b) === i);
    const otherEv = selLeft ? rightEv : leftEv;
    const oi = qBead ? oth(qBead) : undefined;
    const oEnd = oi === undefined ? -1 : questionSpanEnd(otherEv.turns, oi);
    const beads = pair.turns.filter((b) => {
      const s = sel(b);
      if (s !== undefined) return s >= i && s < selEnd;
      const o = oth(b)!;
      return oi !== undefined && o >= oi && o < oEnd;
    });
    // a bead already printed with a question selected before (its counterpart in the other edition) is not printed twice
    const key = (b: { source?: number; target?: number }) => `${pair.source}|${b.source ?? '-'}:${b.target ?? '-'}`;
    const fresh = beads.filter((b) => !seen.has(key(b)));
    if (!fresh.length) continue;
    for (const b of fresh) seen.add(key(b));
    if (!qBead || oi === undefined) unpaired.push(q.question.question.id);
    units.push({ selected: q, left: leftEv, right: rightEv, pair, beads: fresh.map((b) => ({ left: b.source, right: b.target, paragraphs: b.paragraphs })) });
  }
  return { units, unpaired };
}

const sameLanguage = (tag: string, want: string) => tag.toLowerCase().split('-')[0] === want.toLowerCase().split('-')[0];

/**
 * An ordinary (not parallel) handout with `language`: each selected question replaced by its
 * counterpart in the edition of that language (src/align), when it has one; duplicates dropped.
 * Returns the questions and the ids that have no counterpart in that language (kept as they are).
 */
export function inLanguage(book: Book, picked: SelectedQuestion[], language: string): { picked: SelectedQuestion[]; missing: string[] } {
  const all = questionsWithAnswers(book);
  const out: SelectedQuestion[] = [];
  const missing: string[] = [];
  for (const q of picked) {
    let rs: SelectedQuestion[] = [q];
    if (!sameLanguage(q.event.meta.language, language)) {
      const tr = q.translation;
      // every question of the other edition that a question or follow-up of this span translates
      // (a follow-up here may be a question of its own there, and the other way round)
      const asked = tr && sameLanguage(tr.event.meta.language, language) ? tr.turns.filter((t) => t.question) : [];
      rs = all.filter((x) => x.event === tr?.event && asked.some((t) => x.question === t || x.followups.includes(t as (typeof x.followups)[number])));
      if (!rs.length) {
        missing.push(q.question.question.id);
        rs = [q];
      }
    }
    for (const r of rs) if (!out.includes(r)) out.push(r);
  }
  return { picked: out, missing };
}

/** The turns a unit holds (both editions), for notes. */
function unitTurns(u: ParallelUnit): Turn[] {
  return u.beads.flatMap((b) => [b.left !== undefined ? u.left.turns[b.left]! : undefined, b.right !== undefined && u.right ? u.right.turns[b.right]! : undefined]).filter((t): t is Turn => !!t);
}

/** The question ids (follow-ups included) of both editions in the units. */
export function unitQuestionIds(units: ParallelUnit[]): string[] {
  return units.flatMap((u) => unitTurns(u).flatMap((t) => (t.question ? [t.question.id] : [])));
}

/** Number the notes in reading order of the rows: unit, bead, paragraph row, left before right, position. */
export function numberParallelNotes(anchored: AnchoredNote[], units: ParallelUnit[]): NumberedNote[] {
  const rank = new Map<Turn, number>();
  units.forEach((u, ui) => unitTurns(u).forEach((t, ti) => rank.set(t, ui * 10000 + ti)));
  return anchored
    .filter((a) => rank.has(a.turn))
    .sort((a, b) => rank.get(a.turn)! - rank.get(b.turn)! || a.para - b.para || a.start - b.start || a.end - b.end)
    .map((a, i) => ({ ...a, n: i + 1 }));
}

interface RenderedTurn {
  /** paragraph index → its element's HTML */
  paras: string[];
  /** paragraph index → the notes quoted in it that sit in the margin */
  side: Map<number, number[]>;
  /** paragraph index → a side note moved to a new page with its row */
  breaks: Set<number>;
}

function sideNote(n: NumberedNote): Element {
  const body = noteInline(n.entry.note);
  const num = h('span', { className: ['sn-no'] }, String(n.n));
  const first = body[0];
  if (first?.type === 'element' && first.tagName === 'span' && String(first.properties?.className) === 'nb-p') first.children.unshift(num);
  else body.unshift(num);
  // the note is one link back to its reference: its rectangles in the PDF tell where it landed
  return h('span', { className: ['side-note'], id: `sn-${n.n}` }, [h('a', { href: `#ref-${n.n}`, className: ['sn-link'] }, body)]);
}

const isZh = (lang: string) => /^zh\b/i.test(lang);

function renderTurn(turn: Turn, lang: string, notes: NumberedNote[], placement: (n: number) => Placement): RenderedTurn {
  const mine = notes.filter((n) => n.turn === turn);
  const side = new Map<number, number[]>();
  const breaks = new Set<number>();
  const tree: Root = turnToHast(turn, [
    (t) => {
      t.children.forEach((c, i) => {
        if (c.type !== 'element') return;
        c.properties = { ...c.properties, className: ['para'] };
        const here = mine.filter((n) => n.para === i);
        markRanges(c, here, (k) => {
          const where = placement(k);
          return [h('sup', { className: ['noteref'] }, [h('a', { href: where === 'end' ? `#en-${k}` : `#sn-${k}`, id: `ref-${k}` }, String(k))]) as ElementContent];
        });
        for (const n of here) {
          const where = placement(n.n);
          if (where === 'end') continue;
          side.set(i, [...(side.get(i) ?? []), n.n]);
          if (where === 'side-break') breaks.add(i);
        }
      });
    },
  ]);
  // English (any Latin-script) paragraphs get soft hyphens: Chromium has no hyphenation dictionaries in print
  if (!isZh(lang)) hyphenateTree(tree, lang);
  return { paras: tree.children.map((c) => hastToHtml({ type: 'root', children: [c as ElementContent] })), side, breaks };
}

function lines(n: number) {
  return Array.from({ length: n }, (_, i) => ({ i }));
}

/** Ruled lines for writing the translation of `text`: about one line per 28 Han characters or 56 Latin characters. */
function rulesFor(text: string, lang: string): number {
  const size = isZh(lang) ? text.length : text.length / 2;
  return Math.min(14, Math.max(2, Math.ceil(size / 28)));
}

export interface ParallelSpec {
  variant: 'annotated' | 'questions-only';
  ruled: boolean;
  /** questions only: print the questions of this edition only, the other column ruled */
  language?: string;
}

/** The language name of `tag` in the locale's language ("English"; Intl.DisplayNames, so no interface string here). */
function languageName(tag: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale.lang], { type: 'language' }).of(tag.split('-')[0]!) ?? tag;
  } catch {
    return tag;
  }
}

/** The handout view of the units: one article per unit, a grid of aligned rows. */
export function parallelQuestions(
  units: ParallelUnit[],
  locale: Locale,
  spec: ParallelSpec,
  notes: NumberedNote[],
  stale: StaleNote[],
  placement: (n: number) => Placement,
) {
  const annotated = spec.variant === 'annotated';
  const byN = new Map(notes.map((n) => [n.n, n]));
  const staleByQ = new Map<string, StaleNote[]>();
  // by the exact id (question or follow-up): a unit holds a question and the follow-ups of its edition, or only a follow-up of the other
  for (const s of stale) staleByQ.set(s.entry.question, [...(staleByQ.get(s.entry.question) ?? []), s]);
  return units.map((u, ui) => {
    const lLang = u.left.meta.language;
    const rLang = u.right?.meta.language ?? '';
    const show = (lang: string) => !spec.language || annotated || lang.toLowerCase().startsWith(spec.language.toLowerCase().split('-')[0]!);
    const rendered = new Map<Turn, RenderedTurn>();
    const get = (t: Turn, lang: string) => rendered.get(t) ?? rendered.set(t, renderTurn(t, lang, notes, placement)).get(t)!;
    const rows: Record<string, unknown>[] = [];
    let blankRun = 0;
    const flushBlank = () => {
      if (blankRun > 0) rows.push({ isBlank: true, blankLines: lines(Math.min(22, Math.max(6, Math.ceil(blankRun / 40)))) });
      blankRun = 0;
    };
    const qIds: string[] = [];
    for (const b of u.beads) {
      const lt = b.left !== undefined ? u.left.turns[b.left] : undefined;
      const rt = b.right !== undefined ? u.right?.turns[b.right] : undefined;
      const kind = (lt ?? rt)!.kind;
      const isQ = kind === 'question' || kind === 'followup';
      for (const t of [lt, rt]) if (t?.question) qIds.push(t.question.id);
      if (!annotated && !isQ) {
        blankRun += (lt?.paragraphs.join('') ?? '').length + (rt?.paragraphs.join('') ?? '').length / 3;
        continue;
      }
      flushBlank();
      const head = (t: Turn | undefined) => (t ? (t.question ? t.question.label : t.label !== undefined ? t.label : t.speaker ?? '') : '');
      rows.push({
        isHead: true,
        isQuestion: isQ,
        isFollowup: lt?.kind === 'followup' || rt?.kind === 'followup',
        kind,
        left: head(lt),
        right: head(rt),
        // the ids of a follow-up row (the unit's heading names those of its question)
        ids: b === u.beads[0] ? '' : [lt, rt].map((t) => t?.question?.id).filter(Boolean).join(' · '),
      });
      const paraBeads: AlignedParagraphs[] =
        b.paragraphs ?? [...(lt?.paragraphs.map((_, k) => ({ source: [k], target: [] })) ?? []), ...(rt?.paragraphs.map((_, k) => ({ source: [], target: [k] })) ?? [])];
      const rl = lt ? get(lt, lLang) : undefined;
      const rr = rt ? get(rt, rLang) : undefined;
      for (const pb of paraBeads) {
        const cell = (r: RenderedTurn | undefined, t: Turn | undefined, idx: number[], lang: string, other: Turn | undefined, otherIdx: number[], otherLang: string) => {
          if (!idx.length || !r || !t) return { none: true };
          if (!show(lang)) {
            const src = otherIdx.map((k) => other?.paragraphs[k] ?? '').join('');
            return { isRuled: true, ruledLines: lines(rulesFor(src || t.paragraphs[idx[0]!]!, otherLang)) };
          }
          return { html: idx.map((k) => r.paras[k]).join('') };
        };
        const noteNs = [...pb.source.flatMap((k) => rl?.side.get(k) ?? []), ...pb.target.flatMap((k) => rr?.side.get(k) ?? [])].sort((a, b2) => a - b2);
        const br = pb.source.some((k) => rl?.breaks.has(k)) || pb.target.some((k) => rr?.breaks.has(k));
        const L = cell(rl, lt, pb.source, lLang, rt, pb.target, rLang);
        const R = u.right ? cell(rr, rt, pb.target, rLang, lt, pb.source, lLang) : undefined;
        rows.push({
          isPara: true,
          isQuestion: isQ,
          breakBefore: br,
          unaligned: !pb.source.length || !pb.target.length,
          left: L,
          right: R,
          twoColumns: !!u.right,
          notesHtml: noteNs.map((n) => hastToHtml({ type: 'root', children: [sideNote(byN.get(n)!)] })).join(''),
        });
      }
    }
    flushBlank();
    const endNotes = notes
      .filter((n) => placement(n.n) === 'end' && unitTurns(u).includes(n.turn))
      .map((n) => ({
        html: hastToHtml({ type: 'root', children: [h('li', { id: `en-${n.n}`, value: n.n }, [h('a', { href: `#ref-${n.n}`, className: ['en-no'] }, String(n.n)), h('div', { className: ['en-body'] }, noteBlocks(n.entry.note))]) as Element] }),
      }));
    const staleHere = [...new Set(qIds)].flatMap((id) => staleByQ.get(id) ?? []).map((s) => ({
      quote: s.entry.quote,
      where: `${s.entry.file.split(/[\\/]/).pop()}:${s.line}`,
      html: hastToHtml({ type: 'root', children: noteBlocks(s.entry.note) }),
    }));
    // the heading names the question as printed: with `language`, that edition's question
    const firstOf = (ev: PressEvent | undefined, k: number | undefined) => (ev && k !== undefined ? ev.turns[k]?.question : undefined);
    const shown = spec.language && !annotated ? [firstOf(u.left, u.beads[0]?.left), firstOf(u.right, u.beads[0]?.right)].find((x, side) => x && show(side ? rLang : lLang)) : undefined;
    const q = shown ?? u.selected.question.question;
    return {
      no: ui + 1,
      id: q.id,
      anchor: `q-${q.id}`,
      ids: [u.beads[0]?.left, u.beads[0]?.right]
        .map((k, side) => (k === undefined ? undefined : (side ? u.right : u.left)?.turns[k]?.question?.id))
        .filter(Boolean)
        .join(' · '),
      title: q.title,
      outlet: q.outlet,
      dateText: locale.date(u.selected.event.meta.date),
      leftLang: lLang,
      rightLang: rLang,
      leftName: languageName(lLang, locale),
      rightName: rLang ? languageName(rLang, locale) : '',
      twoColumns: !!u.right,
      rows,
      endNotes,
      hasEndNotes: endNotes.length > 0,
      stale: staleHere,
      hasStale: staleHere.length > 0,
      writeLines: spec.ruled && annotated ? lines(6) : [],
    };
  });
}
