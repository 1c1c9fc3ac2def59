/**
 * HastTransforms for annotations: each quote becomes a `<mark>` followed by a numbered note
 * reference; where the note goes depends on the output:
 *
 * - `footnoteTransform(notes, 'epub')`: `a epub:type="noteref"` → `aside epub:type="footnote"` after
 *   the turn's paragraphs (pop-up footnotes in EPUB 3 reading systems);
 * - `footnoteTransform(notes, 'print')`: the same structure as numbered notes after the turn, for
 *   the book PDF;
 * - `handoutTransform(notes, placement)`: a side note floated into the handout's outer margin right
 *   after the quote (so it starts on the quote's line), or a reference to a numbered note printed
 *   after the question when it does not fit there.
 */
import { h } from 'hastscript';
import type { Element, ElementContent, Root } from 'hast';
import type { Turn } from '../model/types.js';
import type { HastTransform } from './hast.js';
import type { NumberedNote } from '../annotations/anchor.js';
import { noteBlocks, noteInline } from '../annotations/markdown.js';

interface Range {
  start: number;
  end: number;
  n: number;
}

function textOf(nodes: ElementContent[]): string {
  return nodes.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c.children) : '')).join('');
}

/**
 * Rebuild a paragraph's children: the covered stretches become `<mark class="quote">` and `after(n)`
 * is inserted where note n's quote ends. Overlapping quotes are split into adjacent marks.
 * Only paragraphs of plain text are marked (the model's paragraphs are plain text).
 */
export function markRanges(p: Element, ranges: Range[], after: (n: number) => ElementContent[]): boolean {
  if (!ranges.length) return true;
  if (p.children.some((c) => c.type !== 'text')) return false;
  const text = textOf(p.children);
  // a note's reference goes after the closing punctuation that follows its quote (”。 」， ）), bound to it:
  // between the quote and its closing mark it would split them, and could start a line ("¹”也…")
  const refAt = (end: number) => {
    let k = end;
    while (k < text.length && CLOSING.test(text[k]!)) k++;
    return k;
  };
  const refs = new Map<number, number[]>();
  for (const r of ranges) refs.set(refAt(r.end), [...(refs.get(refAt(r.end)) ?? []), r.n]);
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.start, r.end]), ...refs.keys()])].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const out: ElementContent[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const seg = text.slice(a, b);
    const cover = ranges.filter((r) => r.start <= a && r.end >= b);
    if (cover.length) out.push(h('mark', { className: ['quote'], dataNotes: cover.map((r) => r.n).join(' ') }, seg));
    else out.push({ type: 'text', value: seg });
    const ns = (refs.get(b) ?? []).sort((x, y) => x - y);
    // a word joiner (U+2060, no glyph) binds the reference to the character before it: no line starts with it
    if (ns.length) out.push({ type: 'text', value: '\u2060' }, ...ns.flatMap((n) => after(n)));
  }
  p.children = out;
  return true;
}

/** Closing punctuation after which a note reference goes (quotes, brackets, full stops, commas). */
const CLOSING = /[\u201d\u2019\u300d\u300f\u300b\u3009\u3011\uff09\u3015\u3017)\]\u3002\uff0c\u3001\uff1b\uff1a\uff01\uff1f.,;:!?\u2026\u2014]/u;

function notesByTurn(notes: NumberedNote[]): Map<Turn, NumberedNote[]> {
  const m = new Map<Turn, NumberedNote[]>();
  for (const n of notes) m.set(n.turn, [...(m.get(n.turn) ?? []), n]);
  return m;
}

/** The paragraph elements of a turn tree, by 0-based paragraph index (from `data-para`). */
function paragraphs(tree: Root): Map<number, Element> {
  const m = new Map<number, Element>();
  tree.children.forEach((c, i) => {
    if (c.type === 'element' && c.tagName === 'p') m.set(Number(c.properties?.dataPara ?? i + 1) - 1, c);
  });
  return m;
}

function applyMarks(tree: Root, list: NumberedNote[], after: (n: number) => ElementContent[]) {
  const paras = paragraphs(tree);
  const byPara = new Map<number, NumberedNote[]>();
  for (const n of list) byPara.set(n.para, [...(byPara.get(n.para) ?? []), n]);
  for (const [i, ns] of byPara) {
    const p = paras.get(i);
    if (p) markRanges(p, ns, after);
  }
}

const PRINT_NOTE_STYLE = 'margin:1.5mm 0 0;padding-top:1mm;border-top:0.5pt solid #999;font-size:0.85em;line-height:1.5;text-indent:0';

/** Book annotations: EPUB pop-up footnotes or print notes after the turn. */
export function footnoteTransform(notes: NumberedNote[], mode: 'epub' | 'print'): HastTransform {
  const byTurn = notesByTurn(notes);
  return (tree, turn) => {
    const list = byTurn.get(turn);
    if (!list?.length) return;
    const epub = mode === 'epub';
    applyMarks(tree, list, (n) => [
      h('sup', { className: ['noteref'] }, [
        h('a', { href: `#fn-${n}`, id: `fnref-${n}`, className: ['noteref'], ...(epub ? { 'epub:type': 'noteref' } : {}), role: 'doc-noteref' }, String(n)),
      ]),
    ]);
    const sorted = [...list].sort((a, b) => a.n - b.n);
    const notesEls = sorted.map((note) => {
      const blocks = noteBlocks(note.entry.note);
      const num = h('a', { href: `#fnref-${note.n}`, className: ['fn-no'] }, `${note.n}`);
      // the number goes at the start of the first paragraph
      const first = blocks[0];
      if (first?.type === 'element' && first.tagName === 'p') first.children.unshift(num, { type: 'text', value: ' ' });
      else blocks.unshift(h('p', [num]));
      if (!epub)
        for (const b of blocks) if (b.type === 'element' && b.tagName === 'p') b.properties = { ...b.properties, style: 'text-indent:0;margin:0 0 0.6mm' };
      return h('aside', { id: `fn-${note.n}`, className: ['footnote'], ...(epub ? { 'epub:type': 'footnote' } : {}), role: 'doc-footnote' }, blocks);
    });
    if (!epub) {
      // plain-print readers: give the marks a soft highlight even when the theme has no rule for them
      const visit = (n: ElementContent | Root) => {
        if (n.type === 'element' && n.tagName === 'mark') n.properties = { ...n.properties, style: 'background:#f6eab0' };
        if ('children' in n) (n.children as ElementContent[]).forEach(visit);
      };
      visit(tree);
    }
    // print: one block of notes after the turn, under a thin rule
    if (epub) tree.children.push(...notesEls);
    else tree.children.push(h('div', { className: ['footnotes'], style: PRINT_NOTE_STYLE }, notesEls));
  };
}

/**
 * Where a handout note goes, tried in this order until the printed PDF shows it beside its quote:
 * `side` — floated into the margin right after the quote; `side-para` — floated from the start of the
 * quote's paragraph (a few lines higher, for quotes near the foot of a page); `side-break` — after the
 * quote, with the paragraph moved to a new page; `end` — a numbered note after the question.
 */
export type Placement = 'side' | 'side-para' | 'side-break' | 'end';
export const PLACEMENTS: Placement[] = ['side', 'side-para', 'side-break', 'end'];

/** Handout annotations: side notes in the outer margin, or numbered notes after the question. */
export function handoutTransform(notes: NumberedNote[], placement: (n: number) => Placement): HastTransform {
  const byTurn = notesByTurn(notes);
  const byN = new Map(notes.map((n) => [n.n, n] as const));
  const sideNote = (n: number) => {
    // the whole side note is one link back to its reference: the PDF then carries a link
    // rectangle on every page a fragment of the note lands on, which is how placement is checked
    const body = noteInline(byN.get(n)!.entry.note);
    const num = h('span', { className: ['sn-no'] }, String(n));
    const first = body[0];
    if (first?.type === 'element' && first.tagName === 'span' && String(first.properties?.className) === 'nb-p') first.children.unshift(num);
    else body.unshift(num);
    return h('span', { className: ['side-note'], id: `sn-${n}` }, [h('a', { href: `#ref-${n}`, className: ['sn-link'] }, body)]);
  };
  return (tree, turn) => {
    for (const c of tree.children) if (c.type === 'element' && c.tagName === 'p') c.properties = { ...c.properties, className: ['para'] };
    const list = byTurn.get(turn);
    if (!list?.length) return;
    applyMarks(tree, list, (n) => {
      const where = placement(n);
      const ref = h('sup', { className: ['noteref'] }, [h('a', { href: where === 'end' ? `#en-${n}` : `#sn-${n}`, id: `ref-${n}` }, String(n))]);
      return where === 'side' || where === 'side-break' ? [ref, sideNote(n)] : [ref];
    });
    const paras = paragraphs(tree);
    for (const note of [...list].sort((a, b) => b.n - a.n)) {
      const p = paras.get(note.para);
      if (!p) continue;
      const where = placement(note.n);
      if (where === 'side-para') p.children.unshift(sideNote(note.n));
      if (where === 'side-break') p.properties = { ...p.properties, className: ['para', 'break-before'] };
    }
  };
}
