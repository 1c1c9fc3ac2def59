import { createHash } from 'node:crypto';

/** The sha-256 of `data`, in hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The sha-256, in hex, of several inputs, each followed by a NUL (a key of several parts). */
export function sha256Of(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}
