/**
 * Model → hast. Renderers never build markup by string concatenation: paragraphs become hast
 * elements, transforms (annotations, typesetting tweaks) run on the tree, and hast-util-to-html
 * serializes (HTML for print, XHTML for EPUB).
 */
// @ts-nocheck

import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root } from 'hast';
import type { Turn } from '../model/types.js';

export type HastTransform = (tree: Root, turn: Turn) => void;

export function turnToHast(turn: Turn, transforms: HastTransform[] = []): Root {
  const tree: Root = { type: 'root', children: turn.paragraphs.map((p, i) => h('p', { dataPara: String(i + 1) }, p) as Element) };
  for (const t of transforms) t(tree, turn);
  return tree;
}

export function hastToHtml(tree: Root, xhtml = false): string {
  return toHtml(tree, xhtml ? { space: 'html', closeSelfClosing: true, allowDangerousCharacters: true, characterReferences: { useNamedReferences: false } } : {});
}

export function turnHtml(turn: Turn, transforms: HastTransform[] = [], xhtml = false): string {
  return hastToHtml(turnToHast(turn, transforms), xhtml);
}
