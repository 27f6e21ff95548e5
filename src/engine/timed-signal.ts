import { CANCELLED, type Clock } from './clock.js';

/** A signal that follows a parent signal and also aborts after a time on the clock. */
export interface TimedSignal {
  /** Aborts with the parent's reason when the parent aborts, or with `reason()` once `ms` have passed. */
  readonly signal: AbortSignal;
  /** True once the time ran out (rather than the parent aborting). */
  timedOut(): boolean;
  /** Clears the timer and the listener on the parent. Call it on every path. */
  dispose(): void;
}

/**
 * Bounds one piece of work (a request, reading logs) by a time on the injected clock as well as by
 * the wait's own signal, leaving no timer or listener behind once disposed.
 */
export function timedSignal(clock: Clock, parent: AbortSignal, ms: number, reason: () => Error): TimedSignal {
  const controller = new AbortController();
  const onStop = (): void => controller.abort(parent.reason);
  parent.addEventListener('abort', onStop, { once: true });
  const timer = new AbortController();
  let timedOut = false;
  clock.sleep(ms, timer.signal).then(
    () => {
      timedOut = true;
      controller.abort(reason());
    },
    () => {},
  );
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      timer.abort(CANCELLED);
      parent.removeEventListener('abort', onStop);
    },
  };
}
