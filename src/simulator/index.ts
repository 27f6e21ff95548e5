/**
 * `lightsail-waiter/simulator`: a local Lightsail (AWS JSON 1.1) server for tests and benchmarks.
 */
export { startSimulator } from './simulator.js';
export type { Simulator } from './simulator.js';
export type { SimulatorOptions } from './options.js';
export { DEFAULT_DURATIONS_MS } from './options.js';
export type { OperationSpec } from './operation-spec.js';
export type { OperationMatch, OperationFailure } from './failures.js';
export type { Fault, FaultKind } from './faults.js';
export { FAULT_KINDS } from './faults.js';
export type { RequestLogEntry } from './request-log.js';
export type { OperationJson, LocationJson } from './protocol.js';
export { toSdkOperation } from './protocol.js';
export type { OperationStatusName, FinalStatusName } from './lifecycle.js';
export { ACTION_NAMES } from './actions/index.js';
