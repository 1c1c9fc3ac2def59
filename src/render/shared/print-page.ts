/** A sandboxed Chromium page holding a print HTML file, and the print options every PDF edition uses. */
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { sandboxedPage, type PressbookBrowser } from '../../browser/launch.js';

/** Print options shared by every pass and by the benchmark's plain print. */
export function printOptions(tagged: boolean) {
  return { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, outline: false, tagged, timeout: 0 } as const;
}

/** Load an HTML file into a sandboxed page and wait for its web fonts. */
export async function openPrintPage(b: PressbookBrowser, htmlFile: string, root: string): Promise<{ page: Page; blocked: string[] }> {
  const { page, blocked } = await sandboxedPage(b.browser, root);
  await loadPrintFile(page, htmlFile);
  return { page, blocked };
}

/**
 * A style that lays out nothing on screen. A page only ever printed gains nothing from Chromium's
 * screen layout: on load, and again after every page.pdf, it lays the whole book out at the window's
 * width (measured on the bundled book: about 170 ms of Chromium's CPU at load, the HTML parse
 * included, 40 ms without it). Print media ignores the rule, so each print lays out and paints as
 * without it (the PDF is byte-identical). Web fonts are then loaded explicitly (no layout asks for
 * them). Layout-free DOM reads (getComputedStyle of declared values) still work.
 */
const NO_SCREEN = '<style id="pb-no-screen">@media screen { html { display: none !important; } }</style>';

/** The print HTML with the no-screen style first in its head (the file Chromium loads). */
export function withoutScreenLayout(html: string): string {
  const at = html.indexOf('<head>');
  if (at < 0) throw new Error('print HTML without <head>');
  return html.slice(0, at + 6) + NO_SCREEN + html.slice(at + 6);
}

/** The HTML Chromium serialised (page.content()) without the no-screen style (as the book's HTML was). */
export function withScreenLayout(html: string): string {
  const at = html.indexOf(NO_SCREEN);
  return at < 0 ? html : html.slice(0, at) + html.slice(at + NO_SCREEN.length);
}

/** Load an HTML file into a page (opened with `sandboxedPage`) and wait for its web fonts. */
export async function loadPrintFile(page: Page, htmlFile: string): Promise<void> {
  await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: 0 });
  // without a screen layout no face is requested: every declared one is loaded (print uses them)
  await page.evaluate(`(document.getElementById('pb-no-screen') ? Promise.all([...document.fonts].map((f) => f.load())) : Promise.resolve()).then(() => document.fonts.ready).then(() => true)`);
}

