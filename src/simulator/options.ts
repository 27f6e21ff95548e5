/**
 * Options of `startSimulator` and the configuration they resolve to (validation: `resolve-options.ts`).
 */

import type { NotFoundShape } from './api-error.js';
import type { ContainerServiceFailureCode, DeploymentFailureRule } from './container-rules.js';
import type { FailureRule, OperationFailure, OperationMatch } from './failures.js';
import type { Fault } from './faults.js';
import type { ResourceDurations } from './resource-durations.js';
import type { CertificateOutcome } from './resource-rules.js';

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
  /** Which operations fail, as `Simulator.failOperations`'s first argument. */
  readonly match: OperationMatch;
  /** How they fail, as `Simulator.failOperations`'s second argument. */
  readonly failure: OperationFailure;
}

/** How `startSimulator` is configured. Every field is optional. */
export interface SimulatorOptions {
  /** TCP port to listen on; `0` picks a random free port. @default 0 */
  readonly port?: number;
  /** Interface to listen on. @default '127.0.0.1' (loopback only) */
  readonly host?: string;
  /**
   * The region of requests that name none. Every request is served by the state of the region its
   * SigV4 credential scope names (`Credential=AKID/20240102/us-east-2/lightsail/aws4_request`), so one
   * endpoint serves every region, each with its own resources and operations; requests without a
   * signature (raw HTTP) and the `Simulator` methods use this one. @default 'us-east-1'
   */
  readonly region?: string;
  /**
   * Divides every simulated duration (operation durations, `notStartedMs`, `notFoundForMs`, hidden periods,
   * `clockSkewMs`): `100` makes a 20 s instance create take 200 ms. Must be a finite number > 0. @default 1
   */
  readonly timeScale?: number;
  /**
   * Exact duration of operation types, keyed by `operationType` (`'CreateInstance'`), in ms before `timeScale`;
   * `Infinity` makes operations of that type never finish. Wins over `varyDurations` for the types it names.
   * @default `DEFAULT_DURATIONS_MS` (each value's source is cited in `resource-durations.ts`); other types 10_000
   */
  readonly durations?: Readonly<Partial<Record<string, number>>>;
  /**
   * Draw each operation's duration from its type's log-normal distribution (`duration-model.ts`: medians and
   * spreads from public figures, e.g. CreateInstance around 17.9 s, load balancer attaches 16–68 s) instead
   * of the exact defaults, and let `statusChangedAt` move while a database or disk create is still `Started`,
   * as real responses show. Deterministic under `seed`. @default false (exact durations)
   */
  readonly varyDurations?: boolean;
  /** Seed of the `varyDurations` draws: the same seed and the same requests give the same durations. @default 1 */
  readonly seed?: number;
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
  /** Faults pending from the start, as `Simulator.injectFault(fault)` would add them, in order. @default [] */
  readonly faults?: readonly Fault[];
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
  /**
   * How not-found answers go on the wire (always HTTP 404, the model's status):
   * - `'modeled'`: `x-amzn-errortype: NotFoundException` and a body with `__type` and `code: "DoesNotExist"`;
   * - `'no-header'`: the same body without the header, as some real answers come: SDK clients whose generated
   *   `Aws_json1_1.ts` reads the header, then `code`, then `__type` (`loadRestJsonErrorCode` in aws-sdk-js-v3's
   *   clients/client-lightsail; e.g. 3.668.0) name the error `DoesNotExist`; 3.1169 reads `__type` first and
   *   still says `NotFoundException`;
   * - `'code-only'`: no header and no `__type`, only `code: "DoesNotExist"`: every client names it `DoesNotExist`,
   *   a plain `LightsailServiceException`.
   * terraform-provider-aws matches `DoesNotExist` because "Some Operations do not properly return the
   * types.NotFoundException error" (internal/service/lightsail/errs.go). @default 'modeled'
   */
  readonly notFoundShape?: NotFoundShape;
  /** Operations per page of `GetOperations` and `GetOperationsForResource`. @default 200 (as Lightsail) */
  readonly pageSize?: number;
  /**
   * Account-like request limit: a request that would make more than this many answered requests in a
   * sliding 1 s window of the clock (`now`) is answered `ThrottlingException` instead. @default undefined (no limit)
   */
  readonly maxRequestsPerSecond?: number;
  /**
   * With `maxRequestsPerSecond`, the limit is a token bucket instead, as EC2 and ECS document for
   * their APIs: it holds at most this many tokens (full at the start), refilled at
   * `maxRequestsPerSecond` a second; each request takes one, and one that finds none is answered
   * `ThrottlingException`. So bursts of up to this many go through after a quiet spell. EC2's
   * DescribeHosts: 100 tokens, refilled 20 a second. @default undefined (the sliding window)
   */
  readonly requestBurst?: number;
  /**
   * The server's clock runs this far ahead of `now` (negative: behind), ms before `timeScale`: every
   * timestamp it sends (`createdAt`, `statusChangedAt`) and every time it reads (`createOperation`'s
   * `createdAt`, the request log) is on that clock, as when the client's clock is wrong. @default 0
   */
  readonly clockSkewMs?: number;
  /** How many entries `Simulator.requests` keeps, the latest; `0` keeps none. @default 10_000 */
  readonly requestLogLimit?: number;
  /** Answer CORS preflights and add CORS headers: `true` allows any origin, a string allows that origin. @default false */
  readonly cors?: boolean | string;
  /** The clock (epoch ms) the client is on; the server's is this plus `clockSkewMs`. Inject one to run in virtual time. @default Date.now */
  readonly now?: () => number;
}

/** Options with defaults applied; internal. `now` is the server's clock, skew included. */
export interface SimulatorConfig {
  readonly port: number;
  readonly host: string;
  readonly region: string;
  readonly timeScale: number;
  /** Only the types the `durations` option names. */
  readonly durations: Readonly<Record<string, number>>;
  readonly varyDurations: boolean;
  readonly seed: number;
  readonly resourceDurations: ResourceDurations;
  readonly instanceAddresses: InstanceAddressMode;
  readonly failures: readonly FailureRule[];
  readonly faults: readonly Fault[];
  readonly certificateOutcomes: Readonly<Record<string, CertificateOutcome>>;
  readonly unhealthyInstances: readonly string[];
  readonly deploymentFailures: readonly DeploymentFailureRule[];
  readonly containerServiceFailures: Readonly<Record<string, ContainerServiceFailureCode>>;
  readonly containerLogPageSize: number;
  readonly notStartedMs: number;
  readonly notFoundForMs: number;
  readonly notFoundShape: NotFoundShape;
  readonly pageSize: number;
  readonly maxRequestsPerSecond: number | undefined;
  readonly requestBurst: number | undefined;
  readonly clockSkewMs: number;
  readonly requestLogLimit: number;
  readonly cors: string | undefined;
  readonly now: () => number;
}
