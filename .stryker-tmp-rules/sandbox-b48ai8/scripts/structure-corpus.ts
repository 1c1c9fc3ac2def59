// Structure check on the development corpus: questions, follow-ups, dates, speakers vs expected-zh.tsv (a guide).
// npx tsx scripts/structure-corpus.ts /work/shared/corpus/mfa [file filter]. The page <title> and time element are read
// here the simple way until processFile gives them (sources engineer).
import { readFileSync } from 'node:fs';
import { extractHtml } from '../src/ingest/html.ts';
import { processText } from '../src/ingest/index.ts';
const root = (process.argv[2] ?? '../shared/corpus/mfa').replace(/\/?$/, '/');
const rows = readFileSync(root + 'expected-zh.tsv', 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
let okQ = 0, okF = 0, okD = 0, okDtext = 0, wrongDtext = 0, n = 0, okBoth = 0;
const bad: string[] = [];
const only = process.argv[3];
for (const [file, date, title, q, f] of rows) {
  if (only && !file!.includes(only)) continue;
  n++;
  const html = readFileSync(root + file, 'utf8');
  const h = extractHtml(html, file!);
  const t = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.replace(/\s*—.*$/, '').trim() ?? '';
  const time = /id="News_Body_Time">\s*(\d{4}-\d{2}-\d{2})/.exec(html)?.[1];
  const lines = h.lines;
  let p;
  try { p = processText(html, file!, { lines, title: process.env.NOTITLE ? undefined : t }); } catch (e) { bad.push(`${file} THROW ${(e as Error).message}`); continue; }
  const qs = p.turns.filter((x) => x.kind === 'question').length;
  const fs = p.turns.filter((x) => x.kind === 'followup').length;
  const d = time ?? p.meta.date;
  if (qs === +q!) okQ++;
  if (fs === +f!) okF++;
  if (qs === +q! && fs === +f!) okBoth++;
  if (d === date) okD++;
  if (p.meta.date === date) okDtext++; else if (p.meta.date) wrongDtext++;
  const spk = p.meta.speaker;
  const tsp = /发言人(\S{2,3}?)(?:主持|就)/.exec(title!)?.[1];
  const probs = [];
  if (qs !== +q! || fs !== +f!) probs.push(`q ${qs}/${q} f ${fs}/${f}`);
  if (d !== date) probs.push(`date ${d} (text ${p.meta.date}) != ${date}`);
  if (p.meta.date && p.meta.date !== date) probs.push(`TEXTDATE WRONG ${p.meta.date}`);
  if (tsp && spk !== tsp) probs.push(`speaker ${spk} != ${tsp}`);
  if (p.kind !== 'transcript') probs.push(`kind ${p.kind}`);
  if (p.report.damaged) probs.push('damaged');
  if (probs.length) bad.push(`${file} ${probs.join('; ')}`);
}
console.log(bad.join('\n'));
console.log(`pages ${n}: questions exact ${okQ}, follow-ups exact ${okF}, both ${okBoth} (${(100 * okBoth / n).toFixed(1)}%), dates ${okD}, text dates right ${okDtext} wrong ${wrongDtext}`);
