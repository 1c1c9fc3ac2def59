/**
 * Which pages of a folder of saved pages get corruption or noise removals? (a check for the cleaning rules:
 * on good pages there must be none). Usage: node --import tsx bench/rules-corpus.ts FOLDER… [--verbose]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBuffer } from '../src/ingest/decode.js';
import { extractHtml, looksLikeHtml } from '../src/ingest/html.js';
import { detectLayout } from '../src/ingest/layout.js';
import { detectSpeakers, matchLabel, NARRATION_START } from '../src/ingest/labels.js';
import { toDiagnostic } from '../src/ingest/message.js';
import { RULES } from '../src/ingest/rules/index.js';
import { createContext, runRule } from '../src/ingest/rules/rule.js';
import type { Line } from '../src/ingest/text.js';

/**
 * Every rule in registry order, on every page as a transcript (a page the layout detector calls a
 * digest is cleaned as paragraphs too), with 问：/答：/追问： and "X：" speaker labels as turn
 * boundaries whether or not the engine's label grammar knows them yet.
 */
function clean(lines: Line[], file: string) {
  const layout = detectLayout(lines);
  const ctx = createContext(file, { layout: { base: layout.base === 'digest' ? 'paragraphs' : layout.base, digestHead: layout.digestHead } });
  let cur = lines;
  for (const rule of RULES) {
    if (rule.stage !== 'characters' && ctx.speakers.size === 0) {
      const speakers = detectSpeakers(cur);
      ctx.speakers = speakers;
      ctx.isBoundary = (t) => !!matchLabel(t, speakers) || NARRATION_START.test(t) || /^(?:问|答|追问)[：:]/.test(t) || /^[^，。：:]{1,12}(?:记者|发言人|大使|部长)[^，。：:]{0,6}[：:]/.test(t);
    }
    cur = runRule(rule, cur, ctx);
  }
  const removals = ctx.vfile.messages.filter((m) => m.actual !== undefined).map((m) => toDiagnostic(m, file));
  const kept = ctx.vfile.messages.filter((m) => m.ruleId === 'corruption' && m.actual === undefined).map((m) => toDiagnostic(m, file));
  return { removals, kept, damaged: ctx.out.repeated + ctx.out.truncated > 0 };
}

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
const keptNotes: string[] = [];
for (const f of files) {
  const dec = decodeBuffer(readFileSync(f), f);
  const lines = looksLikeHtml(dec.text) ? extractHtml(dec.text, f).lines : dec.text.split('\n').map((text, i) => ({ text, src: i + 1 }));
  const p = clean(lines, f);
  const hits = p.removals.filter((d) => d.rule === 'corruption' || d.rule === 'noise');
  if (p.damaged) damaged++;
  for (const d of p.kept) {
    keptNotes.push(`${f}:${d.line} ${d.message}`);
  }
  if (!hits.length) continue;
  pagesWith++;
  console.log(`${f}${p.damaged ? ' [damaged]' : ''}`);
  for (const d of hits) {
    const k = `${d.rule}: ${d.message.replace(/\(.*$/, '').replace(/".*"/, '"…"')}`;
    byRule.set(k, (byRule.get(k) ?? 0) + 1);
    console.log(`  ${d.line} ${d.rule} ${d.message}${verbose || (d.removed ?? '').length < 80 ? ` «${d.removed}»` : ` «${d.removed!.slice(0, 60)}…»`}`);
  }
}
console.log(`\n${files.length} pages, ${pagesWith} with corruption/noise removals, ${damaged} marked damaged`);
for (const [k, n] of byRule) console.log(`  ${n}\t${k}`);
console.log(`${keptNotes.length} repetition/unfinished-paragraph notes (kept, not removed):`);
for (const k of keptNotes) console.log('  ' + k);
