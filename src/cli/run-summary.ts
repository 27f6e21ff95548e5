import type { ResultOutcome } from '../index.js';
import { ExitCode } from './exit-code.js';
import { hundredths } from './json-line.js';

/**
 * How one input's wait ended (an operation, or a resource a waiter ran on): what the `--json`
 * summary, the GitHub job summary, annotations and step outputs all read.
 */
export interface InputSummary {
  /** The operation id, or the waiter's target (`web-1`, `web-1:22`). */
  readonly id: string;
  /** The thing, in words, for titles and tables: `CreateDisk of disk-1`, `instance web-1`. */
  readonly label: string;
  readonly outcome: ResultOutcome;
  /** The last status (operation) or state (resource) seen, or `null` before any answer. */
  readonly state: string | null;
  /** What went wrong, in a word or code: an `errorCode`, an AWS error's name, `timed out`; `null` on success. */
  readonly problem: string | null;
  /** One line saying how the wait ended, as standard error says it (shown safely, credentials masked). */
  readonly message: string;
  /** Lines that say more under `message` (a failed deployment's log tail). */
  readonly details: readonly string[];
  /** The instance's public IP address and its name, when the waiter read one. */
  readonly publicIp: { readonly instanceName: string; readonly address: string } | null;
  /** The input's `result` line fields, for the summary's `results` (without a deployment's `logs`). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The requests of a command, through the one poller its waits share. */
export interface RequestSummary {
  /** Requests sent, retries included. */
  readonly sent: number;
  /** How many Lightsail throttled. */
  readonly throttled: number;
  /** The pace at the end, in requests per second. */
  readonly requestsPerSecond: number;
}

/** How the whole command ended, in one word: read from its exit code. */
export type RunOutcome = 'succeeded' | 'failed' | 'usage' | 'timeout' | 'error' | 'internal' | 'aborted';

/** Everything one run of `lightsail-wait` reports at its end. */
export interface RunSummary {
  /**
   * `operations` (ids, stdin, `--resource`) or `resources` (a waiter on names); `null` for a
   * command line rejected before either was chosen (which writes no `--json` summary).
   */
  readonly mode: 'operations' | 'resources' | null;
  /** The waiter run on each name, in the resource mode; `null` for operations. */
  readonly waiter: string | null;
  readonly exitCode: number;
  readonly outcome: RunOutcome;
  /** Milliseconds from the start of the command (reading stdin included). */
  readonly elapsedMs: number;
  /** Each input's ending, in input order. */
  readonly inputs: readonly InputSummary[];
  /** What ended the command outside any one input's wait (stdin, a listing, a bug), else `null`. */
  readonly message: string | null;
  /** Its requests, once a wait has been set up; `null` before. */
  readonly requests: RequestSummary | null;
}

/** Every outcome a single wait can have, in the order the summaries count them. */
export const OUTCOMES: readonly ResultOutcome[] = Object.freeze(['succeeded', 'failed', 'timeout', 'error', 'aborted', 'cancelled']);

/** The word for an exit code: `0` → `succeeded`, `3` → `timeout`, `130` → `aborted`. Pure. */
export function runOutcomeOf(exitCode: number): RunOutcome {
  switch (exitCode) {
    case ExitCode.success:
      return 'succeeded';
    case ExitCode.failed:
      return 'failed';
    case ExitCode.usage:
      return 'usage';
    case ExitCode.timeout:
      return 'timeout';
    case ExitCode.awsError:
      return 'error';
    case ExitCode.interrupted:
    case ExitCode.terminated:
      return 'aborted';
    default:
      return 'internal';
  }
}

/** How many inputs ended each way, every outcome present (0 when none). Pure. */
export function outcomeCounts(inputs: readonly InputSummary[]): Record<ResultOutcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<ResultOutcome, number>;
  for (const input of inputs) counts[input.outcome] += 1;
  return counts;
}

/** The fields of the `--json` `summary` line (without `v`, `type` and `time`). Pure. */
export function summaryFields(summary: RunSummary): Record<string, unknown> {
  return {
    mode: summary.mode,
    waiter: summary.waiter,
    outcome: summary.outcome,
    exitCode: summary.exitCode,
    elapsedMs: Math.round(summary.elapsedMs),
    total: summary.inputs.length,
    outcomes: outcomeCounts(summary.inputs),
    results: summary.inputs.map((input) => ({ id: input.id, ...input.fields })),
    message: summary.message,
    requests: summary.requests === null ? null : { ...summary.requests, requestsPerSecond: hundredths(summary.requests.requestsPerSecond) },
  };
}

/** The public IP of every instance whose wait succeeded with one, by instance name (`web-1`, for `instance-port-open` too). Pure. */
export function publicIps(summary: RunSummary): Record<string, string> {
  const ips: Record<string, string> = {};
  for (const input of summary.inputs) {
    if (input.outcome === 'succeeded' && input.publicIp !== null) ips[input.publicIp.instanceName] = input.publicIp.address;
  }
  return ips;
}
