/**
 * The bilingual table (data/bilingual.yaml): countries, places, people and outlets with their English
 * and Chinese names. Evidence for alignment (src/align/align.ts) and the English outlet labels
 * (ingest/labels-en.ts). Loaded once, lazily.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../util/paths.js';

export interface TableEntry {
  /** the section: countries, places, people, outlets */
  kind: string;
  /** a stable key (the first English name) */
  key: string;
  en: string[];
  zh: string[];
}

export const TABLE_FILE = join(PACKAGE_ROOT, 'data', 'bilingual.yaml');

let cache: TableEntry[] | undefined;

export function bilingualTable(): TableEntry[] {
  if (cache) return cache;
  const doc = parse(readFileSync(TABLE_FILE, 'utf8')) as Record<string, unknown>;
  const out: TableEntry[] = [];
  for (const [kind, rows] of Object.entries(doc ?? {})) {
    if (!Array.isArray(rows)) throw new Error(`${TABLE_FILE}: "${kind}" is not a list`);
    for (const row of rows) {
      if (!Array.isArray(row)) throw new Error(`${TABLE_FILE}: an entry of "${kind}" is not a list`);
      const names = row.map(String);
      const en = names.filter((n) => !/\p{Script=Han}/u.test(n));
      const zh = names.filter((n) => /\p{Script=Han}/u.test(n));
      if (!en.length || !zh.length) throw new Error(`${TABLE_FILE}: entry [${names.join(', ')}] of "${kind}" needs an English and a Chinese name`);
      out.push({ kind, key: en[0]!, en, zh });
    }
  }
  cache = out;
  return out;
}

/** The outlet names of one language (for questioner labels). */
export function outletNames(lang: 'en' | 'zh'): string[] {
  return bilingualTable()
    .filter((e) => e.kind === 'outlets')
    .flatMap((e) => e[lang]);
}
