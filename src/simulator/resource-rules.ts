/**
 * Rules that make resources misbehave without an operation failing: certificates whose validation
 * fails or times out, and instances that fail load balancer health checks.
 */
import { describeValue } from './checks.js';

/** How the validation of a certificate ends. */
export type CertificateOutcome = 'ISSUED' | 'FAILED' | 'VALIDATION_TIMED_OUT';

/** Every `CertificateOutcome`. */
export const CERTIFICATE_OUTCOMES: readonly CertificateOutcome[] = ['ISSUED', 'FAILED', 'VALIDATION_TIMED_OUT'];

/** What `Simulator.setInstanceHealth` can make health checks report. */
export type InstanceHealthSetting = 'healthy' | 'unhealthy';

const RESOURCE_NAME = /^\w[\w-]*\w$/;

/** Throws a `TypeError` naming `name` unless `value` is a Lightsail resource name. */
export function checkResourceName(name: string, value: unknown): string {
  if (typeof value !== 'string' || !RESOURCE_NAME.test(value)) {
    throw new TypeError(`Expected \`${name}\` to be a resource name matching \\w[\\w\\-]*\\w, got ${describeValue(value)}`);
  }
  return value;
}

/** Throws a `TypeError` unless `value` is a `CertificateOutcome`. */
export function checkCertificateOutcome(name: string, value: unknown): CertificateOutcome {
  if (!CERTIFICATE_OUTCOMES.includes(value as CertificateOutcome)) {
    throw new TypeError(`Expected \`${name}\` to be one of ${CERTIFICATE_OUTCOMES.join(', ')}, got ${describeValue(value)}`);
  }
  return value as CertificateOutcome;
}

/** Validates the `certificateOutcomes` option. */
export function checkCertificateOutcomes(value: unknown): Readonly<Record<string, CertificateOutcome>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`Expected \`certificateOutcomes\` to be an object, got ${describeValue(value)}`);
  }
  const outcomes: Record<string, CertificateOutcome> = {};
  for (const [name, outcome] of Object.entries(value)) {
    outcomes[checkResourceName('certificateOutcomes key', name)] = checkCertificateOutcome(`certificateOutcomes.${name}`, outcome);
  }
  return Object.freeze(outcomes);
}

/** Validates the `unhealthyInstances` option. */
export function checkInstanceNames(value: unknown): readonly string[] {
  if (!Array.isArray(value)) throw new TypeError(`Expected \`unhealthyInstances\` to be an array, got ${describeValue(value)}`);
  return Object.freeze(value.map((name: unknown, i) => checkResourceName(`unhealthyInstances[${i}]`, name)));
}

/** Throws a `TypeError` unless `value` is an `InstanceHealthSetting`. */
export function checkHealthSetting(value: unknown): InstanceHealthSetting {
  if (value !== 'healthy' && value !== 'unhealthy') {
    throw new TypeError(`Expected \`health\` to be 'healthy' or 'unhealthy', got ${describeValue(value)}`);
  }
  return value;
}

/** The certificate outcomes and health settings in force. Internal. */
export class ResourceRules {
  readonly #outcomes = new Map<string, CertificateOutcome>();
  readonly #health = new Map<string, Array<{ readonly since: number; readonly health: InstanceHealthSetting }>>();

  /** The outcome for certificates created from now on with this name. */
  certificateOutcome(name: string): CertificateOutcome {
    return this.#outcomes.get(name) ?? 'ISSUED';
  }

  setCertificateOutcome(name: string, outcome: CertificateOutcome): void {
    this.#outcomes.set(name, outcome);
  }

  /** Health checks of the instance report `health` from `since` on (until a later setting). */
  setHealth(instanceName: string, health: InstanceHealthSetting, since: number): void {
    const list = this.#health.get(instanceName) ?? [];
    list.push({ since, health });
    list.sort((a, b) => a.since - b.since);
    this.#health.set(instanceName, list);
  }

  /** What health checks of the instance report at `now`. */
  healthAt(instanceName: string, now: number): InstanceHealthSetting {
    let health: InstanceHealthSetting = 'healthy';
    for (const change of this.#health.get(instanceName) ?? []) if (change.since <= now) health = change.health;
    return health;
  }
}
