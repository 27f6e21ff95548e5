import {
  GetContainerLogCommand,
  type GetContainerLogCommandInput,
  InvalidInputException,
  NotFoundException,
  UpdateContainerServiceCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { CREATE_MS, DEPLOY_CREATE_MS, DEPLOY_MS, deploy, HEALTH_MS, logOf, readyService } from './containers.js';
import { expectModelledMembers, type Fixture, setup, T0 } from './helpers.js';

const T1 = T0 + CREATE_MS;

const getLog = (f: Fixture, input: Partial<GetContainerLogCommandInput> = {}) =>
  f.client.send(new GetContainerLogCommand({ serviceName: 'app', containerName: 'web', ...input }));

/** A READY service with one deployment (at T1) that has run to the end. */
async function deployed(options: Parameters<typeof setup>[0] = {}): Promise<Fixture> {
  const f = await setup(options);
  await readyService(f);
  await deploy(f);
  f.clock.advance(DEPLOY_MS);
  return f;
}

describe('GetContainerLog', () => {
  it('returns the lines each container writes, at instants that follow the deployment, newest last', async () => {
    const f = await deployed();
    const { logEvents, nextPageToken } = await getLog(f);
    expect(logEvents).toEqual([
      { createdAt: new Date(T1), message: '[deployment:1] Creating your deployment' },
      { createdAt: new Date(T1 + DEPLOY_CREATE_MS), message: '[deployment:1] Started 1 new node' },
      { createdAt: new Date(T1 + DEPLOY_CREATE_MS), message: '[deployment:1] Started container web from image nginx:latest' },
      { createdAt: new Date(T1 + DEPLOY_CREATE_MS + HEALTH_MS), message: '[deployment:1] Reached a steady state' },
    ]);
    expect(nextPageToken).toBeUndefined();
  });

  it('shows only the lines written so far', async () => {
    const f = await setup();
    await readyService(f);
    await deploy(f);
    expect(await logOf(f)).toEqual(['[deployment:1] Creating your deployment']);
    f.clock.advance(DEPLOY_CREATE_MS);
    expect(await logOf(f)).toHaveLength(3);
  });

  it('sends only members of the SDK model', async () => {
    const f = await deployed();
    const output = await getLog(f);
    await expectModelledMembers(f, 'GetContainerLog', { serviceName: 'app', containerName: 'web' }, output);
  });

  it('filters by startTime and endTime, both inclusive', async () => {
    const f = await deployed();
    const at = new Date(T1 + DEPLOY_CREATE_MS);
    const { logEvents } = await getLog(f, { startTime: at, endTime: at });
    expect(logEvents?.map((e) => e.message)).toEqual([
      '[deployment:1] Started 1 new node',
      '[deployment:1] Started container web from image nginx:latest',
    ]);
    const after = await getLog(f, { startTime: new Date(T1 + 1) });
    expect(after.logEvents).toHaveLength(3);
  });

  it.each([
    ['', 4],
    ['Started', 2],
    ['Started node', 1],
    ['-Started', 2],
    ['?steady ?Creating', 2],
    ['started', 0],
  ])('filters by the pattern %j', async (filterPattern, count) => {
    const f = await deployed();
    const { logEvents } = await getLog(f, { filterPattern });
    expect(logEvents).toHaveLength(count);
  });

  it('pages with pageToken, oldest first, containerLogPageSize a page, and no token after the last page', async () => {
    const f = await deployed({ containerLogPageSize: 3 });
    const first = await getLog(f);
    expect(first.logEvents).toHaveLength(3);
    expect(first.nextPageToken).toEqual(expect.any(String));
    await deploy(f);
    const second = await getLog(f, { pageToken: first.nextPageToken as string });
    expect(second.logEvents?.map((e) => e.message)).toEqual([
      '[deployment:1] Reached a steady state',
      '[deployment:2] Creating your deployment',
    ]);
    expect(second.nextPageToken).toBeUndefined();
  });

  it('answers InvalidInputException to a bad pageToken', async () => {
    const f = await deployed();
    await expect(getLog(f, { pageToken: 'nonsense' })).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('writes one start line per node', async () => {
    const f = await setup();
    await readyService(f);
    await f.client.send(new UpdateContainerServiceCommand({ serviceName: 'app', scale: 3 }));
    f.clock.advance(200_000);
    await deploy(f);
    f.clock.advance(DEPLOY_MS);
    expect(await logOf(f)).toContain('[deployment:1] Started 3 new nodes');
  });

  it('keeps events for containerLogRetentionMs (3 days)', async () => {
    const f = await deployed();
    f.clock.advance(3 * 86_400_000 + DEPLOY_CREATE_MS + 1 - DEPLOY_MS);
    expect(await logOf(f)).toEqual(['[deployment:1] Reached a steady state']);
    f.clock.advance(HEALTH_MS);
    expect(await logOf(f)).toEqual([]);
  });

  it('answers InvalidInputException for a container no deployment has, NotFoundException for an unknown service', async () => {
    const f = await deployed();
    const error = await getLog(f, { containerName: 'api' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect((error as Error).message).toContain('api');
    await expect(getLog(f, { serviceName: 'ghost' })).rejects.toBeInstanceOf(NotFoundException);
  });

  it('logs only the deployments a container belongs to', async () => {
    const f = await deployed();
    await deploy(f, 'app', { api: { image: 'example/api:2' } });
    f.clock.advance(DEPLOY_MS);
    expect(await logOf(f, 'api')).toEqual([
      '[deployment:2] Creating your deployment',
      '[deployment:2] Started 1 new node',
      '[deployment:2] Started container api from image example/api:2',
      '[deployment:2] Reached a steady state',
    ]);
    expect((await logOf(f, 'web')).every((line) => line.startsWith('[deployment:1]'))).toBe(true);
  });
});
