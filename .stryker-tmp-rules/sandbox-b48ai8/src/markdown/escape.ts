/**
 * Escaping for canonical Markdown paragraphs: the text must come back identical through
 * remark-parse + remark-directive + mdast-util-to-string, while staying readable by hand.
 */
// @ts-nocheck

export function escapeInline(text: string): string {
  let s = text.replace(/[\\`*_[\]<>&~|]/g, (c) => '\\' + c);
  // remark-directive: ":name" starts a text directive, and a name may start with any non-space,
  // non-ASCII-punctuation character (letters of any script, digits, emoji): "a:中国" would lose
  // "中国". Escape every colon that is followed by something other than whitespace.
  s = s.replace(/:(?=\S)/g, '\\:');
  // block constructs at the start of the paragraph
  s = s.replace(/^(\s*)([#>+=-])/, '$1\\$2');
  s = s.replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
  // a leading space would be eaten by the parser; keep it as an entity-free escape
  s = s.replace(/^[ \t]+/, (m) => m.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
  s = s.replace(/[ \t]+$/, (m) => m.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));
  return s;
}

/** Attribute values in directive braces are double-quoted; quotes are not escapable there, so use &quot;. */
export function escapeAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\n/g, ' ');
}
