// Mutation testing (StrykerJS): `npm run mutation` runs this config (the Markdown round trip and the
// selectors, against the unit tests of vitest.mutation.config.ts), then stryker.rules.config.mjs (the
// cleaning rules, against their fast unit tests). One module at a time:
// `npx stryker run --mutate 'src/select.ts'`. Incremental: a second run reuses the results of
// unchanged code and tests (reports/stryker-incremental*.json). Not in CI (about 20 min for these
// two modules and 35 min for the rules on two cores); reports in reports/mutation*/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/markdown/*.ts', 'src/select.ts'],
  coverageAnalysis: 'perTest',
  // only the sources: by default Stryker also rewrites .html files (test fixtures of saved web pages)
  disableTypeChecks: 'src/**/*.ts',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 1,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  ignorePatterns: ['dist', 'lib', 'reports', 'bench', 'docs', '.stryker-tmp'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
