/**
 * The context every renderer gets (see shared/renderer.ts), made once per command: the output and
 * build folders, the output cache, one lazily launched browser, the locale, the notes (loaded once per
 * file, here and not in any renderer), and the command's output.
 */
import type { Book } from '../model/types.js';
import type { PressbookBrowser } from '../browser/launch.js';
import { configBrowser } from '../config/load.js';
import { loadAnnotations } from '../annotations/index.js';
import type { OutputCache } from '../util/cache.js';
import { loadLocale } from './shared/locale.js';
import type { RenderContext, RenderedFile, Renderer } from './shared/renderer.js';

export type { Renderer, RenderContext, RenderedFile } from './shared/renderer.js';

export interface ContextOptions {
  out: string;
  buildRoot: string;
  cache?: OutputCache;
  inputs?: unknown;
  log(line: string): void;
  warn(line: string): void;
  detail?(line: string): void;
  progress?(stage: string, done?: number, total?: number): void;
  /** see RenderContext.whileWaiting */
  whileWaiting?(): void;
  /** a browser the caller owns (not closed by `close()`) */
  browser?: PressbookBrowser;
  /** a browser already being launched (see `launchEarly`): the context takes it over and closes it */
  launching?: Promise<PressbookBrowser>;
}

/**
 * Start Chromium now (it starts while the sources are cleaned); hand the promise to `createContext`.
 * `spawned` settles once Chromium's process is being started (or the launch failed): cleaning is
 * synchronous work, so a caller that starts it before then holds the launch back until it is done.
 */
export function launchEarly(config: Book['config']): Promise<PressbookBrowser> & { spawned: Promise<void> } {
  let spawn!: () => void;
  const spawned = new Promise<void>((r) => (spawn = r));
  const p = import('../browser/launch.js').then(({ launchBrowser }) => launchBrowser(configBrowser(config), spawn));
  p.then(spawn, spawn); // a failure is reported when a renderer asks for the browser
  return Object.assign(p, { spawned });
}

/** A log that prints each distinct line once (stale notes are found by every handout and by the book). */
export function onceLog(log: (s: string) => void): (s: string) => void {
  const seen = new Set<string>();
  return (s) => {
    if (seen.has(s)) return;
    seen.add(s);
    log(s);
  };
}

export function createContext(book: Book, o: ContextOptions): RenderContext & { close(): Promise<void> } {
  let launched: Promise<PressbookBrowser> | undefined = o.launching;
  const notes = new Map<string, ReturnType<typeof loadAnnotations>>();
  return {
    out: o.out,
    buildRoot: o.buildRoot,
    cache: o.cache,
    inputs: o.inputs ?? null,
    locale: loadLocale(book.config.language, book.config.root),
    browser() {
      if (o.browser) return Promise.resolve(o.browser);
      const t0 = performance.now();
      launched ??= import('../browser/launch.js')
        .then(({ launchBrowser }) => launchBrowser(configBrowser(book.config)))
        .then((b) => (o.detail?.(`browser launched in ${Math.round(performance.now() - t0)} ms`), b));
      return launched;
    },
    notes(file) {
      const k = file ?? '';
      if (!notes.has(k)) notes.set(k, loadAnnotations(book, file));
      return notes.get(k)!;
    },
    log: onceLog(o.log),
    warn: o.warn,
    detail: o.detail ?? (() => undefined),
    progress: o.progress ?? (() => undefined),
    whileWaiting: o.whileWaiting,
    async close() {
      // the command is done with Chromium: its processes are ended, not shut down gracefully
      if (launched) await (await launched.catch(() => undefined))?.close({ kill: true });
    },
  };
}

/** Run renderers one after another on the same context; every file they report, in order. */
export async function runRenderers(book: Book, renderers: Renderer[], ctx: RenderContext): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  for (const r of renderers) files.push(...(await r.render(book, ctx)));
  return files;
}
