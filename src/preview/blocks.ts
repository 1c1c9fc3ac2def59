/**
 * The canonical Markdown of a conference parsed again piece by piece after a hand edit: the text is cut
 * after each turn's closing fence (":::" closing a top-level ":::kind{…}" container), each piece is
 * parsed by the same parser (markdown/parse.ts) once and kept by its text, and the pieces' trees are
 * joined with their positions moved to where the piece starts. A one-paragraph edit parses one turn.
 *
 * A closed top-level container leaves the parser with nothing open, so the joined tree is the tree of
 * the whole text — as long as nothing can reach across a cut: a text with raw HTML ("<"), a link
 * definition ("]:"), a fenced code block, a nested or unclosed container (or a fence of another length inside one), a stray fence
 * CR line ends, or a piece that would open with a front matter fence is parsed whole (as is any text that cannot be cut: the parser's own error then).
 */
import type { Root, RootContent } from 'mdast';
import { parseMarkdownTree } from '../markdown/parse.js';

const OPEN = /^(:{3,})[A-Za-z][\w-]*(\{.*\})?[ \t]*$/;
const CLOSE = /^(:{3,})[ \t]*$/;
const UNSAFE = /<|\]:|```|~~~|\r/;

/** The pieces of a text (each a run of whole lines ending after a top-level closing fence), or undefined when it cannot be cut safely. */
export function pieces(text: string): string[] | undefined {
  if (UNSAFE.test(text)) return undefined;
  const out: string[] = [];
  /** the open container's fence (":::" or "::::"), '' at the top level */
  let fence = '';
  let start = 0;
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(at, nl < 0 ? text.length : nl);
    if (/^\s{0,3}:::/.test(line)) {
      const open = OPEN.exec(line);
      const close = CLOSE.exec(line);
      if (open && !fence) fence = open[1]!;
      else if (close && close[1] === fence) {
        fence = '';
        out.push(text.slice(start, end));
        start = end;
      } else return undefined;
    }
    at = end;
  }
  if (fence) return undefined;
  if (start < text.length) out.push(text.slice(start));
  return out;
}

interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** A copy of a piece's nodes with every position moved by `lines` lines and `chars` characters. */
function moved(nodes: RootContent[], lines: number, chars: number): RootContent[] {
  const copy = structuredClone(nodes);
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    const o = n as { position?: { start: Point; end: Point }; children?: unknown[] };
    if (o.position)
      for (const p of [o.position.start, o.position.end]) {
        p.line += lines;
        if (p.offset !== undefined) p.offset += chars;
      }
    if (o.children) walk(o.children);
  };
  walk(copy);
  return copy;
}

/** Parses of one file's pieces, kept from one edit to the next. */
export class BlockParser {
  private kept = new Map<string, Map<string, Root>>();
  /** pieces parsed by the last call (the others were reused) */
  lastParsed = 0;

  /** The tree of `text` (the file at `path`), equal to `parseMarkdownTree(text)`. */
  parse(path: string, text: string): Root {
    const parts = pieces(text);
    // a piece starting with "---" would be read as front matter: not cut then
    if (!parts || parts.length < 2 || parts.slice(1).some((p) => /^(---|\+\+\+)/.test(p))) {
      this.kept.delete(path);
      this.lastParsed = 1;
      return parseMarkdownTree(text);
    }
    const before = this.kept.get(path) ?? new Map<string, Root>();
    const now = new Map<string, Root>();
    const children: RootContent[] = [];
    let lines = 0;
    let chars = 0;
    this.lastParsed = 0;
    for (const p of parts) {
      let tree = now.get(p) ?? before.get(p);
      if (!tree) {
        tree = parseMarkdownTree(p);
        this.lastParsed++;
      }
      now.set(p, tree);
      children.push(...(lines === 0 && chars === 0 ? structuredClone(tree.children) : moved(tree.children, lines, chars)));
      for (let i = p.indexOf('\n'); i >= 0; i = p.indexOf('\n', i + 1)) lines++;
      chars += p.length;
    }
    this.kept.set(path, now);
    const last = text.lastIndexOf('\n');
    const end: Point = { line: lines + 1, column: text.length - last, offset: text.length };
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
  }

  forget(path: string) {
    this.kept.delete(path);
  }
}
