/**
 * Topic tags from a keyword table. The engine knows no topics of its own: the base table comes
 * from a preset (`preset:` in pressbook.yaml, e.g. presets/foreign-affairs.yaml), and the book
 * config extends it (`topics: {tag: [keywords…]}`): keywords for an existing tag are added, new
 * tags are appended.
 */
export type TopicTable = Record<string, string[]>;

export function mergeTopics(extra?: TopicTable, base: TopicTable = {}): TopicTable {
  const out: TopicTable = {};
  for (const [k, v] of Object.entries(base)) out[k] = [...v];
  for (const [k, v] of Object.entries(extra ?? {})) out[k] = [...new Set([...(out[k] ?? []), ...v])];
  return out;
}

/**
 * Whole-word keyword matching without a general dictionary (ICU splits 拉美国家 as 拉|美国|家): the
 * table's own keywords segment the text by forward maximum matching, so a keyword counts only where no
 * longer keyword starting at or before it covers it: 拉美国家 reads 拉美 + 国家 (not 美国), 欧美国家
 * reads 欧美 + 国家, while 美国总统 reads 美国.
 */
function matchedKeywords(text: string, words: Iterable<string>): Set<string> {
  const dict = new Set([...words].filter(Boolean));
  const max = Math.max(0, ...[...dict].map((w) => w.length));
  const out = new Set<string>();
  for (let i = 0; i < text.length; ) {
    let len = 0;
    for (let l = Math.min(max, text.length - i); l > 0; l--)
      if (dict.has(text.slice(i, i + l))) {
        len = l;
        break;
      }
    if (len) {
      out.add(text.slice(i, i + len));
      i += len;
    } else i++;
  }
  return out;
}

/** Whether `word` occurs in `text` as a whole word, the other `words` (a topic table's keywords) competing for the same characters. */
export function containsWord(text: string, word: string, words: Iterable<string> = []): boolean {
  return matchedKeywords(text, [word, ...words]).has(word);
}

/** Tags whose keywords occur in the text as whole words (see matchedKeywords), in table order. */
export function tagTopics(text: string, table: TopicTable): string[] {
  const found = matchedKeywords(text, Object.values(table).flat());
  const out: string[] = [];
  for (const [tag, words] of Object.entries(table)) if (words.some((w) => found.has(w))) out.push(tag.replace(/\s+/g, '_'));
  return out;
}

/** Alias → canonical name from a table `canonical: [aliases…]` (later tables win). */
export function aliasMap(...tables: (Record<string, string[]> | undefined)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of tables) for (const [name, aliases] of Object.entries(t ?? {})) for (const a of aliases) if (a !== name) out.set(a, name);
  return out;
}
