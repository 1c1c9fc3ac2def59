import { defineConfig } from 'vitest/config';

/**
 * Packages resolved as Node resolves them for the installed command: without the "development"
 * export condition that Vite (and so vitest) adds when not in production mode. With it, micromark
 * and its ~20 helper packages load their dev builds (assertions and `debug` calls on every token),
 * which parse Markdown about half as fast as the code a user runs.
 */
const nodeConditions = {
  name: 'pressbook-node-conditions',
  enforce: 'post' as const,
  configResolved(config: { resolve: { conditions: string[] }; ssr: { resolve?: { conditions?: string[] } }; environments?: Record<string, { resolve?: { conditions?: string[] } }> }) {
    const drop = (c: string[]) => c.splice(0, c.length, ...c.filter((x) => x !== 'development|production' && x !== 'development'));
    for (const c of [config.resolve.conditions, config.ssr.resolve?.conditions, ...Object.values(config.environments ?? {}).map((e) => e.resolve?.conditions)]) if (c) drop(c);
  },
};

export default defineConfig({
  plugins: [nodeConditions],
  test: {
    include: ['tests/**/*.test.ts'],
    // the bundled example is cleaned once per run and shared (tests/helpers/example.ts)
    globalSetup: ['./tests/helpers/global-setup.ts'],
    // per test file, isolated or not: removes the file's temporary folders (tests/helpers/tmp.ts)
    setupFiles: ['./tests/helpers/setup.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Chromium-heavy files: keep to the two cores
    maxWorkers: 2,
    minWorkers: 1,
    // The pure unit tests (no browser, no CLI process, no environment changes, no module state they
    // rely on) share their worker's modules instead of importing unified, yaml, zod … again for every
    // file: half their CPU time. Every other file runs in a child process (forks); those processes
    // are reused from file to file too (no fresh process and no second import of puppeteer, pdfjs,
    // pdf-lib … per file); tests/helpers/setup.ts gives each file the environment it started with.
    poolMatchGlobs: [['**/tests/{ingest,markdown,select,align,eval}/**', 'threads']],
    poolOptions: { threads: { isolate: false }, forks: { isolate: false } },
  },
});
