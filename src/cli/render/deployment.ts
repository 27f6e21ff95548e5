import {
  type ContainerDeploymentFailedError,
  type ContainerDeploymentState,
  type ContainerLogTail,
  isContainerDeploymentFailedError,
} from '../../index.js';
import { DEPLOYMENT_WAITER } from '../deployment-args.js';
import { visible } from '../terminal-text.js';
import type { CliWaiter, ResourceRow } from './resource-tracker.js';

/** How much of a failed deployment's logs the standard-error report shows (`--json` carries them all). */
export const LOG_REPORT = Object.freeze({
  /** The last lines shown per container. */
  lines: 20,
  /** Longer lines are cut, saying how much was left out. */
  lineChars: 300,
  /** Containers shown, at most; the rest are counted. */
  containers: 10,
});

/**
 * What a wait is on, in words: `container service api deployment 3`. A deployment waiter given
 * only the service learns the version from its first answer; the subject says it from then on.
 */
export function subjectOf(waiter: CliWaiter, output: unknown): string {
  const { definition } = waiter;
  let input = waiter.input;
  const version = (output as Partial<ContainerDeploymentState> | undefined)?.version;
  if (definition.name === DEPLOYMENT_WAITER && typeof version === 'number' && (input as { version?: unknown }).version === undefined) {
    input = { ...(input as object), version };
  }
  return definition.describe(input).replace(/\bLightsail /g, '');
}

/** The deployment waiter's last output, if the row is one. */
function stateOf(row: ResourceRow): Partial<ContainerDeploymentState> | undefined {
  return row.waiter === DEPLOYMENT_WAITER ? (row.output as Partial<ContainerDeploymentState> | undefined) : undefined;
}

/** `--json` `status` fields of a deployment wait: the version, once known. `{}` for other waiters. */
export function deploymentStatusFields(row: ResourceRow): Record<string, unknown> {
  if (row.waiter !== DEPLOYMENT_WAITER) return {};
  return { version: stateOf(row)?.version ?? null };
}

/**
 * `--json` `result` fields of a deployment wait: `version`, `deploymentState`, `serviceState`,
 * `stateDetail` (`{ code, message }` or null), and after a failure the `reason` and every
 * container's `logs` (`{ containerName, lines, error }`), as the library's
 * `ContainerDeploymentFailedError` carries them; log lines and messages masked by `redact`.
 * `{}` for other waiters.
 */
export function deploymentResultFields(row: ResourceRow, redact: (text: string) => string): Record<string, unknown> {
  if (row.waiter !== DEPLOYMENT_WAITER) return {};
  const state = stateOf(row);
  const error = row.result?.error;
  const failure = isContainerDeploymentFailedError(error) ? error : undefined;
  const detail = failure === undefined ? state?.containerService?.stateDetail : failure.stateDetail;
  return {
    version: failure?.version ?? state?.version ?? null,
    deploymentState: (failure === undefined ? state?.deployment?.state : failure.deploymentState) ?? null,
    serviceState: (failure === undefined ? state?.containerService?.state : failure.serviceState) ?? null,
    stateDetail:
      detail === undefined || (detail.code === undefined && detail.message === undefined)
        ? null
        : { code: detail.code ?? null, message: detail.message === undefined ? null : redact(detail.message) },
    ...(failure === undefined
      ? {}
      : {
          reason: redact(failure.reason),
          logs: failure.logs.map((log) => ({
            containerName: log.containerName,
            lines: log.lines.map(redact),
            error: log.error === undefined ? null : redact(log.error),
          })),
        }),
  };
}

/**
 * The lines the standard-error report prints under a failed deployment: the service's state, then
 * the tail of each container's log, bounded ({@link LOG_REPORT}) and {@link visible}, and the
 * command that shows the rest. `[]` for anything else.
 */
export function deploymentReportDetails(row: ResourceRow, redact: (text: string) => string): string[] {
  const error = row.result?.error;
  if (!isContainerDeploymentFailedError(error)) return [];
  const show = (text: string, max?: number): string => visible(redact(text), max);
  const lines: string[] = [];
  const service = serviceLine(error, show);
  if (service !== undefined) lines.push(service);
  const shown = error.logs.slice(0, LOG_REPORT.containers);
  for (const log of shown) lines.push(...logLines(log, show));
  const hidden = error.logs.length - shown.length;
  if (hidden > 0) lines.push(`(${hidden} more container${hidden === 1 ? '' : 's'}: see --json)`);
  const first = error.logs[0]?.containerName;
  if (first !== undefined) {
    lines.push(`more: aws lightsail get-container-log --service-name ${error.serviceName} --container-name ${show(first, 100)}`);
  }
  return lines;
}

function serviceLine(error: ContainerDeploymentFailedError, show: (text: string) => string): string | undefined {
  if (error.serviceState === undefined) return undefined;
  const { code, message } = error.stateDetail ?? {};
  const detail = [code, message].filter((part): part is string => part !== undefined && part !== '').map((part) => show(part));
  return `service ${error.serviceName}: ${show(error.serviceState)}${detail.length === 0 ? '' : ` (${detail.join(': ')})`}`;
}

function logLines(log: ContainerLogTail, show: (text: string, max?: number) => string): string[] {
  const name = show(log.containerName, 100);
  if (log.error !== undefined && log.lines.length === 0) return [`container ${name}: its log could not be read: ${show(log.error)}`];
  if (log.lines.length === 0) return [`container ${name}: no log lines since the deployment started`];
  const tail = log.lines.slice(-LOG_REPORT.lines);
  const head =
    tail.length < log.lines.length
      ? `container ${name}, last ${tail.length} of ${log.lines.length} log lines:`
      : `container ${name}, log (${tail.length} line${tail.length === 1 ? '' : 's'}):`;
  const out = [head, ...tail.map((line) => `  ${show(line, LOG_REPORT.lineChars)}`)];
  if (log.error !== undefined) out.push(`  (reading the rest failed: ${show(log.error)})`);
  return out;
}
