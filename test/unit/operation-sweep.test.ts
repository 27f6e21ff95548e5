/**
 * `waitForOperations` reads many pending operations together with `GetOperations` (the
 * `useGetOperations` option): how many requests a look costs, and every way back to `GetOperation`.
 */
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src/engine/validate.js';
import type { ProbeContext } from '../../src/engine/waiter-definition.js';
import {
  type BackoffStrategy,
  OperationRequestError,
  OperationsFailedError,
  OperationsTimeoutError,
  OperationsWaiter,
  Poller,
  scaledWaitOptions,
} from '../../src/index.js';
import type { Operation } from '../../src/types.js';
import { listEveryMs, OperationSweep } from '../../src/waiters/operation-sweep.js';
import type { WaitManyOptions } from '../../src/waiters/operations.js';
import { FakeClock, flush } from '../helpers/fake-clock.js';
import { type AccountOperation, accountOperations, type ListingOverride, listingClient } from '../helpers/listing-client.js';
import { sdkError } from '../helpers/stub-client.js';

/** A look every 5 s, whatever the operation: the counts below follow from it. */
const every5s: BackoffStrategy = () => 5_000;

/**
 * Waits on the account's operations named `op-…` (the others are someone else's), through a
 * poller of 100 requests a second unless `options` sets its own cap.
 */
function setup(operations: readonly AccountOperation[], options: WaitManyOptions = {}, override?: ListingOverride) {
  const clock = new FakeClock();
  const client = listingClient(operations, clock.now, 200, override);
  const { maxRequestsPerSecond = 100, ...rest } = options;
  const poller = new Poller({ clock, maxRequestsPerSecond });
  const ids = operations.map((o) => o.id).filter((id) => id.startsWith('op-'));
  const waiter = new OperationsWaiter(client, ids, { clock, backoff: every5s, ...rest, poller });
  const lists = () => client.calls.filter((c) => c.action === 'GetOperations');
  const singles = () => client.calls.filter((c) => c.action === 'GetOperation');
  return { clock, client, poller, waiter, lists, singles };
}

describe('useGetOperations', () => {
  it('reads 1,000 operations five pages a look, where GetOperation takes 1,000 requests', async () => {
    const operations = accountOperations(1_000, (i) => (i % 2 === 0 ? 12_000 : 22_000));
    const { clock, waiter, lists, singles } = setup(operations);
    const polls = new Map<string, number>();
    waiter.on('poll', (e) => polls.set(e.operationId, (polls.get(e.operationId) ?? 0) + 1));
    const { value } = await clock.run(waiter.wait());
    expect(value).toHaveLength(1_000);
    expect(value?.every((o) => o.status === 'Succeeded')).toBe(true);
    // Looks at 0, 5, 10, 15, 20 and 25 s, five pages each: the 500 still pending after 15 s
    // are spread over every page.
    expect(lists()).toHaveLength(30);
    expect(
      lists()
        .map((c) => c.pageToken ?? '0')
        .slice(0, 5),
    ).toEqual(['0', '200', '400', '600', '800']);
    expect(singles()).toHaveLength(0);
    // Each wait still saw its operation on its own schedule: 4 looks for those done at 12 s, 6 for 22 s.
    expect(polls.get('op-0')).toBe(4);
    expect(polls.get('op-1')).toBe(6);
    expect(clock.pendingTimers).toBe(0);

    // Uncapped, so that the looks come at the same times.
    const off = setup(operations, { useGetOperations: false, maxRequestsPerSecond: 1e9 });
    await off.clock.run(off.waiter.wait());
    expect(off.lists()).toHaveLength(0);
    expect(off.singles()).toHaveLength(4 * 1_000 + 2 * 500);
  });

  it('stops paging once every pending operation was listed', async () => {
    const ours = accountOperations(10, () => 7_000, 'op', 1_000);
    const older = accountOperations(500, () => 0, 'old', 0);
    const { clock, waiter, lists, singles } = setup([...ours, ...older]);
    await clock.run(waiter.wait());
    // Looks at 0, 5 and 10 s: the first page (newest first) lists all ten, so one page a look.
    expect(lists()).toHaveLength(3);
    expect(lists().every((c) => c.pageToken === undefined)).toBe(true);
    expect(singles()).toHaveLength(0);
  });

  it('reads an operation no page lists yet with its own GetOperation', async () => {
    const operations = accountOperations(10, () => 7_000).map((o) => (o.id === 'op-3' ? { ...o, hiddenUntil: 3_000 } : o));
    const { clock, waiter, lists, singles } = setup(operations);
    const retries: string[] = [];
    waiter.on('retry', (e) => retries.push(`${e.operationId} ${(e.error as Error).name}`));
    const { value } = await clock.run(waiter.wait());
    expect(value).toHaveLength(10);
    expect(lists().length).toBeGreaterThan(0);
    // Only op-3 was read on its own: not found while hidden (retried), then found.
    expect(new Set(singles().map((c) => c.operationId))).toEqual(new Set(['op-3']));
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((r) => r === 'op-3 NotFoundException')).toBe(true);
  });

  it('uses GetOperation alone once GetOperations is refused, after one request', async () => {
    const operations = accountOperations(10, () => 7_000);
    const { clock, waiter, lists, singles } = setup(operations, {}, () => sdkError('AccessDeniedException', 403));
    const failed: unknown[] = [];
    waiter.on('retry', (e) => failed.push(e.error));
    const { value } = await clock.run(waiter.wait());
    expect(value).toHaveLength(10);
    expect(lists()).toHaveLength(1);
    expect(singles()).toHaveLength(30);
    expect(failed).toEqual([]);
  });

  it.each([
    ['no operations array', {}],
    ['operations that are not a list', { operations: 'nope' }],
  ])('uses GetOperation alone after an answer with %s', async (_, body) => {
    const { clock, waiter, lists, singles } = setup(
      accountOperations(10, () => 7_000),
      {},
      () => body,
    );
    const { value } = await clock.run(waiter.wait());
    expect(value).toHaveLength(10);
    expect(lists()).toHaveLength(1);
    expect(singles()).toHaveLength(30);
  });

  it('counts a throttled page once at the shared poller, and every read it left unanswered retries', async () => {
    const operations = accountOperations(10, () => 7_000);
    const { clock, waiter, poller, lists, singles } = setup(operations, {}, (_, index) =>
      index === 0 ? sdkError('ThrottlingException', 400) : undefined,
    );
    const retries: string[] = [];
    waiter.on('retry', (e) => retries.push(`${e.operationId} ${(e.error as Error).name}`));
    const { value } = await clock.run(waiter.wait());
    expect(value).toHaveLength(10);
    expect(poller.stats.throttled).toBe(1);
    expect(retries).toHaveLength(10);
    expect(retries.every((r) => r.endsWith('ThrottlingException'))).toBe(true);
    expect(singles()).toHaveLength(0);
    expect(lists().length).toBeGreaterThan(1);
  });

  it('goes on sweeping through throttling, however many sweeps in a row it fails', async () => {
    const operations = accountOperations(10, () => 7_000);
    const { clock, waiter, poller, lists, singles } = setup(operations, {}, (_, index) =>
      index < 5 ? sdkError('ThrottlingException', 400) : undefined,
    );
    const { value } = await clock.run(waiter.wait());
    expect(value).toHaveLength(10);
    expect(poller.stats.throttled).toBe(5);
    expect(lists().length).toBeGreaterThan(5);
    expect(singles()).toHaveLength(0);
  });

  it('names GetOperations in the error when the listing is what kept failing', async () => {
    const operations = accountOperations(10, () => 7_000);
    const { clock, waiter } = setup(operations, { retries: 2 }, () => sdkError('ThrottlingException', 400));
    const { error } = await clock.run(waiter.wait());
    expect(error).toBeInstanceOf(OperationsFailedError);
    const first = (error as OperationsFailedError).results[0]?.error as OperationRequestError;
    expect(first).toBeInstanceOf(OperationRequestError);
    expect(first.action).toBe('GetOperations');
    expect(first.message).toMatch(/^GetOperations for Lightsail operation op-0 failed with ThrottlingException: .* \(retries exhausted\)$/);
  });

  it('uses GetOperation alone after three sweeps in a row fail', async () => {
    const operations = accountOperations(10, () => 7_000);
    const { clock, waiter, lists, singles } = setup(operations, {}, () => sdkError('InternalFailure', 500));
    const retries: string[] = [];
    waiter.on('retry', (e) => retries.push((e.error as Error).name));
    const { value } = await clock.run(waiter.wait());
    expect(value).toHaveLength(10);
    expect(lists()).toHaveLength(3);
    // The reads a failed sweep left unanswered retry (all ten after the first); the third failure
    // in a row turns sweeping off, and the reads go on with GetOperation.
    expect(retries.length).toBeGreaterThanOrEqual(10);
    expect(retries.every((name) => name === 'InternalFailure')).toBe(true);
    expect(new Set(singles().map((c) => c.operationId))).toEqual(new Set(operations.map((o) => o.id)));
  });

  it('retries a page that outlives requestTimeoutMs as RequestTimeout', async () => {
    const operations = accountOperations(10, () => 7_000);
    const { clock, waiter, client, lists } = setup(operations, { requestTimeoutMs: 2_000 }, (_, index) =>
      index === 0 ? 'hang' : undefined,
    );
    const retries: string[] = [];
    waiter.on('retry', (e) => retries.push((e.error as Error).name));
    const { value } = await clock.run(waiter.wait());
    expect(value).toHaveLength(10);
    expect(retries).toEqual(Array(10).fill('RequestTimeout'));
    expect(client.calls[0]?.signal?.aborted).toBe(true);
    expect(lists()[1]?.at).toBeGreaterThanOrEqual(2_000);
  });

  it('reads each operation on its own while fewer than five are pending', async () => {
    const { clock, waiter, lists, singles } = setup(accountOperations(4, () => 7_000));
    await clock.run(waiter.wait());
    expect(lists()).toHaveLength(0);
    expect(singles()).toHaveLength(12);
  });

  it('goes on with single reads once the pending operations fall below five', async () => {
    const operations = accountOperations(10, (i) => (i < 7 ? 3_000 : 13_000));
    const { clock, waiter, lists, singles } = setup(operations);
    await clock.run(waiter.wait());
    // 0 s and 5 s: pages (7 finish at 3 s, seen at 5 s); 10 s and 15 s: three left, one request each.
    expect(lists().map((c) => c.at)).toEqual([0, 5_000]);
    expect(singles().map((c) => c.at)).toEqual([10_000, 10_010, 10_020, 15_000, 15_010, 15_020]);
  });

  it('pages past newer operations of someone else', async () => {
    const ours = accountOperations(10, () => 7_000, 'op', 0);
    const newer = accountOperations(300, () => 0, 'other', 1_000);
    const { clock, waiter, lists, singles } = setup([...ours, ...newer]);
    await clock.run(waiter.wait());
    // Newest first, the first page is all others and the second lists ours: two pages a look.
    expect(lists().map((c) => c.pageToken)).toEqual([undefined, '200', undefined, '200', undefined, '200']);
    expect(singles()).toHaveLength(0);
  });

  it('stops at a page token that comes back, and at 50 pages, pausing when nothing was listed', async () => {
    const ours = accountOperations(60, () => 40_000, 'op', 0);
    const newer = accountOperations(10_200, () => 0, 'other', 1_000);
    const repeating = setup(ours, {}, () => ({ operations: [], nextPageToken: 'again' }));
    await repeating.clock.run(repeating.waiter.wait());
    expect(
      repeating
        .lists()
        .filter((c) => c.at < 30_000)
        .map((c) => c.pageToken),
    ).toEqual([undefined, 'again']);
    const deep = setup([...ours, ...newer]);
    await deep.clock.run(deep.waiter.wait());
    expect(deep.lists().filter((c) => c.at < 30_000)).toHaveLength(50);
  });

  it('pauses sweeping for 30 s after a sweep that lists none of the operations waited on', async () => {
    const ours = accountOperations(10, () => 40_000, 'op', 0);
    const newer = accountOperations(2_500, () => 0, 'other', 1_000);
    const { clock, waiter, lists, singles } = setup([...ours, ...newer]);
    await clock.run(waiter.wait());
    // Ten pages (as many as operations unlisted) list none of ours: single reads until 30 s have
    // passed, then another ten pages.
    expect(lists().filter((c) => c.at < 30_000)).toHaveLength(10);
    expect(lists().filter((c) => c.at >= 30_000)).toHaveLength(10);
    expect(singles().filter((c) => c.at < 30_000)).toHaveLength(10 * 6);
  });

  it('stops the page in flight when the caller aborts, leaving no timer', async () => {
    const controller = new AbortController();
    const { clock, waiter, client, poller } = setup(
      accountOperations(10, () => 7_000),
      { signal: controller.signal },
      () => 'hang',
    );
    const outcome = waiter.wait().catch((e: unknown) => e);
    await clock.advance(1_000);
    controller.abort(new Error('stop'));
    const error = await outcome;
    expect(error).toBeInstanceOf(OperationsFailedError);
    expect((error as OperationsFailedError).results.every((r) => r.outcome === 'aborted')).toBe(true);
    await flush();
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0]?.signal?.aborted).toBe(true);
    expect(clock.pendingTimers).toBe(0);
    expect(poller.pending).toBe(0);
  });

  it('times out the whole wait while a page hangs, and then stops the page', async () => {
    const { clock, waiter, client } = setup(
      accountOperations(10, () => 7_000),
      { timeoutMs: 5_000, requestTimeoutMs: 60_000 },
      () => 'hang',
    );
    const { error } = await clock.run(waiter.wait());
    expect(error).toBeInstanceOf(OperationsTimeoutError);
    expect(clock.now()).toBe(5_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await flush();
    expect(client.calls.every((c) => c.signal?.aborted)).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it.each([['yes'], [1], [null]])('refuses useGetOperations: %j before any request', (value) => {
    const client = listingClient([], () => 0);
    expect(() => new OperationsWaiter(client, ['op-1'], { useGetOperations: value as never })).toThrow(
      new TypeError(`Expected \`useGetOperations\` to be a boolean, got ${describeValue(value)}`),
    );
    expect(client.calls).toHaveLength(0);
  });
});

describe('OperationSweep', () => {
  /** What a probe is handed; the sweep uses only `signal` and `untimed`. */
  const context = (): ProbeContext<Operation> => ({
    signal: new AbortController().signal,
    previous: undefined,
    clock: new FakeClock(),
    nextTurn: async () => {},
    untimed: (work) => work(),
  });

  it('waits for the next sweep for an operation that the sweep under way has already listed, rather than serve that again', async () => {
    const clock = new FakeClock();
    // One operation a page, op-0 first; op-0 finishes at 1 s, the others much later.
    const operations = Array.from({ length: 10 }, (_, i) => ({ id: `op-${i}`, createdAt: 100 - i, finishAt: i === 0 ? 1_000 : 1e9 }));
    const client = listingClient(operations, clock.now, 1);
    const poller = new Poller({ clock, maxRequestsPerSecond: 0.5 });
    const stop = new AbortController();
    const sweep = new OperationSweep(
      client,
      operations.map((o) => o.id),
      {
        poller,
        clock,
        requestTimeoutMs: 60_000,
        everyMs: 1_000,
        signal: stop.signal,
      },
    );
    const first = sweep.read('op-9', context());
    await clock.advance(500);
    expect((await sweep.read('op-0', context())).status).toBe('Started');
    // At 5 s the sweep is still paging, a page every 2 s; op-0 finished at 1 s.
    await clock.advance(4_500);
    const again = sweep.read('op-0', context());
    const { value } = await clock.run(again);
    expect(value?.status).toBe('Succeeded');
    // No GetOperation of its own: the sweep after the one under way listed it (page 0 again).
    expect(client.calls.filter((c) => c.action === 'GetOperation').map((c) => c.operationId)).not.toContain('op-0');
    const pages = client.calls.filter((c) => c.action === 'GetOperations').map((c) => `${c.pageToken ?? '0'}@${c.at}`);
    expect(pages.slice(0, 6)).toEqual(['0@0', '1@2000', '2@4000', '3@6000', '4@8000', '0@10000']);
    stop.abort(new Error('done'));
    await first.catch(() => undefined);
    await flush();
  });

  it('stops a listing on the cadence that is under way once no operation is left pending, leaving no timer', async () => {
    const clock = new FakeClock();
    const operations = accountOperations(5, () => 1e9);
    // The first listing answers; the one on the cadence, 5 s later, hangs.
    const client = listingClient(operations, clock.now, 200, (_call, index) => (index >= 1 ? 'hang' : undefined));
    const poller = new Poller({ clock, maxRequestsPerSecond: 100 });
    const ids = operations.map((o) => o.id);
    const sweep = new OperationSweep(client, ids, {
      poller,
      clock,
      requestTimeoutMs: 60_000,
      everyMs: 5_000,
      signal: new AbortController().signal,
    });
    expect((await clock.run(sweep.read('op-0', context()))).value?.status).toBe('Started');
    await clock.advance(5_000);
    const hanging = client.calls.at(-1);
    expect(client.calls.map((c) => c.at)).toEqual([0, 5_000]);
    // The waits settle by other means (their own reads, a deadline): the last one stops the page.
    for (const id of ids.slice(0, 4)) sweep.settled(id);
    expect(hanging?.signal?.aborted).toBe(false);
    sweep.settled('op-4');
    expect(hanging?.signal?.aborted).toBe(true);
    await flush();
    expect(clock.pendingTimers).toBe(0);
    expect(poller.pending).toBe(0);
  });
});

describe('listing on a cadence', () => {
  /** A look a minute: every earlier sighting below comes from a listing on the cadence. */
  const everyMinute: BackoffStrategy = () => 60_000;

  it('lists every 5 s between the waits’ own turns and ends each wait at the first listing that shows its operation finished', async () => {
    const operations = accountOperations(10, (i) => (i < 5 ? 7_000 : 31_000));
    const { clock, waiter, lists, singles } = setup(operations, { backoff: everyMinute });
    const settledAt = new Map<string, number>();
    waiter.on('settled', (r) => settledAt.set(r.operationId, clock.now()));
    const polls = new Map<string, number>();
    waiter.on('poll', (e) => polls.set(e.operationId, (polls.get(e.operationId) ?? 0) + 1));
    const { value } = await clock.run(waiter.wait());
    expect(value?.every((o) => o.status === 'Succeeded')).toBe(true);
    // The first turns at 0 s, then every 5 s: those done at 7 s are seen at 10 s, the others at 35 s.
    expect(lists().map((c) => c.at)).toEqual([0, 5_000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000]);
    expect(singles()).toHaveLength(0);
    expect(operations.map((o) => settledAt.get(o.id))).toEqual([...Array(5).fill(10_000), ...Array(5).fill(35_000)]);
    // Two looks each (the first turn, and the listing that woke it): none at its own next turn, a minute on.
    expect([...polls.values()].every((n) => n === 2)).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('lists every five minDelayMs: every 10 s for 2 s, every 50 ms for scaledWaitOptions(100)', async () => {
    const slow = setup(
      accountOperations(10, () => 21_000),
      { backoff: everyMinute, minDelayMs: 2_000 },
    );
    await slow.clock.run(slow.waiter.wait());
    expect(slow.lists().map((c) => c.at)).toEqual([0, 10_000, 20_000, 30_000]);
    const fast = setup(
      accountOperations(10, () => 120),
      { ...scaledWaitOptions(100) },
    );
    const { value } = await fast.clock.run(fast.waiter.wait());
    expect(value).toHaveLength(10);
    expect(fast.clock.now()).toBe(150);
    expect(fast.lists().map((c) => c.at)).toEqual([0, 50, 100, 150]);
  });

  it.each([
    [1_000, 30_000, 5_000],
    [2_000, 30_000, 10_000],
    [10_000, 30_000, 30_000],
    [1_000, 2_000, 2_000],
    [10, 300, 50],
  ])('listEveryMs(%i, %i) is %i', (minDelayMs, maxDelayMs, expected) => {
    expect(listEveryMs(minDelayMs, maxDelayMs)).toBe(expected);
  });

  it('lists less often when its pages would take more than half the poller’s pace', async () => {
    // 2,000 operations: ten pages a listing, at two requests a second, so 10 s apart at least.
    const { clock, waiter, lists } = setup(
      accountOperations(2_000, () => 40_000),
      { backoff: everyMinute, maxRequestsPerSecond: 2 },
    );
    await clock.run(waiter.wait());
    const starts = lists()
      .filter((c) => c.pageToken === undefined)
      .map((c) => c.at);
    const ends = lists()
      .filter((c) => c.pageToken === '1800')
      .map((c) => c.at);
    expect(starts.length).toBeGreaterThan(2);
    for (let i = 1; i < starts.length; i++) expect((starts[i] as number) - (ends[i - 1] as number)).toBeGreaterThanOrEqual(10_000);
  });

  it('stops listing when the caller aborts between listings, leaving no timer', async () => {
    const controller = new AbortController();
    const { clock, waiter, lists, poller } = setup(
      accountOperations(10, () => 60_000),
      { backoff: everyMinute, signal: controller.signal },
    );
    const outcome = waiter.wait().catch((e: unknown) => e);
    await clock.advance(7_000);
    expect(lists().map((c) => c.at)).toEqual([0, 5_000]);
    controller.abort(new Error('stop'));
    expect(await outcome).toBeInstanceOf(OperationsFailedError);
    await flush();
    expect(clock.pendingTimers).toBe(0);
    expect(poller.pending).toBe(0);
    expect(lists()).toHaveLength(2);
  });
});
