import { GetInstanceCommand, type Instance } from '@aws-sdk/client-lightsail';
import { assertCount, assertNumber } from '../engine/validate.js';
import { defineWaiter } from '../engine/waiter-definition.js';
import type { BackoffStrategy } from '../policy/backoff.js';
import { type GetInstanceClient, publicAddress } from './instance.js';
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
  /** The address tried: the instance's public IP (IPv6 for an IPv6-only instance), if it has one. */
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

/** Polls every second once the port is open (to confirm it stays so), and with a 1–5 s backoff while it is not. */
const portBackoff: BackoffStrategy = ({ attempt, minDelayMs, maxDelayMs, output }) => {
  if (attempt === 0) return 0;
  const open = (output as InstancePortState | undefined)?.open === true;
  return Math.min(maxDelayMs, Math.max(minDelayMs, open ? 1_000 : Math.min(5_000, 1_000 * attempt)));
};

const DEFAULT_PORT = 22;
const DEFAULT_STABLE_FOR_MS = 10_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

/**
 * `instance-port-open` (Node only: it opens TCP connections): `GetInstance` for the public IP (the
 * IPv6 address of an IPv6-only instance),
 * then a TCP connection to it on `port`, until the port has accepted every connection for
 * `stableForMs` (like wait-on's `window`). A closed port keeps it waiting (a timeout in the end);
 * an instance that is gone fails once the not-found grace window has passed.
 */
export const instancePortOpen = defineWaiter<GetInstanceClient, InstancePortInput, InstancePortState>({
  name: 'instance-port-open',
  action: 'GetInstance',
  input: (value) => {
    const input = readNamedInput('instanceName', value);
    // Only a missing field takes the default: `null` is refused like any other wrong value.
    const port = input.port === undefined ? DEFAULT_PORT : input.port;
    const stableForMs = input.stableForMs === undefined ? DEFAULT_STABLE_FOR_MS : input.stableForMs;
    const connectTimeoutMs = input.connectTimeoutMs === undefined ? DEFAULT_CONNECT_TIMEOUT_MS : input.connectTimeoutMs;
    assertCount('port', port, 1);
    assertNumber('port', port, 1, false, 65_535);
    assertNumber('stableForMs', stableForMs, 0);
    assertNumber('connectTimeoutMs', connectTimeoutMs, 0, true, 120_000);
    return { instanceName: input.instanceName, port, stableForMs, connectTimeoutMs };
  },
  target: ({ instanceName, port }) => `${instanceName}:${port ?? DEFAULT_PORT}`,
  resourceName: ({ instanceName }) => instanceName,
  describe: ({ instanceName, port }) => `port ${port ?? DEFAULT_PORT} of Lightsail instance ${instanceName}`,
  probe: async (
    client,
    { instanceName, port = DEFAULT_PORT, connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS },
    { signal, previous, clock, untimed },
  ) => {
    const { instance } = await client.send(new GetInstanceCommand({ instanceName }), { abortSignal: signal });
    const address = instance?.state?.name === 'running' ? publicAddress(instance) : undefined;
    // The connect is bounded by connectTimeoutMs, not by the per-request timeout (it may be longer).
    const open = address === undefined ? false : await untimed(() => tryConnect(address, port, connectTimeoutMs, signal, clock));
    const now = clock.now();
    // Stable means open at every look since, at the same address (a stop/start changes the IP).
    const openSince = open ? (previous?.open && previous.address === address ? previous.openSince : now) : undefined;
    return { instance, address, port, open, openSince, openForMs: openSince === undefined ? 0 : now - openSince };
  },
  acceptors: [
    { state: 'success', matches: (state, input) => state.open && state.openForMs >= (input.stableForMs ?? DEFAULT_STABLE_FOR_MS) },
  ],
  state: (state) =>
    state.address === undefined ? `no public IP (${state.instance?.state?.name ?? 'unknown'})` : state.open ? 'open' : 'closed',
  detail: (state) => state.address,
  typicalDurationMs: [10_000, 180_000],
  backoff: portBackoff,
});
