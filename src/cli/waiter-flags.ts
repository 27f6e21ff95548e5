import {
  type ContainerDeploymentInput,
  containerServiceDeploymentActive,
  type InstanceRunningInput,
  instanceRunning,
  type LoadBalancerCertificateInput,
  loadBalancerCertificateIssued,
} from '../index.js';
import { type InstancePortInput, instancePortOpen } from '../node.js';
import { optional } from './common-args.js';
import type { CliWaiterDefinition } from './waiter-catalog.js';

/** The flags that belong to one waiter each, checked. */
export interface WaiterFlagValues {
  /** `--port`: instance-port-open's TCP port. */
  readonly port?: number;
  /** `--stable-for`, in milliseconds: how long instance-port-open's port must stay open. */
  readonly stableForMs?: number;
  /** `--certificate`: load-balancer-certificate-issued's TLS certificate name. */
  readonly certificate?: string;
  /** `--no-public-ip`: instance-running is satisfied without a public IP. */
  readonly noPublicIp: boolean;
  /** `--version` after container-deployment: the deployment version to wait on. */
  readonly version?: number;
}

/** Each waiter-specific flag, and the waiter it belongs to. */
export const WAITER_FLAGS: Readonly<Record<'port' | 'stable-for' | 'certificate' | 'no-public-ip', string>> = Object.freeze({
  port: instancePortOpen.name,
  'stable-for': instancePortOpen.name,
  certificate: loadBalancerCertificateIssued.name,
  'no-public-ip': instanceRunning.name,
});

/** The flags a waiter cannot run without. */
export const REQUIRED_FLAGS: Readonly<Record<string, readonly (keyof typeof WAITER_FLAGS)[]>> = Object.freeze({
  [loadBalancerCertificateIssued.name]: ['certificate'],
});

type InputBuilder = (name: string, flags: WaiterFlagValues) => object;

// The waiters whose input holds more than the name; every other takes the name alone.
const BUILDERS: Readonly<Record<string, InputBuilder>> = {
  [instanceRunning.name]: (instanceName, flags) => ({ instanceName, requirePublicIp: !flags.noPublicIp }) satisfies InstanceRunningInput,
  [instancePortOpen.name]: (instanceName, flags) =>
    ({ instanceName, ...optional('port', flags.port), ...optional('stableForMs', flags.stableForMs) }) satisfies InstancePortInput,
  [loadBalancerCertificateIssued.name]: (loadBalancerName, flags) =>
    ({ loadBalancerName, certificateName: flags.certificate ?? '' }) satisfies LoadBalancerCertificateInput,
  [containerServiceDeploymentActive.name]: (serviceName, flags) =>
    ({ serviceName, ...optional('version', flags.version) }) satisfies ContainerDeploymentInput,
};

/**
 * The checked input of `definition` for one name given on the command line: the name alone (every
 * definition takes it as a shorthand), or an object with the waiter's flags. Throws the
 * definition's `TypeError` for a bad value.
 */
export function waiterInput(definition: CliWaiterDefinition, name: string, flags: WaiterFlagValues): unknown {
  const build = BUILDERS[definition.name];
  return definition.input(build === undefined ? name : build(name, flags));
}

/**
 * instance-port-open's defaults (port, stable window in ms), read from its definition so that
 * `--help` shows the library's own; `undefined` where the definition leaves a field unset.
 */
export function portDefaults(): { port: number | undefined; stableForMs: number | undefined } {
  const { port, stableForMs } = instancePortOpen.input('web-1');
  return { port, stableForMs };
}
