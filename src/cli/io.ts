import type { Readable, Writable } from 'node:stream';
import type { Clock } from '../index.js';
import type { ClientFactory } from './client.js';

/**
 * Everything `run` touches, so the CLI runs in-process in tests: the bin passes `process`'s
 * streams and environment, tests pass fakes.
 */
export interface CliIO {
  /** Read when no ids are given, or with `-`; `isTTY` tells a terminal from a pipe. */
  readonly stdin: Readable & { isTTY?: boolean };
  /** Progress and results; the live view when `isTTY`. */
  readonly stdout: Writable & { isTTY?: boolean; columns?: number; rows?: number };
  /** Problems: usage errors and every operation or resource wait that did not succeed. */
  readonly stderr: Writable & { isTTY?: boolean };
  /** Environment variables, for `NO_COLOR`, `TERM` and masking credentials in messages. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Aborting it stops every wait (no request after it) and makes `run` report where each operation
   * or resource stood and resolve 130; abort with the reason `'SIGTERM'` to resolve 143. The bin aborts it on
   * SIGINT and SIGTERM.
   */
  readonly signal?: AbortSignal;
  /** Makes the Lightsail client. @default `new LightsailClient(config)` */
  readonly createClient?: ClientFactory;
  /** Time for the waits and the live view. @default the system clock */
  readonly clock?: Clock;
  /** The version `--version` prints. @default read from the package's package.json */
  readonly version?: string;
}
