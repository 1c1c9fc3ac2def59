/**
 * The README's `pressbook build` of the bundled example (PDF, EPUB, handouts, Markdown, data,
 * manifest), run ONCE per test run and shared by the test files that read its outputs
 * (tests/e2e/build.test.ts, tests/pdf/book.test.ts), instead of each printing the example again.
 *
 * The first test file that asks starts the command, detached, in the folder the globalSetup provides
 * (an exclusive lock file decides who); the others wait for it. A test run that needs no build
 * starts none. The globalSetup's teardown stops a build still running and removes the folder.
 * Readers must not change the output folder: copy it first (`tempDir`) to run a command in it.
 */
import { inject } from 'vitest';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const EXAMPLE_DIR = resolve(__dirname, '..', '..', 'examples', 'npc-foreign-press');
const BIN = resolve(__dirname, '..', '..', 'bin', 'pressbook.js');
/** the build's SOURCE_DATE_EPOCH (tests/pdf/book.test.ts rebuilds with it and compares the bytes) */
export const BUILD_EPOCH = '1700000000';

export interface ExampleBuild {
  /** the output folder (`--out`) */
  out: string;
  /** what the command wrote on stdout and stderr */
  log: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** the example built by `pressbook build` (started by the first caller of the run), once it has finished with exit 0 */
export async function exampleBuild(): Promise<ExampleBuild> {
  const dir = inject('exampleOut');
  const out = join(dir, 'build');
  const logFile = join(dir, 'build.log');
  const statusFile = join(dir, 'build.status');
  const pidFile = join(dir, 'build.pid');
  let mine = false;
  try {
    closeSync(openSync(join(dir, 'build.lock'), 'wx'));
    mine = true;
  } catch {
    // another test file starts (or started) it
  }
  if (mine) {
    // detached with its own process group: it outlives this test file's worker, and the teardown
    // stops the whole group (the command and its Chromium) if it is still running
    const p = spawn('sh', ['-c', `"$0" "$1" build "$2" --out "$3" > "$4" 2>&1; echo $? > "$5"`, process.execPath, BIN, EXAMPLE_DIR, out, logFile, statusFile], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, SOURCE_DATE_EPOCH: BUILD_EPOCH },
    });
    p.unref();
    writeFileSync(pidFile, String(p.pid));
  }
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  for (let waited = 0; ; waited += 200) {
    if (existsSync(statusFile)) {
      const status = readFileSync(statusFile, 'utf8').trim();
      // the shell writes the file, then the number: wait for the number
      if (status !== '') {
        if (status !== '0') throw new Error(`pressbook build of the example exited ${status}:\n${log()}`);
        return { out, log: log() };
      }
    } else if (existsSync(pidFile) && waited > 2000 && !alive(Number(readFileSync(pidFile, 'utf8')))) {
      throw new Error(`pressbook build of the example ended without an exit status:\n${log()}`);
    }
    await sleep(200);
  }
}
