/**
 * The DOM side of page reading (parse5 trees with source locations): text of elements, page furniture,
 * and the page cut into text blocks with their source lines. Used by html.ts (the article) and
 * page.ts (title and date).
 */
// @ts-nocheck

import type { DefaultTreeAdapterMap } from 'parse5';
import { isCjk } from '../text.js';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

/** Elements whose content is never text of the page. */
export const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'select', 'option', 'button', 'textarea', 'object', 'canvas']);
const FURNITURE_TAG = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu', 'dialog']);
const FURNITURE_ATTR =
  /(^|[\s_-])(nav|navbar|navigation|menu|footer|header|breadcrumbs?|crumbs?|sidebar|side|share|sharing|social|copyright|banner|toolbar|related|recommend|comments?|reply|topbar|bottom|ads?|advert|advertisement|sponsor|login|search|subscribe|newsletter|popup|modal|tags|pagination|pager)([\s_-]|$)/i;
const FURNITURE_ROLE = /^(navigation|banner|contentinfo|complementary|search|menu|menubar)$/i;
export const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'tr', 'table', 'tbody', 'thead', 'blockquote', 'pre', 'figure', 'figcaption', 'address', 'hr', 'center', 'body', 'html',
  ...FURNITURE_TAG,
]);
/** Block elements whose text is one paragraph: their score goes to the element holding them. */
export const PARAGRAPH = new Set(['p', 'li', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'figcaption', 'address']);

export function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function isFurniture(el: Element): boolean {
  if (FURNITURE_TAG.has(el.tagName)) return true;
  const role = attr(el, 'role');
  if (role && FURNITURE_ROLE.test(role)) return true;
  for (const a of el.attrs) if ((a.name === 'class' || a.name === 'id') && FURNITURE_ATTR.test(a.value)) return true;
  return false;
}

export function lineOf(n: Node): number {
  return (n as { sourceCodeLocation?: { startLine: number } | null }).sourceCodeLocation?.startLine ?? 1;
}

export function childrenOf(n: Node): Node[] {
  return 'childNodes' in n ? (n.childNodes as Node[]) : [];
}

/** A text node's value with source newlines removed (none between CJK characters, a space elsewhere). */
function inlineText(v: string): string {
  return v.replace(/[ \t]*[\r\n]+[ \t]*/g, (m, off: number) => {
    const before = v[off - 1];
    const after = v[off + m.length];
    return before === undefined || after === undefined || isCjk(before) || isCjk(after) ? '' : ' ';
  });
}

/** Plain text of an element (<br> and block boundaries as newlines), for titles and dates. */
export function textOf(n: Node): string {
  if (n.nodeName === '#text') return inlineText((n as DefaultTreeAdapterMap['textNode']).value);
  if (isElement(n)) {
    if (SKIP.has(n.tagName)) return '';
    if (n.tagName === 'br') return '\n';
  }
  let s = '';
  for (const c of childrenOf(n)) {
    const t = textOf(c);
    s += isElement(c) && BLOCK.has(c.tagName) ? '\n' + t + '\n' : t;
  }
  return s;
}

/** One run of text between block boundaries. */
export interface Block {
  text: string;
  src: number;
  /** the nearest block element holding the text */
  owner: Element;
  /** text nodes of the block (to mark them used) */
  nodes: Node[];
  /** characters inside <a> */
  linkChars: number;
  furniture: boolean;
}

/** Cut the page into blocks in document order. */
export function collectBlocks(root: Node): Block[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  const flush = () => {
    if (cur && cur.text.trim()) blocks.push(cur);
    cur = undefined;
  };
  const walk = (n: Node, owner: Element, furniture: boolean, link: boolean) => {
    if (n.nodeName === '#text') {
      const v = inlineText((n as DefaultTreeAdapterMap['textNode']).value);
      if (!v) return;
      if (!cur) cur = { text: '', src: lineOf(n), owner, nodes: [], linkChars: 0, furniture };
      if (!cur.text.trim() && v.trim()) cur.src = lineOf(n);
      cur.text += v;
      cur.nodes.push(n);
      if (link) cur.linkChars += v.trim().length;
      return;
    }
    if (!isElement(n)) {
      for (const c of childrenOf(n)) walk(c, owner, furniture, link);
      return;
    }
    if (SKIP.has(n.tagName)) return;
    if (n.tagName === 'br' || n.tagName === 'hr') {
      flush();
      return;
    }
    const block = BLOCK.has(n.tagName);
    const f = furniture || isFurniture(n);
    if (block) flush();
    for (const c of childrenOf(n)) walk(c, block ? n : owner, f, link || n.tagName === 'a');
    if (block) flush();
  };
  const top = (root as { childNodes?: Node[] }).childNodes ?? [];
  const html = top.find((c) => isElement(c) && c.tagName === 'html') as Element | undefined;
  for (const c of top) walk(c, html ?? (c as Element), false, false);
  flush();
  return blocks;
}

