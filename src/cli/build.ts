/** `pressbook build`, `pdf` and `epub`: loaded only when one of them runs. */
import { join, resolve } from 'node:path';
import { configBrowser, loadConfig } from '../config/load.js';
import { cleanBuildDir, ensureDir, Manifest, prepareBook } from '../build.js';
import { renderPdf } from '../render/pdf.js';
import { renderEpub } from '../render/epub.js';
import { launchBrowser } from '../browser/launch.js';
import { formatSummary } from '../ingest/write.js';
import { lockOutput } from '../util/lock.js';
import { output } from './output.js';
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
  const { book: b, mdDir, written, result } = await prepareBook(config, out, { force: o.force });
  // the clean report in brief (the full linter-style listing: `pressbook clean`, and report.json)
  log(formatSummary(result.report).trim().split('\n').pop() ?? '');
  for (const e of result.report.errors) output().error(`error: ${e.file}${e.line ? ':' + e.line : ''}: ${e.message}`);
  for (const s of written.skipped ?? []) output().warn(`warning: kept ${s}: edited by hand since it was generated (use --force to overwrite)`);
  if (result.report.errors.length) process.exitCode = 1;
  for (const w of written.files) manifest.add(w.path, w.kind);
  log(`cleaned ${b.events.length} press conference(s) → ${mdDir}`);
  const buildRoot = cleanBuildDir(out);
  const noteLog = onceLog(log);
  if (o.pdf !== false) {
    output().progress('printing the book PDF');
    const browser = await launchBrowser(configBrowser(config));
    try {
      const file = join(out, config.output.pdf);
      const r = await renderPdf(b, file, { buildRoot, browser, transforms: annotationTransforms(b, 'pdf', noteLog) });
      manifest.add(file, 'pdf');
      log(`pdf   ${file} (${(r.bytes.length / 1024).toFixed(0)} KiB, ${r.browser})`);
    } finally {
      await browser.close();
    }
  }
  if (o.epub !== false) {
    output().progress('making the EPUB');
    const file = join(out, config.output.epub);
    const r = await renderEpub(b, file, { embedFont: o.embedFont, transforms: annotationTransforms(b, 'epub', noteLog) });
    manifest.add(file, 'epub');
    log(`epub  ${file} (${(r.bytes.length / 1024).toFixed(0)} KiB${r.fonts.length ? `, font subset ${r.fonts.map((f) => `${(f.bytes / 1024).toFixed(0)} KiB${f.cached ? ' cached' : ''}`).join(' + ')}` : ''})`);
  }
  // handouts are PDFs too: printed by `build` unless --no-pdf (`pdf` prints the book only)
  if (o.pdf !== false && o.handouts !== false) await printHandouts(b, config.handouts, out, { buildRoot, manifest, log: noteLog });
  const m = manifest.write({ book: config.id ?? config.title, config: config.file });
  log(`manifest ${m} (${manifest.files.length} files) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

