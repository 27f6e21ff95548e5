import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  exponentialBackoff,
  instanceRunning,
  ResourceFailedError,
  ResourceRequestError,
  Waiter,
  WaiterAbortError,
  WaiterTimeoutError,
  type WaitOptions,
} from '../../../src/index.js';
import { FakeClock, flush } from '../../helpers/fake-clock.js';
import { awsError, type SenderReply, stubSender } from '../../helpers/stub-sender.js';

const pending = { instance: { name: 'web-1', state: { name: 'pending' } }, $metadata: {} };
const running = { instance: { name: 'web-1', state: { name: 'running' }, publicIpAddress: '203.0.113.7' }, $metadata: {} };
const terminated = { instance: { name: 'web-1', state: { name: 'terminated' } }, $metadata: {} };

function setup(replies: SenderReply[], options: WaitOptions = {}) {
  const clock = new FakeClock();
  const client = stubSender(...replies);
  const waiter = new Waiter(client, instanceRunning, 'web-1', { clock, timeoutMs: 60_000, backoff: exponentialBackoff, ...options });
  const retries: string[] = [];
  waiter.on('retry', (e) => retries.push(`${(e.error as Error).name}:${e.attempt}:${e.delayMs}`));
  return { clock, client, waiter, retries, run: () => clock.run(waiter.wait()) };
}

describe('request errors', () => {
  it('retries NotFoundException within notFoundGraceMs, and succeeds once the instance is visible', async () => {
    const { run, retries, client } = setup([awsError('NotFoundException'), awsError('NotFoundException'), running]);
    expect((await run()).value).toBe(running);
    expect(retries).toEqual(['NotFoundException:1:1000', 'NotFoundException:2:1500']);
    expect(client.calls).toHaveLength(3);
  });

  it('retries a network failure that comes as a TypeError, as p-retry alone would not', async () => {
    // As undici's fetch fails, with a socket error as the cause; is-network-error knows only some messages.
    const reset = Object.assign(new TypeError('socket closed mid-response'), { cause: { code: 'ECONNRESET' } });
    const { run, retries, client } = setup([reset, running]);
    expect((await run()).value).toBe(running);
    expect(retries).toEqual(['TypeError:1:1000']);
    expect(client.calls).toHaveLength(2);
  });

  it('rejects with what the client threw when it is not an Error, not a stand-in', async () => {
    const { run, client } = setup([() => Promise.reject('connection lost')]);
    const { error } = await run();
    expect(error).toBeInstanceOf(ResourceRequestError);
    expect((error as Error).cause).toBe('connection lost');
    expect(client.calls).toHaveLength(1);
  });

  it('fails fast with a ResourceRequestError once notFoundGraceMs has passed', async () => {
    const notFound = awsError('NotFoundException');
    const { run, client, clock } = setup([notFound], { notFoundGraceMs: 2_000 });
    const { error } = await run();
    expect(error).toBeInstanceOf(ResourceRequestError);
    expect(error).toMatchObject({
      name: 'ResourceRequestError',
      resourceName: 'web-1',
      errorName: 'NotFoundException',
      action: 'GetInstance',
      waiter: 'instance-running',
      httpStatusCode: 400,
      requestId: 'req-1',
      retriesExhausted: false,
    });
    expect((error as Error).cause).toBe(notFound);
    expect((error as Error).message).toBe('Lightsail resource web-1 does not exist: NotFoundException from the stub');
    // fails at 0, 1000 and 2500 ms: the third failure is past the 2 s grace window
    expect(client.calls).toHaveLength(3);
    expect(clock.time).toBe(2_500);
    expect(clock.pendingTimers).toBe(0);
  });

  it('fails fast on AccessDeniedException after one request', async () => {
    const { run, client, retries } = setup([awsError('AccessDeniedException')]);
    const { error } = await run();
    expect(error).toMatchObject({ name: 'ResourceRequestError', errorName: 'AccessDeniedException', action: 'GetInstance' });
    expect((error as Error).message).toBe(
      'GetInstance for Lightsail resource web-1 failed with AccessDeniedException: AccessDeniedException from the stub',
    );
    expect(client.calls).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('gives up with retriesExhausted after `retries` throttled requests in a row', async () => {
    const { run, client } = setup([awsError('ThrottlingException')], { retries: 2 });
    const { error } = await run();
    expect(error).toMatchObject({ name: 'ResourceRequestError', errorName: 'ThrottlingException', retriesExhausted: true });
    expect(client.calls).toHaveLength(3);
  });

  it('times out after endless throttling with a TimeoutError that names the last request error', async () => {
    const throttled = awsError('ThrottlingException');
    const { run, retries, clock } = setup([pending, throttled], { timeoutMs: 20_000, retries: Number.POSITIVE_INFINITY });
    const { error } = await run();
    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      waiter: 'instance-running',
      target: 'web-1',
      state: 'pending',
      output: pending,
      timeoutMs: 20_000,
      attempts: 1,
      operationId: undefined,
    });
    expect((error as Error).cause).toBe(throttled);
    expect((error as Error).message).toBe(
      'Timed out after 20000 ms waiting for Lightsail instance web-1; last seen pending; every request in the last 19 s failed: ThrottlingException: ThrottlingException from the stub',
    );
    expect(retries.length).toBeGreaterThan(2);
    expect(clock.time).toBe(20_000);
    expect(clock.pendingTimers).toBe(0);
  });

  it('names the request timeout, not the abort that ended each request, when requests never answer', async () => {
    // As the SDK does: a request whose abortSignal fires rejects with an AbortError.
    const hang = (call: { signal: AbortSignal | undefined }) =>
      new Promise((_, reject) =>
        call.signal?.addEventListener('abort', () => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' }))),
      );
    const { run, retries } = setup([hang], { timeoutMs: 20_000, requestTimeoutMs: 2_000 });
    const { error } = await run();
    expect(retries[0]).toMatch(/^RequestTimeout:1:/);
    expect((error as Error).cause).toMatchObject({ name: 'RequestTimeout' });
    expect((error as Error).message).toMatch(
      /^Timed out after 20000 ms waiting for Lightsail instance web-1; every request in the last \d+ s failed: RequestTimeout: The request got no answer within 2000 ms$/,
    );
  });

  it('times out with no cause when the last request succeeded', async () => {
    const { run } = setup([pending], { timeoutMs: 10_000 });
    const { error } = await run();
    expect(error).toMatchObject({ name: 'TimeoutError', state: 'pending' });
    expect((error as Error).cause).toBeUndefined();
    expect((error as Error).message).toBe('Timed out after 10000 ms waiting for Lightsail instance web-1; last seen pending');
  });
});

describe('ResourceFailedError', () => {
  it('carries the waiter, the resource name, the state, the reason and the output', async () => {
    const { run } = setup([pending, terminated]);
    const { error } = await run();
    expect(error).toBeInstanceOf(ResourceFailedError);
    expect({ ...(error as ResourceFailedError) }).toMatchObject({
      waiter: 'instance-running',
      resourceName: 'web-1',
      state: 'terminated',
      reason: 'the instance is terminated',
      output: terminated,
    });
  });
});

describe('abort', () => {
  it('sends no request when the signal is already aborted, and rejects with an AbortError', async () => {
    const reason = new Error('user stop');
    const { run, client, clock } = setup([running], { signal: AbortSignal.abort(reason) });
    const { error } = await run();
    expect(error).toBeInstanceOf(WaiterAbortError);
    expect(error).toMatchObject({ name: 'AbortError', waiter: 'instance-running', target: 'web-1', cause: reason });
    expect(client.calls).toHaveLength(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('stops between polls, keeping the last state and output, and leaves no timer or listener', async () => {
    const controller = new AbortController();
    const { run, waiter, client, clock } = setup([pending], { signal: controller.signal });
    waiter.on('poll', (e) => {
      if (e.attempt === 2) controller.abort(new Error('user stop'));
    });
    const { error } = await run();
    expect(error).toMatchObject({ name: 'AbortError', state: 'pending', output: pending, message: expect.stringContaining('user stop') });
    expect(client.calls).toHaveLength(2);
    expect(clock.pendingTimers).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('aborts the request in flight through the signal passed to send', async () => {
    const controller = new AbortController();
    const hang: SenderReply = (call) =>
      new Promise((_resolve, reject) => call.signal?.addEventListener('abort', () => reject(call.signal?.reason), { once: true }));
    const { waiter, client, clock } = setup([hang], { signal: controller.signal });
    // No clock.run here: the deadline timer must not fire while the request hangs.
    const outcome = waiter.wait().catch((error: unknown) => error);
    while (client.calls.length === 0) await flush();
    controller.abort();
    expect(await outcome).toMatchObject({ name: 'AbortError' });
    expect(client.calls[0]?.signal?.aborted).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('every path releases every timer and listener', () => {
  const throwing = () => {
    throw new Error('listener broke');
  };
  it.each([
    ['success', [pending, running], {}, undefined, undefined],
    ['failure', [pending, terminated], {}, undefined, 'ResourceFailedError'],
    ['timeout', [pending], { timeoutMs: 5_000 }, undefined, 'TimeoutError'],
    ['a request error', [awsError('AccessDeniedException')], {}, undefined, 'ResourceRequestError'],
    ['abort', [pending], {}, 'abort', 'AbortError'],
    ['a throwing status listener', [pending, running], {}, 'throw', 'Error'],
  ] as const)('%s', async (_label, replies, options, twist, expectedName) => {
    const controller = new AbortController();
    const { waiter, run, clock } = setup([...replies], { ...options, signal: controller.signal });
    if (twist === 'abort') waiter.on('poll', () => controller.abort());
    if (twist === 'throw') waiter.on('status', throwing);
    const { error } = await run();
    expect((error as Error | undefined)?.name).toBe(expectedName);
    expect(clock.pendingTimers).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
