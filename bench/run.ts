/**
 * `npm run bench`: the speed goals of pressbook, measured (never asserted in tests).
 * Each part lives in its own module and prints its own figures.
 */
const parts: [string, string, string][] = [
  ['whole process (issue 10 goals)', './whole.ts', 'benchWhole'],
  ['cleaning throughput', './clean.ts', 'benchClean'],
  ['PDF pagination', './pdf.ts', 'benchPdf'],
  ['EPUB', './epub.ts', 'benchEpub'],
  ['preview save → page (issue 15 goal)', './preview.ts', 'benchPreview'],
  ['scale: big books, chunked printing, rebuilds (issue 12 goals)', './scale.ts', 'benchScale'],
];

// part names to run (none: all); `--corpus PATH` is the scale part's year book
const args = process.argv.slice(2);
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--corpus');
let failed = 0;
for (const [name, file, fn] of parts) {
  if (only.length && !only.some((o) => name.includes(o) || file.includes(o))) continue;
  console.log(`\n== ${name}`);
  try {
    const mod = (await import(file)) as Record<string, () => Promise<unknown>>;
    const run = mod[fn];
    if (typeof run !== 'function') throw new Error(`${file} does not export ${fn}()`);
    const r = await run();
    console.log(JSON.stringify(r));
  } catch (e) {
    failed++;
    console.log(`   failed: ${(e as Error).message}`);
  }
}
process.exitCode = failed ? 1 : 0;
