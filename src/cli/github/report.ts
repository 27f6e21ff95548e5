import { appendFileSync } from 'node:fs';
import { formatDuration } from '../duration.js';
import type { CliIO } from '../io.js';
import { throttleWarning } from '../render/pace.js';
import type { RunOutcome, RunSummary } from '../run-summary.js';
import { visible } from '../terminal-text.js';
import { jobSummary } from './job-summary.js';
import { outputFileText, stepOutputs } from './step-outputs.js';
import { workflowCommand } from './workflow-commands.js';

/** GitHub shows at most 10 error annotations of a step; past 9, the rest are counted in a tenth. */
const MAX_ANNOTATIONS = 10;

const RUN_TITLES: Readonly<Record<RunOutcome, string>> = {
  succeeded: 'lightsail-wait',
  failed: 'lightsail-wait: failed',
  usage: 'lightsail-wait: bad usage',
  timeout: 'lightsail-wait: timed out',
  error: 'lightsail-wait: AWS error',
  internal: 'lightsail-wait: internal error',
  aborted: 'lightsail-wait: interrupted',
};

/**
 * Reports a run to GitHub Actions: an `::error` annotation per input that did not succeed (on
 * standard error, beside the report), the job summary appended to `$GITHUB_STEP_SUMMARY` and the
 * step outputs to `$GITHUB_OUTPUT` (each only when the variable names a file). A file that
 * cannot be written is a warning: the exit code stays the wait's.
 */
export async function reportToGitHub(summary: RunSummary, io: Pick<CliIO, 'stderr' | 'env'>): Promise<void> {
  for (const line of annotations(summary)) io.stderr.write(line);
  appendTo('GITHUB_STEP_SUMMARY', jobSummary(summary), io);
  appendTo('GITHUB_OUTPUT', outputFileText(stepOutputs(summary)), io);
}

/**
 * The `::error` lines of a run: one per input that failed, timed out or met an AWS error, titled
 * with the input and its error code (`CreateDisk of disk-1: NoAvailableCapacity`), the message
 * being the line standard error shows (and a failed deployment's log tail); one for the run when it
 * was interrupted or ended outside any input (bad usage, stdin, a listing). Cancelled inputs are
 * left out: another input's failure explains them. Then a `::warning` when Lightsail throttled
 * requests (see {@link throttleWarning}). Pure.
 */
export function annotations(summary: RunSummary): string[] {
  const lines: string[] = [];
  if (summary.outcome !== 'succeeded' && (summary.message !== null || summary.outcome === 'aborted')) {
    const waiting = summary.inputs.filter((input) => input.outcome === 'aborted').length;
    const text = summary.message ?? `interrupted after ${formatDuration(summary.elapsedMs)}; ${waiting} still waiting`;
    lines.push(workflowCommand('error', { title: RUN_TITLES[summary.outcome] }, visible(text)));
  }
  const problems = summary.inputs.filter((input) => !['succeeded', 'cancelled', 'aborted'].includes(input.outcome));
  const room = MAX_ANNOTATIONS - lines.length;
  const shown = problems.length > room ? problems.slice(0, room - 1) : problems;
  for (const input of shown) {
    const title = `${input.label}: ${input.problem ?? input.outcome}`;
    lines.push(workflowCommand('error', { title: visible(title) }, [input.message, ...input.details].join('\n')));
  }
  const hidden = problems.length - shown.length;
  if (hidden > 0) {
    lines.push(workflowCommand('error', { title: RUN_TITLES[summary.outcome] }, `${hidden} more did not succeed: see the job summary`));
  }
  const warning = throttleWarning(summary.requests);
  if (warning !== undefined) lines.push(workflowCommand('warning', { title: 'lightsail-wait: throttled' }, warning));
  return lines;
}

/**
 * Appends `text` to the file `$variable` names, at once: written synchronously, so that nothing
 * (an interrupted run's forced exit) can cut the outputs off half way.
 */
function appendTo(variable: 'GITHUB_STEP_SUMMARY' | 'GITHUB_OUTPUT', text: string, io: Pick<CliIO, 'stderr' | 'env'>): void {
  const path = io.env[variable];
  if (path === undefined || path === '') return;
  try {
    appendFileSync(path, text, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr.write(workflowCommand('warning', { title: 'lightsail-wait' }, `could not write $${variable}: ${visible(reason)}`));
  }
}
