// `npm test`'s first step: type-check src/, tests/ and bench/ (tsconfig.json) and compile src/ into
// lib/ (the options of tsconfig.build.json) in ONE TypeScript program, instead of `tsc --noEmit`
// followed by `tsc -p tsconfig.build.json`, which parsed and checked every source file twice.
// Nothing is written when a file has a type error (as `tsc --noEmit && npm run build` did); then
// scripts/prune-lib.mjs removes what lib/ holds for sources gone from src/. `npm run build` (and so
// `prepack`) still compiles with tsc itself.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const fail = (diagnostics) => {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => ts.sys.newLine };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.stderr.write(`\nFound ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}.\n`);
  process.exit(2);
};

/** a config file's compiler options, as tsc reads them (with `extends` resolved) */
function parse(file, extra = {}) {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, file), extra, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => fail([d]),
  });
  if (!parsed) process.exit(2);
  if (parsed.errors.length) fail(parsed.errors);
  return parsed;
}

const check = parse('tsconfig.json');
const build = parse('tsconfig.build.json');
const srcDir = build.options.rootDir; // src/
const libDir = build.options.outDir; // lib/
// the whole checked program, emitting with the build's options; output paths are relative to the
// project root (so src/x.ts → <out>/src/x.js), and only src/'s files are written, under lib/
const out = join(root, '.check-build-out');
const program = ts.createProgram({
  rootNames: check.fileNames,
  options: { ...build.options, rootDir: root, outDir: out, tsBuildInfoFile: undefined },
  projectReferences: check.projectReferences,
});
const diagnostics = ts.getPreEmitDiagnostics(program);
if (diagnostics.length) fail(diagnostics);

const inSrc = (f) => !relative(srcDir, f).startsWith('..');
const outSrc = join(out, 'src') + sep;
const writeFile = (file, text) => {
  if (!file.startsWith(outSrc)) throw new Error(`unexpected output ${file}`);
  const dest = join(libDir, file.slice(outSrc.length));
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, text);
};
for (const sf of program.getSourceFiles()) {
  if (sf.isDeclarationFile || !inSrc(sf.fileName) || !build.fileNames.includes(sf.fileName)) continue;
  const r = program.emit(sf, writeFile);
  if (r.diagnostics.length) fail(r.diagnostics);
}
if (!existsSync(libDir)) throw new Error('nothing compiled into lib/');
process.chdir(root);
await import('./prune-lib.mjs');
