import type { Clock } from '../../index.js';

/**
 * Calls `fn` every `intervalMs` on `clock` until `signal` aborts (which also clears the pending
 * timer). The loop ends with the abort reason; anything else thrown (a bug in `fn`) is not
 * swallowed: it surfaces as an unhandled rejection, which the bin reports (exit 70).
 */
export function repeatEvery(clock: Clock, intervalMs: number, fn: () => void, signal: AbortSignal): void {
  const loop = async (): Promise<void> => {
    for (;;) {
      await clock.sleep(intervalMs, signal);
      fn();
    }
  };
  loop().catch((error: unknown) => {
    if (!signal.aborted) throw error;
  });
}
