import { describe, expect, it } from 'vitest';
import { exponentialBackoff, isSettled, operationOutcome, type BackoffContext } from '../../src/index.js';
import { finalPollMarginMs, fitDelayToDeadline } from '../../src/backoff.js';
import { classifyRequestError } from '../../src/transient.js';

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
