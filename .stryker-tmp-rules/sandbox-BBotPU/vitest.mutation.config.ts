/**
 * The fast unit tests that guard the cleaning rules (src/ingest/rules), the canonical Markdown round
 * trip (src/markdown) and the selectors (src/select.ts): what StrykerJS runs against each mutant
 * (`npm run mutation`, see stryker.config.mjs). No browser, no CLI.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/ingest/rules.test.ts',
      'tests/ingest/noise.test.ts',
      'tests/ingest/punctuation.test.ts',
      'tests/ingest/reflow.test.ts',
      'tests/ingest/spacing.test.ts',
      'tests/ingest/corruption.test.ts',
      'tests/ingest/roundtrip.test.ts',
      'tests/ingest/seeds.test.ts',
      'tests/ingest/properties.test.ts',
      'tests/markdown/*.test.ts',
      'tests/select/*.test.ts',
      'tests/handout/units.test.ts',
    ],
    testTimeout: 60_000,
  },
});
