// waitUntilOperationSucceeded, the SDK-shaped waiter (durations in seconds), over real HTTP.
import { describe, expect, it } from 'vitest';
import { OperationFailedError, WaiterTimeoutError, waitUntilOperationSucceeded } from '../../src/index.js';
import { getOperationRequests, setup, TIME_SCALE } from './helpers.js';

describe('waitUntilOperationSucceeded over real HTTP', () => {
  it('resolves { state: SUCCESS } with the final operation and a count of each observed status', async () => {
    const { sim, client } = await setup();
    const created = sim.createOperation({ status: 'Started', durationMs: 50 * TIME_SCALE });

    const result = await waitUntilOperationSucceeded(
      { client, maxWaitTime: 5, minDelay: 0.01, maxDelay: 0.05 },
      { operationId: created.id },
    );

    expect(result.state).toBe('SUCCESS');
    expect(result.reason.operation).toMatchObject({ id: created.id, status: 'Succeeded' });
    expect(result.observedResponses['200: Succeeded']).toBe(1);
    const observed = Object.values(result.observedResponses).reduce((sum, n) => sum + n, 0);
    expect(observed).toBe(getOperationRequests(sim).length);
  });

  it('rejects with an OperationFailedError when the operation fails', async () => {
    const { sim, client } = await setup();
    const created = sim.createOperation({
      status: 'Started',
      durationMs: 20 * TIME_SCALE,
      finalStatus: 'Failed',
      errorCode: 'InternalError',
    });

    const waiting = waitUntilOperationSucceeded({ client, maxWaitTime: 5, minDelay: 0.01, maxDelay: 0.05 }, { operationId: created.id });

    await expect(waiting).rejects.toBeInstanceOf(OperationFailedError);
    await expect(waiting).rejects.toMatchObject({ errorCode: 'InternalError' });
  });

  it('rejects with a TimeoutError when maxWaitTime runs out', async () => {
    const { sim, client } = await setup();
    const created = sim.createOperation({ status: 'Started', durationMs: Infinity });

    const waiting = waitUntilOperationSucceeded({ client, maxWaitTime: 0.2, minDelay: 0.01, maxDelay: 0.05 }, { operationId: created.id });

    await expect(waiting).rejects.toBeInstanceOf(WaiterTimeoutError);
    await expect(waiting).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 200 });
  });
});
