/**
 * Finding the source files: the paths given, folders walked in name order, safely. A symbolic link
 * is followed once (a loop back into a folder already being walked is reported, not followed); a
 * dangling link, an unreadable folder or a missing path is reported with its name and the rest is
 * still read; folders listed in `exclude` (the output folder, when it lies inside the sources) are
 * not read, so nothing pressbook wrote is read back as a source.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';

const SKIP_EXT = new Set(['.yaml', '.yml', '.lock', '.tmp']);

export interface WalkProblem {
  file: string;
  message: string;
}

export interface WalkResult {
  files: string[];
  problems: WalkProblem[];
  /** folders left out because they are excluded (e.g. the output folder) */
  excluded: string[];
}

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

export function walkSources(paths: string[], opts: { exclude?: string[] } = {}): WalkResult {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const excluded: string[] = [];
  const seen = new Set<string>();
  const exclude = new Set((opts.exclude ?? []).map((p) => safeReal(resolve(p)) ?? resolve(p)));
  const add = (p: string) => {
    const abs = resolve(p);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  /** real paths of the folders on the current walk: a link back to one of them is a loop */
  const active = new Set<string>();
  const walk = (dir: string) => {
    const real = safeReal(dir);
    if (real === undefined) return;
    if (exclude.has(real)) {
      excluded.push(dir);
      return;
    }
    if (active.has(real)) {
      problems.push({ file: dir, message: `${dir}: symbolic link loop (leads back to ${real}): not followed` });
      return;
    }
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ file: dir, message: `${dir}: cannot read this folder (${code(e)})` });
      return;
    }
    active.add(real);
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p); // follows links
      } catch (e) {
        problems.push({ file: p, message: `${p}: ${code(e) === 'ENOENT' ? 'dangling symbolic link (its target does not exist)' : `cannot read (${code(e)})`}: skipped` });
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && !SKIP_EXT.has(extname(name).toLowerCase())) add(p);
    }
    active.delete(real);
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      add(p); // reported as unreadable when it is read
      continue;
    }
    if (st.isDirectory()) walk(resolve(p));
    else add(p);
  }
  return { files, problems, excluded };
}

function safeReal(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

export function displayName(abs: string, base = process.cwd()): string {
  const rel = relative(base, abs);
  const name = rel && !rel.startsWith('..') ? rel : abs;
  return name.split(sep).join('/');
}
