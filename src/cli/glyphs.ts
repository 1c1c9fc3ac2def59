import type { Book } from '../model/types.js';

/**
 * Characters of the book that the theme's font slices lack (rare variants in real transcripts) get a
 * small face subset from the full font before printing (src/fonts/fallback.ts); whatever the full font
 * lacks too is still reported by the printer as missing (no tofu).
 */
export async function prepareRareGlyphs(b: Book, kind: 'print' | 'handout'): Promise<void> {
  const [{ loadTheme }, { uncoveredCodePoints }, { prepareFallbackFor }] = await Promise.all([
    import('../render/theme.js'),
    import('../fonts/fontsource.js'),
    import('../fonts/fallback.js'),
  ]);
  const theme = loadTheme(kind === 'print' ? b.config.theme : 'handout', kind, b.config.root);
  const text = JSON.stringify([b.events, b.config.title, b.config.subtitle ?? '', b.config.editor ?? '', b.config.description ?? '']);
  await prepareFallbackFor(uncoveredCodePoints(text, theme.fonts), theme.fonts);
}
