import { type Clock, type ContainerDeploymentInput, ContainerDeploymentWaiter, systemClock, Waiter, type WaitOptions } from '../index.js';
import type { ClientFactory } from './client.js';
import { painter, shouldColor } from './color.js';
import { startCommand } from './command-start.js';
import { DEPLOYMENT_WAITER } from './deployment-args.js';
import { mergeDeployments, parseDeploymentInput } from './deployment-input.js';
import { exitCodeFor, interruptionOf } from './exit-code.js';
import { regionsInJson } from './input-regions.js';
import type { CliIO } from './io.js';
import { readStdin } from './read-stdin.js';
import { redactor } from './redact.js';
import { reportContext } from './render/report.js';
import { writeResourceReport } from './render/resource-report.js';
import { createResourceRenderer } from './render/resource-select.js';
import { type CliWaiter, ResourceTracker } from './render/resource-tracker.js';
import type { ResourceCliConfig } from './resource-args.js';
import type { RunRecorder } from './run-recorder.js';
import { remainingMs, sharedWaitOptions } from './shared-wait-options.js';
import { reportUsage, UsageError } from './usage-error.js';
import type { CliWaiterDefinition } from './waiter-catalog.js';

/**
 * The resource mode, `lightsail-wait <waiter> <name>...`: runs the waiter on every name in
 * parallel, all through one poller (one `--max-rps` cap) and under one `--timeout` (reading stdin
 * included), shows the progress, reports the problems and resolves with the exit code. `recorder`
 * collects each wait's ending for the run's summary.
 */
export async function runResources(config: ResourceCliConfig, io: CliIO, recorder?: RunRecorder): Promise<number> {
  const clock = io.clock ?? systemClock;
  const deadline = clock.now() + config.timeoutMs;
  const started = await startCommand(config, io, { clock, deadline, recorder }, () => readInputs(config, io, clock));
  if (typeof started === 'number') return started;
  const { inputs, client } = started;
  const options = { ...sharedWaitOptions(config, io, clock), timeoutMs: remainingMs(deadline, clock) };
  recorder?.usePoller(options.poller);
  try {
    let waiters: CliWaiter[];
    try {
      waiters = inputs.map((input) => createCliWaiter(client, config.definition, input, options));
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) {
        recorder?.problem(error);
        return reportUsage(io.stderr, error.message);
      }
      throw error;
    }
    const redact = redactor(io.env);
    const tracker = new ResourceTracker(waiters, clock);
    const paint = painter(shouldColor(io.stdout, io.env));
    const renderer = createResourceRenderer(config.output, {
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
      // Each wait's ending reaches the tracker through its `succeeded` or `failed` event.
      await Promise.allSettled(waiters.map((waiter) => waiter.wait()));
    } finally {
      renderer.finish();
    }
    writeResourceReport(tracker.rows, tracker.elapsedMs(), reportContext(io, redact, config.timeoutMs));
    recorder?.addResources(tracker);
    return exitCodeFor(
      tracker.rows.map((row) => row.result?.outcome ?? 'aborted'),
      interruptionOf(io.signal),
    );
  } finally {
    client.destroy?.();
  }
}

/**
 * The inputs from the command line, then (container-deployment) the deployments on stdin, with the
 * regions stdin's JSON names (`location.regionName`).
 */
async function readInputs(
  config: ResourceCliConfig,
  io: CliIO,
  clock: Clock,
): Promise<{ inputs: readonly unknown[]; inputRegions: readonly string[] }> {
  if (!config.readsStdin) return { inputs: config.inputs, inputRegions: [] };
  if (config.inputs.length === 0 && io.stdin.isTTY === true) {
    throw new UsageError(
      'container-deployment needs a service name, or the JSON of aws lightsail create-container-service-deployment on stdin (see --help)',
    );
  }
  const text = await readStdin(io, clock, config.timeoutMs);
  const read = parseDeploymentInput(text);
  return { inputs: mergeDeployments(config.inputs as ContainerDeploymentInput[], read), inputRegions: regionsInJson(text) };
}

/**
 * The waiter the CLI runs for one input: the container deployment waiter's own class (it reads
 * each container's log tail when the deployment fails), the engine's `Waiter` for every other.
 */
function createCliWaiter(
  client: ReturnType<ClientFactory>,
  definition: CliWaiterDefinition,
  input: unknown,
  options: WaitOptions,
): CliWaiter {
  // A LightsailClient sends every command a waiter probes with; the factory's type names only two.
  if (definition.name === DEPLOYMENT_WAITER) return new ContainerDeploymentWaiter(client as never, input as never, options) as never;
  return new Waiter(client as never, definition, input, options);
}
