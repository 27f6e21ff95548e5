/**
 * A whole wait's timeout holds at scale (issue #13): the deadline is one timer that settles every
 * unfinished operation in one pass, and neither starting the waits nor granting their requests
 * holds the event loop (and so that timer) for more than a batch at a time. How late the outcome
 * comes in wall time is measured by `npm run bench` (bench/many/deadline.ts), not here.
 */
import type { GetOperationCommand } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import {
  OperationsAbortError,
  OperationsTimeoutError,
  OperationsWaiter,
  Poller,
  WaiterAbortError,
  WaiterTimeoutError,
} from '../../src/index.js';
import type { SendOptions } from '../../src/types.js';
import { FakeClock, flush } from '../helpers/fake-clock.js';
import { op, type StubCall } from '../helpers/stub-client.js';

/** A client whose requests never answer, recording each call's signal. */
function silentClient() {
  const calls: StubCall[] = [];
  return {
    calls,
    send(command: GetOperationCommand, options?: SendOptions): Promise<never> {
      calls.push({ operationId: command.input.operationId, signal: options?.abortSignal });
      return new Promise((_, reject) => options?.abortSignal?.addEventListener('abort', () => reject(options.abortSignal?.reason)));
    },
  };
}

const ids = (count: number) => Array.from({ length: count }, (_, i) => `op-${i}`);

describe('a whole wait aborted by its caller', () => {
  it('settles every unfinished operation as aborted in one pass, stops them at once, and rejects with OperationsAbortError', async () => {
    const clock = new FakeClock();
    const client = silentClient();
    const poller = new Poller({ clock, maxRequestsPerSecond: 1_000 });
    const controller = new AbortController();
    const reason = new Error('SIGINT');
    const waiter = new OperationsWaiter(client, ids(300), { clock, poller, signal: controller.signal, useGetOperations: false });
    let abortedWhenSettled: number | undefined;
    const outcome = waiter.wait().catch((error: unknown) => {
      abortedWhenSettled = client.calls.filter((call) => call.signal?.aborted).length;
      return error;
    });
    await clock.advance(5_000);
    controller.abort(reason);
    const error = await outcome;

    expect(error).toBeInstanceOf(OperationsAbortError);
    const { results } = error as OperationsAbortError;
    expect(results.every((r) => r.outcome === 'aborted' && r.error instanceof WaiterAbortError && r.error.cause === reason)).toBe(true);
    // Every request in flight was stopped by the time the outcome came: no request follows an abort.
    expect(client.calls).toHaveLength(300);
    expect(abortedWhenSettled).toBe(300);
    await clock.advance(60_000);
    await flush();
    expect(client.calls).toHaveLength(300);
    expect(clock.pendingTimers).toBe(0);
    expect(poller.pending).toBe(0);
  });
});

describe('a whole wait at its deadline', () => {
  it('settles every unfinished operation as timed out before stopping any of them', async () => {
    const clock = new FakeClock();
    const client = silentClient();
    const poller = new Poller({ clock, maxRequestsPerSecond: 1_000 });
    const waiter = new OperationsWaiter(client, ids(300), { clock, poller, timeoutMs: 5_000, useGetOperations: false });
    const settledAt: number[] = [];
    waiter.on('settled', () => settledAt.push(clock.now()));
    let abortedWhenSettled: number | undefined;
    const outcome = waiter.wait().catch((error: unknown) => {
      abortedWhenSettled = client.calls.filter((call) => call.signal?.aborted).length;
      return error;
    });
    await clock.advance(5_000);
    const error = await outcome;

    expect(error).toBeInstanceOf(OperationsTimeoutError);
    const { results } = error as OperationsTimeoutError;
    expect(results).toHaveLength(300);
    expect(results.every((r) => r.outcome === 'timeout' && r.error instanceof WaiterTimeoutError)).toBe(true);
    expect(results.map((r) => (r.error as WaiterTimeoutError).attempts)).toEqual(Array(300).fill(0));
    // Every request was sent and none had been stopped when the wait settled: the outcome did not
    // wait for 300 aborts to run their course.
    expect(client.calls).toHaveLength(300);
    expect(abortedWhenSettled).toBe(0);
    expect(new Set(settledAt)).toEqual(new Set([5_000]));
    // Then every wait is stopped, leaving nothing behind.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await flush();
    expect(client.calls.every((call) => call.signal?.aborted)).toBe(true);
    expect(clock.pendingTimers).toBe(0);
    expect(poller.pending).toBe(0);
  });

  it('keeps what each operation reported last in its timeout result', async () => {
    const clock = new FakeClock();
    let answered = 0;
    const client = {
      async send(command: GetOperationCommand) {
        answered += 1;
        return { operation: op('Started', { id: command.input.operationId as string }), $metadata: {} };
      },
    };
    const waiter = new OperationsWaiter(client, ids(3), { clock, maxRequestsPerSecond: 100, timeoutMs: 10_000 });
    const { error } = await clock.run(waiter.wait());
    expect(answered).toBeGreaterThan(3);
    for (const result of (error as OperationsTimeoutError).results) {
      expect(result.outcome).toBe('timeout');
      expect(result.operation?.status).toBe('Started');
      expect((result.error as WaiterTimeoutError).attempts).toBeGreaterThan(0);
    }
  });

  it('starts the waits a batch per event-loop turn, so that timers due meanwhile run between batches', async () => {
    const clock = new FakeClock();
    const client = silentClient();
    const poller = new Poller({ clock, maxRequestsPerSecond: 1e9 });
    const waiter = new OperationsWaiter(client, ids(1_000), { clock, poller, timeoutMs: 5_000, useGetOperations: false });
    const done = waiter.wait().catch(() => undefined);
    // The first batch queues its requests in this turn; the rest come a turn at a time.
    await Promise.resolve();
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(poller.pending).toBeLessThanOrEqual(256);
    await flush();
    expect(poller.pending + client.calls.length).toBeGreaterThan(256);
    await clock.advance(5_000);
    await done;
  });
});

describe('Poller at scale', () => {
  it('grants at most 256 queued requests a timer turn', async () => {
    const clock = new FakeClock();
    const poller = new Poller({ clock, maxRequestsPerSecond: 1e9 });
    await poller.acquire();
    let granted = 0;
    const all = Array.from({ length: 600 }, () => poller.acquire().then(() => (granted += 1)));
    // From now on time moves while the poller grants, as on a real clock: at this pace every
    // request queued is due within the turn.
    clock.now = () => (clock.time += 0.001);
    clock.fireNext();
    await flush();
    expect(granted).toBe(256);
    clock.fireNext();
    await flush();
    expect(granted).toBe(512);
    clock.fireNext();
    await Promise.all(all);
    expect(granted).toBe(600);
  });
});
