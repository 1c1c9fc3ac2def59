// @ts-nocheck
import { parseYamlDocument } from '../util/yaml.js';
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname, isAbsolute } from 'node:path';
import { bookConfigSchema, type BookConfig } from './schema.js';
import { PressbookError } from '../errors.js';
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../util/paths.js';

/** Locate pressbook.yaml: a file path, or a folder containing one. */
export function findConfig(target: string): string {
  const p = resolve(target);
  if (existsSync(p) && statSync(p).isDirectory()) {
    const f = join(p, 'pressbook.yaml');
    if (!existsSync(f)) throw new PressbookError(`${f}: no pressbook.yaml in this folder`, { file: f });
    return f;
  }
  if (!existsSync(p)) throw new PressbookError(`${p}: no such file or folder`, { file: p });
  return p;
}

/** Read and validate a book config; every problem names file, line, key and what was expected. */
export function loadConfig(target: string): BookConfig {
  const file = findConfig(target);
  const text = readFileSync(file, 'utf8');
  const { doc, lc } = parseYamlDocument(text, file);
  const raw = doc.toJS() ?? {};
  const parsed = bookConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.flatMap((iss) => {
      if (iss.code === 'unrecognized_keys') return iss.keys.map((k) => unknownKey(file, doc, lc, iss.path, k));
      const key = iss.path.join('.') || '(top level)';
      const node = iss.path.length ? doc.getIn(iss.path, true) : undefined;
      let loc = '';
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) loc = `:${lc.linePos(range[0]).line}`;
      else if (iss.path.length > 1) {
        const parent = doc.getIn(iss.path.slice(0, -1), true) as { range?: [number, number, number] } | undefined;
        if (parent?.range) loc = `:${lc.linePos(parent.range[0]).line}`;
      }
      return `${file}${loc}: key "${key}": ${iss.message}`;
    });
    throw new PressbookError(`invalid book config\n  ${lines.join('\n  ')}`, { file });
  }
  const config: BookConfig = { ...parsed.data, root: dirname(file), file };
  checkTheme(config, doc, lc);
  checkOutputs(config, doc, lc);
  return config;
}

type Doc = ReturnType<typeof parseYamlDocument>['doc'];
type Lc = ReturnType<typeof parseYamlDocument>['lc'];

/** The keys a mapping at `path` of the schema accepts. */
function knownKeys(path: (string | number)[]): string[] {
  let s: z.ZodTypeAny = bookConfigSchema;
  for (const p of path) {
    while (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodEffects)
      s = s instanceof z.ZodEffects ? s.innerType() : (s._def.innerType as z.ZodTypeAny);
    if (s instanceof z.ZodArray && typeof p === 'number') s = s.element;
    else if (s instanceof z.ZodObject && typeof p === 'string') s = s.shape[p];
    else return [];
    if (!s) return [];
  }
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s._def.innerType as z.ZodTypeAny;
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** "file:LINE: unknown key "titel" (did you mean "title"?)" */
function unknownKey(file: string, doc: Doc, lc: Lc, path: (string | number)[], key: string): string {
  const map = (path.length ? doc.getIn(path, true) : doc.contents) as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null;
  const node = map?.items?.find((it) => it.key?.value === key)?.key;
  const loc = node?.range ? `:${lc.linePos(node.range[0]).line}` : '';
  const known = knownKeys(path);
  const best = known.length ? closest(key, known) : undefined;
  const hint = best && distance(key, best) <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean "${best}"?)` : known.length ? ` (known keys: ${known.join(', ')})` : '';
  const where = path.length ? ` in "${path.join('.')}"` : '';
  return `${file}${loc}: unknown key "${key}"${where}${hint}`;
}

/** Output names stay inside the output folder: no absolute paths, no "..". */
function checkOutputs(config: BookConfig, doc: Doc, lc: Lc) {
  for (const [k, v] of Object.entries(config.output)) {
    const parts = v.split(/[\\/]+/);
    if (!isAbsolute(v) && !/^[a-zA-Z]:/.test(v) && !parts.includes('..') && v.trim() !== '' && parts.some((p) => p && p !== '.')) continue;
    const node = doc.getIn(['output', k], true) as { range?: [number, number, number] } | undefined;
    const loc = node?.range ? `:${lc.linePos(node.range[0]).line}` : '';
    throw new PressbookError(`${config.file}${loc}: key "output.${k}": "${v}" must be a path inside the output folder (no absolute path, no "..")`, { file: config.file });
  }
}

/** A theme must exist (in the book's folder or the package) before anything is cleaned or printed. */
function checkTheme(config: BookConfig, doc: Doc, lc: Lc) {
  const name = config.theme;
  const found = [config.root, PACKAGE_ROOT].some((r) => existsSync(join(r, 'styles', `${name}.css`)));
  if (found) return;
  const node = doc.getIn(['theme'], true) as { range?: [number, number, number] } | undefined;
  const loc = node?.range ? `:${lc.linePos(node.range[0]).line}` : '';
  const themes = readdirSync(join(PACKAGE_ROOT, 'styles'))
    .filter((f) => /^[\w-]+\.css$/.test(f) && !/-base\.css$|\.epub\.css$|^epub|^handout/.test(f))
    .map((f) => f.replace(/\.css$/, ''));
  const best = closest(name, themes);
  throw new PressbookError(`${config.file}${loc}: key "theme": no theme "${name}" (styles/${name}.css in the book folder or the package)${distance(name, best) <= 3 ? `; did you mean "${best}"?` : ''} — themes: ${themes.join(', ')}`, { file: config.file });
}

/** The config's explicit browser path, resolved against the config's folder. */
export function configBrowser(config: Pick<BookConfig, 'browser' | 'root'> | undefined): string | undefined {
  return config?.browser ? resolve(config.root, config.browser) : undefined;
}
