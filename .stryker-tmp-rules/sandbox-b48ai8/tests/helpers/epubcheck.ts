import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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

/** Run Java EPUBCheck; undefined when it is absent and not required (PRESSBOOK_REQUIRE_JAVA_EPUBCHECK unset). */
export function javaEpubcheck(file: string): JavaCheck | undefined {
  const jar = javaEpubcheckJar();
  const hasJava = spawnSync('java', ['-version']).status === 0;
  if (!jar || !hasJava) {
    if (process.env.PRESSBOOK_REQUIRE_JAVA_EPUBCHECK) throw new Error('Java EPUBCheck is required (PRESSBOOK_REQUIRE_JAVA_EPUBCHECK) but java or the epubcheck jar is missing');
    return undefined;
  }
  let output: string;
  try {
    output = execFileSync('java', ['-jar', jar, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    output = (err.stdout ?? '') + (err.stderr ?? '');
  }
  const m = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
  if (!m) throw new Error('could not read EPUBCheck output:\n' + output);
  return { fatals: Number(m[1]), errors: Number(m[2]), warnings: Number(m[3]), output };
}
