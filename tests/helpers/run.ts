/**
 * A child process (the `pressbook` command, npm …) run without blocking the test worker. A
 * `spawnSync` of a long command freezes the worker's event loop; past 60 s (a full build, an
 * `npm install` on a loaded machine) vitest's worker RPC gives up ("Timeout calling onTaskUpdate")
 * and the run fails although every test passed.
 */
import { spawn, type SpawnOptions } from 'node:child_process';

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runAsync(cmd: string, args: string[], opts: Omit<SpawnOptions, 'stdio'> = {}): Promise<Ran> {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.on('error', fail);
    p.on('close', (status) => ok({ status, stdout, stderr }));
  });
}
