/**
 * Conversion of the `lightsail-waiter-simulator` flag values into options; every bad value is a
 * `CliUsageError` naming the flag.
 */
import { CONTAINER_SERVICE_FAILURE_CODES, type ContainerServiceFailureCode, type DeploymentFailureRule } from './container-rules.js';
import { FAULT_KINDS, type Fault, type FaultKind } from './faults.js';
import type { FailureRuleOption } from './options.js';
import { CERTIFICATE_OUTCOMES, type CertificateOutcome } from './resource-rules.js';

/** A command line the simulator cannot run with; the command exits with status 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError' as const;
}

const NAME = /^\w[\w-]*\w$/;

/** A number >= 0 (`--port 4566`, `--time-scale 2.5`); `signed` also accepts a leading `-` (`--clock-skew=-300000`). */
export function toNumber(flag: string, value: string | undefined, signed = false): number | undefined {
  if (value === undefined) return undefined;
  const pattern = signed ? /^-?\d+(\.\d+)?$/ : /^\d+(\.\d+)?$/;
  if (!pattern.test(value)) throw new CliUsageError(`--${flag} expects a number, got ${JSON.stringify(value)}`);
  return Number(value);
}

export function toFailure(value: string): FailureRuleOption {
  const [operationType = '', errorCode = 'OperationFailure', ...rest] = value.split(':');
  if (!/^[A-Za-z]+$/.test(operationType) || errorCode === '' || rest.length > 0) {
    throw new CliUsageError(`--fail-operation expects <operationType>[:<errorCode>], got ${JSON.stringify(value)}`);
  }
  return { match: { operationType }, failure: { errorCode } };
}

/** `<kind>[:<action>[:<times>]]`, `times` a whole number or `inf`. */
export function toFault(flag: string, value: string, phase: 'before' | 'after'): Fault {
  const [kind = '', action = '', times = '1', ...rest] = value.split(':');
  const count = times === 'inf' ? Infinity : Number(times);
  const badKind = !FAULT_KINDS.includes(kind as FaultKind) || kind === 'delay';
  if (
    badKind ||
    (action !== '' && !/^[A-Za-z]+$/.test(action)) ||
    !(count === Infinity || (Number.isInteger(count) && count >= 1)) ||
    rest.length > 0
  ) {
    throw new CliUsageError(
      `--${flag} expects <kind>[:<action>[:<times>|inf]] with a kind among ${FAULT_KINDS.filter((k) => k !== 'delay').join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return {
    kind: kind as FaultKind,
    ...(action === '' ? {} : { action }),
    ...(count === 1 ? {} : { times: count }),
    ...(phase === 'after' ? { phase } : {}),
  };
}

/** `<operationType>=<ms>`, `ms` a number or `inf`. */
export function toDurations(values: readonly string[]): Record<string, number> {
  const durations: Record<string, number> = {};
  for (const value of values) {
    const match = /^([A-Za-z]+)=(\d+(?:\.\d+)?|inf)$/.exec(value);
    if (match === null) throw new CliUsageError(`--duration expects <operationType>=<ms>, got ${JSON.stringify(value)}`);
    durations[match[1] as string] = match[2] === 'inf' ? Infinity : Number(match[2]);
  }
  return durations;
}

export function toOutcomes(values: readonly string[]): Record<string, CertificateOutcome> {
  const outcomes: Record<string, CertificateOutcome> = {};
  for (const value of values) {
    const [name = '', outcome = 'FAILED', ...rest] = value.split(':');
    if (!NAME.test(name) || !CERTIFICATE_OUTCOMES.includes(outcome as CertificateOutcome) || rest.length > 0) {
      throw new CliUsageError(`--fail-certificate expects <name>[:FAILED|VALIDATION_TIMED_OUT], got ${JSON.stringify(value)}`);
    }
    outcomes[name] = outcome as CertificateOutcome;
  }
  return outcomes;
}

export function toInstanceNames(values: readonly string[]): string[] {
  const bad = values.find((name) => !NAME.test(name));
  if (bad !== undefined) throw new CliUsageError(`--unhealthy-instance expects an instance name, got ${JSON.stringify(bad)}`);
  return [...values];
}

export function toDeploymentFailures(services: readonly string[], images: readonly string[]): DeploymentFailureRule[] {
  const rules: DeploymentFailureRule[] = services.map((value) => {
    const colon = value.indexOf(':');
    const serviceName = colon === -1 ? value : value.slice(0, colon);
    const reason = colon === -1 ? '' : value.slice(colon + 1).trim();
    if (!NAME.test(serviceName) || (colon !== -1 && reason === '')) {
      throw new CliUsageError(`--fail-deployment expects <service>[:<reason>], got ${JSON.stringify(value)}`);
    }
    return reason === '' ? { serviceName } : { serviceName, reason };
  });
  for (const image of images) {
    if (image.trim() === '') throw new CliUsageError('--fail-image expects a non-empty text');
    rules.push({ image });
  }
  return rules;
}

export function toServiceFailures(values: readonly string[]): Record<string, ContainerServiceFailureCode> {
  const failures: Record<string, ContainerServiceFailureCode> = {};
  for (const value of values) {
    const [name = '', code = 'UNKNOWN_ERROR', ...rest] = value.split(':');
    if (!NAME.test(name) || !CONTAINER_SERVICE_FAILURE_CODES.includes(code as ContainerServiceFailureCode) || rest.length > 0) {
      throw new CliUsageError(
        `--fail-container-service expects <name>[:UNKNOWN_ERROR|CERTIFICATE_LIMIT_EXCEEDED], got ${JSON.stringify(value)}`,
      );
    }
    failures[name] = code as ContainerServiceFailureCode;
  }
  return failures;
}
