/**
 * `lightsail-waiter/simulator`: a local Lightsail (AWS JSON 1.1) server for tests and benchmarks.
 */

export { ACTION_NAMES } from './actions/index.js';
export type { NotFoundShape } from './api-error.js';
export { NOT_FOUND_SHAPES } from './api-error.js';
export type { ContainerServiceFailureCode, DeploymentFailureRule } from './container-rules.js';
export { CONTAINER_SERVICE_FAILURE_CODES } from './container-rules.js';
export type { DurationDistribution } from './duration-model.js';
export { DURATION_DISTRIBUTIONS } from './duration-model.js';
export type { OperationFailure, OperationMatch } from './failures.js';
export type { Fault, FaultKind, FaultPhase } from './faults.js';
export { FAULT_KINDS } from './faults.js';
export type { FinalStatusName, OperationStatusName as SimulatorStatusName } from './lifecycle.js';
export type { OperationSpec } from './operation-spec.js';
export type { FailureRuleOption, InstanceAddressMode, SimulatorOptions } from './options.js';
export { DEFAULT_DURATIONS_MS, DEFAULT_RESOURCE_DURATIONS_MS } from './options.js';
export type { ConnectionMode, OpenPortOptions, PortListener } from './port-listeners.js';
export type { LocationJson, OperationJson } from './protocol.js';
export { toSdkOperation } from './protocol.js';
export type { RequestLogEntry } from './request-log.js';
export type { ResourceDurations } from './resource-durations.js';
export type { CertificateOutcome, InstanceHealthSetting } from './resource-rules.js';
export { CERTIFICATE_OUTCOMES } from './resource-rules.js';
export type { Simulator } from './simulator.js';
export { startSimulator } from './simulator.js';
