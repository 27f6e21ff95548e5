import { systemClock, Waiter } from '../index.js';
import { clientConfigOf, createLightsailClient } from './client.js';
import { painter, shouldColor } from './color.js';
import { exitCodeFor, interruptionOf } from './exit-code.js';
import type { CliIO } from './io.js';
import { redactor } from './redact.js';
import { writeResourceReport } from './render/resource-report.js';
import { createResourceRenderer } from './render/resource-select.js';
import { type CliWaiter, ResourceTracker } from './render/resource-tracker.js';
import type { ResourceCliConfig } from './resource-args.js';
import { sharedWaitOptions } from './shared-wait-options.js';
import { reportUsage } from './usage-error.js';

/**
 * The resource mode, `lightsail-wait <waiter> <name>...`: runs the waiter on every name in
 * parallel, all through one poller (one `--max-rps` cap) and under one `--timeout`, shows the
 * progress, reports the problems and resolves with the exit code.
 */
export async function runResources(config: ResourceCliConfig, io: CliIO): Promise<number> {
  const clock = io.clock ?? systemClock;
  const options = { ...sharedWaitOptions(config, io, clock), timeoutMs: config.timeoutMs };
  const client = (io.createClient ?? createLightsailClient)(clientConfigOf(config));
  try {
    let waiters: CliWaiter[];
    try {
      // A LightsailClient sends every command a waiter probes with; the factory's type names only two.
      waiters = config.inputs.map((input) => new Waiter(client as never, config.definition, input, options));
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) return reportUsage(io.stderr, error.message);
      throw error;
    }
    const redact = redactor(io.env);
    const tracker = new ResourceTracker(waiters, clock);
    const paint = painter(shouldColor(io.stdout, io.env));
    const renderer = createResourceRenderer(config.output, { tracker, out: io.stdout, paint, clock, redact });
    try {
      // Each wait's ending reaches the tracker through its `succeeded` or `failed` event.
      await Promise.allSettled(waiters.map((waiter) => waiter.wait()));
    } finally {
      renderer.finish();
    }
    writeResourceReport(tracker.rows, tracker.elapsedMs(), {
      err: io.stderr,
      paint: painter(shouldColor(io.stderr, io.env)),
      redact,
      timeoutMs: config.timeoutMs,
    });
    return exitCodeFor(
      tracker.rows.map((row) => row.result?.outcome ?? 'aborted'),
      interruptionOf(io.signal),
    );
  } finally {
    client.destroy?.();
  }
}
