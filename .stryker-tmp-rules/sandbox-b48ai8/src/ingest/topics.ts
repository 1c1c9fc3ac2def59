/**
 * Topic tags from a keyword table. The engine knows no topics of its own: the base table comes
 * from a preset (`preset:` in pressbook.yaml, e.g. presets/foreign-affairs.yaml), and the book
 * config extends it (`topics: {tag: [keywords…]}`): keywords for an existing tag are added, new
 * tags are appended.
 */
// @ts-nocheck

export type TopicTable = Record<string, string[]>;

export function mergeTopics(extra?: TopicTable, base: TopicTable = {}): TopicTable {
  const out: TopicTable = {};
  for (const [k, v] of Object.entries(base)) out[k] = [...v];
  for (const [k, v] of Object.entries(extra ?? {})) out[k] = [...new Set([...(out[k] ?? []), ...v])];
  return out;
}

/** Tags whose keywords occur in the text, in table order. */
export function tagTopics(text: string, table: TopicTable): string[] {
  const out: string[] = [];
  for (const [tag, words] of Object.entries(table)) if (words.some((w) => w && text.includes(w))) out.push(tag.replace(/\s+/g, '_'));
  return out;
}
