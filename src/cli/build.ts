/** `pressbook build`, `pdf` and `epub`: loaded only when one of them runs. */
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { cleanBuildDir, ensureDir, Manifest, prepareBook } from '../build.js';
import { formatSummary } from '../ingest/write.js';
import { lockOutput } from '../util/lock.js';
import { output } from './output.js';
import { reportWritten } from './written.js';
import { bookStamp, OutputCache } from '../util/cache.js';
import { existsSync, readFileSync } from 'node:fs';
import type { Book } from '../model/types.js';
import { createContext, launchEarly, runRenderers, type Renderer } from '../render/context.js';
import { dataRenderer } from '../render/data/index.js';

const log = (s: string) => output().info(s);

interface BuildOptions {
  out: string;
  force?: boolean;
  pdf?: boolean;
  epub?: boolean;
  handouts?: boolean;
  embedFont?: boolean;
  bilingual?: boolean;
}

export async function buildCommand(book: string, o: BuildOptions) {
  const t0 = Date.now();
  const config = loadConfig(book);
  const out = ensureDir(resolve(o.out));
  const unlock = await lockOutput(out, { log });
  try {
    await buildLocked(config, out, o, t0);
  } finally {
    await unlock();
  }
}

async function buildLocked(config: ReturnType<typeof loadConfig>, out: string, o: BuildOptions, t0: number) {
  const manifest = new Manifest(out);
  // a first print (no PDF in the output folder yet): Chromium starts while the sources are cleaned
  const launching = o.pdf !== false && !existsSync(join(out, config.output.pdf)) ? launchEarly(config) : undefined;
  let prepared;
  try {
    output().progress('cleaning sources');
    prepared = await prepareBook(config, out, { force: o.force });
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
  const ctx = createContext(b, { out, buildRoot: cleanBuildDir(out), cache, inputs: bookInputs(b), launching, log, warn: (s) => output().warn(s), detail: (s) => output().detail(s), progress: (...a) => output().progress(...a) });
  let files;
  try {
    // the editions, each a renderer (src/render/*/index.ts), loaded only when wanted
    const renderers: Renderer[] = [dataRenderer()];
    if (o.pdf !== false) renderers.push((await import('../render/print/index.js')).printRenderer());
    if (o.epub !== false) renderers.push((await import('../render/epub/index.js')).epubRenderer({ embedFont: o.embedFont, bilingual: o.bilingual ?? config.bilingual.epub }));
    // handouts are PDFs too: printed by `build` unless --no-pdf (`pdf` prints the book only)
    if (o.pdf !== false && o.handouts !== false && config.handouts.length) renderers.push((await import('../render/handout/index.js')).handoutRenderer(config.handouts));
    files = await runRenderers(b, renderers, ctx);
  } finally {
    await ctx.close();
  }
  for (const w of written.files) manifest.add(w.path, w.kind);
  for (const f of files) manifest.add(f.path, f.kind);
  cache.save();
  // the manifest is written last, after every output
  const m = manifest.write({ book: config.id ?? config.title, config: config.file });
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
  };
}

