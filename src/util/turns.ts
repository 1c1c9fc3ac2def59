/**
 * Turns of the event loop during long synchronous work on the main thread, so that a Chromium launched
 * meanwhile (its messages come to this thread) is not kept waiting.
 */
import { setImmediate } from 'node:timers/promises';

/** one turn of the event loop */
export const nextTurn = (): Promise<void> => setImmediate();

/** To await between the items of a long loop: a turn of the event loop once `ms` of work have passed since the last. */
export function turnEvery(ms: number): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last <= ms) return;
    await nextTurn();
    last = performance.now();
  };
}
