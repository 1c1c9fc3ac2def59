/** `pressbook build`, `pdf` and `epub`: loaded only when one of them runs. */
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { cleanBuildDir, ensureDir, Manifest, prepareBook } from '../build.js';
import { formatSummary } from '../ingest/write.js';
import { lockOutput } from '../util/lock.js';
import { output } from './output.js';
import { reportWritten } from './written.js';
import { bookStamp, OutputCache } from '../util/cache.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Book } from '../model/types.js';
import { createContext, launchEarly, runRenderers, type RenderedFile, type Renderer } from '../render/context.js';
import { dataRenderer } from '../render/data/index.js';
import { EDITIONS, isEditionName, OVERRIDES_FILE, type EditionSpec } from '../model/edition.js';
import { PressbookError } from '../errors.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { nextTurn } from '../util/turns.js';

const log = (s: string) => output().info(s);

interface BuildOptions {
  out: string;
  force?: boolean;
  pdf?: boolean;
  epub?: boolean;
  handouts?: boolean;
  embedFont?: boolean;
  /** editions to print (src/model/edition.ts): overrides the config's `editions` */
  bilingual?: boolean;
  edition?: string[];
  /** with --edition: vertical (vertical-rl pages, right-to-left page progression) */
  vertical?: boolean;
}

/** The editions a build prints: --edition (with --vertical), else the config's `editions`, else none (the book as cleaned). */
export function editionSpecs(config: { editions?: EditionSpec[] }, o: Pick<BuildOptions, 'edition' | 'vertical'>): EditionSpec[] | undefined {
  if (o.edition?.length) {
    const bad = o.edition.filter((n) => !isEditionName(n));
    if (bad.length) throw new PressbookError(`--edition ${bad.join(', ')}: not an edition (expected ${EDITIONS.join(', ')})`);
    return [...new Set(o.edition)].map((name) => ({ name: name as EditionSpec['name'], vertical: !!o.vertical }));
  }
  if (o.vertical) throw new PressbookError('--vertical needs --edition (e.g. --edition zh-Hant-TW --vertical)');
  return config.editions;
}

export async function buildCommand(book: string, o: BuildOptions) {
  const t0 = Date.now();
  const config = loadConfig(book);
  editionSpecs(config, o); // a wrong --edition / --vertical stops here, before anything is cleaned
  const out = ensureDir(resolve(o.out));
  const unlock = await lockOutput(out, { log });
  try {
    await buildLocked(config, out, o, t0);
  } finally {
    await unlock();
  }
}

/** Whether a Markdown file of the output folder or the config file is newer than `file` (a few milliseconds: stat only). */
function editedSince(file: string, mdDir: string, configFile?: string): boolean {
  try {
    const t = statSync(file).mtimeMs;
    if (configFile && existsSync(configFile) && statSync(configFile).mtimeMs > t) return true;
    if (!existsSync(mdDir)) return false;
    for (const f of readdirSync(mdDir)) if (f.endsWith('.md') && statSync(join(mdDir, f)).mtimeMs > t) return true;
  } catch {
    return false;
  }
  return false;
}

async function buildLocked(config: ReturnType<typeof loadConfig>, out: string, o: BuildOptions, t0: number) {
  // milliseconds since the process started, per stage (--verbose; npm run bench prints them)
  const marks: [string, number][] = [['locked', performance.now()]];
  const mark = (stage: string) => marks.push([stage, performance.now()]);
  const manifest = new Manifest(out);
  // a first print (no PDF in the output folder yet), or a PDF older than a Markdown file (edited by
  // hand: the print, or its patch, will run): Chromium starts while the sources are cleaned
  const pdfFile = join(out, config.output.pdf);
  const launching = o.pdf !== false && (!existsSync(pdfFile) || editedSince(pdfFile, join(out, config.output.markdown), config.file)) ? launchEarly(config) : undefined;
  let prepared;
  // let Chromium's process start before the (synchronous) cleaning takes the thread: then it boots
  // on the other core meanwhile; puppeteer spawns it a few microtasks after `spawned`
  if (launching) await Promise.race([launching.spawned.then(nextTurn), new Promise((r) => setTimeout(r, 2000).unref())]);
  if (launching) mark('spawned');
  try {
    output().progress('cleaning sources');
    prepared = await prepareBook(config, out, {
      force: o.force,
      progress: (stage, ...a) => {
        if (stage === 'writing and reading the Markdown') mark('cleaned');
        output().progress(stage, ...a);
      },
      deferParse: true,
    });
    mark('book');
  } catch (e) {
    await (await launching?.catch(() => undefined))?.close();
    throw e;
  }
  const { book: b, mdDir, written, result, messages } = prepared;
  // the clean report in brief (the full linter-style listing: `pressbook clean`, and report.json)
  log(formatSummary(result.report).trim().split('\n').pop() ?? '');
  for (const e of result.report.errors) output().error(`error: ${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`);
  for (const k of result.report.skipped ?? []) log(`${k.file}: skipped (${k.reason})`);
  reportWritten(written, messages);
  if (result.report.errors.length) process.exitCode = 1;
  log(`cleaned ${b.events.length} press conference(s) → ${mdDir}`);
  const cache = new OutputCache(out);
  const specs = editionSpecs(config, o);
  const buildRoot = cleanBuildDir(out);
  const ctxOf = (book: Book, extra: Partial<Parameters<typeof createContext>[1]> = {}) =>
    createContext(book, { out, buildRoot: book.edition ? ensureDir(join(buildRoot, `${book.edition.name}${book.edition.vertical ? '-vertical' : ''}`)) : buildRoot, cache, inputs: bookInputs(book), launching, log, warn: (s) => output().warn(s), detail: (s) => output().detail(s), progress: (...a) => output().progress(...a), ...extra });
  const contexts: ReturnType<typeof createContext>[] = [];
  let files: RenderedFile[] = [];
  try {
    // the editions, each a renderer (src/render/*/index.ts), loaded only when wanted
    const renderers = async (handouts: boolean, edition?: EditionSpec): Promise<Renderer[]> => {
      const r: Renderer[] = [];
      if (o.pdf !== false) r.push((await import('../render/print/index.js')).printRenderer());
      if (o.epub !== false) r.push((await import('../render/epub/index.js')).epubRenderer({ embedFont: o.embedFont || (!!edition && edition.name !== 'zh-Hans'), bilingual: o.bilingual ?? config.bilingual.epub }));
      // handouts are PDFs too: printed by `build` unless --no-pdf (`pdf` prints the book only)
      if (handouts && o.pdf !== false && o.handouts !== false && config.handouts.length) r.push((await import('../render/handout/index.js')).handoutRenderer(config.handouts));
      return r;
    };
    const renderBook = async (b: Book): Promise<RenderedFile[]> => {
      const files: RenderedFile[] = [];
      // the first context takes the browser over (and, while Chromium prints, the Markdown's check)
      const first = contexts[0];
      const ctx = first ? ctxOf(b, { launching: undefined, browser: o.pdf !== false ? await first.browser() : undefined }) : ctxOf(b, { whileWaiting: () => void prepared.checkParseInTurns() });
      contexts.push(ctx);
      if (!specs) files.push(...(await runRenderers(b, [dataRenderer(), ...(await renderers(true))], ctx)));
      else {
        // one cleaned Markdown, one data export; then each edition's PDF and EPUB (handouts: the zh-Hans edition's)
        files.push(...(await runRenderers(b, [dataRenderer()], ctx)));
        const { editionBook } = await import('../model/edition.js');
        for (const spec of specs) {
          const plain = spec.name === 'zh-Hans' && !spec.vertical;
          const eb = plain ? b : await editionBook(b, spec);
          const ectx = plain ? ctx : ctxOf(eb, { launching: undefined, browser: o.pdf !== false ? await ctx.browser() : undefined });
          if (ectx !== ctx) contexts.push(ectx);
          if (!plain) output().progress(`edition ${spec.name}${spec.vertical ? ' (vertical)' : ''}`);
          files.push(...(await runRenderers(eb, await renderers(plain, spec), ectx)));
        }
      }
      return files;
    };
    files = await renderBook(b);
    mark('rendered');
    // the Markdown this run wrote was read from memory (prepareBook deferParse): the source of truth
    // is its parse, made while Chromium printed, or here; should it differ, the book is made again from it
    const seen = messages.length;
    const parsed = await prepared.parsedBook();
    if (parsed.differs) {
      output().detail(`markdown: ${parsed.differs}; the book is made again from the Markdown as parsed`);
      for (const m of messages.slice(seen)) log(m);
      files = await renderBook(parsed.book);
    }
  } finally {
    for (const c of contexts.reverse()) await c.close();
  }
  mark('closed');
  for (const w of written.files) manifest.add(w.path, w.kind);
  for (const f of files) manifest.add(f.path, f.kind);
  cache.save();
  // the manifest is written last, after every output
  const m = manifest.write({ book: config.id ?? config.title, config: config.file });
  mark('manifest');
  output().detail(`ms since the process started: ${marks.map(([k, t]) => `${k} ${Math.round(t)}`).join(', ')}`);
  log(`manifest ${m} (${manifest.files.length} files) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}


/** Everything a rendered book depends on besides pressbook's own code (see util/cache.ts). */
export function bookInputs(b: Book): unknown {
  const c = b.config;
  const notes = c.notes ? join(c.root, c.notes) : join(c.root, 'notes.yaml');
  return {
    events: b.events,
    cleaning: b.cleaning,
    config: c,
    theme: bookStamp(c.root),
    notes: existsSync(notes) ? readFileSync(notes, 'utf8') : null,
    epoch: process.env.SOURCE_DATE_EPOCH ?? null,
    // an edition: its name and script, and the override dictionary its text was converted with
    edition: b.edition ? { ...b.edition, conversion: undefined, dictionary: readFileSync(join(PACKAGE_ROOT, OVERRIDES_FILE), 'utf8') } : null,
  };
}

