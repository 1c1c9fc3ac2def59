/**
 * vitest globalSetup: the bundled example is cleaned ONCE per test run (sources → canonical Markdown
 * and the cleaning summary), into a folder removed at the end; test files get the Book from it
 * through `exampleBook()` (tests/helpers/example.ts) instead of cleaning the sources again. The same
 * folder holds the run's Java EPUBCheck JVM port (tests/helpers/epubcheck.ts) and the run's one
 * `pressbook build` of the example (tests/helpers/example-build.ts), both stopped at teardown.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config/load.js';
import { prepareBook } from '../../src/build.js';
import { stopEpubcheckServer } from './epubcheck-server.js';

const EXAMPLE = resolve(__dirname, '..', '..', 'examples', 'npc-foreign-press');

let dir: string | undefined;

export async function setup(project: TestProject) {
  dir = mkdtempSync(join(tmpdir(), 'pressbook-tests-example-'));
  const { book, written, mdDir } = await prepareBook(loadConfig(EXAMPLE), dir);
  writeFileSync(join(dir, 'book.json'), JSON.stringify({ cleaning: book.cleaning, publish: written.publish, mdDir }));
  project.provide('exampleOut', dir);
}

export async function teardown() {
  if (!dir) return;
  // the run's Java EPUBCheck JVM, if a test started one (tests/helpers/epubcheck.ts)
  stopEpubcheckServer(dir);
  // the run's example build, if a test started it and it still runs (its whole process group)
  const pid = existsSync(join(dir, 'build.pid')) ? Number(readFileSync(join(dir, 'build.pid'), 'utf8')) : 0;
  if (pid > 0)
    try {
      process.kill(-pid);
    } catch {
      // ended already
    }
  rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    exampleOut: string;
  }
}
