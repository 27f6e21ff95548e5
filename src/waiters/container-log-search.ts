/**
 * Where the tail of a container's log lies, decided without knowing in which order
 * `GetContainerLog` pages (its model does not say): windows are open-ended spans of time that end
 * at the newest event, so any window read whole is the log's last part, whatever the order; the
 * search only decides how far back each window starts.
 */

/** Where the search for a log's tail stands. Spans are milliseconds back from the anchor ("now"). */
export interface LogSearch {
  /** The widest span read whole that held fewer lines than wanted: `0` when none. */
  readonly lo: number;
  /** The narrowest span that held more pages than a window may read: `Infinity` when none. */
  readonly hi: number;
  /** The span to read next. */
  readonly span: number;
}

/** What reading one window found. */
export type WindowRead =
  /** Every page of the window was read: it holds `lines` lines. */
  | { readonly whole: true; readonly lines: number }
  /**
   * The window has more pages than may be read: `lines` lines were read, their `createdAt` spread
   * over `spreadMs` milliseconds (how dense the log is there).
   */
  | { readonly whole: false; readonly lines: number; readonly spreadMs: number };

/**
 * The first window: the last `windowMs`, or the whole log since the floor (the deployment's start)
 * when that is `fullMs` or less back.
 */
export function startLogSearch(fullMs: number, windowMs: number): LogSearch {
  return { lo: 0, hi: Number.POSITIVE_INFINITY, span: Math.max(0, Math.min(windowMs, fullMs)) };
}

/**
 * The window to read after one of `search.span`, or `undefined` when the search is over:
 * - read whole, with `wanted` lines or more, or reaching back to the floor (`fullMs`): over;
 * - read whole with fewer lines: widen, doubling the span until a window overflowed, then halfway
 *   (geometric mean) between the widest short span and the narrowest overflowing one;
 * - overflowed: narrow, halfway to the widest short span (or to half the span when there is none),
 *   or further when the lines read show the log is dense enough that a narrower span holds about
 *   `√(wanted × lines read)` lines (between what is wanted and what one window may hold);
 * - over as well when the spans left to try are less than a millisecond apart.
 */
export function nextLogSearch(search: LogSearch, read: WindowRead, fullMs: number, wanted: number): LogSearch | undefined {
  const { span } = search;
  let next: number;
  let { lo, hi } = search;
  if (read.whole) {
    if (read.lines >= wanted || span >= fullMs) return undefined;
    lo = span;
    next = hi === Number.POSITIVE_INFINITY ? Math.min(2 * span, fullMs) : between(lo, hi);
  } else {
    hi = span;
    next = between(lo, hi);
    const dense = read.lines > 0 && read.spreadMs > 0 ? read.spreadMs * Math.sqrt(wanted / read.lines) : undefined;
    if (dense !== undefined && dense > lo && dense < next) next = dense;
  }
  next = Math.round(next);
  return next > lo && next < hi ? { lo, hi, span: next } : undefined;
}

function between(lo: number, hi: number): number {
  return lo > 0 ? Math.sqrt(lo * hi) : hi / 2;
}

/** A log event as `GetContainerLog` returns it. */
export interface LogEventLike {
  readonly createdAt?: Date | undefined;
  readonly message?: string | undefined;
}

/** The events' `createdAt` times, epoch ms, leaving out those without one. Pure. */
export function timesOf(events: readonly LogEventLike[]): number[] {
  return events.map((event) => event.createdAt?.getTime() ?? Number.NaN).filter((t) => !Number.isNaN(t));
}

/**
 * `events` oldest first, however the pages came: reversed first when they seem to have come newest
 * first (the first event's time is later than the last's), so that events of one instant keep
 * their order, then stably sorted by `createdAt`. An event without a time stays with the one served
 * before it.
 */
export function inLogOrder(events: readonly LogEventLike[]): LogEventLike[] {
  const times = timesOf(events);
  const newestFirst = times.length > 1 && (times[0] ?? 0) > (times[times.length - 1] ?? 0);
  const ordered = newestFirst ? [...events].reverse() : [...events];
  let last = Number.NEGATIVE_INFINITY;
  const keyed = ordered.map((event) => {
    const t = event.createdAt?.getTime();
    if (t !== undefined && !Number.isNaN(t)) last = t;
    return { event, at: last };
  });
  return keyed.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1)).map((k) => k.event);
}
