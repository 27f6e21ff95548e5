/**
 * `startSimulator`: a local HTTP server that speaks Lightsail's AWS JSON 1.1 protocol, so an
 * unmodified `LightsailClient` with `endpoint` pointed at it works.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ScaledWaitOptions, scaledWaitOptions } from '../policy/scaled-wait-options.js';
import { containerControls } from './container-controls.js';
import type { ContainerServiceFailureCode, DeploymentFailureRule } from './container-rules.js';
import type { OperationFailure, OperationMatch } from './failures.js';
import { type Fault, FaultQueue } from './faults.js';
import { operationControls } from './operation-controls.js';
import type { OperationSpec } from './operation-spec.js';
import type { SimulatorConfig, SimulatorOptions } from './options.js';
import type { OpenPortOptions, PortListener } from './port-listeners.js';
import { PortListeners } from './port-listeners.js';
import type { OperationJson } from './protocol.js';
import { type RequestLimiter, SlidingWindowLimiter, TokenBucketLimiter } from './rate-limit.js';
import { RegionStates } from './regions.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { resolveOptions } from './resolve-options.js';
import { resourceControls } from './resource-controls.js';
import type { CertificateOutcome, InstanceHealthSetting } from './resource-rules.js';
import { createRequestListener } from './server.js';

/**
 * A running simulator.
 *
 * **Making things fail.** Every way is available both to tests (methods) and at start (options,
 * hence the command line's flags):
 * - operations: `failOperations(match, failure)` / the `failures` option / `--fail-operation TYPE[:CODE]`.
 *   A failed create leaves its resource broken: an instance `terminated`, a disk `error`, a database
 *   `failed`, a load balancer `failed`, a distribution `Failed`; a failed attach leaves the disk or
 *   instance unattached, a failed stop leaves the instance `running`.
 * - certificates: `setCertificateOutcome(name, 'FAILED' | 'VALIDATION_TIMED_OUT')` / the
 *   `certificateOutcomes` option / `--fail-certificate NAME[:OUTCOME]`, for Lightsail certificates
 *   and load balancer TLS certificates of that name.
 * - load balancer health: `setInstanceHealth(name, 'unhealthy')` / the `unhealthyInstances` option /
 *   `--unhealthy-instance NAME`.
 * - container service deployments: `failDeployments({ serviceName?, image?, reason? })` / the
 *   `deploymentFailures` option / `--fail-deployment SERVICE[:REASON]` and `--fail-image TEXT[:REASON]`.
 *   The deployment ends `FAILED` after `EVALUATING_HEALTH_CHECK`, the service stays on its previous
 *   deployment (`RUNNING`) or goes back to `READY`, and `GetContainerLog` shows the reason.
 * - container service creation: `failContainerService(name, 'CERTIFICATE_LIMIT_EXCEEDED' | 'UNKNOWN_ERROR')` /
 *   the `containerServiceFailures` option / `--fail-container-service NAME[:CODE]`: the service stays
 *   `PENDING` with that `stateDetail.code`.
 * - requests: `injectFault(fault)` / the `faults` option / `--fault` and `--fault-after`: every exception
 *   of the model with its HTTP status, throttling, HTTP 5xx, resets, delays; before the action or after it
 *   (its answer lost); `hideOperation` / `notFoundForMs` / `--not-found-for`; not-found answers in each wire
 *   shape (`notFoundShape`); a server clock off the client's (`clockSkewMs` / `--clock-skew`).
 */
export interface Simulator {
  /** The URL to pass as the client's `endpoint`, e.g. `http://127.0.0.1:54321`. */
  readonly endpoint: string;
  /** The port it listens on. */
  readonly port: number;
  /**
   * Wait options whose schedule runs as fast as this simulator (`scaledWaitOptions(timeScale)`):
   * spread them into a waiter's options, `{ ...sim.waitOptions, timeoutMs }`, and a wait polls
   * with Lightsail's shape, `timeScale` times faster. The CLI's `--time-scale` does the same.
   */
  readonly waitOptions: ScaledWaitOptions;
  /**
   * The latest answered requests (at most `requestLogLimit`) since the start or the last
   * `clearRequests()`, oldest first (CORS preflights excluded).
   */
  readonly requests: readonly RequestLogEntry[];
  /** Empties `requests`. */
  clearRequests(): void;
  /**
   * Creates an operation directly, with no resource behind it (in `spec.region`, the default region
   * unless told), and returns it in wire shape (see `toSdkOperation`). It is `Started` unless `spec.status` says otherwise.
   */
  createOperation(spec?: OperationSpec): OperationJson;
  /** The current state of an operation of any region in wire shape, or `undefined` if there is none with that id (hidden ones included). */
  operation(operationId: string): OperationJson | undefined;
  /**
   * Makes matching operations end `Failed` with this error, in every region: operations created from
   * now on, and existing ones not finished yet. Stays in force until `clearFailures()`.
   */
  failOperations(match: OperationMatch, failure: OperationFailure): void;
  /** Forgets every `failOperations` rule; operations already made to fail stay so. */
  clearFailures(): void;
  /**
   * Answers the next `fault.times` requests matching `fault.action` (and `fault.region`) with the fault,
   * first injected first: before the action runs, or with `phase: 'after'` once it has run (its answer lost).
   */
  injectFault(fault: Fault): void;
  /** The faults not used up yet, first injected first; `times` is what remains of each. */
  readonly pendingFaults: readonly Fault[];
  /** Removes every pending fault. */
  clearFaults(): void;
  /**
   * Makes `GetOperation` answer `NotFoundException` for this operation during the next `forMs`
   * (ms before `timeScale`), like Lightsail's eventual consistency; listings still include it.
   * Throws `RangeError` for an unknown id.
   */
  hideOperation(operationId: string, forMs: number): void;
  /**
   * Makes certificates named `certificateName` (Lightsail certificates and load balancer TLS
   * certificates) end their validation with `outcome`: those created from now on, and existing ones
   * still `PENDING_VALIDATION` (a domain already validated stays so). `FAILED` fails the next domain
   * to validate (reason `OTHER`); `VALIDATION_TIMED_OUT` happens `certificateValidationTimeoutMs` after creation;
   * `ISSUED` restores the default. Throws `TypeError` for a bad name or outcome.
   */
  setCertificateOutcome(certificateName: string, outcome: CertificateOutcome): void;
  /**
   * From now on, load balancer health checks of the instance report `health` (`unhealthy` with
   * reason `Instance.FailedHealthChecks`), on every load balancer it is or will be attached to.
   * Throws `TypeError` for a bad name or health.
   */
  setInstanceHealth(instanceName: string, health: InstanceHealthSetting): void;
  /**
   * Makes matching container service deployments fail their health check: those created from now on, and
   * existing ones still before the end of `EVALUATING_HEALTH_CHECK`. A rule selects by `serviceName`, by a
   * text contained in a container's `image`, or both; its `reason` is logged by the deployment's
   * containers. Stays in force until `clearDeploymentFailures()`. Throws `TypeError` for a bad rule.
   */
  failDeployments(rule: DeploymentFailureRule): void;
  /** Forgets every `failDeployments` rule; deployments already made to fail stay so. */
  clearDeploymentFailures(): void;
  /**
   * Makes the creation of container services named `serviceName` fail: those created from now on, and an
   * existing one still `PENDING`. It stays `PENDING`, with `stateDetail.code` `code` once its creation would
   * have ended, and a deployment given to its create ends `FAILED`. Throws `TypeError` for a bad name or code.
   * @param code @default 'UNKNOWN_ERROR'
   */
  failContainerService(serviceName: string, code?: ContainerServiceFailureCode): void;
  /**
   * Opens a real TCP port on the instance's current public address (its static IP's, or its dynamic
   * one once assigned) and resolves with the listener; `port` 0 picks a free port. Only with
   * `instanceAddresses: 'loopback'` (rejects with an `Error` otherwise). Rejects with `RangeError`
   * when the instance does not exist or has no public address yet, and with the listen error (e.g.
   * EADDRINUSE). The listener does not follow the instance: close it to make the port refuse
   * connections (stop, reboot), open it again to make it answer. `close()` closes every listener.
   */
  openPort(instanceName: string, port?: number, options?: OpenPortOptions): Promise<PortListener>;
  /** Stops listening, closes every `openPort` listener and destroys every open connection (keep-alive included); idempotent. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** Starts a simulator; resolves once it listens. Rejects with `TypeError`/`RangeError` for a bad option, or the listen error. */
export async function startSimulator(options?: SimulatorOptions): Promise<Simulator> {
  const config = resolveOptions(options);
  const regions = new RegionStates(config);
  const faults = new FaultQueue();
  for (const fault of config.faults) faults.add(fault);
  const limiter = limiterOf(config);
  const log = new RequestLog(config.requestLogLimit);
  const waits = new Map<NodeJS.Timeout, (completed: boolean) => void>();
  const listeners = new PortListeners();
  let closing: Promise<void> | undefined;

  const wait = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (closing !== undefined) return resolve(false);
      const timer = setTimeout(() => {
        waits.delete(timer);
        resolve(true);
      }, ms);
      waits.set(timer, resolve);
    });

  const server = createServer(
    { keepAliveTimeout: 5000 },
    createRequestListener({ regions, faults, limiter, log: (entry) => log.push(entry), wait }),
  );
  await listen(server, config.port, config.host);
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  const simulator: Simulator = {
    endpoint: `http://${host}:${port}`,
    port,
    waitOptions: scaledWaitOptions(config.timeScale),
    get requests() {
      return log.entries();
    },
    clearRequests() {
      log.clear();
    },
    ...operationControls(regions),
    injectFault(fault) {
      faults.add(fault);
    },
    get pendingFaults() {
      return faults.pending();
    },
    clearFaults() {
      faults.clear();
    },
    ...resourceControls(regions, listeners),
    ...containerControls(regions),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const [timer, resolveWait] of waits) {
          clearTimeout(timer);
          resolveWait(false);
        }
        waits.clear();
        let pending = 2;
        const done = (): void => {
          pending -= 1;
          if (pending === 0) resolve();
        };
        listeners.closeAll().then(done, done);
        server.close(done);
        server.closeAllConnections();
      });
      return closing;
    },
  };
  return Object.freeze(simulator);
}

/** The account's request limit: none, a sliding window, or (with `requestBurst`) a token bucket. */
function limiterOf({ maxRequestsPerSecond, requestBurst }: SimulatorConfig): RequestLimiter | undefined {
  if (maxRequestsPerSecond === undefined) return undefined;
  return requestBurst === undefined
    ? new SlidingWindowLimiter(maxRequestsPerSecond)
    : new TokenBucketLimiter(maxRequestsPerSecond, requestBurst);
}
