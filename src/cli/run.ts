import { OperationsWaiter, isOperationsFailedError, systemClock, type OperationInput, type WaitManyOptions } from '../index.js';
import { type CliConfig, parseCliArgs } from './args.js';
import { type ClientConfig, type ClientFactory, createLightsailClient } from './client.js';
import { painter, shouldColor } from './color.js';
import { ExitCode, exitCodeFor, interruptedExitCode, interruptionOf } from './exit-code.js';
import { helpText } from './help.js';
import { parseInput } from './input.js';
import type { CliIO } from './io.js';
import { readText } from './read-text.js';
import { redactor } from './redact.js';
import { writeReport } from './render/report.js';
import { createRenderer } from './render/select.js';
import { Tracker } from './render/tracker.js';
import { isUsageError, UsageError } from './usage-error.js';
import { readVersion } from './version.js';

export type { CliIO } from './io.js';

/**
 * Runs `lightsail-wait` with the arguments after the program name and resolves with the exit
 * code. Never touches `process`: everything comes in through `io`.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let config: CliConfig;
  let inputs: OperationInput[];
  try {
    config = parseCliArgs(argv);
    if (config.help) {
      io.stdout.write(helpText());
      return ExitCode.success;
    }
    if (config.version) {
      io.stdout.write(`${io.version ?? readVersion()}\n`);
      return ExitCode.success;
    }
    inputs = await readInputs(config, io);
  } catch (error) {
    if (isUsageError(error)) return usageError(io, error.message);
    if (io.signal?.aborted) {
      io.stderr.write('lightsail-wait: interrupted while reading stdin\n');
      return interruptedExitCode(interruptionOf(io.signal));
    }
    throw error;
  }
  const client = (io.createClient ?? createLightsailClient)(clientConfig(config));
  try {
    return await waitAndReport(client, inputs, config, io);
  } finally {
    client.destroy?.();
  }
}

/** The ids from the arguments, then the operations on stdin when asked for or when no id was given. */
async function readInputs(config: CliConfig, io: CliIO): Promise<OperationInput[]> {
  const inputs: OperationInput[] = [...config.ids];
  if (config.ids.length > 0 && !config.explicitStdin) return inputs;
  if (!config.explicitStdin && io.stdin.isTTY === true) {
    throw new UsageError('no operation ids given (pass ids, or pipe Lightsail JSON to stdin; see --help)');
  }
  const text = await readText(io.stdin, io.signal);
  inputs.push(...parseInput(text));
  return inputs;
}

async function waitAndReport(
  client: ReturnType<ClientFactory>,
  inputs: OperationInput[],
  config: CliConfig,
  io: CliIO,
): Promise<number> {
  const clock = io.clock ?? systemClock;
  const redact = redactor(io.env);
  const options: WaitManyOptions = {
    timeoutMs: config.timeoutMs,
    clock,
    ...(io.signal === undefined ? {} : { signal: io.signal }),
    ...(config.maxRequestsPerSecond === undefined ? {} : { maxRequestsPerSecond: config.maxRequestsPerSecond }),
  };
  let waiter: OperationsWaiter;
  try {
    waiter = new OperationsWaiter(client, inputs, options);
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) return usageError(io, error.message);
    throw error;
  }
  const tracker = new Tracker(waiter, clock);
  const paint = painter(shouldColor(io.stdout, io.env));
  const renderer = createRenderer(config.output, { waiter, tracker, out: io.stdout, paint, clock, redact });
  try {
    await waiter.wait();
  } catch (error) {
    if (!isOperationsFailedError(error)) throw error;
  } finally {
    renderer.finish();
  }
  writeReport(tracker.rows, tracker.elapsedMs(), {
    err: io.stderr,
    paint: painter(shouldColor(io.stderr, io.env)),
    redact,
    timeoutMs: config.timeoutMs,
  });
  return exitCodeFor(
    tracker.rows.map((row) => row.result?.outcome ?? 'aborted'),
    interruptionOf(io.signal),
  );
}

function clientConfig(config: CliConfig): ClientConfig {
  return {
    ...(config.region === undefined ? {} : { region: config.region }),
    ...(config.profile === undefined ? {} : { profile: config.profile }),
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
  };
}

function usageError(io: CliIO, message: string): number {
  io.stderr.write(`lightsail-wait: ${message}\n`);
  return ExitCode.usage;
}
