/**
 * fontkit, required when first used. `import fontkit from '@pdf-lib/fontkit'` would make Node scan
 * the 1.5 MB CommonJS bundle for export names (cjs-module-lexer) on top of running it; and running it
 * builds tables (Brotli dictionary, Unicode tries) that take a few hundred milliseconds: callers that
 * can choose call this while Chromium is busy, not before.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from '@pdf-lib/fontkit';

let loaded: typeof Fontkit | undefined;

export function fontkit(): typeof Fontkit {
  return (loaded ??= createRequire(import.meta.url)('@pdf-lib/fontkit') as typeof Fontkit);
}
