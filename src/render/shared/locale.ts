/**
 * Locale as data: every interface string of the books (headings, labels, colophon sentences, rule
 * names, running-head words, date formats) comes from `locales/<lang>.yaml`. A book may bring its
 * own `locales/<lang>.yaml`; its keys override the shipped file of the same language.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { parseYamlDocument } from '../../util/yaml.js';
import { PressbookError } from '../../errors.js';
import { renderText as render } from './mustache.js';

/*
 * Two separators of the same character in every shipped locale, kept apart on purpose:
 * - `seqSep` joins the question numbers of one locator of the big book's run-in index
 *   ("3 (5, 6, 15)", viewmodel.ts compactIndex): a reference list set small inside brackets, where
 *   a house style may want another mark or a tighter one (an index is typeset, not read aloud);
 * - `listSep` joins the items of a list in running text (the colophon's font weights and faces,
 *   book-view.ts), which follows the language's punctuation for prose.
 * A book's own locale file may change one without the other.
 */
const WORDS = [
  'toc', 'questionIndex', 'colophon', 'followup', 'announcement', 'highlights', 'byTopic', 'byOutlet', 'otherTopic', 'cover', 'bodymatter',
  'landmarks', 'yearEvents', 'yearHighlights', 'eventQuestions', 'question', 'damaged', 'colon', 'comma', 'blankAnswer', 'blankLabel',
  'writeSpace', 'endNotes', 'staleNotes', 'quote', 'colophonFonts', 'colophonIntroPrint', 'coverNote', 'questionsOnlyNote', 'indexNote', 'a11yCover',
  'seqSep', 'indexNoteCompact',
  'listSep', 'titlePage', 'pageList',
  'noCounterpart', 'translateHere', 'colophonFontsLatin',
] as const;
const FORMATS = [
  'date', 'year', 'duration', 'editor', 'runningHead', 'runningHeadEvent', 'cleaning', 'cleaningItem', 'colophonTitle', 'colophonIntroEpub', 'colophonFontEpub',
  'coverAlt', 'indexCount', 'eventQuestionCount', 'a11ySummary', 'handoutCount', 'handoutFollowups', 'handoutQuestion', 'handoutPage', 'handoutHeadSep',
  'month', 'indexMonth', 'indexDay', 'indexSeqs', 'indexFollowup', 'indexTermCount', 'a11ySummaryCompact',
  'colophonEdition', 'colophonSource', 'colophonSourceRole', 'colophonFace', 'colophonFaces', 'pageListSource', 'colophonConversion',
] as const;
export type Word = (typeof WORDS)[number];
export type Format = (typeof FORMATS)[number];

const strings = z.record(z.string(), z.string());
const fileSchema = z
  .object({
    lang: z.string(),
    collation: z.string().optional(),
    months: z.array(z.string()).length(12).optional(),
    /** a dateline naming where a transcript comes from (a regular expression; group 1: the agency or paper), for the colophon */
    origin: z.string().optional(),
    words: strings.default({}),
    formats: strings.default({}),
    roles: strings.default({}),
    rules: strings.default({}),
    /** colophon names of the font families (serif, sans) and weights (400, 700) */
    fonts: strings.default({}),
  })
  .strict();
type LocaleFile = z.infer<typeof fileSchema>;

export interface Locale {
  /** the locale file's language tag (zh-Hans, en) */
  lang: string;
  collation: string;
  /** fixed words, by key: what templates see as `t` */
  words: Record<Word, string>;
  roles: Record<string, string>;
  rules: Record<string, string>;
  fonts: Record<string, string>;
  /** the dateline of a transcript (group 1: its agency or paper), when the locale knows one */
  origin?: RegExp;
  /** a format filled with `vars` */
  format(key: Format, vars: Record<string, unknown>): string;
  /** "2021-03-07" as printed */
  date(iso: string): string;
  year(year: number): string;
  /** a month as printed (format `month`) */
  month(year: number, month: number): string;
}

/**
 * The locale files to look for, best first: the tag itself, its language, then the nearest shipped
 * locale (zh-Hans for any Chinese, en for any other language), so a book never fails for want of one.
 */
export function localeNames(tag: string): string[] {
  const base = tag.toLowerCase().split('-')[0]!;
  // Traditional Chinese (zh-Hant, zh-Hant-TW, zh-TW, zh-HK…): zh-Hant.yaml, then the region's file over it
  const hant = base === 'zh' && /-(hant|tw|hk|mo)\b/i.test(tag);
  return [...new Set([tag, ...(hant ? ['zh-Hant'] : []), base, base === 'zh' ? 'zh-Hans' : 'en'])];
}

function readLocaleFile(file: string): LocaleFile {
  const { doc } = parseYamlDocument(readFileSync(file, 'utf8'), file);
  const r = fileSchema.safeParse(doc.toJS());
  if (!r.success) throw new PressbookError(`${file}: not a locale file: ${r.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}`, { file });
  return r.data;
}

const memo = new Map<string, Locale>();

/** Forget every loaded locale (a long-running process, e.g. the preview, after a locale file changed). */
export function clearLocaleCache(): void {
  memo.clear();
}

/** The locale of a book's language (shipped, overridden by the book's own `locales/` folder). */
export function loadLocale(tag: string, bookRoot?: string): Locale {
  const key = `${tag}\u0000${bookRoot ?? ''}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const names = localeNames(tag);
  const find = (root: string) => names.map((n) => join(root, 'locales', `${n}.yaml`)).find((p) => existsSync(p));
  // a Traditional-Chinese locale is zh-Hant.yaml with its region's file (zh-Hant-HK.yaml) over it
  const chain = (root: string) => {
    const first = find(root);
    if (!first) return [];
    const general = join(root, 'locales', 'zh-Hant.yaml');
    return names.includes('zh-Hant') && first !== general && existsSync(general) && names.indexOf('zh-Hant') > names.findIndex((n) => join(root, 'locales', `${n}.yaml`) === first) ? [general, first] : [first];
  };
  const shippedFiles = chain(PACKAGE_ROOT);
  const ownFiles = bookRoot ? chain(bookRoot) : [];
  const shipped = shippedFiles.at(-1);
  const own = ownFiles.at(-1);
  if (!shipped && !own) throw new PressbookError(`language "${tag}": no locale file (looked for locales/${names.join('.yaml, ')}.yaml; shipped: zh-Hans, zh-Hant, en)`);
  const files = [...shippedFiles, ...ownFiles].map(readLocaleFile);
  const merged = files.reduce((a, b) => ({
    ...a,
    ...b,
    words: { ...a.words, ...b.words },
    formats: { ...a.formats, ...b.formats },
    roles: { ...a.roles, ...b.roles },
    rules: { ...a.rules, ...b.rules },
    fonts: { ...a.fonts, ...b.fonts },
  }));
  const where = own ?? shipped!;
  for (const k of WORDS) if (merged.words[k] === undefined) throw new PressbookError(`${where}: words.${k} is missing`, { file: where });
  for (const k of FORMATS) if (merged.formats[k] === undefined) throw new PressbookError(`${where}: formats.${k} is missing`, { file: where });
  const format = (k: Format, vars: Record<string, unknown>) => render(merged.formats[k]!, vars);
  const locale: Locale = {
    lang: merged.lang,
    collation: merged.collation ?? tag,
    words: merged.words as Record<Word, string>,
    roles: merged.roles,
    rules: merged.rules,
    fonts: merged.fonts,
    ...(merged.origin ? { origin: new RegExp(merged.origin, 'u') } : {}),
    format,
    date(iso) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      if (!m) return iso;
      const month = Number(m[2]);
      return format('date', { year: Number(m[1]), month, day: Number(m[3]), monthName: merged.months?.[month - 1] ?? month });
    },
    year: (year) => format('year', { year }),
    month: (year, month) => format('month', { year, month, monthName: merged.months?.[month - 1] ?? month }),
  };
  memo.set(key, locale);
  return locale;
}
