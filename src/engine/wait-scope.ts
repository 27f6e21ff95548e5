import { onAbort } from './abort-fanout.js';
import { CANCELLED, type Clock } from './clock.js';

/** Why a rest between polls ended early: {@link WaitScope.wake}. Nothing outside ever sees it. */
const WOKEN: unknown = Object.freeze({ reason: 'lightsail-waiter: woken' });

/** Why a wait stopped before its operation settled. */
export type StopReason = 'timeout' | 'aborted';

/**
 * The lifetime of one wait: a signal that aborts when the caller's signal aborts or the deadline
 * passes, and one `dispose()` that clears the deadline timer and the caller's listener.
 */
export class WaitScope {
  /** Aborts on timeout or caller abort; pass it to every request and sleep. */
  readonly signal: AbortSignal;
  /** Set once the scope has stopped, before `signal` aborts. */
  stopReason: StopReason | undefined;
  /** The caller's abort reason, when the caller aborted. */
  abortReason: unknown;
  readonly #clock: Clock;
  readonly #deadline: number;
  readonly #stop = new AbortController();
  readonly #unsubscribe: () => void;
  /** What the rests between polls sleep on: aborted to stop the scope, or (while one is under way) to wake it. */
  #rest: AbortController | undefined;
  #resting = false;

  constructor(clock: Clock, timeoutMs: number, userSignal: AbortSignal | undefined) {
    this.#clock = clock;
    this.#deadline = clock.now() + timeoutMs;
    this.signal = this.#stop.signal;
    this.#unsubscribe = userSignal === undefined ? () => {} : onAbort(userSignal, () => this.#halt('aborted', userSignal.reason));
    // The deadline timer hangs on the scope's own signal: whatever stops the scope clears it.
    clock.sleep(timeoutMs, this.signal).then(
      () => this.#halt('timeout', undefined),
      () => {},
    );
  }

  /** Milliseconds left before the deadline (negative once it has passed). */
  remaining(): number {
    return this.#deadline - this.#clock.now();
  }

  /**
   * Stops the scope as timed out if the deadline has passed, even when a stalled event loop has not
   * yet run the deadline timer; then throws if the scope has stopped. Call it right before a request.
   */
  throwIfStopped(): void {
    if (this.remaining() <= 0) this.#halt('timeout', undefined);
    this.signal.throwIfAborted();
  }

  /**
   * Sleeps `ms` between two polls: resolves early when {@link WaitScope.wake} is called, rejects
   * when the scope stops (with its signal's reason).
   */
  async rest(ms: number): Promise<void> {
    this.signal.throwIfAborted();
    this.#rest ??= new AbortController();
    const rest = this.#rest;
    this.#resting = true;
    try {
      await this.#clock.sleep(ms, rest.signal);
    } catch (error) {
      if (this.signal.aborted) throw this.signal.reason;
      if (rest.signal.reason !== WOKEN) throw error;
      // Woken: the next rest sleeps on a fresh controller.
      this.#rest = undefined;
    } finally {
      this.#resting = false;
    }
  }

  /** Ends the rest under way now, so that the next poll comes at once; does nothing between rests. */
  wake(): void {
    if (this.#resting) this.#rest?.abort(WOKEN);
  }

  /**
   * Clears the deadline timer and the caller's abort listener. Safe to call twice. Call it once
   * the wait is over: the scope's signal aborts too (with no `stopReason`), so that nothing still
   * hanging on it lives on.
   */
  dispose(): void {
    this.#unsubscribe();
    if (!this.signal.aborted) this.#stop.abort(CANCELLED);
    this.#rest?.abort(this.signal.reason);
  }

  #halt(reason: StopReason, abortReason: unknown): void {
    if (this.stopReason !== undefined) return;
    this.stopReason = reason;
    this.abortReason = abortReason;
    this.#stop.abort(abortReason ?? new Error(`lightsail-waiter: ${reason}`));
    this.#rest?.abort(this.signal.reason);
  }
}
