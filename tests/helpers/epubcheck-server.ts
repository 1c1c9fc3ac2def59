/**
 * The run's Java EPUBCheck JVM (tests/helpers/EpubcheckServer.java): started by the first test that
 * needs it, in the folder the globalSetup provides, and stopped by the globalSetup's teardown. No
 * vitest import here: the globalSetup runs outside the test workers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join, resolve } from 'node:path';

/** Short runs: the client compiler only and the serial collector halve the JVM's CPU time. */
export const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
const SERVER = resolve(import.meta.dirname, 'EpubcheckServer.java');
const CACHE = resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'pressbook-tests');

/**
 * The server compiled by javac into node_modules/.cache, once for this source and this jar: run as
 * a source file, the JVM compiled it at every start (~0.8 s of CPU in a JVM that then checks EPUBs
 * for ~0.3 s each). Undefined without javac (a JRE only): the source launcher is used then.
 */
function compiledServer(jar: string): string | undefined {
  const key = createHash('sha256').update(readFileSync(SERVER)).update(`${jar} ${statSync(jar).size} ${statSync(jar).mtimeMs}`).digest('hex').slice(0, 16);
  const dir = join(CACHE, `epubcheck-server-${key}`);
  if (existsSync(join(dir, 'EpubcheckServer.class'))) return dir;
  const tmp = `${dir}.${process.pid}.tmp`;
  mkdirSync(tmp, { recursive: true });
  const r = spawnSync('javac', ['-nowarn', '-cp', jar, '-d', tmp, SERVER], { stdio: 'ignore' });
  if (r.status === 0 && existsSync(join(tmp, 'EpubcheckServer.class')))
    try {
      renameSync(tmp, dir);
    } catch {
      // another run put it there first
    }
  rmSync(tmp, { recursive: true, force: true });
  return existsSync(join(dir, 'EpubcheckServer.class')) ? dir : undefined;
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

/** The port of the run's EPUBCheck JVM, starting it if no test has yet (an exclusive lock file decides who). */
export async function serverPort(jar: string, dir: string): Promise<number> {
  const portFile = join(dir, 'epubcheck.port');
  const pidFile = join(dir, 'epubcheck.pid');
  const log = join(dir, 'epubcheck.log');
  let mine = false;
  try {
    closeSync(openSync(join(dir, 'epubcheck.lock'), 'wx'));
    mine = true;
  } catch {
    // another test file starts (or started) it
  }
  if (mine) {
    const fd = openSync(log, 'w');
    const compiled = compiledServer(jar);
    const main = compiled ? ['-cp', `${jar}${delimiter}${compiled}`, 'EpubcheckServer'] : ['-cp', jar, SERVER];
    const p = spawn('java', [...JVM_FLAGS, ...main, portFile], { detached: true, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    p.unref();
    writeFileSync(pidFile, String(p.pid));
  }
  for (let waited = 0; waited < 180_000; waited += 100) {
    if (existsSync(portFile)) return Number(readFileSync(portFile, 'utf8'));
    if (existsSync(pidFile) && waited > 2000 && !alive(Number(readFileSync(pidFile, 'utf8'))))
      throw new Error('the EPUBCheck JVM ended before listening:\n' + (existsSync(log) ? readFileSync(log, 'utf8') : ''));
    await sleep(100);
  }
  throw new Error('the EPUBCheck JVM did not start in 180 s');
}

export function ask(port: number, file: string): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    const s = connect(port, '127.0.0.1', () => s.end(file + '\n'));
    s.on('data', (d) => chunks.push(d));
    s.on('error', fail);
    s.on('close', () => ok(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Kill the run's EPUBCheck JVM, if one was started in `dir` (globalSetup teardown). */
export function stopEpubcheckServer(dir: string): void {
  const pidFile = join(dir, 'epubcheck.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  if (pid > 0 && alive(pid)) {
    // PRESSBOOK_TEST_CPU=1: print the JVM's CPU time (it is not a child of vitest, so `time` misses it)
    if (process.env.PRESSBOOK_TEST_CPU && existsSync(`/proc/${pid}/stat`)) {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      process.stderr.write(`EpubcheckServer CPU: ${((Number(f[11]) + Number(f[12])) / 100).toFixed(2)} s\n`);
    }
    process.kill(pid);
  }
}

