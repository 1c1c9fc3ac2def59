/**
 * `npm run eval -- FOLDER… [--gold FILE | --guide FILE] [--json]`
 *
 * Cleans the folders (or files) with the engine, in-process, and compares every page with the gold
 * file. Exit code 0 whatever the figures (it is an evaluation, not a test); 2 when the tool fails
 * (bad arguments, unreadable gold file, engine crash).
 */
// @ts-nocheck

import { parseArgs } from 'node:util';
import { readGold, type GoldRow } from './gold.js';
import { evaluate } from './evaluate.js';
import { formatEval } from './format.js';

const USAGE = `usage: npm run eval -- FOLDER... [--gold FILE | --guide FILE] [--json]
  --gold FILE   hand-checked gold file (TSV or JSON: file, date, title, speaker, questions, followups, notes)
  --guide FILE  a guide count without speakers (e.g. the corpus' expected-zh.tsv): the speaker is read from the title
  --json        print the whole result as JSON (summary + one record per page)`;

export async function main(argv: string[]): Promise<number> {
  // `npm run eval … | head`: a closed pipe is not a failure
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { gold: { type: 'string' }, guide: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (!positionals.length || (values.gold && values.guide)) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  try {
    let gold: GoldRow[] = [];
    const goldFile = values.gold ?? values.guide;
    if (goldFile) gold = readGold(goldFile, { guide: !!values.guide });
    const result = await evaluate(positionals, gold);
    process.stdout.write(values.json ? JSON.stringify(result, null, 1) + '\n' : formatEval(result, { gold: goldFile }));
    return 0;
  } catch (e) {
    process.stderr.write(`eval failed: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
