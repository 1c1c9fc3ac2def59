/**
 * Debian's Java EPUBCheck for the tests. A JVM start and EPUBCheck's schema load cost ~5-10 s of CPU
 * per run, a check in a warm JVM about one: under vitest (the globalSetup provides a folder for the
 * run) one JVM serves every check of the run — tests/helpers/EpubcheckServer.java, started by the first
 * test that needs it and ended at teardown — instead of one JVM per EPUB. Elsewhere each call runs
 * `java -jar epubcheck.jar FILE`. Either way the result is EPUBCheck's own output and counts.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import { ask, JVM_FLAGS, serverPort } from './epubcheck-server.js';

/** Debian's Java EPUBCheck, if present: the jar (its /usr/bin wrapper is not always runnable). */
export function javaEpubcheckJar(): string | undefined {
  for (const p of ['/usr/share/java/epubcheck.jar', '/usr/share/epubcheck/epubcheck.jar']) if (existsSync(p)) return p;
  return undefined;
}

export interface JavaCheck {
  errors: number;
  warnings: number;
  fatals: number;
  output: string;
}

function parse(output: string): JavaCheck {
  const m = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
  if (!m) throw new Error('could not read EPUBCheck output:\n' + output);
  return { fatals: Number(m[1]), errors: Number(m[2]), warnings: Number(m[3]), output };
}

/** The folder the globalSetup provides for this run, or undefined outside vitest's main config. */
function runDir(): string | undefined {
  try {
    return inject('exampleOut') || undefined;
  } catch {
    return undefined;
  }
}

let hasJava: boolean | undefined;

/** Run Java EPUBCheck; undefined when it is absent and not required (PRESSBOOK_REQUIRE_JAVA_EPUBCHECK unset). */
export async function javaEpubcheck(file: string): Promise<JavaCheck | undefined> {
  const jar = javaEpubcheckJar();
  hasJava ??= spawnSync('java', ['-version']).status === 0;
  if (!jar || !hasJava) {
    if (process.env.PRESSBOOK_REQUIRE_JAVA_EPUBCHECK) throw new Error('Java EPUBCheck is required (PRESSBOOK_REQUIRE_JAVA_EPUBCHECK) but java or the epubcheck jar is missing');
    return undefined;
  }
  const dir = runDir();
  if (dir) {
    const port = await serverPort(jar, dir);
    // a JVM gone (ended after 15 idle minutes): check in a JVM of its own
    const out = await ask(port, resolve(file)).catch(() => undefined);
    if (out !== undefined) return parse(out);
  }
  return new Promise((ok, fail) => {
    execFile('java', [...JVM_FLAGS, '-jar', jar, file], { encoding: 'utf8', maxBuffer: 16 << 20 }, (_err, stdout, stderr) => {
      try {
        ok(parse(stdout + stderr));
      } catch (e) {
        fail(e);
      }
    });
  });
}
