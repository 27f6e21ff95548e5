import { type Clock, type Poller, systemClock } from '../index.js';
import type { CommonConfig, OutputMode } from './common-args.js';
import { ExitCode } from './exit-code.js';
import { reportToGitHub } from './github/report.js';
import { isGitHubActions } from './github/workflow-commands.js';
import { operationInputSummary, resourceInputSummary } from './input-summary.js';
import type { CliIO } from './io.js';
import { jsonRecordLine } from './json-line.js';
import { redactor } from './redact.js';
import type { ResourceTracker } from './render/resource-tracker.js';
import type { Tracker } from './render/tracker.js';
import { type InputSummary, type RequestSummary, type RunSummary, runOutcomeOf, summaryFields } from './run-summary.js';
import { reportUsage } from './usage-error.js';

/** What a {@link RunRecorder} is told about the command when it starts. */
export interface RecorderOptions {
  readonly mode: 'operations' | 'resources';
  /** The waiter, in the resource mode. */
  readonly waiter: string | null;
  /** `--json` writes the `summary` line. */
  readonly output: OutputMode;
  /** `--timeout`, in milliseconds, for the messages about timed-out waits. */
  readonly timeoutMs: number;
}

/** The recorder's options for a command: the resource mode when a waiter is given, operations otherwise. */
export function recorderOptions(config: Pick<CommonConfig, 'output' | 'timeoutMs'>, waiter: string | null): RecorderOptions {
  return { mode: waiter === null ? 'operations' : 'resources', waiter, output: config.output, timeoutMs: config.timeoutMs };
}

/**
 * Collects how each input's wait ended, across every round of one command, and reports the run
 * once at its end, whatever the exit code: the `--json` `summary` line (always the last line of
 * the stream), and under GitHub Actions (`GITHUB_ACTIONS=true`) the annotations, the job summary
 * and the step outputs.
 */
export class RunRecorder {
  readonly #io: CliIO;
  readonly #options: RecorderOptions;
  readonly #clock: Clock;
  readonly #startedAt: number;
  readonly #redact: (text: string) => string;
  readonly #inputs: InputSummary[] = [];
  #message: string | null = null;
  #poller: Poller | undefined;

  constructor(io: CliIO, options: RecorderOptions) {
    this.#io = io;
    this.#options = options;
    this.#clock = io.clock ?? systemClock;
    this.#startedAt = this.#clock.now();
    this.#redact = redactor(io.env);
  }

  /** Adds the operations of one round, once their wait has ended. */
  addOperations(tracker: Tracker): void {
    const context = { redact: this.#redact, timeoutMs: this.#options.timeoutMs };
    for (const row of tracker.rows) this.#inputs.push(operationInputSummary(row, tracker.elapsedMs(row), context));
  }

  /** Adds the resource waits, once they have ended. */
  addResources(tracker: ResourceTracker): void {
    const context = { redact: this.#redact, timeoutMs: this.#options.timeoutMs };
    for (const row of tracker.rows) this.#inputs.push(resourceInputSummary(row, tracker.elapsedMs(row), context));
  }

  /** The poller the command's waits share: the summary says how many requests it sent and how many were throttled. */
  usePoller(poller: Poller): void {
    this.#poller = poller;
  }

  /** Notes what ended the command outside any one input's wait: unreadable stdin, a listing that failed. */
  problem(error: unknown): void {
    const text = error instanceof Error ? error.message : typeof error === 'string' ? `stopped by ${error}` : 'interrupted';
    this.#message = this.#redact(text);
  }

  /** The summary of the run so far, ending with `exitCode`. */
  summary(exitCode: number): RunSummary {
    return {
      mode: this.#options.mode,
      waiter: this.#options.waiter,
      exitCode,
      outcome: runOutcomeOf(exitCode),
      elapsedMs: this.#clock.now() - this.#startedAt,
      inputs: [...this.#inputs],
      message: this.#message,
      requests: this.#poller === undefined ? null : requestSummary(this.#poller),
    };
  }

  /** Reports the run (see the class) and resolves with `exitCode`. */
  async finish(exitCode: number): Promise<number> {
    const summary = this.summary(exitCode);
    if (this.#options.output === 'json') this.#io.stdout.write(jsonRecordLine('summary', this.#clock, summaryFields(summary)));
    if (isGitHubActions(this.#io.env)) await reportToGitHub(summary, this.#io);
    return exitCode;
  }

  /**
   * Runs a mode and reports its end: its exit code, or 70 when it throws (the error is thrown on,
   * for `run` to print).
   */
  async record(body: (recorder: RunRecorder) => Promise<number>): Promise<number> {
    let code: number;
    try {
      code = await body(this);
    } catch (error) {
      this.problem(error);
      // The bug being reported is the one to print, not one reporting it might meet.
      await this.finish(ExitCode.internal).catch(() => {});
      throw error;
    }
    return this.finish(code);
  }
}

/**
 * A command line rejected before any mode was chosen: prints the usage problem and resolves 2.
 * No `--json` summary is written (the command line may not have been read as asking for one);
 * under GitHub Actions the problem is still an annotation and the step outputs say `usage`.
 */
export async function rejectCommand(io: CliIO, message: string): Promise<number> {
  const code = reportUsage(io.stderr, message);
  if (isGitHubActions(io.env)) {
    const shown = redactor(io.env)(message);
    const summary: RunSummary = {
      mode: null,
      waiter: null,
      exitCode: code,
      outcome: 'usage',
      elapsedMs: 0,
      inputs: [],
      message: shown,
      requests: null,
    };
    await reportToGitHub(summary, io);
  }
  return code;
}

/** What a poller has done so far. */
function requestSummary(poller: Poller): RequestSummary {
  const { granted, throttled } = poller.stats;
  return { sent: granted, throttled, requestsPerSecond: poller.currentRate };
}
