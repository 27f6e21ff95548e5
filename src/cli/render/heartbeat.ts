import type { Clock } from '../../index.js';
import { plainLine } from './plain-line.js';
import { repeatEvery } from './repeat.js';
import type { Noun } from './summary.js';

/**
 * How often the plain view says what is still waiting, in milliseconds: 1 minute. CI systems stop
 * a job that prints nothing for a while (10 minutes by default on CircleCI and Travis CI), and a
 * database or a distribution can take longer than that without a status change.
 */
export const DEFAULT_HEARTBEAT_MS = 60_000;

/** The most waits one heartbeat names; the rest get one line that counts them. */
export const HEARTBEAT_MAX_WAITS = 10;

/** A wait still running, as a heartbeat names it. */
export interface StillWaiting {
  /** What is waited on, as the plain lines name it: `instance web-1`, `operation 1b2c… (CreateDisk of disk-1)`. */
  readonly who: string;
  /** Where it stands: `still pending`, `still waiting (no status yet)`. */
  readonly text: string;
}

/**
 * One heartbeat: a plain line per wait still running, in input order, at most
 * {@link HEARTBEAT_MAX_WAITS} of them, then `[1m00s] 15 more operations: still waiting` for the
 * rest. `''` when nothing is waiting. Pure.
 */
export function heartbeatLines(waiting: readonly StillWaiting[], elapsedMs: number, noun: Noun, max: number = HEARTBEAT_MAX_WAITS): string {
  const shown = waiting.length > max ? waiting.slice(0, max) : waiting;
  const lines = shown.map(({ who, text }) => plainLine(elapsedMs, who, text));
  const rest = waiting.length - shown.length;
  if (rest > 0) lines.push(plainLine(elapsedMs, `${rest} more ${rest === 1 ? noun.one : noun.many}`, 'still waiting'));
  return lines.join('');
}

/**
 * Calls `beat` every `intervalMs` on `clock` until the returned function is called, which clears
 * the pending timer. An interval of 0 (`--heartbeat off`) starts nothing.
 */
export function startHeartbeat(clock: Clock, intervalMs: number, beat: () => void): () => void {
  if (!(intervalMs > 0)) return () => {};
  const stop = new AbortController();
  repeatEvery(clock, intervalMs, beat, stop.signal);
  return () => stop.abort();
}
