/** `pressbook build`, `pdf` and `epub`: loaded only when one of them runs. */
// @ts-nocheck

import { join, resolve } from 'node:path';
import { configBrowser, loadConfig } from '../config/load.js';
import { cleanBuildDir, ensureDir, Manifest, prepareBook } from '../build.js';
import { formatSummary } from '../ingest/write.js';
import { lockOutput } from '../util/lock.js';
import { output } from './output.js';
import { reportWritten } from './written.js';
import { bookStamp, OutputCache } from '../util/cache.js';
import { existsSync, readFileSync } from 'node:fs';
import type { Book } from '../model/types.js';
import { annotationTransforms, onceLog, printHandouts } from './handout.js';

const log = (s: string) => output().info(s);

interface BuildOptions {
  out: string;
  force?: boolean;
  pdf?: boolean;
  epub?: boolean;
  handouts?: boolean;
  embedFont?: boolean;
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
  output().progress('cleaning sources');
  const { book: b, mdDir, written, result, messages } = await prepareBook(config, out, { force: o.force });
  // the clean report in brief (the full linter-style listing: `pressbook clean`, and report.json)
  log(formatSummary(result.report).trim().split('\n').pop() ?? '');
  for (const e of result.report.errors) output().error(`error: ${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`);
  for (const k of result.report.skipped ?? []) log(`${k.file}: skipped (${k.reason})`);
  reportWritten(written, messages);
  if (result.report.errors.length) process.exitCode = 1;
  for (const w of written.files) manifest.add(w.path, w.kind);
  log(`cleaned ${b.events.length} press conference(s) → ${mdDir}`);
  const buildRoot = cleanBuildDir(out);
  const noteLog = onceLog(log);
  const cache = new OutputCache(out);
  const inputs = bookInputs(b);
  if (o.pdf !== false) {
    const file = join(out, config.output.pdf);
    const key = cache.key('pdf', inputs);
    if (cache.fresh(file, key)) log(`pdf   ${file} (unchanged)`);
    else {
      output().progress('printing the book PDF');
      const [{ launchBrowser }, { renderPdf }] = await Promise.all([import('../browser/launch.js'), import('../render/pdf.js')]);
      const browser = await launchBrowser(configBrowser(config));
      try {
        const r = await renderPdf(b, file, { buildRoot, browser, transforms: annotationTransforms(b, 'pdf', noteLog) });
        cache.record(file, key);
        for (const u of new Set(r.blocked)) output().warn(`${file}: warning: blocked a request outside the build folder: ${u}`);
        log(`pdf   ${file} (${(r.bytes.length / 1024).toFixed(0)} KiB, ${r.browser})`);
      } finally {
        await browser.close();
      }
    }
    manifest.add(file, 'pdf');
  }
  if (o.epub !== false) {
    const file = join(out, config.output.epub);
    const key = cache.key('epub', inputs, !!o.embedFont);
    if (cache.fresh(file, key)) log(`epub  ${file} (unchanged)`);
    else {
      output().progress('making the EPUB');
      const { renderEpub } = await import('../render/epub.js');
      const r = await renderEpub(b, file, { embedFont: o.embedFont, transforms: annotationTransforms(b, 'epub', noteLog) });
      cache.record(file, key);
      log(`epub  ${file} (${(r.bytes.length / 1024).toFixed(0)} KiB${r.fonts.length ? `, font subset ${r.fonts.map((f) => `${(f.bytes / 1024).toFixed(0)} KiB${f.cached ? ' cached' : ''}`).join(' + ')}` : ''})`);
    }
    manifest.add(file, 'epub');
  }
  // handouts are PDFs too: printed by `build` unless --no-pdf (`pdf` prints the book only)
  if (o.pdf !== false && o.handouts !== false) await printHandouts(b, config.handouts, out, { buildRoot, manifest, log: noteLog, cache, inputs });
  cache.save();
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
