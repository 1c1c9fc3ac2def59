/**
 * The output cache: for each rendered file, the hash of everything it was made from (the Book as
 * parsed from the Markdown, the config, the theme's templates and styles, the notes, pressbook's own
 * code and version). A rebuild whose inputs hash the same, and whose file on disk still has the
 * recorded content, reuses the file instead of rendering it again. Kept in `<out>/.pressbook-cache.json`.
 */
import { createHash } from 'node:crypto';
import { fileSha256 } from './file-hash.js';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { PACKAGE_ROOT } from './paths.js';
import { writeFileAtomic } from './fs.js';
import { sha256Hex } from './hash.js';

interface Entry {
  key: string;
  sha256: string;
}

const FORMAT = 1;


/** path, size and mtime of every file below `dir` (cheap: no content read) */
function treeStamp(dir: string, h: ReturnType<typeof createHash>, root = dir): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) treeStamp(p, h, root);
    else if (e.isFile()) {
      const st = statSync(p);
      h.update(`${relative(root, p)}\u0000${st.size}\u0000${st.mtimeMs}\n`);
    }
  }
}

let codeStampMemo: string | undefined;
/** pressbook's version, code, templates, styles, locales and data tables */
export function codeStamp(): string {
  if (codeStampMemo) return codeStampMemo;
  const h = createHash('sha256');
  h.update(readFileSync(join(PACKAGE_ROOT, 'package.json')));
  for (const d of ['lib', 'src', 'templates', 'styles', 'locales', 'data', 'presets']) treeStamp(join(PACKAGE_ROOT, d), h);
  return (codeStampMemo = h.digest('hex'));
}

/** a book folder's own templates/, styles/ and locales/ (themes and interface strings may be overridden there) */
export function bookStamp(root: string): string {
  const h = createHash('sha256');
  for (const d of ['templates', 'styles', 'locales']) treeStamp(join(root, d), h);
  return h.digest('hex');
}

export class OutputCache {
  private file: string;
  private entries: Record<string, Entry> = {};
  constructor(private out: string) {
    this.file = join(out, '.pressbook-cache.json');
    try {
      const j = JSON.parse(readFileSync(this.file, 'utf8')) as { format?: number; entries?: Record<string, Entry> };
      if (j.format === FORMAT && j.entries) this.entries = j.entries;
    } catch {
      /* no cache yet */
    }
  }
  /** a key from any JSON-able inputs, plus pressbook's code stamp */
  key(...parts: unknown[]): string {
    return sha256Hex(JSON.stringify([codeStamp(), ...parts]));
  }
  /** the file exists, was made from these inputs, and has not been changed since */
  fresh(path: string, key: string): boolean {
    const e = this.entries[relative(this.out, path)];
    if (!e || e.key !== key || !existsSync(path)) return false;
    return fileSha256(path) === e.sha256;
  }
  record(path: string, key: string): void {
    this.entries[relative(this.out, path)] = { key, sha256: fileSha256(path) };
  }
  save(): void {
    writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, entries: this.entries }, null, 1) + '\n');
  }
}

/**
 * A Map kept across runs in `file` (v8 serialisation: what structuredClone keeps), valid while `salt`
 * (what its values depend on besides their keys, e.g. pressbook's code) stays the same. Reading gives
 * undefined when the file is absent, stale or unreadable; a write that fails costs time on the next run,
 * nothing else. The clean stage keeps each source's cleaning in one, the Markdown reader each file's parse.
 */
export function readStore<V>(file: string, salt: string): Map<string, V> | undefined {
  try {
    const d = deserialize(readFileSync(file)) as { salt?: string; map?: unknown };
    if (d.salt === salt && d.map instanceof Map) return d.map as Map<string, V>;
  } catch {
    // no store yet, or one written by another version
  }
  return undefined;
}

export function writeStore<V>(file: string, salt: string, map: Map<string, V>): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(file, serialize({ salt, map }));
  } catch {
    // not written: the next run recomputes
  }
}
