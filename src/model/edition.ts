/**
 * Editions of one book: the Simplified-Chinese book as cleaned (zh-Hans), and Traditional-Chinese
 * editions for Taiwan (zh-Hant-TW) and Hong Kong (zh-Hant-HK), each optionally vertical.
 *
 * An edition is a transform of the Book: every text a reader sees (paragraphs, labels, speakers,
 * titles, topics, the config's title and tables) goes through one converter; ids, dates, anchors,
 * source files and hashes are never touched. The converter is opencc-js phrase-level conversion
 * (locale `tw` or `hk` — not `twp`, which localises vocabulary: 发布消息 → 釋出訊息, 信息 → 資訊), with a
 * reviewed override dictionary kept in the project (data/zh-Hant-overrides.yaml) applied first as
 * whole phrases, then the curly quotes “”‘’ set as 「」『』. The counts of the conversion are kept in
 * `book.edition.conversion` for the colophon.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Book, PressEvent, Turn } from './types.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { PressbookError } from '../errors.js';
import { EMPTY_PRESET, loadPreset } from '../ingest/preset.js';
import { mergeTopics } from '../ingest/topics.js';

export const EDITIONS = ['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK'] as const;
export type EditionName = (typeof EDITIONS)[number];

/** Which face of a CJK font family an edition is set in (Noto Serif SC / TC / HK). */
export type FontRegion = 'SC' | 'TC' | 'HK';

export interface EditionSpec {
  name: EditionName;
  vertical: boolean;
}

export interface ConversionReport {
  /** "opencc-js 1.4.2" */
  engine: string;
  /** the OpenCC target locale: tw or hk */
  locale: 'tw' | 'hk';
  /** entries of the override dictionary in force for this edition */
  overrides: number;
  /** how many times an override phrase was applied (also where opencc alone would print the same: it is the phrase that decides) */
  overrideHits: number;
  /** characters changed by the conversion (quotes included) */
  changedChars: number;
  /** quotation marks set as corner brackets */
  quotes: number;
  /** the override dictionary file, relative to the package */
  dictionary: string;
}

/** What renderers need to know about the edition they print (absent: the book as cleaned). */
export interface EditionInfo {
  name: EditionName;
  /** the BCP 47 tag printed everywhere (html lang, dc:language, xml:lang, PDF /Lang) */
  lang: string;
  vertical: boolean;
  region: FontRegion;
  conversion?: ConversionReport;
}

export const OVERRIDES_FILE = 'data/zh-Hant-overrides.yaml';

export function isEditionName(s: string): s is EditionName {
  return (EDITIONS as readonly string[]).includes(s);
}

export function fontRegion(name: EditionName): FontRegion {
  return name === 'zh-Hant-TW' ? 'TC' : name === 'zh-Hant-HK' ? 'HK' : 'SC';
}

/**
 * The output file of an edition: the zh-Hans horizontal edition keeps the configured name (the
 * default build is unchanged); any other gets the edition (and `vertical`) before the extension:
 * book.pdf → book.zh-Hant-TW.pdf, book.zh-Hant-TW.vertical.epub, book.vertical.pdf.
 */
export function editionFile(file: string, spec: EditionSpec): string {
  const tag = [spec.name === 'zh-Hans' ? '' : spec.name, spec.vertical ? 'vertical' : ''].filter(Boolean).join('.');
  if (!tag) return file;
  const m = /^(.*?)(\.[^./\\]+)?$/.exec(file)!;
  return `${m[1]}.${tag}${m[2] ?? ''}`;
}

/** The override dictionary: `both` for every Traditional edition, then `tw` / `hk`; simplified phrase → traditional. */
interface OverrideFile {
  both?: Record<string, string>;
  tw?: Record<string, string>;
  hk?: Record<string, string>;
}

export function loadOverrides(locale: 'tw' | 'hk', file = join(PACKAGE_ROOT, OVERRIDES_FILE)): Map<string, string> {
  let doc: OverrideFile;
  try {
    doc = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as OverrideFile;
  } catch (e) {
    throw new PressbookError(`${file}: cannot read the override dictionary: ${(e as Error).message}`, { file });
  }
  const out = new Map<string, string>();
  for (const part of [doc.both, doc[locale]])
    for (const [k, v] of Object.entries(part ?? {})) {
      if (typeof v !== 'string' || !k) throw new PressbookError(`${file}: override "${k}" must map a phrase to a phrase`, { file });
      out.set(k, v);
    }
  return out;
}

/**
 * Curly quotes to corner brackets: “” → 「」, ‘’ → 『』. A ’ with no open ‘ before it is an apostrophe
 * (China’s) and stays. Returns the text and the number of marks changed.
 */
export function cornerQuotes(text: string): { text: string; n: number } {
  let n = 0;
  let single = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '“') (out += '「'), n++;
    else if (ch === '”') (out += '」'), n++;
    else if (ch === '‘') (out += '『'), n++, single++;
    else if (ch === '’' && single > 0) (out += '』'), n++, single--;
    else out += ch;
  }
  return { text: out, n };
}

export interface TextConverter {
  (text: string): string;
  report: ConversionReport;
}

const require = createRequire(import.meta.url);

/** One text converted: the result and what the report counts for it. */
interface Converted {
  text: string;
  overrideHits: number;
  quotes: number;
  changedChars: number;
}

/**
 * The engine of a converter (opencc-js's dictionaries, the override trie, the package version, and
 * every text it converted), kept per locale and override dictionary text: building the dictionaries
 * takes longer than converting a conference, and the preview converts one per edit.
 */
interface Engine {
  convert: (s: string) => string;
  trie: { matchPrefix(s: string, i: number): { end: number; value: string } | null | undefined };
  overrides: Map<string, string>;
  version: string;
  done: Map<string, Converted>;
}
const engines = new Map<string, Engine>();

async function engine(locale: 'tw' | 'hk', overridesFile?: string): Promise<Engine> {
  const file = overridesFile ?? join(PACKAGE_ROOT, OVERRIDES_FILE);
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    /* loadOverrides says why */
  }
  const key = `${locale}\u0000${file}\u0000${text}`;
  const hit = engines.get(key);
  if (hit) return hit;
  const OpenCC = await import('opencc-js');
  const convert = OpenCC.Converter({ from: 'cn', to: locale });
  const overrides = loadOverrides(locale, overridesFile);
  const trie = new OpenCC.Trie();
  for (const [k, v] of overrides) trie.addWord(k, v);
  let version = '?';
  try {
    // the package exports no package.json: up from its CommonJS entry (dist/umd/full.js)
    const root = dirname(dirname(dirname(require.resolve('opencc-js'))));
    version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    /* package.json not exported */
  }
  const e: Engine = { convert, trie, overrides, version, done: new Map() };
  for (const k of [...engines.keys()]) if (k.startsWith(`${locale}\u0000${file}\u0000`)) engines.delete(k);
  engines.set(key, e);
  return e;
}

/** The converter of a Traditional edition: overrides first (longest phrase wins), opencc-js between them, then quotes. */
export async function textConverter(locale: 'tw' | 'hk', overridesFile?: string): Promise<TextConverter> {
  const { convert, trie, overrides, version, done } = await engine(locale, overridesFile);
  const report: ConversionReport = { engine: `opencc-js ${version}`, locale, overrides: overrides.size, overrideHits: 0, changedChars: 0, quotes: 0, dictionary: OVERRIDES_FILE };
  // each text counts once per converter (a converter is one edition of one book)
  const seen = new Set<string>();
  const fn = ((text: string) => {
    if (!text) return text;
    let c = done.get(text);
    if (!c) {
      let out = '';
      let pending = '';
      let overrideHits = 0;
      for (let i = 0; i < text.length; ) {
        const m = overrides.size ? trie.matchPrefix(text, i) : null;
        if (m && m.end > i) {
          out += convert(pending) + m.value;
          pending = '';
          overrideHits++;
          i = m.end;
        } else {
          pending += text[i];
          i++;
        }
      }
      out += convert(pending);
      const q = cornerQuotes(out);
      const a = [...text];
      const b = [...q.text];
      let changedChars = 0;
      for (let k = 0; k < Math.max(a.length, b.length); k++) if (a[k] !== b[k]) changedChars++;
      c = { text: q.text, overrideHits, quotes: q.n, changedChars };
      if (done.size >= 200_000) done.clear();
      done.set(text, c);
    }
    if (!seen.has(text)) {
      seen.add(text);
      report.overrideHits += c.overrideHits;
      report.quotes += c.quotes;
      report.changedChars += c.changedChars;
    }
    return c.text;
  }) as TextConverter;
  fn.report = report;
  return fn;
}

function convertTurn(t: Turn, c: (s: string) => string): Turn {
  return {
    ...t,
    ...(t.speaker !== undefined ? { speaker: c(t.speaker) } : {}),
    ...(t.label !== undefined ? { label: c(t.label) } : {}),
    paragraphs: t.paragraphs.map(c),
    ...(t.question ? { question: { ...t.question, label: c(t.question.label), outlet: c(t.question.outlet), title: c(t.question.title), topics: t.question.topics.map(c) } } : {}),
  };
}

const opt = (s: string | undefined, c: (s: string) => string) => (s === undefined ? undefined : c(s));

function convertEvent(ev: PressEvent, c: (s: string) => string, lang: string): PressEvent {
  // an English event of a bilingual book is left as it is
  if (!/^zh/i.test(ev.meta.language)) return ev;
  const m = ev.meta;
  return {
    meta: { ...m, language: lang, title: c(m.title), session: opt(m.session, c), venue: opt(m.venue, c), speaker: opt(m.speaker, c), duration: opt(m.duration, c), headline: opt(m.headline, c) },
    turns: ev.turns.map((t) => convertTurn(t, c)),
    highlights: ev.highlights.map((h) => ({ ...h, text: c(h.text) })),
  };
}

const table = (t: Record<string, string[]>, c: (s: string) => string) => Object.fromEntries(Object.entries(t).map(([k, v]) => [c(k), v.map(c)]));

/**
 * The Book of an edition. zh-Hans: the book as it is (its config's language kept), only marked with
 * its edition. zh-Hant-TW / zh-Hant-HK: every reader-visible text converted; the config's title,
 * subtitle, editor, description and topic/outlet tables too (so the index still groups by the
 * converted topic names); `language` becomes the edition's tag and the output names the edition's.
 */
export async function editionBook(book: Book, spec: EditionSpec, opts: { overridesFile?: string } = {}): Promise<Book> {
  const c0 = book.config;
  const output = { ...c0.output, pdf: editionFile(c0.output.pdf, spec), epub: editionFile(c0.output.epub, spec) };
  if (spec.name === 'zh-Hans') {
    const id = spec.vertical ? `${c0.id ?? c0.title}.vertical` : c0.id;
    return { ...book, config: { ...c0, id, output }, edition: { name: spec.name, lang: c0.language, vertical: spec.vertical, region: 'SC' } };
  }
  const locale = spec.name === 'zh-Hant-TW' ? 'tw' : 'hk';
  const cv = await textConverter(locale, opts.overridesFile);
  const events = book.events.map((e) => convertEvent(e, cv, spec.name));
  // the preset's topic and outlet tables are resolved into the edition's config, converted (the index
  // groups by the converted topic names, in the preset's order)
  const preset = c0.preset ? loadPreset(c0.preset, c0.root) : EMPTY_PRESET;
  const config = {
    ...c0,
    // an edition is a book of its own: its own identifier (EPUB dc:identifier, PDF document id)
    id: `${c0.id ?? c0.title}.${spec.name}${spec.vertical ? '.vertical' : ''}`,
    output,
    preset: undefined,
    language: spec.name,
    title: cv(c0.title),
    subtitle: opt(c0.subtitle, cv),
    author: opt(c0.author, cv),
    editor: opt(c0.editor, cv),
    description: opt(c0.description, cv),
    topics: table(mergeTopics(c0.topics, preset.topics), cv),
    topicAliases: table(mergeTopics(c0.topicAliases, preset.topicAliases), cv),
    outlets: table(mergeTopics(c0.outlets, preset.outlets), cv),
  };
  return { ...book, config, events, edition: { name: spec.name, lang: spec.name, vertical: spec.vertical, region: fontRegion(spec.name), conversion: { ...cv.report } } };
}

/** A converter for text outside the Book that an edition prints (preset topic tables): identity for zh-Hans. */
export async function editionText(spec: EditionSpec): Promise<(s: string) => string> {
  if (spec.name === 'zh-Hans') return (s) => s;
  return textConverter(spec.name === 'zh-Hant-TW' ? 'tw' : 'hk');
}
