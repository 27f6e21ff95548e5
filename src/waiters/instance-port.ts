import { GetInstanceCommand, type Instance } from '@aws-sdk/client-lightsail';
import { assertCount, assertNumber } from '../engine/validate.js';
import { defineWaiter } from '../engine/waiter-definition.js';
import type { BackoffStrategy } from '../policy/backoff.js';
import type { GetInstanceClient } from './instance.js';
import { readNamedInput } from './resource-input.js';
import { tryConnect } from './tcp-connect.js';

/** What `instance-port-open` takes: `GetInstance`'s input, the port, and how long it must stay open. */
export interface InstancePortInput {
  /** The instance's name. */
  readonly instanceName: string;
  /** The TCP port to connect to on the instance's public IP. @default 22 (SSH) */
  readonly port?: number;
  /**
   * How long, in milliseconds, the port must keep accepting connections before the wait succeeds:
   * sshd often accepts once, then restarts while cloud-init runs. `0` succeeds on the first
   * connection. @default 10_000
   */
  readonly stableForMs?: number;
  /** How long one connection attempt may take, in milliseconds. @default 3_000 */
  readonly connectTimeoutMs?: number;
}

/** What each look at the port found. */
export interface InstancePortState {
  /** The instance, from `GetInstance`. */
  readonly instance: Instance | undefined;
  /** The address tried: the instance's public IP, if it has one. */
  readonly address: string | undefined;
  /** The port tried. */
  readonly port: number;
  /** Whether the last connection succeeded. */
  readonly open: boolean;
  /** For how long, in milliseconds, every look has found the port open; 0 when closed. */
  readonly openForMs: number;
  /** `clock.now()` of the first of the looks in a row that found it open. */
  readonly openSince: number | undefined;
}

type Checked = Required<InstancePortInput>;

/** Polls quickly once the port is open (to confirm it stays so), and with a 1–5 s backoff while it is not. */
const portBackoff: BackoffStrategy = ({ attempt, minDelayMs, maxDelayMs }) => {
  if (attempt === 0) return 0;
  return Math.min(maxDelayMs, Math.max(minDelayMs, Math.min(5_000, 1_000 * attempt)));
};

/**
 * `instance-port-open` (Node only: it opens TCP connections): `GetInstance` for the public IP,
 * then a TCP connection to it on `port`, until the port has accepted every connection for
 * `stableForMs` (like wait-on's `window`). A closed port keeps it waiting (a timeout in the end);
 * an instance that is gone fails once the not-found grace window has passed.
 */
export const instancePortOpen = defineWaiter<GetInstanceClient, Checked, InstancePortState>({
  name: 'instance-port-open',
  action: 'GetInstance',
  input: (value) => {
    const input = readNamedInput('instanceName', value);
    const port = input.port ?? 22;
    const stableForMs = input.stableForMs ?? 10_000;
    const connectTimeoutMs = input.connectTimeoutMs ?? 3_000;
    assertCount('port', port, 1);
    assertNumber('port', port, 1, false, 65_535);
    assertNumber('stableForMs', stableForMs, 0);
    assertNumber('connectTimeoutMs', connectTimeoutMs, 0, true, 120_000);
    return { instanceName: input.instanceName, port, stableForMs, connectTimeoutMs };
  },
  target: ({ instanceName, port }) => `${instanceName}:${port}`,
  describe: ({ instanceName, port }) => `port ${port} of Lightsail instance ${instanceName}`,
  probe: async (client, { instanceName, port, connectTimeoutMs }, { signal, previous, clock }) => {
    const { instance } = await client.send(new GetInstanceCommand({ instanceName }), { abortSignal: signal });
    const address = instance?.state?.name === 'running' ? instance.publicIpAddress : undefined;
    const open = address === undefined ? false : await tryConnect(address, port, connectTimeoutMs, signal);
    const now = clock.now();
    // Stable means open at every look since, at the same address (a stop/start changes the IP).
    const openSince = open ? (previous?.open && previous.address === address ? previous.openSince : now) : undefined;
    return { instance, address, port, open, openSince, openForMs: openSince === undefined ? 0 : now - openSince };
  },
  acceptors: [{ state: 'success', matches: (state, input) => state.open && state.openForMs >= input.stableForMs }],
  state: (state) =>
    state.address === undefined ? `no public IP (${state.instance?.state?.name ?? 'unknown'})` : state.open ? 'open' : 'closed',
  detail: (state) => state.address,
  typicalDurationMs: [10_000, 180_000],
  backoff: portBackoff,
});
