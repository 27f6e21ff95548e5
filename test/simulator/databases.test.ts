import {
  CreateRelationalDatabaseCommand,
  DeleteRelationalDatabaseCommand,
  GetOperationCommand,
  GetRelationalDatabaseCommand,
  InvalidInputException,
  NotFoundException,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { expectModelledMembers, type Fixture, setup, T0 } from './helpers.js';

const CREATE_MS = 600_000;
const BACKUP_MS = 100_000;

const create = (f: Fixture, relationalDatabaseName = 'db-1') =>
  f.client.send(
    new CreateRelationalDatabaseCommand({
      relationalDatabaseName,
      availabilityZone: 'us-east-1a',
      relationalDatabaseBlueprintId: 'mysql_8_0',
      relationalDatabaseBundleId: 'micro_1_0',
      masterDatabaseName: 'app',
      masterUsername: 'admin',
    }),
  );

const stateOf = async (f: Fixture, relationalDatabaseName = 'db-1') =>
  (await f.client.send(new GetRelationalDatabaseCommand({ relationalDatabaseName }))).relationalDatabase?.state;

describe('relational databases', () => {
  it('creates with one Started CreateRelationalDatabase operation', async () => {
    const f = await setup();
    const { operations } = await create(f);
    expect(operations).toEqual([
      expect.objectContaining({
        operationType: 'CreateRelationalDatabase',
        resourceType: 'RelationalDatabase',
        resourceName: 'db-1',
        status: 'Started',
        isTerminal: false,
        location: { availabilityZone: 'us-east-1a', regionName: 'us-east-1' },
      }),
    ]);
  });

  it('finishes its create operation while the database is still backing-up, then is available', async () => {
    const f = await setup();
    const { operations } = await create(f);
    const operationId = operations?.[0]?.id;
    expect(await stateOf(f)).toBe('creating');
    f.clock.advance(CREATE_MS - 1);
    expect(await stateOf(f)).toBe('creating');
    f.clock.advance(1);
    const { operation } = await f.client.send(new GetOperationCommand({ operationId }));
    expect(operation).toMatchObject({ status: 'Succeeded', statusChangedAt: new Date(T0 + CREATE_MS) });
    expect(await stateOf(f)).toBe('backing-up');
    f.clock.advance(BACKUP_MS - 1);
    expect(await stateOf(f)).toBe('backing-up');
    f.clock.advance(1);
    expect(await stateOf(f)).toBe('available');
  });

  it('divides every phase by timeScale', async () => {
    const f = await setup({ timeScale: 100 });
    await create(f);
    f.clock.advance(CREATE_MS / 100);
    expect(await stateOf(f)).toBe('backing-up');
    f.clock.advance(BACKUP_MS / 100);
    expect(await stateOf(f)).toBe('available');
  });

  it('returns the documented database shape with only members of the SDK model', async () => {
    const f = await setup();
    await create(f);
    f.clock.advance(CREATE_MS + BACKUP_MS);
    const output = await f.client.send(new GetRelationalDatabaseCommand({ relationalDatabaseName: 'db-1' }));
    expect(output.relationalDatabase).toMatchObject({
      name: 'db-1',
      arn: expect.stringMatching(/^arn:aws:lightsail:us-east-1:\d{12}:RelationalDatabase\/[0-9a-f-]{36}$/),
      createdAt: new Date(T0),
      location: { availabilityZone: 'us-east-1a', regionName: 'us-east-1' },
      resourceType: 'RelationalDatabase',
      relationalDatabaseBlueprintId: 'mysql_8_0',
      relationalDatabaseBundleId: 'micro_1_0',
      masterDatabaseName: 'app',
      masterUsername: 'admin',
      engine: 'mysql',
      state: 'available',
      masterEndpoint: { port: 3306, address: expect.stringMatching(/\.rds\.amazonaws\.com$/) },
    });
    await expectModelledMembers(f, 'GetRelationalDatabase', { relationalDatabaseName: 'db-1' }, output);
  });

  it('is failed when its create fails (failOperations), with the operation Failed', async () => {
    const f = await setup();
    f.sim.failOperations({ operationType: 'CreateRelationalDatabase' }, { errorCode: 'InsufficientCapacity' });
    const { operations } = await create(f);
    f.clock.advance(CREATE_MS);
    expect(await stateOf(f)).toBe('failed');
    const { operation } = await f.client.send(new GetOperationCommand({ operationId: operations?.[0]?.id }));
    expect(operation).toMatchObject({ status: 'Failed', errorCode: 'InsufficientCapacity' });
  });

  it('can be made to fail from the start with the failures option', async () => {
    const f = await setup({ failures: [{ match: { resourceName: 'db-1' }, failure: { errorCode: 'Boom' } }] });
    await create(f);
    f.clock.advance(CREATE_MS);
    expect(await stateOf(f)).toBe('failed');
  });

  it('deletes with a Started operation and a final snapshot; deleting, then NotFoundException', async () => {
    const f = await setup();
    await create(f);
    f.clock.advance(CREATE_MS + BACKUP_MS);
    const { operations } = await f.client.send(new DeleteRelationalDatabaseCommand({ relationalDatabaseName: 'db-1' }));
    expect(operations?.map((op) => [op.operationType, op.resourceType, op.status])).toEqual([
      ['DeleteRelationalDatabase', 'RelationalDatabase', 'Started'],
      ['CreateRelationalDatabaseSnapshot', 'RelationalDatabase', 'Started'],
      ['CreateRelationalDatabaseSnapshot', 'RelationalDatabaseSnapshot', 'Started'],
    ]);
    expect(operations?.[1]?.operationDetails).toMatch(/^db-1-FinalSnapshot-\d+$/);
    expect(operations?.[2]).toMatchObject({ resourceName: operations?.[1]?.operationDetails, operationDetails: 'db-1' });
    expect(await stateOf(f)).toBe('deleting');
    f.clock.advance(120_000);
    await expect(stateOf(f)).rejects.toBeInstanceOf(NotFoundException);
  });

  it('deletes with one operation when skipFinalSnapshot is set', async () => {
    const f = await setup();
    await create(f);
    f.clock.advance(CREATE_MS + BACKUP_MS);
    const { operations } = await f.client.send(
      new DeleteRelationalDatabaseCommand({ relationalDatabaseName: 'db-1', skipFinalSnapshot: true }),
    );
    expect(operations).toHaveLength(1);
  });

  it('answers InvalidInputException to deleting a database that is not available yet', async () => {
    const f = await setup();
    await create(f);
    f.clock.advance(CREATE_MS);
    await expect(f.client.send(new DeleteRelationalDatabaseCommand({ relationalDatabaseName: 'db-1' }))).rejects.toThrow(/backing-up/);
  });

  it.each(['relationalDatabaseBlueprintId', 'relationalDatabaseBundleId', 'masterDatabaseName', 'masterUsername'])(
    'answers InvalidInputException naming a missing %s',
    async (member) => {
      const f = await setup();
      const input: Record<string, unknown> = {
        relationalDatabaseName: 'db-1',
        relationalDatabaseBlueprintId: 'mysql_8_0',
        relationalDatabaseBundleId: 'micro_1_0',
        masterDatabaseName: 'app',
        masterUsername: 'admin',
      };
      delete input[member];
      const error = await f.client.send(new CreateRelationalDatabaseCommand(input as never)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputException);
      expect((error as Error).message).toContain(member);
    },
  );

  it('answers NotFoundException for an unknown database', async () => {
    const f = await setup();
    await expect(stateOf(f, 'ghost-1')).rejects.toBeInstanceOf(NotFoundException);
  });
});
