import { resolve } from 'node:path';
import { cleanSources } from '../ingest/index.js';
import { writeCleanOutput, formatSummary } from '../ingest/write.js';
import { loadConfig } from '../config/load.js';
import { presetRef } from '../ingest/preset.js';
import { reportWritten } from './written.js';
import { output } from './output.js';

export async function cleanCommand(paths: string[], o: { out: string; force?: boolean; config?: string; preset?: string }) {
  const config = o.config ? loadConfig(o.config) : undefined;
  const result = await cleanSources(
    paths.map((p) => resolve(p)),
    { exclude: [resolve(o.out)], topics: config?.topics, preset: o.preset ? presetRef(o.preset, process.cwd()) : config?.preset && presetRef(config.preset, config.root), language: config?.language, structured: config?.structured, progress: (d, n) => output().progress('cleaning sources', d, n) },
  );
  output().progress('writing the Markdown');
  const written = writeCleanOutput(result, resolve(o.out), { force: o.force });
  output().progress('writing the Markdown', 1, 1);
  process.stderr.write(formatSummary(result.report) + '\n');
  reportWritten(written);
  if (result.report.errors.length) process.exitCode = 1;
}
