import { describe, expect, it } from 'vitest';
import { OptimalSchedule } from '../../bench/panel/dp.js';
import { type BackoffContext, exponentialBackoff, isSettled, operationOutcome } from '../../src/index.js';
import { finalPollMarginMs, fitDelayToDeadline } from '../../src/policy/backoff.js';
import { beliefCdf, typedBelief, untypedBelief } from '../../src/policy/duration-belief.js';
import { createOperationAwareBackoff, operationAwareBackoff } from '../../src/policy/operation-aware-backoff.js';
import { classifyRequestError } from '../../src/policy/request-error-kind.js';

const ctx = (attempt: number, random: number, minDelayMs = 1000, maxDelayMs = 20_000): BackoffContext => ({
  attempt,
  minDelayMs,
  maxDelayMs,
  random: () => random,
  elapsedMs: 0,
  operation: undefined,
});

describe('exponentialBackoff', () => {
  it.each([
    // attempt, random, expected: min + random · (min(max, min·2^(attempt−1)) − min)
    [1, 0, 1000],
    [1, 0.99, 1000],
    [2, 0, 1000],
    [2, 1, 2000],
    [3, 0.5, 2500],
    [4, 0.25, 2750],
    [5, 1, 16_000],
    [6, 1, 20_000],
    [30, 0.5, 10_500],
    [1000, 1, 20_000],
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(exponentialBackoff(ctx(attempt, random))).toBe(expected);
  });

  it('is constant when minDelayMs equals maxDelayMs', () => {
    expect([1, 2, 10].map((n) => exponentialBackoff(ctx(n, 0.7, 5000, 5000)))).toEqual([5000, 5000, 5000]);
  });
});

describe('fitDelayToDeadline', () => {
  it.each([
    [1000, 10_000, 500, 1000],
    [9000, 10_000, 500, 9000],
    [9600, 10_000, 500, 9500],
    [50_000, 10_000, 500, 9500],
    [1000, 500, 500, undefined],
    [1000, 200, 500, undefined],
    [-5, 10_000, 500, 0],
  ])('wanted %i ms with %i ms left and a %i ms margin gives %s', (wanted, remaining, margin, expected) => {
    expect(fitDelayToDeadline(wanted, remaining, margin)).toBe(expected);
  });

  it('places the last poll 500 ms before a long deadline, a twentieth before a short one', () => {
    expect(finalPollMarginMs(1_800_000)).toBe(500);
    expect(finalPollMarginMs(2000)).toBe(100);
  });
});

describe('operationAwareBackoff', () => {
  const NOW = Date.UTC(2025, 0, 6, 9);
  const table = {
    CreateInstance: [15_000, 60_000],
    CreateRelationalDatabase: [300_000, 1_800_000],
    AttachDisk: [5_000, 30_000],
    Tiny: [100, 200],
  } as const;
  const strategy = createOperationAwareBackoff({ now: () => NOW, typicalDurations: table });
  /** The context of a delay asked `ageMs` after the operation was created; the object was last seen changing then. */
  const at = (operationType: string, attempt: number, ageMs: number, random = 0, minDelayMs = 1000): BackoffContext => ({
    attempt,
    minDelayMs,
    maxDelayMs: 30_000,
    elapsedMs: 0,
    random: () => random,
    operation: {
      id: 'op-1',
      status: 'Started',
      operationType: operationType as never,
      createdAt: new Date(NOW - ageMs),
      statusChangedAt: new Date(NOW - ageMs),
    },
  });

  /**
   * The delay the benchmark's own dynamic program (bench/panel/dp.ts: another grid, Simpson
   * integration, no delay limits) finds optimal for the same belief: the next poll after one at
   * `ageMs` that saw the operation running (or, for a fresh object, the first).
   */
  function independentDelay(range: readonly [number, number] | undefined, ageMs: number): number {
    const cdf = beliefCdf(range === undefined ? untypedBelief() : typedBelief(range[0] / 1000, range[1] / 1000));
    const plan = new OptimalSchedule({ label: 'belief', cdf, sample: () => 0 }).plan(ageMs / 1000, ageMs / 1000);
    return ((plan.polls[0] as number) - ageMs / 1000) * 1000;
  }

  // Where neither minDelayMs nor maxDelayMs binds, the delay (random 0: no jitter) is the optimum of
  // an independent solver, to the 3 % its coarser grid allows.
  it.each([
    ['an unknown type, fresh, before the first poll', 'Unknown', 0, 0],
    ['an unknown type seen running at 4 s', 'Unknown', 1, 4_000],
    ['an unknown type seen running at 10 s', 'Unknown', 1, 10_000],
    ['a CreateInstance, fresh', 'CreateInstance', 0, 0],
    ['a CreateInstance seen running at 20 s', 'CreateInstance', 1, 20_000],
    ['a CreateInstance seen running at 40 s', 'CreateInstance', 1, 40_000],
    ['a CreateInstance seen running at 60 s, past its range', 'CreateInstance', 1, 60_000],
    ['an AttachDisk, fresh', 'AttachDisk', 0, 0],
    ['a CreateRelationalDatabase, fresh', 'CreateRelationalDatabase', 0, 0],
  ])('waits for %s what an independent solver finds optimal', (_, type, attempt, ageMs) => {
    const expected = independentDelay(table[type as keyof typeof table], ageMs);
    const delay = strategy(at(type, attempt, ageMs));
    expect(Math.abs(delay - expected) / expected).toBeLessThan(0.03);
  });

  it.each([
    ['a CreateRelationalDatabase seen running at 100 s (its range starts at 5 min)', 'CreateRelationalDatabase', 1, 100_000],
    ['an unknown type seen running at 3 h, past the horizon', 'Unknown', 1, 3 * 3_600_000],
  ])('caps at maxDelayMs for %s', (_, type, attempt, ageMs) => {
    expect(strategy(at(type, attempt, ageMs))).toBe(30_000);
  });

  it('polls an unknown fresh operation near 5 s, before 2–5 s operations are long done', () => {
    expect(strategy(at('Unknown', 0, 0))).toBeGreaterThanOrEqual(4_000);
    expect(strategy(at('Unknown', 0, 0))).toBeLessThanOrEqual(5_500);
  });

  it('jitters only later than planned, by up to 5 %', () => {
    const planned = strategy(at('Unknown', 1, 10_000, 0));
    expect(strategy(at('Unknown', 1, 10_000, 0.5))).toBe(Math.round(planned * 1.025));
    expect(strategy(at('Unknown', 1, 10_000, 0.999))).toBeLessThanOrEqual(Math.round(planned * 1.05));
  });

  it('polls a stale running object at once: it was seen when its status last changed, minutes ago', () => {
    expect(strategy(at('CreateInstance', 0, 5 * 60_000))).toBe(0);
    expect(strategy(at('Unknown', 0, 5 * 60_000))).toBe(0);
  });

  it('measures the first delay of a fresh object from its creation, less the time already passed', () => {
    const fresh = at('CreateInstance', 0, 300);
    const delay = strategy({ ...fresh, operation: { ...fresh.operation, statusChangedAt: new Date(NOW - 300) } });
    expect(delay).toBe(strategy(at('CreateInstance', 0, 0)) - 300);
  });

  it('falls back to elapsedMs for the age when createdAt is missing', () => {
    const context = { ...at('Unknown', 1, 0), elapsedMs: 10_000, operation: { id: 'op-1', status: 'Started' as const } };
    expect(strategy(context)).toBe(strategy(at('Unknown', 1, 10_000)));
    expect(strategy({ ...context, elapsedMs: 0, attempt: 0, operation: undefined })).toBe(strategy(at('Unknown', 0, 0)));
  });

  it('reads createdAt given as a Date, an ISO string or epoch seconds alike, and treats a future one as age 0', () => {
    const base = at('CreateInstance', 1, 20_000);
    const createdAt = NOW - 20_000;
    const withCreatedAt = (value: unknown): BackoffContext => ({ ...base, operation: { ...base.operation, createdAt: value as Date } });
    const expected = strategy(base);
    expect(strategy(withCreatedAt(new Date(createdAt).toISOString()))).toBe(expected);
    expect(strategy(withCreatedAt(createdAt / 1000))).toBe(expected);
    expect(strategy(withCreatedAt(new Date(NOW + 5000)))).toBe(strategy(at('CreateInstance', 1, 0)));
  });

  it('stays within [minDelayMs, maxDelayMs] after the first poll, for every age, type and random', () => {
    for (const type of ['Unknown', 'CreateInstance', 'CreateRelationalDatabase', 'Tiny']) {
      for (const ageMs of [0, 999, 5000, 45_000, 600_000, 7_200_000, 86_400_000]) {
        for (const random of [0, 0.5, 0.999]) {
          const delay = strategy(at(type, 3, ageMs, random));
          expect(delay).toBeGreaterThanOrEqual(1000);
          expect(delay).toBeLessThanOrEqual(30_000);
        }
      }
    }
  });

  it('lets the first poll of a fresh object come sooner than minDelayMs, but not the later ones', () => {
    expect(strategy(at('Tiny', 0, 0, 0, 2000))).toBeLessThan(2000);
    expect(strategy(at('Tiny', 1, 0, 0, 2000))).toBe(2000);
  });

  it('waits longer when a request is worth more latency', () => {
    const dear = createOperationAwareBackoff({ now: () => NOW, callCostMs: 3000 });
    expect(dear(at('Unknown', 1, 10_000))).toBeGreaterThan(createOperationAwareBackoff({ now: () => NOW })(at('Unknown', 1, 10_000)));
  });

  it('is built on Date.now by default, read at each call so that fake timers apply', () => {
    const context = at('Unknown', 1, 0);
    const realNow = Date.now;
    Date.now = () => NOW + 10_000;
    try {
      expect(operationAwareBackoff(context)).toBe(createOperationAwareBackoff({ now: () => NOW + 10_000 })(context));
    } finally {
      Date.now = realNow;
    }
  });

  it.each([
    [{ callCostMs: 0 }, RangeError, 'Expected `callCostMs` to be a finite number > 0, got `0` (number)'],
    [{ now: 5 }, TypeError, 'Expected `now` to be a function, got `5` (number)'],
    [{ typicalDurations: [] }, TypeError, 'Expected `typicalDurations` to be an object, got an array'],
    [{ typicalDurations: { X: [5000] } }, TypeError, 'Expected `typicalDurations.X` to be [shortestMs, longestMs], got an array'],
    [
      { typicalDurations: { X: [5000, 1000] } },
      RangeError,
      'Expected `typicalDurations.X[1]` to be a finite number >= 5000, got `1000` (number)',
    ],
    [{ typicalDurations: { X: [0, 1000] } }, RangeError, 'Expected `typicalDurations.X[0]` to be a finite number > 0, got `0` (number)'],
  ])('rejects %j at creation', (options, type, message) => {
    expect(() => createOperationAwareBackoff(options as never)).toThrow(type);
    expect(() => createOperationAwareBackoff(options as never)).toThrow(message);
  });

  it.each([
    ['CreateInstance', 1, 20_000],
    ['CreateRelationalDatabase', 3, 400_000],
    ['Unknown', 0, 0],
  ])(
    'with timeScale 10, computes in Lightsail time: %s attempt %i at age %i ms gives a tenth of the unscaled delay',
    (type, attempt, ageMs) => {
      const real = createOperationAwareBackoff({ now: () => NOW, typicalDurations: table });
      const fast = createOperationAwareBackoff({ now: () => NOW, typicalDurations: table, timeScale: 10 });
      // The same instant in Lightsail's life: a tenth of the age on the fast clock; min/max delays scaled alike.
      const scaled = { ...at(type, attempt, ageMs / 10, 0.5, 100), maxDelayMs: 3_000 };
      expect(fast(scaled)).toBeCloseTo(real(at(type, attempt, ageMs, 0.5)) / 10, -1);
    },
  );

  it("with timeScale, scales a resource waiter's typicalDurationMs alike", () => {
    const real = createOperationAwareBackoff({ now: () => NOW });
    const fast = createOperationAwareBackoff({ now: () => NOW, timeScale: 100 });
    const context = (elapsedMs: number, maxDelayMs: number, minDelayMs: number): BackoffContext => ({
      attempt: 1,
      minDelayMs,
      maxDelayMs,
      elapsedMs,
      random: () => 0.5,
      operation: undefined,
      typicalDurationMs: [300_000, 1_800_000],
    });
    expect(fast(context(1_000, 300, 10))).toBeCloseTo(real(context(100_000, 30_000, 1000)) / 100, -1);
  });

  it('rejects a timeScale that is not a finite number > 0', () => {
    expect(() => createOperationAwareBackoff({ timeScale: 0 })).toThrow('Expected `timeScale` to be a finite number > 0, got `0` (number)');
  });

  it('accepts a range of one duration, and polls next at its end', () => {
    const point = createOperationAwareBackoff({ now: () => NOW, typicalDurations: { X: [30_000, 30_000] } });
    const delay = point(at('X', 1, 5_000));
    const expected = independentDelay([30_000, 30_000], 5_000);
    expect(Math.abs(delay - expected) / expected).toBeLessThan(0.03);
    expect(5_000 + delay).toBeGreaterThanOrEqual(29_000);
  });
});

describe('operationOutcome', () => {
  it.each([
    [{ status: 'Succeeded', isTerminal: true }, 'succeeded'],
    [{ status: 'Completed', isTerminal: true }, 'succeeded'],
    [{ status: 'Succeeded' }, 'succeeded'],
    [{ status: 'Failed', isTerminal: true }, 'failed'],
    [{ status: 'Failed' }, 'failed'],
    [{ status: 'Started', isTerminal: true }, 'failed'],
    [{ status: 'SomethingNew', isTerminal: true }, 'failed'],
    [{ status: 'NotStarted', isTerminal: false }, 'pending'],
    [{ status: 'Started', isTerminal: false }, 'pending'],
    [{ status: 'SomethingNew' }, 'pending'],
    [{}, 'pending'],
  ])('%j is %s', (operation, expected) => {
    expect(operationOutcome(operation as never)).toBe(expected);
    expect(isSettled(operation as never)).toBe(expected !== 'pending');
  });
});

describe('classifyRequestError', () => {
  const sdk = (name: string, status?: number, extra = {}) =>
    Object.assign(new Error(name), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}), ...extra });
  it.each([
    [sdk('ThrottlingException', 400), 'transient'],
    [sdk('TooManyRequestsException', 400), 'transient'],
    [sdk('RequestLimitExceeded', 400), 'transient'],
    [sdk('ServiceException', 500), 'transient'],
    [sdk('Weird', 502), 'transient'],
    [sdk('Weird', 429), 'transient'],
    [sdk('Weird', 400, { $retryable: {} }), 'transient'],
    [sdk('TimeoutError'), 'transient'],
    [Object.assign(new Error('x'), { code: 'ECONNRESET' }), 'transient'],
    [Object.assign(new Error('x'), { code: 'EPIPE' }), 'transient'],
    [new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }), 'transient'],
    [new TypeError('fetch failed'), 'transient'],
    [sdk('NotFoundException', 400), 'not-found'],
    [sdk('AccessDeniedException', 400), 'fatal'],
    [sdk('UnauthenticatedException', 400), 'fatal'],
    [sdk('InvalidInputException', 400), 'fatal'],
    [sdk('AccountSetupInProgressException', 400), 'fatal'],
    [sdk('OperationFailureException', 400), 'fatal'],
    [new TypeError('undefined is not a function'), 'fatal'],
    ['a string', 'fatal'],
    [null, 'fatal'],
  ])('%s is %s', (error, expected) => {
    expect(classifyRequestError(error)).toBe(expected);
  });
});
