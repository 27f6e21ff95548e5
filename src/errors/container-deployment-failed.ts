import { hasErrorName, LightsailWaiterError } from './base.js';

/** The last lines one container logged, as fetched when its deployment failed. */
export interface ContainerLogTail {
  /** The container's name in the deployment. */
  readonly containerName: string;
  /** Its last log lines, oldest first, each bounded in length. */
  readonly lines: readonly string[];
  /** Why the log could not be read, when it could not (the deployment error stands regardless). */
  readonly error: string | undefined;
}

/** What a {@link ContainerDeploymentFailedError} is made from. */
export interface ContainerDeploymentFailure {
  /** The container service. */
  readonly serviceName: string;
  /** The deployment version waited on. */
  readonly version: number | undefined;
  /** Why, in words. */
  readonly reason: string;
  /** The deployment's last state. */
  readonly deploymentState: string | undefined;
  /** The service's last state. */
  readonly serviceState: string | undefined;
  /** The service's last `stateDetail`. */
  readonly stateDetail: ServiceStateDetail | undefined;
  /** The tail of each container's log. */
  readonly logs: readonly ContainerLogTail[];
  /** The last probe output. */
  readonly output: unknown;
}

/** A container service's `stateDetail`, as the error keeps it. */
export interface ServiceStateDetail {
  /** `ContainerServiceStateDetailCode`: `EVALUATING_HEALTH_CHECK`, `UNKNOWN_ERROR`, … */
  readonly code: string | undefined;
  /** Lightsail's explanation, when it gave one. */
  readonly message: string | undefined;
}

/**
 * Thrown when a container service deployment will not become active: it `FAILED`, another
 * deployment superseded it, or the service was disabled or reports a terminal problem. Carries the
 * deployment's and the service's state, and the tail of each container's log.
 */
export class ContainerDeploymentFailedError extends LightsailWaiterError {
  /** Always `'ContainerDeploymentFailedError'`; {@link isContainerDeploymentFailedError} checks it. */
  override name = 'ContainerDeploymentFailedError' as const;
  /** The container service. */
  readonly serviceName: string;
  /** The deployment version waited on. */
  readonly version: number | undefined;
  /** Why, in words: `'deployment 3 FAILED'`, `'deployment 3 was superseded by deployment 4'`. */
  readonly reason: string;
  /** The deployment's last state: `FAILED`, `INACTIVE`, `ACTIVATING`. */
  readonly deploymentState: string | undefined;
  /** The service's last state: `RUNNING`, `DISABLED`. */
  readonly serviceState: string | undefined;
  /** The service's last `stateDetail` (`code`, `message`). */
  readonly stateDetail: ServiceStateDetail | undefined;
  /** The tail of each container's log (`GetContainerLog`), fetched when the deployment failed. */
  readonly logs: readonly ContainerLogTail[];
  /** The last probe output: `{ containerService, deployment, version }`. */
  readonly output: unknown;

  /** @param failure - the failure's parts (another `ContainerDeploymentFailedError` with new `logs` fits). */
  constructor(failure: ContainerDeploymentFailure) {
    const what = `Container service ${failure.serviceName} deployment ${failure.version ?? '(unknown version)'}`;
    const lastLine = failure.logs.flatMap((log) => log.lines.slice(-1).map((line) => `${log.containerName}: ${line}`))[0];
    super(
      `${what} will not become active: ${failure.reason}.` +
        (lastLine ? ` Last log line: ${lastLine}.` : '') +
        ` See \`logs\` on this error, or: aws lightsail get-container-log --service-name ${failure.serviceName} --container-name <name>`,
      undefined,
    );
    this.serviceName = failure.serviceName;
    this.version = failure.version;
    this.reason = failure.reason;
    this.deploymentState = failure.deploymentState;
    this.serviceState = failure.serviceState;
    this.stateDetail = failure.stateDetail;
    this.logs = failure.logs;
    this.output = failure.output;
  }
}

/** True for a {@link ContainerDeploymentFailedError}, even from another copy of the package. */
export function isContainerDeploymentFailedError(value: unknown): value is ContainerDeploymentFailedError {
  return hasErrorName(value, 'ContainerDeploymentFailedError');
}
