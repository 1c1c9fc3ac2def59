/**
 * One pdfjs-dist parse per PDF for the readers in tests/helpers/pdf.ts, tests/pdf/read.ts and
 * tests/pdf/glyphs.ts: the document is opened once for the same bytes (keyed by their hash, so a file
 * read again from disk is the same PDF), and each page's text content and operator list are computed
 * once, however many of those readers a test file runs on it. Parsing a PDF's embedded CJK fonts is
 * most of the cost of reading it back (the example's book was parsed five times by tests/pdf/book.test.ts).
 *
 * The readers only read what pdfjs returns (they build their own arrays from it). Test files share
 * their worker's modules (vitest.config.ts), so the last few documents stay open for the next file;
 * older ones are destroyed.
 */
import { createHash } from 'node:crypto';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';

type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;
type OperatorList = Awaited<ReturnType<PDFPageProxy['getOperatorList']>>;

interface Parsed {
  doc: Promise<PDFDocumentProxy>;
  pages: Map<number, Promise<PDFPageProxy>>;
  text: Map<number, Promise<TextContent>>;
  ops: Map<number, Promise<OperatorList>>;
}

/** documents kept open (least recently used first) */
const KEEP = 6;
const open = new Map<string, Parsed>();

/** The parsed document of these bytes (opened once). */
function parsed(bytes: Uint8Array): Parsed {
  const key = createHash('sha256').update(bytes).digest('hex');
  let p = open.get(key);
  if (p) {
    open.delete(key);
    open.set(key, p);
    return p;
  }
  p = {
    doc: getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise,
    pages: new Map(),
    text: new Map(),
    ops: new Map(),
  };
  open.set(key, p);
  while (open.size > KEEP) {
    const [oldKey, old] = open.entries().next().value as [string, Parsed];
    open.delete(oldKey);
    old.doc.then((d) => d.destroy()).catch(() => undefined);
  }
  return p;
}

const memo = <T>(m: Map<number, Promise<T>>, i: number, make: () => Promise<T>): Promise<T> => {
  let v = m.get(i);
  if (!v) m.set(i, (v = make()));
  return v;
};

export interface PdfjsPdf {
  doc: PDFDocumentProxy;
  numPages: number;
  /** page `i` (1-based) */
  page(i: number): Promise<PDFPageProxy>;
  /** page `i`'s text content (pdfjs getTextContent(), default options) */
  textContent(i: number): Promise<TextContent>;
  /** page `i`'s operator list (pdfjs getOperatorList(), default intent) */
  operatorList(i: number): Promise<OperatorList>;
}

/** The PDF as pdfjs reads it; do not destroy `doc` (it is shared). */
export async function pdfjsPdf(bytes: Uint8Array): Promise<PdfjsPdf> {
  const p = parsed(bytes);
  const doc = await p.doc;
  const page = (i: number) => memo(p.pages, i, () => doc.getPage(i));
  return {
    doc,
    numPages: doc.numPages,
    page,
    textContent: (i) => memo(p.text, i, async () => (await page(i)).getTextContent()),
    operatorList: (i) => memo(p.ops, i, async () => (await page(i)).getOperatorList()),
  };
}
