#!/usr/bin/env node
// pressbook command entry. An installed package runs the compiled JavaScript in lib/ (built by
// `npm run build`, at `prepare`/`prepack`); a development checkout without lib/ runs the TypeScript
// sources through tsx (a dev dependency). PRESSBOOK_DEV=1 forces the sources.
import { existsSync } from 'node:fs';
const compiled = new URL('../lib/cli/index.js', import.meta.url);
let main;
if (existsSync(compiled) && process.env.PRESSBOOK_DEV !== '1') {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/index.ts'));
}
process.exitCode = await main(process.argv);
