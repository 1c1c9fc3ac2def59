import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Book } from '../model/types.js';
import { launchBrowser, sandboxedPage, type PressbookBrowser } from '../browser/launch.js';
import { renderPrintHtml } from './html.js';
import { writeFileAtomic } from '../util/fs.js';
import { PressbookError } from '../errors.js';

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
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:7pt;width:100%;text-align:center;color:#666;font-family:'Noto Serif SC',serif">${escapeHtml(headerTitle)}</div>`,
      footerTemplate: `<div style="font-size:8pt;width:100%;text-align:center;color:#333"><span class="pageNumber"></span></div>`,
      margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' },
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
    const { pdf, blocked } = await printHtmlFile(b, htmlFile, buildDir, book.config.page.size, book.config.title);
    writeFileAtomic(outFile, pdf);
    return { bytes: pdf, browser: `${b.resolved.source}: ${b.resolved.executablePath}`, blocked, missingGlyphs: fonts.missing };
  } finally {
    if (!opts.browser) await b.close();
  }
}
