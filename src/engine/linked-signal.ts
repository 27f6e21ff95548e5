import { onAbort } from './abort-fanout.js';

/** A signal that follows several others, and the way to let go of them. */
export interface LinkedSignal {
  /** Aborts, with the first reason, when any given signal aborts; `undefined` when none was given. */
  readonly signal: AbortSignal | undefined;
  /** Removes the listeners added to the given signals. Safe to call twice. */
  dispose(): void;
}

/**
 * Links signals by hand rather than with `AbortSignal.any` (Node 20.3+), so that it works on every
 * Node 20 and leaves no listener behind on long-lived signals once `dispose()` is called.
 */
export function linkSignals(...signals: ReadonlyArray<AbortSignal | undefined>): LinkedSignal {
  const given = signals.filter((s): s is AbortSignal => s !== undefined);
  if (given.length <= 1) return { signal: given[0], dispose: () => {} };
  const controller = new AbortController();
  const already = given.find((s) => s.aborted);
  if (already) {
    controller.abort(already.reason);
    return { signal: controller.signal, dispose: () => {} };
  }
  const listeners = given.map((source) => onAbort(source, () => controller.abort(source.reason)));
  return {
    signal: controller.signal,
    dispose: () => {
      for (const remove of listeners) remove();
    },
  };
}
