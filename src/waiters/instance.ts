import { GetInstanceCommand, type GetInstanceCommandOutput, type Instance } from '@aws-sdk/client-lightsail';
import { describeValue } from '../engine/validate.js';
import { defineWaiter, type SendClient } from '../engine/waiter-definition.js';
import { readNamedInput } from './resource-input.js';

/** A client that can send `GetInstance`: a `LightsailClient` fits. */
export type GetInstanceClient = SendClient<GetInstanceCommand, GetInstanceCommandOutput>;

/** What the instance waiters take: `GetInstance`'s input. */
export interface InstanceInput {
  /** The instance's name. */
  readonly instanceName: string;
}

/** What `instance-running` takes: `GetInstance`'s input, and whether a public IP is required. */
export interface InstanceRunningInput extends InstanceInput {
  /**
   * Wait for a public IP as well as `running` (Lightsail can report `running` before it assigns
   * one): the IPv4, or the IPv6 address of an IPv6-only instance. Set `false` for an instance that
   * has neither. @default true
   */
  readonly requirePublicIp?: boolean;
}

/**
 * The address the instance is reached at from the internet: its public IPv4, or for an IPv6-only
 * instance (`ipAddressType: 'ipv6'`, which has no IPv4) its first IPv6 address. A dual-stack
 * instance is waited on for its IPv4.
 */
export function publicAddress(instance: Instance | undefined): string | undefined {
  if (instance?.publicIpAddress) return instance.publicIpAddress;
  return instance?.ipAddressType === 'ipv6' ? instance.ipv6Addresses?.[0] || undefined : undefined;
}

const stateOf = (output: GetInstanceCommandOutput): string | undefined => output.instance?.state?.name;
const describe = ({ instanceName }: InstanceInput) => `Lightsail instance ${instanceName}`;
const probe = (client: GetInstanceClient, { instanceName }: InstanceInput, { signal }: { signal: AbortSignal }) =>
  client.send(new GetInstanceCommand({ instanceName }), { abortSignal: signal });

/**
 * Fails the wait in `states`: those an instance does not come back from (`shutting-down`,
 * `terminated`), and the move the other way. Lightsail instances report EC2's states, and EC2's own
 * waiters (botocore's ec2 `waiters-2.json`) fail `InstanceRunning` on `stopping` and
 * `InstanceStopped` on `pending`: nobody gets there without a new start or stop.
 */
const failIn = (states: readonly string[]) =>
  ({
    state: 'failure',
    matches: (output: GetInstanceCommandOutput) => states.includes(stateOf(output) ?? ''),
    reason: (output: GetInstanceCommandOutput) => `the instance is ${stateOf(output)}`,
  }) as const;

/**
 * `instance-running`: `GetInstance` until `state.name` is `running` and a public IP is assigned
 * (the IPv6 address of an IPv6-only instance; unless `requirePublicIp: false`). Fails fast when the
 * instance is stopping, shutting down or terminated; an instance that does not exist fails once the
 * not-found grace window has passed.
 */
export const instanceRunning = defineWaiter<GetInstanceClient, InstanceRunningInput, GetInstanceCommandOutput>({
  name: 'instance-running',
  action: 'GetInstance',
  input: (value) => {
    const input = readNamedInput('instanceName', value);
    const requirePublicIp = input.requirePublicIp ?? true;
    if (typeof requirePublicIp !== 'boolean') {
      throw new TypeError(`Expected \`requirePublicIp\` to be a boolean, got ${describeValue(requirePublicIp)}`);
    }
    return { instanceName: input.instanceName, requirePublicIp };
  },
  target: ({ instanceName }) => instanceName,
  describe,
  probe,
  acceptors: [
    failIn(['stopping', 'shutting-down', 'terminated']),
    {
      state: 'success',
      matches: (output, input) => stateOf(output) === 'running' && (!input.requirePublicIp || publicAddress(output.instance) !== undefined),
    },
  ],
  state: stateOf,
  detail: (output) => (stateOf(output) === 'running' ? (publicAddress(output.instance) ?? 'no public IP yet') : undefined),
  typicalDurationMs: [15_000, 90_000],
});

/** `instance-stopped`: `GetInstance` until `state.name` is `stopped`; fails when it is pending (starting), shutting down or terminated. */
export const instanceStopped = defineWaiter<GetInstanceClient, InstanceInput, GetInstanceCommandOutput>({
  name: 'instance-stopped',
  action: 'GetInstance',
  input: (value) => ({ instanceName: readNamedInput('instanceName', value).instanceName }),
  target: ({ instanceName }) => instanceName,
  describe,
  probe,
  acceptors: [failIn(['pending', 'shutting-down', 'terminated']), { state: 'success', matches: (output) => stateOf(output) === 'stopped' }],
  state: stateOf,
  typicalDurationMs: [10_000, 60_000],
});

/**
 * `instance-deleted`: `GetInstance` until Lightsail answers not-found (in either shape). Resolves
 * with the last output seen before the instance disappeared, or `undefined`.
 */
export const instanceDeleted = defineWaiter<GetInstanceClient, InstanceInput, GetInstanceCommandOutput | undefined>({
  name: 'instance-deleted',
  action: 'GetInstance',
  input: (value) => ({ instanceName: readNamedInput('instanceName', value).instanceName }),
  target: ({ instanceName }) => instanceName,
  describe,
  probe,
  acceptors: [{ state: 'success', error: 'NotFoundException' }],
  state: (output) => (output === undefined ? 'deleted' : stateOf(output)),
  typicalDurationMs: [2_000, 60_000],
});
