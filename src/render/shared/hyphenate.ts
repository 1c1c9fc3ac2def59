/**
 * Hyphenation of Latin-script paragraphs for print: soft hyphens (U+00AD) inserted at the hast level
 * with the `hyphen` package's TeX patterns (Liang's algorithm), so Chromium breaks long words at the
 * right places without hyphenation dictionaries of its own (the headless and npm-shipped builds have
 * none: `hyphens: auto` alone leaves English unhyphenated in print). The text is unchanged but for the
 * invisible soft hyphens; they are drawn only where a line breaks.
 */
import { createRequire } from 'node:module';
import type { ElementContent, Root } from 'hast';
import type { Book, Turn } from '../../model/types.js';
import type { HastTransform } from '../../ast/hast.js';

const require = createRequire(import.meta.url);

type Hyphenate = (text: string, opts?: { hyphenChar?: string; minWordLength?: number }) => string;

const cache = new Map<string, Hyphenate | null>();

/** The pattern set of a language tag (en → en-us, en-GB → en-gb); undefined when `hyphen` has none. */
function hyphenator(lang: string): Hyphenate | undefined {
  const tag = lang.toLowerCase();
  const names = [tag, tag.split('-')[0] === 'en' ? (tag === 'en-gb' ? 'en-gb' : 'en-us') : tag.split('-')[0]!];
  for (const name of names) {
    if (cache.has(name)) return cache.get(name) ?? undefined;
    let fn: Hyphenate | null = null;
    try {
      if (/^[a-z]{2,3}(-[a-z]{2})?$/.test(name)) fn = (require(`hyphen/${name}`) as { hyphenateSync: Hyphenate }).hyphenateSync;
    } catch {
      fn = null;
    }
    cache.set(name, fn);
    if (fn) return fn;
  }
  return undefined;
}

/** `text` with soft hyphens at the hyphenation points of words of 6 letters or more. */
export function hyphenateText(text: string, lang: string): string {
  const fn = hyphenator(lang);
  return fn ? fn(text, { hyphenChar: '\u00ad', minWordLength: 6 }) : text;
}

/** Insert soft hyphens into every text node of the tree (elements marked `data-nohyphen` are left alone). */
export function hyphenateTree(tree: Root, lang: string): void {
  if (!hyphenator(lang)) return;
  const walk = (nodes: (ElementContent | Root['children'][number])[]) => {
    for (const n of nodes) {
      if (n.type === 'text') n.value = hyphenateText(n.value, lang);
      else if (n.type === 'element' && n.properties?.dataNohyphen === undefined) walk(n.children);
    }
  };
  walk(tree.children);
}

const isCjk = (lang: string) => /^(zh|ja|ko)\b/i.test(lang);

/** A transform hyphenating the paragraphs of the book's Latin-script press conferences (each event's language); none when all are CJK. */
export function hyphenationTransform(book: Book): HastTransform | undefined {
  const langOf = new Map<Turn, string>();
  for (const e of book.events) if (!isCjk(e.meta.language) && hyphenator(e.meta.language)) for (const t of e.turns) langOf.set(t, e.meta.language);
  if (!langOf.size) return undefined;
  return (tree, turn) => {
    const lang = langOf.get(turn);
    if (lang) hyphenateTree(tree, lang);
  };
}

/** Whether a book holds a press conference in a Latin-script language (its print then needs the Latin faces). */
export function hasLatinText(book: Book): boolean {
  return book.events.some((e) => !isCjk(e.meta.language));
}
