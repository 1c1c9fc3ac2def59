import type { PressEvent } from '../../src/model/types.js';
import type { SourceReport } from '../../src/ingest/index.js';

export const SEEDS = 'examples/npc-foreign-press/sources';
export const HAN = /\p{Script=Han}/gu;
export const countHan = (s: string) => (s.match(HAN) ?? []).length;

/** Han characters the model prints for one source: turn text, labels and speakers as printed, highlights. */
export function hanPrinted(ev: PressEvent, file: string): number {
  let n = 0;
  const primary = ev.meta.sources.find((s) => s.role === 'primary')?.file === file;
  if (primary)
    for (const t of ev.turns) {
      for (const p of t.paragraphs) n += countHan(p);
      if (t.question) n += countHan(t.question.label);
      else if (t.speaker) n += countHan(t.speaker);
    }
  for (const h of ev.highlights) if (h.source === file) n += countHan(h.text);
  return n;
}

export function hanRemoved(r: SourceReport): number {
  return r.removals.reduce((a, d) => a + countHan(d.removed ?? ''), 0);
}

/**
 * The 1-based line of `text` holding `needle` (the first, or the first for which `also` holds), so a
 * test asks for "the line of this caption in the source" instead of pinning a number that moves
 * whenever a seed or fixture is edited. Throws when there is none, so a vanished line fails loudly.
 */
export function lineOf(text: string, needle: string, also: (line: string) => boolean = () => true): number {
  const i = text.split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle) && also(l));
  if (i < 0) throw new Error(`no line holds "${needle}"`);
  return i + 1;
}
