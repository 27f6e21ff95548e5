/**
 * Argument parsing of the `lightsail-waiter-simulator` command, kept apart from `bin.ts` so it
 * can be tested in-process.
 */
import { parseArgs } from 'node:util';
import { CONTAINER_SERVICE_FAILURE_CODES, type ContainerServiceFailureCode, type DeploymentFailureRule } from './container-rules.js';
import type { FailureRuleOption, SimulatorOptions } from './options.js';
import { CERTIFICATE_OUTCOMES, type CertificateOutcome } from './resource-rules.js';

/** `lightsail-waiter-simulator --help`. */
export const USAGE = `Usage: lightsail-waiter-simulator [options]

Runs a local AWS Lightsail simulator (AWS JSON 1.1) and prints its endpoint on one line.
Stops on SIGINT (Ctrl-C) or SIGTERM.

Options:
  --port <n>          TCP port, 0 for a random free one (default 0)
  --host <host>       interface to listen on (default 127.0.0.1)
  --region <name>     region of the simulated account (default us-east-1)
  --time-scale <x>    divide every simulated duration by x (default 1)
  --max-rps <n>       answer ThrottlingException above n requests per second (default no limit)
  --cors              answer CORS preflights, any origin
  --instance-addresses <mode>
                      documentation (default) or loopback: 127.x.y.z public addresses
  --fail-operation <type>[:<errorCode>]
                      make operations of this type end Failed (errorCode default
                      OperationFailure); repeatable, e.g. CreateRelationalDatabase
  --fail-certificate <name>[:<outcome>]
                      end the validation of certificates with this name FAILED (default)
                      or VALIDATION_TIMED_OUT; repeatable
  --unhealthy-instance <name>
                      load balancer health checks of this instance fail; repeatable
  --fail-deployment <service>[:<reason>]
                      deployments of this container service end FAILED after their
                      health check; the containers log the reason; repeatable
  --fail-image <text> deployments with a container image containing this text fail
                      (e.g. --fail-image broken); repeatable
  --fail-container-service <name>[:<code>]
                      the creation of this container service never ends: PENDING with
                      stateDetail UNKNOWN_ERROR (default) or CERTIFICATE_LIMIT_EXCEEDED
  -h, --help          show this help
`;

/** A command line the simulator cannot run with; the command exits with status 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError' as const;
}

/** What the command line asks for. */
export type CliRequest = { readonly help: true } | { readonly help: false; readonly options: SimulatorOptions };

function toNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value)) throw new CliUsageError(`--${flag} expects a number, got ${JSON.stringify(value)}`);
  return Number(value);
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  region: { type: 'string' },
  'time-scale': { type: 'string' },
  'max-rps': { type: 'string' },
  cors: { type: 'boolean' },
  'instance-addresses': { type: 'string' },
  'fail-operation': { type: 'string', multiple: true },
  'fail-certificate': { type: 'string', multiple: true },
  'unhealthy-instance': { type: 'string', multiple: true },
  'fail-deployment': { type: 'string', multiple: true },
  'fail-image': { type: 'string', multiple: true },
  'fail-container-service': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

const NAME = /^\w[\w-]*\w$/;

function toFailure(value: string): FailureRuleOption {
  const [operationType = '', errorCode = 'OperationFailure', ...rest] = value.split(':');
  if (!/^[A-Za-z]+$/.test(operationType) || errorCode === '' || rest.length > 0) {
    throw new CliUsageError(`--fail-operation expects <operationType>[:<errorCode>], got ${JSON.stringify(value)}`);
  }
  return { match: { operationType }, failure: { errorCode } };
}

function toOutcomes(values: readonly string[]): Record<string, CertificateOutcome> {
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

function toInstanceNames(values: readonly string[]): string[] {
  const bad = values.find((name) => !NAME.test(name));
  if (bad !== undefined) throw new CliUsageError(`--unhealthy-instance expects an instance name, got ${JSON.stringify(bad)}`);
  return [...values];
}

function toDeploymentFailures(services: readonly string[], images: readonly string[]): DeploymentFailureRule[] {
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

function toServiceFailures(values: readonly string[]): Record<string, ContainerServiceFailureCode> {
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

/** Parses the arguments after the command name; throws `CliUsageError` for unknown flags or bad values. */
export function parseSimulatorArgs(argv: readonly string[]): CliRequest {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: OPTIONS,
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { help: true };
  const port = toNumber('port', values.port);
  const timeScale = toNumber('time-scale', values['time-scale']);
  const maxRequestsPerSecond = toNumber('max-rps', values['max-rps']);
  const addresses = values['instance-addresses'];
  if (addresses !== undefined && addresses !== 'documentation' && addresses !== 'loopback') {
    throw new CliUsageError(`--instance-addresses expects documentation or loopback, got ${JSON.stringify(addresses)}`);
  }
  const failures = (values['fail-operation'] ?? []).map(toFailure);
  const outcomes = toOutcomes(values['fail-certificate'] ?? []);
  const unhealthy = toInstanceNames(values['unhealthy-instance'] ?? []);
  const deploymentFailures = toDeploymentFailures(values['fail-deployment'] ?? [], values['fail-image'] ?? []);
  const serviceFailures = toServiceFailures(values['fail-container-service'] ?? []);
  return {
    help: false,
    options: {
      ...(port === undefined ? {} : { port }),
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(values.region === undefined ? {} : { region: values.region }),
      ...(timeScale === undefined ? {} : { timeScale }),
      ...(maxRequestsPerSecond === undefined ? {} : { maxRequestsPerSecond }),
      ...(values.cors === true ? { cors: true } : {}),
      ...(addresses === undefined ? {} : { instanceAddresses: addresses }),
      ...(failures.length === 0 ? {} : { failures }),
      ...(Object.keys(outcomes).length === 0 ? {} : { certificateOutcomes: outcomes }),
      ...(unhealthy.length === 0 ? {} : { unhealthyInstances: unhealthy }),
      ...(deploymentFailures.length === 0 ? {} : { deploymentFailures }),
      ...(Object.keys(serviceFailures).length === 0 ? {} : { containerServiceFailures: serviceFailures }),
    },
  };
}
