/**
 * Validation of `startSimulator`'s options at the door, and their defaults.
 */
import { NOT_FOUND_SHAPES } from './api-error.js';
import { checkNumber, checkOneOf, checkString, describeValue, isFiniteNonNegative, isNonNegative } from './checks.js';
import { checkDeploymentFailureRules, checkServiceFailures } from './container-rules.js';
import { type FailureRule, toFailureRule } from './failures.js';
import { type Fault, validateFault } from './faults.js';
import type { FailureRuleOption, InstanceAddressMode, SimulatorConfig, SimulatorOptions } from './options.js';
import { DEFAULT_RESOURCE_DURATIONS_MS, type ResourceDurations } from './resource-durations.js';
import { checkCertificateOutcomes, checkInstanceNames } from './resource-rules.js';

/** The default `requestLogLimit`: the latest 10,000 requests (a few MB at most). */
export const DEFAULT_REQUEST_LOG_LIMIT = 10_000;

function checkObject(name: string, value: unknown): object {
  if (typeof value !== 'object' || value === null) throw new TypeError(`Expected \`${name}\` to be an object, got ${describeValue(value)}`);
  return value;
}

function resolveDurations(durations: SimulatorOptions['durations']): Record<string, number> {
  const resolved: Record<string, number> = {};
  if (durations === undefined) return resolved;
  for (const [type, ms] of Object.entries(checkObject('durations', durations))) {
    if (ms === undefined) continue;
    resolved[type] = checkNumber(`durations.${type}`, ms, 'a number >= 0 (ms)', isNonNegative);
  }
  return resolved;
}

function resolveResourceDurations(durations: SimulatorOptions['resourceDurations']): ResourceDurations {
  if (durations === undefined) return DEFAULT_RESOURCE_DURATIONS_MS;
  const resolved: Record<string, number> = { ...DEFAULT_RESOURCE_DURATIONS_MS };
  for (const [key, ms] of Object.entries(checkObject('resourceDurations', durations))) {
    if (!(key in DEFAULT_RESOURCE_DURATIONS_MS)) {
      throw new TypeError(
        `Expected \`resourceDurations\` keys among ${Object.keys(DEFAULT_RESOURCE_DURATIONS_MS).join(', ')}, got ${describeValue(key)}`,
      );
    }
    if (ms !== undefined) resolved[key] = checkNumber(`resourceDurations.${key}`, ms, 'a finite number >= 0 (ms)', isFiniteNonNegative);
  }
  return Object.freeze(resolved) as unknown as ResourceDurations;
}

function resolveList<T, R>(name: string, value: readonly T[] | undefined, each: (item: T) => R): R[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError(`Expected \`${name}\` to be an array, got ${describeValue(value)}`);
  return value.map(each);
}

function resolveAddressMode(mode: unknown): InstanceAddressMode {
  if (mode === undefined) return 'documentation';
  if (mode !== 'documentation' && mode !== 'loopback') {
    throw new TypeError(`Expected \`instanceAddresses\` to be 'documentation' or 'loopback', got ${describeValue(mode)}`);
  }
  return mode;
}

function resolveCors(cors: unknown): string | undefined {
  if (cors === undefined || cors === false) return undefined;
  if (cors === true) return '*';
  return checkString('cors', cors, /\S/, 'a boolean or a non-empty origin string');
}

function resolveBoolean(name: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new TypeError(`Expected \`${name}\` to be a boolean, got ${describeValue(value)}`);
  return value;
}

const isInteger = (min: number) => (n: number) => Number.isInteger(n) && n >= min;

/** Applies defaults and validates every option, naming the option and the value on failure. */
export function resolveOptions(options: SimulatorOptions = {}): SimulatorConfig {
  checkObject('options', options);
  const clientNow = options.now ?? Date.now;
  if (typeof clientNow !== 'function') throw new TypeError(`Expected \`now\` to be a function, got ${describeValue(clientNow)}`);
  const { maxRequestsPerSecond } = options;
  const timeScale = checkNumber('timeScale', options.timeScale ?? 1, 'a finite number > 0', (n) => Number.isFinite(n) && n > 0);
  const clockSkewMs = checkNumber('clockSkewMs', options.clockSkewMs ?? 0, 'a finite number (ms)', Number.isFinite);
  const skew = clockSkewMs / timeScale;
  return {
    port: checkNumber('port', options.port ?? 0, 'an integer from 0 to 65535', (n) => Number.isInteger(n) && n >= 0 && n <= 65_535),
    host: checkString('host', options.host ?? '127.0.0.1', /^\S+$/, 'a non-empty host name'),
    region: checkString('region', options.region ?? 'us-east-1', /^[a-z0-9][a-z0-9-]*$/, 'a region name like `us-east-1`'),
    timeScale,
    durations: resolveDurations(options.durations),
    varyDurations: resolveBoolean('varyDurations', options.varyDurations),
    seed: checkNumber('seed', options.seed ?? 1, 'a safe integer', Number.isSafeInteger),
    resourceDurations: resolveResourceDurations(options.resourceDurations),
    instanceAddresses: resolveAddressMode(options.instanceAddresses),
    failures: resolveList<FailureRuleOption, FailureRule>('failures', options.failures, (rule) =>
      toFailureRule(rule?.match, rule?.failure),
    ),
    faults: resolveList<Fault, Fault>('faults', options.faults, validateFault),
    certificateOutcomes: checkCertificateOutcomes(options.certificateOutcomes ?? {}),
    unhealthyInstances: checkInstanceNames(options.unhealthyInstances ?? []),
    deploymentFailures: checkDeploymentFailureRules(options.deploymentFailures ?? []),
    containerServiceFailures: checkServiceFailures(options.containerServiceFailures ?? {}),
    containerLogPageSize: checkNumber('containerLogPageSize', options.containerLogPageSize ?? 100, 'an integer >= 1', isInteger(1)),
    notStartedMs: checkNumber('notStartedMs', options.notStartedMs ?? 1000, 'a finite number >= 0 (ms)', isFiniteNonNegative),
    notFoundForMs: checkNumber('notFoundForMs', options.notFoundForMs ?? 0, 'a finite number >= 0 (ms)', isFiniteNonNegative),
    notFoundShape: checkOneOf('notFoundShape', options.notFoundShape ?? 'modeled', NOT_FOUND_SHAPES),
    pageSize: checkNumber('pageSize', options.pageSize ?? 200, 'an integer >= 1', isInteger(1)),
    maxRequestsPerSecond:
      maxRequestsPerSecond === undefined
        ? undefined
        : checkNumber('maxRequestsPerSecond', maxRequestsPerSecond, 'an integer >= 1', isInteger(1)),
    requestBurst: resolveBurst(options.requestBurst, maxRequestsPerSecond),
    clockSkewMs,
    requestLogLimit: checkNumber(
      'requestLogLimit',
      options.requestLogLimit ?? DEFAULT_REQUEST_LOG_LIMIT,
      'an integer >= 0 or Infinity',
      (n) => n === Infinity || isInteger(0)(n),
    ),
    cors: resolveCors(options.cors),
    now: skew === 0 ? clientNow : () => clientNow() + skew,
  };
}

/** `requestBurst`: an integer >= 1, and only with `maxRequestsPerSecond` (it sizes that limit's bucket). */
function resolveBurst(burst: number | undefined, maxRequestsPerSecond: number | undefined): number | undefined {
  if (burst === undefined) return undefined;
  const checked = checkNumber('requestBurst', burst, 'an integer >= 1', isInteger(1));
  if (maxRequestsPerSecond === undefined) {
    throw new TypeError('`requestBurst` sizes the token bucket of `maxRequestsPerSecond`: give `maxRequestsPerSecond` too');
  }
  return checked;
}
