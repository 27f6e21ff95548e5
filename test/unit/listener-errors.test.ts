// A listener that throws stops the whole wait: the promise rejects with the listener's own error,
// nothing keeps polling behind it, and every timer is cleared. For each event of each emitter.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { exponentialBackoff, OperationsWaiter, OperationWaiter } from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, type Reply, scriptedClient, sdkError } from '../helpers/stub-client.js';

const bug = new Error('listener bug');

/** `a` settles at the second poll; `b` and `c` would run for a minute, throttled once on the way. */
const scripts = (): Record<string, Reply[]> => ({
  a: [op('Started', { id: 'a' }), op('Succeeded', { id: 'a' })],
  b: [sdkError('ThrottlingException'), ...Array.from({ length: 60 }, () => op('Started', { id: 'b' })), op('Succeeded', { id: 'b' })],
  c: [...Array.from({ length: 60 }, () => op('Started', { id: 'c' })), op('Succeeded', { id: 'c' })],
});

describe('OperationsWaiter: a listener that throws', () => {
  it.each(['status', 'poll', 'retry', 'settled', 'progress'] as const)(
    'on %s: wait() rejects with its error, the other operations stop polling, no timer is left',
    async (event) => {
      const clock = new FakeClock();
      const client = scriptedClient(scripts(), clock.now);
      const waiter = new OperationsWaiter(client, ['a', 'b', 'c'], {
        clock,
        maxRequestsPerSecond: 100,
        backoff: exponentialBackoff,
        minDelayMs: 1000,
        maxDelayMs: 1000,
      });
      waiter.on(event, () => {
        throw bug;
      });
      const { error } = await clock.run(waiter.wait());
      expect(error).toBe(bug);
      const calls = client.calls.length;
      expect(calls).toBeLessThan(10);
      await clock.advance(60_000);
      expect(client.calls).toHaveLength(calls);
      expect(clock.pendingTimers).toBe(0);
    },
  );
});

describe('OperationWaiter: a listener that throws', () => {
  it.each(['status', 'poll', 'retry'] as const)('on %s: wait() rejects with its error and leaves no timer', async (event) => {
    const clock = new FakeClock();
    const client = scriptedClient(scripts(), clock.now);
    const waiter = new OperationWaiter(client, 'b', { clock, backoff: exponentialBackoff });
    waiter.on(event, () => {
      throw bug;
    });
    const { error } = await clock.run(waiter.wait());
    expect(error).toBe(bug);
    const calls = client.calls.length;
    await clock.advance(60_000);
    expect(client.calls).toHaveLength(calls);
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('a wait ends once', () => {
  it.each([
    ['polled to success', 'a', false],
    ['handed an operation already done, which sends nothing', op('Succeeded', { id: 'done' }), true],
  ] as const)(
    '%s: a succeeded listener that throws rejects wait() with its error, and no failed follows',
    async (_, operation, sendsNothing) => {
      const clock = new FakeClock();
      const client = scriptedClient(scripts(), clock.now);
      const waiter = new OperationWaiter(client, operation, { clock, backoff: exponentialBackoff });
      const endings: string[] = [];
      waiter.on('succeeded', () => {
        endings.push('succeeded');
        throw bug;
      });
      waiter.on('failed', () => endings.push('failed'));
      const { error } = await clock.run(waiter.wait());
      expect(error).toBe(bug);
      expect(endings).toEqual(['succeeded']);
      if (sendsNothing) expect(client.calls).toHaveLength(0);
      expect(clock.pendingTimers).toBe(0);
    },
  );

  it('a failed listener that throws rejects wait() with its error, once', async () => {
    const clock = new FakeClock();
    const client = scriptedClient({ x: [op('Failed', { id: 'x', errorCode: 'E' })] }, clock.now);
    const waiter = new OperationWaiter(client, 'x', { clock });
    const endings: string[] = [];
    waiter.on('failed', () => {
      endings.push('failed');
      throw bug;
    });
    const { error } = await clock.run(waiter.wait());
    expect(error).toBe(bug);
    expect(endings).toEqual(['failed']);
  });
});

describe('one AbortSignal shared by many waits', () => {
  it('holds one abort listener on it however many waits share it, and none once they are done', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const client = scriptedClient(
      Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`op-${i}`, [op('Started'), op('Succeeded')]])),
      clock.now,
    );
    const waiters = Array.from({ length: 50 }, (_, i) => new OperationWaiter(client, `op-${i}`, { clock, signal: controller.signal }));
    const many = new OperationsWaiter(client, ['op-0', 'op-1'], { clock, signal: controller.signal });
    const done = Promise.all([...waiters.map((w) => w.wait()), many.wait()]);
    await Promise.resolve();
    await Promise.resolve();
    expect(getEventListeners(controller.signal, 'abort').length).toBeLessThanOrEqual(1);
    await clock.run(done);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
