/**
 * Vertical editions: what the stylesheet alone cannot do. In vertical-rl text, Latin letters and digits
 * lie sideways (`text-orientation: mixed`); a short run — a day or month number, a two-letter
 * abbreviation — reads better upright in one cell (`text-combine-upright: all`, tate-chu-yoko). CSS cannot
 * choose the short runs (`digits 2` is not implemented by Chromium nor by most reading systems), so
 * they are wrapped here in `<span class="tcy">` in the rendered HTML/XHTML, text nodes only.
 */
import { mapRunningText } from './html-text.js';

/**
 * A run of ASCII letters/digits, joined by . , : / - _ or a single space (3.5, 10:30, utf-8, Noto Serif
 * TC: one run, so a short word inside a Latin phrase stays with it); or a character reference (left alone).
 */
const TOKEN = /&#?\w+;|[0-9A-Za-z]+(?:[.,:/_ -][0-9A-Za-z]+)*/g;

/** The longest run set upright in one cell. */
export const MAX_UPRIGHT = 2;

/** Wrap every run of at most MAX_UPRIGHT ASCII letters/digits of the text content in `<span class="tcy">`. */
export function uprightShortRuns(html: string): string {
  return mapRunningText(html, (p) => p.replace(TOKEN, (t) => (t.startsWith('&') || t.length > MAX_UPRIGHT ? t : `<span class="tcy">${t}</span>`)));
}

/**
 * Chromium places a named destination (a link target, which the print pagination reads back) at the
 * physical top-left corner of the element's box; in vertical-rl, a section spanning several pages has
 * its left edge on its *last* page, so a multi-page section was found pages after where it begins. In
 * a vertical book each block's id moves to an empty `<span class="pb-anchor">` at the start of the
 * block's first line of text (its first heading, paragraph or list item): on the page where the reader
 * sees the block begin, even when the block breaks just before its text. The links, the blank pages
 * and the probes of the pagination find it by the id.
 */
export function anchorsAtStart(html: string): string {
  let out = '';
  let last = 0;
  const pending: string[] = [];
  // one pass over the tags: a block's id waits for the next line-level element
  const tags = /<(section|article|nav|aside|div|header)((?:\s[^>]*?)?)\sid="([^"]+)"([^>]*)>|<(h[1-6]|p|li|dt|dd)(\s[^>]*)?>/g;
  for (const m of html.matchAll(tags)) {
    out += html.slice(last, m.index);
    last = m.index! + m[0].length;
    if (m[1]) {
      out += `<${m[1]}${m[2]}${m[4]}>`;
      pending.push(m[3]!);
    } else {
      out += m[0] + pending.map((id) => `<span class="pb-anchor" id="${id}"></span>`).join('');
      pending.length = 0;
    }
  }
  return out + html.slice(last);
}
