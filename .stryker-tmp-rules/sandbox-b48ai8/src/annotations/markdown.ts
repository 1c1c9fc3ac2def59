/** A note's Markdown body → hast (remark-parse + remark-rehype; raw HTML is dropped, never passed through). */
// @ts-nocheck

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import type { Element, ElementContent, Root } from 'hast';

const processor = unified().use(remarkParse).use(remarkRehype);

const cache = new Map<string, ElementContent[]>();

function clone<T>(x: T): T {
  return structuredClone(x);
}

/** Block-level hast for a note (paragraphs, lists, emphasis, links, code). Whitespace-only text between blocks is removed. */
export function noteBlocks(markdown: string): ElementContent[] {
  let hit = cache.get(markdown);
  if (!hit) {
    const tree = processor.runSync(processor.parse(markdown)) as Root;
    hit = tree.children.filter((c): c is ElementContent => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''));
    cache.set(markdown, hit);
  }
  return clone(hit);
}

const BLOCKS = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'hr', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'div']);

/**
 * The same note as phrasing content (it has to sit inside a paragraph, next to its quote): block
 * elements become `span.nb-<tag>` (styled display:block by the theme); links become plain text
 * followed by the address, since the note itself is a link in print.
 */
export function noteInline(markdown: string): ElementContent[] {
  const walk = (nodes: ElementContent[]): ElementContent[] =>
    nodes.flatMap((n): ElementContent[] => {
      if (n.type !== 'element') return n.type === 'text' && n.value === '\n' ? [] : [n];
      const children = walk(n.children);
      if (n.tagName === 'a') {
        const href = String(n.properties?.href ?? '');
        const textOf = (c: ElementContent[]): string => c.map((x) => (x.type === 'text' ? x.value : x.type === 'element' ? textOf(x.children) : '')).join('');
        const label = textOf(children);
        return [{ type: 'element', tagName: 'span', properties: { className: ['nb-a'] }, children: [...children, ...(href && href !== label ? [{ type: 'text' as const, value: `（${href}）` }] : [])] }];
      }
      if (BLOCKS.has(n.tagName)) return [{ type: 'element', tagName: 'span', properties: { className: [`nb-${n.tagName}`] }, children } satisfies Element];
      return [{ ...n, children }];
    });
  return walk(noteBlocks(markdown));
}

/** Plain text of a note (for font subsetting and tests). */
export function noteText(markdown: string): string {
  const walk = (nodes: ElementContent[]): string => nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? walk(n.children) + (BLOCKS.has(n.tagName) ? '\n' : '') : '')).join('');
  return walk(noteBlocks(markdown)).trim();
}
