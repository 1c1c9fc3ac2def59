/** `pressbook handout` and the handout/annotation steps of `pressbook build`. */
// @ts-nocheck

import { configBrowser } from '../config/load.js';
import { join, resolve } from 'node:path';
import type { Book } from '../model/types.js';
import type { HandoutConfig } from '../config/schema.js';
import { PAGE_SIZES } from '../config/schema.js';
import { loadConfig } from '../config/load.js';
import { cleanBuildDir, ensureDir, Manifest, prepareBook } from '../build.js';
import type { HandoutSpec, HandoutResult } from '../render/handout.js';
import type { PressbookBrowser } from '../browser/launch.js';
import { loadAnnotations, numberNotes, staleMessage } from '../annotations/index.js';
import { questionsWithAnswers, selectQuestions } from '../select.js';
import { footnoteTransform } from '../ast/annotate.js';
import type { HastTransform } from '../ast/hast.js';
import { PressbookError } from '../errors.js';
import { lockOutput } from '../util/lock.js';
import { output } from './output.js';
import { reportWritten } from './written.js';
import type { OutputCache } from '../util/cache.js';

type Log = (s: string) => void;

/** A log that prints each distinct line once (stale notes are found by every handout and by the book). */
export function onceLog(log: Log): Log {
  const seen = new Set<string>();
  return (s) => {
    if (seen.has(s)) return;
    seen.add(s);
    log(s);
  };
}

/** Print handouts into `<out>/handouts/<name>.pdf`, adding them to the manifest. */
export async function printHandouts(
  book: Book,
  specs: HandoutSpec[],
  out: string,
  opts: { buildRoot: string; manifest?: Manifest; log: Log; browser?: PressbookBrowser; /** reuse handouts whose inputs did not change */ cache?: OutputCache; inputs?: unknown },
): Promise<HandoutResult[]> {
  const todo: { spec: HandoutSpec; file: string; key?: string }[] = [];
  for (const spec of specs) {
    const file = join(out, 'handouts', `${spec.name}.pdf`);
    const key = opts.cache?.key('handout', opts.inputs, spec);
    if (opts.cache && key && opts.cache.fresh(file, key)) {
      opts.log(`handout ${file} (unchanged)`);
      opts.manifest?.add(file, 'handout');
    } else todo.push({ spec, file, key });
  }
  if (!todo.length) return [];
  // a selector that matches nothing fails before Chromium starts
  for (const { spec } of todo) selectQuestions(book, spec.select, spec.order);
  const [{ launchBrowser }, { renderHandout }] = await Promise.all([import('../browser/launch.js'), import('../render/handout.js')]);
  const b = opts.browser ?? (await launchBrowser(configBrowser(book.config)));
  const results: HandoutResult[] = [];
  try {
    for (const [i, { spec, file, key }] of todo.entries()) {
      output().progress('printing handouts', i, todo.length);
      const r = await renderHandout(book, spec, file, { buildRoot: opts.buildRoot, browser: b, log: opts.log });
      if (opts.cache && key) opts.cache.record(file, key);
      for (const u of new Set(r.blocked)) output().warn(`${file}: warning: blocked a request outside the build folder: ${u}`);
      opts.manifest?.add(file, 'handout');
      const side = r.notes.filter((n) => n.placement !== 'end').length;
      opts.log(
        `handout ${file} (${r.pages} page(s), ${r.questions.length} question(s), ${r.notes.length} note(s): ${side} beside the text, ${r.notes.length - side} after the question${
          r.stale.length ? `; ${r.stale.length} stale` : ''
        })`,
      );
      results.push(r);
    }
  } finally {
    if (!opts.browser) await b.close();
  }
  return results;
}

/**
 * The annotation transforms for the book PDF or EPUB when `annotations.pdf` / `annotations.epub`
 * is on (else none). Stale notes are reported through `log`.
 */
export function annotationTransforms(book: Book, kind: 'pdf' | 'epub', log: Log): HastTransform[] {
  if (!book.config.annotations[kind]) return [];
  const ann = loadAnnotations(book);
  if (!ann.file) throw new PressbookError(`${book.config.file}: annotations.${kind} is on but there is no notes file (set "notes:" or add notes.yaml)`, { file: book.config.file });
  for (const s of ann.stale) log(staleMessage(s));
  const notes = numberNotes(ann.anchored, questionsWithAnswers(book));
  return notes.length ? [footnoteTransform(notes, kind === 'epub' ? 'epub' : 'print')] : [];
}

export interface HandoutCommandOptions {
  out: string;
  force?: boolean;
  select?: string[];
  name?: string;
  title?: string;
  variant?: string;
  ruled?: boolean;
  page?: string;
  order?: string;
  notes?: string;
  only?: string[];
}

export async function handoutCommand(bookArg: string, o: HandoutCommandOptions, log: Log) {
  const t0 = Date.now();
  const config = loadConfig(bookArg);
  let specs: HandoutSpec[];
  if (o.select?.length) {
    if (o.variant && o.variant !== 'annotated' && o.variant !== 'questions-only') throw new PressbookError(`--variant: expected annotated or questions-only, got "${o.variant}"`);
    if (o.order && o.order !== 'given' && o.order !== 'chronological') throw new PressbookError(`--order: expected given or chronological, got "${o.order}"`);
    if (o.page && !(PAGE_SIZES as readonly string[]).includes(o.page)) throw new PressbookError(`--page: expected one of ${PAGE_SIZES.join(', ')}, got "${o.page}"`);
    const name = o.name ?? 'handout';
    if (!/^[\w.-]+$/.test(name)) throw new PressbookError(`--name: a file-name-safe name (letters, digits, - _ .), got "${name}"`);
    specs = [
      {
        name,
        title: o.title ?? config.title,
        select: o.select,
        order: (o.order as HandoutConfig['order']) ?? 'chronological',
        variant: (o.variant as HandoutConfig['variant']) ?? 'annotated',
        ruled: !!o.ruled,
        page: (o.page as HandoutConfig['page']) ?? 'A4',
        notes: o.notes ? resolve(o.notes) : undefined,
      },
    ];
  } else {
    specs = config.handouts.filter((h) => !o.only?.length || o.only.includes(h.name));
    if (!specs.length)
      throw new PressbookError(
        o.only?.length
          ? `no handout named ${o.only.join(', ')} in ${config.file} (declared: ${config.handouts.map((h) => h.name).join(', ') || 'none'})`
          : `${config.file} declares no handouts: add "handouts:" or pass --select`,
        { file: config.file },
      );
  }
  const out = ensureDir(resolve(o.out));
  const unlock = await lockOutput(out, { log });
  try {
    const manifest = new Manifest(out);
    const { book, written, messages } = await prepareBook(config, out, { force: o.force });
    reportWritten(written, messages);
    for (const w of written.files) manifest.add(w.path, w.kind);
    const buildRoot = cleanBuildDir(out);
    const results = await printHandouts(book, specs, out, { buildRoot, manifest, log: onceLog(log) });
    const m = manifest.write({ book: config.id ?? config.title, config: config.file });
    log(`manifest ${m} (${manifest.files.length} files) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return results;
  } finally {
    await unlock();
  }
}
