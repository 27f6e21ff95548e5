import type { GetOperationCommand, GetOperationsForResourceCommand, Operation } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import {
  isWaiterAbortError,
  OperationsAbortError,
  OperationsFailedError,
  OperationsTimeoutError,
  type ResourceClientLike,
  ResourceRequestError,
  waitForResource,
} from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, sdkError } from '../helpers/stub-client.js';

type Page = { operations: Operation[]; nextPageToken?: string } | Error;

/** A client that answers listings from `pages` (one a call, the last repeating) and GetOperation from `states`. */
function resourceClient(pages: Page[], states: Record<string, Operation[]> = {}) {
  const calls: string[] = [];
  const client = {
    calls,
    async send(command: GetOperationsForResourceCommand | GetOperationCommand) {
      if ('resourceName' in command.input) {
        calls.push(`list:${command.input.resourceName}:${command.input.pageToken ?? ''}`);
        const page = pages.length > 1 ? pages.shift() : pages[0];
        if (page instanceof Error) throw page;
        return { ...page, $metadata: {} };
      }
      const id = command.input.operationId as string;
      calls.push(`get:${id}`);
      const queue = states[id] ?? [];
      const operation = queue.length > 1 ? queue.shift() : queue[0];
      return { operation: { ...operation, id }, $metadata: {} };
    },
  };
  return client as typeof client & ResourceClientLike;
}

describe('waitForResource', () => {
  it('resolves [] after one listing when nothing is pending', async () => {
    const client = resourceClient([{ operations: [op('Succeeded', { id: 'old' })] }]);
    await expect(waitForResource(client, 'web-1', { clock: new FakeClock() })).resolves.toEqual([]);
    expect(client.calls).toEqual(['list:web-1:']);
  });

  it('follows nextPageToken, waits on every pending operation, and lists again before resolving', async () => {
    const clock = new FakeClock();
    const client = resourceClient(
      [
        { operations: [op('Started', { id: 'a' })], nextPageToken: 'p2' },
        { operations: [op('Succeeded', { id: 'old' }), op('NotStarted', { id: 'b' })] },
        { operations: [op('Succeeded', { id: 'a' }), op('Succeeded', { id: 'b' })] },
      ],
      { a: [op('Started'), op('Succeeded')], b: [op('Succeeded')] },
    );
    const { value } = await clock.run(waitForResource(client, 'web-1', { clock, maxRequestsPerSecond: 100 }));
    expect(value?.map((o) => [o.id, o.status])).toEqual([
      ['a', 'Succeeded'],
      ['b', 'Succeeded'],
    ]);
    expect(client.calls.filter((c) => c.startsWith('list'))).toEqual(['list:web-1:', 'list:web-1:p2', 'list:web-1:']);
  });

  it('stops paging when a page token comes back, rather than listing the same pages until the timeout', async () => {
    const clock = new FakeClock();
    // Every page answers the same token: the first page, then its repeat, and that is all.
    const client = resourceClient([{ operations: [op('Succeeded', { id: 'old' })], nextPageToken: 'p2' }]);
    const { value } = await clock.run(waitForResource(client, 'web-1', { clock }));
    expect(value).toEqual([]);
    expect(client.calls).toEqual(['list:web-1:', 'list:web-1:p2']);
  });

  it('picks up an operation that started on the resource while it waited', async () => {
    const clock = new FakeClock();
    const client = resourceClient(
      [
        { operations: [op('Started', { id: 'a' })] },
        { operations: [op('Started', { id: 'c' }), op('Succeeded', { id: 'a' })] },
        { operations: [] },
      ],
      { a: [op('Succeeded')], c: [op('Succeeded')] },
    );
    const { value } = await clock.run(waitForResource(client, 'web-1', { clock }));
    expect(value?.map((o) => o.id)).toEqual(['a', 'c']);
  });

  it("reports the caller's timeoutMs when a later round's operations run out of time, with every operation waited on", async () => {
    const clock = new FakeClock();
    const client = resourceClient(
      [{ operations: [op('Started', { id: 'a' })] }, { operations: [op('Started', { id: 'c' }), op('Succeeded', { id: 'a' })] }],
      { a: [op('Started'), op('Succeeded')], c: [op('Started')] },
    );
    const { error } = await clock.run(waitForResource(client, 'web-1', { clock, timeoutMs: 60_000 }));
    expect(error).toBeInstanceOf(OperationsTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 60_000, message: 'Timed out after 60000 ms: 1 of 2 Lightsail operations still not finished' });
    expect((error as OperationsTimeoutError).results.map((r) => `${r.operationId}: ${r.outcome}`)).toEqual(['a: succeeded', 'c: timeout']);
  });

  it('rejects an abort while a later round waits with OperationsAbortError, with every operation waited on', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const client = resourceClient(
      [{ operations: [op('Started', { id: 'a' })] }, { operations: [op('Started', { id: 'c' }), op('Succeeded', { id: 'a' })] }],
      { a: [op('Started'), op('Succeeded')], c: [op('Started')] },
    );
    const outcome = waitForResource(client, 'web-1', { clock, signal: controller.signal }).catch((e: unknown) => e);
    await clock.advance(120_000);
    controller.abort(new Error('Ctrl-C'));
    const error = await outcome;
    expect(error).toBeInstanceOf(OperationsAbortError);
    expect(isWaiterAbortError(error)).toBe(true);
    expect((error as OperationsAbortError).results.map((r) => `${r.operationId}: ${r.outcome}`)).toEqual(['a: succeeded', 'c: aborted']);
    // The waits are stopped in the macrotask after the outcome.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(clock.pendingTimers).toBe(0);
  });

  it("reports the caller's timeoutMs when a later listing runs out of time", async () => {
    const clock = new FakeClock();
    const client = resourceClient([{ operations: [op('Started', { id: 'a' })] }], { a: [op('Started'), op('Succeeded')] });
    // The second listing never answers, until its signal aborts.
    const send = client.send.bind(client);
    let listings = 0;
    client.send = (async (command: GetOperationsForResourceCommand | GetOperationCommand, options?: { abortSignal?: AbortSignal }) => {
      if ('resourceName' in command.input && ++listings > 1) {
        return new Promise((_, reject) => options?.abortSignal?.addEventListener('abort', () => reject(options.abortSignal?.reason)));
      }
      return send(command);
    }) as typeof client.send;
    const { error } = await clock.run(waitForResource(client, 'web-1', { clock, timeoutMs: 60_000, requestTimeoutMs: 120_000 }));
    expect(error).toMatchObject({
      name: 'TimeoutError',
      timeoutMs: 60_000,
      message: 'Timed out after 60000 ms waiting for the operations of Lightsail resource web-1',
    });
    expect(clock.time).toBe(60_000);
  });

  it('rejects at once with ResourceRequestError for an unknown resource', async () => {
    const client = resourceClient([sdkError('NotFoundException')]);
    const error = await waitForResource(client, 'nope', { clock: new FakeClock() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceRequestError);
    expect(error).toMatchObject({ resourceName: 'nope', errorName: 'NotFoundException' });
    expect((error as Error).message).toContain('Lightsail resource nope does not exist');
    expect(client.calls).toHaveLength(1);
  });

  it('rejects with OperationsFailedError when a pending operation fails', async () => {
    const clock = new FakeClock();
    const client = resourceClient([{ operations: [op('Started', { id: 'a' })] }], { a: [op('Failed', { errorCode: 'E' })] });
    const { error } = await clock.run(waitForResource(client, 'web-1', { clock }));
    expect(error).toBeInstanceOf(OperationsFailedError);
    expect((error as OperationsFailedError).results[0]).toMatchObject({ operationId: 'a', outcome: 'failed' });
  });

  it('retries a throttled listing', async () => {
    const clock = new FakeClock();
    const client = resourceClient([sdkError('ThrottlingException'), { operations: [] }]);
    const { value } = await clock.run(waitForResource(client, 'web-1', { clock }));
    expect(value).toEqual([]);
    expect(client.calls).toHaveLength(2);
  });

  it('rejects with an AbortError and sends nothing when the signal is already aborted', async () => {
    const client = resourceClient([{ operations: [] }]);
    await expect(waitForResource(client, 'web-1', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.calls).toHaveLength(0);
  });

  it.each([
    ['', 'Expected `resourceName` to be a Lightsail resource name (letters, digits, _ and -), got `""` (string)'],
    ['-bad', 'got `"-bad"` (string)'],
    [42, 'got `42` (number)'],
  ])('refuses the resource name %j before any request', async (name, message) => {
    const client = resourceClient([{ operations: [] }]);
    await expect(waitForResource(client, name as never)).rejects.toThrow(message);
    expect(client.calls).toHaveLength(0);
  });

  it.each([
    [{ failFast: 'yes' }, 'Expected `failFast` to be a boolean, got `"yes"` (string)'],
    [{ useGetOperations: 'no' }, 'Expected `useGetOperations` to be a boolean, got `"no"` (string)'],
  ])('refuses %j before any request', async (options, message) => {
    const client = resourceClient([{ operations: [] }]);
    await expect(waitForResource(client, 'web-1', options as never)).rejects.toThrow(message);
    expect(client.calls).toHaveLength(0);
  });
});
