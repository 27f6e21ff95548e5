// waitForOperation and OperationWaiter end to end: a real LightsailClient over HTTP against the simulator.
import { AllocateStaticIpCommand, GetInstanceCommand } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import {
  OperationFailedError,
  OperationRequestError,
  OperationWaiter,
  type RetryEvent,
  type StatusEvent,
  WaiterAbortError,
  WaiterTimeoutError,
  waitForOperation,
} from '../../src/index.js';
import { toSdkOperation } from '../../src/simulator/index.js';
import {
  createInstance,
  fast,
  getOperationRequests,
  LONGER_THAN_ANY_DELAY_MS,
  nth,
  operationsOf,
  quietPeriod,
  recordSends,
  setup,
  TIME_SCALE,
} from './helpers.js';

/** A simulated duration that makes the operation finish after `ms` of real time. */
const lasting = (ms: number): number => ms * TIME_SCALE;

describe('waitForOperation: success', () => {
  it('resolves Succeeded on a CreateInstances operation, reports Started → Succeeded, and leaves the instance running', async () => {
    const { client } = await setup();
    const operation = await createInstance(client, 'web-1');
    // The client's default poller (10 requests per second) paces this one.
    const waiter = new OperationWaiter(client, operation, { minDelayMs: 5, maxDelayMs: 50 });
    const statuses: StatusEvent[] = [];
    waiter.on('status', (event) => statuses.push(event));

    const final = await waiter.wait();

    expect(final).toMatchObject({
      id: operation.id,
      operationType: 'CreateInstance',
      resourceName: 'web-1',
      status: 'Succeeded',
      isTerminal: true,
    });
    expect(statuses.map(({ previous, current }) => [previous, current])).toEqual([
      [undefined, 'Started'],
      ['Started', 'Succeeded'],
    ]);
    expect(statuses.every((event) => event.operationId === operation.id)).toBe(true);
    const { instance } = await client.send(new GetInstanceCommand({ instanceName: 'web-1' }));
    expect(instance?.state?.name).toBe('running');
  });

  it('settles an operation object that is already Succeeded without any GetOperation request', async () => {
    const { sim, client } = await setup();
    const allocated = nth(operationsOf(await client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' })), 1), 0);
    expect(allocated.status).toBe('Succeeded');

    const final = await waitForOperation(client, allocated, fast());

    expect(final).toBe(allocated);
    expect(getOperationRequests(sim)).toEqual([]);
  });

  it.each(['Succeeded', 'Completed'] as const)('resolves when the operation ends %s', async (finalStatus) => {
    const { sim, client } = await setup();
    const created = sim.createOperation({ status: 'Started', durationMs: lasting(20), finalStatus });

    const final = await waitForOperation(client, created.id, fast());

    expect(final).toMatchObject({ id: created.id, status: finalStatus, isTerminal: true });
  });

  it('accepts an operation converted with toSdkOperation and polls it to the end', async () => {
    const { client, sim } = await setup();
    const created = sim.createOperation({ status: 'NotStarted', durationMs: lasting(20) });
    expect(created.status).toBe('NotStarted');

    const final = await waitForOperation(client, toSdkOperation(created), fast());

    expect(final.status).toBe('Succeeded');
    expect(getOperationRequests(sim).length).toBeGreaterThan(0);
  });
});

describe('waitForOperation: failure', () => {
  it('rejects with an OperationFailedError carrying errorCode and errorDetails, both in the message', async () => {
    const { sim, client } = await setup();
    sim.failOperations(
      { operationType: 'CreateInstance' },
      { errorCode: 'NoAvailableCapacity', errorDetails: 'No capacity in us-east-1a.' },
    );
    const operation = await createInstance(client, 'web-1');

    const error: unknown = await waitForOperation(client, operation, fast()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error).toMatchObject({
      name: 'OperationFailedError',
      operationId: operation.id,
      errorCode: 'NoAvailableCapacity',
      errorDetails: 'No capacity in us-east-1a.',
      status: 'Failed',
      operation: { id: operation.id, status: 'Failed' },
    });
    expect((error as Error).message).toContain('NoAvailableCapacity');
    expect((error as Error).message).toContain('No capacity in us-east-1a.');
  });
});

describe('waitForOperation: timeout', () => {
  it('rejects with a TimeoutError carrying the last observed operation, and sends no request after the deadline', async () => {
    const { sim, client } = await setup();
    const sends = recordSends(client, 'GetOperationCommand');
    const created = sim.createOperation({ status: 'Started', durationMs: Infinity });
    const timeoutMs = 300;
    const deadline = performance.now() + timeoutMs;

    const error: unknown = await waitForOperation(client, created.id, fast({ timeoutMs })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WaiterTimeoutError);
    expect(error).toMatchObject({
      name: 'TimeoutError',
      operationId: created.id,
      timeoutMs,
      operation: { id: created.id, status: 'Started' },
    });
    expect((error as WaiterTimeoutError).attempts).toBeGreaterThan(1);
    const sentBeforeRejection = sends.length;
    await quietPeriod(LONGER_THAN_ANY_DELAY_MS);
    expect(sends).toHaveLength(sentBeforeRejection);
    expect(sends.every((time) => time < deadline)).toBe(true);
    // The simulator saw no request but those (one in flight at the deadline may never arrive).
    expect(getOperationRequests(sim).length).toBeLessThanOrEqual(sends.length);
  });
});

describe('waitForOperation: abort', () => {
  it('rejects with an AbortError at once when aborted between polls, and polls no more', async () => {
    const { sim, client } = await setup();
    const created = sim.createOperation({ status: 'Started', durationMs: Infinity });
    const controller = new AbortController();
    const waiter = new OperationWaiter(client, created.id, fast({ signal: controller.signal }));
    const settled = waiter.wait().catch((e: unknown) => e);
    await new Promise((resolve) => waiter.once('poll', resolve));

    const sent = getOperationRequests(sim).length;
    const abortedAt = performance.now();
    controller.abort(new Error('user pressed Ctrl-C'));
    const error = await settled;

    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(error).toBeInstanceOf(WaiterAbortError);
    expect(error).toMatchObject({ name: 'AbortError', operationId: created.id, operation: { status: 'Started' } });
    expect((error as Error).message).toContain('user pressed Ctrl-C');
    await quietPeriod(LONGER_THAN_ANY_DELAY_MS);
    expect(getOperationRequests(sim)).toHaveLength(sent);
  });

  it('rejects with an AbortError at once when aborted while a GetOperation is in flight', async () => {
    const { sim, client } = await setup();
    const created = sim.createOperation({ status: 'Started', durationMs: Infinity });
    sim.injectFault({ kind: 'delay', action: 'GetOperation', delayMs: 10_000 });
    const controller = new AbortController();
    const settled = waitForOperation(client, created.id, fast({ signal: controller.signal })).catch((e: unknown) => e);
    // The fault is used up once the request has reached the simulator.
    while (sim.pendingFaults.length > 0) await new Promise((resolve) => setImmediate(resolve));

    const abortedAt = performance.now();
    controller.abort();
    const error = await settled;

    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(error).toBeInstanceOf(WaiterAbortError);
    expect(error).toMatchObject({ name: 'AbortError', operationId: created.id, operation: undefined });
  });

  it('rejects with an AbortError and sends no request at all when the signal is already aborted', async () => {
    const { sim, client } = await setup();
    const created = sim.createOperation({ status: 'Started', durationMs: Infinity });

    const error: unknown = await waitForOperation(client, created.id, fast({ signal: AbortSignal.abort() })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WaiterAbortError);
    expect(error).toMatchObject({ name: 'AbortError', operationId: created.id });
    expect(sim.requests).toEqual([]);
  });
});

describe('waitForOperation: operations not visible yet', () => {
  it.each([
    ['created hidden (notFoundForMs)', 'spec'],
    ['hidden with hideOperation', 'hide'],
  ] as const)('resolves on an operation %s for less than notFoundGraceMs', async (_, how) => {
    // The simulator runs on a hand-moved clock, so the operation stays hidden until the test says.
    let now = Date.now();
    const { sim, client } = await setup({ simulator: { timeScale: 1, now: () => now } });
    const created = sim.createOperation({ status: 'Started', durationMs: 1_000, ...(how === 'spec' ? { notFoundForMs: 5_000 } : {}) });
    if (how === 'hide') sim.hideOperation(created.id, 5_000);
    const waiter = new OperationWaiter(client, created.id, fast({ notFoundGraceMs: 10_000, retries: 1_000 }));
    const retries: RetryEvent[] = [];
    waiter.on('retry', (event) => retries.push(event));
    const final = waiter.wait();

    await new Promise((resolve) => waiter.once('retry', resolve));
    now += 5_000;

    expect(await final).toMatchObject({ id: created.id, status: 'Succeeded' });
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((event) => (event.error as Error).name === 'NotFoundException')).toBe(true);
    const requests = getOperationRequests(sim);
    expect(requests.slice(0, -1).every((request) => request.error === 'NotFoundException')).toBe(true);
    expect(requests.at(-1)?.status).toBe(200);
  });

  it('rejects an unknown operation id with an OperationRequestError (NotFoundException) once notFoundGraceMs has passed', async () => {
    const { sim, client } = await setup();
    const notFoundGraceMs = 50;
    const startedAt = performance.now();

    const error: unknown = await waitForOperation(client, 'no-such-operation', fast({ notFoundGraceMs, retries: 1_000 })).catch(
      (e: unknown) => e,
    );

    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(notFoundGraceMs);
    expect(error).toBeInstanceOf(OperationRequestError);
    expect(error).toMatchObject({
      operationId: 'no-such-operation',
      errorName: 'NotFoundException',
      httpStatusCode: 404,
      retriesExhausted: false,
    });
    const requests = getOperationRequests(sim);
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.every((request) => request.error === 'NotFoundException')).toBe(true);
  });

  it('rejects an unknown operation id after exactly one request when notFoundGraceMs is 0', async () => {
    const { sim, client } = await setup();

    const error: unknown = await waitForOperation(client, 'no-such-operation', fast({ notFoundGraceMs: 0 })).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'OperationRequestError', errorName: 'NotFoundException' });
    expect(getOperationRequests(sim)).toHaveLength(1);
  });
});
