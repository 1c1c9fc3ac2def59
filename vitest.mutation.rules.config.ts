/**
 * The fast unit tests of the cleaning rules alone (no seeds, no property runs): what StrykerJS runs
 * against the mutants of src/ingest/rules (`npm run mutation:rules`). The seeds and the fast-check
 * properties guard the rules too, but take ~20 s a run: too slow for ~1,600 mutants on two cores.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/ingest/rules.test.ts', 'tests/ingest/noise.test.ts', 'tests/ingest/punctuation.test.ts', 'tests/ingest/reflow.test.ts', 'tests/ingest/spacing.test.ts', 'tests/ingest/corruption.test.ts', 'tests/ingest/separator.test.ts', 'tests/ingest/head.test.ts', 'tests/ingest/rule-engine.test.ts', 'tests/ingest/corruption-exact.test.ts', 'tests/ingest/spacing-exact.test.ts', 'tests/ingest/reflow-exact.test.ts', 'tests/ingest/noise-exact.test.ts', 'tests/ingest/rule-chain.test.ts'],
    testTimeout: 60_000,
  },
});
