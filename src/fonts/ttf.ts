import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PressbookError } from '../errors.js';

const require = createRequire(import.meta.url);

const TTF: Record<string, Record<number, string>> = {
  serif: { 400: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', 700: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf' },
  sans: { 400: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', 700: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf' },
  'serif-tc': { 400: '@expo-google-fonts/noto-serif-tc/400Regular/NotoSerifTC_400Regular.ttf', 700: '@expo-google-fonts/noto-serif-tc/700Bold/NotoSerifTC_700Bold.ttf' },
  'serif-hk': { 400: '@expo-google-fonts/noto-serif-hk/400Regular/NotoSerifHK_400Regular.ttf', 700: '@expo-google-fonts/noto-serif-hk/700Bold/NotoSerifHK_700Bold.ttf' },
  // Latin faces for English text (roman and italic): Source Serif 4 and Source Sans 3
  'latin-serif': { 400: '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf', 700: '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf' },
  'latin-serif-italic': {
    400: '@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
    700: '@expo-google-fonts/source-serif-4/700Bold_Italic/SourceSerif4_700Bold_Italic.ttf',
  },
  'latin-sans': { 400: '@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf', 700: '@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf' },
  'latin-sans-italic': {
    400: '@expo-google-fonts/source-sans-3/400Regular_Italic/SourceSans3_400Regular_Italic.ttf',
    700: '@expo-google-fonts/source-sans-3/700Bold_Italic/SourceSans3_700Bold_Italic.ttf',
  },
};

/** The npm package that ships the full TrueType fonts of a kind (for cache keys and the colophon). */
export function ttfPackage(kind: string): string {
  const rel = TTF[kind]?.[400] ?? Object.values(TTF[kind] ?? {})[0];
  if (!rel) throw new PressbookError(`no full TrueType font for ${kind}`);
  return rel.split('/').slice(0, 2).join('/');
}

/** Path of a full TrueType font shipped in an npm package (for subsetting). */
export function ttfPath(kind: string, weight: number): string {
  const rel = TTF[kind]?.[weight];
  if (!rel) throw new PressbookError(`no full TrueType font for ${kind} ${weight}`);
  try {
    return require.resolve(rel);
  } catch {
    throw new PressbookError(`font package for ${kind} ${weight} is not installed (${rel.split('/').slice(0, 2).join('/')}): run npm ci`);
  }
}

/** A TrueType subset holding exactly the glyphs of `text` (harfbuzz hb-subset via subset-font). */
export async function subsetTtf(text: string, kind = 'serif', weight = 400, format: 'truetype' | 'woff2' = 'truetype'): Promise<Buffer> {
  // loaded only when a subset is made (a cache miss): its WebAssembly modules are decoded at load
  const { default: subsetFont } = await import('subset-font');
  return subsetFont(readFileSync(ttfPath(kind, weight)), text, { targetFormat: format });
}
