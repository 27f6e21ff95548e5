import type { ResultOutcome } from '../index.js';

/** The CLI's exit codes, as documented in `--help`. */
export const ExitCode = Object.freeze({
  /** Every operation or resource wait succeeded. */
  success: 0,
  /** An operation failed, or a resource reached a failure state (`ResourceFailedError`). */
  failed: 1,
  /** Bad usage or unreadable input. */
  usage: 2,
  /** Timed out. */
  timeout: 3,
  /**
   * An AWS error that waiting will not fix (access denied, not authenticated, operation or resource
   * not found): `OperationRequestError`, `ResourceRequestError`.
   */
  awsError: 4,
  /**
   * A bug in lightsail-wait: an error it did not expect (EX_SOFTWARE from BSD's sysexits.h), so that
   * a script can tell it from every outcome above. The message asks for a report.
   */
  internal: 70,
  /** Interrupted by SIGINT (128 + 2). */
  interrupted: 130,
  /** Ended by SIGTERM (128 + 15). */
  terminated: 143,
} as const);

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The signal that interrupted the wait. */
export type Interruption = 'SIGINT' | 'SIGTERM';

/**
 * Maps the outcomes of a wait to the exit code. When outcomes differ, the first that applies wins:
 * interrupted (130, or 143 for SIGTERM), then an AWS error (4), then a failure (1), then a
 * timeout (3); 0 only when every wait succeeded. (Bad usage, 2, is decided before any wait.)
 * `cancelled` counts as failed: it only happens because another operation did not succeed. Resource
 * waits come in through `resourceOutcome`, which sorts their errors into the same words.
 */
export function exitCodeFor(outcomes: readonly ResultOutcome[], interruption: Interruption = 'SIGINT'): ExitCodeValue {
  const seen = new Set<ResultOutcome>(outcomes);
  if (seen.has('aborted')) return interruption === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted;
  if (seen.has('error')) return ExitCode.awsError;
  if (seen.has('failed') || seen.has('cancelled')) return ExitCode.failed;
  if (seen.has('timeout')) return ExitCode.timeout;
  return ExitCode.success;
}

/** The exit code for an interruption before any wait started (for example while reading stdin). */
export function interruptedExitCode(interruption: Interruption): ExitCodeValue {
  return interruption === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted;
}

/** Reads which signal an abort stands for: the bin aborts with the reason `'SIGTERM'` on SIGTERM. */
export function interruptionOf(signal: AbortSignal | undefined): Interruption {
  return signal?.reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
}
