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
for (const l of R.links) {
  if (!/^(q-|ev-|y-)/.test(l.dest)) continue;
  // links inside the body (a question list at the head of an event) are not numbered
  const nums = itemsIn(R.items[l.page]!, l.rect).filter((i) => /^[0-9ivxlcdm]+$/.test(i.str.trim()));
  if (!nums.length) continue;
  checked++;
  // the page number ends the entry: rightmost in a horizontal book, lowest in a vertical one (a link taller than wide)
  const vertical = Math.abs(l.rect[3] - l.rect[1]) > Math.abs(l.rect[2] - l.rect[0]);
  const printed = nums.sort((a, b) => (vertical ? a.y - b.y : b.x - a.x))[0]!.str.trim();
  if (printed !== labels[l.target]) bad.push(`${l.dest}: printed ${printed} on page ${l.page + 1}, leads to page ${l.target + 1} (label ${labels[l.target]})`);
}
const anchors = new Set(R.links.map((l) => l.dest));
const missing = events.flatMap((e) => e.turns.filter((t) => t.kind === 'question').map((t) => `q-${t.question!.id}`)).filter((a) => !anchors.has(a));
console.log(`events ${events.length}, question and follow-up ids ${ids.length} (duplicates ${dup.length}), pages ${R.numPages}`);
console.log(`numbered links checked ${checked}, wrong ${bad.length}; questions without a TOC/index link ${missing.length}; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
for (const b of bad.slice(0, 20)) console.log('  ' + b);
for (const m of missing.slice(0, 20)) console.log('  no link to ' + m);
process.exit(bad.length || dup.length || missing.length ? 1 : 0);
