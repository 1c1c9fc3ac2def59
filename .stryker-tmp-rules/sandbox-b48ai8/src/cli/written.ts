/** What happened to the Markdown folder, said once for clean, build and handout. */
// @ts-nocheck

import type { WriteResult } from '../ingest/write.js';
import { output } from './output.js';

export function reportWritten(w: WriteResult, messages: string[] = []): void {
  const o = output();
  for (const s of w.skipped) o.warn(`${s}: warning: kept: edited by hand since it was generated (use --force to overwrite)`);
  w.overwritten.forEach((p, i) => o.warn(`${p}: warning: --force replaced a hand edit; the edited file is saved as ${w.backups[i]}`));
  for (const p of w.orphans) o.warn(`${p}: warning: no source makes this press conference any more (source removed or re-dated); published because it was edited by hand — delete the file to drop it`);
  for (const p of w.held) o.warn(`${p}: warning: not published: its source failed to clean this time (see the error above); the last good Markdown is kept`);
  for (const p of w.removed) o.info(`${p}: removed: no source makes it any more (its source was removed or re-dated)`);
  for (const m of messages) o.detail(m);
}
