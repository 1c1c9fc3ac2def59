/**
 * Which pages of a folder of saved pages get corruption or noise removals? (a check for the cleaning rules:
 * on good pages there must be none). Usage: node --import tsx bench/rules-corpus.ts FOLDER… [--verbose]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBuffer } from '../src/ingest/decode.js';
import { extractHtml, looksLikeHtml } from '../src/ingest/html.js';
import { processText } from '../src/ingest/index.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const files: string[] = [];
const walk = (p: string) => {
  if (statSync(p).isDirectory()) for (const n of readdirSync(p).sort()) walk(join(p, n));
  else if (/\.(html?|txt)$/i.test(p)) files.push(p);
};
for (const a of args.filter((a) => !a.startsWith('--'))) walk(a);
const byRule = new Map<string, number>();
let pagesWith = 0;
let damaged = 0;
for (const f of files) {
  const dec = decodeBuffer(readFileSync(f), f);
  const lines = looksLikeHtml(dec.text) ? extractHtml(dec.text, f).lines : undefined;
  const p = processText(dec.text, f, { lines });
  const hits = p.report.removals.filter((d) => d.rule === 'corruption' || d.rule === 'noise');
  if (p.report.damaged) damaged++;
  if (!hits.length) continue;
  pagesWith++;
  console.log(`${f}${p.report.damaged ? ' [damaged]' : ''}`);
  for (const d of hits) {
    const k = `${d.rule}: ${d.message.replace(/\(.*$/, '').replace(/".*"/, '"…"')}`;
    byRule.set(k, (byRule.get(k) ?? 0) + 1);
    console.log(`  ${d.line} ${d.rule} ${d.message}${verbose || (d.removed ?? '').length < 80 ? ` «${d.removed}»` : ` «${d.removed!.slice(0, 60)}…»`}`);
  }
}
console.log(`\n${files.length} pages, ${pagesWith} with corruption/noise removals, ${damaged} marked damaged`);
for (const [k, n] of byRule) console.log(`  ${n}\t${k}`);
