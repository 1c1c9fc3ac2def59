/**
 * TOC and index entries: the last characters of an entry's text are bound together so that a wrapped
 * entry never ends with a line of one Han character and its question mark before the leader.
 * `text-wrap: pretty` is on for these lines but did not prevent it (22 such lines in the bundled book
 * with it): its last line holds the leader, an inline box far wider than the line pulled back by a
 * negative margin.
 *
 * Done on the rendered print HTML, for every entry alike (`<span class="toc-text">…</span>` followed by
 * its leader, or ending its line in the compact question lists): the text after the entry's last tag
 * keeps its last BIND Han characters and the punctuation after them in a `<span class="pb-bind">`
 * (white-space: nowrap). Only the line breaking changes: the characters, and the text a reader copies,
 * stay the same.
 */

/**
 * Han characters (with the punctuation that follows them) kept on the last line of an entry. Two: with
 * three, an entry whose first line then ended a character early had its last line spread across the
 * line (Chromium justified it with the leader in it).
 */
export const BIND = 2;
/** An entry shorter than this (in characters) is left alone: it fits on one line or wraps by its words. */
const MIN_LENGTH = 8;

const ENTRY = /(<span class="toc-text">)([\s\S]*?)(<\/span>(?:<span class="leader">|<\/a>))/g;
const PUNCT = /[\p{P}\s]/u;

/** The index in `text` where the bound tail starts (BIND non-punctuation characters from the end), or -1. */
export function tailStart(text: string): number {
  const chars = [...text];
  if (chars.length < MIN_LENGTH) return -1;
  let n = 0;
  let i = chars.length;
  while (i > 0 && n < BIND) {
    i--;
    if (!PUNCT.test(chars[i]!)) n++;
  }
  // Latin words wrap at their spaces as usual (and never inside a word): only a Han tail is bound
  if (n < BIND || chars.slice(i).some((c) => /[\s0-9A-Za-z&;]/.test(c))) return -1;
  // (no character reference can be cut in half: a tail holding "&" or ";" was refused above)
  return chars.slice(0, i).join('').length;
}

/** Bind the end of every TOC/index entry of a print HTML page. */
export function bindEntryEnds(html: string): string {
  return html.replace(ENTRY, (all, open: string, inner: string, close: string) => {
    const lastTag = inner.lastIndexOf('>');
    const text = inner.slice(lastTag + 1);
    const at = tailStart(text);
    if (at < 0) return all;
    const head = inner.slice(0, lastTag + 1) + text.slice(0, at);
    return `${open}${head}<span class="pb-bind">${text.slice(at)}</span>${close}`;
  });
}
