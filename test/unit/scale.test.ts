import type { GetOperationCommand } from '@aws-sdk/client-lightsail';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OperationsWaiter, Poller } from '../../src/index.js';
import { op } from '../helpers/stub-client.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('scale', () => {
  it('waits on 1,000 operations in one process, each polled until it succeeds, under the cap', async () => {
    vi.useFakeTimers();
    const seen = new Map<string, number>();
    let calls = 0;
    const client = {
      async send(command: GetOperationCommand) {
        calls += 1;
        const id = command.input.operationId as string;
        const n = (seen.get(id) ?? 0) + 1;
        seen.set(id, n);
        return { operation: op(n >= 2 ? 'Succeeded' : 'Started', { id }), $metadata: {} };
      },
    };
    const ids = Array.from({ length: 1_000 }, (_, i) => `op-${i}`);
    const poller = new Poller({ maxRequestsPerSecond: 1000 });
    const waiter = new OperationsWaiter(client, ids, { poller, minDelayMs: 1000, useGetOperations: false });
    let done = false;
    const promise = waiter.wait().finally(() => (done = true));
    while (!done) await vi.advanceTimersByTimeAsync(1000);
    const operations = await promise;
    expect(operations).toHaveLength(1_000);
    expect(operations.every((o) => o.status === 'Succeeded')).toBe(true);
    expect(calls).toBe(2_000);
    expect(waiter.progress).toEqual({ total: 1_000, succeeded: 1_000, failed: 0, pending: 0 });
    expect(vi.getTimerCount()).toBe(0);
  }, 60_000);
});
