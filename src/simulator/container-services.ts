/**
 * Container services and their deployments: the stored records and the states derived lazily from
 * the instants stored in them (no timers). Container service actions return no operation ("Lightsail
 * container service does not return `Operation`", the AWS contributor of terraform-provider-aws PR
 * #20625), so these states are all a waiter can watch.
 *
 * From the evidence (dev guide = github.com/awsdocs/amazon-lightsail-developer-guide doc_source/):
 * - a new service is `PENDING`, then `READY`, or `RUNNING` once a deployment is active
 *   (amazon-lightsail-creating-container-services.md);
 * - a deployment makes the service `DEPLOYING` (codes CREATING_DEPLOYMENT, EVALUATING_HEALTH_CHECK,
 *   ACTIVATING_DEPLOYMENT; the provisioning codes CREATING_SYSTEM_RESOURCES, CREATING_NETWORK_INFRASTRUCTURE,
 *   PROVISIONING_CERTIFICATE, PROVISIONING_SERVICE are also listed for `DEPLOYING`, so the simulator reports
 *   them first for a deployment given to `CreateContainerService`); the deployment is `ACTIVATING`, then
 *   `ACTIVE`, and the previous one `INACTIVE`;
 * - a deployment that fails leaves the previous one active, or the service `READY` without one
 *   (amazon-lightsail-container-services-deployments.md, "Deployment failures"); a service never goes back
 *   to `READY` once a deployment succeeded (terraform-provider-aws PR #20625);
 * - `UpdateContainerService` makes it `UPDATING` (PROVISIONING_SERVICE, seen in a public runbook), then
 *   `DISABLED`, `READY` or `RUNNING` (terraform-provider-aws `waitContainerServiceDisabled`/`Updated`);
 * - a service whose creation fails stays `PENDING` with CERTIFICATE_LIMIT_EXCEEDED or UNKNOWN_ERROR, the
 *   only codes documented for `PENDING` (SDK `ContainerServiceStateDetail`).
 */
import type { ContainerServiceFailureCode } from './container-rules.js';

/** A container as a deployment stores it (`Container`). */
export interface ContainerSpec {
  readonly image: string;
  readonly command: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  readonly ports: Readonly<Record<string, string>>;
}

/** A deployment's public endpoint with its health check defaults filled in. */
export interface EndpointSpec {
  readonly containerName: string;
  readonly containerPort: number;
  readonly healthCheck: {
    readonly healthyThreshold: number;
    readonly unhealthyThreshold: number;
    readonly timeoutSeconds: number;
    readonly intervalSeconds: number;
    readonly path: string;
    readonly successCodes: string;
  };
}

/** Why and since when (clock ms) a deployment fails. */
export interface DeploymentFailure {
  readonly reason: string;
  readonly since: number;
}

/** One stored deployment; instants are clock ms. Internal. */
export interface DeploymentRecord {
  readonly version: number;
  readonly createdAt: number;
  readonly containers: Readonly<Record<string, ContainerSpec>>;
  readonly publicEndpoint: EndpointSpec | undefined;
  /** Nodes started by the deployment (the service's scale when it was created). */
  readonly nodes: number;
  /** When its work starts: its request, or the end of `PENDING` for one given to `CreateContainerService`. */
  readonly startAt: number;
  readonly creatingEnd: number;
  readonly healthEnd: number;
  readonly activeAt: number;
  /** Codes reported before CREATING_DEPLOYMENT, in equal slices of the creating phase. */
  readonly provisioningCodes: readonly string[];
  failure: DeploymentFailure | undefined;
  /** When a newer deployment replaced it while it was still activating. */
  supersededAt: number | undefined;
}

/** An `UPDATING` window and the codes reported during it, in equal slices. */
export interface UpdateWindow {
  readonly start: number;
  readonly end: number;
  readonly codes: readonly string[];
}

/** One stored container service. Internal. */
export interface ContainerServiceRecord {
  readonly name: string;
  readonly arn: string;
  readonly createdAt: number;
  readonly url: string;
  readonly principalArn: string;
  readonly tags: readonly object[];
  power: string;
  scale: number;
  publicDomainNames: Record<string, string[]>;
  ecrPullerActive: boolean;
  isDisabled: boolean;
  /** End of `PENDING`. */
  readonly readyAt: number;
  createFailure: ContainerServiceFailureCode | undefined;
  update: UpdateWindow | undefined;
  deletedAt: number | undefined;
  /** Retained deployments, ascending version. */
  deployments: DeploymentRecord[];
  nextVersion: number;
}

/** What `GetContainerServices` reports as `state` and `stateDetail.code` at an instant. */
export interface ServiceStatus {
  readonly state: string;
  readonly code: string | undefined;
}

/** When the deployment stops working: failed, superseded, or active. */
export function deploymentEnd(d: DeploymentRecord): number {
  const natural = d.failure === undefined ? d.activeAt : d.healthEnd;
  return d.supersededAt === undefined ? natural : Math.min(natural, d.supersededAt);
}

/** Whether the deployment became active at or before `now` (a superseded one never does). */
function isActivatedBy(d: DeploymentRecord, now: number): boolean {
  return d.failure === undefined && d.supersededAt === undefined && d.activeAt <= now;
}

function newest(list: readonly DeploymentRecord[], test: (d: DeploymentRecord) => boolean): DeploymentRecord | undefined {
  for (let i = list.length - 1; i >= 0; i -= 1) {
    const d = list[i] as DeploymentRecord;
    if (test(d)) return d;
  }
  return undefined;
}

/** The deployment running at `now` (the newest one activated), if any. */
export function activeDeployment(service: ContainerServiceRecord, now: number): DeploymentRecord | undefined {
  return newest(service.deployments, (d) => isActivatedBy(d, now));
}

/** The deployment still activating at `now` (at most one: a newer one supersedes it), if any. */
export function activatingDeployment(service: ContainerServiceRecord, now: number): DeploymentRecord | undefined {
  return newest(service.deployments, (d) => now < deploymentEnd(d));
}

/** The deployment's `state` at `now`. */
export function deploymentStateAt(service: ContainerServiceRecord, d: DeploymentRecord, now: number): string {
  if (d.supersededAt !== undefined && now >= d.supersededAt) return 'INACTIVE';
  if (d.failure !== undefined && now >= d.healthEnd) return 'FAILED';
  if (now < d.activeAt) return 'ACTIVATING';
  return activeDeployment(service, now) === d ? 'ACTIVE' : 'INACTIVE';
}

/** The slice of `codes` that covers `now` in [start, end). */
function sliceCode(codes: readonly string[], start: number, end: number, now: number): string | undefined {
  const index = Math.min(codes.length - 1, Math.floor(((now - start) / Math.max(end - start, 1)) * codes.length));
  return codes[Math.max(index, 0)];
}

/** The `stateDetail.code` of the service while `d` runs, at `now`. */
function deployingCode(d: DeploymentRecord, now: number): string | undefined {
  if (now < d.creatingEnd) return sliceCode([...d.provisioningCodes, 'CREATING_DEPLOYMENT'], d.startAt, d.creatingEnd, now);
  return now < d.healthEnd ? 'EVALUATING_HEALTH_CHECK' : 'ACTIVATING_DEPLOYMENT';
}

/** The service's `state` and `stateDetail.code` at `now` (before its deletion has finished). */
export function serviceStatusAt(service: ContainerServiceRecord, now: number): ServiceStatus {
  if (service.deletedAt !== undefined && now >= service.deletedAt) return { state: 'DELETING', code: undefined };
  if (service.createFailure !== undefined && now >= service.readyAt) return { state: 'PENDING', code: service.createFailure };
  if (now < service.readyAt || service.createFailure !== undefined) return { state: 'PENDING', code: undefined };
  const { update } = service;
  if (update !== undefined && update.start <= now && now < update.end) {
    return { state: 'UPDATING', code: sliceCode(update.codes, update.start, update.end, now) };
  }
  if (service.isDisabled) return { state: 'DISABLED', code: undefined };
  const running = activatingDeployment(service, now);
  if (running !== undefined && running.startAt <= now) return { state: 'DEPLOYING', code: deployingCode(running, now) };
  return { state: activeDeployment(service, now) === undefined ? 'READY' : 'RUNNING', code: undefined };
}

/** Whether a deletion has removed the service at `now`. */
export function isServiceGone(service: ContainerServiceRecord, now: number, deletingMs: number): boolean {
  return service.deletedAt !== undefined && now >= service.deletedAt + deletingMs;
}
