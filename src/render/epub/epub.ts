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
import { buildDate, isoSeconds } from '../../util/date.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EPub } from 'epub-gen-memory';
import type JSZip from 'jszip';
import type { Book } from '../../model/types.js';
import type { HastTransform } from '../../ast/hast.js';
import { loadTheme, PACKAGE_ROOT } from '../shared/theme.js';
import { bookView } from '../shared/book-view.js';
import { render } from '../shared/mustache.js';
import { loadLocale, type Locale } from '../shared/locale.js';
import { writeFileAtomic } from '../../util/fs.js';
import { makeCover } from '../shared/cover.js';
import { cachedSubset } from '../shared/font-subset.js';

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
}

export interface EpubResult {
  bytes: Uint8Array;
  /** zip entry names in archive order */
  files: string[];
  /** embedded font files (empty without embedFont) and whether each came from the cache */
  fonts: { file: string; bytes: number; cached: boolean }[];
  /** number of question links in the nav */
  questions: number;
}

const FONT_FAMILY = 'Pressbook Noto Serif SC';

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
  const theme = loadTheme(c.theme, 'epub', c.root);
  const locale = opts.locale ?? loadLocale(c.language, c.root);
  const w = locale.words;
  const view = bookView(book, theme, locale, { xhtml: true, transforms: opts.transforms });
  const lang = c.language;
  const page = (pageTitle: string, bodyType: string, body: string) => render(tpl('page.xhtml'), { lang, pageTitle, bodyType, body }).trim() + '\n';
  const cacheDir = opts.cacheDir ?? (opts.env?.PRESSBOOK_CACHE_DIR || undefined);

  // file names and NCX play order (depth-first, one number per nav point)
  let order = 1;
  const years = view.years.map((y) => {
    const file = `year-${y.year}.xhtml`;
    const yOrder = order++;
    const events = y.events.map((e) => {
      const efile = `${e.anchor}.xhtml`;
      const eOrder = order++;
      const questions = e.questions.map((q) => {
        const qOrder = order++;
        return { ...q, file: efile, order: qOrder, followups: q.followups.map((f) => ({ ...f, file: efile, order: order++ })) };
      });
      return { ...e, file: efile, order: eOrder, questionCount: e.questions.length, questionCountText: locale.format('eventQuestionCount', { questions: e.questions.length }), questions };
    });
    const highlightsByEvent = events.filter((e) => e.hasHighlights).map((e) => ({ file: e.file, anchor: e.anchor, title: e.title, tocTitle: e.tocTitle, dateText: e.dateText, highlights: e.highlights }));
    return { ...y, file, order: yOrder, events, highlightsByEvent, hasHighlights: highlightsByEvent.length > 0, t: w };
  });
  const questionCount = years.reduce((n, y) => n + y.events.reduce((m, e) => m + e.questions.length, 0), 0);
  const followupCount = years.reduce((n, y) => n + y.events.reduce((m, e) => m + e.questions.reduce((k, q) => k + q.followups.length, 0), 0), 0);
  const fileOf = new Map(years.flatMap((y) => y.events.flatMap((e) => e.questions.flatMap((q) => [q, ...q.followups].map((x) => [x.anchor, e.file] as const)))));
  const withFile = (g: (typeof view.index.byTopic)[number]) => ({ ...g, entries: g.entries.map((q) => ({ ...q, file: fileOf.get(q.anchor) })) });
  const index = { byTopic: view.index.byTopic.map(withFile), byOutlet: view.index.byOutlet.map(withFile) };
  const uuid = uuidFromId(c.id ?? c.title);
  const date = buildDate(opts.env ?? process.env);
  const firstFile = years[0]?.file ?? 'index.xhtml';

  const coverAlt = locale.format('coverAlt', { title: c.title, yearsText: view.yearsText, subtitle: c.subtitle });
  const cover = await makeCover({ title: c.title, subtitle: c.subtitle, yearsText: view.yearsText, editor: c.editor ?? c.author, lang, alt: coverAlt }, { cacheDir });
  const navBody = render(tpl('nav.xhtml'), { years, hasCover: true, firstFile, t: w });
  const nav = page(w.toc, 'frontmatter', navBody);
  const ncx = render(tpl('toc.ncx'), { lang, uuid, title: c.title, years, depth: followupCount ? 4 : 3, indexOrder: order, colophonOrder: order + 1, t: w }).trim() + '\n';
  const counts = { questions: questionCount, followups: followupCount };
  const buildDay = isoSeconds(date).slice(0, 10);
  const colophon = {
    ...view,
    colophonTitle: locale.format('colophonTitle', { title: c.title, subtitle: c.subtitle, editor: c.editor }),
    colophonIntro: locale.format('colophonIntroEpub', { date: buildDay, uuid }),
    colophonFont: opts.embedFont ? locale.format('colophonFontEpub', { fontFamily: 'Noto Serif SC' }) : '',
  };

  const pages: Page[] = [
    { title: w.cover, filename: 'cover.xhtml', beforeToc: true, id: 'cover', xhtml: page(c.title, 'cover', render(tpl('cover.xhtml'), { ...view, coverImage: 'cover.svg', coverAlt: cover.alt })) },
    ...years.flatMap((y) => [
      { title: y.yearText, filename: y.file, id: y.anchor, xhtml: page(y.yearText, 'bodymatter', render(tpl('year.xhtml'), y)) },
      ...y.events.map((e) => ({ title: e.title, filename: e.file, id: e.anchor, xhtml: page(e.title, 'bodymatter', render(tpl('event.xhtml'), e)) })),
    ]),
    {
      title: w.questionIndex,
      filename: 'index.xhtml',
      id: 'question-index',
      xhtml: page(w.questionIndex, 'backmatter', render(tpl('index.xhtml'), { index, questionCount, followupCount, countText: locale.format('indexCount', counts), t: w })),
    },
    { title: w.colophon, filename: 'colophon.xhtml', id: 'colophon', xhtml: page(w.colophon, 'backmatter', render(tpl('colophon.xhtml'), colophon)) },
  ];

  // the embedded font: regular and bold subsets holding exactly the characters the pages show
  const fontFiles: { filename: string; mediaType: string; data: Buffer; cached: boolean; weight: number }[] = [];
  let css = theme.css;
  if (opts.embedFont) {
    const all = [...pages.map((p) => p.xhtml), nav].map(pageText);
    // the regular face holds every character shown (also a fallback for bold text), the bold face only what is bold
    const regular = all.map((t) => t.regular + t.bold).join('') + c.title;
    const bold = all.map((t) => t.bold).join('');
    const format = opts.fontFormat ?? 'truetype';
    const [ext, mediaType] = format === 'woff2' ? ['woff2', 'font/woff2'] : ['ttf', 'font/ttf'];
    const subsets = await Promise.all([
      cachedSubset(regular, { weight: 400, format, cacheDir }),
      cachedSubset(bold || c.title, { weight: 700, format, cacheDir }),
    ]);
    subsets.forEach((s, i) => {
      const weight = i === 0 ? 400 : 700;
      fontFiles.push({ filename: `noto-serif-sc-${weight}.${ext}`, mediaType, data: s.bytes, cached: s.cached, weight });
    });
    css =
      fontFiles
        .map((f) => `@font-face {\n  font-family: "${FONT_FAMILY}";\n  font-weight: ${f.weight};\n  font-style: normal;\n  src: url("fonts/${f.filename}") format("${format}");\n}`)
        .join('\n') +
      `\nbody { font-family: "${FONT_FAMILY}", serif; }\n` +
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
      cover: new File([cover.svg], 'cover.svg', { type: 'image/svg+xml' }),
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
          nav,
          ncx,
          subtitle: c.subtitle,
          editor: c.editor,
          subjects: [...new Set(book.events.flatMap((e) => e.turns.flatMap((t) => t.question?.topics ?? [])))].slice(0, 12),
          date: isoSeconds(date),
          modified: isoSeconds(date),
          fonts: fontFiles.map(({ filename, mediaType }) => ({ filename, mediaType })),
          coverAlt: cover.alt,
          a11ySummary: locale.format('a11ySummary', counts) + w.a11yCover,
        },
      } as object),
    },
    pages.map((p) => ({ title: p.title, filename: p.filename, id: p.id, beforeToc: !!p.beforeToc, excludeFromToc: true, content: '-', xhtml: p.xhtml })),
  );
  (epub as unknown as { uuid: string }).uuid = uuid;
  await epub.render();
  const zip = (epub as unknown as { zip: JSZip }).zip;
  for (const f of fontFiles) zip.file(`OEBPS/fonts/${f.filename}`, f.data, { binary: true });
  // fixed entry dates: JSZip writes the DOS date/time from the UTC fields, so the bytes do not depend on TZ
  const when = zipDate(date);
  const files: string[] = [];
  zip.forEach((path, entry) => {
    entry.date = when;
    files.push(path);
  });
  const bytes = await zip.generateAsync({ type: 'uint8array', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  writeFileAtomic(outFile, bytes);
  return { bytes, files, fonts: fontFiles.map((f) => ({ file: f.filename, bytes: f.data.length, cached: f.cached })), questions: questionCount };
}
