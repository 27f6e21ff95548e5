import { CANCELLED, type Clock } from './clock.js';

/** A signal that follows a parent signal and also aborts after a time on the clock. */
export interface TimedSignal {
  /** Aborts with the parent's reason when the parent aborts, or with `reason()` once `ms` have passed. */
  readonly signal: AbortSignal;
  /** True once the time ran out (rather than the parent aborting). */
  timedOut(): boolean;
  /** Stops the clock (the parent still aborts the signal): for a wait that is not the work's own, a turn at the poller. */
  hold(): void;
  /** Starts a fresh `ms` from now, after {@link TimedSignal.hold}: the next piece of work gets the whole time. */
  restart(): void;
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
  let timer: AbortController | undefined;
  let timedOut = false;
  const start = (): void => {
    const own = new AbortController();
    timer = own;
    clock.sleep(ms, own.signal).then(
      () => {
        timedOut = true;
        controller.abort(reason());
      },
      () => {},
    );
  };
  const hold = (): void => {
    timer?.abort(CANCELLED);
    timer = undefined;
  };
  start();
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    hold,
    restart: () => {
      hold();
      if (!controller.signal.aborted) start();
    },
    dispose: () => {
      hold();
      parent.removeEventListener('abort', onStop);
    },
  };
}
