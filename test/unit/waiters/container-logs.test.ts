// Reading the tail of a container's log without knowing GetContainerLog's page order: the window
// policy as a table, then fetchLogTails against a stubbed log served oldest first or newest first,
// asserting each request's time window and the lines kept.
import { describe, expect, it } from 'vitest';
import { inLogOrder, type LogSearch, nextLogSearch, startLogSearch, type WindowRead } from '../../../src/waiters/container-log-search.js';
import { fetchLogTails, LOG_TAIL, type LogSend } from '../../../src/waiters/container-logs.js';
import { type SentCommand, stubSender } from '../../helpers/stub-sender.js';

const NOW = Date.UTC(2025, 0, 1, 12);
const now = () => NOW;
const INF = Number.POSITIVE_INFINITY;

describe('the window search', () => {
  it.each<[string, number, number]>([
    ['the last windowMs', INF, 60_000],
    ['the whole log when the deployment is younger', 30_000, 30_000],
    ['the whole log when the deployment seems to start after now', -5_000, 0],
  ])('starts with %s', (_, fullMs, span) => {
    expect(startLogSearch(fullMs, 60_000)).toEqual({ lo: 0, hi: INF, span });
  });

  it.each<[string, LogSearch, WindowRead, number, LogSearch | undefined]>([
    ['ends when a whole window holds the lines wanted', { lo: 0, hi: INF, span: 60_000 }, { whole: true, lines: 50 }, INF, undefined],
    ['ends when a whole window reaches the floor', { lo: 0, hi: INF, span: 90_000 }, { whole: true, lines: 3 }, 90_000, undefined],
    ['doubles a short window', { lo: 0, hi: INF, span: 60_000 }, { whole: true, lines: 6 }, INF, { lo: 60_000, hi: INF, span: 120_000 }],
    [
      'widens no further back than the floor',
      { lo: 0, hi: INF, span: 60_000 },
      { whole: true, lines: 6 },
      100_000,
      { lo: 60_000, hi: INF, span: 100_000 },
    ],
    [
      'widens halfway (geometric) to a window that overflowed',
      { lo: 0, hi: 240_000, span: 60_000 },
      { whole: true, lines: 6 },
      INF,
      { lo: 60_000, hi: 240_000, span: 120_000 },
    ],
    [
      'halves a window that overflowed',
      { lo: 0, hi: INF, span: 60_000 },
      { whole: false, lines: 100, spreadMs: 60_000 },
      INF,
      { lo: 0, hi: 60_000, span: 30_000 },
    ],
    [
      'narrows further where the log is dense',
      { lo: 0, hi: INF, span: 60_000 },
      { whole: false, lines: 100, spreadMs: 990 },
      INF,
      { lo: 0, hi: 60_000, span: 700 },
    ],
    [
      'narrows halfway (geometric) to a short window',
      { lo: 10_000, hi: INF, span: 40_000 },
      { whole: false, lines: 100, spreadMs: 0 },
      INF,
      { lo: 10_000, hi: 40_000, span: 20_000 },
    ],
    [
      'ignores a density estimate below the short window',
      { lo: 10_000, hi: INF, span: 40_000 },
      { whole: false, lines: 100, spreadMs: 100 },
      INF,
      { lo: 10_000, hi: 40_000, span: 20_000 },
    ],
    [
      'ends when the spans left are less than a millisecond apart',
      { lo: 1, hi: INF, span: 2 },
      { whole: false, lines: 100, spreadMs: 0 },
      INF,
      undefined,
    ],
    [
      'ends when the window reaching the floor overflowed at 0 ms',
      { lo: 0, hi: INF, span: 0 },
      { whole: false, lines: 10, spreadMs: 0 },
      0,
      undefined,
    ],
  ])('%s', (_, search, read, fullMs, next) => {
    expect(nextLogSearch(search, read, fullMs, 50)).toEqual(next);
  });
});

describe('the order of the lines', () => {
  const at = (t: number | undefined, message: string) => ({ createdAt: t === undefined ? undefined : new Date(t), message });
  const messages = (events: ReturnType<typeof inLogOrder>) => events.map((e) => e.message);

  it.each([
    ['oldest first, kept', [at(1, 'a'), at(2, 'b'), at(2, 'c'), at(3, 'd')]],
    ['newest first, reversed so that lines of one instant keep their order', [at(3, 'd'), at(2, 'c'), at(2, 'b'), at(1, 'a')]],
    ['in no order, sorted by time', [at(3, 'c'), at(1, 'a'), at(4, 'd'), at(2, 'b')]],
  ])('puts lines served %s', (_, events) => {
    expect(messages(inLogOrder(events))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a line without a time with the line served before it', () => {
    expect(messages(inLogOrder([at(2, 'b'), at(undefined, 'b+'), at(1, 'a'), at(3, 'c')]))).toEqual(['a', 'b', 'b+', 'c']);
  });
});

/** A container log served by a stubbed GetContainerLog: events from `startTime` on, `pageSize` a page, in either order. */
function fakeLog(times: readonly number[], pageSize: number, order: 'oldest first' | 'newest first', onCall?: (call: SentCommand) => void) {
  const events = times.map((t, i) => ({ createdAt: new Date(t), message: `line ${i}` }));
  return stubSender((call) => {
    onCall?.(call);
    const input = call.input as { startTime?: Date; pageToken?: string };
    const inWindow = events.filter((e) => input.startTime === undefined || e.createdAt >= input.startTime);
    if (order === 'newest first') inWindow.reverse();
    const offset = Number(input.pageToken ?? 0);
    const more = offset + pageSize < inWindow.length;
    return { logEvents: inWindow.slice(offset, offset + pageSize), ...(more ? { nextPageToken: String(offset + pageSize) } : {}) };
  });
}

/** Each request's window, as `'start'` (the deployment's creation), `'all'` (no startTime) or ms before now, and its page. */
function windows(client: ReturnType<typeof stubSender>, floor: Date | undefined): string[] {
  return client.calls.map((call) => {
    const { startTime, endTime, pageToken } = call.input as { startTime?: Date; endTime?: Date; pageToken?: string };
    expect(endTime).toBeUndefined();
    const from = startTime === undefined ? 'all' : startTime.getTime() === floor?.getTime() ? 'start' : `-${NOW - startTime.getTime()}`;
    return pageToken === undefined ? from : `${from} @${pageToken}`;
  });
}

const direct: LogSend = (call) => call(new AbortController().signal);
const lineRange = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`);

describe('fetchLogTails', () => {
  it('reads a log that fits one page in one request, from the deployment on', async () => {
    const floor = new Date(NOW - 300_000);
    const client = fakeLog([NOW - 200_000, NOW - 100_000, NOW - 1_000], 100, 'newest first');
    const logs = await fetchLogTails(client, 'api', ['web'], floor, direct, now);
    expect(client.calls.map((c) => c.input)).toEqual([{ serviceName: 'api', containerName: 'web', startTime: floor }]);
    expect(logs).toEqual([{ containerName: 'web', lines: ['line 0', 'line 1', 'line 2'], error: undefined }]);
  });

  // Two hours of a line every 10 s (720 lines, 100 a page): the last minute holds 6, so the window doubles to 16 minutes.
  it.each<['oldest first' | 'newest first', string, Date | undefined, string]>([
    ['oldest first', 'from the deployment', new Date(NOW - 7_200_000), 'start'],
    ['newest first', 'from the deployment', new Date(NOW - 7_200_000), 'start'],
    ['oldest first', 'with no deployment time', undefined, 'all'],
  ])('returns the last lines of a long log served %s (%s), widening a window from now', async (order, _, floor, first) => {
    const times = Array.from({ length: 720 }, (_, i) => NOW - 7_200_000 + 5_000 + 10_000 * i);
    const client = fakeLog(times, 100, order);
    const [log] = await fetchLogTails(client, 'api', ['web'], floor, direct, now);
    expect(windows(client, floor)).toEqual([first, '-60000', '-120000', '-240000', '-480000', '-960000']);
    expect(log).toEqual({ containerName: 'web', lines: lineRange(670, 719), error: undefined });
  });

  // Two minutes of 100 lines a second (20 a page): the last minute has far more than 5 pages, so the window narrows.
  it.each(['oldest first', 'newest first'] as const)('narrows a window longer than the page cap (served %s)', async (order) => {
    const floor = new Date(NOW - 120_000);
    const times = Array.from({ length: 12_000 }, (_, i) => NOW - 120_000 + 10 * i);
    const client = fakeLog(times, 20, order);
    const [log] = await fetchLogTails(client, 'api', ['web'], floor, direct, now);
    expect(windows(client, floor)).toEqual([
      'start',
      '-60000',
      '-60000 @20',
      '-60000 @40',
      '-60000 @60',
      '-60000 @80',
      '-700',
      '-700 @20',
      '-700 @40',
      '-700 @60',
    ]);
    expect(client.calls).toHaveLength(LOG_TAIL.requests);
    expect(log?.lines).toEqual(lineRange(11_950, 11_999));
  });

  it('keeps the last lines it could read whole when the request budget runs out first', async () => {
    // 12 lines, 2 a page: more than the 5 pages a window may read, like the simulator's failed deployment.
    const floor = new Date(NOW - 300_000);
    const client = fakeLog(
      Array.from({ length: 12 }, (_, i) => NOW - 300_000 + 25_000 * i),
      2,
      'oldest first',
    );
    const [log] = await fetchLogTails(client, 'api', ['web'], floor, direct, now);
    expect(windows(client, floor)).toEqual([
      'start',
      '-60000',
      '-120000',
      '-120000 @2',
      '-240000',
      '-240000 @2',
      '-240000 @4',
      '-240000 @6',
      '-240000 @8',
      'start @2',
    ]);
    expect(log).toEqual({ containerName: 'web', lines: lineRange(3, 11), error: undefined });
  });

  it('stops at an abort mid-read, keeping the last lines read whole and reporting why', async () => {
    const controller = new AbortController();
    const times = Array.from({ length: 720 }, (_, i) => NOW - 7_200_000 + 5_000 + 10_000 * i);
    const client = fakeLog(times, 100, 'oldest first', (call) => {
      if (client.calls.length === 3) {
        controller.abort();
        call.signal?.throwIfAborted();
      }
    });
    const send: LogSend = (call) => {
      controller.signal.throwIfAborted();
      return call(controller.signal);
    };
    const floor = new Date(NOW - 7_200_000);
    const [log] = await fetchLogTails(client, 'api', ['web'], floor, send, now);
    expect(windows(client, floor)).toEqual(['start', '-60000', '-120000']);
    expect(log).toEqual({ containerName: 'web', lines: lineRange(714, 719), error: 'AbortError: This operation was aborted' });
  });

  it('sends nothing when already aborted', async () => {
    const client = fakeLog([NOW - 1_000], 100, 'oldest first');
    const send: LogSend = () => Promise.reject(new DOMException('This operation was aborted', 'AbortError'));
    const logs = await fetchLogTails(client, 'api', ['web', 'worker'], new Date(NOW - 60_000), send, now);
    expect(client.calls).toHaveLength(0);
    expect(logs.map((l) => [l.containerName, l.lines, l.error])).toEqual([
      ['web', [], 'AbortError: This operation was aborted'],
      ['worker', [], 'AbortError: This operation was aborted'],
    ]);
  });
});
