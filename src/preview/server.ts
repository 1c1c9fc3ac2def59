/**
 * `pressbook preview`: a loopback HTTP server (node:http) on a free port, a websocket (ws) that tells
 * the page what changed, and a file watcher (chokidar) on the sources, the canonical Markdown, the
 * notes, the config, and the themes, templates and locales (the book's and pressbook's own).
 *
 *   GET  /              the preview page (paged print view, EPUB chapter, side panel), client script inline
 *   GET  /pdf/<id>      one conference printed by Chromium from its print HTML (see paged.ts)
 *   GET  /pdfjs/<file>  pdf.js (pdfjs-dist) from node_modules
 *   GET  /print/<id>    the print HTML of one conference (fonts under /print/fonts/), as a galley sheet
 *   GET  /epub/<id>     the EPUB chapter of one conference (XHTML, as in the EPUB); /epub/style.css its stylesheet
 *   GET  /state         conferences, problems, diagnostics of each conference's sources (JSON)
 *   POST /open          {file, line}: `$EDITOR +line file`, only for a file the preview knows, only when EDITOR is set
 *   WS   /ws            {type: "update", version, events: [ids] | null (everything), problems}
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import chokidar, { type FSWatcher } from 'chokidar';
import { PACKAGE_ROOT } from '../util/paths.js';
import { PreviewBook } from './book.js';
import { previewPage } from './page.js';
import { clearLocaleCache } from '../render/shared/locale.js';
import { configBrowser } from '../config/load.js';
import { PagedPrinter } from './paged.js';
import { fontRegion, isEditionName } from '../model/edition.js';
import { regionKind } from '../fonts/families.js';
import { createRequire } from 'node:module';

/** pdf.js, served to the page from the installed package (its ES module builds) */
const PDFJS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'build');

export interface PreviewOptions {
  /** pressbook.yaml or its folder */
  book: string;
  /** output folder (the canonical Markdown is written to <out>/<output.markdown>, as `build` does) */
  out: string;
  port?: number;
  log?(line: string): void;
}

export interface PreviewServer {
  url: string;
  book: PreviewBook;
  /** the Chromium that prints the paged view (its last print's timings) */
  printer: PagedPrinter;
  /** resolves once the watcher has read the folders (edits after it are seen) */
  ready: Promise<void>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.css': 'text/css', '.otf': 'font/otf' };

type Change = 'markdown' | 'source' | 'config' | 'render';

export async function startPreview(o: PreviewOptions): Promise<PreviewServer> {
  const log = o.log ?? (() => undefined);
  const out = resolve(o.out);
  const buildDir = join(out, '.build', 'preview');
  mkdirSync(buildDir, { recursive: true });
  const book = new PreviewBook(o.book, out, buildDir);
  if (book.loadConfig()) await book.clean();
  const printer = new PagedPrinter(buildDir, () => configBrowser(book.config));

  let epubCss = '';
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, 'text/plain', String((e as Error).message)));
  });
  const wss = new WebSocketServer({ server, path: '/ws' });
  const clients = new Set<WebSocket>();
  /** the conference and edition each page shows (it says so over the socket) */
  const viewing = new Map<WebSocket, { id: string; edition: string }>();
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('message', (data) => {
      try {
        const m = JSON.parse(String(data)) as { type?: string; id?: unknown; edition?: unknown };
        if (m.type === 'view' && typeof m.id === 'string') viewing.set(ws, { id: m.id, edition: typeof m.edition === 'string' ? m.edition : '' });
      } catch {
        /* not ours */
      }
    });
    ws.on('close', () => {
      clients.delete(ws);
      viewing.delete(ws);
    });
  });
  const broadcast = (events: string[] | null) => {
    // the pages in view will ask for these prints at once: render their HTML meanwhile
    const seen = new Set<string>();
    for (const { id, edition } of viewing.values())
      if (!seen.has(slotOf(id, edition)) && (events === null || events.includes(id)) && !book.problems.some((p) => p.kind === 'config')) {
        seen.add(slotOf(id, edition));
        printer.prepare(slotOf(id, edition), String(book.version), () => book.printHtml(id, edition));
      }
    const msg = JSON.stringify({ type: 'update', version: book.version, events, problems: book.problems });
    for (const c of clients) c.send(msg);
  };

  /** a conference in an edition: the printer's slot */
  const slotOf = (id: string, edition: string) => `${id}@${edition}`;

  function send(res: ServerResponse, code: number, type: string, body: string | Buffer) {
    res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    if (req.method === 'GET' && path === '/') return send(res, 200, 'text/html; charset=utf-8', previewPage());
    if (req.method === 'GET' && path === '/state') return send(res, 200, 'application/json', JSON.stringify(state()));
    if (req.method === 'GET' && path.startsWith('/print/fonts/')) {
      const file = resolve(buildDir, 'fonts', path.slice('/print/fonts/'.length));
      if (!file.startsWith(join(buildDir, 'fonts') + sep) || !existsSync(file)) return send(res, 404, 'text/plain', 'not found');
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
    }
    if (req.method === 'GET' && path.startsWith('/print/')) {
      const id = path.slice('/print/'.length);
      try {
        const p = await book.printHtml(id, url.searchParams.get('ed') ?? '');
        const [t, ou, b, i] = p.margins;
        // screen only (never printed): the page width and margins of the theme, one galley sheet
        const galley = `<style media="screen" id="pb-preview">html{background:#8d8d8d}body{box-sizing:border-box;width:${p.width}mm;min-height:100vh;margin:12px auto;padding:${t}mm ${ou}mm ${b}mm ${i}mm;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.4)}[data-src-line]{cursor:pointer}[data-src-line]:hover{outline:1px dashed #4a90d9}.pb-picked{background:#fff3b0}</style>`;
        return send(res, 200, 'text/html; charset=utf-8', p.html.replace('</head>', galley + '</head>'));
      } catch (e) {
        return send(res, 404, 'text/plain; charset=utf-8', (e as Error).message);
      }
    }
    if (req.method === 'GET' && path.startsWith('/pdf/')) {
      const id = path.slice('/pdf/'.length);
      try {
        const pages = url.searchParams.get('pages') ?? undefined;
        if (pages !== undefined && !/^\d+-\d+$/.test(pages)) return send(res, 400, 'text/plain', 'pages: <first>-<last>');
        const edition = url.searchParams.get('ed') ?? '';
        const pdf = await printer.pdf(slotOf(id, edition), String(book.version), () => book.printHtml(id, edition), pages);
        return send(res, 200, 'application/pdf', Buffer.from(pdf));
      } catch (e) {
        return send(res, 404, 'text/plain; charset=utf-8', (e as Error).message);
      }
    }
    if (req.method === 'GET' && /^\/pdfjs\/pdf(\.worker)?\.min\.mjs$/.test(path)) {
      return send(res, 200, 'text/javascript; charset=utf-8', readFileSync(join(PDFJS, path.slice('/pdfjs/'.length))));
    }
    if (req.method === 'GET' && path === '/epub/style.css') return send(res, 200, 'text/css; charset=utf-8', epubCss);
    if (req.method === 'GET' && path.startsWith('/epub/')) {
      try {
        const id = path.slice('/epub/'.length);
        const ed = url.searchParams.get('ed') ?? '';
        const r = await book.epubChapter(id, ed);
        epubCss = r.css;
        // the reader's font: the EPUB embeds a slice of Noto Serif SC (TC, HK for those editions); the
        // panel borrows the print's slices of the edition shown (they hold every character of the
        // conference), the first time once the first print has written them
        const name = ed.split('.')[0] ?? '';
        const kind = isEditionName(name) ? regionKind('serif', fontRegion(name)) : 'serif';
        const version = book.version;
        if (!existsSync(join(buildDir, 'fonts', `${kind}-400.ttf`))) await printer.idle();
        const faces = [400, 700]
          .filter((w) => existsSync(join(buildDir, 'fonts', `${kind}-${w}.ttf`)))
          .map((w) => `@font-face{font-family:"Pressbook preview serif";font-weight:${w};src:url(/print/fonts/${kind}-${w}.ttf?v=${version}) format("truetype")}`);
        const style = `${faces.join('')}${faces.length ? 'body{font-family:"Pressbook preview serif",serif}' : ''}[data-src-line]{cursor:pointer}[data-src-line]:hover{outline:1px dashed #4a90d9}.pb-picked{background:#fff3b0}`;
        return send(res, 200, 'application/xhtml+xml; charset=utf-8', r.xhtml.replace('</head>', `<style id="pb-preview">${style}</style></head>`));
      } catch (e) {
        return send(res, 404, 'text/plain; charset=utf-8', (e as Error).message);
      }
    }
    if (req.method === 'POST' && path === '/open') return openInEditor(req, res);
    return send(res, 404, 'text/plain', 'not found');
  }

  function state() {
    const events = book.events().map(({ event, path, error }) => ({
      id: event.meta.id,
      title: event.meta.title,
      date: event.meta.date,
      file: path,
      error,
      diagnostics: book.diagnostics(event.meta.id),
    }));
    return { version: book.version, title: book.config?.title ?? '', events, editions: book.editions(), problems: book.problems, editor: !!process.env.EDITOR };
  }

  /** Files the page may ask to open: the Markdown files and the sources the report names. */
  function known(file: string): boolean {
    if (book.files.has(file)) return true;
    return (book.report?.sources ?? []).some((s) => book.config && resolve(book.config.root, s.file) === file);
  }

  async function openInEditor(req: IncomingMessage, res: ServerResponse) {
    // a page of another origin cannot post here (the browser sends its Origin)
    const origin = req.headers.origin;
    if (origin && origin !== urlBase) return send(res, 403, 'text/plain', 'forbidden');
    if (!/^application\/json/.test(req.headers['content-type'] ?? '')) return send(res, 415, 'text/plain', 'JSON only');
    let body = '';
    for await (const chunk of req) {
      body += chunk;
      if (body.length > 10_000) return send(res, 413, 'text/plain', 'too large');
    }
    let file: unknown, line: unknown;
    try {
      ({ file, line } = JSON.parse(body) as { file?: unknown; line?: unknown });
    } catch {
      return send(res, 400, 'text/plain', 'bad JSON');
    }
    if (typeof file !== 'string' || !known(resolve(file))) return send(res, 404, 'text/plain', 'not a file of this book');
    const n = Number(line);
    if (!Number.isInteger(n) || n < 1) return send(res, 400, 'text/plain', 'bad line');
    const editor = process.env.EDITOR?.trim();
    if (!editor) return send(res, 409, 'text/plain', `EDITOR is not set: open ${file}:${n} yourself`);
    const [cmd, ...args] = editor.split(/\s+/);
    const child = spawn(cmd!, [...args, `+${n}`, resolve(file)], { stdio: 'ignore', detached: true, shell: false });
    child.on('error', (e) => log(`preview: could not start $EDITOR (${editor}): ${e.message}`));
    child.unref();
    return send(res, 200, 'text/plain', `opened ${file}:${n} in ${editor}`);
  }

  // rebuilds run one after another; changes arriving meanwhile are batched into the next one
  const pending = new Map<string, Change>();
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  function queue(file: string, change: Change) {
    pending.set(file, change);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = new Map(pending);
      pending.clear();
      running = running.then(() => rebuild(batch)).catch((e) => log(`preview: ${(e as Error).message}`));
    }, 15);
  }
  async function rebuild(batch: Map<string, Change>) {
    const kinds = new Set(batch.values());
    const t0 = performance.now();
    if (kinds.has('config')) {
      if (book.loadConfig()) await book.clean();
      broadcast(null);
    } else if (kinds.has('source')) {
      const ids = await book.clean();
      // also the Markdown edits of this batch
      for (const [f, k] of batch) if (k === 'markdown') ids.push(book.parse(f).event?.meta.id ?? book.eventOf(f));
      broadcast([...new Set(ids)]);
    } else if (kinds.has('render')) {
      clearLocaleCache();
      book.version++;
      broadcast(null);
    } else {
      const ids = [...batch.keys()].map((f) => {
        book.parse(f);
        return book.eventOf(f);
      });
      broadcast(ids);
    }
    log(`preview: ${[...batch.keys()].map((f) => relative(process.cwd(), f)).join(', ')} → updated in ${Math.round(performance.now() - t0)} ms`);
  }

  function classify(file: string): Change | undefined {
    const f = resolve(file);
    const c = book.config;
    if (f.startsWith(buildDir)) return undefined;
    if (book.mdDir && f.startsWith(book.mdDir + sep)) return f.endsWith('.md') ? 'markdown' : undefined;
    if (f.startsWith(out + sep)) return undefined;
    if (c && f === c.file) return 'config';
    if (!c && /pressbook\.ya?ml$/.test(f)) return 'config';
    if (/[\\/](styles|templates|locales)[\\/]/.test(f)) return 'render';
    if (c && (f === resolve(c.root, c.notes ?? 'notes.yaml'))) return 'render';
    if (c && c.sources.some((s) => f === resolve(c.root, s) || f.startsWith(resolve(c.root, s) + sep))) return 'source';
    return undefined;
  }

  const root = book.config?.root ?? resolve(o.book);
  const watched = [root, book.mdDir, ...['styles', 'templates', 'locales'].map((d) => join(PACKAGE_ROOT, d))].filter((p) => p && existsSync(p));
  const watcher: FSWatcher = chokidar.watch([...new Set(watched)], {
    ignoreInitial: true,
    ignored: (p: string) => /[\\/](node_modules|\.git|\.build)([\\/]|$)/.test(p) || p.endsWith('.tmp') || /\.pressbook-tmp/.test(p),
  });
  const onFile = (file: string) => {
    const k = classify(file);
    if (k) queue(resolve(file), k);
  };
  watcher.on('add', onFile).on('change', onFile).on('unlink', onFile);
  const ready = new Promise<void>((r) => watcher.once('ready', () => r()));

  await new Promise<void>((r, j) => {
    server.once('error', j);
    server.listen(o.port ?? 0, '127.0.0.1', () => r());
  });
  const urlBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: urlBase + '/',
    book,
    printer,
    ready,
    async close() {
      clearTimeout(timer);
      await watcher.close();
      for (const c of clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await running;
      await printer.close();
    },
  };
}
