// The floor of `pressbook pdf`: Chromium's own single page.pdf of the same final print HTML, from a
// fresh process (launch, load, wait for fonts, print once tagged, write, close). Plain JS on lib/, so
// node starts it as fast as it starts bin/pressbook.js.
// usage: node bench/floor.mjs <book.html> <out.pdf>
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { launchBrowser } from '../lib/browser/launch.js';
import { openPrintPage, printOptions } from '../lib/render/shared/print-page.js';

const [html, out] = process.argv.slice(2);
if (!html || !out) throw new Error('usage: node bench/floor.mjs <book.html> <out.pdf>');
const b = await launchBrowser();
try {
  const { page } = await openPrintPage(b, html, dirname(html));
  writeFileSync(out, await page.pdf(printOptions(true)));
  await page.close();
} finally {
  await b.close();
}
