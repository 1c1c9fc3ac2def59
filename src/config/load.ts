import { parseYamlDocument } from '../util/yaml.js';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { bookConfigSchema, type BookConfig } from './schema.js';
import { PressbookError } from '../errors.js';

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
    const lines = parsed.error.issues.map((iss) => {
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
  return { ...parsed.data, root: dirname(file), file };
}

/** The config's explicit browser path, resolved against the config's folder. */
export function configBrowser(config: Pick<BookConfig, 'browser' | 'root'> | undefined): string | undefined {
  return config?.browser ? resolve(config.root, config.browser) : undefined;
}
