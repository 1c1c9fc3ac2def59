/**
 * The pressbook command. Only commander is loaded up front: each command imports its own modules
 * (Puppeteer, pdf-lib, the ingest engine…) when it runs, so `--help` starts fast.
 */
import { Command, CommanderError } from 'commander';
import { PressbookError } from '../errors.js';

import { createOutput, output, setOutput } from './output.js';

const log = (s: string) => output().info(s);

/** A repeatable option: `--select a --select b` → [a, b]. (A variadic `<x...>` would swallow the book argument.) */
const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

export function program(): Command {
  const p = new Command('pressbook')
    .description('Turn messy press-conference transcripts into printable books (PDF, EPUB, handouts).')
    .version('0.1.0')
    .showHelpAfterError()
    .option('-q, --quiet', 'print errors and warnings only (no progress, no result lines)')
    .option('--verbose', 'print every change and step in detail')
    .hook('preAction', (cmd) => {
      const g = cmd.opts<{ quiet?: boolean; verbose?: boolean }>();
      setOutput(createOutput({ quiet: g.quiet, verbose: g.verbose }));
    });
  p.command('clean')
    .description('clean raw transcripts into canonical Markdown, report.json and questions.json/csv')
    .argument('<paths...>', 'raw transcript files or folders (text or HTML)')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('-f, --force', 'overwrite Markdown files edited by hand since they were generated')
    .option('-c, --config <file>', 'book config (pressbook.yaml): its preset, topic keywords, language and structured-input mapping')
    .option('-p, --preset <name|file>', 'corpus knowledge (topic keywords, session → year rules): a preset of presets/ (npc, foreign-affairs) or a YAML file; overrides the config\'s')
    .action(async (paths: string[], o) => (await import('./clean.js')).cleanCommand(paths, o));
  p.command('build')
    .description('build the whole book: clean, Markdown, PDF, EPUB, handouts, manifest.json')
    .argument('[book]', 'pressbook.yaml or the folder holding it', '.')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-f, --force', 'overwrite hand-edited Markdown in the output folder')
    .option('--no-pdf', 'skip the PDF')
    .option('--no-epub', 'skip the EPUB')
    .option('--embed-font', 'embed a subset of Noto Serif SC (exactly the characters used) in the EPUB')
    .option('--edition <name>', 'print this edition from the same cleaned Markdown: zh-Hans, zh-Hant-TW or zh-Hant-HK (repeatable; overrides editions: of pressbook.yaml)', collect)
    .option('--vertical', 'with --edition: a vertical edition (vertical-rl pages bound on the right; EPUB read right to left)')
    .option('--bilingual', 'bilingual EPUB: each paragraph followed by its translation (default: bilingual.epub of pressbook.yaml)')
    .action(async (book: string, o) => (await import('./build.js')).buildCommand(book, o));
  p.command('pdf')
    .description('print the book PDF only (paginated, TOC with page numbers, question index, bookmarks; handouts: `handout` or `build`)')
    .argument('[book]', 'pressbook.yaml or the folder holding it', '.')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--edition <name>', 'print this edition from the same cleaned Markdown: zh-Hans, zh-Hant-TW or zh-Hant-HK (repeatable; overrides editions: of pressbook.yaml)', collect)
    .option('--vertical', 'with --edition: a vertical edition (vertical-rl pages bound on the right; EPUB read right to left)')
    .action(async (book: string, o) => (await import('./build.js')).buildCommand(book, { ...o, epub: false, handouts: false }));
  p.command('epub')
    .description('build the EPUB 3 (nested year → press conference → question navigation)')
    .argument('[book]', 'pressbook.yaml or the folder holding it', '.')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--embed-font', 'embed a subset of Noto Serif SC (exactly the characters used)')
    .option('--edition <name>', 'print this edition from the same cleaned Markdown: zh-Hans, zh-Hant-TW or zh-Hant-HK (repeatable; overrides editions: of pressbook.yaml)', collect)
    .option('--vertical', 'with --edition: a vertical edition (vertical-rl pages bound on the right; EPUB read right to left)')
    .option('--bilingual', 'each paragraph followed by its translation, for press conferences published in two languages (default: bilingual.epub of pressbook.yaml)')
    .action(async (book: string, o) => (await import('./build.js')).buildCommand(book, { ...o, pdf: false }));
  p.command('handout')
    .description('print annotated handouts: chosen questions with a teacher\'s notes in the margin')
    .argument('[book]', 'pressbook.yaml or the folder holding it', '.')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-s, --select <selector>', 'question id (2021-03-07-07; a follow-up id selects its question), year (2021), month (2021-03), date or event (2021-03-07, 2021-03-07b), outlet:…, topic:… or text:…; join with & to require several; repeat for more (without --select: the handouts of pressbook.yaml)', collect)
    .option('--only <name>', 'print only this handout of pressbook.yaml (repeatable)', collect)
    .option('--name <name>', 'file name of an ad-hoc handout (handouts/<name>.pdf)', 'handout')
    .option('--title <title>', 'title of an ad-hoc handout (default: the book title)')
    .option('--variant <variant>', 'annotated or questions-only (answers replaced by ruled space)', 'annotated')
    .option('--order <order>', 'chronological or given (the order of the selectors)', 'chronological')
    .option('--ruled', 'ruled space after each question for the reader\'s notes')
    .option('--page <size>', 'A4 (default), A5, B5 or Letter', 'A4')
    .option('--parallel', 'the two editions (e.g. Chinese and English) side by side, one aligned row per paragraph')
    .option('--language <tag>', 'the edition to print: each question\'s counterpart in this language (e.g. en); with --parallel --variant questions-only, this language\'s questions and a ruled column for the translation')
    .option('--notes <file>', 'annotations sidecar (default: notes: of pressbook.yaml, or notes.yaml beside it)')
    .option('-f, --force', 'overwrite hand-edited Markdown in the output folder')
    .action(async (book: string, o) => {
      await (await import('./handout.js')).handoutCommand(book, o, log);
    });
  p.command('preview')
    .description('live preview in the browser: the print pages of a press conference, its cleaning diagnostics; rebuilds what changed on save')
    .argument('[book]', 'pressbook.yaml or the folder holding it', '.')
    .option('-o, --out <dir>', 'output folder (the canonical Markdown is written there, as by build)', 'dist')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)')
    .action(async (book: string, o) => (await import('../preview/index.js')).previewCommand(book, o));
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
      output().error(`pressbook: error: ${e.message}`);
      return 1;
    }
    output().error(`pressbook: unexpected error: ${(e as Error).stack ?? e}`);
    return 2;
  }
}
