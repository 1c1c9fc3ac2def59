import { configBrowser } from '../config/load.js';
import { Command, CommanderError } from 'commander';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { PressbookError } from '../errors.js';
import { cleanBuildDir, ensureDir, Manifest, prepareBook } from '../build.js';
import { renderPdf } from '../render/pdf.js';
import { renderEpub } from '../render/epub.js';
import { launchBrowser } from '../browser/launch.js';
import { cleanCommand } from './clean.js';
import { formatSummary } from '../ingest/write.js';
import { annotationTransforms, handoutCommand, onceLog, printHandouts } from './handout.js';

const log = (s: string) => process.stderr.write(s + '\n');

async function buildCommand(book: string, o: { out: string; force?: boolean; pdf?: boolean; epub?: boolean; embedFont?: boolean }) {
  const t0 = Date.now();
  const config = loadConfig(book);
  const out = ensureDir(resolve(o.out));
  const manifest = new Manifest(out);
  const { book: b, mdDir, written, result } = await prepareBook(config, out, { force: o.force });
  // the clean report in brief (the full linter-style listing: `pressbook clean`, and report.json)
  log(formatSummary(result.report).trim().split('\n').pop() ?? '');
  for (const e of result.report.errors) log(`error: ${e.file}${e.line ? ':' + e.line : ''}: ${e.message}`);
  for (const s of written.skipped ?? []) log(`kept ${s}: edited by hand since it was generated (use --force to overwrite)`);
  if (result.report.errors.length) process.exitCode = 1;
  for (const w of written.files) manifest.add(w.path, w.kind);
  log(`cleaned ${b.events.length} press conference(s) → ${mdDir}`);
  const buildRoot = cleanBuildDir(out);
  const noteLog = onceLog(log);
  if (o.pdf !== false) {
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
    const file = join(out, config.output.epub);
    const r = await renderEpub(b, file, { embedFont: o.embedFont, transforms: annotationTransforms(b, 'epub', noteLog) });
    manifest.add(file, 'epub');
    log(`epub  ${file} (${(r.bytes.length / 1024).toFixed(0)} KiB${r.fonts.length ? `, font subset ${r.fonts.map((f) => `${(f.bytes / 1024).toFixed(0)} KiB${f.cached ? ' cached' : ''}`).join(' + ')}` : ''})`);
  }
  // handouts are PDFs too: printed unless --no-pdf
  if (o.pdf !== false) await printHandouts(b, config.handouts, out, { buildRoot, manifest, log: noteLog });
  const m = manifest.write({ book: config.id ?? config.title, config: config.file });
  log(`manifest ${m} (${manifest.files.length} files) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

export function program(): Command {
  const p = new Command('pressbook')
    .description('Turn messy press-conference transcripts into printable books (PDF, EPUB, handouts).')
    .version('0.1.0')
    .showHelpAfterError();
  p.command('clean')
    .description('clean raw transcripts into canonical Markdown, report.json and questions.json/csv')
    .argument('<paths...>', 'raw transcript files or folders (text or HTML)')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('-f, --force', 'overwrite Markdown files edited by hand since they were generated')
    .option('-c, --config <file>', 'book config (pressbook.yaml): its preset, topic keywords and language')
    .option('-p, --preset <name|file>', 'corpus knowledge (topic keywords, session → year rules): a preset of presets/ (npc, foreign-affairs) or a YAML file; overrides the config\'s')
    .action(async (paths: string[], o) => cleanCommand(paths, o));
  p.command('build')
    .description('build the whole book: clean, Markdown, PDF, EPUB, handouts, manifest.json')
    .argument('[book]', 'pressbook.yaml or the folder holding it', '.')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-f, --force', 'overwrite hand-edited Markdown in the output folder')
    .option('--no-pdf', 'skip the PDF')
    .option('--no-epub', 'skip the EPUB')
    .option('--embed-font', 'embed a subset of Noto Serif SC (exactly the characters used) in the EPUB')
    .action(async (book: string, o) => buildCommand(book, o));
  p.command('pdf')
    .description('print the book PDF (paginated, TOC with page numbers, question index, bookmarks)')
    .argument('[book]', 'pressbook.yaml or the folder holding it', '.')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .action(async (book: string, o) => buildCommand(book, { ...o, epub: false }));
  p.command('epub')
    .description('build the EPUB 3 (nested year → press conference → question navigation)')
    .argument('[book]', 'pressbook.yaml or the folder holding it', '.')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--embed-font', 'embed a subset of Noto Serif SC (exactly the characters used)')
    .action(async (book: string, o) => buildCommand(book, { ...o, pdf: false }));
  p.command('handout')
    .description('print annotated handouts: chosen questions with a teacher\'s notes in the margin')
    .argument('[book]', 'pressbook.yaml or the folder holding it', '.')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-s, --select <selector...>', 'question id (2021-07), year, date, outlet:…, topic:… or text:…; join with & to require several (without --select: the handouts of pressbook.yaml)')
    .option('--only <name...>', 'print only these handouts of pressbook.yaml')
    .option('--name <name>', 'file name of an ad-hoc handout (handouts/<name>.pdf)', 'handout')
    .option('--title <title>', 'title of an ad-hoc handout (default: the book title)')
    .option('--variant <variant>', 'annotated or questions-only (answers replaced by ruled space)', 'annotated')
    .option('--order <order>', 'chronological or given (the order of the selectors)', 'chronological')
    .option('--ruled', 'ruled space after each question for the reader\'s notes')
    .option('--page <size>', 'A4 (default), A5, B5 or Letter', 'A4')
    .option('--notes <file>', 'annotations sidecar (default: notes: of pressbook.yaml, or notes.yaml beside it)')
    .option('-f, --force', 'overwrite hand-edited Markdown in the output folder')
    .action(async (book: string, o) => {
      await handoutCommand(book, o, log);
    });
  return p;
}

export async function main(argv: string[]): Promise<number> {
  const p = program();
  p.exitOverride();
  try {
    await p.parseAsync(argv);
    return process.exitCode && typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof PressbookError) {
      log(`pressbook: error: ${e.message}`);
      return 1;
    }
    log(`pressbook: unexpected error: ${(e as Error).stack ?? e}`);
    return 2;
  }
}
