import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ResourceFailedError,
  WaiterAbortError,
  waitUntilCertificateIssued,
  waitUntilDiskAvailable,
  waitUntilInstanceDeleted,
  waitUntilInstanceRunning,
  waitUntilRelationalDatabaseAvailable,
} from '../../../src/index.js';
import { awsError, noSend, stubSender } from '../../helpers/stub-sender.js';

const instance = (state: string, publicIpAddress?: string) => ({
  instance: { name: 'web-1', state: { name: state }, ...(publicIpAddress ? { publicIpAddress } : {}) },
  $metadata: { httpStatusCode: 200 },
});

// The SDK shape takes no clock: the system clock runs on vitest's fake timers and a fixed Math.random.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('SDK-shaped resource waiters', () => {
  it('resolve with SUCCESS, the last output as reason, and the states seen keyed like the SDK', async () => {
    const running = instance('running', '203.0.113.7');
    const client = stubSender(instance('pending'), instance('pending'), instance('running'), running);
    const promise = waitUntilInstanceRunning({ client, maxWaitTime: 600, minDelay: 1, maxDelay: 1 }, { instanceName: 'web-1' });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await promise).toEqual({
      state: 'SUCCESS',
      reason: running,
      observedResponses: { '200: pending': 2, '200: running': 2 },
    });
  });

  it('turn seconds into milliseconds: polls 2 s apart with minDelay = maxDelay = 2', async () => {
    const client = stubSender({ disk: { state: 'pending' } }, { disk: { state: 'available' } });
    const promise = waitUntilDiskAvailable({ client, maxWaitTime: 60, minDelay: 2, maxDelay: 2 }, { diskName: 'data-1' });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(client.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(client.calls.map((c) => [c.name, c.input])).toEqual([
      ['GetDiskCommand', { diskName: 'data-1' }],
      ['GetDiskCommand', { diskName: 'data-1' }],
    ]);
    await promise;
  });

  it('time out after maxWaitTime seconds with a TimeoutError carrying timeoutMs', async () => {
    const client = stubSender({ relationalDatabase: { state: 'creating' } });
    const outcome = waitUntilRelationalDatabaseAvailable({ client, maxWaitTime: 5 }, { relationalDatabaseName: 'db-1' }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await outcome).toMatchObject({ name: 'TimeoutError', timeoutMs: 5_000, waiter: 'database-available', state: 'creating' });
  });

  it('reject a failure state with a ResourceFailedError', async () => {
    const client = stubSender({ certificates: [{ certificateName: 'c-1', certificateDetail: { name: 'c-1', status: 'FAILED' } }] });
    await expect(waitUntilCertificateIssued({ client, maxWaitTime: 60 }, { certificateName: 'c-1' })).rejects.toBeInstanceOf(
      ResourceFailedError,
    );
  });

  it('resolve a deletion with the not-found error as reason, after counting the states seen before it', async () => {
    const shuttingDown = instance('shutting-down');
    const notFound = awsError('NotFoundException');
    const client = stubSender(shuttingDown, notFound);
    const promise = waitUntilInstanceDeleted({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { instanceName: 'web-1' });
    await vi.advanceTimersByTimeAsync(1_000);
    const result = await promise;
    expect(result.state).toBe('SUCCESS');
    expect(result.observedResponses).toEqual({ '200: shutting-down': 1 });
    expect(result.reason).toBe(notFound);
  });

  it('resolve a deletion with the not-found error as reason, as the SDK waiters do', async () => {
    const notFound = awsError('NotFoundException');
    const result = await waitUntilInstanceDeleted({ client: stubSender(notFound), maxWaitTime: 60 }, { instanceName: 'web-1' });
    expect(result.reason).toBe(notFound);
  });
});

describe('SDK-shaped arguments are checked before any request, naming what the caller wrote', () => {
  it.each([
    [{ maxWaitTime: undefined }, TypeError, 'Expected `maxWaitTime` to be a finite number > 0 and <= 2147483.647, got `undefined`'],
    [{ maxWaitTime: 0 }, RangeError, 'Expected `maxWaitTime` to be a finite number > 0 and <= 2147483.647, got `0` (number)'],
    [{ maxWaitTime: '60' }, TypeError, 'Expected `maxWaitTime` to be a finite number > 0 and <= 2147483.647, got `"60"` (string)'],
    [{ maxWaitTime: 60, minDelay: 0 }, RangeError, 'Expected `minDelay` to be a finite number > 0 and <= 2147483.647, got `0` (number)'],
    [{ maxWaitTime: 60, maxDelay: -1 }, RangeError, 'Expected `maxDelay` to be a finite number > 0 and <= 2147483.647, got `-1` (number)'],
    [{ maxWaitTime: 60, minDelay: 10, maxDelay: 5 }, RangeError, 'Expected `maxDelay` (5) to be >= `minDelay` (10)'],
  ])('%o', async (config, kind, message) => {
    const attempt = waitUntilInstanceRunning({ client: noSend, ...config } as never, { instanceName: 'web-1' });
    await expect(attempt).rejects.toThrow(kind);
    await expect(attempt).rejects.toThrow(message);
  });

  it('rejects a bad input the same way', async () => {
    await expect(waitUntilInstanceRunning({ client: noSend, maxWaitTime: 60 }, { instanceName: 'web 1' })).rejects.toThrow(
      '`instanceName`',
    );
  });

  it('lets a maxDelay below the default minDelay (1 s) bring the minimum down with it', async () => {
    const client = stubSender({ instance: { state: { name: 'running' }, publicIpAddress: '198.51.100.1' } });
    await expect(waitUntilInstanceRunning({ client, maxWaitTime: 60, maxDelay: 0.5 }, { instanceName: 'web-1' })).resolves.toMatchObject({
      state: 'SUCCESS',
    });
  });

  it('names maxWaitTime, not timeoutMs, for a wait longer than a timer can hold (30 days)', async () => {
    await expect(waitUntilInstanceRunning({ client: noSend, maxWaitTime: 30 * 86_400 }, { instanceName: 'web-1' })).rejects.toThrow(
      '`maxWaitTime`',
    );
  });
});

describe('SDK-shaped abort', () => {
  it('sends nothing with an already-aborted legacy signal', async () => {
    const client = stubSender(instance('pending'));
    const legacy = { aborted: true, onabort: null };
    await expect(
      waitUntilInstanceRunning({ client, maxWaitTime: 60, abortSignal: legacy }, { instanceName: 'web-1' }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(client.calls).toHaveLength(0);
  });

  it('stops on a legacy { aborted, onabort } signal, calls its previous handler and puts it back', async () => {
    const previous = vi.fn();
    const legacy = { aborted: false, onabort: previous as ((ev: Event) => unknown) | null };
    const client = stubSender(instance('pending'));
    const outcome = waitUntilInstanceRunning({ client, maxWaitTime: 60, abortSignal: legacy }, { instanceName: 'web-1' }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(legacy.onabort).not.toBe(previous);
    legacy.aborted = true;
    (legacy.onabort as unknown as (ev: Event) => void)(new Event('abort'));
    expect(await outcome).toBeInstanceOf(WaiterAbortError);
    expect(previous).toHaveBeenCalledOnce();
    expect(legacy.onabort).toBe(previous);
  });

  it('puts a null onabort back after a wait that succeeds', async () => {
    const legacy = { aborted: false, onabort: null };
    const client = stubSender({ disk: { state: 'available' } });
    await waitUntilDiskAvailable({ client, maxWaitTime: 60, abortSignal: legacy }, { diskName: 'data-1' });
    expect(legacy.onabort).toBeNull();
  });

  it('honours the deprecated abortController', async () => {
    const controller = new AbortController();
    controller.abort();
    const client = stubSender({ disk: { state: 'available' } });
    await expect(
      waitUntilDiskAvailable({ client, maxWaitTime: 60, abortController: controller }, { diskName: 'data-1' }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(client.calls).toHaveLength(0);
  });
});
