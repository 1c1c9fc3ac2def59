// Mutation testing of the cleaning rules (src/ingest/rules) against their fast unit tests
// (vitest.mutation.rules.config.ts); see stryker.config.mjs. `npm run mutation` runs it second.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation.rules.config.ts' },
  mutate: ['src/ingest/rules/*.ts'],
  incrementalFile: 'reports/stryker-incremental-rules.json',
  htmlReporter: { fileName: 'reports/mutation-rules/index.html' },
  jsonReporter: { fileName: 'reports/mutation-rules/mutation.json' },
};
