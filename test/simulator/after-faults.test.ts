// Faults with side effects: the action runs, its answer is lost, and the SDK's own retry meets the
// first attempt's work, as Lightsail users report (OpenRouterLabs/spawn#2630: NameExists after a retry).
import { CreateInstancesCommand, GetInstanceCommand, GetOperationsCommand, InvalidInputException } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../../src/simulator/index.js';
import { clientFor, setup } from './helpers.js';

const create = (names: string[]) =>
  new CreateInstancesCommand({ instanceNames: names, availabilityZone: 'us-east-1a', blueprintId: 'ubuntu_22_04', bundleId: 'nano_3_0' });

describe('faults after the action', () => {
  it.each([
    ['reset', 0],
    ['http500', 500],
    ['http503', 503],
    ['ServiceException', 500],
  ] as const)(
    '%s after CreateInstances: the default SDK retry answers "Some names are already in use" (NameExists), the instance exists',
    async (kind, status) => {
      const f = await setup();
      f.sim.injectFault({ kind: kind as FaultKind, action: 'CreateInstances', phase: 'after' });
      const client = clientFor(f.sim, 3); // the SDK's default: 3 attempts, retrying resets and 5xx

      const error = await client.send(create(['web-1'])).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(InvalidInputException);
      expect(error).toMatchObject({
        message: 'Some names are already in use: web-1',
        code: 'NameExists',
        $metadata: { httpStatusCode: 400, attempts: 2 },
      });
      expect(f.sim.requests.map((r) => [r.action, r.status, r.fault, r.faultPhase])).toEqual([
        ['CreateInstances', status, kind, 'after'],
        ['CreateInstances', 400, undefined, undefined],
      ]);
      // The first attempt did its work: the instance exists and its create is under way.
      const { instance } = await client.send(new GetInstanceCommand({ instanceName: 'web-1' }));
      expect(instance?.state?.name).toBe('pending');
      const { operations } = await client.send(new GetOperationsCommand({}));
      expect(operations?.map((op) => [op.operationType, op.resourceName, op.status])).toEqual([['CreateInstance', 'web-1', 'Started']]);
    },
  );

  it('a reset before the action leaves nothing behind: the SDK retry creates the instance', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'reset', action: 'CreateInstances' });
    const output = await clientFor(f.sim, 3).send(create(['web-1']));
    expect(output.$metadata.attempts).toBe(2);
    expect(output.operations).toHaveLength(1);
    expect(f.sim.requests.map((r) => r.status)).toEqual([0, 200]);
  });

  it('names every taken name of a multi-instance create', async () => {
    const f = await setup();
    await f.client.send(create(['web-1', 'web-2']));
    await expect(f.client.send(create(['web-0', 'web-1', 'web-2']))).rejects.toThrow('Some names are already in use: web-1, web-2');
  });

  it('loses the answer of a failed action too: the retry then fails the same way', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'http500', action: 'GetInstance', phase: 'after' });
    const error = await clientFor(f.sim, 3)
      .send(new GetInstanceCommand({ instanceName: 'ghost-1' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NotFoundException', $metadata: { attempts: 2 } });
  });

  it('lists an after fault as pending with its phase', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'reset', action: 'CreateInstances', phase: 'after', times: 2 });
    expect(f.sim.pendingFaults).toEqual([{ kind: 'reset', action: 'CreateInstances', phase: 'after', times: 2 }]);
  });
});
