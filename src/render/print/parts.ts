/**
 * Splitting the print book into parts that Chromium prints separately (see pdf.ts):
 *
 * - body chunks: runs of conferences (a month, or a share of a long month; the whole body for a small
 *   book). Every conference opens a page (`.event { break-before: page }`), so a chunk boundary at a
 *   conference breaks the page exactly where the single print of the whole book does;
 * - the back matter (question index, colophon) and the front matter (cover, title page, TOC), printed
 *   once the page numbers they show are known.
 *
 * All of it is string work on the rendered template (no DOM): the template's own markup is kept, the
 * body is cut at `<main>`, and the parts keep the same `<head>` (styles and fonts), so each prints as
 * it would inside the whole book. Links to an anchor printed in another part are pointed at a marker
 * URL (Chromium drops a link whose target is not in the document), turned back into internal links
 * when the parts are merged; every anchor that something links to gets an invisible probe link, since
 * Chromium writes a named destination (where the anchor landed) only for a link target.
 */
import type { EventView, YearView } from '../shared/viewmodel.js';
import { eventParagraphs, paragraphAnchor } from '../shared/paragraphs.js';

/** Links to anchors in other parts point here while a part is printed. */
export const CROSS_REF = 'https://pressbook.invalid/ref';

export interface ChunkPlan {
  /** a readable name: 2017-03, 2017-03b, body */
  name: string;
  /** the years of the chunk, each with only the chunk's events */
  years: YearView[];
}

/** Rough size of an event in characters of HTML (for the chunking estimate only). */
export function eventSize(e: EventView): number {
  let n = 200;
  for (const t of e.turns) n += t.html.length;
  return n;
}

/**
 * Body chunks: the whole body when its estimated size is at most `maxChars`, else one chunk per month
 * of each year (a chunk never spans a year: years open a right-hand page), a month larger than
 * `maxChars` split into balanced runs of conferences. Boundaries depend only on the month and the
 * sizes within it, so an edit moves at most its own month's boundaries (the other chunks' cache holds).
 * `size`: each event's eventSize (given when the view was built without some events' turns: chunk-memo.ts).
 */
export function planChunks(years: YearView[], maxChars: number, size: (e: EventView) => number = eventSize): ChunkPlan[] {
  const total = years.reduce((n, y) => n + y.events.reduce((m, e) => m + size(e), 0), 0);
  if (total <= maxChars) return years.length ? [{ name: 'body', years }] : [];
  const out: ChunkPlan[] = [];
  for (const y of years) {
    const months = new Map<string, EventView[]>();
    for (const e of y.events) {
      const m = /^\d{4}-(\d{2})/.exec(e.date)?.[1] ?? '00';
      months.set(m, [...(months.get(m) ?? []), e]);
    }
    for (const [m, events] of months) {
      const chars = events.reduce((n, e) => n + size(e), 0);
      const k = Math.min(events.length, Math.max(1, Math.ceil(chars / maxChars)));
      // k balanced runs: cut where the running size passes j/k of the month
      let j = 1;
      let run: EventView[] = [];
      let acc = 0;
      const groups: EventView[][] = [];
      for (const e of events) {
        if (run.length && acc >= (chars * j) / k) {
          groups.push(run);
          run = [];
          j++;
        }
        run.push(e);
        acc += size(e);
      }
      if (run.length) groups.push(run);
      groups.forEach((g, i) => out.push({ name: `${y.year}-${m}${groups.length > 1 ? String.fromCharCode(97 + i) : ''}`, years: [{ ...y, events: g }] }));
    }
  }
  return out;
}

/** Where the last `tag` (an end tag) is in `html`, in any case (without a lower-cased copy of the whole book). */
function lastTag(html: string, tag: string): number {
  let last = -1;
  for (const m of html.matchAll(new RegExp(tag.replace(/[/]/g, '\\/'), 'gi'))) last = m.index;
  return last;
}

/** Index of the end of the `<body …>` start tag, and the start of `</body>`. */
function bodyBounds(html: string): { open: number; close: number } {
  const b = /<body\b[^>]*>/i.exec(html);
  const close = lastTag(html, '</body>');
  if (!b || close < 0) throw new Error('print template: no <body> element');
  return { open: b.index + b[0].length, close };
}

/** The `<main>` element of a rendered book: [start, end) in the string. */
export function mainBounds(html: string): { start: number; end: number } {
  const start = html.search(/<main\b/i);
  const endTag = lastTag(html, '</main>');
  if (start < 0 || endTag < 0) throw new Error('print template: the body must be inside one <main> element');
  return { start, end: endTag + '</main>'.length };
}

/** ids defined in a piece of HTML */
export function idsIn(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) out.add(m[1]!);
  return out;
}

/** targets of in-document links */
export function linkTargets(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/\shref="#([^"]+)"/g)) out.add(m[1]!);
  return out;
}

/** Links to an anchor that is not in `ids` point to the cross-reference marker instead. */
export function crossLinks(html: string, ids: Set<string>): string {
  return html.replace(/(\shref=")#([^"]+)"/g, (all, pre: string, id: string) => (ids.has(id) ? all : `${pre}${CROSS_REF}#${encodeURIComponent(id)}"`));
}

/** The cross-referenced anchor of a marker URL, or undefined for any other URL. */
export function crossTarget(uri: string): string | undefined {
  if (!uri.startsWith(CROSS_REF + '#')) return undefined;
  try {
    return decodeURIComponent(uri.slice(CROSS_REF.length + 1));
  } catch {
    return undefined;
  }
}

const VOID = /^(a|img|br|hr|input|col|area|meta|link|source|wbr|ol|ul|dl|table|tbody|thead|tr)$/i;

/**
 * The probes' look (a style sheet for the head of a page with probes): an empty inline link of no
 * size, whatever a theme says of links. Empty, it
 * takes no room in its line, and a line holding nothing else has no height (CSS 2 §9.4.2): the
 * layout is that of the page without probes (pages checked identical). It used to be a 1 px box
 * placed `position: absolute`, which lays out the same but gives each probe a paint layer of its
 * own: a month of the 2017 book (500 probes) printed in 2.4 times the time.
 */
export const PROBE_STYLE =
  '<style>.pb-probe{display:inline!important;position:static!important;float:none!important;font-size:0!important;margin:0!important;padding:0!important;border:0!important}.pb-probe::before,.pb-probe::after{content:none!important}</style>';

/**
 * An invisible link to each anchor of `probes` inside its element (so Chromium writes a named
 * destination for it at the element's start; removed again when the parts are merged, if Chromium
 * wrote a link annotation for it at all).
 */
export function insertProbes(html: string, probes: Iterable<string>): { html: string; probed: string[] } {
  const want = new Set(probes);
  const probed: string[] = [];
  const out = html.replace(/<([a-zA-Z][\w-]*)\b([^>]*)\sid="([^"]+)"([^>]*)>/g, (tag, name: string, _a, id: string) => {
    if (!want.has(id) || VOID.test(name)) return tag;
    want.delete(id);
    probed.push(id);
    return `${tag}<a class="pb-probe" aria-hidden="true" tabindex="-1" href="#${id}"></a>`;
  });
  return { html: out, probed };
}

/** Fill page labels into the template's number boxes `<span class="pn" data-target="…">`. */
export function fillNumbers(html: string, label: (anchor: string) => string | undefined): string {
  return html.replace(/(<span\b[^>]*\bdata-target="([^"]+)"[^>]*>)[^<]*(<\/span>)/g, (all, open: string, target: string, close: string) =>
    /\bclass="[^"]*\bpn\b/.test(open) ? `${open}${label(target) ?? ''}${close}` : all,
  );
}

/** The rendered book taken apart: the shared head, the front matter, the body slot and the back matter. */
export interface BookFrame {
  /** from `<!DOCTYPE` to the end of the `<body …>` start tag */
  head: string;
  /** body children before `<main>` */
  front: string;
  /** body children after `</main>` */
  back: string;
  /** from `</body>` to the end */
  tail: string;
}

export function frame(html: string): BookFrame {
  const b = bodyBounds(html);
  const m = mainBounds(html);
  return { head: html.slice(0, b.open), front: html.slice(b.open, m.start), back: html.slice(m.end, b.close), tail: html.slice(b.close) };
}

/**
 * A body chunk's HTML: the `<main>` of the template rendered with the chunk's years, in the book's
 * head. A year that began in an earlier chunk loses its id, its heading and its opener (they are
 * printed there: an opener here would be a stray page listing this chunk's conferences). A year's
 * first chunk that does not hold all of the year's conferences keeps the year's heading but not the
 * opener's list of conferences (it would list only this chunk's: the TOC lists them all).
 */
export function chunkMain(rendered: string, chunk: ChunkPlan, firstOfYear: (y: YearView) => boolean, wholeYear: (y: YearView) => boolean = () => true): string {
  const m = mainBounds(rendered);
  let main = rendered.slice(m.start, m.end);
  /** [start, end) of the first `<tag class="…cls…">…</tag>` (not nested in its own kind) at or after `from`, before `limit` */
  const element = (tag: string, cls: string, from: number, limit: number): [number, number] | undefined => {
    const re = new RegExp(`<${tag}\\b[^>]*\\bclass="[^"]*\\b${cls}\\b[^"]*"[^>]*>`, 'gi');
    re.lastIndex = from;
    const open = re.exec(main);
    if (!open || (limit >= 0 && open.index > limit)) return undefined;
    const close = main.indexOf(`</${tag}>`, open.index);
    return close < 0 ? undefined : [open.index, close + tag.length + 3];
  };
  for (const y of chunk.years) {
    const first = firstOfYear(y);
    if (first && wholeYear(y)) continue;
    const at = main.indexOf(` id="${y.anchor}"`);
    if (at < 0) continue;
    const limit = y.events[0] ? main.indexOf(` id="${y.events[0].anchor}"`, at) : -1;
    if (first) {
      const list = element('ol', 'year-events', at, limit);
      if (list) main = main.slice(0, list[0]) + main.slice(list[1]);
      continue;
    }
    main = main.slice(0, at) + main.slice(at + ` id="${y.anchor}"`.length);
    const lim = y.events[0] ? main.indexOf(` id="${y.events[0].anchor}"`) : -1;
    const opener = element('header', 'year-opener', at, lim);
    if (opener) {
      main = main.slice(0, opener[0]) + main.slice(opener[1]);
      continue;
    }
    // a template without an opener: the year's heading alone
    const h = main.slice(at).search(/<h1\b/i);
    if (h >= 0 && (lim < 0 || at + h < lim)) {
      const hs = at + h;
      const he = main.indexOf('</h1>', hs);
      if (he > 0) main = main.slice(0, hs) + main.slice(he + 5);
    }
  }
  return main;
}

/** The turn paragraphs of each event given their ids (paragraphAnchor); the ids in a set. */
export function nameParagraphs(html: string): { html: string; ids: Set<string> } {
  const ids = new Set<string>();
  let out = '';
  let last = 0;
  for (const p of eventParagraphs(html)) {
    if (/\sid="/.test(p.tag)) continue;
    const id = paragraphAnchor(p.event, p.k);
    ids.add(id);
    out += html.slice(last, p.at) + `<p id="${id}"` + p.tag.slice(2);
    last = p.at + p.tag.length;
  }
  return { html: out + html.slice(last), ids };
}

/**
 * The whole book as one HTML page with every number in (what a single print would print; for a reader
 * of the build folder and the benchmark): blank pages where the merge put them (`blanks` per part:
 * front, body chunks…, back), the front padded after its `frontCount` pages where it was.
 */
export function wholeBook(head: string, matter: BookFrame, mains: string[], blanks: number[][], frontCount: number, label: (anchor: string) => string | undefined): string {
  const blank = '<div class="pb-blank" aria-hidden="true" style="break-before:page;break-after:page;height:0;margin:0;padding:0;border:0"></div>';
  const lead = (k: number) => (blanks[k]?.includes(0) ? blank : '');
  return (
    head +
    lead(0) +
    fillNumbers(matter.front, label) +
    (blanks[0]?.includes(frontCount) ? blank : '') +
    mains.map((m, k) => lead(k + 1) + m).join('\n') +
    lead(mains.length + 1) +
    fillNumbers(matter.back, label) +
    matter.tail
  );
}
