/** A small read-only XML tree for tests (htmlparser2 in XML mode: names keep their case and prefix). */
import { parseDocument as parse } from 'htmlparser2';

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  parent?: XNode;
  text(): string;
  find(pred: (n: XNode) => boolean): XNode | undefined;
  findAll(pred: (n: XNode) => boolean): XNode[];
}

interface DomLike {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
  children?: DomLike[];
}

function textOf(d: DomLike): string {
  if (d.type === 'text' || d.type === 'cdata') return d.data ?? (d.children ?? []).map(textOf).join('');
  return (d.children ?? []).map(textOf).join('');
}

function convert(d: DomLike, parent?: XNode): XNode {
  const node: XNode = {
    name: d.name ?? '#document',
    attrs: d.attribs ?? {},
    children: [],
    parent,
    text: () => textOf(d),
    find(pred) {
      for (const c of node.children) {
        if (pred(c)) return c;
        const r = c.find(pred);
        if (r) return r;
      }
      return undefined;
    },
    findAll(pred) {
      const out: XNode[] = [];
      const walk = (n: XNode) => {
        for (const c of n.children) {
          if (pred(c)) out.push(c);
          walk(c);
        }
      };
      walk(node);
      return out;
    },
  };
  node.children = (d.children ?? []).filter((c) => c.type === 'tag' || c.type === 'script' || c.type === 'style').map((c) => convert(c, node));
  return node;
}

/** Parse an XML document (throws nothing: htmlparser2 is lenient; validity is EPUBCheck's job). */
export function parseDocument(xml: string): XNode {
  return convert(parse(xml, { xmlMode: true }) as unknown as DomLike);
}
