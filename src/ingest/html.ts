/**
 * HTML article extraction (a saved ministry press-conference page): the article is the element
 * whose <p> children hold the most Han text; navigation, header, footer, scripts and everything
 * else around it are dropped and reported with their source lines.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Diagnostic } from './message.js';
import type { Line } from './text.js';
import { countHan, diag } from './text.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head']);
const FURNITURE_TAG = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);
const FURNITURE_ATTR = /(^|[\s_-])(nav|navbar|menu|footer|header|breadcrumb|crumb|sidebar|share|copyright|banner|toolbar|related|comment|topbar|bottom)([\s_-]|$)/i;
const BLOCK = new Set(['p', 'div', 'section', 'article', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'tr', 'table', 'ul', 'ol', 'blockquote', 'br', 'main']);

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(p|div|body|head|meta)[\s>]/i.test(head.slice(0, 512));
}

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function isFurniture(el: Element): boolean {
  if (FURNITURE_TAG.has(el.tagName)) return true;
  for (const a of el.attrs) if ((a.name === 'class' || a.name === 'id' || a.name === 'role') && FURNITURE_ATTR.test(a.value)) return true;
  return false;
}

/** text of a node with <br> and block boundaries as newlines */
function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value.replace(/[\r\n]+/g, '');
  if (!isElement(n) && n.nodeName !== '#document-fragment') return '';
  if (isElement(n)) {
    if (SKIP.has(n.tagName)) return '';
    if (n.tagName === 'br') return '\n';
  }
  let s = '';
  const kids = 'childNodes' in n ? (n.childNodes as Node[]) : [];
  for (const c of kids) {
    const t = textOf(c);
    if (isElement(c) && BLOCK.has(c.tagName) && c.tagName !== 'br') s += '\n' + t + '\n';
    else s += t;
  }
  return s;
}

function lineOf(n: Node): number {
  return (n as { sourceCodeLocation?: { startLine: number } }).sourceCodeLocation?.startLine ?? 1;
}

export interface HtmlResult {
  lines: Line[];
  diags: Diagnostic[];
  title?: string;
}

export function extractHtml(html: string, file: string): HtmlResult {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const diags: Diagnostic[] = [];
  // score the parents of <p> elements by Han characters, skipping furniture
  const score = new Map<Element, number>();
  let title: string | undefined;
  const walk = (n: Node, furniture: boolean) => {
    if (!isElement(n)) {
      if ('childNodes' in n) for (const c of n.childNodes as Node[]) walk(c, furniture);
      return;
    }
    if (n.tagName === 'title') title = textOf({ ...n, tagName: 'div' } as Element).trim();
    if (SKIP.has(n.tagName)) return;
    const f = furniture || isFurniture(n);
    if (n.tagName === 'p' && !f && n.parentNode && isElement(n.parentNode as Node)) {
      const parent = n.parentNode as Element;
      score.set(parent, (score.get(parent) ?? 0) + countHan(textOf(n)));
    }
    for (const c of n.childNodes as Node[]) walk(c, f);
  };
  walk(doc as unknown as Node, false);
  let article: Element | undefined;
  let best = 0;
  for (const [el, s] of score) if (s > best) [article, best] = [el, s];
  const lines: Line[] = [];
  // the page heading (h1/h2 with Han) just before the article counts as a title line
  if (!article) return { lines, diags, title };
  const inArticle = new Set<Node>();
  const mark = (n: Node) => {
    inArticle.add(n);
    if ('childNodes' in n) for (const c of n.childNodes as Node[]) mark(c);
  };
  mark(article);
  let heading: Element | undefined;
  const findHeading = (n: Node): boolean => {
    if (n === article) return true; // stop: headings after the article start do not count
    if (isElement(n) && /^h[12]$/.test(n.tagName) && !SKIP.has(n.tagName) && countHan(textOf(n)) > 0) heading = n;
    if ('childNodes' in n) for (const c of n.childNodes as Node[]) if (findHeading(c)) return true;
    return false;
  };
  findHeading(doc as unknown as Node);
  if (heading) {
    for (const t of textOf(heading).split('\n')) if (t.trim()) lines.push({ text: t, src: lineOf(heading) });
    lines.push({ text: '', src: lineOf(heading) });
    mark(heading);
  }
  for (const c of article.childNodes as Node[]) {
    const t = textOf(c);
    const src = lineOf(c);
    const parts = t.split('\n');
    let any = false;
    for (const part of parts) if (part.replace(/[\s\u00a0\u3000]/g, '') !== '') {
      lines.push({ text: part, src });
      any = true;
    }
    if (any) lines.push({ text: '', src });
  }
  // report every other piece of visible text as removed furniture
  const report = (n: Node, skipped: boolean) => {
    if (inArticle.has(n)) return;
    if (n.nodeName === '#text') {
      const v = (n as DefaultTreeAdapterMap['textNode']).value.trim();
      if (v && !skipped) diags.push(diag(file, lineOf(n), 'html', 'info', 'page furniture outside the article', v));
      return;
    }
    if (isElement(n) && (n.tagName === 'script' || n.tagName === 'style' || n.tagName === 'noscript' || n.tagName === 'template')) return;
    const isTitle = isElement(n) && n.tagName === 'title';
    if ('childNodes' in n) for (const c of n.childNodes as Node[]) report(c, skipped || false);
    if (isTitle) return;
  };
  report(doc as unknown as Node, false);
  return { lines, diags, title };
}
