/**
 * Turn paragraphs by position: the print edition names each paragraph of a conference's turns (where
 * it begins on paper is read back from the PDF), the EPUB finds the same paragraph by counting and marks
 * a print page break there (the page-list). Both render the same turn HTML (src/ast/hast.ts
 * `<p data-para>`) in the same order; a translation's paragraphs (bilingual EPUB) are not counted.
 */
/** The turns' paragraphs (`<p data-para>` from src/ast/hast.ts; a translation's excluded) in an event's markup. */
export const PARAGRAPH = /<p\b(?=[^>]*\sdata-para=")(?![^>]*\bclass="[^"]*\btranslation\b)[^>]*>/g;
const EVENT_START = /<(?:article|section)\b[^>]*\bclass="[^"]*\bevent\b[^"]*"[^>]*\sid="([^"]+)"[^>]*>/g;

/**
 * The id of the `k`-th paragraph (from 1) of the turns of the event whose anchor is `event`: the print
 * edition gives it to the paragraph (where that paragraph begins on paper is read back from the PDF),
 * the EPUB finds the same paragraph by counting (a page-list entry for each printed page).
 */
export function paragraphAnchor(event: string, k: number): string {
  return `${event}-p${k}`;
}

/**
 * Every turn paragraph of each event in `html` found in document order: its event's anchor, its
 * ordinal in the event, the offset and length of its start tag. Shared by the print edition (which
 * names the paragraphs) and the EPUB (which marks print page breaks at them).
 */
export function eventParagraphs(html: string): { event: string; k: number; at: number; tag: string }[] {
  const starts = [...html.matchAll(EVENT_START)].map((m) => ({ at: m.index!, id: m[1]! }));
  const out: { event: string; k: number; at: number; tag: string }[] = [];
  let e = -1;
  let k = 0;
  for (const m of html.matchAll(PARAGRAPH)) {
    let next = e;
    while (next + 1 < starts.length && starts[next + 1]!.at < m.index!) next++;
    if (next < 0) continue;
    if (next !== e) {
      e = next;
      k = 0;
    }
    out.push({ event: starts[e]!.id, k: ++k, at: m.index!, tag: m[0] });
  }
  return out;
}

