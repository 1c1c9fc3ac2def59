/**
 * Presets: corpus-specific knowledge kept out of the engine, as data files (`presets/<name>.yaml`,
 * or any YAML file given by path), selected from pressbook.yaml with `preset: <name or path>`.
 *
 * A preset holds
 * - `topics`: topic keywords (tag → keywords), the base table that a book's `topics:` extends;
 * - `sessions`: rules that give a year to a session named in the text (the n-th session of the
 *   k-th congress is held in firstYear + termYears·(k − firstTerm) + (n − 1)), for datelines that
 *   print no year ("新华社北京3月7日电");
 * - `extends`: presets merged first.
 */
import { PACKAGE_ROOT } from '../util/paths.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { PressbookError } from '../errors.js';
import { parseYamlDocument } from '../util/yaml.js';
import { parseCnNumber } from './structure.js';
import type { TopicTable } from './topics.js';

/** the presets shipped with pressbook */
export const PRESET_DIR = join(PACKAGE_ROOT, 'presets');

const sessionSchema = z
  .object({
    /** a regular expression with two groups: the congress (k) and the session (n), Chinese or Arabic numerals */
    pattern: z.string().min(1),
    firstTerm: z.number().int(),
    firstYear: z.number().int(),
    termYears: z.number().int().positive(),
  })
  .strict();

const presetSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    extends: z.union([z.string(), z.array(z.string())]).optional(),
    topics: z.record(z.string(), z.array(z.string())).default({}),
    /** other names of a topic tag (tags written by older builds or structured sources): tag → [aliases] */
    topicAliases: z.record(z.string(), z.array(z.string())).default({}),
    /** one outlet, many spellings: canonical name → [aliases] (the index lists each outlet once) */
    outlets: z.record(z.string(), z.array(z.string())).default({}),
    sessions: z.array(sessionSchema).default([]),
  })
  .strict();

export type SessionRule = z.infer<typeof sessionSchema>;

export interface Preset {
  name: string;
  description?: string;
  topics: TopicTable;
  topicAliases: Record<string, string[]>;
  outlets: Record<string, string[]>;
  sessions: (SessionRule & { re: RegExp })[];
  /** the files read, base presets first */
  files: string[];
}

export const EMPTY_PRESET: Preset = { name: 'none', topics: {}, topicAliases: {}, outlets: {}, sessions: [], files: [] };

const isPathRef = (ref: string) => /[/\\]|\.ya?ml$/i.test(ref);

function presetPath(ref: string, baseDir: string): string {
  if (isPathRef(ref)) return isAbsolute(ref) ? ref : resolve(baseDir, ref);
  return join(PRESET_DIR, `${ref}.yaml`);
}

/** A config's `preset:` value made independent of the working directory (paths resolved against the config's folder). */
export function presetRef(ref: string, configDir: string): string {
  return isPathRef(ref) && !isAbsolute(ref) ? resolve(configDir, ref) : ref;
}

const parsedPresets = new Map<string, { text: string; doc: ReturnType<typeof parseYamlDocument>['doc'] }>();

/** Load a preset by name (presets/<name>.yaml) or path (relative to `baseDir`), with its bases. */
export function loadPreset(ref: string, baseDir = process.cwd(), seen: string[] = []): Preset {
  const file = presetPath(ref, baseDir);
  if (!existsSync(file)) {
    const names = existsSync(PRESET_DIR) ? readdirSync(PRESET_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)) : [];
    const known = names.length ? `; shipped presets: ${names.sort().join(', ')}, or give a YAML file's path` : '';
    throw new PressbookError(`preset "${ref}": no such preset (looked for ${file})${known}`, { file });
  }
  if (seen.includes(file)) throw new PressbookError(`preset "${ref}": extends itself (${[...seen, file].join(' → ')})`, { file });
  const text = readFileSync(file, 'utf8');
  // the parsed YAML is kept while the file's text is the same (the preview renders the book view per edit)
  let doc = parsedPresets.get(file)?.text === text ? parsedPresets.get(file)!.doc : undefined;
  if (!doc) {
    doc = parseYamlDocument(text, file).doc;
    parsedPresets.set(file, { text, doc });
  }
  const parsed = presetSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `key "${i.path.join('.') || '(top level)'}": ${i.message}`).join('; ');
    throw new PressbookError(`${file}: invalid preset: ${msg}`, { file });
  }
  const p = parsed.data;
  const bases = (typeof p.extends === 'string' ? [p.extends] : (p.extends ?? [])).map((b) => loadPreset(b, dirname(file), [...seen, file]));
  const out: Preset = { name: p.name, description: p.description, topics: {}, topicAliases: {}, outlets: {}, sessions: [], files: [] };
  for (const b of bases) {
    out.topics = mergeTables(out.topics, b.topics);
    out.topicAliases = mergeTables(out.topicAliases, b.topicAliases);
    out.outlets = mergeTables(out.outlets, b.outlets);
    out.sessions.push(...b.sessions);
    out.files.push(...b.files);
  }
  out.topics = mergeTables(out.topics, p.topics);
  out.topicAliases = mergeTables(out.topicAliases, p.topicAliases);
  out.outlets = mergeTables(out.outlets, p.outlets);
  for (const s of p.sessions) {
    let re: RegExp;
    try {
      re = new RegExp(s.pattern, 'u');
    } catch (e) {
      throw new PressbookError(`${file}: invalid session pattern ${s.pattern}: ${(e as Error).message}`, { file });
    }
    out.sessions.push({ ...s, re });
  }
  out.files.push(file);
  return out;
}

function mergeTables(a: TopicTable, b: TopicTable): TopicTable {
  const out: TopicTable = {};
  for (const [k, v] of Object.entries(a)) out[k] = [...v];
  for (const [k, v] of Object.entries(b)) out[k] = [...new Set([...(out[k] ?? []), ...v])];
  return out;
}

export interface SessionMatch {
  /** the session as printed ("十三届全国人大三次会议") */
  name: string;
  year: number;
}

/** The first session named in `leading` (else in `all`) that a rule dates. */
export function findSession(rules: Preset['sessions'], leading: string, all = ''): SessionMatch | undefined {
  for (const text of [leading, all]) {
    for (const r of rules) {
      const m = r.re.exec(text);
      if (!m) continue;
      const k = parseCnNumber(m[1] ?? '');
      const n = parseCnNumber(m[2] ?? '');
      if (k && n) return { name: m[0], year: r.firstYear + r.termYears * (k - r.firstTerm) + (n - 1) };
    }
  }
  return undefined;
}
