import type { Writable } from 'node:stream';
import type { Clock, OperationsWaiter, Poller } from '../../index.js';
import type { Paint } from '../color.js';
import type { ResourceTracker } from './resource-tracker.js';
import type { Tracker } from './tracker.js';

/** Shows a wait as it happens. Each renderer subscribes to the waiter's events when created. */
export interface Renderer {
  /** Every operation has settled (or the wait was interrupted): stop listening and draw the final state. */
  finish(): void;
}

/** A stream the CLI writes to; `isTTY`, `columns` and `rows` as on `process.stdout`. */
export type OutputStream = Writable & { isTTY?: boolean; columns?: number; rows?: number };

/** What a renderer is made from. */
export interface RenderContext {
  readonly waiter: OperationsWaiter;
  readonly tracker: Tracker;
  /** Standard output. */
  readonly out: OutputStream;
  /** Colors for `out` (a no-op when it should not be colored). */
  readonly paint: Paint;
  readonly clock: Clock;
  /** Masks credentials in text taken from errors. */
  readonly redact: (text: string) => string;
  /** Environment variables: `TERM=dumb` turns the live view off. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--heartbeat`, in milliseconds: the plain view's "still waiting" lines; 0 for none. @default 60_000 */
  readonly heartbeatMs?: number | undefined;
  /** The poller every wait of the command shares: its pace changes are shown. @default none shown */
  readonly poller?: Poller | undefined;
}

/** What a resource renderer is made from. */
export interface ResourceRenderContext {
  readonly tracker: ResourceTracker;
  /** Standard output. */
  readonly out: OutputStream;
  /** Colors for `out` (a no-op when it should not be colored). */
  readonly paint: Paint;
  readonly clock: Clock;
  /** Masks credentials in text taken from errors. */
  readonly redact: (text: string) => string;
  /** Environment variables: `TERM=dumb` turns the live view off. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--heartbeat`, in milliseconds: the plain view's "still waiting" lines; 0 for none. @default 60_000 */
  readonly heartbeatMs?: number | undefined;
  /** The poller every wait of the command shares: its pace changes are shown. @default none shown */
  readonly poller?: Poller | undefined;
}
