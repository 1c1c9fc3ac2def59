/**
 * The print HTML's finishing passes (the Han–Latin gap, bound entry ends: regular-expression work over
 * the whole book, ~0.4 s for a year of briefings) kept by content: each rendered piece (a body chunk,
 * the matter) is looked up by the hash of its input and pressbook's code, so that a rebuild after an
 * edit redoes them for the edited chunk only. Without a folder, every piece is computed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { codeStamp } from '../../util/cache.js';
import { writeFileAtomic } from '../../util/fs.js';

export interface HtmlMemo {
  (html: string): string;
  /** remove the pieces this build did not use */
  prune(): void;
}

export function htmlMemo(dir: string | undefined, fn: (html: string) => string): HtmlMemo {
  const used = new Set<string>();
  const run = ((html: string) => {
    if (!dir) return fn(html);
    const name = `${createHash('sha256').update(codeStamp()).update('\0').update(html).digest('hex').slice(0, 40)}.html`;
    used.add(name);
    const file = join(dir, name);
    if (existsSync(file)) return readFileSync(file, 'utf8');
    const out = fn(html);
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(file, out);
    return out;
  }) as HtmlMemo;
  run.prune = () => {
    if (!dir || !existsSync(dir)) return;
    for (const f of readdirSync(dir)) if (f.endsWith('.html') && !used.has(f)) rmSync(join(dir, f), { force: true });
  };
  return run;
}
