/**
 * Relational databases: the stored record, the state derived lazily from its operations, and the
 * `GetRelationalDatabase` wire shape.
 *
 * State sequence, from the evidence: Lightsail databases run on RDS (the CLI example
 * get-relational-database.rst shows an `*.rds.amazonaws.com` endpoint) and report RDS instance
 * statuses: `creating` → `backing-up` → `available` (RDS users report creating, modifying, backing up:
 * hashicorp/terraform#2886), `deleting` while a delete runs, and `failed` when the create fails ("The DB
 * instance has failed and Amazon RDS can't recover it", Amazon RDS User Guide, Viewing instance status).
 * `backing-up` right after the create: a public runbook (GitHub code search "janken-card-db") met
 * terraform's "unexpected state 'backing-up', wanted target 'available'" and says a database is
 * `backing-up` right after creation or during automatic backups. The create operation succeeds when
 * `creating` ends, before `backing-up` ends, as "Some Operations can complete before the Database enters
 * the Available state" (terraform-provider-aws internal/service/lightsail/database.go, which waits for
 * `available` after them). The backup's length (`databaseBackupMs`) is that of a routine backup in the CLI
 * example get-relational-database-events.rst (103 s); the first one's is unpublished.
 */
import { hasSucceededAt, isTerminalAt, type OperationRecord } from './lifecycle.js';
import { epochSeconds, type LocationJson } from './protocol.js';

/** A stored database. Internal. */
export interface DatabaseRecord {
  readonly name: string;
  readonly arn: string;
  readonly supportCode: string;
  readonly createdAt: number;
  readonly availabilityZone: string;
  readonly blueprintId: string;
  readonly bundleId: string;
  readonly masterDatabaseName: string;
  readonly masterUsername: string;
  readonly publiclyAccessible: boolean;
  readonly preferredBackupWindow: string;
  readonly preferredMaintenanceWindow: string;
  readonly endpointAddress: string;
  readonly createOp: OperationRecord;
  /** The scaled `databaseBackupMs`. */
  readonly backupMs: number;
  deleteOp: OperationRecord | undefined;
}

/** The database's state at `now`. */
export function databaseStateAt(db: DatabaseRecord, now: number): string {
  const { createOp, deleteOp } = db;
  if (deleteOp !== undefined && !isTerminalAt(deleteOp, now)) return 'deleting';
  if (!isTerminalAt(createOp, now)) return 'creating';
  if (!hasSucceededAt(createOp, now)) return 'failed';
  return now < createOp.endAt + db.backupMs ? 'backing-up' : 'available';
}

/** Whether a delete has removed the database at `now`. */
export function isDatabaseGone(db: DatabaseRecord, now: number): boolean {
  return db.deleteOp !== undefined && hasSucceededAt(db.deleteOp, now);
}

/** Engine, version and port of a blueprint such as `mysql_8_0` or `postgres_16`. */
function engineOf(blueprintId: string): { engine: string; engineVersion: string; port: number } {
  const postgres = blueprintId.startsWith('postgres');
  const version = blueprintId.replace(/^[a-z]+_?/, '').replace(/_/g, '.') || '8.0';
  return postgres
    ? { engine: 'postgres', engineVersion: `${version}.1`, port: 5432 }
    : { engine: 'mysql', engineVersion: `${version}.36`, port: 3306 };
}

/** `GetRelationalDatabase`'s `relationalDatabase` (members of the SDK's `RelationalDatabase`). */
export function databaseJson(db: DatabaseRecord, now: number, regionName: string): object {
  const state = databaseStateAt(db, now);
  const { engine, engineVersion, port } = engineOf(db.blueprintId);
  const created = isTerminalAt(db.createOp, now) && hasSucceededAt(db.createOp, now);
  return {
    name: db.name,
    arn: db.arn,
    supportCode: db.supportCode,
    createdAt: epochSeconds(db.createdAt),
    location: { availabilityZone: db.availabilityZone, regionName } satisfies LocationJson,
    resourceType: 'RelationalDatabase',
    tags: [],
    relationalDatabaseBlueprintId: db.blueprintId,
    relationalDatabaseBundleId: db.bundleId,
    masterDatabaseName: db.masterDatabaseName,
    // The bundle catalogue is not modelled: every database has the hardware of `micro_1_0` (CLI example).
    hardware: { cpuCount: 1, diskSizeInGb: 40, ramSizeInGb: 1 },
    state,
    backupRetentionEnabled: true,
    pendingModifiedValues: {},
    engine,
    engineVersion,
    ...(created ? { latestRestorableTime: epochSeconds(db.createOp.endAt) } : {}),
    masterUsername: db.masterUsername,
    parameterApplyStatus: 'in-sync',
    preferredBackupWindow: db.preferredBackupWindow,
    preferredMaintenanceWindow: db.preferredMaintenanceWindow,
    publiclyAccessible: db.publiclyAccessible,
    // RDS has no endpoint address while `creating`; the port is known from the engine.
    masterEndpoint: created ? { port, address: db.endpointAddress } : { port },
    pendingMaintenanceActions: [],
  };
}
