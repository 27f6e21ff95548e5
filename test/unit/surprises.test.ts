// What surprised new users: misspelled options ignored, a whole-wait timeout not named a timeout,
// a command output handed to the one-operation waiter.
import { describe, expect, it } from 'vitest';
import {
  exponentialBackoff,
  isOperationsFailedError,
  isWaiterTimeoutError,
  OperationsFailedError,
  OperationsTimeoutError,
  OperationWaiter,
  waitForInstanceRunning,
  waitForOperation,
  waitForOperations,
} from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, scriptedClient, stubClient } from '../helpers/stub-client.js';

describe('unknown option keys', () => {
  it.each([
    [{ timeout: 5000 }, 'Unknown option `timeout` in `options`; did you mean `timeoutMs`?'],
    [{ minDelay: 5 }, 'Unknown option `minDelay` in `options`; did you mean `minDelayMs`?'],
    [{ retires: 3 }, 'Unknown option `retires` in `options`; did you mean `retries`?'],
    [{ abortSignal: AbortSignal.abort() }, 'Unknown option `abortSignal` in `options`; did you mean `signal`?'],
    [{ zzzzzz: 1 }, 'Unknown option `zzzzzz` in `options` (known: timeoutMs,'],
  ])('%j is refused before any request: %s', async (options, message) => {
    const client = stubClient(new Error('no request may be sent'));
    expect(() => new OperationWaiter(client, 'op-1', options as never)).toThrow(TypeError);
    expect(() => new OperationWaiter(client, 'op-1', options as never)).toThrow(message);
    await expect(waitForInstanceRunning(client as never, 'web-1', options as never)).rejects.toThrow(message);
    expect(client.calls).toHaveLength(0);
  });

  it('takes the options of waitForOperations and of the plugin', () => {
    const client = stubClient(op('Succeeded'));
    expect(() => waitForOperations(client, ['op-1'], { failFast: true, maxRequestsPerSecond: 5 })).not.toThrow();
  });
});

describe('a whole-wait timeout in waitForOperations', () => {
  it('is a TimeoutError that still carries every result', async () => {
    const clock = new FakeClock();
    const client = scriptedClient({ a: [op('Succeeded', { id: 'a' })], b: [op('Started', { id: 'b' })] }, clock.now);
    const { error } = await clock.run(waitForOperations(client, ['a', 'b'], { clock, timeoutMs: 10_000, backoff: exponentialBackoff }));
    expect(error).toBeInstanceOf(OperationsTimeoutError);
    expect(error).toBeInstanceOf(OperationsFailedError);
    expect((error as Error).name).toBe('TimeoutError');
    expect(isWaiterTimeoutError(error) && isOperationsFailedError(error)).toBe(true);
    expect((error as OperationsTimeoutError).results.map((r) => r.outcome)).toEqual(['succeeded', 'timeout']);
    expect((error as Error).message).toBe('Timed out after 10000 ms: 1 of 2 Lightsail operations still not finished');
  });

  it('is an OperationsFailedError when an operation failed as well', async () => {
    const clock = new FakeClock();
    const client = scriptedClient({ a: [op('Failed', { id: 'a' })], b: [op('Started', { id: 'b' })] }, clock.now);
    const { error } = await clock.run(waitForOperations(client, ['a', 'b'], { clock, timeoutMs: 10_000 }));
    expect((error as Error).name).toBe('OperationsFailedError');
  });
});

describe('a command output handed to waitForOperation', () => {
  it.each([
    [{ operations: [op('Started')] }, 'waitForOperations'],
    [{ operation: op('Started'), $metadata: {} }, 'waitForOperations'],
  ])('%j points to waitForOperations', async (output, hint) => {
    const client = stubClient(new Error('no request may be sent'));
    await expect(waitForOperation(client, output as never)).rejects.toThrow(hint);
  });
});
