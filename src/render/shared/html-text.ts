/**
 * The running text of rendered HTML/XHTML, rewritten text node by text node: tags, comments and CDATA
 * are kept as they are, and so is everything outside <body> (when there is one) and inside elements
 * whose content is not running text (head, style, script, title, svg, math, textarea). The renderers'
 * own output only: a string scan, not a parser (no entity decoding; a character reference is part of
 * the text the callback sees).
 */

/** Elements whose content is not running text (or not HTML): left alone. */
const SKIP = new Set(['head', 'style', 'script', 'title', 'svg', 'math', 'textarea']);

/** `html` with each text node's text replaced by `rewrite(text)`. */
export function mapRunningText(html: string, rewrite: (text: string) => string): string {
  const parts = html.split(/(<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[^>]*>)/);
  let skip = 0;
  let inBody = !/<body[\s>]/i.test(html);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (i % 2 === 1) {
      const m = /^<(\/?)([a-zA-Z][\w:-]*)/.exec(p);
      if (!m) continue;
      const name = m[2]!.toLowerCase();
      if (name === 'body') inBody = !m[1];
      if (SKIP.has(name) && !p.endsWith('/>')) skip += m[1] ? -1 : 1;
      continue;
    }
    if (!inBody || skip > 0 || !p) continue;
    parts[i] = rewrite(p);
  }
  return parts.join('');
}
