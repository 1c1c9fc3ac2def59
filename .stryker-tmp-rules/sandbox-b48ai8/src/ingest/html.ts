/**
 * HTML article extraction for a page saved from any site (a ministry's press-conference page, a news
 * site, a government portal): the article is found by text density, its title and date are read from
 * the page itself, and every other piece of visible text is reported as removed with its source line.
 *
 * - Blocks: the page is cut into text blocks at block elements and <br>; each block knows its source
 *   line, how much of it is link text and whether it sits in page furniture (nav, header, footer,
 *   aside, share bars, comments, related links: by tag, class, id or role).
 * - Density: a block scores its Han characters (Latin letters at a third), scaled down to a quarter
 *   without sentence punctuation and by its share of link text; the score goes to the element that
 *   holds the block and, halved, to the one above it (so an article cut into many <div>s or <p>s wins
 *   over any single block). The element with the best score, discounted by its share of link text, is
 *   the article, together with those of its siblings that hold at least a fifth as much prose with
 *   few links (an article cut in two by an advertisement).
 * - Page metadata: see page.ts (title from meta tags, h1 or the article's title element, <title>;
 *   date from the title, meta tags, <time>, JSON-LD or a short date element close above the article).
 *
 * parse5 is used directly (rather than a reader-view library) because every line handed to the cleaner
 * must keep its source line, and every dropped line must be reported.
 */
// @ts-nocheck

import { parse } from 'parse5';
import type { Diagnostic } from './message.js';
import type { Line } from './text.js';
import { countHan, diag } from './text.js';
import { pageMeta, type PageMeta } from './sources/page.js';
import { collectBlocks, isElement, isFurniture, PARAGRAPH, type Block, type Element, type Node } from './sources/dom.js';

const SENTENCE_PUNCT = /[，。？！；：、,.?!;]/;

/**
 * A saved web page? A document that opens as one (doctype, <html>) always is. A loose tag near the
 * start counts only when the file is not named as plain text and markup makes up a real part of
 * the text: a transcript (.txt) that quotes "<div>" is text.
 */
export function looksLikeHtml(text: string, fileName = ''): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return true;
  if (/\.(txt|text|md|markdown)$/i.test(fileName)) return false;
  if (!/<(p|div|body|head|meta)[\s>]/i.test(head.slice(0, 512))) return false;
  const sample = text.slice(0, 20000);
  const tags = sample.match(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?>/gi) ?? [];
  return tags.length >= 5 || /<\/(p|div|body)>/i.test(sample);
}

function blockScore(b: Block): number {
  if (b.furniture) return 0;
  // Han characters, and Latin letters at a third of their weight (pages in other languages work too)
  const han = countHan(b.text) + (b.text.match(/[A-Za-z\u00c0-\u024f]/g)?.length ?? 0) / 3;
  if (!han) return 0;
  const linkShare = Math.min(1, b.linkChars / Math.max(1, b.text.trim().length));
  const prose = SENTENCE_PUNCT.test(b.text) ? 1 : 0.25;
  return han * prose * (1 - linkShare);
}

function parentElement(el: Element): Element | undefined {
  const p = el.parentNode as Node | null;
  return p && isElement(p) ? p : undefined;
}

/** Density scores of the elements holding text blocks, discounted by their share of link text. */
function scoreElements(blocks: Block[]): Map<Element, number> {
  const score = new Map<Element, number>();
  const add = (el: Element | undefined, s: number) => {
    if (el && s > 0) score.set(el, (score.get(el) ?? 0) + s);
  };
  for (const b of blocks) {
    const s = blockScore(b);
    if (!s) continue;
    const holder = PARAGRAPH.has(b.owner.tagName) ? parentElement(b.owner) ?? b.owner : b.owner;
    add(holder, s);
    add(parentElement(holder), s / 2);
  }
  // link density of every element (over the blocks inside it)
  const chars = new Map<Element, number>();
  const links = new Map<Element, number>();
  for (const b of blocks)
    for (let e: Element | undefined = b.owner; e; e = parentElement(e)) {
      chars.set(e, (chars.get(e) ?? 0) + b.text.trim().length);
      links.set(e, (links.get(e) ?? 0) + b.linkChars);
    }
  for (const [el, s] of score) score.set(el, s * (1 - Math.min(1, (links.get(el) ?? 0) / Math.max(1, chars.get(el) ?? 0))));
  return score;
}

/**
 * The elements holding the article: the best-scoring element, with those of its siblings that carry a
 * good share of prose too (an article cut in two by an advertisement or a photo block).
 */
export function findArticle(blocks: Block[]): Element[] {
  const score = scoreElements(blocks);
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, s] of score) if (s > bestScore) [best, bestScore] = [el, s];
  if (!best) return [];
  const parent = parentElement(best);
  if (!parent) return [best];
  const own = new Map<Element, number>();
  // a sibling's own prose: the blocks inside it, scored without the halving
  for (const b of blocks) {
    const s = blockScore(b);
    if (!s) continue;
    for (let e: Element | undefined = b.owner; e && e !== parent; e = parentElement(e)) if (parentElement(e) === parent) own.set(e, (own.get(e) ?? 0) + s);
  }
  const out: Element[] = [];
  for (const c of parent.childNodes as Node[]) {
    if (!isElement(c)) continue;
    if (c === best) out.push(c);
    else if (!isFurniture(c) && (own.get(c) ?? 0) >= 0.2 * (own.get(best) ?? bestScore) && (score.get(c) ?? own.get(c) ?? 0) > 0 && linkShare(c, blocks) < 0.25) out.push(c);
  }
  return out;
}

function linkShare(el: Element, blocks: Block[]): number {
  let chars = 0;
  let links = 0;
  for (const b of blocks)
    for (let e: Element | undefined = b.owner; e; e = parentElement(e))
      if (e === el) {
        chars += b.text.trim().length;
        links += b.linkChars;
        break;
      }
  return links / Math.max(1, chars);
}

export interface HtmlResult {
  lines: Line[];
  diags: Diagnostic[];
  /** the page's title (kept for callers of the old interface): page.title */
  title?: string;
  /** title, date and the evidence for them, read from the page itself */
  page: PageMeta;
}

export function extractHtml(html: string, file: string): HtmlResult {
  const doc = parse(html, { sourceCodeLocationInfo: true }) as unknown as Node;
  const diags: Diagnostic[] = [];
  const blocks = collectBlocks(doc);
  const parts = findArticle(blocks);
  const article = parts[0];
  const page = pageMeta(doc, article, blocks);
  const lines: Line[] = [];
  if (!article) {
    for (const b of blocks) diags.push(diag(file, b.src, 'html', 'info', 'page furniture (no article found on the page)', b.text.trim()));
    if (page.titleTag) diags.push(diag(file, page.titleTag.line, 'html', 'info', 'page <title> (used as metadata)', page.titleTag.text));
    return { lines, diags, title: page.title, page };
  }
  const inArticle = new Set(parts);
  const within = (b: Block) => {
    for (let e: Element | undefined = b.owner; e; e = parentElement(e)) if (inArticle.has(e)) return true;
    return false;
  };
  // the page's title element above the article opens the text (its date is the strongest evidence)
  const titleBlocks = page.titleElement ? blocks.filter((b) => !within(b) && inElement(b, page.titleElement!)) : [];
  if (titleBlocks.length) {
    lines.push({ text: titleBlocks.map((b) => b.text.trim()).join(''), src: titleBlocks[0]!.src });
    lines.push({ text: '', src: titleBlocks[0]!.src });
  }
  const used = new Set<Block>(titleBlocks);
  for (const b of blocks) {
    if (!within(b)) continue;
    used.add(b);
    if (b.furniture) {
      diags.push(diag(file, b.src, 'html', 'info', 'page furniture inside the article (share bar, related links, comments…)', b.text.trim()));
      continue;
    }
    lines.push({ text: b.text, src: b.src });
    lines.push({ text: '', src: b.src });
  }
  // every other piece of visible text is reported as removed, with its line
  for (const b of blocks) {
    if (used.has(b)) continue;
    const t = b.text.trim();
    if (t) diags.push(diag(file, b.src, 'html', 'info', b.furniture ? 'page furniture outside the article' : 'page text outside the article', t));
  }
  // the <title> is read for metadata, never printed: reported too so that Han characters are conserved
  if (page.titleTag) diags.push(diag(file, page.titleTag.line, 'html', 'info', 'page <title> (used as metadata)', page.titleTag.text));
  return { lines, diags, title: page.title, page };
}

function inElement(b: Block, el: Element): boolean {
  for (let e: Element | undefined = b.owner; e; e = parentElement(e)) if (e === el) return true;
  return false;
}
