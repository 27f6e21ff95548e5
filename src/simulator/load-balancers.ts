/**
 * Load balancers: the stored record, the state and instance health derived lazily from operations,
 * and the `GetLoadBalancer` wire shape.
 *
 * Health follows the ELB target health that Lightsail reports (`InstanceHealthState` and
 * `InstanceHealthReason` of the SDK): `initial` with `Lb.RegistrationInProgress` while the attach
 * runs, `initial` with `Lb.InitialHealthChecking` for one health-check interval after it, then
 * `healthy` (or `unhealthy` with `Instance.FailedHealthChecks` when made to fail, or `unused` with
 * `Instance.InvalidState` when the instance is not running); `draining` with
 * `Instance.DeregistrationInProgress` while a detach runs, after which the instance is no longer
 * listed. CloudFormation's Lightsail handler treats `initial` and `draining` as not yet stable
 * (aws-cloudformation-resource-providers-lightsail, LoadBalancer.java `isStabilizedInstances`).
 */
import { hasSucceededAt, isTerminalAt, type OperationRecord } from './lifecycle.js';
import { epochSeconds, type LocationJson } from './protocol.js';
import type { InstanceHealthSetting } from './resource-rules.js';
import type { ValidationPlan } from './validation.js';

/** One instance attached (or being attached or detached) to a load balancer. */
export interface LbAttachment {
  readonly instanceName: string;
  readonly attachOp: OperationRecord;
  detachOp: OperationRecord | undefined;
}

/** A stored load balancer TLS certificate. Internal. */
export interface LbCertificateRecord {
  readonly name: string;
  readonly loadBalancerName: string;
  readonly arn: string;
  readonly supportCode: string;
  readonly domainName: string;
  readonly alternativeNames: readonly string[];
  readonly plan: ValidationPlan;
}

/** A stored load balancer. Internal. */
export interface LoadBalancerRecord {
  readonly name: string;
  readonly arn: string;
  readonly supportCode: string;
  readonly createdAt: number;
  readonly dnsName: string;
  readonly instancePort: number;
  readonly healthCheckPath: string;
  readonly ipAddressType: string;
  readonly createOp: OperationRecord;
  /** The scaled `loadBalancerActiveMs`. */
  readonly activeAfter: number;
  /** By instance name, in attach order. */
  readonly attachments: Map<string, LbAttachment>;
  /** By certificate name. */
  readonly certificates: Map<string, LbCertificateRecord>;
}

/** The load balancer's state at `now`: `provisioning`, `active` or `failed`. */
export function loadBalancerStateAt(lb: LoadBalancerRecord, now: number): string {
  if (!isTerminalAt(lb.createOp, now)) return 'provisioning';
  if (!hasSucceededAt(lb.createOp, now)) return 'failed';
  return now < lb.createOp.endAt + lb.activeAfter ? 'provisioning' : 'active';
}

/** What the health of one attachment depends on besides its operations. */
export interface HealthContext {
  /** The scaled `healthCheckMs`. */
  readonly healthCheck: number;
  /** The instance's state at `now`, or `undefined` if it no longer exists. */
  readonly instanceState: string | undefined;
  /** What health checks report for the instance at `now`. */
  readonly setting: InstanceHealthSetting;
}

/** One `instanceHealthSummary` entry at `now`, or `undefined` when the instance is not (or no longer) listed. */
export function healthAt(attachment: LbAttachment, now: number, ctx: HealthContext): object | undefined {
  const { attachOp, detachOp, instanceName } = attachment;
  const entry = (instanceHealth: string, instanceHealthReason?: string) => ({
    instanceName,
    instanceHealth,
    ...(instanceHealthReason === undefined ? {} : { instanceHealthReason }),
  });
  if (detachOp !== undefined) {
    if (!isTerminalAt(detachOp, now)) return entry('draining', 'Instance.DeregistrationInProgress');
    if (hasSucceededAt(detachOp, now)) return undefined;
  }
  if (!isTerminalAt(attachOp, now)) return entry('initial', 'Lb.RegistrationInProgress');
  if (!hasSucceededAt(attachOp, now)) return undefined;
  if (now < attachOp.endAt + ctx.healthCheck) return entry('initial', 'Lb.InitialHealthChecking');
  if (ctx.instanceState !== 'running') return entry('unused', 'Instance.InvalidState');
  return ctx.setting === 'unhealthy' ? entry('unhealthy', 'Instance.FailedHealthChecks') : entry('healthy');
}

/** `GetLoadBalancer`'s `loadBalancer` (members of the SDK's `LoadBalancer`), shaped like the CLI example. */
export function loadBalancerJson(lb: LoadBalancerRecord, now: number, regionName: string, health: readonly object[]): object {
  return {
    name: lb.name,
    arn: lb.arn,
    supportCode: lb.supportCode,
    createdAt: epochSeconds(lb.createdAt),
    location: { availabilityZone: 'all', regionName } satisfies LocationJson,
    resourceType: 'LoadBalancer',
    tags: [],
    dnsName: lb.dnsName,
    state: loadBalancerStateAt(lb, now),
    protocol: 'HTTP',
    publicPorts: [80],
    healthCheckPath: lb.healthCheckPath,
    instancePort: lb.instancePort,
    instanceHealthSummary: health,
    tlsCertificateSummaries: [...lb.certificates.values()].map((cert) => ({ name: cert.name, isAttached: false })),
    configurationOptions: { SessionStickinessEnabled: 'false', SessionStickiness_LB_CookieDurationSeconds: '86400' },
    ipAddressType: lb.ipAddressType,
    httpsRedirectionEnabled: false,
  };
}
