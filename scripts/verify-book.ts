/**
 * Check a built book as a reader would, on any size: every TOC and index link prints the page
 * number (label) of the page it leads to; every question and follow-up id is unique; every question
 * of the Markdown folder has an anchor in the PDF. Usage:
 *   node --import tsx scripts/verify-book.ts OUT/book.pdf OUT/markdown
 * Prints figures and exits 1 on any mismatch.
 */
import { readFileSync } from 'node:fs';
import { readMarkdownFolder } from '../src/markdown/folder.js';
import { itemsIn, readPdf } from '../tests/pdf/read.js';

const [pdfPath, mdDir] = process.argv.slice(2);
if (!pdfPath || !mdDir) {
  console.error('usage: verify-book.ts BOOK.pdf MARKDOWN_DIR');
  process.exit(2);
}
const t0 = Date.now();
const events = readMarkdownFolder(mdDir);
const ids = events.flatMap((e) => e.turns.filter((t) => t.question).map((t) => t.question!.id));
const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
const R = await readPdf(readFileSync(pdfPath));
const labels = R.labels ?? [];
let checked = 0;
const bad: string[] = [];
// the body runs from the first year's page to the index: its links (a big book's question list at the head
// of each conference) carry question numbers, not page numbers
const targetOf = (re: RegExp) => R.links.filter((l) => re.test(l.dest)).map((l) => l.target);
const bodyFrom = Math.min(...targetOf(/^y-/));
const bodyTo = Math.min(...targetOf(/^question-index$/), R.numPages);
for (const l of R.links) {
  if (!/^(q-|ev-|y-)/.test(l.dest)) continue;
  if (l.page >= bodyFrom && l.page < bodyTo) continue;
  // the page number ends the entry: the last number of the rightmost text in a horizontal book (an index
  // locator "3日（5、6、15）21" may come as one text item), the lowest item in a vertical one
  const vertical = Math.abs(l.rect[3] - l.rect[1]) > Math.abs(l.rect[2] - l.rect[0]);
  const nums = itemsIn(R.items[l.page]!, l.rect)
    .map((i) => ({ ...i, n: /(?:^|[^0-9a-z])([0-9]+|[ivxlcdm]+)$/.exec(i.str.trim())?.[1] ?? (/^[0-9ivxlcdm]+$/.test(i.str.trim()) ? i.str.trim() : undefined) }))
    .filter((i) => i.n !== undefined);
  if (!nums.length) continue;
  checked++;
  const printed = nums.sort((a, b) => (vertical ? a.y - b.y : b.x - a.x))[0]!.n!;
  if (printed !== labels[l.target]) bad.push(`${l.dest}: printed ${printed} on page ${l.page + 1}, leads to page ${l.target + 1} (label ${labels[l.target]})`);
}
const anchors = new Set(R.links.map((l) => l.dest));
const missing = events.flatMap((e) => e.turns.filter((t) => t.kind === 'question').map((t) => `q-${t.question!.id}`)).filter((a) => !anchors.has(a));
console.log(`events ${events.length}, question and follow-up ids ${ids.length} (duplicates ${dup.length}), pages ${R.numPages}`);
console.log(`numbered links checked ${checked}, wrong ${bad.length}; questions without a TOC/index link ${missing.length}; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
for (const b of bad.slice(0, 20)) console.log('  ' + b);
for (const m of missing.slice(0, 20)) console.log('  no link to ' + m);
process.exit(bad.length || dup.length || missing.length ? 1 : 0);
