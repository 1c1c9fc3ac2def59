/**
 * The shape of the code, checked: no import cycle in src/ (type-only imports do not count: they
 * vanish at run time).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** runtime imports of each file (relative ones only), as absolute .ts paths */
export function importGraph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of files(SRC)) {
    const text = readFileSync(f, 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gm)) {
      if (m[2]) continue;
      deps.push(resolve(dirname(f), m[3]!.replace(/\.js$/, '.ts')));
    }
    for (const m of text.matchAll(/await import\('(\.[^']+)'\)/g)) deps.push(resolve(dirname(f), m[1]!.replace(/\.js$/, '.ts')));
    g.set(f, deps);
  }
  return g;
}

function cycles(g: Map<string, string[]>): string[][] {
  const out: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 1);
    stack.push(n);
    for (const d of g.get(n) ?? []) {
      if (state.get(d) === 1) out.push(stack.slice(stack.indexOf(d)).concat(d));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of g.keys()) if (!state.has(n)) visit(n);
  return out;
}

describe('architecture', () => {
  it('has no import cycle in src/', () => {
    const found = cycles(importGraph()).map((c) => c.map((f) => relative(SRC, f)).join(' → '));
    expect(found).toEqual([]);
  });
  it('sees the imports (the check cannot pass vacuously)', () => {
    const g = importGraph();
    expect(g.get(join(SRC, 'ingest', 'index.ts'))).toContain(join(SRC, 'ingest', 'process.ts'));
    expect(cycles(new Map([['a', ['b']], ['b', ['a']]]))).toHaveLength(1);
  });
});
