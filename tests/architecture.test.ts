/**
 * The shape of the code, checked: no import cycle in src/ (type-only imports do not count: they
 * vanish at run time); each renderer (src/render/<name>/) imports nothing from another renderer, and
 * shared/ nothing from any renderer; no interface text in Chinese hard-coded in src/render or
 * templates/ (it lives in locales/).
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

/** The renderer folders under src/render (every folder but shared/). */
export function rendererFolders(): string[] {
  const root = join(SRC, 'render');
  return readdirSync(root).filter((n) => n !== 'shared' && statSync(join(root, n)).isDirectory());
}

/** Imports (runtime or type-only) that cross from one folder of src/render into a renderer folder not its own. */
export function crossRendererImports(g: Map<string, string[]>, renderers: string[]): string[] {
  const root = join(SRC, 'render');
  const folderOf = (f: string) => {
    const r = relative(root, f);
    return r.startsWith('..') || !r.includes('/') ? undefined : r.split('/')[0];
  };
  const out: string[] = [];
  for (const [f, deps] of g) {
    const from = folderOf(f);
    if (!from) continue;
    for (const d of deps) {
      const to = folderOf(d);
      if (to && to !== from && renderers.includes(to)) out.push(`${relative(SRC, f)} → ${relative(SRC, d)}`);
    }
  }
  return out;
}

/** Every relative import, type-only ones included (a renderer may not even borrow another's types). */
function allImports(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const f of files(SRC)) {
    const text = readFileSync(f, 'utf8');
    const deps = [...text.matchAll(/(?:from\s+|import\()'(\.[^']+)'/g)].map((m) => resolve(dirname(f), m[1]!.replace(/\.js$/, '.ts')));
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

describe('renderer boundary', () => {
  it('has the four renderers, each with an index.ts', () => {
    expect(rendererFolders().sort()).toEqual(['data', 'epub', 'handout', 'print']);
    for (const r of rendererFolders()) expect(statSync(join(SRC, 'render', r, 'index.ts')).isFile()).toBe(true);
  });
  it('no renderer imports from another renderer, shared/ from none', () => {
    expect(crossRendererImports(allImports(), rendererFolders())).toEqual([]);
  });
  it('the check sees a crossing import', () => {
    const r = join(SRC, 'render');
    const g = new Map([
      [join(r, 'handout', 'handout.ts'), [join(r, 'print', 'pdf.ts'), join(r, 'shared', 'theme.ts')]],
      [join(r, 'shared', 'x.ts'), [join(r, 'epub', 'epub.ts')]],
      [join(r, 'print', 'pdf.ts'), [join(r, 'print', 'html.ts'), join(SRC, 'util', 'fs.ts')]],
    ]);
    expect(crossRendererImports(g, ['print', 'epub', 'handout', 'data'])).toEqual(['render/handout/handout.ts → render/print/pdf.ts', 'render/shared/x.ts → render/epub/epub.ts']);
  });
  it('no Han characters in src/render or templates/ (interface strings are in locales/)', () => {
    const root = resolve(SRC, '..');
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    const hits: string[] = [];
    for (const f of [...walk(join(SRC, 'render')), ...walk(join(root, 'templates'))])
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\p{Script=Han}/u.test(line)) hits.push(`${relative(root, f)}:${i + 1}: ${line.trim().slice(0, 60)}`);
        });
    expect(hits).toEqual([]);
  });
});

describe('one copy of pdf-lib', () => {
  it("every module takes pdf-lib's values from src/render/shared/pdflib.ts (two copies fail each other's instanceof)", () => {
    const own = join(SRC, 'render', 'shared', 'pdflib.ts');
    const hits = files(SRC).filter((f) => f !== own && /^\s*import\s+(?!type\b)[^;]*from\s+'pdf-lib(\/[^']*)?'/m.test(readFileSync(f, 'utf8')));
    expect(hits.map((f) => relative(SRC, f))).toEqual([]);
    // the check sees such an import
    expect(/^\s*import\s+(?!type\b)[^;]*from\s+'pdf-lib(\/[^']*)?'/m.test("import { PDFDocument } from 'pdf-lib';")).toBe(true);
  });
});
