import { LightsailClient } from '@aws-sdk/client-lightsail';
import type { WaiterConfiguration as SmithyWaiterConfiguration } from '@smithy/types';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  OperationFailedError,
  WaiterAbortError,
  type WaiterConfiguration,
  type WaiterResult,
  waitUntilOperationSucceeded,
} from '../../src/index.js';
import { op, stubClient } from '../helpers/stub-client.js';

describe('waitUntilOperationSucceeded (the SDK waiter shape)', () => {
  it('accepts the SDK’s own WaiterConfiguration<LightsailClient>', () => {
    const sdkParams = {
      client: new LightsailClient({ region: 'us-east-1' }),
      maxWaitTime: 60,
    } as SmithyWaiterConfiguration<LightsailClient>;
    const ours: WaiterConfiguration<LightsailClient> = sdkParams;
    expectTypeOf(waitUntilOperationSucceeded).toBeCallableWith(ours, { operationId: 'op-1' });
    expectTypeOf(waitUntilOperationSucceeded).toBeCallableWith(sdkParams, { operationId: 'op-1' });
    expectTypeOf(waitUntilOperationSucceeded).returns.resolves.toEqualTypeOf<WaiterResult>();
  });

  it('resolves with state SUCCESS, the last output as reason, and observed responses', async () => {
    vi.useFakeTimers();
    try {
      const client = stubClient(op('Started'), op('Started'), op('Succeeded'));
      const promise = waitUntilOperationSucceeded({ client, maxWaitTime: 60, minDelay: 2, maxDelay: 2 }, { operationId: 'op-1' });
      await vi.advanceTimersByTimeAsync(4_000);
      const result = await promise;
      expect(result.state).toBe('SUCCESS');
      expect(result.reason.operation.status).toBe('Succeeded');
      expect(result.observedResponses).toEqual({ '200: Started': 2, '200: Succeeded': 1 });
      expect(client.calls).toHaveLength(3);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('turns seconds into the waiter’s milliseconds: polls 2 s apart with minDelay = maxDelay = 2', async () => {
    vi.useFakeTimers();
    try {
      const client = stubClient(op('Started'), op('Succeeded'));
      const promise = waitUntilOperationSucceeded({ client, maxWaitTime: 60, minDelay: 2, maxDelay: 2 }, { operationId: 'op-1' });
      await vi.advanceTimersByTimeAsync(1_999);
      expect(client.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(client.calls).toHaveLength(2);
      await promise;
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with OperationFailedError when the operation fails', async () => {
    const client = stubClient(op('Failed', { errorCode: 'X', errorDetails: 'why' }));
    await expect(waitUntilOperationSucceeded({ client, maxWaitTime: 60 }, { operationId: 'op-1' })).rejects.toBeInstanceOf(
      OperationFailedError,
    );
  });

  it('honours abortSignal and the deprecated abortController', async () => {
    const aborted = AbortSignal.abort();
    const client = stubClient(op('Started'));
    await expect(
      waitUntilOperationSucceeded({ client, maxWaitTime: 60, abortSignal: aborted }, { operationId: 'op-1' }),
    ).rejects.toBeInstanceOf(WaiterAbortError);
    const controller = new AbortController();
    controller.abort();
    await expect(
      waitUntilOperationSucceeded({ client, maxWaitTime: 60, abortController: controller }, { operationId: 'op-1' }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.calls).toHaveLength(0);
  });

  it.each([
    [{ maxWaitTime: 0 }, { operationId: 'op-1' }, 'Expected `maxWaitTime` to be a finite number > 0 and <= 2147483.647, got `0` (number)'],
    [{ maxWaitTime: undefined }, { operationId: 'op-1' }, '`maxWaitTime`'],
    [{ maxWaitTime: 60, minDelay: -1 }, { operationId: 'op-1' }, '`minDelay`'],
    [{ maxWaitTime: 60, minDelay: 10, maxDelay: 5 }, { operationId: 'op-1' }, 'Expected `maxDelay` (5) to be >= `minDelay` (10)'],
    [{ maxWaitTime: 60 }, {}, 'Expected `input.operationId` to be a non-empty operation id, got `undefined`'],
    [{ maxWaitTime: 60 }, null, 'Expected `input` to be `{ operationId }`'],
  ])('rejects bad configuration %j / %j before any request', async (config, input, message) => {
    const client = stubClient(new Error('no request'));
    await expect(waitUntilOperationSucceeded({ client, ...config } as never, input as never)).rejects.toThrow(message);
    expect(client.calls).toHaveLength(0);
  });
});

describe('waitUntilOperationSucceeded with the SDK’s deprecated signal shape', () => {
  it('aborts when a legacy { aborted, onabort } signal fires, keeping its previous handler', async () => {
    vi.useFakeTimers();
    try {
      const previous = vi.fn();
      const legacy = { aborted: false, onabort: previous as ((ev: Event) => unknown) | null };
      const client = stubClient(op('Started'));
      const promise = waitUntilOperationSucceeded({ client, maxWaitTime: 60, abortSignal: legacy }, { operationId: 'op-1' });
      const outcome = promise.catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(100);
      legacy.aborted = true;
      (legacy.onabort as unknown as (ev: Event) => void)(new Event('abort'));
      expect(await outcome).toBeInstanceOf(WaiterAbortError);
      expect(previous).toHaveBeenCalledOnce();
      expect(legacy.onabort).toBe(previous); // the caller's own handler is back
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
