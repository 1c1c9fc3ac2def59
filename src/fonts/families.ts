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

/** The Latin faces a book or handout with English text adds to its theme's fonts (roman and italic, serif and sans). */
export const LATIN_FONTS = [
  { kind: 'latin-serif', weights: [400, 700] },
  { kind: 'latin-serif-italic', weights: [400] },
  { kind: 'latin-sans', weights: [400, 700] },
  { kind: 'latin-sans-italic', weights: [400] },
];
