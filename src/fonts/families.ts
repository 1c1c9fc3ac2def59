/** The font families a theme may name (`fonts:` in its CSS header), their CSS family names and styles. */
export const FAMILIES: Record<string, { family: string; style?: 'italic' }> = {
  serif: { family: 'Noto Serif SC' },
  sans: { family: 'Noto Sans SC' },
  // Latin text (English editions): a serif and a sans, each with its italic
  'latin-serif': { family: 'Source Serif 4' },
  'latin-serif-italic': { family: 'Source Serif 4', style: 'italic' },
  'latin-sans': { family: 'Source Sans 3' },
  'latin-sans-italic': { family: 'Source Sans 3', style: 'italic' },
};
