/**
 * The gap between Han (or kana) and Latin letters or digits (clreq 3.2), set by pressbook instead of
 * Chromium's `text-autospace`. Chromium's gap is 1/8 em, and PDF readers take a gap that wide for a
 * word space (pdf.js above 0.102 em, poppler above 0.1 em): the dates copied from the book read
 * "2020 \u5e74 5 \u6708 24 \u65e5", with a space around each date unit. Here each run of Latin letters
 * and digits next to Han is wrapped in `<span class="pb-as-b|pb-as-a">` whose inline margin
 * (`--pb-autospace` in the stylesheets, 0.07 em) is a visible gap below those thresholds: positions
 * only, no space character. On a justified line the line's own spacing is added to the gap, and on a
 * loose line the sum can still pass the threshold (about a fifth of the body's boundaries in the
 * bundled book, two thirds with text-autospace).
 *
 * Text nodes of the rendered HTML only (like vertical.ts); horizontal editions (a vertical edition
 * keeps `text-autospace`, its short runs are set upright instead).
 */
import { mapRunningText } from './html-text.js';

const IDEO = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A character reference (left alone), or a run of ASCII letters and digits with the joiners inside a number, code or name (3.5, 10:30, 15%, COVID-19). */
const RUN = /&#?\w+;|[0-9A-Za-z]+(?:[.,:/%+_-]+[0-9A-Za-z]+)*%?/g;

/** Wrap the Latin/digit runs that touch a Han character in the text content of `html`. */
export function autospace(html: string): string {
  return mapRunningText(html, (p) =>
    p.replace(RUN, (run, at: number) => {
      if (run.startsWith('&')) return run;
      const before = IDEO.test(charBefore(p, at));
      const after = IDEO.test(String.fromCodePoint(p.codePointAt(at + run.length) ?? 32));
      if (!before && !after) return run;
      const cls = [before ? 'pb-as-b' : '', after ? 'pb-as-a' : ''].filter(Boolean).join(' ');
      return `<span class="${cls}">${run}</span>`;
    }),
  );
}

function charBefore(s: string, at: number): string {
  if (at <= 0) return ' ';
  const c = s.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 ? s.slice(at - 2, at) : s[at - 1]!;
}
