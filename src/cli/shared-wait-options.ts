import { type Clock, Poller, scaledWaitOptions, type WaitManyOptions } from '../index.js';
import type { CommonConfig } from './common-args.js';
import type { CliIO } from './io.js';

/**
 * The wait options one command shares across every wait it runs: one clock, the signal, the
 * schedule (scaled by `--time-scale`), and one {@link Poller}, so that `--max-rps` caps the requests of all of them together.
 */
export function sharedWaitOptions(config: CommonConfig, io: CliIO, clock: Clock): WaitManyOptions & { poller: Poller; clock: Clock } {
  return {
    clock,
    poller: new Poller({
      clock,
      ...(config.maxRequestsPerSecond === undefined ? {} : { maxRequestsPerSecond: config.maxRequestsPerSecond }),
    }),
    ...(io.signal === undefined ? {} : { signal: io.signal }),
    ...(config.timeScale === undefined ? {} : scaled(config.timeScale, config)),
    ...(config.minDelayMs === undefined ? {} : { minDelayMs: config.minDelayMs }),
    ...(config.maxDelayMs === undefined ? {} : { maxDelayMs: config.maxDelayMs }),
  };
}

/**
 * `--time-scale`: the default schedule and its bounds, divided alike. `--min-delay` and
 * `--max-delay` still win, and a bound given alone moves the scaled other one with it (as it moves
 * the library's defaults), rather than leaving a minimum above the maximum.
 */
function scaled(timeScale: number, config: CommonConfig) {
  const options = scaledWaitOptions(timeScale);
  const { minDelayMs, maxDelayMs } = config;
  return {
    ...options,
    ...(minDelayMs !== undefined && maxDelayMs === undefined && minDelayMs > options.maxDelayMs ? { maxDelayMs: minDelayMs } : {}),
    ...(maxDelayMs !== undefined && minDelayMs === undefined && maxDelayMs < options.minDelayMs ? { minDelayMs: maxDelayMs } : {}),
  };
}

/**
 * What is left of a command's `--timeout` at `clock.now()`, for the next wait's `timeoutMs`: whole
 * milliseconds (a timeout message says `986 ms`, not `986.0870420000001 ms`), at least 1.
 */
export function remainingMs(deadline: number, clock: Clock): number {
  return Math.max(1, Math.round(deadline - clock.now()));
}
