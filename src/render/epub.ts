import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EPub } from 'epub-gen-memory';
import type JSZip from 'jszip';
import type { Book } from '../model/types.js';
import { loadTheme, PACKAGE_ROOT } from './theme.js';
import { bookView } from './html.js';
import { render } from './mustache.js';
import { writeFileAtomic } from '../util/fs.js';

const tpl = (name: string) => readFileSync(join(PACKAGE_ROOT, 'templates', 'epub', name), 'utf8');

/** A name-based UUID (v5 layout) derived from the book id: same book, same identifier. */
export function uuidFromId(id: string): string {
  const h = createHash('sha1').update('pressbook:' + id).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** Build time: SOURCE_DATE_EPOCH when set (reproducible builds), else now; whole seconds, UTC. */
export function buildDate(env = process.env): Date {
  const s = env.SOURCE_DATE_EPOCH;
  const d = s && /^\d+$/.test(s) ? new Date(Number(s) * 1000) : new Date();
  d.setUTCMilliseconds(0);
  return d;
}
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface EpubResult {
  bytes: Uint8Array;
  files: string[];
}

export async function renderEpub(book: Book, outFile: string): Promise<EpubResult> {
  const c = book.config;
  const theme = loadTheme(c.theme, 'epub', c.root);
  const view = bookView(book, theme, { xhtml: true });
  const lang = c.language;
  const page = (pageTitle: string, bodyType: string, body: string) => render(tpl('page.xhtml'), { lang, pageTitle, bodyType, body }).trim() + '\n';

  // file names and NCX play order
  let order = 1;
  const years = view.years.map((y) => {
    const yOrder = order++;
    const events = y.events.map((e) => {
      const file = `${e.anchor}.xhtml`;
      const eOrder = order++;
      return { ...e, file, order: eOrder, questions: e.questions.map((q) => ({ ...q, file, order: order++ })) };
    });
    return { ...y, order: yOrder, firstFile: events[0]!.file, firstAnchor: events[0]!.anchor, events };
  });
  const fileOf = new Map(years.flatMap((y) => y.events.flatMap((e) => e.questions.map((q) => [q.anchor, e.file] as const))));
  const index = {
    byTopic: view.index.byTopic.map((g) => ({ ...g, entries: g.entries.map((q) => ({ ...q, file: fileOf.get(q.anchor) })) })),
    byOutlet: view.index.byOutlet.map((g) => ({ ...g, entries: g.entries.map((q) => ({ ...q, file: fileOf.get(q.anchor) })) })),
  };
  const uuid = uuidFromId(c.id ?? c.title);
  const date = buildDate();
  const navBody = render(tpl('nav.xhtml'), { years, hasCover: true });
  const nav = page('目录', 'frontmatter', navBody);
  const ncx = render(tpl('toc.ncx'), { lang, uuid, title: c.title, years, indexOrder: order, colophonOrder: order + 1 });

  const chapters = [
    { title: '封面', filename: 'cover.xhtml', beforeToc: true, excludeFromToc: true, id: 'cover', content: '-', xhtml: page(c.title, 'cover', render(tpl('cover.xhtml'), { ...view })) },
    ...years.flatMap((y) =>
      y.events.map((e) => ({ title: e.title, filename: e.file, id: e.anchor, content: '-', xhtml: page(e.title, 'bodymatter', render(tpl('event.xhtml'), e)) })),
    ),
    { title: '提问索引', filename: 'index.xhtml', id: 'index', content: '-', xhtml: page('提问索引', 'backmatter', render(tpl('index.xhtml'), { index })) },
    { title: '版本说明', filename: 'colophon.xhtml', id: 'colophon', content: '-', xhtml: page('版本说明', 'backmatter', render(tpl('colophon.xhtml'), view)) },
  ];
  const passthrough = '<%- xhtml -%>';
  const epub = new EPub(
    {
      title: c.title,
      author: c.author ? [c.author] : c.editor ? [c.editor] : ['pressbook'],
      publisher: c.editor ?? c.author ?? 'pressbook',
      description: c.description ?? c.subtitle ?? c.title,
      lang,
      css: theme.css,
      contentOPF: tpl('content.opf.ejs'),
      tocXHTML: '<%- pb.nav -%>',
      tocNCX: '<%- pb.ncx -%>',
      chapterXHTML: passthrough,
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
          a11ySummary: '全书为可重排文本，有按年份—记者会—提问三级目录与提问索引，无图像依赖的内容。',
        },
      } as object),
    },
    chapters,
  );
  (epub as unknown as { uuid: string }).uuid = uuid;
  await epub.render();
  const zip = (epub as unknown as { zip: JSZip }).zip;
  const files: string[] = [];
  zip.forEach((path, entry) => {
    entry.date = new Date(date.getTime() - date.getTimezoneOffset() * 60000); // JSZip writes local time: keep the bytes TZ-independent
    files.push(path);
  });
  const bytes = await zip.generateAsync({ type: 'uint8array', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  writeFileAtomic(outFile, bytes);
  return { bytes, files };
}
