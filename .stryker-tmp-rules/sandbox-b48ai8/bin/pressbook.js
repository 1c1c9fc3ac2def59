#!/usr/bin/env node
// pressbook command entry. An installed package runs the compiled JavaScript in lib/ (built by
// `npm run build`, and at `prepack`). In a development checkout the TypeScript sources run through
// tsx (a dev dependency) whenever lib/ is missing or older than a file in src/, so a stale compile
// never runs. PRESSBOOK_DEV=1 forces the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

function useCompiled() {
  if (process.env.PRESSBOOK_DEV === '1' || !existsSync(compiled)) return false;
  if (!existsSync(src)) return true; // installed package: no sources shipped
  return statSync(compiled).mtimeMs >= newestMtime(src);
}

let main;
if (useCompiled()) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/index.ts'));
}
process.exitCode = await main(process.argv);
