/**
 * Where each printed paragraph comes from: the canonical Markdown parser's positions (mdast), kept
 * beside the Book (the model carries none) and put on the print HTML's <p> elements as
 * data-src-file / data-src-line by a hast transform, so a click on the preview names the line.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Root } from 'mdast';
import { parseMarkdownTree } from '../markdown/parse.js';
import type { Turn } from '../model/types.js';
import type { HastTransform } from '../ast/hast.js';

const TURNS = new Set(['opening', 'announcement', 'question', 'followup', 'answer', 'interjection', 'closing', 'narration']);

/** Per turn (in document order), the 1-based line of each paragraph. */
export function paragraphLines(text: string | Root): number[][] {
  const tree = typeof text === 'string' ? parseMarkdownTree(text) : text;
  const out: number[][] = [];
  for (const node of tree.children) {
    if (node.type !== 'containerDirective' || !TURNS.has((node as ContainerDirective).name)) continue;
    out.push((node as ContainerDirective).children.filter((c) => c.type === 'paragraph').map((c) => c.position?.start.line ?? 0));
  }
  return out;
}

/** Turn → its file and paragraph lines (the turns of the events the preview holds). */
export type TurnPositions = WeakMap<Turn, { file: string; lines: number[] }>;

export function positionTransform(positions: TurnPositions): HastTransform {
  return (tree, turn) => {
    const at = positions.get(turn);
    if (!at) return;
    let i = 0;
    for (const c of tree.children) {
      if (c.type !== 'element' || c.tagName !== 'p') continue;
      const line = at.lines[i++];
      if (!line) continue;
      c.properties = { ...c.properties, dataSrcFile: at.file, dataSrcLine: String(line) };
    }
  };
}
