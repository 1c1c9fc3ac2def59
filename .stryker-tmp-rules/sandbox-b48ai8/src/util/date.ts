/** Build time: SOURCE_DATE_EPOCH when set (reproducible builds), else now; whole seconds, UTC. */
// @ts-nocheck

export function buildDate(env = process.env): Date {
  const s = env.SOURCE_DATE_EPOCH;
  const d = s && /^\d+$/.test(s) ? new Date(Number(s) * 1000) : new Date();
  d.setUTCMilliseconds(0);
  return d;
}
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
