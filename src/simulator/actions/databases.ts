/**
 * Relational database actions: create, get and delete. Create and delete are answered `Started`
 * (CLI examples create-relational-database.rst and delete-relational-database.rst).
 */
import { randomUUID } from 'node:crypto';
import { invalidInput } from '../api-error.js';
import { type DatabaseRecord, databaseJson, databaseStateAt } from '../databases.js';
import type { OperationRecord } from '../lifecycle.js';
import type { ActionOperation } from '../state.js';
import { checkZone } from '../zones.js';
import { type ActionContext, type ActionHandler, operationsJson } from './context.js';
import { optionalBoolean, optionalString, requireName, requireString } from './input.js';
import { findDatabase, throwIfNamesTaken } from './lookup.js';

function zoneOf(ctx: ActionContext, input: Readonly<Record<string, unknown>>): string {
  const { region } = ctx.state.config;
  return checkZone(region, optionalString(input, 'availabilityZone') ?? `${region}a`);
}

function start(ctx: ActionContext, spec: Omit<ActionOperation, 'instant'>): OperationRecord {
  return ctx.state.startOperation({ ...spec, instant: false }, ctx.now);
}

/**
 * `CreateRelationalDatabase` → one `Started` `CreateRelationalDatabase` operation. The database is
 * `creating` until it succeeds, then `backing-up` for `databaseBackupMs`, then `available`; `failed`
 * if the operation fails (`failOperations({operationType: 'CreateRelationalDatabase'}, …)`).
 */
export const createRelationalDatabase: ActionHandler = (ctx, input) => {
  const name = requireName(input, 'relationalDatabaseName');
  const availabilityZone = zoneOf(ctx, input);
  const blueprintId = requireString(input, 'relationalDatabaseBlueprintId');
  const bundleId = requireString(input, 'relationalDatabaseBundleId');
  const masterDatabaseName = requireString(input, 'masterDatabaseName');
  const masterUsername = requireString(input, 'masterUsername');
  optionalString(input, 'masterUserPassword');
  const { state } = ctx;
  throwIfNamesTaken(ctx, [name]);
  const op = start(ctx, {
    operationType: 'CreateRelationalDatabase',
    resourceName: name,
    resourceType: 'RelationalDatabase',
    availabilityZone,
    operationDetails: '',
  });
  const record: DatabaseRecord = {
    name,
    arn: state.arn('RelationalDatabase'),
    supportCode: state.supportCode(),
    createdAt: ctx.now,
    availabilityZone,
    blueprintId,
    bundleId,
    masterDatabaseName,
    masterUsername,
    publiclyAccessible: optionalBoolean(input, 'publiclyAccessible') ?? false,
    preferredBackupWindow: optionalString(input, 'preferredBackupWindow') ?? '06:00-06:30',
    preferredMaintenanceWindow: optionalString(input, 'preferredMaintenanceWindow') ?? 'sat:07:00-sat:07:30',
    endpointAddress: `ls-${randomUUID().replace(/-/g, '')}.c${randomUUID().slice(0, 10)}.${state.config.region}.rds.amazonaws.com`,
    createOp: op,
    backupMs: state.phase('databaseBackupMs'),
    deleteOp: undefined,
  };
  state.databases.set(name, record);
  return { operations: operationsJson(ctx, [op]) };
};

/** `GetRelationalDatabase {relationalDatabaseName}` → `{relationalDatabase}`; `NotFoundException` once deleted. */
export const getRelationalDatabase: ActionHandler = (ctx, input) => ({
  relationalDatabase: databaseJson(findDatabase(ctx, requireName(input, 'relationalDatabaseName')), ctx.now, ctx.state.config.region),
});

/**
 * `DeleteRelationalDatabase {relationalDatabaseName, skipFinalSnapshot?, finalRelationalDatabaseSnapshotName?}`
 * → a `Started` `DeleteRelationalDatabase` operation and, unless `skipFinalSnapshot`, two `Started`
 * `CreateRelationalDatabaseSnapshot` operations (on the database and on the snapshot), as in the CLI
 * example. The database is `deleting`, then not found. It must be `available` (or `failed`):
 * terraform-provider-aws waits for `available` before deleting.
 */
export const deleteRelationalDatabase: ActionHandler = (ctx, input) => {
  const db = findDatabase(ctx, requireName(input, 'relationalDatabaseName'));
  const skip = optionalBoolean(input, 'skipFinalSnapshot') ?? false;
  const snapshotName = optionalString(input, 'finalRelationalDatabaseSnapshotName');
  if (skip && snapshotName !== undefined) {
    throw invalidInput('Specify `finalRelationalDatabaseSnapshotName` only when `skipFinalSnapshot` is false.');
  }
  const dbState = databaseStateAt(db, ctx.now);
  if (dbState !== 'available' && dbState !== 'failed') {
    throw invalidInput(`The relational database ${db.name} is ${dbState}; it must be available to be deleted.`);
  }
  const base = { resourceName: db.name, resourceType: 'RelationalDatabase', availabilityZone: db.availabilityZone } as const;
  const deleteOp = start(ctx, { ...base, operationType: 'DeleteRelationalDatabase', operationDetails: '' });
  const ops = [deleteOp];
  if (!skip) {
    const snapshot = snapshotName ?? `${db.name}-FinalSnapshot-${Math.round(ctx.now)}`;
    ops.push(
      start(ctx, { ...base, operationType: 'CreateRelationalDatabaseSnapshot', operationDetails: snapshot }),
      start(ctx, {
        operationType: 'CreateRelationalDatabaseSnapshot',
        resourceName: snapshot,
        resourceType: 'RelationalDatabaseSnapshot',
        availabilityZone: 'all',
        operationDetails: db.name,
      }),
    );
  }
  db.deleteOp = deleteOp;
  return { operations: operationsJson(ctx, ops) };
};
