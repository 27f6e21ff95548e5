/**
 * Rules that make container services misbehave: deployments whose health check fails, and
 * services whose creation never finishes (`PENDING` with a failure `stateDetail`).
 */
import { describeValue } from './checks.js';
import { checkResourceName } from './resource-rules.js';

/**
 * Selects deployments that fail, and says why. At least one of `serviceName` and `image` is required;
 * every given field must match.
 */
export interface DeploymentFailureRule {
  /** Deployments of the container service with this name. */
  readonly serviceName?: string;
  /** Deployments with a container whose `image` contains this text, e.g. `'fail'` or `'nginx:broken'`. */
  readonly image?: string;
  /**
   * The line the failing containers log (three times, once per start attempt), e.g.
   * `'Error: Cannot find module /app/server.js'`. @default a health check failure naming the public
   * endpoint (or `'Container exited with code 1'` without one)
   */
  readonly reason?: string;
}

/** The `stateDetail.code` a container service whose creation fails keeps while `PENDING`. */
export type ContainerServiceFailureCode = 'CERTIFICATE_LIMIT_EXCEEDED' | 'UNKNOWN_ERROR';

/** Every `ContainerServiceFailureCode`. */
export const CONTAINER_SERVICE_FAILURE_CODES: readonly ContainerServiceFailureCode[] = ['CERTIFICATE_LIMIT_EXCEEDED', 'UNKNOWN_ERROR'];

function optionalText(name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
    throw new TypeError(`Expected \`${name}\` to be a non-empty string, got ${describeValue(value)}`);
  }
}

/** Validates a `DeploymentFailureRule`, naming the member on failure. */
export function checkDeploymentFailureRule(rule: unknown, name = 'rule'): DeploymentFailureRule {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    throw new TypeError(`Expected \`${name}\` to be an object, got ${describeValue(rule)}`);
  }
  const { serviceName, image, reason } = rule as Record<string, unknown>;
  if (serviceName !== undefined) checkResourceName(`${name}.serviceName`, serviceName);
  optionalText(`${name}.image`, image);
  optionalText(`${name}.reason`, reason);
  if (serviceName === undefined && image === undefined) {
    throw new TypeError(`Expected \`${name}\` to name a \`serviceName\` or an \`image\`, got ${describeValue(JSON.stringify(rule))}`);
  }
  return Object.freeze({ ...(rule as DeploymentFailureRule) });
}

/** Validates the `deploymentFailures` option. */
export function checkDeploymentFailureRules(value: unknown): readonly DeploymentFailureRule[] {
  if (!Array.isArray(value)) throw new TypeError(`Expected \`deploymentFailures\` to be an array, got ${describeValue(value)}`);
  return Object.freeze(value.map((rule: unknown, i) => checkDeploymentFailureRule(rule, `deploymentFailures[${i}]`)));
}

/** Throws a `TypeError` unless `value` is a `ContainerServiceFailureCode`. */
export function checkServiceFailureCode(name: string, value: unknown): ContainerServiceFailureCode {
  if (!CONTAINER_SERVICE_FAILURE_CODES.includes(value as ContainerServiceFailureCode)) {
    throw new TypeError(`Expected \`${name}\` to be one of ${CONTAINER_SERVICE_FAILURE_CODES.join(', ')}, got ${describeValue(value)}`);
  }
  return value as ContainerServiceFailureCode;
}

/** Validates the `containerServiceFailures` option. */
export function checkServiceFailures(value: unknown): Readonly<Record<string, ContainerServiceFailureCode>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`Expected \`containerServiceFailures\` to be an object, got ${describeValue(value)}`);
  }
  const failures: Record<string, ContainerServiceFailureCode> = {};
  for (const [name, code] of Object.entries(value)) {
    failures[checkResourceName('containerServiceFailures key', name)] = checkServiceFailureCode(`containerServiceFailures.${name}`, code);
  }
  return Object.freeze(failures);
}

/** Whether the rule selects a deployment of `serviceName` with these container images. */
export function deploymentRuleMatches(rule: DeploymentFailureRule, serviceName: string, images: readonly string[]): boolean {
  const { image } = rule;
  return (
    (rule.serviceName === undefined || rule.serviceName === serviceName) && (image === undefined || images.some((i) => i.includes(image)))
  );
}

/** The container failure rules in force. Internal. */
export class ContainerRules {
  #deploymentFailures: DeploymentFailureRule[] = [];
  readonly #serviceFailures = new Map<string, ContainerServiceFailureCode>();

  addDeploymentFailure(rule: DeploymentFailureRule): void {
    this.#deploymentFailures.push(rule);
  }

  clearDeploymentFailures(): void {
    this.#deploymentFailures = [];
  }

  /** The first rule that selects a deployment of `serviceName` with these images, if any. */
  deploymentFailure(serviceName: string, images: readonly string[]): DeploymentFailureRule | undefined {
    return this.#deploymentFailures.find((rule) => deploymentRuleMatches(rule, serviceName, images));
  }

  setServiceFailure(serviceName: string, code: ContainerServiceFailureCode): void {
    this.#serviceFailures.set(serviceName, code);
  }

  /** How services created with this name fail, if they do. */
  serviceFailure(serviceName: string): ContainerServiceFailureCode | undefined {
    return this.#serviceFailures.get(serviceName);
  }
}
