import { Poller } from './poller.js';

/**
 * A poller that grants every turn at once and ignores what it is told: for waiters whose probe
 * takes its turns at the real poller itself (operations read together with `GetOperations`), so
 * that no request waits twice and no throttle is counted twice.
 */
export class UnpacedPoller extends Poller {
  override acquire(signal?: AbortSignal): Promise<void> {
    return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  }

  override reportThrottled(): void {}

  override reportSuccess(): void {}
}
