/** The font families a theme may name (`fonts:` in its CSS header) and their CSS family names. */
export const FAMILIES: Record<string, { family: string }> = {
  serif: { family: 'Noto Serif SC' },
  sans: { family: 'Noto Sans SC' },
  // the Traditional-Chinese faces of the editions (punctuation centred in the cell, Taiwan / Hong Kong glyph forms)
  'serif-tc': { family: 'Noto Serif TC' },
  'serif-hk': { family: 'Noto Serif HK' },
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
