import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  exponentialBackoff,
  isOperationsFailedError,
  isWaiterAbortError,
  OperationFailedError,
  type OperationResult,
  OperationsAbortError,
  OperationsFailedError,
  OperationsWaiter,
  Poller,
  type WaitManyOptions,
  waitForOperations,
} from '../../src/index.js';
import { FakeClock, flush } from '../helpers/fake-clock.js';
import { op, type Reply, scriptedClient, sdkError } from '../helpers/stub-client.js';

function setup(scripts: Record<string, Reply[]>, options: WaitManyOptions = {}) {
  const clock = new FakeClock();
  const client = scriptedClient(scripts, clock.now);
  const make = (operations: Parameters<typeof waitForOperations>[1], extra: WaitManyOptions = {}) =>
    new OperationsWaiter(client, operations, { clock, maxRequestsPerSecond: 100, backoff: exponentialBackoff, ...options, ...extra });
  return { clock, client, make };
}

const rejection = async (clock: FakeClock, promise: Promise<unknown>) => {
  const { error } = await clock.run(promise);
  expect(error).toBeInstanceOf(OperationsFailedError);
  return (error as OperationsFailedError).results;
};

describe('waitForOperations', () => {
  it('resolves with the final operations in input order', async () => {
    const { clock, make } = setup({
      a: [op('Started'), op('Started'), op('Started'), op('Succeeded')],
      b: [op('Succeeded')],
      c: [op('Started'), op('Succeeded')],
    });
    const { value } = await clock.run(make(['a', 'b', 'c']).wait());
    expect(value?.map((o) => [o.id, o.status])).toEqual([
      ['a', 'Succeeded'],
      ['b', 'Succeeded'],
      ['c', 'Succeeded'],
    ]);
  });

  it('takes a Lightsail response with `operations` as is, spending no request on finished ones', async () => {
    const { clock, make, client } = setup({ b: [op('Succeeded')] });
    const response = { operations: [op('Succeeded', { id: 'a' }), op('Started', { id: 'b' })], $metadata: {} };
    const { value } = await clock.run(make(response).wait());
    expect(value?.map((o) => o.id)).toEqual(['a', 'b']);
    expect(client.calls.map((c) => c.operationId)).toEqual(['b']);
  });

  it('takes a Lightsail response with a single `operation`', async () => {
    const { clock, make, client } = setup({});
    const { value } = await clock.run(make({ operation: op('Succeeded', { id: 'k' }) }).wait());
    expect(value?.map((o) => o.id)).toEqual(['k']);
    expect(client.calls).toHaveLength(0);
  });

  it('polls the same id given twice once, and reports it at both places', async () => {
    const { clock, make, client } = setup({ a: [op('Succeeded')], b: [op('Succeeded')] });
    const { value } = await clock.run(make(['a', 'b', 'a', op('Started', { id: 'a' })]).wait());
    expect(value?.map((o) => o.id)).toEqual(['a', 'b', 'a', 'a']);
    expect(client.calls.map((c) => c.operationId)).toEqual(['a', 'b']);
  });

  it('waits for the rest after a failure, then rejects with one result per input in input order', async () => {
    const { clock, make } = setup({
      a: [op('Started'), op('Succeeded')],
      b: [op('Failed', { errorCode: 'NoAvailableCapacity', errorDetails: 'none left' })],
      c: [op('Started'), op('Started'), op('Started'), op('Succeeded')],
      d: [sdkError('AccessDeniedException')],
    });
    const results = await rejection(clock, make(['a', 'b', 'c', 'd']).wait());
    expect(results.map((r) => [r.operationId, r.outcome])).toEqual([
      ['a', 'succeeded'],
      ['b', 'failed'],
      ['c', 'succeeded'],
      ['d', 'error'],
    ]);
    const failed = results[1] as OperationResult;
    expect(failed.error).toBeInstanceOf(OperationFailedError);
    expect(failed.error).toMatchObject({ errorCode: 'NoAvailableCapacity', errorDetails: 'none left' });
    expect(failed.operation?.status).toBe('Failed');
    expect(results[0]?.operation?.status).toBe('Succeeded');
    expect(results[3]?.error).toMatchObject({ errorName: 'AccessDeniedException' });
  });

  it('with failFast, cancels the others as soon as one fails', async () => {
    const { clock, make, client } = setup({ a: [op('Started')], b: [op('Started'), op('Failed')] }, { failFast: true });
    const results = await rejection(clock, make(['a', 'b']).wait());
    expect(results.map((r) => r.outcome)).toEqual(['cancelled', 'failed']);
    expect(results[0]?.operation?.status).toBe('Started');
    expect(client.calls.map((c) => `${c.operationId}@${c.at}`)).toEqual(['a@0', 'b@10', 'a@1000', 'b@1010']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('times out the whole wait, keeping what was seen of each', async () => {
    const { clock, make } = setup({ a: [op('Started')], b: [op('Started'), op('Succeeded')] }, { timeoutMs: 5_000 });
    const results = await rejection(clock, make(['a', 'b']).wait());
    expect(results.map((r) => r.outcome)).toEqual(['timeout', 'succeeded']);
    expect(results[0]?.error?.name).toBe('TimeoutError');
    expect(clock.time).toBeLessThanOrEqual(5_000);
    expect(clock.pendingTimers).toBe(0);
  });

  it('aborts every wait when the signal aborts, sends nothing after, and removes its listener', async () => {
    const controller = new AbortController();
    const { clock, make, client } = setup({ a: [op('Started')], b: [op('Started')] }, { signal: controller.signal });
    const promise = make(['a', 'b']).wait();
    const outcome = promise.catch((e: unknown) => e);
    await clock.advance(1_200);
    const sent = client.calls.length;
    controller.abort(new Error('Ctrl-C'));
    const error = (await outcome) as OperationsFailedError;
    expect(error.results.map((r) => r.outcome)).toEqual(['aborted', 'aborted']);
    expect(error.results[0]?.operation?.status).toBe('Started');
    await clock.advance(60_000);
    expect(client.calls).toHaveLength(sent);
    expect(clock.pendingTimers).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects an aborted wait with OperationsAbortError: named AbortError, carrying the reason and every result', async () => {
    const controller = new AbortController();
    const reason = new Error('Ctrl-C');
    const { clock, make } = setup({ a: [op('Succeeded')], b: [op('Started')] }, { signal: controller.signal });
    const outcome = make(['a', 'b'])
      .wait()
      .catch((e: unknown) => e);
    await clock.advance(1_200);
    controller.abort(reason);
    const error = await outcome;
    expect(error).toBeInstanceOf(OperationsAbortError);
    expect(error).toMatchObject({ name: 'AbortError', reason, message: 'Aborted: 1 of 2 Lightsail operations still not finished' });
    expect(isWaiterAbortError(error)).toBe(true);
    expect(isOperationsFailedError(error)).toBe(true);
    expect((error as OperationsAbortError).results.map((r) => r.outcome)).toEqual(['succeeded', 'aborted']);
  });

  it('keeps OperationsFailedError when an operation had failed before the abort', async () => {
    const controller = new AbortController();
    const { clock, make } = setup({ a: [op('Failed')], b: [op('Started')] }, { signal: controller.signal });
    const outcome = make(['a', 'b'])
      .wait()
      .catch((e: unknown) => e);
    await clock.advance(1_200);
    controller.abort(new Error('Ctrl-C'));
    const error = await outcome;
    expect(error).toMatchObject({ name: 'OperationsFailedError' });
    expect(isWaiterAbortError(error)).toBe(false);
  });

  it('sends no request when the signal is already aborted', async () => {
    const { clock, make, client } = setup({ a: [op('Started')] }, { signal: AbortSignal.abort() });
    const results = await rejection(clock, make(['a']).wait());
    expect(results[0]?.outcome).toBe('aborted');
    expect(client.calls).toHaveLength(0);
  });

  it('reports per-operation status events and overall progress', async () => {
    const { clock, make } = setup({ a: [op('Started'), op('Succeeded')], b: [op('Failed')] });
    const waiter = make(['a', 'b']);
    const log: string[] = [];
    waiter.on('status', (e) => log.push(`${e.operationId}:${e.current}`));
    waiter.on('progress', (p) => log.push(`progress ${p.succeeded}/${p.failed}/${p.pending} of ${p.total}`));
    await clock.run(waiter.wait());
    expect(log).toEqual(['a:Started', 'b:Failed', 'progress 0/1/1 of 2', 'a:Succeeded', 'progress 1/1/0 of 2']);
    expect(waiter.progress).toEqual({ total: 2, succeeded: 1, failed: 1, pending: 0 });
  });
});

describe('the request cap', () => {
  /** The largest number of calls in any half-open one-second window. */
  const busiestSecond = (times: number[]) => Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + 1000).length));

  it('holds maxRequestsPerSecond across 200 operations, and none starves', async () => {
    const scripts = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`op${i}`, [op('Started'), op('Started'), op('Succeeded')]]));
    const { clock, client, make } = setup(scripts);
    const { value } = await clock.run(make(Object.keys(scripts), { maxRequestsPerSecond: 20, useGetOperations: false }).wait());
    expect(value).toHaveLength(200);
    expect(client.calls).toHaveLength(600);
    expect(busiestSecond(client.calls.map((c) => c.at))).toBe(20);
    // first come, first served: the first polls go out in input order
    expect(client.calls.slice(0, 200).map((c) => c.operationId)).toEqual(Object.keys(scripts));
  });

  it('holds one cap across several calls that share a poller', async () => {
    const clock = new FakeClock();
    const scripts = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`op${i}`, [op('Started'), op('Succeeded')]]));
    const client = scriptedClient(scripts, clock.now);
    const poller = new Poller({ clock, maxRequestsPerSecond: 5 });
    const ids = Object.keys(scripts);
    const calls = [ids.slice(0, 20), ids.slice(20)].map((part) => waitForOperations(client, part, { clock, poller }));
    await clock.run(Promise.all(calls));
    expect(busiestSecond(client.calls.map((c) => c.at))).toBe(5);
  });

  it('shares one default poller per client, capped at 10 per second', async () => {
    const clock = new FakeClock();
    const scripts = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`op${i}`, [op('Succeeded')]]));
    const client = scriptedClient(scripts, clock.now);
    const ids = Object.keys(scripts);
    await clock.run(Promise.all(ids.map((id) => waitForOperations(client, [id], { clock }))));
    expect(busiestSecond(client.calls.map((c) => c.at))).toBe(10);
  });

  it('slows everyone down on throttling and recovers', async () => {
    const throttled = sdkError('ThrottlingException');
    const scripts = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`op${i}`, i < 5 ? [throttled, op('Succeeded')] : [op('Succeeded')]]),
    );
    const { clock, make } = setup(scripts);
    const waiter = make(Object.keys(scripts), { maxRequestsPerSecond: 10 });
    let lowest = Number.POSITIVE_INFINITY;
    waiter.on('retry', () => (lowest = Math.min(lowest, waiter.poller.currentRate)));
    await clock.run(waiter.wait());
    expect(lowest).toBeLessThan(10);
    expect(waiter.poller.stats.throttled).toBe(5);
    expect(waiter.poller.currentRate).toBeGreaterThan(lowest);
  });
});

describe('bad input', () => {
  const client = scriptedClient({});
  it.each([
    [
      null,
      'Expected `operations` to be an array of operation ids or Operation objects, or a Lightsail response with `operations` or `operation`, got `null`',
    ],
    [{}, 'got an object'],
    ['op-1', 'got `"op-1"` (string)'],
    [['a', ''], 'Expected `operations[1]` to be an operation id (1 to 128 printable characters, no whitespace)'],
    [
      { operations: [{ status: 'Started' }] },
      'Expected `operations.operations[0].id` to be an operation id (1 to 128 printable characters, no whitespace)',
    ],
  ])('refuses operations %j before any request', async (input, message) => {
    await expect(waitForOperations(client, input as never)).rejects.toThrow(message);
    expect(client.calls).toHaveLength(0);
  });

  it.each([
    [{ failFast: 'yes' }, 'Expected `failFast` to be a boolean, got `"yes"` (string)'],
    [{ maxRequestsPerSecond: -1 }, '`maxRequestsPerSecond`'],
    [{ maxRequestsPerSecond: 5, poller: new Poller() }, 'Pass either `maxRequestsPerSecond` or `poller`, not both'],
    [{ poller: {} }, 'Expected `poller` to be a Poller, got an object'],
    [{ timeoutMs: -1 }, '`timeoutMs`'],
  ])('refuses options %j', async (options, message) => {
    await expect(waitForOperations(client, ['a'], options as never)).rejects.toThrow(message);
    expect(client.calls).toHaveLength(0);
  });

  it('resolves an empty array at once', async () => {
    await expect(waitForOperations(client, [])).resolves.toEqual([]);
    await flush();
  });
});
