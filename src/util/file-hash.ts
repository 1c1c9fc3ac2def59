/**
 * A file's sha-256, read and hashed once per process while the file stays as it was (same size,
 * modification time and inode). A build's outputs are hashed by several owners — the output cache,
 * the manifest, the page map — and a year book's PDF is 20 MB: reading and hashing it five times
 * cost ~0.2 s of a one-conference rebuild. The writer of a file may say its hash (`noteFileSha256`)
 * right after writing it.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { sha256Hex } from './hash.js';

const memo = new Map<string, { size: number; mtimeMs: number; ino: number; sha: string }>();
const same = (m: { size: number; mtimeMs: number; ino: number }, st: Stats) => m.size === st.size && m.mtimeMs === st.mtimeMs && m.ino === st.ino;

export function fileSha256(path: string): string {
  const p = resolve(path);
  const st = statSync(p);
  const m = memo.get(p);
  if (m && same(m, st)) return m.sha;
  const data = readFileSync(p);
  const sha = sha256Hex(data);
  // stat again: a file changed while it was read is not remembered
  const after = statSync(p);
  if (after.size === data.length && after.mtimeMs === st.mtimeMs && after.ino === st.ino) memo.set(p, { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, sha });
  return sha;
}

/** The writer's word for the hash of the file it has just written (`sha` of exactly those bytes). */
export function noteFileSha256(path: string, sha: string): void {
  const p = resolve(path);
  const st = statSync(p);
  memo.set(p, { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, sha });
}
