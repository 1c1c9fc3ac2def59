/**
 * Page metadata read from a saved web page itself, whatever the site:
 *
 * - title: the page's title element (an h1/h2 or an element whose class/id names a title, such as the
 *   ministry's `News_Body_Title`) just above the article or at its head — preferred when it agrees
 *   with the <title> or og:title — else og:title / twitter:title / ArticleTitle, else the longest part
 *   of <title> (the site name after " — ", " - ", "_" or "|" dropped);
 * - date, strongest evidence first: a full date in that title ("2018年7月2日外交部发言人…"); the
 *   article's publication date in meta tags (article:published_time, pubdate, PubDate, dc.date …);
 *   JSON-LD datePublished; a <time> element at or above the article; a short line holding a date
 *   close above the article (the ministry's `News_Body_Time`, a news site's "2019-03-12 10:30 来源：…").
 *
 * The page's date wins over any date found in the text (processFile: applyPageMeta).
 */
// @ts-nocheck

import type { DefaultTreeAdapterMap } from 'parse5';
import { attr, childrenOf, isElement, isFurniture, lineOf, SKIP, textOf, type Block, type Element, type Node } from './dom.js';
import { countHan, isCjk } from '../text.js';
import { normalizeBlankLine } from './blanks.js';

export type DateSource = 'title' | 'meta' | 'json-ld' | 'time' | 'date-line';

export interface PageMeta {
  title?: string;
  /** where the title came from: "h1", "title element", "og:title", "<title>" … */
  titleFrom?: string;
  /** ISO date of the page (the event's date, unless the page says otherwise) */
  date?: string;
  dateFrom?: DateSource;
  /** the text the date was read from, with its source line */
  dateEvidence?: { text: string; line: number };
  /** the publication date, when the page gives one besides the title's */
  published?: string;
  /** internal: the element the title was read from */
  titleElement?: Element;
  /** internal: the <title> text and line (reported as metadata, never printed) */
  titleTag?: { text: string; line: number };
}

const TITLE_ATTR = /(^|[\s_-])(title|headline|heading|biaoti|tit|entry-title|post-title|article-title)([\s_-]|$)/i;
const TITLE_META = ['og:title', 'twitter:title', 'articletitle', 'headline', 'title', 'dc.title'];
const DATE_META = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'article:published', 'datepublished', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'firstpublishedtime', 'dc.date.issued', 'dc.date', 'dcterms.created', 'dcterms.issued', 'sailthru.date', 'parsely-pub-date', 'date',
];

const pad = (n: number) => String(n).padStart(2, '0');

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
function monthOf(name: string): number | undefined {
  const i = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i + 1;
}

/** The first full date in a string: 2018-07-02, 2018/7/2, 2018.07.02, 2018年7月2日, December 26, 2018, 26 Dec 2018, 20180702T… */
export function parseDate(s: string): string | undefined {
  const re = /(?<!\d)((?:19|20)\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  const en = new RegExp(`\\b(?:(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)|(\\d{1,2})\\s+(${MONTHS})\\.?,?\\s+((?:19|20)\\d\\d))\\b`, 'i').exec(s);
  if (en) {
    const mo = monthOf(en[1] ?? en[5]!);
    const [y, d] = en[1] ? [Number(en[3]), Number(en[2])] : [Number(en[6]), Number(en[4])];
    if (mo && d >= 1 && d <= 31 && new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  const compact = /(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?:T|\b)/.exec(s);
  if (compact) {
    const [y, mo, d] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return undefined;
}

const clean = (s: string) => normalizeBlankLine(s.replace(/\s*\n\s*/g, '\n')).text;
/** Join the lines of a title cut by <br>: no space between CJK characters. */
function joinLines(s: string): string {
  return s
    .split('\n')
    .map((x) => clean(x))
    .filter(Boolean)
    .reduce((a, b) => (!a ? b : isCjk(a[a.length - 1]) || isCjk(b[0]) ? a + b : a + ' ' + b), '');
}
const squash = (s: string) => s.replace(/[\s\u00a0\u3000]/g, '');

function walkElements(n: Node, f: (el: Element) => boolean | void): void {
  if (isElement(n)) {
    if (f(n) === false) return;
  }
  for (const c of childrenOf(n)) walkElements(c, f);
}

const loc = (el: Element) => (el as { sourceCodeLocation?: { startOffset: number; endOffset: number } | null }).sourceCodeLocation ?? { startOffset: 0, endOffset: 0 };

function hasFurnitureAncestor(el: Element): boolean {
  for (let e: Node | null = el; e && isElement(e); e = e.parentNode as Node | null) if (isFurniture(e)) return true;
  return false;
}

function linkOnly(el: Element): boolean {
  const all = squash(textOf(el)).length;
  let link = 0;
  walkElements(el, (e) => {
    if (e.tagName === 'a') {
      link += squash(textOf(e)).length;
      return false;
    }
  });
  return all > 0 && link / all > 0.5;
}

/** JSON-LD objects of the page (schema.org NewsArticle and the like). */
function jsonLd(doc: Node): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  walkElements(doc, (el) => {
    if (el.tagName !== 'script' || !/ld\+json/i.test(attr(el, 'type') ?? '')) return;
    const raw = childrenOf(el).map((c) => (c as DefaultTreeAdapterMap['textNode']).value ?? '').join('');
    try {
      const v = JSON.parse(raw) as unknown;
      const push = (x: unknown) => {
        if (Array.isArray(x)) x.forEach(push);
        else if (x && typeof x === 'object') {
          out.push(x as Record<string, unknown>);
          const g = (x as Record<string, unknown>)['@graph'];
          if (g) push(g);
        }
      };
      push(v);
    } catch {
      /* not JSON: ignored, it is a script */
    }
    return false;
  });
  return out;
}

export function pageMeta(doc: Node, article: Element | undefined, blocks: Block[]): PageMeta {
  const page: PageMeta = {};
  const metas = new Map<string, { value: string; line: number }>();
  walkElements(doc, (el) => {
    if (el.tagName === 'title' && !page.titleTag) {
      const t = joinLines(textOf({ ...el, tagName: 'span' } as Element));
      if (t) page.titleTag = { text: t, line: lineOf(el) };
    }
    if (el.tagName === 'meta') {
      const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '').toLowerCase();
      const value = attr(el, 'content');
      if (key && value && !metas.has(key)) metas.set(key, { value: clean(value), line: lineOf(el) });
    }
  });
  const ld = jsonLd(doc);
  const metaTitle = TITLE_META.map((k) => metas.get(k)).find((m) => m && m.value)?.value ?? (ld.map((o) => o['headline']).find((h) => typeof h === 'string') as string | undefined);
  const known = [page.titleTag?.text, metaTitle].filter((x): x is string => !!x).map(squash);

  // the title element: just above the article, or at its head
  const aLoc = article ? loc(article) : undefined;
  const headOfArticle = new Set<Element>();
  if (article) {
    let n = 0;
    for (const b of blocks) {
      let inside = false;
      for (let e: Node | null = b.owner; e && isElement(e); e = e.parentNode as Node | null) if (e === article) inside = true;
      if (!inside) continue;
      for (let e: Node | null = b.owner; e && isElement(e) && e !== article; e = e.parentNode as Node | null) headOfArticle.add(e);
      if (++n >= 2) break;
    }
  }
  type Cand = { el: Element; text: string; rank: number; pos: number };
  const cands: Cand[] = [];
  walkElements(doc, (el) => {
    if (SKIP.has(el.tagName)) return false;
    const named = /^h[12]$/.test(el.tagName) || TITLE_ATTR.test(attr(el, 'class') ?? '') || TITLE_ATTR.test(attr(el, 'id') ?? '');
    if (!named || el.tagName === 'title') return;
    const l = loc(el);
    const above = aLoc ? l.endOffset <= aLoc.startOffset : true;
    if (!above && !headOfArticle.has(el)) return;
    const text = joinLines(textOf(el));
    if (!text || text.length > 150 || countHan(text) + (text.match(/[A-Za-z]+/g)?.length ?? 0) < 4) return;
    if (hasFurnitureAncestor(el) || linkOnly(el)) return;
    const sq = squash(text);
    const agrees = known.some((k) => k.includes(sq) || sq.includes(k));
    cands.push({ el, text, rank: (agrees ? 4 : 0) + (el.tagName === 'h1' ? 2 : 0) + (headOfArticle.has(el) ? 1 : 0), pos: l.startOffset });
    return false; // the outermost named element holds the whole title
  });
  // best rank; among equals the one nearest the article (the last above it)
  cands.sort((a, b) => b.rank - a.rank || b.pos - a.pos);
  const te = cands[0];
  if (te && (te.rank >= 1 || !known.length)) {
    page.title = te.text;
    page.titleElement = te.el;
    page.titleFrom = te.el.tagName === 'h1' || te.el.tagName === 'h2' ? te.el.tagName : 'title element';
  } else if (metaTitle) {
    page.title = metaTitle;
    page.titleFrom = TITLE_META.find((k) => metas.get(k)?.value === metaTitle) ?? 'json-ld headline';
  } else if (page.titleTag) {
    const parts = page.titleTag.text.split(/\s+[—–|-]{1,2}\s+|\s*[_|｜]\s*|\s*——\s*/).filter((x) => x.trim());
    page.title = parts.reduce((a, b) => (countHan(b) + b.length > countHan(a) + a.length ? b : a), parts[0] ?? page.titleTag.text);
    page.titleFrom = '<title>';
  }

  // dates: the title's, then the publication date
  const titleDate = page.title ? parseDate(page.title) : undefined;
  let published: { date: string; from: DateSource; text: string; line: number } | undefined;
  for (const k of DATE_META) {
    const m = metas.get(k);
    const d = m && parseDate(m.value);
    if (d) {
      published = { date: d, from: 'meta', text: `<meta ${k}="${m.value}">`, line: m.line };
      break;
    }
  }
  if (!published)
    for (const o of ld) {
      const v = o['datePublished'] ?? o['dateCreated'];
      const d = typeof v === 'string' ? parseDate(v) : undefined;
      if (d) {
        published = { date: d, from: 'json-ld', text: `datePublished ${v as string}`, line: 1 };
        break;
      }
    }
  if (!published && aLoc) {
    // <time> inside the article's head or above it, nearest the article
    let best: { el: Element; d: string; pos: number } | undefined;
    walkElements(doc, (el) => {
      if (SKIP.has(el.tagName)) return false;
      if (el.tagName !== 'time') return;
      const l = loc(el);
      const ok = l.endOffset <= aLoc.startOffset || (l.startOffset >= aLoc.startOffset && l.startOffset - aLoc.startOffset < 2000);
      if (!ok || hasFurnitureAncestor(el)) return;
      const d = parseDate(attr(el, 'datetime') ?? '') ?? parseDate(textOf(el));
      if (d && (!best || Math.abs(l.startOffset - aLoc.startOffset) < Math.abs(best.pos - aLoc.startOffset))) best = { el, d, pos: l.startOffset };
    });
    if (best) published = { date: best.d, from: 'time', text: `<time> ${clean(attr(best.el, 'datetime') ?? textOf(best.el))}`, line: lineOf(best.el) };
  }
  if (!published && article) {
    // a short line holding a date close above the article (or among its first lines)
    const idx = blocks.findIndex((b) => {
      for (let e: Node | null = b.owner; e && isElement(e); e = e.parentNode as Node | null) if (e === article) return true;
      return false;
    });
    const from = Math.max(0, idx - 12);
    const near = [...blocks.slice(from, idx).reverse(), ...blocks.slice(idx, idx + 3)];
    for (const b of near) {
      const t = clean(b.text);
      if (b.furniture || t.length > 80 || b.linkChars > t.length / 2 || /[。！？]/.test(t)) continue;
      const d = parseDate(t);
      if (d) {
        published = { date: d, from: 'date-line', text: t, line: b.src };
        break;
      }
    }
  }
  if (published) page.published = published.date;
  if (titleDate) {
    page.date = titleDate;
    page.dateFrom = 'title';
    page.dateEvidence = { text: page.title!, line: page.titleElement ? lineOf(page.titleElement) : (page.titleTag?.line ?? 1) };
  } else if (published && page.title && /(?<!\d)(\d{1,2})月(\d{1,2})日/.test(page.title)) {
    // "3月12日外交部例行记者会" published on 2019-03-13: the title's day, in the year of publication
    // (the year before when that day would come after the publication)
    const m = /(?<!\d)(\d{1,2})月(\d{1,2})日/.exec(page.title)!;
    let y = Number(published.date.slice(0, 4));
    const md = `${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
    if (md > published.date.slice(5)) y--;
    const d = parseDate(`${y}-${md}`);
    page.date = d ?? published.date;
    page.dateFrom = d ? 'title' : published.from;
    page.dateEvidence = d ? { text: `${page.title} (year of publication: ${published.text})`, line: page.titleElement ? lineOf(page.titleElement) : published.line } : { text: published.text, line: published.line };
  } else if (published) {
    page.date = published.date;
    page.dateFrom = published.from;
    page.dateEvidence = { text: published.text, line: published.line };
  }
  return page;
}

/**
 * "Page metadata wins": the page's own date and title replace those guessed from the text (a date
 * quoted in the text never dates a page that states its own). Returns an info message for the report.
 */
export function applyPageMeta(meta: { date?: string; year?: number; title?: string }, page: PageMeta): string | undefined {
  const notes: string[] = [];
  if (page.date) {
    if (meta.date && meta.date !== page.date) notes.push(`date ${page.date} from the page (${page.dateFrom}: "${page.dateEvidence?.text}") instead of ${meta.date} found in the text`);
    else notes.push(`date ${page.date} from the page (${page.dateFrom}: "${page.dateEvidence?.text}")`);
    meta.date = page.date;
    meta.year = Number(page.date.slice(0, 4));
  }
  // the <title> alone may be the site's name: it names the event only when the text has no title
  if (page.title && (page.titleFrom !== '<title>' || !meta.title)) {
    meta.title = page.title;
    notes.push(`title from the page (${page.titleFrom})`);
  }
  return notes.length ? notes.join('; ') : undefined;
}
