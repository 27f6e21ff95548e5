import { connect } from 'node:net';
import { AllocateStaticIpCommand, AttachStaticIpCommand, GetInstanceCommand, StopInstanceCommand } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { type Fixture, runningInstance, setup } from './helpers.js';

/** Connects with a real TCP socket: `open` when the connection is accepted, else the error code. */
function probe(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

const publicIp = async (f: Fixture, instanceName = 'web-1') =>
  (await f.client.send(new GetInstanceCommand({ instanceName }))).instance?.publicIpAddress;

describe('openPort', () => {
  it('listens on the instance public loopback address; the port opens late, closes and reopens', async () => {
    const f = await setup({ instanceAddresses: 'loopback' });
    await runningInstance(f, 'web-1');
    const address = await publicIp(f);
    expect(address).toMatch(/^127\./);
    const first = await f.sim.openPort('web-1');
    expect(first).toMatchObject({ address, port: expect.any(Number) });
    expect(first.port).toBeGreaterThan(0);
    expect(await probe(address as string, first.port)).toBe('open');
    await first.close();
    expect(await probe(address as string, first.port)).toBe('ECONNREFUSED');
    const again = await f.sim.openPort('web-1', first.port);
    expect(again.port).toBe(first.port);
    expect(await probe(address as string, first.port)).toBe('open');
    await again.close();
  });

  it('is refused before the port opens, on the same address', async () => {
    const f = await setup({ instanceAddresses: 'loopback' });
    await runningInstance(f, 'web-1');
    const address = (await publicIp(f)) as string;
    const probeListener = await f.sim.openPort('web-1');
    const { port } = probeListener;
    await probeListener.close();
    expect(await probe(address, port)).toBe('ECONNREFUSED');
    await f.sim.openPort('web-1', port);
    expect(await probe(address, port)).toBe('open');
  });

  it('listens on the attached static IP, a loopback address too', async () => {
    const f = await setup({ instanceAddresses: 'loopback' });
    await runningInstance(f, 'web-1');
    const dynamic = await publicIp(f);
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    await f.client.send(new AttachStaticIpCommand({ staticIpName: 'ip-1', instanceName: 'web-1' }));
    const address = await publicIp(f);
    expect(address).toMatch(/^127\./);
    expect(address).not.toBe(dynamic);
    const listener = await f.sim.openPort('web-1');
    expect(listener.address).toBe(address);
    expect(await probe(listener.address, listener.port)).toBe('open');
  });

  it('does not answer on another instance address', async () => {
    const f = await setup({ instanceAddresses: 'loopback' });
    await runningInstance(f, 'web-1');
    await runningInstance(f, 'web-2');
    const listener = await f.sim.openPort('web-1');
    expect(await probe((await publicIp(f, 'web-2')) as string, listener.port)).toBe('ECONNREFUSED');
  });

  it('holds connections open with connections: hold until the listener closes', async () => {
    const f = await setup({ instanceAddresses: 'loopback' });
    await runningInstance(f, 'web-1');
    const listener = await f.sim.openPort('web-1', 0, { connections: 'hold' });
    const socket = connect({ host: listener.address, port: listener.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.on('error', () => {});
    await listener.close();
    await closed;
    expect(socket.destroyed).toBe(true);
  });

  it('is closed by the simulator close()', async () => {
    const f = await setup({ instanceAddresses: 'loopback' });
    await runningInstance(f, 'web-1');
    const listener = await f.sim.openPort('web-1');
    await f.sim.close();
    expect(await probe(listener.address, listener.port)).toBe('ECONNREFUSED');
    await expect(f.sim.openPort('web-1')).rejects.toThrow(/closed/);
  });

  it('rejects in documentation mode', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await expect(f.sim.openPort('web-1')).rejects.toThrow(/instanceAddresses: 'loopback'/);
  });

  it.each([
    ['an unknown instance', 'ghost-1', 0, RangeError],
    ['a bad port', 'web-1', 70_000, RangeError],
  ])('rejects %s', async (_, name, port, type) => {
    const f = await setup({ instanceAddresses: 'loopback' });
    await runningInstance(f, 'web-1');
    await expect(f.sim.openPort(name, port)).rejects.toBeInstanceOf(type);
  });

  it('rejects while the instance has no public address (not yet assigned, or stopped)', async () => {
    const f = await setup({ instanceAddresses: 'loopback' });
    await runningInstance(f, 'web-1');
    await f.client.send(new StopInstanceCommand({ instanceName: 'web-1' }));
    await expect(f.sim.openPort('web-1')).rejects.toThrow(/no public IP address/);
  });
});
