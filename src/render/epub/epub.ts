/**
 * Book → EPUB 3 with epub-gen-memory, driven entirely by our own templates (templates/epub/): the OPF is
 * an EJS template, the nav, NCX and every page are rendered with mustache (minimal escaping, literal
 * UTF-8) and handed through an EJS passthrough, so none of the library's defaults reach the reader.
 *
 * Reading order: cover → table of contents → for each year a part page (its conferences and highlights)
 * followed by one chapter per press conference (each opening with its own linked question list) →
 * question index (by topic, by outlet) → colophon. Every interface string comes from the locale.
 *
 * Reproducible: with SOURCE_DATE_EPOCH the bytes depend only on the book: the identifier is a name-based
 * UUID of the book id, dates are whole seconds in UTC, zip entries carry the same fixed date (JSZip
 * writes DOS dates from the UTC fields), the cover is vector outlines, the embedded font a deterministic
 * harfbuzz subset.
 */
import { eventParagraphs, paragraphAnchor } from '../shared/paragraphs.js';
import { buildDate, isoSeconds } from '../../util/date.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { EPub } from 'epub-gen-memory';
import JSZip from 'jszip';
import type { Book } from '../../model/types.js';
import type { HastTransform } from '../../ast/hast.js';
import { loadTheme, PACKAGE_ROOT } from '../shared/theme.js';
import { bookView } from '../shared/book-view.js';
import { render } from '../shared/mustache.js';
import { loadLocale, type Locale } from '../shared/locale.js';
import { writeFileAtomic } from '../../util/fs.js';
import { makeCover } from '../shared/cover.js';
import { cachedSubset, defaultCacheDir } from '../shared/font-subset.js';
import { editionTheme } from '../shared/theme.js';
import { FAMILIES, regionKind } from '../../fonts/families.js';
import { uprightShortRuns } from '../shared/vertical.js';
import { sha256Hex } from '../../util/hash.js';

const tpl = (name: string) => readFileSync(join(PACKAGE_ROOT, 'templates', 'epub', name), 'utf8');

/** A name-based UUID (v5 layout) derived from the book id: same book, same identifier. */
export function uuidFromId(id: string): string {
  const h = createHash('sha1').update('pressbook:' + id).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** Zip (DOS) dates cannot hold years before 1980: clamp so an early SOURCE_DATE_EPOCH still gives valid entries. */
export function zipDate(d: Date): Date {
  const min = Date.UTC(1980, 0, 1, 0, 0, 0);
  return new Date(Math.max(d.getTime(), min));
}

export interface EpubOptions {
  /** hast transforms applied to every paragraph tree (annotations, footnotes, …) */
  transforms?: HastTransform[];
  /** embed a subset of Noto Serif SC holding exactly the characters used (regular and bold) */
  embedFont?: boolean;
  /**
   * format of the embedded subsets: TrueType (default: the most widely supported by reading systems, fast to
   * make — harfbuzz only — and compressed by the zip to about the size of a WOFF) or WOFF2 (about 25 % smaller,
   * but its Brotli encoding takes seconds on a cold cache and older readers lack it)
   */
  fontFormat?: 'truetype' | 'woff2';
  /** where font subsets are cached (default: $PRESSBOOK_CACHE_DIR or node_modules/.cache/pressbook) */
  cacheDir?: string;
  /** environment read for SOURCE_DATE_EPOCH (default process.env) */
  env?: NodeJS.ProcessEnv;
  /** interface strings (default: the locale of the book's language) */
  locale?: Locale;
  /**
   * Incremental rebuilds: each conference's XHTML is kept in `dir` under the hash of `salt` (everything
   * else a page depends on: config, templates, locale, notes, pressbook's code) and the conference, so a
   * rebuild renders only the conferences that changed; and the zip entries of the previous EPUB (when the
   * file on disk is the one written last) are reused compressed where their content is unchanged, so only
   * changed files are compressed again. The result is byte for byte what a full build writes.
   */
  cache?: { dir: string; salt: string };
  /** progress per stage and per conference */
  progress?: (stage: string, done?: number, total?: number) => void;
  /** the print edition's page of each anchor, and what to name as its source: the EPUB gets a page-list */
  pageList?: { labels: Map<string, string>; source: string };
}

export interface EpubResult {
  bytes: Uint8Array;
  /** zip entry names in archive order */
  files: string[];
  /** embedded font files (empty without embedFont) and whether each came from the cache */
  fonts: { file: string; bytes: number; cached: boolean }[];
  /** number of questions */
  questions: number;
  /** conference pages rendered and taken from the cache */
  conferences: { rendered: number; reused: number };
  /** zip entries compressed and reused (compressed) from the previous EPUB */
  entries: { compressed: number; reused: number };
  /** entries of the page-list (0: none) */
  pageList: number;
}


/** The cached XHTML of each conference, by content hash; entries not used by a build are removed after it. */
class PageCache {
  private dir: string;
  private used = new Set<string>();
  constructor(
    root: string,
    private salt: string,
  ) {
    this.dir = join(root, 'pages');
    mkdirSync(this.dir, { recursive: true });
  }
  key(ev: unknown): string {
    return sha256Hex(this.salt + '\u0000' + JSON.stringify(ev));
  }
  get(key: string): string | undefined {
    const f = join(this.dir, `${key}.xhtml`);
    if (!existsSync(f)) return undefined;
    this.used.add(key);
    return readFileSync(f, 'utf8');
  }
  put(key: string, xhtml: string): void {
    this.used.add(key);
    writeFileAtomic(join(this.dir, `${key}.xhtml`), xhtml);
  }
  prune(): void {
    for (const f of readdirSync(this.dir)) if (!this.used.has(f.replace(/\.xhtml$/, ''))) rmSync(join(this.dir, f), { force: true });
  }
}

/** What the last EPUB written holds: its hash and each entry's content hash (to reuse its compressed entries). */
interface ZipRecord {
  epub: string;
  entries: Record<string, string>;
}
async function previousZip(root: string, outFile: string): Promise<{ zip: JSZip; entries: Record<string, string> } | undefined> {
  try {
    const rec = JSON.parse(readFileSync(join(root, 'zip.json'), 'utf8')) as ZipRecord;
    const bytes = readFileSync(outFile);
    if (sha256Hex(bytes) !== rec.epub) return undefined;
    return { zip: await JSZip.loadAsync(bytes), entries: rec.entries };
  } catch {
    return undefined;
  }
}

/** a zip entry loaded from a file and still deflated (JSZip keeps its compressed bytes until asked for the content) */
function isDeflated(entry: JSZip.JSZipObject): boolean {
  return compressionMagic(entry) === '\x08\x00';
}
function compressionMagic(entry: JSZip.JSZipObject): string | undefined {
  return (entry as unknown as { _data?: { compression?: { magic?: string } } })._data?.compression?.magic;
}
/** a PNG is compressed already: stored in the zip, not deflated again */
const STORED = /\.png$/i;
/** the previous EPUB's entry holds the content as this build writes it (deflated; a PNG stored) */
function reusable(path: string, entry: JSZip.JSZipObject): boolean {
  return STORED.test(path) ? compressionMagic(entry) === '\x00\x00' : isDeflated(entry);
}

const FONT_FAMILY = 'Pressbook Noto Serif SC';
/** the embedded face's CSS name: Pressbook Noto Serif SC (the zh-Hans book as before), … TC, … HK */
const familyOf = (fontName: string) => (fontName === 'Noto Serif SC' ? FONT_FAMILY : `Pressbook ${fontName}`);

/** Selectors whose text the stylesheet sets in bold: the bold subset holds exactly their characters. */
const BOLD_CLASSES = ['q-text', 'speaker', 'index-term', 'event-headline', 'highlights-title', 'eq-title'];

/** Text content of the XHTML pages, split into what is drawn bold (headings, bold classes) and the rest. */
export function pageText(xhtml: string): { regular: string; bold: string } {
  const body = xhtml
    .replace(/^[\s\S]*?<body[^>]*>/, '')
    .replace(/<\/body>[\s\S]*$/, '')
    .replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const title = /<title>([\s\S]*?)<\/title>/.exec(xhtml)?.[1] ?? '';
  let regular = title;
  let bold = '';
  // a tiny tag walker: track whether we are inside a bold element
  const stack: boolean[] = [];
  const re = /<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of body.matchAll(re)) {
    if (m[5] !== undefined) {
      const text = decode(m[5]);
      if (stack.at(-1)) bold += text;
      else regular += text;
      continue;
    }
    const [, close, name, attrs, selfClose] = m;
    if (selfClose) continue;
    if (close) {
      stack.pop();
      continue;
    }
    const cls = /\bclass="([^"]*)"/.exec(attrs!)?.[1]?.split(/\s+/) ?? [];
    const isBold = /^(h[1-6]|b|strong|th|dt)$/.test(name!) || cls.some((c) => BOLD_CLASSES.includes(c));
    stack.push(isBold || (stack.at(-1) ?? false));
  }
  return { regular, bold };
}
function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

interface Page {
  title: string;
  filename: string;
  id: string;
  xhtml: string;
  beforeToc?: boolean;
  properties?: string;
}

export async function renderEpub(book: Book, outFile: string, opts: EpubOptions = {}): Promise<EpubResult> {
  const c = book.config;
  // an edition (src/model/edition.ts): its script's font, and for a vertical one the vertical stylesheet
  const ed = book.edition;
  const theme = editionTheme(loadTheme(c.theme, 'epub', c.root), ed, 'epub', c.root);
  const fontKind = regionKind('serif', ed?.region);
  const fontName = FAMILIES[fontKind]!.family;
  const locale = opts.locale ?? loadLocale(c.language, c.root);
  const w = locale.words;
  const progress = opts.progress ?? (() => undefined);
  // conferences whose page is cached need no rendering (their turns are not even turned into HTML)
  const cache = opts.cache ? new PageCache(opts.cache.dir, opts.cache.salt) : undefined;
  const cached = new Map<string, string>();
  const keys = new Map<string, string>();
  if (cache)
    for (const ev of book.events) {
      const key = cache.key(ev);
      keys.set(ev.meta.id, key);
      const x = cache.get(key);
      if (x !== undefined) cached.set(ev.meta.id, x);
    }
  const view = bookView(book, theme, locale, { xhtml: true, transforms: opts.transforms, skipTurns: (id) => cached.has(id) });
  const lang = c.language;
  const page = (pageTitle: string, bodyType: string, body: string) => render(tpl('page.xhtml'), { lang, pageTitle, bodyType, body: ed?.vertical ? uprightShortRuns(body) : body }).trim() + '\n';
  const cacheDir = opts.cacheDir ?? (opts.env?.PRESSBOOK_CACHE_DIR || undefined);

  // file names and NCX play order (depth-first, one number per nav point): year → conference → question
  // in a small book, year → month → conference in a big one (see RICH_DESIGN_MAX_QUESTIONS)
  const rich = view.design === 'rich';
  let order = 1;
  const years = view.years.map((y) => {
    const file = `year-${y.year}.xhtml`;
    const yOrder = order++;
    const eventOf = (e: (typeof y.events)[number]) => {
      const efile = `${e.anchor}.xhtml`;
      const eOrder = order++;
      const questions = e.questions.map((q) => {
        const qOrder = rich ? order++ : 0;
        return { ...q, file: efile, order: qOrder, followups: q.followups.map((f) => ({ ...f, file: efile, order: rich ? order++ : 0 })) };
      });
      return { ...e, file: efile, order: eOrder, questionCount: e.questions.length, questionCountText: locale.format('eventQuestionCount', { questions: e.questions.length }), questions };
    };
    let events: ReturnType<typeof eventOf>[] = [];
    const months = y.months.map((m) => {
      const mOrder = rich ? 0 : order++;
      const evs = m.events.map(eventOf);
      events = events.concat(evs);
      return { ...m, id: `m-${m.year}-${String(m.month).padStart(2, '0')}`, file: evs[0]!.file, order: mOrder, events: evs };
    });
    const highlightsByEvent = events.filter((e) => e.hasHighlights).map((e) => ({ file: e.file, anchor: e.anchor, title: e.title, tocTitle: e.tocTitle, dateText: e.dateText, highlights: e.highlights }));
    return { ...y, file, order: yOrder, events, months, highlightsByEvent, hasHighlights: highlightsByEvent.length > 0, t: w };
  });
  const questionCount = years.reduce((n, y) => n + y.events.reduce((m, e) => m + e.questions.length, 0), 0);
  const followupCount = years.reduce((n, y) => n + y.events.reduce((m, e) => m + e.questions.reduce((k, q) => k + q.followups.length, 0), 0), 0);
  const fileOf = new Map(years.flatMap((y) => y.events.flatMap((e) => e.questions.flatMap((q) => [q, ...q.followups].map((x) => [x.anchor, e.file] as const)))));
  const withFile = (g: (typeof view.index.byTopic)[number]) => ({ ...g, entries: g.entries.map((q) => ({ ...q, file: fileOf.get(q.anchor) })) });
  const index = { byTopic: view.index.byTopic.map(withFile), byOutlet: view.index.byOutlet.map(withFile) };
  const withFiles = (g: (typeof view.compactIndex.byTopic)[number]) => ({ ...g, months: g.months.map((m) => ({ ...m, locators: m.locators.map((l) => ({ ...l, file: `${l.event}.xhtml` })) })) });
  const compactIndex = { byTopic: view.compactIndex.byTopic.map(withFiles), byOutlet: view.compactIndex.byOutlet.map(withFiles) };
  const uuid = uuidFromId(c.id ?? c.title);
  const date = buildDate(opts.env ?? process.env);
  const firstFile = years[0]?.file ?? 'index.xhtml';

  const coverAlt = locale.format('coverAlt', { title: c.title, yearsText: view.yearsText, subtitle: c.subtitle });
  const cover = await makeCover({ title: c.title, subtitle: c.subtitle, yearsText: view.yearsText, editor: c.editor ?? c.author, lang, alt: coverAlt }, { cacheDir, fontKind });
  const coverPng = await rasterCover(cover.svg, cacheDir);
  const design = { rich, compact: !rich };
  const navBody = render(tpl('nav.xhtml'), { years, hasCover: true, firstFile, t: w, ...design });
  const nav = page(w.toc, 'frontmatter', navBody);
  const ncx = render(tpl('toc.ncx'), { lang, uuid, title: c.title, years, depth: rich && followupCount ? 4 : 3, indexOrder: order, colophonOrder: order + 1, t: w, ...design }).trim() + '\n';
  const counts = { questions: questionCount, followups: followupCount };
  const buildDay = isoSeconds(date).slice(0, 10);
  const colophon = {
    ...view,
    colophonTitle: locale.format('colophonTitle', { title: c.title, subtitle: c.subtitle, editor: c.editor }),
    colophonIntro: locale.format('colophonIntroEpub', { date: buildDay, uuid }),
    colophonFont: opts.embedFont ? locale.format('colophonFontEpub', { fontFamily: fontName }) : '',
  };

  const total = book.events.length;
  let done = 0;
  let rendered = 0;
  const eventPage = (e: (typeof years)[number]['events'][number]): string => {
    progress('epub: conferences', ++done, total);
    const hit = cached.get(e.id);
    if (hit !== undefined) return hit;
    rendered++;
    const x = page(e.title, 'bodymatter', render(tpl('event.xhtml'), { ...e, t: w }));
    const key = keys.get(e.id);
    if (cache && key) cache.put(key, x);
    return x;
  };
  const pages: Page[] = [
    { title: w.cover, filename: 'cover.xhtml', beforeToc: true, id: 'cover', xhtml: page(c.title, 'cover', render(tpl('cover.xhtml'), { ...view, coverImage: 'cover.svg', coverAlt: cover.alt })) },
    { title: w.titlePage, filename: 'title.xhtml', beforeToc: true, id: 'title-page', xhtml: page(c.title, 'frontmatter', render(tpl('title.xhtml'), view)) },
    ...years.flatMap((y) => [
      { title: y.yearText, filename: y.file, id: y.anchor, xhtml: page(y.yearText, 'bodymatter', render(tpl('year.xhtml'), y)) },
      ...y.events.map((e) => ({ title: e.title, filename: e.file, id: e.anchor, xhtml: eventPage(e) })),
    ]),
    {
      title: w.questionIndex,
      filename: 'index.xhtml',
      id: 'question-index',
      xhtml: page(w.questionIndex, 'backmatter', render(tpl('index.xhtml'), { index, compactIndex, ...design, questionCount, followupCount, countText: locale.format('indexCount', counts), t: w })),
    },
    { title: w.colophon, filename: 'colophon.xhtml', id: 'colophon', xhtml: page(w.colophon, 'backmatter', render(tpl('colophon.xhtml'), colophon)) },
  ];

  // the print pages: a page break marker at the first anchor of each printed page, and a page-list in the nav
  const pageEntries = opts.pageList ? pageBreaks(pages, readingOrder(years), opts.pageList.labels) : [];
  const navWithPages = pageEntries.length ? withPageList(nav, pageEntries, locale.words.pageList) : nav;

  // the embedded font: regular and bold subsets holding exactly the characters the pages show
  const fontFiles: { filename: string; mediaType: string; data: Buffer; cached: boolean; weight: number }[] = [];
  let css = theme.css;
  if (opts.embedFont) {
    const all = [...pages.map((p) => p.xhtml), navWithPages].map(pageText);
    // the regular face holds every character shown (also a fallback for bold text), the bold face only what is bold
    const regular = all.map((t) => t.regular + t.bold).join('') + c.title;
    const bold = all.map((t) => t.bold).join('');
    const format = opts.fontFormat ?? 'truetype';
    const fontFamily = familyOf(fontName);
    const [ext, mediaType] = format === 'woff2' ? ['woff2', 'font/woff2'] : ['ttf', 'font/ttf'];
    const subsets = await Promise.all([
      cachedSubset(regular, { kind: fontKind, weight: 400, format, cacheDir }),
      cachedSubset(bold || c.title, { kind: fontKind, weight: 700, format, cacheDir }),
    ]);
    subsets.forEach((s, i) => {
      const weight = i === 0 ? 400 : 700;
      fontFiles.push({ filename: `${fontName.toLowerCase().replace(/\s+/g, '-')}-${weight}.${ext}`, mediaType, data: s.bytes, cached: s.cached, weight });
    });
    css =
      fontFiles
        .map((f) => `@font-face {\n  font-family: "${fontFamily}";\n  font-weight: ${f.weight};\n  font-style: normal;\n  src: url("fonts/${f.filename}") format("${format}");\n}`)
        .join('\n') +
      `\nbody { font-family: "${fontFamily}", serif; }\n` +
      css;
  }

  const epub = new EPub(
    {
      title: c.title,
      author: c.author ? [c.author] : c.editor ? [c.editor] : ['pressbook'],
      publisher: c.editor ?? c.author ?? 'pressbook',
      description: c.description ?? c.subtitle ?? c.title,
      lang,
      css,
      // the raster cover (PNG, for thumbnails: Kindle, Kobo) is the cover image; the cover page shows the SVG
      cover: new File([new Uint8Array(coverPng)], 'cover.png', { type: 'image/png' }),
      contentOPF: tpl('content.opf.ejs'),
      tocXHTML: '<%- pb.nav -%>',
      tocNCX: '<%- pb.ncx -%>',
      chapterXHTML: tpl('passthrough.ejs').trim(),
      prependChapterTitles: false,
      date: isoSeconds(date),
      version: 3,
      verbose: false,
      // extra fields read by our templates
      ...({
        pb: {
          nav: navWithPages,
          ncx,
          pageSource: pageEntries.length ? opts.pageList!.source : '',
          items: [{ id: 'cover-svg', href: 'cover.svg', mediaType: 'image/svg+xml' }],
          subtitle: c.subtitle,
          editor: c.editor,
          subjects: [...new Set(book.events.flatMap((e) => e.turns.flatMap((t) => t.question?.topics ?? [])))].slice(0, 12),
          date: isoSeconds(date),
          modified: isoSeconds(date),
          fonts: fontFiles.map(({ filename, mediaType }) => ({ filename, mediaType })),
          // a vertical edition reads right to left
          rtl: !!ed?.vertical,
          coverAlt: cover.alt,
          a11ySummary: locale.format(rich ? 'a11ySummary' : 'a11ySummaryCompact', counts) + w.a11yCover,
        },
      } as object),
    },
    pages.map((p) => ({ title: p.title, filename: p.filename, id: p.id, beforeToc: !!p.beforeToc, excludeFromToc: true, content: '-', xhtml: p.xhtml })),
  );
  (epub as unknown as { uuid: string }).uuid = uuid;
  await epub.render();
  const zip = (epub as unknown as { zip: JSZip }).zip;
  for (const f of fontFiles) zip.file(`OEBPS/fonts/${f.filename}`, f.data, { binary: true });
  zip.file('OEBPS/cover.svg', cover.svg);
  // entries whose content the previous EPUB already holds are taken over compressed (JSZip then copies
  // their deflated bytes instead of compressing again); the mimetype entry stays stored
  const prev = opts.cache ? await previousZip(opts.cache.dir, outFile) : undefined;
  const entryHashes: Record<string, string> = {};
  let reused = 0;
  let compressed = 0;
  for (const [path, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    // the content as added (a string or bytes), else as JSZip reads it back
    const raw = (entry as unknown as { _data?: unknown })._data;
    const h = sha256Hex(typeof raw === 'string' || raw instanceof Uint8Array ? raw : await entry.async('uint8array'));
    entryHashes[path] = h;
    const old = prev?.zip.files[path];
    if (path !== 'mimetype' && old && prev!.entries[path] === h && reusable(path, old)) {
      zip.files[path] = old;
      reused++;
    } else compressed++;
  }
  // a PNG is compressed already: stored, not deflated again (a tenth of the EPUB's compression time for
  // nothing); set after the reuse above, as an entry taken from the previous zip brings its own options
  for (const [path, entry] of Object.entries(zip.files)) if (STORED.test(path)) (entry as unknown as { options: { compression: string } }).options.compression = 'STORE';
  // fixed entry dates: JSZip writes the DOS date/time from the UTC fields, so the bytes do not depend on TZ
  const when = zipDate(date);
  const files: string[] = [];
  zip.forEach((path, entry) => {
    entry.date = when;
    files.push(path);
  });
  progress('epub: compressing');
  const bytes = await zip.generateAsync({ type: 'uint8array', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  writeFileAtomic(outFile, bytes);
  if (opts.cache) {
    writeFileSync(join(opts.cache.dir, 'zip.json'), JSON.stringify({ epub: sha256Hex(bytes), entries: entryHashes } satisfies ZipRecord));
    cache?.prune();
  }
  return {
    bytes,
    files,
    fonts: fontFiles.map((f) => ({ file: f.filename, bytes: f.data.length, cached: f.cached })),
    questions: questionCount,
    conferences: { rendered, reused: total - rendered },
    entries: { compressed, reused },
    pageList: pageEntries.length,
  };
}

/**
 * One press conference's chapter exactly as the EPUB holds it (its XHTML page, linking `style.css`) and
 * that stylesheet (the theme's, without the embedded font): the preview's side panel shows it.
 */
export function renderEpubChapter(book: Book, eventId: string, opts: { transforms?: HastTransform[]; locale?: Locale } = {}): { xhtml: string; css: string } | undefined {
  const c = book.config;
  const theme = loadTheme(c.theme, 'epub', c.root);
  const locale = opts.locale ?? loadLocale(c.language, c.root);
  const view = bookView({ ...book, events: book.events.filter((e) => e.meta.id === eventId) }, theme, locale, { xhtml: true, transforms: opts.transforms });
  const e = view.years.flatMap((y) => y.events)[0];
  if (!e) return undefined;
  const body = render(tpl('event.xhtml'), { ...e, t: locale.words });
  const xhtml = render(tpl('page.xhtml'), { lang: c.language, pageTitle: e.title, bodyType: 'bodymatter', body }).trim() + '\n';
  return { xhtml, css: theme.css };
}

/** Cover height in pixels of the raster cover (readers' thumbnails and store listings want at least 1600). */
export const COVER_PNG_HEIGHT = 2400;

/**
 * The SVG cover drawn to a PNG by resvg (glyphs are outlines already: no font needed, no browser).
 * Kept in the font cache folder by the SVG's hash and resvg's version, as the font subsets are (the
 * drawing is a tenth of a second of each `epub`; the same cover gives the same PNG).
 */
async function rasterCover(svg: string, cacheDir?: string): Promise<Buffer> {
  const version = (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version;
  const key = createHash('sha256').update(`resvg ${version}\n${COVER_PNG_HEIGHT}\n${svg}`).digest('hex').slice(0, 32);
  const file = join(cacheDir ?? defaultCacheDir(), 'covers', `${key}.png`);
  if (existsSync(file)) {
    const held = readFileSync(file);
    // a PNG signature and more: a cut file is drawn again
    if (held.length > 8 && held.readUInt32BE(0) === 0x89504e47) return held;
  }
  const { Resvg } = await import('@resvg/resvg-js');
  const png = new Resvg(svg, { fitTo: { mode: 'height', value: COVER_PNG_HEIGHT }, font: { loadSystemFonts: false } }).render().asPng();
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(file, png);
  } catch {
    /* a read-only cache is not an error */
  }
  return png;
}

/** The EPUB's anchors in reading order (years, conferences, questions and follow-ups, index, colophon). */
function readingOrder(years: { anchor: string; events: { anchor: string; questions: { anchor: string; followups: { anchor: string }[] }[] }[] }[]): string[] {
  return [...years.flatMap((y) => [y.anchor, ...y.events.flatMap((e) => [e.anchor, ...e.questions.flatMap((q) => [q.anchor, ...q.followups.map((f) => f.anchor)])])]), 'question-index', 'colophon'];
}

/**
 * Page break markers: for each printed page, an empty `epub:type="pagebreak"` span where that page's
 * own text begins in the EPUB: at the first anchor (conference, question…) or turn paragraph that
 * begins on it (the print edition reads back the page each paragraph begins on: paragraphs.ts), so a
 * page that opens with the last lines of a paragraph from the page before has its marker at the next
 * paragraph. A page on which nothing begins (one long paragraph over the whole page) has no marker.
 * Markers follow the reading order. Changes `pages` in place.
 */
function pageBreaks(pages: Page[], order: string[], labels: Map<string, string>): { label: string; href: string }[] {
  const anchors = new Set(order);
  const ID = /<[a-zA-Z][\w:-]*(?:\s[^>]*?)?\sid="([^"]+)"[^>]*>/g;
  const out: { label: string; href: string }[] = [];
  const seen = new Set<string>();
  for (const p of pages) {
    // the places a page could begin, in document order: elements with an anchor that has a page, turn paragraphs
    const at: { end: number; label: string }[] = [];
    for (const m of p.xhtml.matchAll(ID)) {
      const label = anchors.has(m[1]!) ? labels.get(m[1]!) : undefined;
      if (label) at.push({ end: m.index! + m[0].length, label });
    }
    for (const q of eventParagraphs(p.xhtml)) {
      const label = labels.get(paragraphAnchor(q.event, q.k));
      if (label) at.push({ end: q.at + q.tag.length, label });
    }
    at.sort((x, y) => x.end - y.end);
    const marks: { end: number; label: string }[] = [];
    for (const x of at) {
      if (seen.has(x.label)) continue;
      seen.add(x.label);
      marks.push(x);
      out.push({ label: x.label, href: `${p.filename}#page-${x.label}` });
    }
    for (const x of marks.reverse())
      p.xhtml = `${p.xhtml.slice(0, x.end)}<span epub:type="pagebreak" role="doc-pagebreak" id="page-${x.label}" aria-label="${x.label}"></span>${p.xhtml.slice(x.end)}`;
  }
  return out;
}

/** The nav page with a (hidden) page-list after its other navs. */
function withPageList(nav: string, entries: { label: string; href: string }[], title: string): string {
  const list = entries.map((e) => `<li><a href="${e.href}">${e.label}</a></li>`).join('');
  const block = `<nav epub:type="page-list" role="doc-pagelist" id="page-list" aria-labelledby="page-list-title" hidden="hidden"><h2 id="page-list-title">${title}</h2><ol>${list}</ol></nav>\n`;
  return nav.replace(/<\/body>/, `${block}</body>`);
}
