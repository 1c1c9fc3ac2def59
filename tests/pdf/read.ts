/**
 * Reading a finished PDF the way a reader's viewer does, with pdfjs-dist only (independent of the
 * pdf-lib code that wrote it): text items with positions, lines, link annotations and where they
 * land, page labels, outline.
 */
import { pdfjsPdf } from '../helpers/pdfjs.js';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

export interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
  font: string;
}
export interface Link {
  page: number;
  rect: [number, number, number, number];
  dest: string;
  /** page index the destination resolves to, and its /XYZ top */
  target: number;
  top: number;
}
export interface OutlineItem {
  title: string;
  target: number;
  items: OutlineItem[];
}
export interface ReadPdf {
  numPages: number;
  size: { width: number; height: number }[];
  items: Item[][];
  labels: string[] | null;
  links: Link[];
  outline: OutlineItem[];
  info: Record<string, unknown>;
}

async function resolveDest(doc: PDFDocumentProxy, dest: unknown): Promise<{ target: number; top: number }> {
  const arr = (typeof dest === 'string' ? await doc.getDestination(dest) : dest) as unknown[] | null;
  if (!arr) return { target: -1, top: NaN };
  const ref = arr[0] as { num: number; gen: number };
  const target = await doc.getPageIndex(ref);
  return { target, top: Number(arr[3]) };
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await pdfjsPdf(bytes);
  const doc = pdf.doc;
  const items: Item[][] = [];
  const links: Link[] = [];
  const size: ReadPdf['size'] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await pdf.page(i);
    const vp = page.getViewport({ scale: 1 });
    size.push({ width: vp.width, height: vp.height });
    const tc = await pdf.textContent(i);
    items.push(
      tc.items
        .filter((it): it is typeof it & { str: string; transform: number[]; width: number; height: number; fontName: string } => 'str' in it)
        .map((it) => ({ str: it.str, x: it.transform[4]!, y: it.transform[5]!, w: it.width, h: it.height, font: it.fontName })),
    );
    for (const a of await page.getAnnotations()) {
      if (a.subtype !== 'Link' || !a.dest) continue;
      const { target, top } = await resolveDest(doc, a.dest);
      links.push({ page: i - 1, rect: a.rect as Link['rect'], dest: typeof a.dest === 'string' ? a.dest : JSON.stringify(a.dest), target, top });
    }
  }
  const walk = async (nodes: { title: string; dest: unknown; items: unknown[] }[] | null): Promise<OutlineItem[]> => {
    const out: OutlineItem[] = [];
    for (const n of nodes ?? []) out.push({ title: n.title, target: n.dest ? (await resolveDest(doc, n.dest)).target : -1, items: await walk(n.items as never) });
    return out;
  };
  const outline = await walk((await doc.getOutline()) as never);
  const labels = await doc.getPageLabels();
  const info = ((await doc.getMetadata()).info ?? {}) as Record<string, unknown>;
  return { numPages: items.length, size, items, labels, links, outline, info };
}

/** Lines of a page: items grouped by baseline (within 1.5 pt), top to bottom, each sorted left to right. */
export function lines(items: Item[]): { y: number; text: string; items: Item[] }[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const out: { y: number; text: string; items: Item[] }[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - it.y) <= 1.5) last.items.push(it);
    else out.push({ y: it.y, text: '', items: [it] });
  }
  for (const l of out) {
    l.items.sort((a, b) => a.x - b.x);
    l.text = l.items.map((i) => i.str).join('');
  }
  return out;
}

/** Text items lying inside a rectangle [x1 y1 x2 y2] (PDF units). */
export function itemsIn(items: Item[], r: [number, number, number, number]): Item[] {
  const [x1, y1, x2, y2] = r;
  return items.filter((i) => i.x >= x1 - 1 && i.x + i.w <= x2 + 1 && i.y >= y1 - 1 && i.y <= y2 + 1);
}
