/** vitest setupFiles: runs before every test file, isolated or not. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './tmp.js';

// Test files share their worker's process (vitest.config.ts: no isolation): what one file sets in
// process.env (SOURCE_DATE_EPOCH, EDITOR …) must not reach the next. Restored when the file ends.
const env = { ...process.env };
const cwd = process.cwd();

afterAll(() => {
  removeTempDirs();
  for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
  Object.assign(process.env, env);
  if (process.cwd() !== cwd) process.chdir(cwd);
});
