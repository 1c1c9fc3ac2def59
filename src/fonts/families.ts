/** The font families a theme may name (`fonts:` in its CSS header), their CSS family names and styles. */
export const FAMILIES: Record<string, { family: string; style?: 'italic' }> = {
  serif: { family: 'Noto Serif SC' },
  sans: { family: 'Noto Sans SC' },
  // the Traditional-Chinese faces of the editions (punctuation centred in the cell, Taiwan / Hong Kong glyph forms)
  'serif-tc': { family: 'Noto Serif TC' },
  'serif-hk': { family: 'Noto Serif HK' },
  // Latin text (English editions): a serif and a sans, each with its italic
  'latin-serif': { family: 'Source Serif 4' },
  'latin-serif-italic': { family: 'Source Serif 4', style: 'italic' },
  'latin-sans': { family: 'Source Sans 3' },
  'latin-sans-italic': { family: 'Source Sans 3', style: 'italic' },
};

/**
 * The font kind of a theme's kind in an edition's script: serif → serif-tc for the zh-Hant-TW edition,
 * serif-hk for zh-Hant-HK (SC: unchanged). pressbook ships the serif faces only in TC and HK (Noto Sans
 * TC/HK would add 150 MB of npm packages): a sans kind is set in the script's serif face.
 */
export function regionKind(kind: string, region: 'SC' | 'TC' | 'HK' = 'SC'): string {
  if (region === 'SC') return kind;
  const k = `${kind.replace(/-(tc|hk)$/, '')}-${region.toLowerCase()}`;
  return FAMILIES[k] ? k : `serif-${region.toLowerCase()}`;
}

/** The Latin faces a book or handout with English text adds to its theme's fonts (roman and italic, serif and sans). */
export const LATIN_FONTS = [
  { kind: 'latin-serif', weights: [400, 700] },
  { kind: 'latin-serif-italic', weights: [400] },
  { kind: 'latin-sans', weights: [400, 700] },
  { kind: 'latin-sans-italic', weights: [400] },
];
