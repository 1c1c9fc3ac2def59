/**
 * Characters of the book that the theme's font slices lack (rare variants in real transcripts, e.g.
 * U+6F99 in a 2018 ministry page) get a small face subset from the full font before printing (src/fonts/fallback.ts);
 * whatever the full font lacks too is still reported by the printer as missing (no tofu).
 */
import type { Book } from '../../model/types.js';
import { uncoveredCodePoints } from '../../fonts/fontsource.js';
import { prepareFallbackFor } from '../../fonts/fallback.js';
import { loadTheme } from './theme.js';

export async function prepareRareGlyphs(b: Book, kind: 'print' | 'handout'): Promise<void> {
  const theme = loadTheme(kind === 'print' ? b.config.theme : 'handout', kind, b.config.root);
  const text = JSON.stringify([b.events, b.config.title, b.config.subtitle ?? '', b.config.editor ?? '', b.config.description ?? '']);
  await prepareFallbackFor(uncoveredCodePoints(text, theme.fonts), theme.fonts);
}
