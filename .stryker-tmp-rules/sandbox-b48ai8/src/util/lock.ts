/**
 * One build at a time per output folder: a lock (proper-lockfile: a lock directory refreshed while the
 * build runs, taken over when its holder died) in `<out>/.pressbook.lock`. A second build waits for the
 * first, then stops with a clear message if it is still running after `waitSeconds`.
 */
// @ts-nocheck

import lockfile from 'proper-lockfile';
import { join } from 'node:path';
import { onExit } from 'signal-exit';
import { PressbookError } from '../errors.js';

export async function lockOutput(out: string, opts: { log?: (s: string) => void; waitSeconds?: number } = {}): Promise<() => Promise<void>> {
  const wait = (opts.waitSeconds ?? Number(process.env.PRESSBOOK_LOCK_WAIT ?? 120)) * 1000;
  const lockfilePath = join(out, '.pressbook.lock');
  const deadline = Date.now() + wait;
  let told = false;
  for (;;) {
    try {
      const release = await lockfile.lock(out, { lockfilePath, stale: 20_000, update: 5_000, realpath: false });
      // released on every way out, SIGINT included, so the next run need not wait for it to go stale
      const off = onExit(() => {
        try {
          lockfile.unlockSync(out, { lockfilePath, realpath: false });
        } catch {
          /* already released */
        }
      });
      return async () => {
        off();
        await release();
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
      if (Date.now() >= deadline)
        throw new PressbookError(`${out}: another pressbook run is writing to this output folder (lock ${lockfilePath}); waited ${Math.round(wait / 1000)} s. Try again when it has finished, or use another --out.`, { file: out });
      if (!told) opts.log?.(`waiting: another pressbook run is writing to ${out}`);
      told = true;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}
