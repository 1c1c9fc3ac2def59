/** vitest setupFiles: runs before every test file, isolated or not. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './tmp.js';

afterAll(removeTempDirs);
