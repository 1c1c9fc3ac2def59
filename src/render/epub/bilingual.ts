/**
 * The bilingual EPUB (`bilingual: { epub: true }` or `--bilingual`): for each press conference paired
 * with its translation (src/align), one chapter in the source edition's order where every paragraph
 * is followed by its aligned translation (`p.translation`, styled apart), each paragraph tagged with
 * its language (`lang` and `xml:lang`). A paragraph or turn of the translation without a counterpart
 * follows the source paragraph or turn before it (never dropped); the translation's chapter itself is
 * not repeated, its sources are listed with the source edition's.
 */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { Book, PressEvent, Turn } from '../../model/types.js';
import type { HastTransform } from '../../ast/hast.js';
import { bookTranslations } from '../../select.js';

interface Attached {
  /** source paragraph index → the translation's paragraphs that follow it */
  after: Map<number, string[]>;
  /** translation paragraphs with no source paragraph before them in the turn */
  before: string[];
  /** turns of the translation without counterpart that follow this source turn */
  turnsAfter: Turn[];
  /** … and those before it (only before the first turn of an event) */
  turnsBefore: Turn[];
  lang: string;
}

const langAttrs = (lang: string) => ({ lang, 'xml:lang': lang });

function translationTurn(t: Turn, lang: string): Element {
  const label = t.question ? t.question.label : t.label !== undefined ? t.label : t.speaker;
  return h('div', { className: ['translation-turn', t.kind], ...langAttrs(lang) }, [
    ...(label ? [h('p', { className: ['speaker', 'translation'], ...langAttrs(lang) }, label)] : []),
    ...t.paragraphs.map((p) => h('p', { className: ['translation'], ...langAttrs(lang) }, p)),
  ]);
}

/** The book the bilingual EPUB prints (paired translations merged into their source) and the transform that interleaves them. */
export function bilingualEdition(book: Book): { book: Book; transform: HastTransform; pairs: number } {
  const pairs = bookTranslations(book);
  const byId = new Map(book.events.map((e) => [e.meta.id, e]));
  const langOf = new Map<Turn, string>();
  for (const e of book.events) for (const t of e.turns) langOf.set(t, e.meta.language);
  const attached = new Map<Turn, Attached>();
  const merged = new Map<PressEvent, PressEvent>();
  for (const p of pairs) {
    const s = byId.get(p.source);
    const t = byId.get(p.target);
    if (!s || !t || merged.has(t)) continue;
    merged.set(t, s);
    const lang = t.meta.language;
    const slot = (turn: Turn) => attached.get(turn) ?? attached.set(turn, { after: new Map(), before: [], turnsAfter: [], turnsBefore: [], lang }).get(turn)!;
    let last: Turn | undefined;
    const pending: Turn[] = [];
    for (const b of p.turns) {
      const st = b.source !== undefined ? s.turns[b.source] : undefined;
      const tt = b.target !== undefined ? t.turns[b.target] : undefined;
      if (!st) {
        if (!tt) continue;
        if (last) slot(last).turnsAfter.push(tt);
        else pending.push(tt);
        continue;
      }
      if (pending.length) slot(st).turnsBefore.push(...pending.splice(0));
      last = st;
      if (!tt) continue;
      const a = slot(st);
      const beads = b.paragraphs ?? [{ source: st.paragraphs.map((_, i) => i), target: tt.paragraphs.map((_, i) => i) }];
      let prev: number | undefined;
      for (const pb of beads) {
        const at = pb.source.length ? pb.source[pb.source.length - 1]! : prev;
        const texts = pb.target.map((j) => tt.paragraphs[j]!);
        if (at === undefined) a.before.push(...texts);
        else a.after.set(at, [...(a.after.get(at) ?? []), ...texts]);
        if (pb.source.length) prev = at;
      }
    }
    // a translation with no turn of the source at all (cannot happen with beads, kept for safety)
    if (pending.length && s.turns.length) slot(s.turns[s.turns.length - 1]!).turnsAfter.push(...pending);
  }
  const events = book.events
    .filter((e) => !merged.has(e))
    .map((e) => {
      const tr = [...merged].filter(([, s]) => s === e).map(([t]) => t);
      return tr.length ? { ...e, meta: { ...e.meta, sources: [...e.meta.sources, ...tr.flatMap((t) => t.meta.sources)] } } : e;
    });
  const transform: HastTransform = (tree, turn) => {
    const lang = langOf.get(turn);
    const a = attached.get(turn);
    const out: typeof tree.children = [];
    const para = (text: string, l: string) => h('p', { className: ['translation'], ...langAttrs(l) }, text);
    if (a) for (const t of a.turnsBefore) out.push(translationTurn(t, a.lang));
    if (a) for (const x of a.before) out.push(para(x, a.lang));
    for (const c of tree.children) {
      out.push(c);
      if (c.type !== 'element' || c.tagName !== 'p' || c.properties?.dataPara === undefined) continue;
      if (lang) c.properties = { ...c.properties, ...langAttrs(lang) };
      const i = Number(c.properties.dataPara) - 1;
      for (const x of a?.after.get(i) ?? []) out.push(para(x, a!.lang));
    }
    if (a) for (const t of a.turnsAfter) out.push(translationTurn(t, a.lang) as ElementContent);
    tree.children = out;
  };
  return { book: { ...book, events }, transform, pairs: merged.size };
}
