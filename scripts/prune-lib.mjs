// After `tsc -p tsconfig.build.json`: remove what lib/ holds for sources that no longer exist in src/
// (a moved or deleted module), so the package never ships stale files. Nothing still built is ever
// removed, so a CLI running from lib/ meanwhile (the test suite packs while it runs) is not disturbed.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const lib = 'lib';
const src = 'src';
// lib/bundle/: the bundled CLI (scripts/bundle.mjs), made from src/ as a whole and replaced whole
const bundle = join(lib, 'bundle');
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (p === bundle) continue;
    if (statSync(p).isDirectory()) {
      walk(p);
      if (!readdirSync(p).length) rmSync(p, { recursive: true, force: true });
      continue;
    }
    const base = relative(lib, p).replace(/(\.d)?\.(js|ts)(\.map)?$/, '');
    if (!existsSync(join(src, base + '.ts'))) rmSync(p, { force: true });
  }
}
if (existsSync(lib)) walk(lib);
