/**
 * The EPUB of the bundled seeds, opened as a reader would: unzip it, read the OPF, the nav, the NCX and
 * the pages, check navigation, index, language, cover, metadata, fonts and reproducibility, and run both
 * validators (Java EPUBCheck when present — required under CI — and @likecoin/epubcheck-ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleBook } from '../helpers/example.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { parseDocument } from './xml.js';
import type { XNode } from './xml.js';
import fontkit from '@pdf-lib/fontkit';
import { EpubCheck } from '@likecoin/epubcheck-ts';
import { loadConfig } from '../../src/config/load.js';
import { renderEpub, uuidFromId, pageText, type EpubResult } from '../../src/render/epub/epub.js';
import { questionsOf, type Book } from '../../src/model/types.js';
import { anchorForQuestion } from '../../src/render/shared/viewmodel.js';
import { javaEpubcheck, type JavaCheck } from '../helpers/epubcheck.js';
import { resolveBrowser } from '../../src/browser/resolve.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'npc-foreign-press');
const EPOCH = '1700000000';

let tmp: string;
let book: Book;
let plain: { file: string; r: EpubResult; zip: JSZip };
let embedded: { file: string; r: EpubResult; zip: JSZip };
let embeddedAgain: { file: string; r: EpubResult; zip: JSZip };

const text = async (zip: JSZip, path: string) => {
  const f = zip.file(path);
  if (!f) throw new Error(`${path} is not in the EPUB`);
  return f.async('string');
};
const attr = (n: XNode, name: string) => n.attrs[name];
const types = (n: XNode) => (n.attrs['epub:type'] ?? '').split(/\s+/).filter(Boolean);
/** direct child elements named `tag` */
const kids = (n: XNode, tag: string) => n.children.filter((c) => c.name === tag);
/** the <li> children of the single <ol> under `n`: asserted, so that a flat nav fails with a message, not a TypeError */
function list(n: XNode, what: string): XNode[] {
  const ols = kids(n, 'ol');
  expect(ols.length, `${what}: no nested <ol> (the nav is flat)`).toBe(1);
  const lis = kids(ols[0]!, 'li');
  expect(lis.length, `${what}: an empty <ol>`).toBeGreaterThan(0);
  return lis;
}
const allQuestionAnchors = () => book.events.flatMap((e) => questionsOf(e).map((t) => anchorForQuestion(t.question!.id)));

async function build(out: string, opts: { embedFont?: boolean; cacheDir?: string; pageList?: { labels: Map<string, string>; source: string } }) {
  const config = loadConfig(EXAMPLE);
  if (!book) book = exampleBook(config);
  const file = join(out, 'book.epub');
  const r = await renderEpub(book, file, { ...opts, env: { SOURCE_DATE_EPOCH: EPOCH } });
  return { file, r, zip: await JSZip.loadAsync(readFileSync(file)) };
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'pressbook-epub-test-'));
  plain = await build(join(tmp, 'plain'), { cacheDir: join(tmp, 'cache') });
  // a fresh cache: the first embedded build subsets the font, the second must reuse it
  // the validators and Ace see a page-list too: print pages as a PDF would give them (two anchors a page)
  const order = exampleBook().events.flatMap((e) => [`ev-${e.meta.id}`, ...questionsOf(e).map((t) => anchorForQuestion(t.question!.id))]);
  const pageList = { labels: new Map(order.map((a, i) => [a, String(1 + Math.floor(i / 2))])), source: 'print edition' };
  embedded = await build(join(tmp, 'embedded'), { embedFont: true, cacheDir: join(tmp, 'cache'), pageList });
  embeddedAgain = await build(join(tmp, 'embedded2'), { embedFont: true, cacheDir: join(tmp, 'cache'), pageList });
  return () => rmSync(tmp, { recursive: true, force: true });
});

describe('EPUB package', () => {
  it('starts with a stored mimetype entry, no extra field', () => {
    const b = Buffer.from(plain.r.bytes);
    expect(b.readUInt32LE(0)).toBe(0x04034b50);
    expect(b.readUInt16LE(8)).toBe(0); // method: stored
    const nameLen = b.readUInt16LE(26);
    expect(b.readUInt16LE(28)).toBe(0); // extra length
    expect(b.subarray(30, 30 + nameLen).toString()).toBe('mimetype');
    expect(b.subarray(30 + nameLen, 30 + nameLen + 20).toString()).toBe('application/epub+zip');
  });

  it('gives every zip entry, folders included, the SOURCE_DATE_EPOCH date', () => {
    const dates = new Set<number>();
    plain.zip.forEach((_, e) => void dates.add(e.date.getTime()));
    // JSZip reads the DOS date back as UTC: exactly the epoch (an even number of seconds)
    expect([...dates]).toEqual([Number(EPOCH) * 1000]);
  });

  it('has OPF metadata from the config: language, description, derived uuid, dates without milliseconds, accessibility', async () => {
    const config = book.config;
    const opf = parseDocument(await text(plain.zip, 'OEBPS/content.opf'));
    const pkg = opf.find((n) => n.name === 'package')!;
    expect(attr(pkg, 'xml:lang')).toBe(config.language);
    const meta = pkg.find((n) => n.name === 'metadata')!;
    const dc = (name: string) => meta.findAll((n) => n.name === `dc:${name}`).map((n) => n.text().trim());
    expect(dc('language')).toEqual([config.language]);
    expect(dc('description')[0]).toBe(config.description);
    expect(dc('identifier')).toEqual([`urn:uuid:${uuidFromId(config.id!)}`]);
    expect(dc('date')).toEqual(['2023-11-14T22:13:20Z']);
    const props = (p: string) => meta.findAll((n) => n.name === 'meta' && attr(n, 'property') === p).map((n) => n.text().trim());
    expect(props('dcterms:modified')).toEqual(['2023-11-14T22:13:20Z']);
    expect(props('schema:accessMode')).toEqual(expect.arrayContaining(['textual', 'visual']));
    expect(props('schema:accessibilityFeature')).toEqual(expect.arrayContaining(['structuralNavigation', 'tableOfContents', 'index', 'alternativeText']));
    expect(props('schema:accessibilityHazard')).toEqual(['none']);
    expect(props('schema:accessibilitySummary')[0]!.length).toBeGreaterThan(20);
  });

  it('keeps the drawn cover PNG in the cache folder (later builds take it from there) and stores it in the zip without deflating it again', async () => {
    const dir = join(tmp, 'cache', 'covers');
    const cached = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(cached).toHaveLength(1);
    const bytes = readFileSync(join(dir, cached[0]!));
    // every build of the same cover holds the cached drawing, byte for byte
    for (const b of [plain, embedded, embeddedAgain]) expect(Buffer.from(await b.zip.file('OEBPS/cover.png')!.async('uint8array')).equals(bytes)).toBe(true);
    // the zip's local header of the entry says method 0 (stored): the PNG's own compression is not redone
    const raw = readFileSync(plain.file);
    const at = raw.indexOf(Buffer.from('OEBPS/cover.png')) - 30;
    expect(raw.readUInt32LE(at), 'a local file header').toBe(0x04034b50);
    expect(raw.readUInt16LE(at + 8), 'compression method').toBe(0);
    // a cut cache file is drawn again, not used
    writeFileSync(join(dir, cached[0]!), bytes.subarray(0, 6));
    const again = await build(join(tmp, 'cut-cover'), { cacheDir: join(tmp, 'cache') });
    expect(Buffer.from(await again.zip.file('OEBPS/cover.png')!.async('uint8array')).equals(bytes)).toBe(true);
    expect(readFileSync(join(dir, cached[0]!)).equals(bytes)).toBe(true);
  });

  it('declares a raster PNG cover (≥ 1600 px tall, drawn from the SVG) as the cover image, and shows the SVG first in the spine', async () => {
    const opf = parseDocument(await text(plain.zip, 'OEBPS/content.opf'));
    const items = opf.findAll((n) => n.name === 'item');
    const cover = items.filter((i) => (attr(i, 'properties') ?? '').split(/\s+/).includes('cover-image'));
    expect(cover).toHaveLength(1);
    // readers' thumbnails (Kindle, Kobo) want a raster image: a PNG, its size read from the IHDR chunk
    expect(attr(cover[0]!, 'media-type')).toBe('image/png');
    const png = Buffer.from(await plain.zip.file(`OEBPS/${attr(cover[0]!, 'href')}`)!.async('uint8array'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(20), 'PNG height').toBeGreaterThanOrEqual(1600);
    expect(png.readUInt32BE(16) / png.readUInt32BE(20)).toBeCloseTo(1200 / 1800, 2);
    // drawn, not blank: a solid 1600×2400 PNG compresses to a few KiB; the drawn title and frame do not
    expect(png.length).toBeGreaterThan(30_000);
    const svgItem = items.find((i) => attr(i, 'media-type') === 'image/svg+xml')!;
    const svg = await text(plain.zip, `OEBPS/${attr(svgItem, 'href')}`);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    // the title is drawn as outlines: many paths, no <text>, no external reference
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual([...book.config.title].length);
    expect(svg).not.toMatch(/<text|<image|href=/);
    const spine = opf.findAll((n) => n.name === 'itemref').map((n) => attr(n, 'idref'));
    const first = items.find((i) => attr(i, 'id') === spine[0])!;
    expect(attr(first, 'href')).toBe('cover.xhtml');
    const page = parseDocument(await text(plain.zip, 'OEBPS/cover.xhtml'));
    const img = page.find((n) => n.name === 'img')!;
    expect(attr(img, 'src')).toBe(attr(svgItem, 'href'));
    expect(attr(img, 'alt')).toContain(book.config.title);
  });

  it('has a title page after the cover: title, subtitle, years and editor, before the table of contents', async () => {
    const opf = parseDocument(await text(plain.zip, 'OEBPS/content.opf'));
    const items = opf.findAll((n) => n.name === 'item');
    const spine = opf.findAll((n) => n.name === 'itemref').map((n) => attr(items.find((i) => attr(i, 'id') === attr(n, 'idref'))!, 'href'));
    expect(spine.slice(0, 3)).toEqual(['cover.xhtml', 'title.xhtml', 'toc.xhtml']);
    const page = parseDocument(await text(plain.zip, 'OEBPS/title.xhtml'));
    const sec = page.find((n) => types(n).includes('titlepage'))!;
    expect(sec).toBeDefined();
    const t = sec.text().replace(/\s/g, '');
    for (const s of [book.config.title, book.config.subtitle!, book.config.editor!, '2020—2022']) expect(t).toContain(s.replace(/\s/g, ''));
  });

  it('carries a page-list when given the print pages: every entry resolves to a page break at its anchor, with dc:source', async () => {
    const nav = parseDocument(await text(embedded.zip, 'OEBPS/toc.xhtml'));
    const pl = nav.find((n) => n.name === 'nav' && types(n).includes('page-list'))!;
    expect(pl).toBeDefined();
    const links = pl.findAll((n) => n.name === 'a');
    // 3 conferences and 57 questions, two anchors a page
    expect(links.length).toBe(30);
    for (const a of links) {
      const [file, id] = attr(a, 'href')!.split('#');
      const doc = parseDocument(await text(embedded.zip, `OEBPS/${file}`));
      const mark = doc.find((n) => attr(n, 'id') === id)!;
      expect(mark, attr(a, 'href')).toBeDefined();
      expect(types(mark)).toContain('pagebreak');
      expect(attr(mark, 'aria-label')).toBe(a.text().trim());
    }
    const opf = await text(embedded.zip, 'OEBPS/content.opf');
    expect(opf).toContain('<dc:source id="print-source">print edition</dc:source>');
    expect(opf).toContain('<meta refines="#print-source" property="source-of">pagination</meta>');
    // without print pages: no page-list, no dc:source
    expect(await text(plain.zip, 'OEBPS/toc.xhtml')).not.toContain('page-list');
    expect(await text(plain.zip, 'OEBPS/content.opf')).not.toContain('dc:source');
  });

  it('writes an XML declaration, the book language and literal UTF-8 (no numeric character references) in every file', async () => {
    const lang = book.config.language;
    const names = plain.r.files.filter((f) => /\.(xhtml|opf|ncx|svg|xml)$/.test(f));
    expect(names.length).toBeGreaterThan(8);
    for (const name of names) {
      const s = await text(plain.zip, name);
      expect(s.startsWith('<?xml version="1.0" encoding="UTF-8"'), name).toBe(true);
      expect(s, name).not.toMatch(/&#x?[0-9a-f]+;/i);
      if (name.endsWith('.xhtml')) {
        const html = parseDocument(s).find((n) => n.name === 'html')!;
        expect(attr(html, 'xml:lang'), name).toBe(lang);
        expect(attr(html, 'lang'), name).toBe(lang);
      }
    }
    expect(await text(plain.zip, 'OEBPS/ev-2021-03-07.xhtml')).toMatch(/[\u4e00-\u9fff]{20}/);
    expect(attr(parseDocument(await text(plain.zip, 'OEBPS/toc.ncx')).find((n) => n.name === 'ncx')!, 'xml:lang')).toBe(lang);
  });
});

describe('language from the config', () => {
  it('puts another configured language in dc:language, the package and every page', async () => {
    const other: Book = { ...book, config: { ...book.config, language: 'zh-Hant-TW' } };
    const file = join(tmp, 'lang', 'book.epub');
    const r = await renderEpub(other, file, { cacheDir: join(tmp, 'cache'), env: { SOURCE_DATE_EPOCH: EPOCH } });
    const zip = await JSZip.loadAsync(r.bytes);
    const opf = await text(zip, 'OEBPS/content.opf');
    expect(opf).toContain('<dc:language>zh-Hant-TW</dc:language>');
    expect(opf).toMatch(/<package [^>]*xml:lang="zh-Hant-TW"/);
    for (const f of r.files.filter((n) => n.endsWith('.xhtml'))) expect(await text(zip, f), f).toContain('xml:lang="zh-Hant-TW" lang="zh-Hant-TW"');
    expect(opf).not.toMatch(/"en"|>en</);
  });
});

describe('navigation', () => {
  it('nests the nav year → press conference → question, with every question linked (57 for the seeds)', async () => {
    const doc = parseDocument(await text(plain.zip, 'OEBPS/toc.xhtml'));
    const toc = doc.find((n) => n.name === 'nav' && types(n).includes('toc'));
    expect(toc, 'toc.xhtml has no <nav epub:type="toc">').toBeDefined();
    expect(attr(toc!, 'role')).toBe('doc-toc');
    const yearLis = list(toc!, 'the nav').filter((li) => /年$/.test(kids(li, 'a')[0]?.text() ?? ''));
    const years = [...new Set(book.events.map((e) => e.meta.year))].sort();
    expect(yearLis.map((li) => kids(li, 'a')[0]!.text()), 'the nav\'s top level is not the years').toEqual(years.map((y) => `${y}年`));
    const questionLinks: string[] = [];
    let depth = 0;
    for (const yli of yearLis) {
      for (const eli of list(yli, `year ${kids(yli, 'a')[0]!.text()}`)) {
        for (const qli of list(eli, `press conference ${kids(eli, 'a')[0]?.text()}`)) {
          depth = 3;
          expect(qli.find((n) => n.name === 'ol')).toBeUndefined(); // no fourth level
          questionLinks.push(attr(kids(qli, 'a')[0]!, 'href')!);
        }
      }
    }
    expect(depth).toBe(3);
    const anchors = allQuestionAnchors();
    expect(anchors).toHaveLength(57);
    expect(questionLinks.map((h) => h.split('#')[1])).toEqual(anchors);
    // the links land on the question's element in the file they name
    for (const h of questionLinks) {
      const [file, id] = h.split('#');
      expect(await text(plain.zip, `OEBPS/${file}`), h).toContain(`id="${id}"`);
    }
  });

  it('has landmarks: cover, toc, bodymatter and a real index', async () => {
    const doc = parseDocument(await text(plain.zip, 'OEBPS/toc.xhtml'));
    const lm = doc.find((n) => n.name === 'nav' && types(n).includes('landmarks'))!;
    const links = lm.findAll((n) => n.name === 'a').map((a) => [types(a).join(' '), attr(a, 'href')]);
    expect(links).toEqual([
      ['cover', 'cover.xhtml'],
      ['toc', 'toc.xhtml#toc'],
      ['bodymatter', expect.stringMatching(/^year-\d{4}\.xhtml$/)],
      ['index', 'index.xhtml'],
    ]);
  });

  it('mirrors the nav in the NCX: real depth, sequential playOrder, every question', async () => {
    const ncx = parseDocument(await text(plain.zip, 'OEBPS/toc.ncx'));
    expect(attr(ncx.find((n) => n.name === 'meta' && attr(n, 'name') === 'dtb:depth')!, 'content')).toBe('3');
    const points = ncx.findAll((n) => n.name === 'navPoint');
    expect(points.map((p) => Number(attr(p, 'playOrder')))).toEqual(points.map((_, i) => i + 1));
    let maxDepth = 0;
    const walk = (n: XNode, d: number) => {
      for (const p of kids(n, 'navPoint')) {
        maxDepth = Math.max(maxDepth, d);
        walk(p, d + 1);
      }
    };
    walk(ncx.find((n) => n.name === 'navMap')!, 1);
    expect(maxDepth).toBe(3);
    const deepest = points.filter((p) => p.parent?.name === 'navPoint' && p.parent.parent?.name === 'navPoint');
    expect(deepest.map((p) => attr(kids(p, 'content')[0]!, 'src')!.split('#')[1])).toEqual(allQuestionAnchors());
  });

  it('opens every press conference with its own linked question list, before the first question', async () => {
    for (const ev of book.events) {
      const file = `OEBPS/ev-${ev.meta.id}.xhtml`;
      const s = await text(plain.zip, file);
      const doc = parseDocument(s);
      const list = doc.find((n) => n.name === 'nav' && (attr(n, 'class') ?? '').includes('event-questions'))!;
      const hrefs = list.findAll((n) => n.name === 'a').map((a) => attr(a, 'href'));
      const ids = questionsOf(ev).map((t) => anchorForQuestion(t.question!.id));
      expect(hrefs, file).toEqual(ids.map((id) => `#${id}`));
      if (ids.length) expect(s.indexOf('class="event-questions"'), file).toBeLessThan(s.indexOf(`id="${ids[0]}"`));
    }
  });

  it('links every question from the 提问索引 page, by topic and by outlet', async () => {
    const doc = parseDocument(await text(plain.zip, 'OEBPS/index.xhtml'));
    const sections = doc.findAll((n) => n.name === 'section' && types(n).includes('index'));
    expect(sections.map((s) => attr(s, 'id'))).toEqual(['index-by-topic', 'index-by-outlet']);
    for (const sec of sections) {
      expect(sec.findAll((n) => types(n).includes('index-entry-list'))).toHaveLength(1);
      const targets = new Set(sec.findAll((n) => n.name === 'a' && types(n).includes('index-locator')).map((a) => attr(a, 'href')!.split('#')[1]));
      for (const a of allQuestionAnchors()) expect(targets.has(a), `${attr(sec, 'id')} lacks ${a}`).toBe(true);
    }
  });

  it('has a page per year with that year\'s highlights, and a colophon', async () => {
    for (const year of new Set(book.events.map((e) => e.meta.year))) {
      const s = await text(plain.zip, `OEBPS/year-${year}.xhtml`);
      for (const ev of book.events.filter((e) => e.meta.year === year)) {
        expect(s).toContain(`href="ev-${ev.meta.id}.xhtml"`);
        for (const h of ev.highlights) expect(s).toContain(h.text.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      }
    }
    expect(book.events.some((e) => e.highlights.length > 0)).toBe(true);
    const colophon = await text(plain.zip, 'OEBPS/colophon.xhtml');
    expect(colophon).toContain('epub:type="colophon"');
    // for readers: the sources by conference title and origin, no file names or layout jargon
    for (const e of book.events) expect(colophon).toContain(e.meta.title);
    expect(colophon).toContain('新华社');
    expect(colophon).not.toMatch(/sources\/|\.txt|utf-8|segmented|columns|paragraphs|report\.json/);
  });
});

describe('embedded font', () => {
  it('embeds regular and bold TrueType subsets declared in the manifest and the CSS', async () => {
    const opf = await text(embedded.zip, 'OEBPS/content.opf');
    const css = await text(embedded.zip, 'OEBPS/style.css');
    for (const w of [400, 700]) {
      expect(opf).toContain(`href="fonts/noto-serif-sc-${w}.ttf" media-type="font/ttf"`);
      expect(css).toContain(`url("fonts/noto-serif-sc-${w}.ttf") format("truetype")`);
      const entry = embedded.zip.file(`OEBPS/fonts/noto-serif-sc-${w}.ttf`);
      expect(entry, `OEBPS/fonts/noto-serif-sc-${w}.ttf is declared but missing from the zip`).not.toBeNull();
      const bytes = Buffer.from(await entry!.async('uint8array'));
      expect(bytes.length, `font ${w}`).toBeGreaterThan(10_000);
      expect(bytes.readUInt32BE(0), `font ${w} is not TrueType`).toBe(0x00010000);
    }
    expect(await text(plain.zip, 'OEBPS/style.css')).not.toContain('@font-face');
    expect(plain.zip.file(/fonts\//)).toHaveLength(0);
  });

  it('holds every character the pages show (regular) and every bold character (bold), and little more', async () => {
    const pages = embedded.r.files.filter((f) => f.endsWith('.xhtml'));
    let regular = '';
    let bold = '';
    for (const p of pages) {
      const t = pageText(await text(embedded.zip, p));
      regular += t.regular + t.bold;
      bold += t.bold;
    }
    const used = (s: string) => new Set([...s].filter((c) => c > ' ' && !/\s/.test(c)).map((c) => c.codePointAt(0)!));
    for (const [w, chars] of [[400, used(regular)], [700, used(bold)]] as const) {
      const entry = embedded.zip.file(`OEBPS/fonts/noto-serif-sc-${w}.ttf`);
      expect(entry, `OEBPS/fonts/noto-serif-sc-${w}.ttf is missing from the zip`).not.toBeNull();
      const font = fontkit.create(Buffer.from(await entry!.async('uint8array')));
      const missing = [...chars].filter((cp) => !font.hasGlyphForCodePoint(cp)).map((cp) => String.fromCodePoint(cp));
      expect(missing, `weight ${w}`).toEqual([]);
      // a subset, not the whole font: at most a few dozen extra code points (spaces, shaping)
      expect(font.characterSet.length, `weight ${w}`).toBeLessThan(chars.size + 40);
    }
    expect(used(bold).size).toBeGreaterThan(100);
  });

  it('reuses the cached subsets on the next build, with identical bytes', () => {
    expect(embedded.r.fonts.map((f) => f.cached)).toEqual([false, false]);
    expect(embeddedAgain.r.fonts.map((f) => f.cached)).toEqual([true, true]);
    expect(Buffer.compare(Buffer.from(embedded.r.bytes), Buffer.from(embeddedAgain.r.bytes))).toBe(0);
  });
});

let javaChecks: Record<'plain' | 'embedded', Promise<JavaCheck | undefined>>;

describe('validators', () => {
  beforeAll(() => {
    // started here, awaited in the tests: both run while the other validators do
    javaChecks = { plain: javaEpubcheck(plain.file), embedded: javaEpubcheck(embedded.file) };
    // failures surface in the tests that await them
    for (const p of Object.values(javaChecks)) p.catch(() => undefined);
  });
  for (const which of ['plain', 'embedded'] as const) {
    it(`@likecoin/epubcheck-ts: 0 errors, 0 warnings (${which})`, async () => {
      const r = await EpubCheck.validate(which === 'plain' ? plain.r.bytes : embedded.r.bytes);
      const msgs = r.messages.filter((m) => m.severity !== 'info' && m.severity !== 'usage');
      expect(msgs.map((m) => `${m.severity} ${m.id} ${m.location?.path ?? ''}:${m.location?.line ?? ''} ${m.message}`)).toEqual([]);
      expect(r.errorCount).toBe(0);
      expect(r.warningCount).toBe(0);
    });
    it(`Java EPUBCheck: 0 errors, 0 warnings (${which})`, async (ctx) => {
      const r = await javaChecks[which];
      if (!r) return ctx.skip('Java EPUBCheck is not installed (set PRESSBOOK_REQUIRE_JAVA_EPUBCHECK=1 to require it)');
      expect(r.fatals + r.errors + r.warnings, r.output).toBe(0);
    });
  }

  // Ace by DAISY (@daisy/ace-cli) is not a dependency (a full puppeteer, ~400 packages): .ci/run installs it
  // with --ignore-scripts and sets PRESSBOOK_ACE (and PRESSBOOK_REQUIRE_ACE). By hand:
  //   npm i --prefix /tmp/ace --ignore-scripts @daisy/ace-cli@1.4.6 && PRESSBOOK_ACE=/tmp/ace/node_modules/.bin/ace-cli npx vitest run tests/epub
  // It prints with the Chromium pressbook resolves (system or npm-shipped) unless PUPPETEER_EXECUTABLE_PATH is set.
  it('Ace by DAISY: no accessibility violations', async (ctx) => {
    const ace = process.env.PRESSBOOK_ACE;
    if (!ace) {
      if (process.env.PRESSBOOK_REQUIRE_ACE) throw new Error('Ace is required (PRESSBOOK_REQUIRE_ACE) but PRESSBOOK_ACE is not set');
      return ctx.skip('Ace by DAISY is not installed (set PRESSBOOK_ACE to its ace-cli; .ci/run does)');
    }
    const chrome = process.env.PUPPETEER_EXECUTABLE_PATH ?? (await resolveBrowser()).executablePath;
    const out = join(tmp, 'ace');
    const p = spawnSync(ace, ['-s', '-f', '-o', out, embedded.file], { encoding: 'utf8', timeout: 240_000, env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: chrome } });
    expect(p.status, `ace exited ${p.status}: ${p.stdout}${p.stderr}`).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      'earl:result': { 'earl:outcome': string };
      assertions: { 'earl:testSubject': { url: string }; assertions?: { 'earl:test': { 'dct:title': string } }[] }[];
    };
    const violations = report.assertions.flatMap((a) => (a.assertions ?? []).map((x) => `${a['earl:testSubject'].url}: ${x['earl:test']['dct:title']}`));
    expect(violations).toEqual([]);
    expect(report['earl:result']['earl:outcome']).toBe('pass');
  }, 300_000);
});

describe('reproducibility', () => {
  const run = (out: string, tz: string) =>
    new Promise<void>((ok, fail) => {
      const p = spawn(process.execPath, [join(ROOT, 'bin', 'pressbook.js'), 'epub', EXAMPLE, '--out', out], {
        env: { ...process.env, TZ: tz, SOURCE_DATE_EPOCH: EPOCH, PRESSBOOK_CACHE_DIR: join(tmp, 'cache') },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      p.stderr.on('data', (d) => (err += d));
      p.on('close', (code) => (code === 0 ? ok() : fail(new Error(`pressbook epub (TZ=${tz}) exited ${code}: ${err}`))));
    });

  it('gives byte-identical EPUBs in different time zones with the same SOURCE_DATE_EPOCH', async () => {
    // the command in a time zone whose offset from UTC differs from this process's (now, and in the
    // epoch's season) against the in-process build of the same book with the same epoch: one
    // command instead of two (each cleans the example again)
    const offset = (tz: string | undefined, at: Date) => new Date(at.toLocaleString('en-US', { timeZone: tz })).getTime() - at.getTime();
    const moments = [new Date(), new Date(Number(EPOCH) * 1000)];
    const tz = ['Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati'].find((z) => moments.every((m) => offset(z, m) !== offset(undefined, m)))!;
    expect(tz).toBeDefined();
    const a = join(tmp, 'tz-other');
    await run(a, tz);
    const x = readFileSync(join(a, book.config.output.epub));
    expect(x.length).toBeGreaterThan(10_000);
    expect(Buffer.compare(x, Buffer.from(plain.r.bytes))).toBe(0);
  });
});
