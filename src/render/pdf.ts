import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Book } from '../model/types.js';
import { launchBrowser, sandboxedPage, type PressbookBrowser } from '../browser/launch.js';
import { renderPrintHtml } from './html.js';
import { writeFileAtomic } from '../util/fs.js';
import { PressbookError } from '../errors.js';
import { stampPdf } from './pdf-stamp.js';
import { buildDate } from './epub.js';

export interface PdfResult {
  bytes: Uint8Array;
  pages?: number;
  browser: string;
  blocked: string[];
  missingGlyphs: number[];
}

const FORMAT: Record<string, string> = { A5: 'A5', A4: 'A4', B5: 'B5', Letter: 'Letter' };

export async function printHtmlFile(b: PressbookBrowser, htmlFile: string, root: string, size: string, headerTitle: string) {
  const { page, blocked } = await sandboxedPage(b.browser, root);
  try {
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
    const pdf = await page.pdf({
      format: FORMAT[size] as 'A5',
      printBackground: true,
      displayHeaderFooter: false,
      preferCSSPageSize: false,
      outline: true,
      tagged: true,
      timeout: 0,
    });
    return { pdf, blocked };
  } finally {
    await page.close();
  }
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Book → PDF file. The HTML and font slices are written to a private build folder under `buildRoot`. */
export async function renderPdf(book: Book, outFile: string, opts: { buildRoot: string; browser?: PressbookBrowser }): Promise<PdfResult> {
  const buildDir = resolve(opts.buildRoot, 'print');
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  const { html, fonts } = renderPrintHtml(book, buildDir);
  if (fonts.missing.length)
    throw new PressbookError(
      `no glyph for ${fonts.missing.length} character(s) in the bundled fonts: ${fonts.missing.slice(0, 10).map((c) => `${String.fromCodePoint(c)} U+${c.toString(16).toUpperCase()}`).join(', ')}`,
    );
  const htmlFile = join(buildDir, 'book.html');
  writeFileAtomic(htmlFile, html);
  const b = opts.browser ?? (await launchBrowser());
  try {
    const { pdf: printed, blocked } = await printHtmlFile(b, htmlFile, buildDir, book.config.page.size, book.config.title);
    const title = book.config.title;
    const pdf = await stampPdf(printed, { header: (i) => (i < 2 ? '' : title), footer: (i) => (i < 1 ? '' : String(i + 1)) }, buildDate());
    writeFileAtomic(outFile, pdf);
    return { bytes: pdf, browser: `${b.resolved.source}: ${b.resolved.executablePath}`, blocked, missingGlyphs: fonts.missing };
  } finally {
    if (!opts.browser) await b.close();
  }
}
