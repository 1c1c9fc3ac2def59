/** Finding the source files: the paths given, folders walked in name order. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';

const SKIP_EXT = new Set(['.yaml', '.yml', '.lock', '.tmp']);

export function expand(paths: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const abs = resolve(p);
    if (!seen.has(abs)) {
      seen.add(abs);
      out.push(abs);
    }
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && !SKIP_EXT.has(extname(name).toLowerCase())) add(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      add(p); // reported as unreadable later
      continue;
    }
    if (st.isDirectory()) walk(p);
    else add(p);
  }
  return out;
}

export function displayName(abs: string, base = process.cwd()): string {
  const rel = relative(base, abs);
  const name = rel && !rel.startsWith('..') ? rel : abs;
  return name.split(sep).join('/');
}

