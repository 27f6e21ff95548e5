import { GetContainerLogCommand, type GetContainerLogCommandOutput } from '@aws-sdk/client-lightsail';
import type { SendClient } from '../engine/waiter-definition.js';
import type { ContainerLogTail } from '../errors/container-deployment-failed.js';
import { inLogOrder, type LogEventLike, nextLogSearch, startLogSearch, timesOf, type WindowRead } from './container-log-search.js';

/** A client that can send `GetContainerLog`: a `LightsailClient` fits. */
export type GetContainerLogClient = SendClient<GetContainerLogCommand, GetContainerLogCommandOutput>;

/**
 * How much of each container's log a failed deployment's error carries, and how it is found. The
 * order in which `GetContainerLog` pages is not published, so the tail is read as time windows
 * open to the newest line, starting `windowMs` back, widened or narrowed (see `fetchLogTails` in the source).
 */
export const LOG_TAIL = Object.freeze({
  /** The last lines kept per container. */
  lines: 50,
  /** Longer lines are cut, with `…` at the end. */
  lineChars: 1_000,
  /** At most this many `GetContainerLog` pages are read of one time window: a window with more is narrowed. */
  pages: 5,
  /** The first window, in milliseconds back from now; doubled while it holds fewer than `lines` lines. */
  windowMs: 60_000,
  /** At most this many `GetContainerLog` requests per container, in all. */
  requests: 10,
});

function bound(line: string): string {
  return line.length > LOG_TAIL.lineChars ? `${line.slice(0, LOG_TAIL.lineChars - 1)}…` : line;
}

/** Sends one request: runs `call` with the signal to pass to `client.send`, as often as it takes. */
export type LogSend = <T>(call: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/** The pages read so far of one window: every event from `startTime` on (the whole log without one). */
interface WindowPages {
  readonly startTime: Date | undefined;
  readonly events: LogEventLike[];
  pages: number;
  /** The next page's token; `undefined` before the first page and after the last. */
  next: string | undefined;
}

function spreadOf(events: readonly LogEventLike[]): number {
  const times = timesOf(events);
  return times.length === 0 ? 0 : times.reduce((a, b) => Math.max(a, b)) - times.reduce((a, b) => Math.min(a, b));
}

/** Why a log could not be read, in one bounded line. */
function describeError(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown } | null;
  return bound(`${typeof e?.name === 'string' ? e.name : 'Error'}${typeof e?.message === 'string' && e.message ? `: ${e.message}` : ''}`);
}

/**
 * The last lines of one container's log since `floor`; a failure to read it is reported, never thrown,
 * with the lines found before it (see `fetchLogTails`).
 */
async function tailOf(
  client: GetContainerLogClient,
  serviceName: string,
  containerName: string,
  floor: Date | undefined,
  send: LogSend,
  now: () => number,
): Promise<ContainerLogTail> {
  let left = LOG_TAIL.requests;
  // The widest window read whole so far; until there is one, the narrowest read in part.
  let tail: readonly LogEventLike[] = [];
  let tailIsWhole = false;
  const readPages = async (window: WindowPages, maxPages: number): Promise<boolean> => {
    while (left > 0 && (window.pages === 0 || (window.next !== undefined && window.pages < maxPages))) {
      left -= 1;
      const { startTime, next: pageToken } = window;
      const input = { serviceName, containerName, ...(startTime ? { startTime } : {}), ...(pageToken ? { pageToken } : {}) };
      const output = await send((signal) => client.send(new GetContainerLogCommand(input), { abortSignal: signal }));
      window.pages += 1;
      window.events.push(...(output.logEvents ?? []));
      window.next = output.nextPageToken || undefined;
    }
    return window.pages > 0 && window.next === undefined;
  };
  const result = (error: string | undefined): ContainerLogTail => ({
    containerName,
    lines: inLogOrder(tail)
      .slice(-LOG_TAIL.lines)
      .map((event) => bound(event.message ?? '')),
    error,
  });
  try {
    // The whole log since the floor, one page first: a short log is read in one request.
    const full: WindowPages = { startTime: floor, events: [], pages: 0, next: undefined };
    if (await readPages(full, 1)) {
      tail = full.events;
      return result(undefined);
    }
    // Windows end at the newest instant known: now, or a later event's time if the server's clock is ahead.
    const anchor = timesOf(full.events).reduce((a, b) => Math.max(a, b), Math.max(now(), floor?.getTime() ?? Number.NEGATIVE_INFINITY));
    const fullMs = floor === undefined ? Number.POSITIVE_INFINITY : Math.max(0, anchor - floor.getTime());
    for (let search = startLogSearch(fullMs, LOG_TAIL.windowMs); left > 0; ) {
      // The window reaching back to the floor goes on from the first page already read.
      const window = search.span >= fullMs ? full : { startTime: new Date(anchor - search.span), events: [], pages: 0, next: undefined };
      const whole = await readPages(window, LOG_TAIL.pages);
      if (whole || !tailIsWhole) [tail, tailIsWhole] = [window.events, whole];
      const read: WindowRead = whole
        ? { whole, lines: window.events.length }
        : { whole, lines: window.events.length, spreadMs: spreadOf(window.events) };
      const next = nextLogSearch(search, read, fullMs, LOG_TAIL.lines);
      if (next === undefined) break;
      search = next;
    }
    return result(undefined);
  } catch (error) {
    return result(describeError(error));
  }
}

/**
 * Reads the tail of each container's log (`GetContainerLog`), all containers at once, each
 * request through `send`. Never rejects: a container whose log cannot be read gets an `error`
 * instead of lines.
 *
 * The order of `GetContainerLog`'s pages is not published, so no page is trusted to be the last:
 * a time window that ends now (no `endTime`: the server's clock may be ahead of ours) is read page
 * by page, and once read whole, its lines are the log's last ones whatever the order. First one page
 * of the whole log since `startTime` (the deployment's creation): when it is the only page, that is
 * the log. Otherwise windows from `LOG_TAIL.windowMs` back: doubled while they hold fewer than
 * `LOG_TAIL.lines` lines and start after `startTime`, narrowed when one has more than
 * `LOG_TAIL.pages` pages, at most `LOG_TAIL.requests` requests per container. The lines kept are
 * the last of the widest window read whole (fewer than `LOG_TAIL.lines` when the budget ran out
 * first), or, when none could be read whole, those read of the narrowest window.
 *
 * @param now - the wall clock, in epoch milliseconds (the log's timestamps are). @default Date.now
 */
export function fetchLogTails(
  client: GetContainerLogClient,
  serviceName: string,
  containerNames: readonly string[],
  startTime: Date | undefined,
  send: LogSend,
  now: () => number = Date.now,
): Promise<ContainerLogTail[]> {
  return Promise.all(containerNames.map((name) => tailOf(client, serviceName, name, startTime, send, now)));
}
