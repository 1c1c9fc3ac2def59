/** `pressbook handout` and the handout/annotation steps of `pressbook build`. */
import { resolve } from 'node:path';
import type { Book } from '../model/types.js';
import type { HandoutConfig } from '../config/schema.js';
import { PAGE_SIZES } from '../config/schema.js';
import { loadConfig } from '../config/load.js';
import { cleanBuildDir, ensureDir, Manifest, prepareBook } from '../build.js';
import type { HandoutSpec, HandoutResult } from '../render/handout/index.js';
import { loadAnnotations } from '../annotations/index.js';
import { annotationTransforms as sharedTransforms } from '../render/shared/annotations.js';
import { createContext, runRenderers } from '../render/context.js';
import type { HastTransform } from '../ast/hast.js';
import { PressbookError } from '../errors.js';
import { lockOutput } from '../util/lock.js';
import { output } from './output.js';
import { reportWritten } from './written.js';

type Log = (s: string) => void;

/**
 * The annotation transforms for the book PDF or EPUB when `annotations.pdf` / `annotations.epub`
 * is on (else none), with the book's own notes. Stale notes are reported through `log`.
 */
export function annotationTransforms(book: Book, kind: 'pdf' | 'epub', log: Log): HastTransform[] {
  return sharedTransforms(book, kind, () => loadAnnotations(book), log);
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
  parallel?: boolean;
  language?: string;
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
        parallel: !!o.parallel,
        ...(o.language ? { language: o.language } : {}),
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
    const [{ dataRenderer }, { handoutRenderer }] = await Promise.all([import('../render/data/index.js'), import('../render/handout/index.js')]);
    const results: HandoutResult[] = [];
    // no output cache: `handout` always prints the handouts it is asked for
    const ctx = createContext(book, { out, buildRoot: cleanBuildDir(out), log, warn: (s) => output().warn(s), detail: (s) => output().detail(s), progress: (...a) => output().progress(...a) });
    let files;
    try {
      files = await runRenderers(book, [dataRenderer(), handoutRenderer(specs, results)], ctx);
    } finally {
      await ctx.close();
    }
    for (const w of written.files) manifest.add(w.path, w.kind);
    for (const f of files) manifest.add(f.path, f.kind);
    const m = manifest.write({ book: config.id ?? config.title, config: config.file });
    log(`manifest ${m} (${manifest.files.length} files) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return results;
  } finally {
    await unlock();
  }
}
