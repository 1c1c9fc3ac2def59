/**
 * cleanSources on worker threads (util/workers.ts, ingest/clean-worker.ts): the result — events,
 * report, its errors and their order — is exactly that of the one-thread clean. Workers run the
 * compiled lib/ (npm test builds it first), so this test imports lib/.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/tmp.js';

const root = join(import.meta.dirname, '../..');
const lib = join(root, 'lib');

describe('cleaning on worker threads', () => {
  it('gives the result of the one-thread clean, rejected sources and duplicates included', async () => {
    expect(existsSync(join(lib, 'ingest', 'clean-worker.js')), 'lib/ is built (npm run build)').toBe(true);
    const dir = tempDir('pressbook-workers-');
    const src = join(dir, 'sources');
    cpSync(join(root, 'tests/fixtures/corpus/zh'), src, { recursive: true });
    cpSync(join(root, 'tests/fixtures/pages'), join(src, 'pages'), { recursive: true });
    cpSync(join(root, 'tests/fixtures/structured/briefings.json'), join(src, 'briefings.json'));
    copyFileSync(join(src, '2017-06-21.html'), join(src, 'copy-of-2017-06-21.html'));
    writeFileSync(join(src, 'noise.txt'), '这不是记者会。\n'.repeat(5));
    writeFileSync(join(src, 'empty.txt'), '');
    const { cleanSources } = (await import(join(lib, 'ingest', 'index.js'))) as typeof import('../../src/ingest/index.js');
    const { workerStats } = (await import(join(lib, 'util', 'workers.js'))) as typeof import('../../src/util/workers.js');
    const o = { language: 'zh-CN', preset: 'foreign-affairs', baseDir: dir };
    const was = process.env.PRESSBOOK_THREADS;
    try {
      process.env.PRESSBOOK_THREADS = '1';
      const one = await cleanSources([src], o);
      expect(workerStats.started).toBe(0);
      expect(one.events.length).toBeGreaterThan(10);
      expect(one.report.errors.length).toBeGreaterThan(0);
      for (const n of ['2', '4']) {
        process.env.PRESSBOOK_THREADS = n;
        const before = workerStats.started;
        const many = await cleanSources([src], o);
        expect(workerStats.started - before).toBe(Number(n) - 1);
        expect(JSON.stringify(many)).toBe(JSON.stringify(one));
      }
    } finally {
      if (was === undefined) delete process.env.PRESSBOOK_THREADS;
      else process.env.PRESSBOOK_THREADS = was;
    }
  }, 120_000);
});
