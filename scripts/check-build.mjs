// `npm test`'s first step: type-check src/, tests/ and bench/ (tsconfig.json) and compile src/ into
// lib/ (the options of tsconfig.build.json) in ONE TypeScript program, instead of `tsc --noEmit`
// followed by `tsc -p tsconfig.build.json`, which parsed and checked every source file twice.
// Nothing is written when a file has a type error (as `tsc --noEmit && npm run build` did); then
// scripts/prune-lib.mjs removes what lib/ holds for sources gone from src/. `npm run build` (and so
// `prepack`) still compiles with tsc itself.
//
// Incremental, as `tsc --incremental` is: the program's state (file hashes, each file's diagnostics,
// what was emitted) is kept in node_modules/.cache/check-build/tsbuildinfo.json, so a run checks
// and compiles again only the files an edit can affect (the files that import a changed file's
// changed types, transitively), and reports the kept diagnostics of the others. A fresh clone (or
// `npm ci`, which empties node_modules) has no such file and checks everything; a changed
// TypeScript version or compiler option invalidates it. A source whose lib/ file is missing is
// compiled again whatever the state says.
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
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
const buildInfo = join(root, 'node_modules', '.cache', 'check-build', 'tsbuildinfo.json');
const options = { ...build.options, rootDir: root, outDir: out, incremental: true, tsBuildInfoFile: buildInfo };
const builder = ts.createIncrementalProgram({
  rootNames: check.fileNames,
  options,
  projectReferences: check.projectReferences,
  host: ts.createIncrementalCompilerHost(options),
});
// what ts.getPreEmitDiagnostics reports, from the builder (kept diagnostics for unaffected files)
const diagnostics = [
  ...builder.getConfigFileParsingDiagnostics(),
  ...builder.getOptionsDiagnostics(),
  ...builder.getGlobalDiagnostics(),
  ...builder.getSyntacticDiagnostics(),
  ...builder.getSemanticDiagnostics(),
];
if (diagnostics.length) fail(diagnostics);

const inSrc = (f) => !relative(srcDir, f).startsWith('..');
const outSrc = join(out, 'src') + sep;
const libFile = (f) => join(libDir, relative(srcDir, f).replace(/\.ts$/, '.js'));
const writeFile = (file, text) => {
  if (file === buildInfo) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return;
  }
  // tests/ and bench/ are checked, never written
  if (!file.startsWith(outSrc)) return;
  const dest = join(libDir, file.slice(outSrc.length));
  mkdirSync(dirname(dest), { recursive: true });
  writeFileSync(dest, text);
};
const program = builder.getProgram();
const sources = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && inSrc(sf.fileName) && build.fileNames.includes(sf.fileName));
// a lib/ file removed by hand (or never written): compiled again, before the state records it as done
const missing = sources.filter((sf) => !existsSync(libFile(sf.fileName)));
// every file an edit affected, then the state file
const r = builder.emit(undefined, writeFile);
if (r.diagnostics.length) fail(r.diagnostics);
for (const sf of missing) {
  if (existsSync(libFile(sf.fileName))) continue;
  const m = program.emit(sf, writeFile);
  if (m.diagnostics.length) fail(m.diagnostics);
}
for (const sf of sources) if (!existsSync(libFile(sf.fileName))) throw new Error(`${libFile(sf.fileName)} was not compiled`);
if (!existsSync(libDir)) throw new Error('nothing compiled into lib/');
// lib/ now answers every file of src/: bin/pressbook.js (and the package test) run lib/ only when its
// entry is newer than every source, and unchanged files were not rewritten
const now = new Date();
utimesSync(join(libDir, 'cli', 'index.js'), now, now);
process.chdir(root);
await import('./prune-lib.mjs');
// the bundled CLI (lib/bundle/) that bin/pressbook.js runs, made after lib/cli/index.js: fresh too
const { bundle } = await import('./bundle.mjs');
await bundle();
