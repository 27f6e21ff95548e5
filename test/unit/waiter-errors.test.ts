import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { OperationRequestError, OperationWaiter, WaiterAbortError, WaiterTimeoutError, type WaitOptions } from '../../src/index.js';
import { FakeClock, flush } from '../helpers/fake-clock.js';
import { op, type Reply, sdkError, stubClient } from '../helpers/stub-client.js';

function setup(replies: Reply[], options: WaitOptions = {}) {
  const clock = new FakeClock();
  const client = stubClient(...replies);
  const waiter = new OperationWaiter(client, 'op-1', { clock, timeoutMs: 60_000, ...options });
  const retries: Array<{ attempt: number; delayMs: number; name: string }> = [];
  waiter.on('retry', (e) => retries.push({ attempt: e.attempt, delayMs: e.delayMs, name: (e.error as Error).name }));
  return { clock, client, waiter, retries, run: () => clock.run(waiter.wait()) };
}

const networkError = (code: string) => Object.assign(new Error(`socket ${code}`), { code });

describe('transient failures are retried', () => {
  it.each([
    ['ThrottlingException', sdkError('ThrottlingException', 400)],
    ['ServiceException', sdkError('ServiceException', 500)],
    ['an HTTP 503', sdkError('UnknownError', 503)],
    ['an HTTP 429', sdkError('SomethingElse', 429)],
    ['ECONNRESET', networkError('ECONNRESET')],
    ['ECONNREFUSED', networkError('ECONNREFUSED')],
    ['ETIMEDOUT', networkError('ETIMEDOUT')],
    ['the SDK request TimeoutError', sdkError('TimeoutError', 0)],
    ['a fetch network TypeError', new TypeError('Failed to fetch')],
  ])('retries %s, emitting retry with the delay', async (_label, error) => {
    const { run, retries, client } = setup([error, error, op('Succeeded')]);
    expect((await run()).value?.status).toBe('Succeeded');
    expect(client.calls).toHaveLength(3);
    expect(retries.map((r) => [r.attempt, r.delayMs])).toEqual([
      [1, 1000],
      [2, 1500],
    ]);
  });

  it('gives up with OperationRequestError after `retries` consecutive failures', async () => {
    const throttled = sdkError('ThrottlingException', 400);
    const { run, client } = setup([throttled], { retries: 2 });
    const { error } = await run();
    expect(error).toBeInstanceOf(OperationRequestError);
    expect(error).toMatchObject({ errorName: 'ThrottlingException', retriesExhausted: true, httpStatusCode: 400, requestId: 'req-1' });
    expect((error as Error).cause).toBe(throttled);
    expect(client.calls).toHaveLength(3);
  });

  it('resets the retry budget after a successful poll', async () => {
    const t = sdkError('ThrottlingException');
    const { run, client } = setup([t, op('Started'), t, op('Succeeded')], { retries: 1 });
    expect((await run()).value?.status).toBe('Succeeded');
    expect(client.calls).toHaveLength(4);
  });

  it('retries NotFoundException within the grace window after the start', async () => {
    const notFound = sdkError('NotFoundException');
    const { run, retries } = setup([notFound, notFound, op('Succeeded')], { notFoundGraceMs: 5_000 });
    expect((await run()).value?.status).toBe('Succeeded');
    expect(retries.map((r) => r.name)).toEqual(['NotFoundException', 'NotFoundException']);
  });

  it('fails fast on NotFoundException once the grace window has passed', async () => {
    const notFound = sdkError('NotFoundException');
    const { run, client, clock } = setup([notFound], { notFoundGraceMs: 2_000 });
    const { error } = await run();
    expect(error).toMatchObject({ name: 'OperationRequestError', errorName: 'NotFoundException', retriesExhausted: false });
    // fails at 0, 1000 (delay 1000), 2500 (delay 1500): 2500 ms is past the 2 s grace
    expect(client.calls).toHaveLength(3);
    expect(clock.time).toBe(2500);
  });
});

describe('errors that will never succeed fail fast', () => {
  it.each([
    'AccessDeniedException',
    'UnauthenticatedException',
    'InvalidInputException',
    'AccountSetupInProgressException',
    'SomeNewException',
  ])('rejects on %s after one request, with the SDK error as cause', async (name) => {
    const cause = sdkError(name);
    const { run, client, clock, retries } = setup([cause]);
    const { error } = await run();
    expect(error).toBeInstanceOf(OperationRequestError);
    expect(error).toMatchObject({ operationId: 'op-1', errorName: name, retriesExhausted: false });
    expect((error as Error).cause).toBe(cause);
    expect((error as Error).message).toContain(name);
    expect(client.calls).toHaveLength(1);
    expect(retries).toEqual([]);
    expect(clock.time).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('does not retry a programming error (a TypeError that is not a network failure)', async () => {
    const { run, client } = setup([new TypeError('x is not a function')]);
    expect((await run()).error).toBeInstanceOf(OperationRequestError);
    expect(client.calls).toHaveLength(1);
  });
});

describe('timeout', () => {
  it('rejects with WaiterTimeoutError carrying the last operation and attempts', async () => {
    const { run, clock, client } = setup([op('Started')], { timeoutMs: 10_000 });
    const { error } = await run();
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    const e = error as WaiterTimeoutError;
    expect(e).toMatchObject({ name: 'TimeoutError', operationId: 'op-1', timeoutMs: 10_000, attempts: client.calls.length });
    expect(e.operation?.status).toBe('Started');
    expect(clock.time).toBeLessThanOrEqual(10_000);
    expect(clock.pendingTimers).toBe(0);
  });

  it('never sleeps past the deadline: the last poll lands just before it', async () => {
    const { run, clock, client } = setup([op('Started')], { timeoutMs: 10_000, minDelayMs: 4_000, maxDelayMs: 4_000 });
    await run();
    // polls at 0, 4000, 8000, then 9500 (500 ms before the deadline), then no poll fits
    expect(clock.firedSleeps).toEqual([4000, 4000, 1500]);
    expect(client.calls).toHaveLength(4);
    expect(clock.time).toBe(9500);
  });

  it('stops a request in flight at the deadline', async () => {
    const clock = new FakeClock();
    const client = stubClient(
      (call) => new Promise((_, reject) => call.signal?.addEventListener('abort', () => reject(sdkError('AbortError', 0)))),
    );
    const waiter = new OperationWaiter(client, 'op-1', { clock, timeoutMs: 5_000 });
    const { error } = await clock.run(waiter.wait());
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect(client.calls[0]?.signal?.aborted).toBe(true);
    expect(clock.time).toBe(5_000);
  });

  it('does not let retries run past the deadline', async () => {
    const { run, clock } = setup([sdkError('ThrottlingException')], { timeoutMs: 3_000, retries: Infinity });
    const { error } = await run();
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect(clock.time).toBe(3_000);
  });
});

describe('abort', () => {
  it('rejects an already-aborted signal with AbortError and sends no request', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user said stop'));
    const { run, client, clock } = setup([op('Started')], { signal: controller.signal });
    const { error } = await run();
    expect(error).toBeInstanceOf(WaiterAbortError);
    expect(error).toMatchObject({ name: 'AbortError', operationId: 'op-1' });
    expect((error as Error).cause).toBe(controller.signal.reason);
    expect(client.calls).toHaveLength(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects during a sleep and clears the timer and the listener', async () => {
    const controller = new AbortController();
    const { waiter, client, clock } = setup([op('Started')], { signal: controller.signal });
    const promise = waiter.wait();
    await clock.advance(500);
    expect(clock.pendingTimers).toBe(2); // the deadline and the sleep before poll 2
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterAbortError);
    expect(client.calls).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('aborts the request in flight', async () => {
    const controller = new AbortController();
    const clock = new FakeClock();
    const client = stubClient(
      (call) => new Promise((_, reject) => call.signal?.addEventListener('abort', () => reject(sdkError('AbortError', 0)))),
    );
    const waiter = new OperationWaiter(client, 'op-1', { clock, signal: controller.signal });
    const promise = waiter.wait();
    await flush();
    controller.abort();
    await expect(promise).rejects.toBeInstanceOf(WaiterAbortError);
    expect(client.calls[0]?.signal?.aborted).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('removes its abort listener after success too', async () => {
    const controller = new AbortController();
    const { run } = setup([op('Started'), op('Succeeded')], { signal: controller.signal });
    await run();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
