import { describe, expect, it } from 'vitest';
import { resolveWaitOptions } from '../../src/engine/wait-options.js';
import { OperationWaiter, waitForInstanceRunning, waitForOperation } from '../../src/index.js';
import { stubClient } from '../helpers/stub-client.js';

const client = stubClient(new Error('no request may be sent'));

describe('bad input is refused before any request', () => {
  it.each([
    ['', TypeError, 'Expected `operation` to be an operation id (1 to 128 printable characters, no whitespace), got `""` (string)'],
    ['   ', TypeError, '`operation`'],
    [null, TypeError, 'Expected `operation` to be an operation id or a Lightsail Operation object, got `null`'],
    [undefined, TypeError, 'got `undefined`'],
    [42, TypeError, 'got `42` (number)'],
    [[], TypeError, 'got an array'],
    [{}, TypeError, 'Expected `operation.id` to be an operation id (1 to 128 printable characters, no whitespace), got `undefined`'],
    [{ id: 7 }, TypeError, '`operation.id`'],
    ['op 1', TypeError, 'got `"op 1"` (string)'],
    ['op-1\n', TypeError, '(1 to 128 printable characters, no whitespace)'],
    ['x'.repeat(129), TypeError, '(1 to 128 printable characters, no whitespace)'],
    ['op-\u001b[2J', TypeError, '`operation`'],
  ])('operation %j', async (operation, type, message) => {
    expect(() => new OperationWaiter(client, operation as never)).toThrow(type);
    expect(() => new OperationWaiter(client, operation as never)).toThrow(message);
    await expect(waitForOperation(client, operation as never)).rejects.toThrow(message);
  });

  it.each([
    [{ timeoutMs: -1 }, RangeError, 'Expected `timeoutMs` to be a finite number > 0 and <= 2147483647, got `-1` (number)'],
    [{ timeoutMs: 0 }, RangeError, '`timeoutMs`'],
    [{ timeoutMs: Number.NaN }, RangeError, 'got `NaN` (number)'],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, RangeError, 'got `Infinity` (number)'],
    [{ timeoutMs: '5' }, TypeError, 'Expected `timeoutMs` to be a finite number > 0 and <= 2147483647, got `"5"` (string)'],
    [{ timeoutMs: 2 ** 31 }, RangeError, 'Expected `timeoutMs` to be a finite number > 0 and <= 2147483647, got `2147483648` (number)'],
    [{ maxDelayMs: 3e9 }, RangeError, '`maxDelayMs`'],
    [{ minDelayMs: -5 }, RangeError, 'Expected `minDelayMs` to be a finite number >= 0 and <= 2147483647, got `-5` (number)'],
    [{ maxDelayMs: Number.NaN }, RangeError, '`maxDelayMs`'],
    [{ minDelayMs: 5000, maxDelayMs: 1000 }, RangeError, 'Expected `maxDelayMs` (1000) to be >= `minDelayMs` (5000)'],
    [{ retries: -1 }, RangeError, 'Expected `retries` to be a whole number >= 0 or Infinity, got `-1` (number)'],
    [{ retries: 1.5 }, RangeError, '`retries`'],
    [{ notFoundGraceMs: -1 }, RangeError, '`notFoundGraceMs`'],
    [{ signal: {} }, TypeError, 'Expected `signal` to be an AbortSignal, got an object'],
    [{ backoff: 5 }, TypeError, 'Expected `backoff` to be a function, got `5` (number)'],
    [{ clock: { now: () => 0 } }, TypeError, 'Expected `clock.sleep` to be a function'],
  ])('options %j', (options, type, message) => {
    expect(() => new OperationWaiter(client, 'op-1', options as never)).toThrow(type);
    expect(() => new OperationWaiter(client, 'op-1', options as never)).toThrow(message);
  });

  it.each([
    [null, 'got `null`'],
    [{}, 'got an object'],
    [{ send: 'nope' }, 'got an object'],
  ])('client %j', (bad, message) => {
    expect(() => new OperationWaiter(bad as never, 'op-1')).toThrow(TypeError);
    expect(() => new OperationWaiter(bad as never, 'op-1')).toThrow(
      `Expected \`client\` to be a LightsailClient (an object with a \`send\` method), ${message}`,
    );
  });

  it('lets a large minDelayMs raise the default maxDelayMs with it', () => {
    expect(() => new OperationWaiter(client, 'op-1', { minDelayMs: 60_000 })).not.toThrow();
    expect(resolveWaitOptions({ minDelayMs: 60_000 })).toMatchObject({ minDelayMs: 60_000, maxDelayMs: 60_000 });
  });

  it('lets a small maxDelayMs lower the default minDelayMs with it, and still names a bad one', () => {
    expect(resolveWaitOptions({ maxDelayMs: 250 })).toMatchObject({ minDelayMs: 250, maxDelayMs: 250 });
    expect(resolveWaitOptions({ maxDelayMs: 0 })).toMatchObject({ minDelayMs: 0, maxDelayMs: 0 });
    expect(resolveWaitOptions({ maxDelayMs: 5_000 })).toMatchObject({ minDelayMs: 1_000, maxDelayMs: 5_000 });
    expect(() => resolveWaitOptions({ maxDelayMs: -1 })).toThrow('Expected `maxDelayMs` to be a finite number');
  });

  it.each([
    [
      'maxRequestsPerSecond',
      1,
      'it is an option of waitForOperations and waitForResource; to cap a single wait, pass `poller: new Poller({ maxRequestsPerSecond })`',
    ],
    ['failFast', true, 'it is an option of waitForOperations and waitForResource; a single wait has no other operations to stop'],
    ['useGetOperations', false, 'Unknown option `useGetOperations` in `options`: it is an option of waitForOperations'],
    ['filter', () => true, 'Unknown option `filter` in `options`'],
    ['client', client, 'Unknown option `client` in `options`'],
  ])('a single wait refuses %s, which it would ignore', async (key, value, message) => {
    expect(() => new OperationWaiter(client, 'op-1', { [key]: value } as never)).toThrow(TypeError);
    expect(() => new OperationWaiter(client, 'op-1', { [key]: value } as never)).toThrow(message);
    await expect(waitForInstanceRunning(client as never, 'web-1', { [key]: value } as never)).rejects.toThrow(message);
  });

  it('sent no request in any of the cases above', () => {
    expect(client.calls).toHaveLength(0);
  });
});

describe('a custom backoff that returns what is not a delay', () => {
  it.each([Number.NaN, -1, '5' as unknown as number, undefined as unknown as number])(
    'rejects the wait when it returns %j',
    async (value) => {
      const { FakeClock } = await import('../helpers/fake-clock.js');
      const { op } = await import('../helpers/stub-client.js');
      const clock = new FakeClock();
      const waiter = new OperationWaiter(stubClient(op('Started')), 'op-1', { clock, backoff: () => value });
      const { error } = await clock.run(waiter.wait());
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/^Expected `backoff` to return a number of milliseconds >= 0, got /);
      expect(clock.pendingTimers).toBe(0);
    },
  );
});
