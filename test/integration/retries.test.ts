// How the waiter meets failing GetOperation requests over real HTTP: transient faults are retried,
// the others fail fast, and the SDK's own retries stack underneath.
import { AccessDeniedException, InvalidInputException, UnauthenticatedException } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { OperationRequestError, OperationWaiter, type RetryEvent } from '../../src/index.js';
import type { FaultKind } from '../../src/simulator/index.js';
import { fast, getOperationRequests, setup, TIME_SCALE } from './helpers.js';

/** A waiter on an operation that succeeds 20 ms after it is created, collecting its retry events. */
async function waiterOn(fixture: Awaited<ReturnType<typeof setup>>, options = fast()) {
  const created = fixture.sim.createOperation({ status: 'Started', durationMs: 20 * TIME_SCALE });
  const waiter = new OperationWaiter(fixture.client, created.id, options);
  const retries: RetryEvent[] = [];
  waiter.on('retry', (event) => retries.push(event));
  return { created, waiter, retries };
}

describe('transient GetOperation failures', () => {
  it('resolves through three ThrottlingExceptions, firing three retry events', async () => {
    const fixture = await setup();
    const { sim } = fixture;
    const { created, waiter, retries } = await waiterOn(fixture);
    sim.injectFault({ kind: 'ThrottlingException', action: 'GetOperation', times: 3 });

    const final = await waiter.wait();

    expect(final).toMatchObject({ id: created.id, status: 'Succeeded' });
    expect(retries.map(({ operationId, attempt, error }) => [operationId, attempt, (error as Error).name])).toEqual([
      [created.id, 1, 'ThrottlingException'],
      [created.id, 2, 'ThrottlingException'],
      [created.id, 3, 'ThrottlingException'],
    ]);
    expect(
      getOperationRequests(sim)
        .slice(0, 4)
        .map((request) => request.error),
    ).toEqual(['ThrottlingException', 'ThrottlingException', 'ThrottlingException', undefined]);
  });

  it.each<[FaultKind, string, Record<string, unknown>]>([
    ['http500', 'HTTP 500 InternalFailure', { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } }],
    ['http503', 'HTTP 503 ServiceUnavailable', { name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } }],
    ['ServiceException', 'HTTP 500 ServiceException', { name: 'ServiceException', $metadata: { httpStatusCode: 500 } }],
    // The SDK's Node handler reports a reset socket as a TimeoutError with code ECONNRESET.
    ['reset', 'connection reset', { code: 'ECONNRESET', message: 'socket hang up' }],
  ])('retries a %s fault (%s) and resolves', async (kind, _, expectedError) => {
    const fixture = await setup();
    const { created, waiter, retries } = await waiterOn(fixture);
    fixture.sim.injectFault({ kind, action: 'GetOperation', times: 2 });

    const final = await waiter.wait();

    expect(final).toMatchObject({ id: created.id, status: 'Succeeded' });
    expect(retries.map((event) => event.attempt)).toEqual([1, 2]);
    for (const { error } of retries) expect(error).toMatchObject(expectedError);
    expect(getOperationRequests(fixture.sim).filter((request) => request.fault === kind)).toHaveLength(2);
  });

  it('rejects with an OperationRequestError marked retriesExhausted when a fault outlasts `retries`', async () => {
    const fixture = await setup();
    const { created, waiter, retries } = await waiterOn(fixture, fast({ retries: 2 }));
    fixture.sim.injectFault({ kind: 'http500', action: 'GetOperation', times: Infinity });

    const error: unknown = await waiter.wait().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OperationRequestError);
    expect(error).toMatchObject({ operationId: created.id, errorName: 'InternalFailure', httpStatusCode: 500, retriesExhausted: true });
    expect(retries).toHaveLength(2);
    expect(getOperationRequests(fixture.sim)).toHaveLength(3);
  });

  it('lets the SDK retry a 503 itself when the client keeps its default retries, so the waiter sees no failure', async () => {
    const fixture = await setup({ sdkRetries: true });
    const { created, waiter, retries } = await waiterOn(fixture);
    fixture.sim.injectFault({ kind: 'http503', action: 'GetOperation', times: 1 });

    const final = await waiter.wait();

    expect(final).toMatchObject({ id: created.id, status: 'Succeeded' });
    expect(retries).toEqual([]);
    expect(
      getOperationRequests(fixture.sim)
        .slice(0, 2)
        .map((request) => request.status),
    ).toEqual([503, 200]);
  });
});

describe('GetOperation failures waiting will not fix', () => {
  it.each([
    ['AccessDeniedException', AccessDeniedException, 403],
    ['UnauthenticatedException', UnauthenticatedException, 401],
    ['InvalidInputException', InvalidInputException, 400],
  ] as const)('rejects at once on %s, after exactly one request, with the SDK exception as cause', async (kind, ExceptionClass, status) => {
    const fixture = await setup();
    const { created, waiter, retries } = await waiterOn(fixture);
    fixture.sim.injectFault({ kind, action: 'GetOperation', times: Infinity });

    const error: unknown = await waiter.wait().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OperationRequestError);
    expect(error).toMatchObject({
      operationId: created.id,
      errorName: kind,
      httpStatusCode: status,
      retriesExhausted: false,
      operation: undefined,
    });
    expect((error as OperationRequestError).cause).toBeInstanceOf(ExceptionClass);
    expect((error as OperationRequestError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect((error as Error).message).toContain(kind);
    expect(retries).toEqual([]);
    expect(getOperationRequests(fixture.sim)).toHaveLength(1);
  });

  it('fails at once even with the SDK default retries on, since the SDK does not retry access denied either', async () => {
    const fixture = await setup({ sdkRetries: true });
    const { waiter } = await waiterOn(fixture);
    fixture.sim.injectFault({ kind: 'AccessDeniedException', action: 'GetOperation', times: Infinity });

    const error: unknown = await waiter.wait().catch((e: unknown) => e);

    expect((error as OperationRequestError).cause).toBeInstanceOf(AccessDeniedException);
    expect(getOperationRequests(fixture.sim)).toHaveLength(1);
  });
});
