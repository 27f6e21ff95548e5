import {
  CreateDistributionCommand,
  GetDistributionsCommand,
  GetOperationCommand,
  GetOperationsCommand,
  InvalidInputException,
  NotFoundException,
  UpdateDistributionCommand,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { clientFor, expectModelledMembers, type Fixture, raw, runningInstance, setup, T0, target } from './helpers.js';

const OPERATION_MS = 20_000;
const DEPLOY_MS = 600_000;

const create = (f: Fixture, origin = 'bucket-1') =>
  f.client.send(
    new CreateDistributionCommand({
      distributionName: 'cdn-1',
      origin: { name: origin, regionName: 'us-east-1', protocolPolicy: 'http-only' },
      defaultCacheBehavior: { behavior: 'cache' },
      bundleId: 'small_1_0',
    }),
  );

const statusOf = async (f: Fixture) =>
  (await f.client.send(new GetDistributionsCommand({ distributionName: 'cdn-1' }))).distributions?.[0]?.status;

describe('distributions', () => {
  it('creates with {distribution, operation}: a Started CreateDistribution operation, status InProgress', async () => {
    const f = await setup();
    const { distribution, operation } = await create(f);
    expect(operation).toMatchObject({
      operationType: 'CreateDistribution',
      resourceType: 'Distribution',
      resourceName: 'cdn-1',
      status: 'Started',
      location: { availabilityZone: 'all', regionName: 'us-east-1' },
    });
    expect(distribution).toMatchObject({
      name: 'cdn-1',
      resourceType: 'Distribution',
      status: 'InProgress',
      isEnabled: true,
      domainName: expect.stringMatching(/^d[0-9a-f]+\.cloudfront\.net$/),
      origin: { name: 'bucket-1', resourceType: 'Bucket', regionName: 'us-east-1', protocolPolicy: 'http-only' },
      createdAt: new Date(T0),
    });
  });

  it('finishes its operation while still InProgress, then is Deployed after 10 min', async () => {
    const f = await setup();
    const { operation } = await create(f);
    f.clock.advance(OPERATION_MS);
    expect((await f.client.send(new GetOperationCommand({ operationId: operation?.id }))).operation?.status).toBe('Succeeded');
    expect(await statusOf(f)).toBe('InProgress');
    f.clock.advance(DEPLOY_MS - OPERATION_MS - 1);
    expect(await statusOf(f)).toBe('InProgress');
    f.clock.advance(1);
    expect(await statusOf(f)).toBe('Deployed');
  });

  it('sends only members of the SDK model, for an instance origin too', async () => {
    const f = await setup();
    await runningInstance(f, 'web-1');
    await create(f, 'web-1');
    const output = await f.client.send(new GetDistributionsCommand({ distributionName: 'cdn-1' }));
    expect(output.distributions?.[0]?.origin?.resourceType).toBe('Instance');
    expect(output.distributions?.[0]?.originPublicDNS).toMatch(/^198\.51\./);
    await expectModelledMembers(f, 'GetDistributions', { distributionName: 'cdn-1' }, output);
  });

  it('is InProgress again after UpdateDistribution, which returns one Started operation', async () => {
    const f = await setup();
    await create(f);
    f.clock.advance(DEPLOY_MS);
    const { operation } = await f.client.send(new UpdateDistributionCommand({ distributionName: 'cdn-1', isEnabled: false }));
    expect(operation).toMatchObject({ operationType: 'UpdateDistribution', status: 'Started', resourceName: 'cdn-1' });
    expect(await statusOf(f)).toBe('InProgress');
    f.clock.advance(DEPLOY_MS);
    const { distributions } = await f.client.send(new GetDistributionsCommand({ distributionName: 'cdn-1' }));
    expect(distributions?.[0]).toMatchObject({ status: 'Deployed', isEnabled: false });
  });

  it('is Failed when its create fails', async () => {
    const f = await setup();
    f.sim.failOperations({ operationType: 'CreateDistribution' }, { errorCode: 'Boom' });
    await create(f);
    f.clock.advance(OPERATION_MS);
    expect(await statusOf(f)).toBe('Failed');
  });

  it('lists every distribution without a name; NotFoundException for an unknown one', async () => {
    const f = await setup();
    await create(f);
    const { distributions } = await f.client.send(new GetDistributionsCommand({}));
    expect(distributions?.map((d) => d.name)).toEqual(['cdn-1']);
    await expect(f.client.send(new GetDistributionsCommand({ distributionName: 'ghost-1' }))).rejects.toBeInstanceOf(NotFoundException);
    await expect(f.client.send(new UpdateDistributionCommand({ distributionName: 'ghost-1' }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it.each([
    ['a bad behavior', { defaultCacheBehavior: { behavior: 'sometimes' } }, 'behavior'],
    ['a missing origin', { origin: undefined }, 'origin'],
    ['a missing bundleId', { bundleId: undefined }, 'bundleId'],
    [
      'an origin protocolPolicy outside the model enum',
      { origin: { name: 'bucket-1', regionName: 'us-east-1', protocolPolicy: 'match-viewer' } },
      'protocolPolicy',
    ],
  ])('answers InvalidInputException to %s', async (_, change, mention) => {
    const f = await setup();
    const input = {
      distributionName: 'cdn-1',
      origin: { name: 'bucket-1', regionName: 'us-east-1' },
      defaultCacheBehavior: { behavior: 'cache' },
      bundleId: 'small_1_0',
      ...change,
    };
    const error = await f.client.send(new CreateDistributionCommand(input as never)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect((error as Error).message).toContain(mention);
  });

  it('accepts an https-only origin', async () => {
    const f = await setup();
    const origin = { name: 'bucket-1', regionName: 'us-east-1', protocolPolicy: 'https-only' } as const;
    await f.client.send(
      new CreateDistributionCommand({
        distributionName: 'cdn-1',
        origin,
        defaultCacheBehavior: { behavior: 'cache' },
        bundleId: 'small_1_0',
      }),
    );
    expect(
      (await f.client.send(new GetDistributionsCommand({ distributionName: 'cdn-1' }))).distributions?.[0]?.origin?.protocolPolicy,
    ).toBe('https-only');
  });
});

describe('distributions outside us-east-1', () => {
  const MODEL_WORDING =
    'Domain and distribution APIs are only available in the N. Virginia (us-east-1) Amazon Web Services Region. ' +
    'Please set your Amazon Web Services Region configuration to us-east-1 to create, view, or edit these resources.';
  const input = {
    distributionName: 'cdn-1',
    origin: { name: 'bucket-1', regionName: 'eu-west-2' as const },
    defaultCacheBehavior: { behavior: 'cache' as const },
    bundleId: 'small_1_0',
  };

  it.each([
    ['CreateDistribution', new CreateDistributionCommand(input)],
    ['UpdateDistribution', new UpdateDistributionCommand({ distributionName: 'cdn-1', isEnabled: false })],
    ['GetDistributions', new GetDistributionsCommand({})],
  ])('answers %s in eu-west-2 with InvalidInputException (400) in the model wording', async (_, command) => {
    const f = await setup();
    const error = await clientFor(f.sim, 1, 'eu-west-2')
      .send(command as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect(error).toMatchObject({ message: MODEL_WORDING, code: 'UnsupportedOperation', $metadata: { httpStatusCode: 400 } });
  });

  it('starts no operation when refused', async () => {
    const f = await setup();
    const eu = clientFor(f.sim, 1, 'eu-west-2');
    await expect(eu.send(new CreateDistributionCommand(input))).rejects.toBeInstanceOf(InvalidInputException);
    expect((await eu.send(new GetOperationsCommand({}))).operations).toEqual([]);
  });

  it('refuses unsigned requests when the default region is not us-east-1', async () => {
    const f = await setup({ region: 'eu-west-2' });
    const answer = await raw(f.sim, { target: target('GetDistributions'), body: '{}' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ __type: 'InvalidInputException', message: MODEL_WORDING });
  });
});
