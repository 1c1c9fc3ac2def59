/**
 * cleanSources on worker threads (util/workers.ts, ingest/clean-worker.ts): the result — events,
 * report, its errors and their order — is exactly that of the one-thread clean; the Markdown read
 * back on worker threads (markdown/parse-worker.ts) gives the events, messages and first error of
 * the one-thread read. Workers run the
 * compiled lib/ (npm test builds it first), so this test imports lib/.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/tmp.js';

const root = join(import.meta.dirname, '../..');
const lib = join(root, 'lib');

describe('cleaning and reading the Markdown back on worker threads', () => {
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
      for (const n of ['2']) {
        process.env.PRESSBOOK_THREADS = n;
        const before = workerStats.started;
        const many = await cleanSources([src], o);
        expect(workerStats.started - before).toBe(Number(n) - 1);
        expect(JSON.stringify(many)).toBe(JSON.stringify(one));
      }

      // the Markdown read back on worker threads: the same events and messages, the same first error
      const { writeCleanOutput } = (await import(join(lib, 'ingest', 'write.js'))) as typeof import('../../src/ingest/write.js');
      const { readMarkdownFolder, readMarkdownFolderInParallel } = (await import(join(lib, 'markdown', 'folder.js'))) as typeof import('../../src/markdown/folder.js');
      const md = join(dir, 'markdown');
      writeCleanOutput(one, md);
      const read = async (parallel: boolean) => {
        const messages: string[] = [];
        try {
          const events = parallel ? await readMarkdownFolderInParallel(md, (m) => messages.push(m)) : readMarkdownFolder(md, (m) => messages.push(m));
          return JSON.stringify({ events, messages });
        } catch (e) {
          return JSON.stringify({ error: (e as Error).message, file: (e as { file?: string }).file, line: (e as { line?: number }).line, messages });
        }
      };
      process.env.PRESSBOOK_THREADS = '1';
      const plain = await read(false);
      expect(plain).toContain('"events"');
      process.env.PRESSBOOK_THREADS = '2';
      let before = workerStats.started;
      expect(await read(true)).toBe(plain);
      expect(workerStats.started - before).toBe(1);
      // two broken files: the first one's error, as the one-thread read gives it
      const files = readdirSync(md).filter((f) => f.endsWith('.md')).sort();
      for (const f of [files[3]!, files[files.length - 2]!]) writeFileSync(join(md, f), readFileSync(join(md, f), 'utf8').replace(/\n---\n/, '\n---\n\n## [broken\n'));
      process.env.PRESSBOOK_THREADS = '1';
      const broken = await read(false);
      expect(broken).toContain('"error"');
      process.env.PRESSBOOK_THREADS = '2';
      before = workerStats.started;
      expect(await read(true)).toBe(broken);
      expect(workerStats.started - before).toBe(1);
    } finally {
      if (was === undefined) delete process.env.PRESSBOOK_THREADS;
      else process.env.PRESSBOOK_THREADS = was;
    }
  }, 120_000);
});
