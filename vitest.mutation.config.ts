/**
 * The unit tests that guard the canonical Markdown round trip (src/markdown) and the selectors
 * (src/select.ts): what StrykerJS runs against each mutant (`npm run mutation`, see
 * stryker.config.mjs). No browser, no CLI. The rules have their own: vitest.mutation.rules.config.ts.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/ingest/roundtrip.test.ts',
      'tests/ingest/seeds.test.ts',
      'tests/ingest/properties.test.ts',
      'tests/markdown/*.test.ts',
      'tests/select/*.test.ts',
      'tests/select-mutants.test.ts',
      'tests/handout/units.test.ts',
    ],
    testTimeout: 60_000,
  },
});
