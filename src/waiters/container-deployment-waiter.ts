import { timedSignal } from '../engine/timed-signal.js';
import type { WaitOptions } from '../engine/wait-options.js';
import { Waiter } from '../engine/waiter.js';
import { ContainerDeploymentFailedError } from '../errors/container-deployment-failed.js';
import {
  type ContainerDeploymentClient,
  type ContainerDeploymentInput,
  type ContainerDeploymentState,
  type ContainerServiceOutputLike,
  containerServiceDeploymentActive,
} from './container-deployment.js';
import { fetchLogTails } from './container-logs.js';

/** How long reading the logs of a failed deployment may take, at most, in milliseconds. */
export const LOG_FETCH_TIMEOUT_MS = 10_000;

/**
 * Waits for one container service deployment (the engine's {@link Waiter} running
 * `containerServiceDeploymentActive`), and when it fails, reads the tail of each of its
 * containers' logs into the {@link ContainerDeploymentFailedError}, each request paced and retried
 * as the polls are: failing to read them never hides the deployment's own error.
 */
export class ContainerDeploymentWaiter extends Waiter<ContainerDeploymentClient, ContainerDeploymentInput, ContainerDeploymentState> {
  readonly #client: ContainerDeploymentClient;

  constructor(
    client: ContainerDeploymentClient,
    deployment: string | ContainerDeploymentInput | ContainerServiceOutputLike,
    options?: WaitOptions,
  ) {
    super(client, containerServiceDeploymentActive, deployment, options);
    this.#client = client;
  }

  protected override failureError(output: ContainerDeploymentState | undefined, reason: string): Error {
    const service = output?.containerService;
    return new ContainerDeploymentFailedError({
      serviceName: this.input.serviceName,
      version: output?.version ?? this.input.version,
      reason,
      deploymentState: output?.deployment?.state,
      serviceState: service?.state,
      stateDetail:
        service?.stateDetail === undefined ? undefined : { code: service.stateDetail.code, message: service.stateDetail.message },
      logs: [],
      output,
    });
  }

  protected override async explainFailure(
    failure: Error,
    output: ContainerDeploymentState | undefined,
    signal: AbortSignal,
  ): Promise<Error> {
    const containers = Object.keys(output?.deployment?.containers ?? {});
    if (!(failure instanceof ContainerDeploymentFailedError) || containers.length === 0 || signal.aborted) return failure;
    const limit = timedSignal(
      this.options.clock,
      signal,
      LOG_FETCH_TIMEOUT_MS,
      () => new Error(`reading the logs took longer than ${LOG_FETCH_TIMEOUT_MS} ms`),
    );
    try {
      // Each request waits its turn at the poller, and a throttled or failed one is retried.
      const send = <T>(call: (signal: AbortSignal) => Promise<T>) => this.sendMore(call, limit.signal);
      const logs = await fetchLogTails(this.#client, this.input.serviceName, containers, output?.deployment?.createdAt, send);
      return new ContainerDeploymentFailedError({ ...failure, logs });
    } finally {
      limit.dispose();
    }
  }
}

/**
 * Waits until a container service deployment is `ACTIVE` and the service `RUNNING`. Takes the
 * service's name (waits on its `nextDeployment`, else its `currentDeployment`), `{ serviceName,
 * version }`, or the output of `CreateContainerServiceDeployment`/`UpdateContainerService` as is.
 * Rejects with a {@link ContainerDeploymentFailedError} (with each container's log tail) when the
 * deployment fails or is superseded, or the service is disabled.
 *
 * @example
 * ```ts
 * const deployed = await client.send(new CreateContainerServiceDeploymentCommand({ serviceName: 'api', containers }));
 * await waitForContainerServiceDeployment(client, deployed, { timeoutMs: 20 * 60_000 });
 * ```
 */
export async function waitForContainerServiceDeployment(
  client: ContainerDeploymentClient,
  deployment: string | ContainerDeploymentInput | ContainerServiceOutputLike,
  options?: WaitOptions,
): Promise<ContainerDeploymentState> {
  return new ContainerDeploymentWaiter(client, deployment, options).wait();
}
