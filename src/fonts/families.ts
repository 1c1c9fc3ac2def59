/** The font families a theme may name (`fonts:` in its CSS header) and their CSS family names. */
export const FAMILIES: Record<string, { family: string }> = {
  serif: { family: 'Noto Serif SC' },
  sans: { family: 'Noto Sans SC' },
};
