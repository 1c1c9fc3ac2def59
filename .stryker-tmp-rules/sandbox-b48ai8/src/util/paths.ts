/** Where the installed package lives, whether run from src/ (tsx) or from the compiled lib/. */
// @ts-nocheck

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'pressbook') return dir;
      } catch {
        /* not ours */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`pressbook: cannot find the package root above ${from}`);
    dir = up;
  }
}

/** Root of the installed package (templates/ and styles/ live there). */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * The node_modules folder that holds pressbook's dependencies: the one pressbook is installed in
 * (…/node_modules/pressbook → …/node_modules), or the checkout's own.
 */
export function dependencyFolder(): string {
  const i = PACKAGE_ROOT.lastIndexOf(`${sep}node_modules${sep}`);
  return i >= 0 ? PACKAGE_ROOT.slice(0, i + `${sep}node_modules`.length) : join(PACKAGE_ROOT, 'node_modules');
}
