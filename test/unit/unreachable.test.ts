// An endpoint that cannot be reached fails fast once `unreachableTimeoutMs` has passed; one that
// is reachable but failing (throttling, 5xx) keeps being retried until the timeout. The DNS error
// is injected: tests never look up a made-up host.
import { describe, expect, it } from 'vitest';
import { exponentialBackoff, OperationRequestError, OperationWaiter, WaiterTimeoutError } from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, sdkError, stubClient } from '../helpers/stub-client.js';

const socketError = (code: string) => Object.assign(new Error(`getaddrinfo ${code} lightsail.us-east-1.amazonaws.invalid`), { code });

describe('an unreachable endpoint', () => {
  it.each(['ENOTFOUND', 'ECONNREFUSED', 'EHOSTUNREACH'])('%s fails fast after unreachableTimeoutMs, naming the code', async (code) => {
    const clock = new FakeClock();
    const client = stubClient(socketError(code));
    const waiter = new OperationWaiter(client, 'op-1', { clock, backoff: exponentialBackoff, retries: Number.POSITIVE_INFINITY });
    const { error } = await clock.run(waiter.wait());
    expect(error).toBeInstanceOf(OperationRequestError);
    expect(error).toMatchObject({ errorName: code, retriesExhausted: false });
    expect((error as Error).message).toBe(
      `GetOperation for Lightsail operation op-1 failed with ${code}: getaddrinfo ${code} lightsail.us-east-1.amazonaws.invalid`,
    );
    // The default window is 10 s: the first retry that lands past it gives up, far from the 30 min timeout.
    expect(clock.time).toBeGreaterThanOrEqual(10_000);
    expect(clock.time).toBeLessThan(40_000);
    expect(clock.pendingTimers).toBe(0);
  });

  it('a reachable endpoint in between starts the window again', async () => {
    const clock = new FakeClock();
    const refused = socketError('ECONNREFUSED');
    const client = stubClient(refused, refused, refused, sdkError('ThrottlingException'), refused, refused, refused, op('Succeeded'));
    const waiter = new OperationWaiter(client, 'op-1', {
      clock,
      backoff: exponentialBackoff,
      minDelayMs: 1000,
      maxDelayMs: 1000,
      unreachableTimeoutMs: 2500,
    });
    const { value } = await clock.run(waiter.wait());
    expect(value?.status).toBe('Succeeded');
  });

  it('throttling is not unreachable: retried until the timeout', async () => {
    const clock = new FakeClock();
    const waiter = new OperationWaiter(stubClient(sdkError('ThrottlingException')), 'op-1', {
      clock,
      timeoutMs: 60_000,
      retries: Number.POSITIVE_INFINITY,
      unreachableTimeoutMs: 1000,
    });
    const { error } = await clock.run(waiter.wait());
    expect(error).toBeInstanceOf(WaiterTimeoutError);
  });
});
