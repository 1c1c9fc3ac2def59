import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { VFile } from 'vfile';
import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { EventMeta, Highlight, PressEvent, Turn, TurnKind } from '../model/types.js';
import { PressbookError } from '../errors.js';

const TURN_KINDS = new Set<TurnKind>(['opening', 'question', 'answer', 'closing', 'narration']);

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective);

export function parseMarkdownTree(text: string): Root {
  return processor.parse(text) as Root;
}

function paragraphsOf(node: ContainerDirective, file: VFile): string[] {
  const out: string[] = [];
  for (const child of node.children) {
    if (child.type === 'paragraph') {
      // a paragraph is one logical line; soft breaks inside come from hand edits and are joined
      out.push(toString(child).replace(/\n+/g, ''));
    } else file.message(`unexpected ${child.type} inside :::${node.name}`, child.position);
  }
  return out;
}

/**
 * Canonical Markdown → PressEvent. Problems are vfile messages with line/column; fatal ones throw a
 * PressbookError naming file and line.
 */
export function parseEventMarkdown(text: string, path = 'event.md'): { event: PressEvent; file: VFile } {
  const file = new VFile({ path, value: text });
  const tree = parseMarkdownTree(text);
  let meta: EventMeta | undefined;
  const turns: Turn[] = [];
  const highlights: Highlight[] = [];
  const fail = (msg: string, node?: RootContent) => {
    const line = node?.position?.start.line;
    throw new PressbookError(`${path}${line ? ':' + line : ''}: ${msg}`, { file: path, line });
  };
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      const fm = parseYaml(node.value) as Record<string, unknown>;
      if (!fm || typeof fm !== 'object') fail('front matter is not a YAML mapping', node);
      for (const key of ['id', 'date', 'year', 'title']) if (fm[key] === undefined) fail(`front matter lacks "${key}"`, node);
      meta = {
        id: String(fm.id),
        date: String(fm.date),
        year: Number(fm.year),
        title: String(fm.title),
        session: fm.session as string | undefined,
        venue: fm.venue as string | undefined,
        speaker: fm.speaker as string | undefined,
        duration: fm.duration as string | undefined,
        headline: fm.headline as string | undefined,
        language: String(fm.language ?? 'zh-CN'),
        sources: (fm.sources as EventMeta['sources']) ?? [],
        hash: fm.hash as string | undefined,
      };
      for (const k of Object.keys(meta) as (keyof EventMeta)[]) if (meta[k] === undefined) delete meta[k];
    } else if (node.type === 'heading' && node.depth === 1) {
      // the title heading mirrors the front matter; the front matter wins
    } else if (node.type === 'containerDirective') {
      const a = node.attributes ?? {};
      if (node.name === 'highlights') {
        for (const list of node.children) {
          if (list.type !== 'list') { file.message('highlights hold a bullet list only', list.position); continue; }
          for (const item of list.children) highlights.push({ text: toString(item).replace(/\n+/g, ''), source: a.source ?? '' });
        }
      } else if (TURN_KINDS.has(node.name as TurnKind)) {
        const kind = node.name as TurnKind;
        const turn: Turn = { kind, paragraphs: paragraphsOf(node, file) };
        if (a.speaker) turn.speaker = a.speaker;
        if (kind === 'question') {
          if (!a.id) fail(':::question needs an id, e.g. {#2021-07}', node);
          turn.question = {
            id: a.id!,
            seq: Number(a.seq ?? turns.filter((t) => t.kind === 'question').length + 1),
            label: a.label ?? '',
            outlet: a.outlet ?? a.label ?? '',
            title: a.title ?? '',
            topics: (a.topics ?? '').split(/\s+/).filter(Boolean),
          };
        }
        turns.push(turn);
      } else fail(`unknown block ":::${node.name}" (expected opening, question, answer, closing, narration or highlights)`, node);
    } else if (node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())) {
      // comments are allowed for editors
    } else {
      fail(`text outside a turn block (${node.type}); wrap it in :::narration … ::: or a turn`, node);
    }
  }
  if (!meta) throw new PressbookError(`${path}:1: missing YAML front matter`, { file: path, line: 1 });
  return { event: { meta, turns, highlights }, file };
}
