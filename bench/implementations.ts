import {
  GetOperationCommand,
  type GetOperationCommandInput,
  type GetOperationCommandOutput,
  type Operation,
} from '@aws-sdk/client-lightsail';
import { createWaiter, type WaiterResult, WaiterState } from '@smithy/util-waiter';
import { Poller } from '../src/engine/poller.js';
import {
  type BackoffStrategy,
  createOperationAwareBackoff,
  defineWaiter,
  exponentialBackoff,
  operationAwareBackoff,
  RESOURCE_WAITERS,
  TYPICAL_OPERATION_DURATIONS_MS,
  Waiter,
  type WaiterDefinition,
  type WaitOptions,
} from '../src/index.js';
import { OperationWaiter } from '../src/waiters/operation.js';
import { hash32 } from './prng.js';
import { returnedByCreate, type TimelineClient } from './stub-lightsail.js';
import type { VirtualTime } from './virtual-time.js';
import type { WorkloadOp } from './workload.js';

/** The row of the library's defaults, checked against the targets. */
export const DEFAULT_ROW = 'ours (default)';

/** Every wait gets this long, so that no implementation times out on a 30-minute operation started late. */
export const BENCH_TIMEOUT_MS = 60 * 60_000;

/** What one implementation needs to wait for one operation in virtual time. */
export interface RunContext {
  readonly client: TimelineClient;
  readonly time: VirtualTime;
}

/** One waiter under test: a peer (its real code, or its published schedule) or one of ours. */
export interface Implementation {
  readonly name: string;
  readonly kind: 'peer' | 'ours';
  /** Resolves once the operation is seen `Succeeded`; rejects on timeout or error. */
  wait(op: WorkloadOp, context: RunContext): Promise<unknown>;
}

const SECOND = 1000;
const isDone = (operation: Operation | undefined): boolean => operation?.status === 'Succeeded' || operation?.status === 'Completed';

/** The GetOperation acceptor a Lightsail integration writes for `createWaiter`. */
async function operationAcceptor(client: TimelineClient, input: GetOperationCommandInput): Promise<WaiterResult> {
  const output = await client.send(new GetOperationCommand(input));
  if (isDone(output.operation)) return { state: WaiterState.SUCCESS, reason: output };
  if (output.operation?.status === 'Failed') return { state: WaiterState.FAILURE, reason: output };
  return { state: WaiterState.RETRY, reason: output };
}

/** `@smithy/util-waiter`'s real `createWaiter`, driven through the patched globals. */
export function smithy(name: string, minDelay: number, maxDelay: number): Implementation {
  return {
    name,
    kind: 'peer',
    async wait(op, { client }) {
      const result = await createWaiter(
        { client, maxWaitTime: BENCH_TIMEOUT_MS / SECOND, minDelay, maxDelay },
        { operationId: op.id },
        operationAcceptor,
      );
      if (result.state !== WaiterState.SUCCESS) throw new Error(`createWaiter ended ${result.state}`);
      return result;
    },
  };
}

/** A schedule given as "delay before poll n" (n = 0 for the first), polled until done. */
export function schedule(name: string, delayBefore: (poll: number) => number): Implementation {
  return {
    name,
    kind: 'peer',
    async wait(op, { client, time }) {
      const deadline = time.now() + BENCH_TIMEOUT_MS;
      for (let poll = 0; time.now() < deadline; poll++) {
        const delay = delayBefore(poll);
        if (delay > 0) await new Promise<void>((resolve) => time.setTimeout(() => resolve(), delay));
        const { operation } = await client.send(new GetOperationCommand({ operationId: op.id }));
        if (isDone(operation)) return operation;
      }
      throw new Error('timeout');
    },
  };
}

/**
 * Terraform's `retry.StateChangeConf` with the Lightsail provider's constants: `Delay` 5 s, then
 * refresh; the wait starts at 100 ms and doubles after each refresh, floored at `MinTimeout` (3 s)
 * and capped at 10 s. No jitter. So polls at 5, 8, 14, 24, 34, … s.
 */
export function terraformDelay(poll: number): number {
  if (poll === 0) return 5 * SECOND;
  let wait = 100;
  for (let i = 0; i < poll; i++) wait = Math.min(10 * SECOND, Math.max(3 * SECOND, wait * 2));
  return wait;
}

type OursOptions = Pick<WaitOptions, 'backoff' | 'minDelayMs' | 'maxDelayMs'>;
const resourceDefinitions = new Map<string, WaiterDefinition<RunContext['client'], string, GetOperationCommandOutput>>();

/**
 * A resource waiter as the engine runs it (its name and `typicalDurationMs`, polled by name from
 * the start of the wait), probing the operation's timeline instead of a `Get*` call.
 */
function resourceDefinition(name: string): WaiterDefinition<RunContext['client'], string, GetOperationCommandOutput> {
  let definition = resourceDefinitions.get(name);
  if (definition === undefined) {
    const real = RESOURCE_WAITERS[name];
    if (real === undefined) throw new Error(`bench: no resource waiter ${name}`);
    definition = defineWaiter({
      name,
      input: (value) => String(value),
      target: (id) => id,
      describe: (id) => `${name} ${id}`,
      probe: (client, operationId) => client.send(new GetOperationCommand({ operationId })),
      acceptors: [{ state: 'success', matches: (output) => isDone(output.operation) }],
      state: (output) => output.operation?.status,
      ...(real.typicalDurationMs === undefined ? {} : { typicalDurationMs: real.typicalDurationMs }),
    });
    resourceDefinitions.set(name, definition);
  }
  return definition;
}

/**
 * Our waiter, handed the operation object the create call returned, or (`byId`) only its id, as
 * the peers are; a resource wait is by name either way.
 */
export function ours(name: string, options: OursOptions, byId = false): Implementation {
  return {
    name,
    kind: 'ours',
    wait(op, { client, time }) {
      const clock = time.clock;
      const common = { clock, poller: new Poller({ clock, maxRequestsPerSecond: 1e6 }), timeoutMs: BENCH_TIMEOUT_MS, ...options };
      const resource = (op as { kind?: { resourceWaiter?: string } }).kind?.resourceWaiter;
      if (resource !== undefined) return new Waiter(client, resourceDefinition(resource), op.id, common).wait();
      return new OperationWaiter(client, byId ? op.id : returnedByCreate(op), common).wait();
    },
  };
}

/** Hides what the operation tells the strategy, to measure what each piece of it buys. */
function hiding(strategy: BackoffStrategy, hide: { age?: boolean; type?: boolean; lie?: boolean }): BackoffStrategy {
  const types = Object.keys(TYPICAL_OPERATION_DURATIONS_MS);
  return (context) => {
    const given = context.operation;
    if (given === undefined) return strategy(context);
    const operation: Operation = { ...given };
    if (hide.age) {
      delete operation.createdAt;
      delete operation.statusChangedAt;
    }
    if (hide.type) delete operation.operationType;
    if (hide.lie) {
      // A wrong entry of the table, the same one for the same operation every time.
      const others = types.filter((type) => type !== given.operationType);
      operation.operationType = others[hash32(given.id ?? '') % others.length] as Operation['operationType'];
    }
    return strategy({ ...context, operation });
  };
}

/** The rows of the report, peers first. Our rows use `DEFAULT_WAIT_OPTIONS` unless named otherwise. */
export function implementations(): Implementation[] {
  // Date.now is virtual during a run, so the library's own default instance sees virtual age.
  const generic = createOperationAwareBackoff({ typicalDurations: {} });
  return [
    smithy('@smithy/util-waiter, SDK defaults (2–120 s)', 2, 120),
    smithy('@smithy/util-waiter, preevy settings (1–5 s)', 1, 5),
    schedule('Terraform schedule (5 s, then 3→10 s)', terraformDelay),
    schedule('fixed 15 s (botocore-style)', (poll) => (poll === 0 ? 0 : 15 * SECOND)),
    schedule('fixed 30 s', (poll) => (poll === 0 ? 0 : 30 * SECOND)),
    ours('ours, plain exponential (old 1–20 s)', { backoff: exponentialBackoff, minDelayMs: 1000, maxDelayMs: 20_000 }),
    ours('ours (default) without the type table or the age', { backoff: hiding(generic, { age: true }) }),
    ours('ours (default) without the type table', { backoff: generic }),
    ours('ours (default) without the age', { backoff: hiding(operationAwareBackoff, { age: true }) }),
    ours(DEFAULT_ROW, {}), // no options: exactly what a user gets
    ours('ours (default), given the id', {}, true),
    ours('ours (default), operationType wrong', { backoff: hiding(operationAwareBackoff, { lie: true }) }),
  ];
}
