import { GetDiskCommand, type GetDiskCommandOutput } from '@aws-sdk/client-lightsail';
import { defineWaiter, type SendClient, type WaiterDefinition } from '../engine/waiter-definition.js';
import { readNamedInput } from './resource-input.js';

/** A client that can send `GetDisk`: a `LightsailClient` fits. */
export type GetDiskClient = SendClient<GetDiskCommand, GetDiskCommandOutput>;

/** What the disk waiters take: `GetDisk`'s input. */
export interface DiskInput {
  /** The disk's name. */
  readonly diskName: string;
}

const stateOf = (output: GetDiskCommandOutput): string | undefined => output.disk?.state;

function diskWaiter(
  name: string,
  target: string,
  typicalDurationMs: readonly [number, number],
): WaiterDefinition<GetDiskClient, DiskInput, GetDiskCommandOutput> {
  return defineWaiter<GetDiskClient, DiskInput, GetDiskCommandOutput>({
    name,
    action: 'GetDisk',
    input: (value) => ({ diskName: readNamedInput('diskName', value).diskName }),
    target: ({ diskName }) => diskName,
    describe: ({ diskName }) => `Lightsail disk ${diskName}`,
    probe: (client, { diskName }, { signal }) => client.send(new GetDiskCommand({ diskName }), { abortSignal: signal }),
    acceptors: [
      { state: 'success', matches: (output) => stateOf(output) === target },
      // DiskState `error`: the SDK enum's only failure state.
      { state: 'failure', matches: (output) => stateOf(output) === 'error', reason: 'the disk is in state error' },
    ],
    state: stateOf,
    detail: (output) => output.disk?.attachmentState,
    typicalDurationMs,
  });
}

/** `disk-available`: `GetDisk` until `state` is `available` (created, or detached); fails on `error`. */
export const diskAvailable = diskWaiter('disk-available', 'available', [5_000, 60_000]);

/** `disk-in-use`: `GetDisk` until `state` is `in-use` (attached); fails on `error`. */
export const diskInUse = diskWaiter('disk-in-use', 'in-use', [5_000, 60_000]);
