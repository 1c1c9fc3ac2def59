/**
 * Temporary folders for tests, removed when the test file ends: by tests/helpers/setup.ts (an
 * afterAll for every test file, also where test files share a worker's modules: vitest.config.ts
 * runs the test files without isolation) and by an afterAll registered here when the module
 * loads (configs without that setup file, such as the mutation-testing ones).
 */
import { afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

export function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Remove every folder tempDir made so far. */
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

afterAll(removeTempDirs);
