import type { BackoffStrategy } from '../policy/backoff.js';
import { operationAwareBackoff } from '../policy/operation-aware-backoff.js';
import { type Clock, systemClock } from './clock.js';
import { assertKnownKeys } from './known-keys.js';
import { Poller } from './poller.js';
import { assertCount, assertFunction, assertNumber, assertSignal, describeValue, MAX_TIMER_MS } from './validate.js';

/** How to wait for a Lightsail operation. Every duration is in milliseconds. */
export interface WaitOptions {
  /** Give up after this long, measured from the start of the wait. @default 1_800_000 (30 minutes) */
  readonly timeoutMs?: number;
  /**
   * The shortest delay between two polls, in milliseconds (the delay before the first poll of an
   * operation object may be shorter). @default 1_000 (or `maxDelayMs`, when that is smaller)
   */
  readonly minDelayMs?: number;
  /**
   * The longest delay between two polls, in milliseconds; must be >= `minDelayMs`. Bounds the detection
   * latency of long operations; 30 s gave the lowest calls-plus-latency cost in `npm run bench`.
   * @default 30_000 (or `minDelayMs`, when that is larger)
   */
  readonly maxDelayMs?: number;
  /** Aborts the wait and the request in flight. @default undefined (no cancellation) */
  readonly signal?: AbortSignal | undefined;
  /** Picks the delay before each poll. @default operationAwareBackoff (the operation's age and type shape the schedule) */
  readonly backoff?: BackoffStrategy;
  /**
   * How many times in a row one `GetOperation` may fail with a transient error (throttling, 5xx,
   * network) and be retried, on top of the SDK client's own retries. Retries never run past
   * `timeoutMs`. @default 10
   */
  readonly retries?: number;
  /**
   * How long after the wait starts a `NotFoundException` is treated as transient, because a new
   * operation may not be visible yet; after that it fails fast. In milliseconds. @default 10_000
   */
  readonly notFoundGraceMs?: number;
  /**
   * How long one request may go unanswered before it is aborted and retried as a transient failure
   * (within `timeoutMs`), in milliseconds: one dead socket must not eat the whole wait. Lightsail
   * answers `Get*` calls in well under a second. @default 10_000
   */
  readonly requestTimeoutMs?: number;
  /**
   * How long, in milliseconds, the endpoint may stay unreachable (its name does not resolve,
   * nothing listens: `ENOTFOUND`, `ECONNREFUSED`…) before the wait fails fast with the request
   * error, instead of retrying it like throttling until `timeoutMs`. @default 10_000
   */
  readonly unreachableTimeoutMs?: number;
  /** Time and randomness, for tests and simulations in virtual time. @default the system clock */
  readonly clock?: Clock;
  /**
   * The scheduler every request goes through, pacing them at a rate that adapts to the account's
   * limit. Share one between waiters to pace them together. @default one poller per client
   * (starting at 10 requests per second, adapting on throttling)
   */
  readonly poller?: Poller;
}

// Marks options already checked, so that a waiter built by another entry point does not check them again.
const RESOLVED: unique symbol = Symbol('lightsail-waiter.resolvedOptions');

/** {@link WaitOptions} with every default filled in. */
export interface ResolvedWaitOptions {
  readonly [RESOLVED]: true;
  readonly timeoutMs: number;
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  readonly signal: AbortSignal | undefined;
  readonly backoff: BackoffStrategy;
  readonly retries: number;
  readonly notFoundGraceMs: number;
  readonly requestTimeoutMs: number;
  readonly unreachableTimeoutMs: number;
  readonly clock: Clock;
  readonly poller: Poller | undefined;
}

/** Every {@link WaitOptions} key: what a single wait takes. */
const WAIT_OPTION_KEYS: readonly string[] = [
  'timeoutMs',
  'minDelayMs',
  'maxDelayMs',
  'signal',
  'backoff',
  'retries',
  'notFoundGraceMs',
  'requestTimeoutMs',
  'unreachableTimeoutMs',
  'clock',
  'poller',
];

/** The options only a wait for many operations takes, and what to say to a single wait given one. */
const MANY_ONLY: Readonly<Record<string, string>> = {
  maxRequestsPerSecond: 'to cap a single wait, pass `poller: new Poller({ maxRequestsPerSecond })`',
  failFast: 'a single wait has no other operations to stop',
  useGetOperations: 'a single wait reads its one operation or resource with its own request',
};

/** The defaults, in milliseconds. */
export const DEFAULT_WAIT_OPTIONS = Object.freeze({
  /** The default `timeoutMs`: 30 minutes. */
  timeoutMs: 30 * 60_000,
  /** The default `minDelayMs`: 1 second, or `maxDelayMs` when that is set lower. */
  minDelayMs: 1_000,
  /** The default `maxDelayMs`: 30 seconds, or `minDelayMs` when that is set higher. */
  maxDelayMs: 30_000,
  /** The default `retries`: one request is retried after up to 10 transient failures in a row. */
  retries: 10,
  /** The default `notFoundGraceMs`: 10 seconds. */
  notFoundGraceMs: 10_000,
  /** The default `requestTimeoutMs`: 10 seconds. */
  requestTimeoutMs: 10_000,
  /** The default `unreachableTimeoutMs`: 10 seconds. */
  unreachableTimeoutMs: 10_000,
});

/**
 * Checks every option and fills in defaults; throws `TypeError`/`RangeError` naming the bad option.
 * `moreKeys` are the options the caller takes beyond {@link WaitOptions} (and checks itself).
 * Options it resolved before (spread copies included, with internal overrides such as the signal)
 * are returned as they are: arguments are checked once, at the public edge.
 */
export function resolveWaitOptions(
  options: WaitOptions | undefined,
  defaultBackoff: BackoffStrategy = operationAwareBackoff,
  moreKeys: readonly string[] = [],
): ResolvedWaitOptions {
  if (options !== undefined && (options as Partial<ResolvedWaitOptions>)[RESOLVED] === true) return options as ResolvedWaitOptions;
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected \`options\` to be an object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    const why = MANY_ONLY[key];
    if (why !== undefined && !moreKeys.includes(key)) {
      throw new TypeError(`Unknown option \`${key}\` in \`options\`: it is an option of waitForOperations and waitForResource; ${why}`);
    }
  }
  assertKnownKeys('options', options, moreKeys.length === 0 ? WAIT_OPTION_KEYS : [...WAIT_OPTION_KEYS, ...moreKeys]);
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_OPTIONS.timeoutMs;
  // A bound given alone moves the other's default with it, either way (a bad one is refused below, by name).
  const givenMax: unknown = options.maxDelayMs;
  const lowMax = typeof givenMax === 'number' && givenMax >= 0 && givenMax < DEFAULT_WAIT_OPTIONS.minDelayMs;
  const minDelayMs = options.minDelayMs ?? (lowMax ? givenMax : DEFAULT_WAIT_OPTIONS.minDelayMs);
  const maxDelayMs = options.maxDelayMs ?? Math.max(DEFAULT_WAIT_OPTIONS.maxDelayMs, minDelayMs);
  const retries = options.retries ?? DEFAULT_WAIT_OPTIONS.retries;
  const notFoundGraceMs = options.notFoundGraceMs ?? DEFAULT_WAIT_OPTIONS.notFoundGraceMs;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_WAIT_OPTIONS.requestTimeoutMs;
  const unreachableTimeoutMs = options.unreachableTimeoutMs ?? DEFAULT_WAIT_OPTIONS.unreachableTimeoutMs;
  assertNumber('timeoutMs', timeoutMs, 0, true, MAX_TIMER_MS);
  assertNumber('minDelayMs', minDelayMs, 0, false, MAX_TIMER_MS);
  assertNumber('maxDelayMs', maxDelayMs, 0, false, MAX_TIMER_MS);
  if (maxDelayMs < minDelayMs) {
    throw new RangeError(`Expected \`maxDelayMs\` (${maxDelayMs}) to be >= \`minDelayMs\` (${minDelayMs})`);
  }
  assertCount('retries', retries, 0, true);
  assertNumber('notFoundGraceMs', notFoundGraceMs, 0);
  assertNumber('requestTimeoutMs', requestTimeoutMs, 0, true, MAX_TIMER_MS);
  assertNumber('unreachableTimeoutMs', unreachableTimeoutMs, 0, false, MAX_TIMER_MS);
  if (options.signal !== undefined) assertSignal('signal', options.signal);
  if (options.backoff !== undefined) assertFunction('backoff', options.backoff);
  if (options.poller !== undefined && !(options.poller instanceof Poller)) {
    throw new TypeError(`Expected \`poller\` to be a Poller, got ${describeValue(options.poller)}`);
  }
  if (options.clock !== undefined) {
    const clock = options.clock as Partial<Clock>;
    for (const key of ['now', 'sleep', 'random'] as const) assertFunction(`clock.${key}`, clock[key]);
  }
  return {
    [RESOLVED]: true,
    timeoutMs,
    minDelayMs,
    maxDelayMs,
    signal: options.signal,
    backoff: options.backoff ?? defaultBackoff,
    retries,
    notFoundGraceMs,
    requestTimeoutMs,
    unreachableTimeoutMs,
    clock: options.clock ?? systemClock,
    poller: options.poller,
  };
}
