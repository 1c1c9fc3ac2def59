/**
 * The one interface of every edition (after mdBook's Renderer and Pandoc's writers): a renderer takes
 * the Book, built once (config → sources → canonical Markdown → Book), and a context, writes its files
 * and says which. Renderers live in their own folders (print/, epub/, handout/, data/) and import
 * nothing from one another; what they share is in shared/.
 */
import type { Book } from '../../model/types.js';
import type { PressbookBrowser } from '../../browser/launch.js';
import type { Anchoring } from '../../annotations/index.js';
import type { OutputCache } from '../../util/cache.js';
import type { Locale } from './locale.js';

export interface RenderedFile {
  /** absolute path */
  path: string;
  /** manifest kind: pdf, epub, handout, questions-json, … */
  kind: string;
  /** reused from an earlier build (the output cache found its inputs unchanged) */
  unchanged?: boolean;
}

export interface RenderContext {
  /** the output folder */
  out: string;
  /** scratch folder for HTML and font slices (each renderer takes a subfolder) */
  buildRoot: string;
  /** the output cache, when outputs whose inputs did not change may be reused */
  cache?: OutputCache;
  /** everything a rendered book depends on besides pressbook's own code (part of every cache key) */
  inputs: unknown;
  /** one Chromium for every renderer that needs it, launched on first use */
  browser(): Promise<PressbookBrowser>;
  /** interface strings of the book's language */
  locale: Locale;
  /** notes anchored to the book: the book's sidecar, or `file` when given (loaded once each) */
  notes(file?: string): Anchoring & { file?: string };
  log(line: string): void;
  warn(line: string): void;
  /** detail for --verbose (timings, steps) */
  detail(line: string): void;
  /** a long step on a terminal: stage, and the count when known */
  progress(stage: string, done?: number, total?: number): void;
  /**
   * Work the command has left that may run while Chromium prints (the check of the Markdown the build
   * read back without parsing): a renderer calls it once a print is under way and it waits; done once.
   */
  whileWaiting?(): void;
}

export interface Renderer {
  name: string;
  render(book: Book, context: RenderContext): Promise<RenderedFile[]>;
}
