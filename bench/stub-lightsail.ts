import type { GetOperationCommand, GetOperationCommandOutput, Operation } from '@aws-sdk/client-lightsail';
import type { LightsailClientLike } from '../src/types.js';
import type { WorkloadOp } from './workload.js';

/** The operation as Lightsail shows it at `now`: `Started` until `finishAt`, then `Succeeded`. */
export function operationAt(op: WorkloadOp, now: number): Operation {
  const done = op.terminal || now >= op.finishAt;
  return {
    id: op.id,
    resourceName: `resource-${op.id}`,
    resourceType: 'Instance',
    operationType: op.operationType as Operation['operationType'],
    createdAt: new Date(op.createdAt),
    statusChangedAt: new Date(done ? op.finishAt : op.createdAt),
    status: done ? 'Succeeded' : 'Started',
    isTerminal: done,
    location: { availabilityZone: 'us-east-1a', regionName: 'us-east-1' },
  };
}

/** The object the create call returned: the operation as it was at `createdAt`. */
export function returnedByCreate(op: WorkloadOp): Operation {
  return operationAt(op, op.createdAt);
}

/**
 * A client whose `send` answers `GetOperation` from each operation's timeline on a virtual clock,
 * at once (no round trip), and counts the calls per operation.
 */
export class TimelineClient implements LightsailClientLike {
  readonly calls = new Map<string, number>();
  readonly #ops: ReadonlyMap<string, WorkloadOp>;
  readonly #now: () => number;

  constructor(ops: readonly WorkloadOp[], now: () => number) {
    this.#ops = new Map(ops.map((op) => [op.id, op]));
    this.#now = now;
  }

  async send(command: GetOperationCommand): Promise<GetOperationCommandOutput> {
    const id = command.input.operationId ?? '';
    const op = this.#ops.get(id);
    if (op === undefined)
      throw Object.assign(new Error(`no operation ${id}`), { name: 'NotFoundException', $metadata: { httpStatusCode: 400 } });
    this.calls.set(id, (this.calls.get(id) ?? 0) + 1);
    return { operation: operationAt(op, this.#now()), $metadata: { httpStatusCode: 200 } };
  }
}
