#!/usr/bin/env node
// pressbook command entry. An installed package runs the compiled JavaScript: the bundled CLI in
// lib/bundle/ (scripts/bundle.mjs: a dozen files to load instead of ~500 modules), else lib/cli/
// (built by `npm run build`, and at `prepack`). In a development checkout the TypeScript sources run
// through tsx (a dev dependency) whenever both are missing or older than a file in src/, so a stale
// compile never runs. PRESSBOOK_DEV=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundled = new URL('../lib/bundle/index.js', import.meta.url);
const compiled = new URL('../lib/cli/index.js', import.meta.url);
const src = fileURLToPath(new URL('../src', import.meta.url));

function newestMtime(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** the compiled entry to run: the bundle or lib/cli/, whichever is newer than every source; none: the sources */
function compiledEntry() {
  if (process.env.PRESSBOOK_DEV === '1') return undefined;
  const built = [bundled, compiled].filter((u) => existsSync(u));
  if (!existsSync(src)) return built[0]; // installed package: no sources shipped
  if (!built.length) return undefined;
  const newest = newestMtime(src);
  return built.find((u) => statSync(u).mtimeMs >= newest);
}

let main;
const entry = compiledEntry();
if (entry) {
  ({ main } = await import(entry.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/index.ts'));
}
process.exitCode = await main(process.argv);
