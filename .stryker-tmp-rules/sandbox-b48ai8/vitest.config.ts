import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Chromium-heavy files: keep to the two cores
    maxWorkers: 2,
    minWorkers: 1,
  },
});
