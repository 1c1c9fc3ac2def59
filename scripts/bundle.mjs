// After the compile into lib/ (`npm run build`, and `npm test`'s scripts/check-build.mjs): the CLI
// bundled by esbuild into lib/bundle/ (index.js, plus one chunk per lazily imported command or
// renderer, so `--help` still loads commander only). A Node process spends most of a short command
// resolving, reading and compiling modules one file at a time: `pressbook pdf` loads ~540 of them
// (puppeteer-core, micromark, hast…), the bundle a dozen files. bin/pressbook.js runs the bundle
// when it is newer than every source (as it does lib/cli/index.js).
//
// The packages that find files next to their own code (WebAssembly, native addons, dictionaries,
// fonts, a browser build) stay outside the bundle and are imported from node_modules as before;
// pdf-lib and fontkit are loaded with createRequire (one-file builds), which esbuild leaves alone.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const outdir = join(root, 'lib', 'bundle');

/** left in node_modules: they read files relative to themselves, or are native, WebAssembly or optional */
export const EXTERNAL = [
  '@sparticuz/chromium',
  '@resvg/resvg-js',
  '@pdf-lib/fontkit',
  'pdf-lib',
  'pdfjs-dist',
  'harfbuzzjs',
  'subset-font',
  'hyphen',
  'opencc-js',
  'epub-gen-memory',
  'chokidar',
  'fsevents',
  'typescript',
  'tsx',
];

export async function bundle() {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { index: 'src/cli/index.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    external: EXTERNAL.flatMap((p) => [p, `${p}/*`]),
    // the CommonJS packages inside call require(): give every chunk one (esbuild renames any of ours)
    banner: { js: "import { createRequire as __pressbookRequire } from 'node:module'; const require = __pressbookRequire(import.meta.url);" },
    legalComments: 'none',
    // white space and comments out: V8 reads (pre-parses) every loaded chunk whole before running it
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'error',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await bundle();
