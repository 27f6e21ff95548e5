import { GetRelationalDatabaseCommand, type GetRelationalDatabaseCommandOutput } from '@aws-sdk/client-lightsail';
import { defineWaiter, type SendClient } from '../engine/waiter-definition.js';
import { readNamedInput } from './resource-input.js';

/** A client that can send `GetRelationalDatabase`: a `LightsailClient` fits. */
export type GetRelationalDatabaseClient = SendClient<GetRelationalDatabaseCommand, GetRelationalDatabaseCommandOutput>;

/** What `database-available` takes: `GetRelationalDatabase`'s input. */
export interface RelationalDatabaseInput {
  /** The database's name. */
  readonly relationalDatabaseName: string;
}

/**
 * Database states that will not turn into `available` without someone acting. Lightsail's `state`
 * is an untyped string; Lightsail databases run on Amazon RDS, whose documented DB instance
 * statuses ("Viewing Amazon RDS DB instance status", RDS User Guide) mark these as failed or as
 * needing action. `deleting` is here too: a database being deleted will never be available.
 */
export const FAILED_DATABASE_STATES: ReadonlySet<string> = new Set([
  'failed',
  'incompatible-network',
  'incompatible-option-group',
  'incompatible-parameters',
  'incompatible-restore',
  'inaccessible-encryption-credentials',
  'restore-error',
  'storage-full',
  'deleting',
]);

const stateOf = (output: GetRelationalDatabaseCommandOutput): string | undefined => output.relationalDatabase?.state;

/**
 * `database-available`: `GetRelationalDatabase` until `state` is `available`. Its create (or
 * update) operation can succeed before that (terraform-provider-aws: "Some Operations can
 * complete before the Database enters the Available state"). Fails fast on the states in
 * {@link FAILED_DATABASE_STATES}.
 */
export const databaseAvailable = defineWaiter<GetRelationalDatabaseClient, RelationalDatabaseInput, GetRelationalDatabaseCommandOutput>({
  name: 'database-available',
  action: 'GetRelationalDatabase',
  input: (value) => ({ relationalDatabaseName: readNamedInput('relationalDatabaseName', value).relationalDatabaseName }),
  target: ({ relationalDatabaseName }) => relationalDatabaseName,
  describe: ({ relationalDatabaseName }) => `Lightsail database ${relationalDatabaseName}`,
  probe: (client, { relationalDatabaseName }, { signal }) =>
    client.send(new GetRelationalDatabaseCommand({ relationalDatabaseName }), { abortSignal: signal }),
  acceptors: [
    { state: 'success', matches: (output) => stateOf(output) === 'available' },
    {
      state: 'failure',
      matches: (output) => FAILED_DATABASE_STATES.has(stateOf(output) ?? ''),
      reason: (output) => `the database is ${stateOf(output)}`,
    },
  ],
  state: stateOf,
  typicalDurationMs: [300_000, 1_800_000],
});
