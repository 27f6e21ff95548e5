import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Poller, Waiter } from '../../../src/index.js';
import { type InstancePortState, instancePortOpen } from '../../../src/node.js';
import { FakeClock, flush } from '../../helpers/fake-clock.js';
import { type HangingPort, hangingPort } from '../../helpers/hanging-port.js';
import { awsError, type SenderReply, stubSender } from '../../helpers/stub-sender.js';

/** A real TCP server on a loopback address that can be opened and closed between polls, counting connections. */
class Port {
  server: Server | undefined;
  connections = 0;
  readonly #closed: Promise<void>[] = [];
  constructor(
    readonly host: string,
    public port = 0,
  ) {}

  async open(): Promise<this> {
    const server = createServer((socket) => {
      this.connections += 1;
      this.#closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, this.host, () => resolve()));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resolves once the server side of every connection has closed: the waiter let go of each socket. */
  async allReleased(): Promise<void> {
    await Promise.all(this.#closed);
  }
}

const opened: Port[] = [];
async function port(host = '127.0.0.1', number = 0, open = true): Promise<Port> {
  const p = new Port(host, number);
  opened.push(p);
  if (open) await p.open();
  return p;
}
/** A port number nothing listens on: opened once to get a free number, then closed. */
async function closedPort(host = '127.0.0.1'): Promise<Port> {
  const p = await port(host);
  await p.close();
  return p;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
});

const instance = (state: string, publicIpAddress?: string) => ({
  instance: { name: 'web-1', state: { name: state }, ...(publicIpAddress ? { publicIpAddress } : {}) },
  $metadata: {},
});
const running = (ip = '127.0.0.1') => instance('running', ip);

/**
 * Runs the waiter on the fake clock without racing the sockets: after each poll has fully answered,
 * `before(n)` sets the scene for poll n, then the poll delay fires.
 */
async function drive(waiter: Waiter<never, unknown, InstancePortState>, clock: FakeClock, before: (poll: number) => unknown = () => {}) {
  let polls = 0;
  const times: number[] = [];
  waiter.on('poll', () => {
    polls += 1;
    times.push(clock.time);
  });
  let outcome: { value?: InstancePortState; error?: unknown } | undefined;
  waiter.wait().then(
    (value) => (outcome = { value }),
    (error: unknown) => (outcome = { error }),
  );
  for (let seen = 1; ; seen++) {
    while (outcome === undefined && polls < seen) await flush();
    if (outcome) return { ...outcome, times };
    await before(seen + 1);
    clock.fireNext();
  }
}

function setup(replies: SenderReply[], input: object) {
  const clock = new FakeClock();
  const client = stubSender(...replies);
  // A fast private poller: the rate cap is not under test here.
  const poller = new Poller({ clock, maxRequestsPerSecond: 1_000 });
  const waiter = new Waiter(client as never, instancePortOpen, { instanceName: 'web-1', ...input }, { clock, poller, timeoutMs: 30_000 });
  const statuses: string[] = [];
  waiter.on('status', (e) => statuses.push(`${e.current}${e.detail ? `@${e.detail}` : ''}`));
  return { clock, client, waiter, statuses };
}

describe('instance-port-open, against real loopback sockets', () => {
  it('keeps waiting on a closed port, until the timeout', async () => {
    const p = await closedPort();
    const { waiter, clock, statuses } = setup([running()], { port: p.port });
    const { error, times } = await drive(waiter as never, clock);
    expect(error).toMatchObject({ name: 'TimeoutError', waiter: 'instance-port-open', target: `web-1:${p.port}`, state: 'closed' });
    expect(times).toEqual([0, 1_000, 3_000, 6_000, 10_000, 15_000, 20_000, 25_000, 29_500]);
    expect(statuses).toEqual(['closed@127.0.0.1']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('succeeds only once the port has stayed open for stableForMs', async () => {
    const p = await closedPort();
    const { waiter, clock, statuses } = setup([running()], { port: p.port, stableForMs: 3_000 });
    const { value, times } = await drive(waiter as never, clock, (poll) => (poll === 3 ? p.open() : undefined));
    expect(value).toMatchObject({ address: '127.0.0.1', port: p.port, open: true, openSince: 3_000, openForMs: 3_000 });
    // Open at the third look (3 s); once open it is looked at every second until the window is full (6 s).
    expect(times).toEqual([0, 1_000, 3_000, 4_000, 5_000, 6_000]);
    expect(statuses).toEqual(['closed@127.0.0.1', 'open@127.0.0.1']);
    expect(p.connections).toBe(4);
  });

  it('succeeds at the first open look with stableForMs: 0', async () => {
    const p = await port();
    const { waiter, clock } = setup([running()], { port: p.port, stableForMs: 0 });
    const { value, times } = await drive(waiter as never, clock);
    expect(value).toMatchObject({ open: true, openForMs: 0, openSince: 0 });
    expect(times).toEqual([0]);
  });

  it('starts the window again when the port closes in between (a flap)', async () => {
    const p = await port();
    const { waiter, clock, statuses } = setup([running()], { port: p.port, stableForMs: 3_000 });
    const scene = (poll: number) => (poll === 3 ? p.close() : poll === 4 ? p.open() : undefined);
    const { value, times } = await drive(waiter as never, clock, scene);
    // Open at 0 and 1 s, closed at 2 s (then backing off: 3 s), open again from 5 s: without the reset, the look at 3 s after 0 would have passed.
    expect(times).toEqual([0, 1_000, 2_000, 5_000, 6_000, 7_000, 8_000]);
    expect(value).toMatchObject({ openSince: 5_000, openForMs: 3_000 });
    expect(statuses).toEqual(['open@127.0.0.1', 'closed@127.0.0.1', 'open@127.0.0.1']);
  });

  it('starts the window again when the address changes (a stop/start gives a new IP)', async () => {
    const a = await port('127.0.0.1');
    const b = await port('127.0.0.2', a.port);
    const { waiter, clock, statuses } = setup([running('127.0.0.1'), running('127.0.0.2')], { port: a.port, stableForMs: 3_000 });
    const { value, times } = await drive(waiter as never, clock);
    expect(times).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(value).toMatchObject({ address: '127.0.0.2', openSince: 1_000, openForMs: 3_000 });
    expect(statuses).toEqual(['open@127.0.0.1', 'open@127.0.0.2']);
    expect([a.connections, b.connections]).toEqual([1, 4]);
  });

  it('says there is no public IP yet, and connects to nothing, until the instance has one', async () => {
    const p = await port();
    const { waiter, clock, statuses } = setup([instance('pending'), instance('running'), running()], { port: p.port, stableForMs: 0 });
    const { value } = await drive(waiter as never, clock);
    expect(value).toMatchObject({ open: true, address: '127.0.0.1' });
    expect(statuses).toEqual(['no public IP (pending)', 'no public IP (running)', 'open@127.0.0.1']);
    expect(p.connections).toBe(1);
  });

  it('releases every socket and every timer once it succeeds', async () => {
    const p = await port();
    const { waiter, clock, client } = setup([running()], { port: p.port, stableForMs: 5_000 });
    const { value } = await drive(waiter as never, clock);
    expect(value?.open).toBe(true);
    expect(p.connections).toBe(client.calls.length);
    await p.allReleased();
    expect(clock.pendingTimers).toBe(0);
  });

  it('releases every socket and every timer when aborted between looks', async () => {
    const p = await port();
    const controller = new AbortController();
    const clock = new FakeClock();
    const waiter = new Waiter(
      stubSender(running()) as never,
      instancePortOpen,
      { instanceName: 'web-1', port: p.port },
      {
        clock,
        signal: controller.signal,
        poller: new Poller({ clock, maxRequestsPerSecond: 1_000 }),
      },
    );
    const { error } = await drive(waiter as never, clock, (poll) => (poll === 3 ? controller.abort() : undefined));
    expect(error).toMatchObject({ name: 'AbortError', state: 'open' });
    expect(p.connections).toBe(2);
    await p.allReleased();
    expect(clock.pendingTimers).toBe(0);
  });

  it('connects to the IPv6 address of an IPv6-only instance, which has no public IPv4', async () => {
    const p = await port('::1');
    const ipv6Only = {
      instance: { name: 'web-1', state: { name: 'running' }, ipAddressType: 'ipv6', ipv6Addresses: ['::1'] },
      $metadata: {},
    };
    const { waiter, clock, statuses } = setup([ipv6Only], { port: p.port, stableForMs: 0 });
    const { value } = await drive(waiter as never, clock);
    expect(value).toMatchObject({ address: '::1', open: true });
    expect(statuses).toEqual(['open@::1']);
    expect(p.connections).toBe(1);
  });

  describe('a port that never answers (SYNs dropped, as by a firewall)', () => {
    let hanging: HangingPort | undefined;
    afterEach(() => hanging?.close());

    // The connect is not a Lightsail request: connectTimeoutMs bounds it, even above requestTimeoutMs.
    it('is a closed look once connectTimeoutMs has passed, however short requestTimeoutMs is', async () => {
      hanging = await hangingPort();
      const clock = new FakeClock();
      const waiter = new Waiter(
        stubSender(running(hanging.host)) as never,
        instancePortOpen,
        { instanceName: 'web-1', port: hanging.port, connectTimeoutMs: 5_000 },
        { clock, poller: new Poller({ clock, maxRequestsPerSecond: 1_000 }), timeoutMs: 30_000, requestTimeoutMs: 1_000 },
      );
      const events: string[] = [];
      waiter.on('status', (e) => events.push(`${clock.time} ms: ${e.current}`));
      waiter.on('retry', (e) => events.push(`${clock.time} ms: retry after ${(e.error as Error).name}`));
      const { error } = await clock.run(waiter.wait());
      expect(error).toMatchObject({ name: 'TimeoutError', state: 'closed' });
      expect(events).toEqual(['5000 ms: closed']);
      expect(clock.pendingTimers).toBe(0);
    });
  });

  it('fails as not found once the grace window has passed when the instance is gone', async () => {
    const { waiter, clock } = setup([awsError('NotFoundException')], { port: 22 });
    const { error } = await clock.run(waiter.wait());
    expect(error).toMatchObject({ name: 'ResourceRequestError', errorName: 'NotFoundException', action: 'GetInstance' });
  });

  // The engine passes the waiter's target ('web-1:22') as resourceName, and the message says
  // "Lightsail resource web-1:22 does not exist"; the resource is the instance web-1.
  it('names the instance, not instance:port, as the resource that does not exist', async () => {
    const { waiter, clock } = setup([awsError('NotFoundException')], { port: 22 });
    const { error } = await clock.run(waiter.wait());
    expect(error).toMatchObject({ resourceName: 'web-1' });
  });
});
