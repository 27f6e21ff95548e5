/**
 * Options of `startSimulator`, their defaults, and validation at the door.
 */

import {
  type ContainerServiceFailureCode,
  checkDeploymentFailureRules,
  checkServiceFailures,
  type DeploymentFailureRule,
} from './container-rules.js';
import { type FailureRule, type OperationFailure, type OperationMatch, toFailureRule } from './failures.js';
import { DEFAULT_DURATIONS_MS, DEFAULT_RESOURCE_DURATIONS_MS, type ResourceDurations } from './resource-durations.js';
import { type CertificateOutcome, checkCertificateOutcomes, checkInstanceNames } from './resource-rules.js';

export { DEFAULT_DURATIONS_MS, DEFAULT_RESOURCE_DURATIONS_MS, FALLBACK_DURATION_MS } from './resource-durations.js';

/**
 * Which public addresses instances and static IPs get:
 * - `'documentation'`: addresses of the documentation ranges (198.51.100.x, 203.0.113.x), never reachable;
 * - `'loopback'`: distinct 127.x.y.z addresses, which Linux routes to the loopback interface, so that
 *   `Simulator.openPort` can listen on them and a real TCP client can connect (other systems may
 *   configure only 127.0.0.1).
 */
export type InstanceAddressMode = 'documentation' | 'loopback';

/** A `failOperations` rule given at start. */
export interface FailureRuleOption {
  readonly match: OperationMatch;
  readonly failure: OperationFailure;
}

/** How `startSimulator` is configured. Every field is optional. */
export interface SimulatorOptions {
  /** TCP port to listen on; `0` picks a random free port. @default 0 */
  readonly port?: number;
  /** Interface to listen on. @default '127.0.0.1' (loopback only) */
  readonly host?: string;
  /** Region reported in `location.regionName`; availability zones are `${region}a` and so on. @default 'us-east-1' */
  readonly region?: string;
  /**
   * Divides every simulated duration (operation durations, `notStartedMs`, `notFoundForMs`, hidden periods):
   * `100` makes a 20 s instance create take 200 ms. Must be a finite number > 0. @default 1
   */
  readonly timeScale?: number;
  /**
   * Duration of each operation type, keyed by `operationType` (`'CreateInstance'`), in ms before `timeScale`.
   * `Infinity` makes operations of that type never finish.
   * @default `DEFAULT_DURATIONS_MS` (each value's source is cited in `resource-durations.ts`); other types 10_000
   */
  readonly durations?: Readonly<Partial<Record<string, number>>>;
  /**
   * Durations of resource phases that are not operations (public IP delay, database backup, health
   * checks, certificate validation, distribution deployment, container service and deployment phases,
   * container log retention), in ms before `timeScale`.
   * @default `DEFAULT_RESOURCE_DURATIONS_MS`
   */
  readonly resourceDurations?: Readonly<Partial<ResourceDurations>>;
  /** Which public addresses instances and static IPs get; `'loopback'` enables `Simulator.openPort`. @default 'documentation' */
  readonly instanceAddresses?: InstanceAddressMode;
  /** `failOperations` rules in force from the start, as `Simulator.failOperations(match, failure)` would add them. @default [] */
  readonly failures?: readonly FailureRuleOption[];
  /** Outcome of the validation of certificates (Lightsail and load balancer TLS) by certificate name, as `Simulator.setCertificateOutcome`. @default {} (all `ISSUED`) */
  readonly certificateOutcomes?: Readonly<Record<string, CertificateOutcome>>;
  /** Instances that fail load balancer health checks from the start, as `Simulator.setInstanceHealth(name, 'unhealthy')`. @default [] */
  readonly unhealthyInstances?: readonly string[];
  /** Container service deployments that fail from the start, as `Simulator.failDeployments(rule)` would add them. @default [] */
  readonly deploymentFailures?: readonly DeploymentFailureRule[];
  /** Container services whose creation fails, by service name, as `Simulator.failContainerService(name, code)`. @default {} */
  readonly containerServiceFailures?: Readonly<Record<string, ContainerServiceFailureCode>>;
  /** Log events per page of `GetContainerLog` (Lightsail publishes no figure). @default 100 */
  readonly containerLogPageSize?: number;
  /** How long an operation created `NotStarted` (by `createOperation`) stays so before it is `Started`, ms before `timeScale`. @default 1000 */
  readonly notStartedMs?: number;
  /** Every new operation is answered `NotFoundException` by `GetOperation` for this long after it is created (eventual consistency), ms before `timeScale`. @default 0 */
  readonly notFoundForMs?: number;
  /** Operations per page of `GetOperations` and `GetOperationsForResource`. @default 200 (as Lightsail) */
  readonly pageSize?: number;
  /**
   * Account-like request limit: a request that would make more than this many answered requests in a
   * sliding 1 s window of the clock (`now`) is answered `ThrottlingException` instead. @default undefined (no limit)
   */
  readonly maxRequestsPerSecond?: number;
  /** Answer CORS preflights and add CORS headers: `true` allows any origin, a string allows that origin. @default false */
  readonly cors?: boolean | string;
  /** The simulator's clock, epoch ms; inject one to run tests and benchmarks in virtual time. @default Date.now */
  readonly now?: () => number;
}

/** Options with defaults applied; internal. */
export interface SimulatorConfig {
  readonly port: number;
  readonly host: string;
  readonly region: string;
  readonly timeScale: number;
  readonly durations: Readonly<Record<string, number>>;
  readonly resourceDurations: ResourceDurations;
  readonly instanceAddresses: InstanceAddressMode;
  readonly failures: readonly FailureRule[];
  readonly certificateOutcomes: Readonly<Record<string, CertificateOutcome>>;
  readonly unhealthyInstances: readonly string[];
  readonly deploymentFailures: readonly DeploymentFailureRule[];
  readonly containerServiceFailures: Readonly<Record<string, ContainerServiceFailureCode>>;
  readonly containerLogPageSize: number;
  readonly notStartedMs: number;
  readonly notFoundForMs: number;
  readonly pageSize: number;
  readonly maxRequestsPerSecond: number | undefined;
  readonly cors: string | undefined;
  readonly now: () => number;
}

/** Describes a received value for error messages: `` `-5` (number) ``. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return `\`${text}\` (${value === null ? 'null' : typeof value})`;
}

/** Throws a `RangeError`/`TypeError` unless `value` is a number accepted by `test`. */
export function checkNumber(name: string, value: unknown, expected: string, test: (n: number) => boolean): number {
  if (typeof value !== 'number') throw new TypeError(`Expected \`${name}\` to be ${expected}, got ${describeValue(value)}`);
  if (Number.isNaN(value) || !test(value)) throw new RangeError(`Expected \`${name}\` to be ${expected}, got ${describeValue(value)}`);
  return value;
}

export const isNonNegative = (n: number): boolean => n >= 0;
export const isFiniteNonNegative = (n: number): boolean => Number.isFinite(n) && n >= 0;

function checkString(name: string, value: unknown, pattern: RegExp, expected: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new TypeError(`Expected \`${name}\` to be ${expected}, got ${describeValue(value)}`);
  }
  return value;
}

function resolveDurations(durations: SimulatorOptions['durations']): Record<string, number> {
  const resolved: Record<string, number> = { ...DEFAULT_DURATIONS_MS };
  if (durations === undefined) return resolved;
  if (typeof durations !== 'object' || durations === null) {
    throw new TypeError(`Expected \`durations\` to be an object, got ${describeValue(durations)}`);
  }
  for (const [type, ms] of Object.entries(durations)) {
    if (ms === undefined) continue;
    resolved[type] = checkNumber(`durations.${type}`, ms, 'a number >= 0 (ms)', isNonNegative);
  }
  return resolved;
}

function resolveResourceDurations(durations: SimulatorOptions['resourceDurations']): ResourceDurations {
  if (durations === undefined) return DEFAULT_RESOURCE_DURATIONS_MS;
  if (typeof durations !== 'object' || durations === null) {
    throw new TypeError(`Expected \`resourceDurations\` to be an object, got ${describeValue(durations)}`);
  }
  const resolved: Record<string, number> = { ...DEFAULT_RESOURCE_DURATIONS_MS };
  for (const [key, ms] of Object.entries(durations)) {
    if (!(key in DEFAULT_RESOURCE_DURATIONS_MS)) {
      throw new TypeError(
        `Expected \`resourceDurations\` keys among ${Object.keys(DEFAULT_RESOURCE_DURATIONS_MS).join(', ')}, got ${describeValue(key)}`,
      );
    }
    if (ms !== undefined) resolved[key] = checkNumber(`resourceDurations.${key}`, ms, 'a finite number >= 0 (ms)', isFiniteNonNegative);
  }
  return Object.freeze(resolved) as unknown as ResourceDurations;
}

function resolveFailures(failures: SimulatorOptions['failures']): FailureRule[] {
  if (failures === undefined) return [];
  if (!Array.isArray(failures)) throw new TypeError(`Expected \`failures\` to be an array, got ${describeValue(failures)}`);
  return failures.map((rule: FailureRuleOption) => toFailureRule(rule?.match, rule?.failure));
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

/** Applies defaults and validates every option, naming the option and the value on failure. */
export function resolveOptions(options: SimulatorOptions = {}): SimulatorConfig {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Expected options to be an object, got ${describeValue(options)}`);
  }
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError(`Expected \`now\` to be a function, got ${describeValue(now)}`);
  const { maxRequestsPerSecond } = options;
  return {
    port: checkNumber('port', options.port ?? 0, 'an integer from 0 to 65535', (n) => Number.isInteger(n) && n >= 0 && n <= 65_535),
    host: checkString('host', options.host ?? '127.0.0.1', /^\S+$/, 'a non-empty host name'),
    region: checkString('region', options.region ?? 'us-east-1', /^[a-z0-9][a-z0-9-]*$/, 'a region name like `us-east-1`'),
    timeScale: checkNumber('timeScale', options.timeScale ?? 1, 'a finite number > 0', (n) => Number.isFinite(n) && n > 0),
    durations: resolveDurations(options.durations),
    resourceDurations: resolveResourceDurations(options.resourceDurations),
    instanceAddresses: resolveAddressMode(options.instanceAddresses),
    failures: resolveFailures(options.failures),
    certificateOutcomes: checkCertificateOutcomes(options.certificateOutcomes ?? {}),
    unhealthyInstances: checkInstanceNames(options.unhealthyInstances ?? []),
    deploymentFailures: checkDeploymentFailureRules(options.deploymentFailures ?? []),
    containerServiceFailures: checkServiceFailures(options.containerServiceFailures ?? {}),
    containerLogPageSize: checkNumber(
      'containerLogPageSize',
      options.containerLogPageSize ?? 100,
      'an integer >= 1',
      (n) => Number.isInteger(n) && n >= 1,
    ),
    notStartedMs: checkNumber('notStartedMs', options.notStartedMs ?? 1000, 'a finite number >= 0 (ms)', isFiniteNonNegative),
    notFoundForMs: checkNumber('notFoundForMs', options.notFoundForMs ?? 0, 'a finite number >= 0 (ms)', isFiniteNonNegative),
    pageSize: checkNumber('pageSize', options.pageSize ?? 200, 'an integer >= 1', (n) => Number.isInteger(n) && n >= 1),
    maxRequestsPerSecond:
      maxRequestsPerSecond === undefined
        ? undefined
        : checkNumber('maxRequestsPerSecond', maxRequestsPerSecond, 'an integer >= 1', (n) => Number.isInteger(n) && n >= 1),
    cors: resolveCors(options.cors),
    now,
  };
}
