import {
  AllocateStaticIpCommand,
  CreateInstancesCommand,
  GetInstanceCommand,
  GetOperationCommand,
  LightsailClient,
} from '@aws-sdk/client-lightsail';
import { afterEach, describe, expect, it } from 'vitest';
import { OperationsFailedError, waitForOperationsPlugin, withOperationWaiting } from '../../src/index.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';

let sim: Simulator;
let client: LightsailClient;
const fast = { minDelayMs: 5, maxDelayMs: 20 };

async function setup(options: Parameters<typeof startSimulator>[0] = {}) {
  sim = await startSimulator({ timeScale: 500, ...options });
  client = new LightsailClient({ endpoint: sim.endpoint, region: 'us-east-1', credentials: { accessKeyId: 't', secretAccessKey: 't' } });
  client.middlewareStack.use(waitForOperationsPlugin({ client, ...fast }));
}

afterEach(async () => {
  client.destroy();
  await sim?.close();
});

const create = (names: string[]) =>
  new CreateInstancesCommand({ instanceNames: names, availabilityZone: 'us-east-1a', blueprintId: 'ubuntu_22_04', bundleId: 'nano_3_0' });

describe('waitForOperationsPlugin on a real LightsailClient over HTTP', () => {
  it('makes CreateInstances return once the instances are running', async () => {
    await setup();
    const output = await client.send(create(['web-1', 'web-2']));
    expect(output.operations?.map((o) => o.status)).toEqual(['Succeeded', 'Succeeded']);
    expect(output.$metadata.httpStatusCode).toBe(200);
    const { instance } = await client.send(new GetInstanceCommand({ instanceName: 'web-1' }));
    expect(instance?.state?.name).toBe('running');
    // GetOperation itself went through the same client without waiting on itself
    expect(sim.requests.filter((r) => r.action === 'GetOperation').length).toBeGreaterThan(0);
  });

  it('spends no request on an operation that came back Succeeded', async () => {
    await setup();
    await client.send(new AllocateStaticIpCommand({ staticIpName: 'ip-1' }));
    expect(sim.requests.map((r) => r.action)).toEqual(['AllocateStaticIp']);
  });

  it('never waits inside GetOperation', async () => {
    await setup();
    const created = await client.send(create(['web-1']));
    sim.clearRequests();
    const { operation } = await client.send(new GetOperationCommand({ operationId: created.operations?.[0]?.id as string }));
    expect(operation?.status).toBe('Succeeded');
    expect(sim.requests).toHaveLength(1);
  });

  it('throws OperationsFailedError with Lightsail’s errorCode when a create fails', async () => {
    await setup();
    sim.failOperations({ operationType: 'CreateInstance' }, { errorCode: 'NoAvailableCapacity', errorDetails: 'none in us-east-1a' });
    const error = (await client.send(create(['web-1'])).catch((e: unknown) => e)) as OperationsFailedError;
    expect(error).toBeInstanceOf(OperationsFailedError);
    expect(error.results[0]?.error).toMatchObject({ errorCode: 'NoAvailableCapacity', errorDetails: 'none in us-east-1a' });
  });

  it('stops waiting when the abortSignal given to client.send aborts', async () => {
    await setup({ timeScale: 1 });
    const controller = new AbortController();
    const sent = client.send(create(['web-1']), { abortSignal: controller.signal }).catch((e: unknown) => e);
    while (!sim.requests.some((r) => r.action === 'GetOperation')) await new Promise((r) => setImmediate(r));
    controller.abort();
    const error = (await sent) as OperationsFailedError;
    expect(error.results[0]?.outcome).toBe('aborted');
  });

  it('withOperationWaiting adds the plugin and returns the same client', async () => {
    sim = await startSimulator({ timeScale: 500 });
    const plain = new LightsailClient({
      endpoint: sim.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 't', secretAccessKey: 't' },
    });
    client = withOperationWaiting(plain, fast);
    expect(client).toBe(plain);
    const output = await client.send(create(['web-9']));
    expect(output.operations?.map((o) => o.status)).toEqual(['Succeeded']);
  });

  it('withOperationWaiting refuses what is not an SDK client, before any request', () => {
    sim = undefined as never;
    client = { destroy() {} } as never;
    expect(() => withOperationWaiting({ send: async () => ({}) } as never)).toThrow('Expected `client` to have a `middlewareStack`');
  });
});
