import type { Clock } from '../index.js';
import { formatDuration } from './duration.js';
import { ExitCode, interruptedExitCode, interruptionOf } from './exit-code.js';
import type { CliIO } from './io.js';
import { readText } from './read-text.js';
import { isUsageError, reportUsage } from './usage-error.js';

/**
 * Standard input did not end before `--timeout`: a pipe left open (a CI step that never closes
 * it, `lightsail-wait` run by a tool that hands it an idle pipe). The command exits 3.
 */
export class StdinTimeoutError extends Error {
  override name = 'StdinTimeoutError' as const;
  /** `--timeout`, in milliseconds. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(
      `timed out after ${formatDuration(timeoutMs)} reading stdin: it was never closed ` +
        '(give the ids or names as arguments, or end the input, e.g. `< /dev/null`)',
    );
    this.timeoutMs = timeoutMs;
  }
}

/** True for a {@link StdinTimeoutError}. */
export function isStdinTimeoutError(value: unknown): value is StdinTimeoutError {
  return value instanceof StdinTimeoutError;
}

/**
 * Reads standard input to its end, within `timeoutMs` on `clock` (the command's `--timeout`,
 * which counts from the start). Rejects with a {@link StdinTimeoutError} when time runs out first,
 * with `io.signal`'s reason when it aborts, and with a `UsageError` when stdin cannot be read or is
 * too large. Clears its timer and listeners on every path.
 */
export async function readStdin(io: Pick<CliIO, 'stdin' | 'signal'>, clock: Clock, timeoutMs: number): Promise<string> {
  const stop = new AbortController();
  const timer = new AbortController();
  const onAbort = (): void => stop.abort(io.signal?.reason);
  if (io.signal?.aborted) onAbort();
  else io.signal?.addEventListener('abort', onAbort, { once: true });
  clock.sleep(timeoutMs, timer.signal).then(
    () => stop.abort(new StdinTimeoutError(timeoutMs)),
    () => {},
  );
  try {
    return await readText(io.stdin, stop.signal);
  } finally {
    timer.abort();
    io.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Reports a problem reading the input and returns its exit code: a usage error (2), stdin left
 * open past `--timeout` (3), an interruption (130/143); `undefined` for anything else.
 */
export function stdinProblem(error: unknown, io: Pick<CliIO, 'stderr' | 'signal'>): number | undefined {
  if (isUsageError(error)) return reportUsage(io.stderr, error.message);
  if (isStdinTimeoutError(error)) {
    io.stderr.write(`lightsail-wait: ${error.message}\n`);
    return ExitCode.timeout;
  }
  if (io.signal?.aborted) {
    io.stderr.write('lightsail-wait: interrupted while reading stdin\n');
    return interruptedExitCode(interruptionOf(io.signal));
  }
  return undefined;
}
