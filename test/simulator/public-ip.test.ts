import {
  AllocateStaticIpCommand,
  AttachStaticIpCommand,
  CreateInstancesCommand,
  GetInstanceCommand,
  GetStaticIpCommand,
  StartInstanceCommand,
  StopInstanceCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { type Fixture, runningInstance, setup } from './helpers.js';

const create = (f: Fixture, instanceNames: string[]) =>
  f.client.send(
    new CreateInstancesCommand({ instanceNames, availabilityZone: 'us-east-1a', blueprintId: 'ubuntu_22_04', bundleId: 'nano_3_0' }),
  );

const stateOf = async (f: Fixture, instanceName: string) => (await f.client.send(new GetInstanceCommand({ instanceName }))).instance?.state;

describe('public IP address', () => {
  const ipOf = async (f: Fixture) => (await f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }))).instance?.publicIpAddress;

  it('is assigned 5 s after the instance is running, not with it', async () => {
    const f = await setup();
    await create(f, ['web-1']);
    f.clock.advance(20_000);
    expect((await stateOf(f, 'web-1'))?.name).toBe('running');
    expect(await ipOf(f)).toBeUndefined();
    f.clock.advance(4_999);
    expect(await ipOf(f)).toBeUndefined();
    f.clock.advance(1);
    expect(await ipOf(f)).toMatch(/^198\.51\.\d+\.\d+$/);
  });

  it('follows the publicIpDelayMs resource duration and timeScale', async () => {
    const f = await setup({ resourceDurations: { publicIpDelayMs: 60_000 }, timeScale: 10 });
    await create(f, ['web-1']);
    f.clock.advance(2_000 + 5_999);
    expect(await ipOf(f)).toBeUndefined();
    f.clock.advance(1);
    expect(await ipOf(f)).toBeDefined();
  });

  it('changes after a stop and a start, and is absent while stopped', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    const first = await ipOf(f);
    await f.client.send(new StopInstanceCommand({ instanceName: 'web-1' }));
    expect(await ipOf(f)).toBeUndefined();
    f.clock.advance(15_000);
    await f.client.send(new StartInstanceCommand({ instanceName: 'web-1' }));
    f.clock.advance(20_000);
    expect((await stateOf(f, 'web-1'))?.name).toBe('running');
    expect(await ipOf(f)).toBeUndefined();
    f.clock.advance(5_000);
    const second = await ipOf(f);
    expect(second).toMatch(/^198\.51\./);
    expect(second).not.toBe(first);
  });

  it('is the static IP, kept across a stop and a start, when one is attached', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await f.client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    await f.client.send(new AttachStaticIpCommand({ staticIpName: 'ip-1', instanceName: 'web-1' }));
    const { staticIp } = await f.client.send(new GetStaticIpCommand({ staticIpName: 'ip-1' }));
    expect(await ipOf(f)).toBe(staticIp?.ipAddress);
    await f.client.send(new StopInstanceCommand({ instanceName: 'web-1' }));
    f.clock.advance(15_000);
    await f.client.send(new StartInstanceCommand({ instanceName: 'web-1' }));
    f.clock.advance(25_000);
    const { instance } = await f.client.send(new GetInstanceCommand({ instanceName: 'web-1' }));
    expect(instance).toMatchObject({ publicIpAddress: staticIp?.ipAddress, isStaticIp: true });
  });

  it('is a distinct 127.x.y.z address per instance in loopback mode', async () => {
    const f = await setup({ instanceAddresses: 'loopback' });
    await create(f, ['web-1', 'web-2']);
    f.clock.advance(25_000);
    const addresses = await Promise.all(
      ['web-1', 'web-2'].map(
        async (instanceName) => (await f.client.send(new GetInstanceCommand({ instanceName }))).instance?.publicIpAddress,
      ),
    );
    for (const address of addresses) expect(address).toMatch(/^127\.\d+\.\d+\.\d+$/);
    expect(addresses).not.toContain('127.0.0.1');
    expect(new Set(addresses).size).toBe(2);
  });
});
