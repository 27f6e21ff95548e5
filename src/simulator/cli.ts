/**
 * Argument parsing of the `lightsail-waiter-simulator` command, kept apart from `bin.ts` so it
 * can be tested in-process.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  CliUsageError,
  toDeploymentFailures,
  toDurations,
  toFailure,
  toFault,
  toInstanceNames,
  toNumber,
  toOutcomes,
  toServiceFailures,
} from './cli-values.js';
import type { SimulatorOptions } from './options.js';
import { mergeOptions, parseScenario } from './scenario.js';

export { USAGE } from './cli-usage.js';
export { CliUsageError } from './cli-values.js';

/** What the command line asks for. */
export type CliRequest = { readonly help: true } | { readonly help: false; readonly options: SimulatorOptions };

/** How `parseSimulatorArgs` reads a `--scenario` file. */
export interface CliFiles {
  readonly readFile: (path: string) => string;
}

const OPTIONS = {
  scenario: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  region: { type: 'string' },
  'time-scale': { type: 'string' },
  'max-rps': { type: 'string' },
  burst: { type: 'string' },
  cors: { type: 'boolean' },
  'instance-addresses': { type: 'string' },
  'fail-operation': { type: 'string', multiple: true },
  fault: { type: 'string', multiple: true },
  'fault-after': { type: 'string', multiple: true },
  'not-found-for': { type: 'string' },
  'not-found-shape': { type: 'string' },
  'clock-skew': { type: 'string' },
  duration: { type: 'string', multiple: true },
  'vary-durations': { type: 'boolean' },
  seed: { type: 'string' },
  'request-log-limit': { type: 'string' },
  'no-request-log': { type: 'boolean' },
  'fail-certificate': { type: 'string', multiple: true },
  'unhealthy-instance': { type: 'string', multiple: true },
  'fail-deployment': { type: 'string', multiple: true },
  'fail-image': { type: 'string', multiple: true },
  'fail-container-service': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** Keeps the entries whose value is set: a list or map only when not empty. */
function defined(entries: Record<string, unknown>): SimulatorOptions {
  const kept = Object.entries(entries).filter(([, value]) => {
    if (value === undefined) return false;
    if (Array.isArray(value)) return value.length > 0;
    return typeof value !== 'object' || value === null || Object.keys(value).length > 0;
  });
  return Object.fromEntries(kept) as SimulatorOptions;
}

function flagOptions(values: Values): SimulatorOptions {
  const addresses = values['instance-addresses'];
  if (addresses !== undefined && addresses !== 'documentation' && addresses !== 'loopback') {
    throw new CliUsageError(`--instance-addresses expects documentation or loopback, got ${JSON.stringify(addresses)}`);
  }
  const shape = values['not-found-shape'];
  if (shape !== undefined && shape !== 'modeled' && shape !== 'no-header' && shape !== 'code-only') {
    throw new CliUsageError(`--not-found-shape expects modeled, no-header or code-only, got ${JSON.stringify(shape)}`);
  }
  const logLimit = values['no-request-log'] === true ? 0 : toNumber('request-log-limit', values['request-log-limit']);
  return defined({
    port: toNumber('port', values.port),
    host: values.host,
    region: values.region,
    timeScale: toNumber('time-scale', values['time-scale']),
    maxRequestsPerSecond: toNumber('max-rps', values['max-rps']),
    requestBurst: toNumber('burst', values.burst),
    cors: values.cors === true ? true : undefined,
    instanceAddresses: addresses,
    failures: (values['fail-operation'] ?? []).map(toFailure),
    faults: [
      ...(values.fault ?? []).map((value) => toFault('fault', value, 'before')),
      ...(values['fault-after'] ?? []).map((value) => toFault('fault-after', value, 'after')),
    ],
    notFoundForMs: toNumber('not-found-for', values['not-found-for']),
    notFoundShape: shape,
    clockSkewMs: toNumber('clock-skew', values['clock-skew'], true),
    durations: toDurations(values.duration ?? []),
    varyDurations: values['vary-durations'] === true ? true : undefined,
    seed: toNumber('seed', values.seed),
    requestLogLimit: logLimit,
    certificateOutcomes: toOutcomes(values['fail-certificate'] ?? []),
    unhealthyInstances: toInstanceNames(values['unhealthy-instance'] ?? []),
    deploymentFailures: toDeploymentFailures(values['fail-deployment'] ?? [], values['fail-image'] ?? []),
    containerServiceFailures: toServiceFailures(values['fail-container-service'] ?? []),
  });
}

/** Parses the arguments after the command name; throws `CliUsageError` for unknown flags, bad values or a bad scenario. */
export function parseSimulatorArgs(
  argv: readonly string[],
  files: CliFiles = { readFile: (path) => readFileSync(path, 'utf8') },
): CliRequest {
  let values: Values;
  try {
    ({ values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: OPTIONS }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { help: true };
  const flags = flagOptions(values);
  if (values.scenario === undefined) return { help: false, options: flags };
  let text: string;
  try {
    text = files.readFile(values.scenario);
  } catch (error) {
    throw new CliUsageError(`--scenario ${values.scenario}: cannot read it (${error instanceof Error ? error.message : String(error)})`);
  }
  return { help: false, options: mergeOptions(parseScenario(text, values.scenario), flags) };
}
