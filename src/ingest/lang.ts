/**
 * Language of a source, detected from its own text: Han characters against Latin letters. A source
 * with too little text of either script takes the book's default (`language` in pressbook.yaml).
 *
 * Languages are BCP 47 tags. Chinese keeps the configured tag when the config is Chinese ("zh-TW"
 * stays "zh-TW"); otherwise "zh-CN". English is "en" (or the configured English tag, "en-GB").
 */
import { countHan } from './text.js';

const LATIN_G = /[\p{Script=Latin}\p{Nd}]/gu;

/** Latin letters and digits (any script's decimal digits): the English analogue of countHan. */
export function countLatin(s: string): number {
  return s.match(LATIN_G)?.length ?? 0;
}

const LETTERS_G = /\p{Script=Latin}/gu;

export type Script = 'zh' | 'en';

/** The primary subtag of a BCP 47 tag, lower-cased ("zh-CN" → "zh"). */
export const primaryOf = (tag: string | undefined) => (tag ?? '').split('-')[0]!.toLowerCase();

/** True for an English tag ("en", "en-GB"). */
export const isEnglish = (tag: string | undefined) => primaryOf(tag) === 'en';

/**
 * "zh" when Han characters carry the text, "en" when Latin letters do (an English word is about five
 * letters, a Chinese word one or two characters: Latin letters must outnumber Han characters fourfold),
 * undefined when there is too little of either (fewer than 20 letters and 10 Han characters).
 */
export function detectScript(text: string): Script | undefined {
  const han = countHan(text);
  const latin = text.match(LETTERS_G)?.length ?? 0;
  if (han < 10 && latin < 20) return undefined;
  return latin > 4 * han ? 'en' : 'zh';
}

/** A source's language: detected from its text, else the book's default. */
export function detectLanguage(text: string, fallback = 'zh-CN'): string {
  const s = detectScript(text);
  if (!s) return fallback;
  if (primaryOf(fallback) === s) return fallback;
  return s === 'zh' ? 'zh-CN' : 'en';
}
