import { assertNumber } from '../engine/validate.js';
import { DEFAULT_WAIT_OPTIONS, type WaitOptions } from '../engine/wait-options.js';
import { createOperationAwareBackoff } from './operation-aware-backoff.js';

/** The schedule fields of {@link WaitOptions} that {@link scaledWaitOptions} sets. */
export type ScaledWaitOptions = Required<Pick<WaitOptions, 'backoff' | 'minDelayMs' | 'maxDelayMs'>>;

/**
 * Wait options for an endpoint that runs `timeScale` times faster than Lightsail (a simulator
 * started with the same `timeScale`): the default schedule, computed in Lightsail's time and with
 * every delay divided by `timeScale`, its bounds (`minDelayMs`, `maxDelayMs`) included. A script
 * tested against a fast simulator then polls with Lightsail's shape, as fast as the simulator runs.
 * Spread it into the options of any waiter; `startSimulator` offers it as `simulator.waitOptions`.
 *
 * @example
 * ```ts
 * const sim = await startSimulator({ timeScale: 100 });
 * await waitForOperations(client, created, { ...scaledWaitOptions(100), timeoutMs: 60_000 });
 * ```
 */
export function scaledWaitOptions(timeScale: number): ScaledWaitOptions {
  assertNumber('timeScale', timeScale, 0, true);
  return Object.freeze({
    backoff: createOperationAwareBackoff({ timeScale }),
    minDelayMs: DEFAULT_WAIT_OPTIONS.minDelayMs / timeScale,
    maxDelayMs: DEFAULT_WAIT_OPTIONS.maxDelayMs / timeScale,
  });
}
