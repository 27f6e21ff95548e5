// The real LightsailClient against an endpoint that misbehaves on purpose: each way a deployment
// script could hang, lie or leak stays fixed.
import { createServer } from 'node:net';
import { LightsailClient } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { isOperationFailedError, isOperationRequestError, isWaiterTimeoutError, Poller, waitForOperation } from '../../src/index.js';
import { hostileServer, json, operation } from './hostile-server.js';

const fast = { minDelayMs: 10, maxDelayMs: 50, poller: new Poller({ maxRequestsPerSecond: 1000 }) };

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );

describe('a hostile endpoint', () => {
  it('never answering the first request costs one request timeout, not the whole wait', async () => {
    const { client, requests } = await hostileServer(({ n }, res) => {
      if (n === 1) return; // never answered
      json(res, 200, operation('op-1', 'Succeeded'));
    });
    const started = Date.now();
    const final = await waitForOperation(client, 'op-1', { ...fast, timeoutMs: 40_000, requestTimeoutMs: 300 });
    expect(final.status).toBe('Succeeded');
    expect(requests()).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('an answer about another operation is a bad response: retried, never taken for ours', async () => {
    const { client, requests } = await hostileServer(({ n }, res) => json(res, 200, operation(n === 1 ? 'other-3' : 'op-1', 'Succeeded')));
    const final = await waitForOperation(client, 'op-1', fast);
    expect(final.id).toBe('op-1');
    expect(requests()).toBe(2);
  });

  it('a malformed body, an empty body and a huge body do not crash the wait', async () => {
    const { client, requests } = await hostileServer(({ n }, res) => {
      if (n === 1) return json(res, 200, '{"operation": {"id": "op-1", "sta');
      if (n === 2) return json(res, 200, '');
      if (n === 3) return json(res, 200, operation('op-1', 'Started', { operationDetails: 'x'.repeat(5_000_000) }));
      json(res, 200, operation('op-1', 'Succeeded'));
    });
    const result = await waitForOperation(client, 'op-1', { ...fast, timeoutMs: 20_000 }).then(
      (op) => op.status,
      (error: Error) => `${error.name}: ${error.message}`,
    );
    expect(result).toBe('Succeeded');
    expect(requests()).toBe(4);
  });

  it('control characters in errorCode and errorDetails reach the error fields byte-exact', async () => {
    const errorCode = 'Bad\u001b[2J\u0007\u009bCode';
    const errorDetails = 'line\r\nwith\u0000NUL and \u202Ebidi';
    const { client } = await hostileServer((_, res) => json(res, 200, operation('op-1', 'Failed', { errorCode, errorDetails })));
    const error = await rejection(waitForOperation(client, 'op-1', fast));
    expect(isOperationFailedError(error)).toBe(true);
    expect(error).toMatchObject({ errorCode, errorDetails });
  });

  it('endless 500s end in a timeout that says every request failed, with the last error as cause', async () => {
    const { client } = await hostileServer((_, res) => json(res, 500, { __type: 'ServiceException', message: 'boom' }));
    const error = await rejection(waitForOperation(client, 'op-1', { ...fast, timeoutMs: 2_500, retries: Number.POSITIVE_INFINITY }));
    expect(isWaiterTimeoutError(error)).toBe(true);
    expect((error as Error).message).toMatch(/; every request in the last \d+ s failed: ServiceException: boom$/);
    expect((error as Error).cause).toMatchObject({ name: 'ServiceException' });
  });

  it('a port where nothing listens fails fast, once unreachableTimeoutMs has passed, naming ECONNREFUSED', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = new LightsailClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 't', secretAccessKey: 't' },
      maxAttempts: 1,
    });
    try {
      const started = Date.now();
      const error = await rejection(
        waitForOperation(client, 'op-1', { ...fast, timeoutMs: 60_000, retries: Number.POSITIVE_INFINITY, unreachableTimeoutMs: 300 }),
      );
      expect(isOperationRequestError(error)).toBe(true);
      expect(error).toMatchObject({ errorName: 'ECONNREFUSED', retriesExhausted: false });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      client.destroy();
    }
  });
});
