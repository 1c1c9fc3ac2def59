/**
 * punctuation: half-width marks inside Chinese text become full-width (, ; : ? ! ( )), without
 * touching numbers (2.5亿, 10+3, 5G, 1,000, 15:00); one style for quotes (“ ” ‘ ’), dashes (——)
 * and ellipses (……); full-width Latin letters and digits become ASCII.
 */
import { isAsciiDigit, isCjk, type Line } from '../text.js';
import { applyRule, lineRule } from './rule.js';

const MAP: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

const CANDIDATE = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a「」『』\-—–─━－…",;:?!()]|\.\.\.|。。。/;

export function normalizePunctuation(input: string): { text: string; changes: number } {
  if (!CANDIDATE.test(input)) return { text: input, changes: 0 };
  let changes = 0;
  // full-width ASCII letters and digits → ASCII
  let s = input.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => {
    changes++;
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
  // corner quotes → curly quotes
  s = s.replace(/[「」『』]/g, (c) => {
    changes++;
    return c === '「' ? '“' : c === '」' ? '”' : c === '『' ? '‘' : '’';
  });
  // dashes: two or more dash-like characters next to Chinese text → ——
  s = s.replace(/[-—–─━－]{2,}/g, (m, off: number) => {
    const L = s[off - 1];
    const R = s[off + m.length];
    if (!(isCjk(L) || isCjk(R) || off === 0)) return m;
    if (m === '——') return m;
    changes++;
    return '——';
  });
  // ellipses
  s = s.replace(/\.{3,}|。{3,}|…+/g, (m, off: number) => {
    if (m === '……') return m;
    const L = s[off - 1];
    const R = s[off + m.length];
    if (m[0] === '.' && !(isCjk(L) || isCjk(R))) return m;
    changes++;
    return '……';
  });
  // straight double quotes in Chinese context: alternate open/close within the line
  if (s.includes('"')) {
    let open = true;
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch === '"' && (isCjk(s[i - 1]) || isCjk(s[i + 1]))) {
        out += open ? '“' : '”';
        open = !open;
        changes++;
      } else out += ch;
    }
    s = out;
  }
  // , ; : ? ! ( ) next to Chinese text
  if (/[,;:?!()]/.test(s)) {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      const full = MAP[ch];
      if (full) {
        const L = s[i - 1];
        const R = s[i + 1];
        const cjk = isCjk(L) || isCjk(R) || (ch === '(' && isCjk(L)) || (ch === ')' && isCjk(R));
        const numeric = (ch === ',' || ch === ':') && isAsciiDigit(L) && isAsciiDigit(R);
        if (cjk && !numeric) {
          out += full;
          changes++;
          continue;
        }
      }
      out += ch;
    }
    s = out;
  }
  return { text: s, changes };
}

export const punctuationRule = lineRule(
  'punctuation',
  'half-width marks in Chinese text made full-width, one style of quotes, dashes and ellipses, full-width Latin made ASCII',
  () => true,
  (t) => {
    const { text, changes } = normalizePunctuation(t);
    return { text, count: changes };
  },
  (n) => `normalized ${n} punctuation mark(s)`,
);

export const punctuation = (lines: Line[], file: string) => applyRule(punctuationRule, lines, file);
