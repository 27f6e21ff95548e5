import {
  type Clock,
  isOperationsFailedError,
  isResourceRequestError,
  isWaiterAbortError,
  isWaiterTimeoutError,
  type OperationInput,
  OperationsWaiter,
  type ResultOutcome,
  systemClock,
  type WaitManyOptions,
} from '../index.js';
import { listPendingOperationsReporting } from '../waiters/resource-operations.js';
import type { CliConfig } from './args.js';
import type { ClientFactory } from './client.js';
import { painter, shouldColor } from './color.js';
import { startCommand } from './command-start.js';
import { ExitCode, exitCodeFor, interruptedExitCode, interruptionOf } from './exit-code.js';
import { parseInput, tooMany } from './input.js';
import { regionsOf } from './input-regions.js';
import type { CliIO } from './io.js';
import { LIMITS } from './limits.js';
import { readStdin } from './read-stdin.js';
import { redactor } from './redact.js';
import { DEFAULT_HEARTBEAT_MS, startHeartbeat } from './render/heartbeat.js';
import { retryText } from './render/plain.js';
import { plainLine } from './render/plain-line.js';
import { reportContext, writeReport } from './render/report.js';
import { createRenderer } from './render/select.js';
import { Tracker } from './render/tracker.js';
import type { RunRecorder } from './run-recorder.js';
import { remainingMs, sharedWaitOptions } from './shared-wait-options.js';
import { visible } from './terminal-text.js';
import { reportUsage, UsageError } from './usage-error.js';

/**
 * The operation mode: waits on the operations given as ids, on standard input, and pending on each
 * `--resource`; resolves with the exit code. `recorder` collects each operation's ending for the
 * run's summary.
 */
export async function runOperations(config: CliConfig, io: CliIO, recorder?: RunRecorder): Promise<number> {
  const clock = io.clock ?? systemClock;
  // --timeout is for the whole command: reading stdin included.
  const deadline = clock.now() + config.timeoutMs;
  const started = await startCommand(config, io, { clock, deadline, recorder }, async () => {
    const inputs = await readInputs(config, io, clock);
    return { inputs, inputRegions: regionsOf(inputs) };
  });
  if (typeof started === 'number') return started;
  const { inputs, client } = started;
  try {
    return await waitInRounds(client, inputs, config, io, deadline, recorder);
  } finally {
    client.destroy?.();
  }
}

/** The ids from the arguments, then the operations on stdin when asked for or when no id was given. */
async function readInputs(config: CliConfig, io: CliIO, clock: Clock): Promise<OperationInput[]> {
  const ids: OperationInput[] = [...config.ids];
  if (ids.length > LIMITS.waits) throw new UsageError(`${ids.length} operation ids given; one command waits on at most ${LIMITS.waits}`);
  if ((config.ids.length > 0 || config.resources.length > 0) && !config.explicitStdin) return ids;
  if (!config.explicitStdin && io.stdin.isTTY === true) {
    throw new UsageError('no operation ids given (pass ids, or pipe Lightsail JSON to stdin; see --help)');
  }
  const text = await readStdin(io, clock, config.timeoutMs);
  // concat, not push(...): spreading a hundred thousand ids as arguments would overflow the stack.
  const inputs = ids.concat(parseInput(text));
  if (inputs.length > LIMITS.waits) throw tooMany(`${inputs.length} operations with the ids given`);
  return inputs;
}

/** Everything one run shares across its rounds: one clock, one deadline, one request cap. */
interface RunContext {
  readonly client: ReturnType<ClientFactory>;
  readonly config: CliConfig;
  readonly io: CliIO;
  readonly options: WaitManyOptions;
  readonly deadline: number;
  readonly recorder: RunRecorder | undefined;
}

/**
 * Waits on the given operations; with `--resource`, first adds what is pending on each resource,
 * and after a round that succeeded lists them again, waiting on anything that started meanwhile,
 * until nothing is pending (as `waitForResource` does).
 */
async function waitInRounds(
  client: ReturnType<ClientFactory>,
  inputs: OperationInput[],
  config: CliConfig,
  io: CliIO,
  deadline: number,
  recorder: RunRecorder | undefined,
): Promise<number> {
  const clock = io.clock ?? systemClock;
  const options = sharedWaitOptions(config, io, clock);
  recorder?.usePoller(options.poller);
  const context: RunContext = { client, config, io, options, deadline, recorder };
  const outcomes: ResultOutcome[] = [];
  const seen = new Set<string>();
  let round = inputs;
  for (;;) {
    if (config.resources.length > 0) {
      const listed = await listResources(context);
      if (typeof listed === 'number') return listed;
      round = [...round, ...listed.filter((operation) => !seen.has(operation.id as string))];
    }
    if (round.length === 0) {
      if (outcomes.length === 0 && config.output === 'auto') io.stdout.write(`nothing pending on ${config.resources.join(', ')}\n`);
      break;
    }
    const result = await waitAndReport(context, round);
    if (typeof result === 'number') return result;
    outcomes.push(...result.outcomes);
    for (const id of result.ids) seen.add(id);
    if (config.resources.length === 0 || result.outcomes.some((outcome) => outcome !== 'succeeded')) break;
    round = [];
  }
  return exitCodeFor(outcomes, interruptionOf(io.signal));
}

/**
 * The operations pending on every `--resource`, or the exit code when listing failed. The plain
 * view says when a page is retried, and beats while a listing lasts, as it does for waits: a
 * listing that keeps failing is never silent.
 */
async function listResources({ client, config, io, options, deadline, recorder }: RunContext) {
  const clock = options.clock ?? systemClock;
  const plain = config.output === 'auto';
  const redact = redactor(io.env);
  const elapsedMs = (): number => clock.now() - (deadline - config.timeoutMs);
  let listing: string | undefined;
  const stopBeat = plain
    ? startHeartbeat(clock, config.heartbeatMs ?? DEFAULT_HEARTBEAT_MS, () => {
        if (listing !== undefined) io.stdout.write(plainLine(elapsedMs(), `resource ${listing}`, 'still listing its operations'));
      })
    : () => {};
  try {
    const lists = [];
    for (const name of config.resources) {
      listing = name;
      const onRetry = ({ error, delayMs }: { error: unknown; delayMs: number }): void => {
        if (plain)
          io.stdout.write(plainLine(elapsedMs(), `resource ${name}`, retryText('GetOperationsForResource', error, delayMs, redact)));
      };
      lists.push(await listPendingOperationsReporting(client, name, { ...options, timeoutMs: remainingMs(deadline, clock) }, onRetry));
    }
    return lists.flat();
  } catch (error) {
    io.stderr.write(`lightsail-wait: ${visible(redactor(io.env)((error as Error).message))}\n`);
    recorder?.problem(error);
    if (isWaiterAbortError(error)) return interruptedExitCode(interruptionOf(io.signal));
    if (isWaiterTimeoutError(error)) return ExitCode.timeout;
    if (isResourceRequestError(error)) return ExitCode.awsError;
    throw error;
  } finally {
    stopBeat();
  }
}

/** One round: waits on `inputs` with the chosen output, then writes the failure report. */
async function waitAndReport(
  { client, config, io, options, deadline, recorder }: RunContext,
  inputs: OperationInput[],
): Promise<{ outcomes: ResultOutcome[]; ids: readonly string[] } | number> {
  const clock = options.clock ?? systemClock;
  const redact = redactor(io.env);
  let waiter: OperationsWaiter;
  try {
    waiter = new OperationsWaiter(client, inputs, { ...options, timeoutMs: remainingMs(deadline, clock) });
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) {
      recorder?.problem(error);
      return reportUsage(io.stderr, error.message);
    }
    throw error;
  }
  const tracker = new Tracker(waiter, clock);
  const paint = painter(shouldColor(io.stdout, io.env));
  const renderer = createRenderer(config.output, {
    waiter,
    tracker,
    out: io.stdout,
    paint,
    clock,
    redact,
    env: io.env,
    heartbeatMs: config.heartbeatMs,
    poller: options.poller,
  });
  try {
    await waiter.wait();
  } catch (error) {
    if (!isOperationsFailedError(error)) throw error;
  } finally {
    renderer.finish();
  }
  writeReport(tracker.rows, tracker.elapsedMs(), reportContext(io, redact, config.timeoutMs));
  recorder?.addOperations(tracker);
  return { outcomes: tracker.rows.map((row) => row.result?.outcome ?? 'aborted'), ids: waiter.operationIds };
}
