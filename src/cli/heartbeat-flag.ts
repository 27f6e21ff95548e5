import { parseDuration } from './duration.js';
import { shorten, UsageError } from './usage-error.js';

/** The shortest `--heartbeat` other than 0: faster would flood a log rather than keep it alive. */
export const MIN_HEARTBEAT_MS = 1_000;

// `0`, `0s`, `0.0m`…: no heartbeat, as `off` says.
const ZERO = /^0+(?:\.0*)?(?:ms|s|m|h)?$/;

/**
 * Checks `--heartbeat`: a duration of at least 1 s (`30s`, `5m`, `90`), or `0` / `off` for none
 * (returned as 0); `undefined` when the flag is not given (the default then applies). Throws
 * {@link UsageError} naming the flag and the value.
 */
export function checkHeartbeat(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === 'off' || ZERO.test(value)) return 0;
  let ms: number;
  try {
    ms = parseDuration(value);
  } catch (error) {
    throw new UsageError(`invalid --heartbeat '${shorten(value)}': ${(error as Error).message}, or 0 or off for none`);
  }
  if (ms < MIN_HEARTBEAT_MS) throw new UsageError(`invalid --heartbeat '${shorten(value)}': expected at least 1s, or 0 or off for none`);
  return ms;
}
