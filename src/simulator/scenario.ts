/**
 * `--scenario FILE`: simulator options from a JSON file, so that a shell script can set up failing
 * operations, faults, rate limits, hidden operations and clock skew without writing Node. The file
 * holds the options of `startSimulator` (but `now`) under their own names; JSON has no `Infinity`,
 * so the string `"Infinity"` stands for it in `durations` and in `faults[].times`. Values are checked
 * by `startSimulator`, which names the option.
 */
import { CliUsageError } from './cli-values.js';
import type { SimulatorOptions } from './options.js';

/** The keys a scenario may hold: every option of `startSimulator` but `now`. */
export const SCENARIO_KEYS: readonly string[] = [
  'port',
  'host',
  'region',
  'timeScale',
  'durations',
  'varyDurations',
  'seed',
  'resourceDurations',
  'instanceAddresses',
  'failures',
  'faults',
  'certificateOutcomes',
  'unhealthyInstances',
  'deploymentFailures',
  'containerServiceFailures',
  'containerLogPageSize',
  'notStartedMs',
  'notFoundForMs',
  'notFoundShape',
  'pageSize',
  'maxRequestsPerSecond',
  'requestBurst',
  'clockSkewMs',
  'requestLogLimit',
  'cors',
];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const infinity = (value: unknown): unknown => (value === 'Infinity' ? Infinity : value);

/** Parses a scenario file's text; throws `CliUsageError` naming the file for bad JSON, a non-object or an unknown key. */
export function parseScenario(text: string, file: string): SimulatorOptions {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliUsageError(`--scenario ${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(parsed)) throw new CliUsageError(`--scenario ${file}: expected a JSON object of simulator options`);
  const unknown = Object.keys(parsed).find((key) => !SCENARIO_KEYS.includes(key));
  if (unknown !== undefined) {
    throw new CliUsageError(`--scenario ${file}: unknown option ${JSON.stringify(unknown)} (known: ${SCENARIO_KEYS.join(', ')})`);
  }
  const options: Json = { ...parsed };
  if (isObject(options.durations)) {
    options.durations = Object.fromEntries(Object.entries(options.durations).map(([type, ms]) => [type, infinity(ms)]));
  }
  if (Array.isArray(options.faults)) {
    options.faults = options.faults.map((fault: unknown) =>
      isObject(fault) && 'times' in fault ? { ...fault, times: infinity(fault.times) } : fault,
    );
  }
  return options as SimulatorOptions;
}

/** The scenario's options overridden by the flags': lists add up (scenario first), maps merge, the rest the flags win. */
export function mergeOptions(scenario: SimulatorOptions, flags: SimulatorOptions): SimulatorOptions {
  const merged: Json = { ...scenario, ...flags };
  for (const key of ['failures', 'faults', 'unhealthyInstances', 'deploymentFailures'] as const) {
    const [first, second] = [scenario[key], flags[key]];
    // A value that is not a list is left for startSimulator to reject.
    if (Array.isArray(first) && Array.isArray(second)) merged[key] = [...first, ...second];
  }
  for (const key of ['durations', 'resourceDurations', 'certificateOutcomes', 'containerServiceFailures'] as const) {
    if (scenario[key] !== undefined && flags[key] !== undefined) merged[key] = { ...scenario[key], ...flags[key] };
  }
  return merged as SimulatorOptions;
}
