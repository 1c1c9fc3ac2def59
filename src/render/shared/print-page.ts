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

/** Load an HTML file into a page (opened with `sandboxedPage`) and wait for its web fonts. */
export async function loadPrintFile(page: Page, htmlFile: string): Promise<void> {
  await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load', timeout: 0 });
  await page.evaluate('document.fonts.ready.then(() => true)');
}

