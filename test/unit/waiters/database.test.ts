import { describe, expect, it } from 'vitest';
import { databaseAvailable, FAILED_DATABASE_STATES, ResourceFailedError, waitFor } from '../../../src/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { outcomeOf, stubSender } from '../../helpers/stub-sender.js';

/** A `GetRelationalDatabase` output. */
const database = (state: string) => ({ relationalDatabase: { name: 'db-1', state }, $metadata: {} });

describe('database-available: what each GetRelationalDatabase answer means', () => {
  it('succeeds on available', async () => {
    expect(await outcomeOf(databaseAvailable, 'db-1', database('available'))).toBe('success');
  });

  it.each(['creating', 'backing-up', 'modifying', 'rebooting', 'upgrading', 'maintenance', 'configuring-log-exports'])(
    'keeps waiting while the database is %s',
    async (state) => {
      expect(await outcomeOf(databaseAvailable, 'db-1', database(state))).toBe('wait');
    },
  );

  it.each([...FAILED_DATABASE_STATES])('fails fast on %s', async (state) => {
    expect(await outcomeOf(databaseAvailable, 'db-1', database(state))).toBe(`failure: the database is ${state}`);
  });

  it('lists the failed states', () => {
    expect([...FAILED_DATABASE_STATES].sort()).toEqual([
      'deleting',
      'failed',
      'inaccessible-encryption-credentials',
      'incompatible-network',
      'incompatible-option-group',
      'incompatible-parameters',
      'incompatible-restore',
      'restore-error',
      'storage-full',
    ]);
  });

  it('keeps waiting on an answer with no database in it', async () => {
    expect(await outcomeOf(databaseAvailable, 'db-1', { $metadata: {} })).toBe('wait');
  });

  it('sends GetRelationalDatabase with the database name', async () => {
    const clock = new FakeClock();
    const client = stubSender(database('creating'), database('available'));
    const { value } = await clock.run(waitFor(client, databaseAvailable, { relationalDatabaseName: 'db-1' }, { clock }));
    expect(value?.relationalDatabase?.state).toBe('available');
    expect(client.calls.map((c) => [c.name, c.input])).toEqual([
      ['GetRelationalDatabaseCommand', { relationalDatabaseName: 'db-1' }],
      ['GetRelationalDatabaseCommand', { relationalDatabaseName: 'db-1' }],
    ]);
  });

  it('rejects a failed database with a ResourceFailedError carrying state and output', async () => {
    const clock = new FakeClock();
    const full = database('storage-full');
    const { error } = await clock.run(waitFor(stubSender(full), databaseAvailable, 'db-1', { clock }));
    expect(error).toBeInstanceOf(ResourceFailedError);
    expect(error).toMatchObject({
      waiter: 'database-available',
      resourceName: 'db-1',
      state: 'storage-full',
      reason: 'the database is storage-full',
      output: full,
    });
  });
});
