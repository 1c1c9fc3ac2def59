/**
 * Chromium's PDF opened lazily and finished with an incremental update (src/render/shared/pdf-incremental.ts):
 * only the objects looked up are parsed, the original bytes stay as they were (but for the superseded
 * dates), changed and new objects are appended with a cross-reference section pointing back, and
 * pdf-lib and pdfjs read the result as the changed document. Files of another structure fall back to
 * a full load. No browser: PDFs made with pdf-lib.
 */
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { openIncremental, openPdf, peekObject } from '../../src/render/shared/pdf-incremental.js';
import { PDFDict as Dict, PDFDocument as Doc, PDFName as Name } from '../../src/render/shared/pdflib.js';
import { nameText } from '../../src/render/shared/pdf-read.js';
import { pdfPagesText } from '../helpers/pdf.js';

/** A plain PDF with a classic cross-reference table and an information dictionary dated `date`. */
async function original(pages = 3, date = new Date('2026-11-22T08:41:35Z')) {
  const d = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) d.addPage([420, 595]);
  d.setTitle('Chromium title');
  d.setCreationDate(date);
  d.setModificationDate(date);
  return d.save({ useObjectStreams: false });
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('incremental update of a printed PDF', () => {
  it('parses only what is looked up and appends only what changed', async () => {
    const bytes = await original(40);
    const inc = openIncremental(bytes)!;
    expect(inc).toBeDefined();
    expect(inc.doc.getPageCount()).toBe(40);
    const parsedPages = inc.parsed();
    // catalog, page tree and pages; no content streams
    expect(parsedPages).toBeLessThan(45);
    inc.doc.setTitle('Finished');
    inc.doc.catalog.set(Name.of('PageMode'), Name.of('UseOutlines'));
    const out = await inc.save();
    // the original bytes come first, unchanged but for the superseded dates
    const head = out.subarray(0, bytes.length);
    const differ = [...head].filter((b, i) => b !== bytes[i]).length;
    expect(differ).toBeLessThanOrEqual(2 * 14);
    expect(latin1(out.subarray(bytes.length))).toMatch(/\/Prev \d+/);
    // two objects rewritten (catalog, information dictionary): nothing else
    expect(latin1(out.subarray(bytes.length)).match(/ 0 obj\n/g)).toHaveLength(2);
    const back = await PDFDocument.load(out, { updateMetadata: false });
    expect(back.getTitle()).toBe('Finished');
    expect(back.getPageCount()).toBe(40);
    expect(back.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('peeks at an object without keeping it: not parsed into the document, not in the update', async () => {
    const bytes = await original(3);
    const inc = openIncremental(bytes)!;
    const pages = inc.doc.getPages();
    const before = inc.parsed();
    // the information dictionary, peeked: read as it is in the file, not kept
    const infoRef = inc.doc.context.trailerInfo.Info as Parameters<typeof peekObject>[1];
    const info = peekObject(inc.doc.context, infoRef);
    expect(info).toBeInstanceOf(Dict);
    expect(inc.parsed()).toBe(before);
    // changes to a peeked object are not the document's: a later lookup parses the file's again
    (info as PDFDict).set(Name.of('Title'), Name.of('Peeked'));
    expect(inc.doc.getTitle()).toBe('Chromium title');
    expect(inc.parsed()).toBe(before + 1);
    // an object the document holds is returned as it is (with its changes)
    const page = pages[1]!;
    expect(peekObject(inc.doc.context, page.ref)).toBe(page.node);
    // nothing changed: the update holds no object
    const out = await inc.save();
    expect(latin1(out.subarray(bytes.length)).match(/ 0 obj\n/g)).toBeNull();
    // a document loaded whole: the context's own object
    const full = await Doc.load(bytes, { updateMetadata: false });
    expect(peekObject(full.context, full.getPages()[0]!.ref)).toBe(full.getPages()[0]!.node);
  });

  it('keeps no trace of the original dates: the same file whenever it was printed', async () => {
    const finish = async (date: Date) => {
      const inc = openIncremental(await original(2, date))!;
      inc.doc.setCreationDate(new Date('2023-11-14T22:13:20Z'));
      inc.doc.setModificationDate(new Date('2023-11-14T22:13:20Z'));
      return inc.save();
    };
    const [a, b] = await Promise.all([finish(new Date('2026-11-22T08:41:35Z')), finish(new Date('2027-01-02T03:04:05Z'))]);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(latin1(a)).not.toContain('2026112208');
  });

  it('draws on pages: a new content stream and font reach pdfjs', async () => {
    const bytes = await original(2);
    const { doc, save, incremental } = await openPdf(bytes);
    expect(incremental).toBe(true);
    const font = await doc.embedFont('Helvetica');
    doc.getPage(1).drawText('appended page text', { x: 50, y: 500, size: 12, font });
    const out = await save();
    const text = await pdfPagesText(out);
    expect(text[1]).toContain('appended page text');
    expect(text[0]).not.toContain('appended');
    // the font pdf-lib embeds on save is written too
    const back = await PDFDocument.load(out);
    const fonts = back.getPage(1).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const ref = fonts.values()[0]!;
    expect(String(back.context.lookup(ref, PDFDict).get(PDFName.of('BaseFont')))).toBe('/Helvetica');
  });

  it('falls back to a full load for a file with a cross-reference stream', async () => {
    const d = await PDFDocument.create();
    d.addPage();
    d.setTitle('streams');
    const streams = await d.save({ useObjectStreams: true });
    expect(openIncremental(streams)).toBeUndefined();
    const f = await openPdf(streams);
    expect(f.incremental).toBe(false);
    expect(f.doc.getPageCount()).toBe(1);
    // a hybrid file (a table and a cross-reference stream): not read lazily
    const table = Buffer.from(await original(1));
    const hybrid = Buffer.from(table.toString('latin1').replace(/trailer\n<<\n/, 'trailer\n<<\n/XRefStm 9\n'), 'latin1');
    expect(openIncremental(hybrid)).toBeUndefined();
  });

  it('reads destination names as pdf-lib decodes them', () => {
    for (const t of ['2019-03-12-07', 'toc', 'a b#c', '中文 标题', 'x/y(z)[1]', '%41', 'é', 'q#23', '']) {
      const n = Name.of(t);
      expect(nameText(n), t).toBe(n.decodeText());
    }
  });
});

describe('an update of an updated file', () => {
  it('reads the newest version of each object through the /Prev chain, and updates it again', async () => {
    const bytes = await original(5);
    const a = openIncremental(bytes)!;
    a.doc.setTitle('First update');
    a.doc.removePage(4);
    const once = await a.save();
    const b = openIncremental(once)!;
    expect(b).toBeDefined();
    expect(b.doc.getTitle()).toBe('First update');
    expect(b.doc.getPageCount()).toBe(4);
    b.doc.setTitle('Second update');
    const twice = await b.save();
    // two /Prev pointers back, each to the table before
    expect(latin1(twice).match(/\/Prev \d+/g)).toHaveLength(2);
    const c = openIncremental(twice)!;
    expect(c.doc.getTitle()).toBe('Second update');
    expect(c.doc.getPageCount()).toBe(4);
    const full = await PDFDocument.load(twice, { updateMetadata: false });
    expect(full.getTitle()).toBe('Second update');
    expect(full.getPageCount()).toBe(4);
    expect((await pdfPagesText(twice)).length).toBe(4);
  });
});
