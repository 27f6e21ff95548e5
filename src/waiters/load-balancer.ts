import {
  GetLoadBalancerCommand,
  type GetLoadBalancerCommandOutput,
  GetLoadBalancerTlsCertificatesCommand,
  type GetLoadBalancerTlsCertificatesCommandOutput,
  type LoadBalancerTlsCertificate,
} from '@aws-sdk/client-lightsail';
import { defineWaiter, type SendClient } from '../engine/waiter-definition.js';
import { CERTIFICATE_FAILED_STATUSES, validationDetail } from './certificate.js';
import { checkResourceName, notFound, readNamedInput } from './resource-input.js';

/** A client that can send `GetLoadBalancer`: a `LightsailClient` fits. */
export type GetLoadBalancerClient = SendClient<GetLoadBalancerCommand, GetLoadBalancerCommandOutput>;

/** A client that can send `GetLoadBalancerTlsCertificates`: a `LightsailClient` fits. */
export type GetLoadBalancerTlsCertificatesClient = SendClient<
  GetLoadBalancerTlsCertificatesCommand,
  GetLoadBalancerTlsCertificatesCommandOutput
>;

/** What the load balancer waiters take: `GetLoadBalancer`'s input. */
export interface LoadBalancerInput {
  /** The load balancer's name. */
  readonly loadBalancerName: string;
}

/** What `load-balancer-certificate-issued` takes: `GetLoadBalancerTlsCertificates`' input and the certificate's name. */
export interface LoadBalancerCertificateInput extends LoadBalancerInput {
  /** The TLS certificate's name, as given to `CreateLoadBalancerTlsCertificate`. */
  readonly certificateName: string;
}

const stateOf = (output: GetLoadBalancerCommandOutput): string | undefined => output.loadBalancer?.state;
const healthOf = (output: GetLoadBalancerCommandOutput) => output.loadBalancer?.instanceHealthSummary ?? [];
const lbInput = (value: unknown): LoadBalancerInput => ({ loadBalancerName: readNamedInput('loadBalancerName', value).loadBalancerName });
const describe = ({ loadBalancerName }: LoadBalancerInput) => `Lightsail load balancer ${loadBalancerName}`;
const probe = (client: GetLoadBalancerClient, { loadBalancerName }: LoadBalancerInput, { signal }: { signal: AbortSignal }) =>
  client.send(new GetLoadBalancerCommand({ loadBalancerName }), { abortSignal: signal });
const failed = {
  state: 'failure',
  matches: (output: GetLoadBalancerCommandOutput) => stateOf(output) === 'failed',
  reason: 'the load balancer is in state failed',
} as const;

/** `load-balancer-active`: `GetLoadBalancer` until `state` is `active`; fails on `failed`. */
export const loadBalancerActive = defineWaiter<GetLoadBalancerClient, LoadBalancerInput, GetLoadBalancerCommandOutput>({
  name: 'load-balancer-active',
  action: 'GetLoadBalancer',
  input: lbInput,
  target: ({ loadBalancerName }) => loadBalancerName,
  describe,
  probe,
  acceptors: [{ state: 'success', matches: (output) => stateOf(output) === 'active' }, failed],
  state: stateOf,
  typicalDurationMs: [60_000, 600_000],
});

/**
 * `load-balancer-instances-healthy`: `GetLoadBalancer` until at least one instance is attached and
 * every attached instance is `healthy`. The state shown is the count (`1/2 healthy`), or `failed`
 * once the load balancer is; the detail names each instance's health. Fails only when the load
 * balancer itself is `failed`: an unhealthy instance may recover, so it is waited on until the
 * timeout.
 */
export const loadBalancerInstancesHealthy = defineWaiter<GetLoadBalancerClient, LoadBalancerInput, GetLoadBalancerCommandOutput>({
  name: 'load-balancer-instances-healthy',
  action: 'GetLoadBalancer',
  input: lbInput,
  target: ({ loadBalancerName }) => loadBalancerName,
  describe,
  probe,
  acceptors: [
    failed,
    {
      state: 'success',
      matches: (output) => healthOf(output).length > 0 && healthOf(output).every((h) => h.instanceHealth === 'healthy'),
    },
  ],
  state: (output) => {
    // The failure's state says what failed: the load balancer, not a count of healthy instances.
    if (stateOf(output) === 'failed') return 'failed';
    const health = healthOf(output);
    return health.length === 0 ? 'no instances' : `${health.filter((h) => h.instanceHealth === 'healthy').length}/${health.length} healthy`;
  },
  detail: (output) =>
    healthOf(output)
      .map((h) => `${h.instanceName ?? '?'}: ${h.instanceHealth ?? 'unknown'}`)
      .join(', ') || undefined,
  typicalDurationMs: [15_000, 300_000],
});

const certificateOf = (output: GetLoadBalancerTlsCertificatesCommandOutput, name: string): LoadBalancerTlsCertificate | undefined =>
  output.tlsCertificates?.find((certificate) => certificate.name === name);

/**
 * `load-balancer-certificate-issued`: `GetLoadBalancerTlsCertificates` until the named certificate
 * is `ISSUED`; fails on `FAILED`, `VALIDATION_TIMED_OUT`, `REVOKED` or `EXPIRED`. A certificate
 * missing from the list counts as not found (retried within the grace window).
 */
export const loadBalancerCertificateIssued = defineWaiter<
  GetLoadBalancerTlsCertificatesClient,
  LoadBalancerCertificateInput,
  LoadBalancerTlsCertificate
>({
  name: 'load-balancer-certificate-issued',
  action: 'GetLoadBalancerTlsCertificates',
  input: (value) => {
    const input = readNamedInput('loadBalancerName', value);
    return { loadBalancerName: input.loadBalancerName, certificateName: checkResourceName('certificateName', input.certificateName) };
  },
  target: ({ certificateName }) => certificateName,
  describe: ({ loadBalancerName, certificateName }) => `TLS certificate ${certificateName} of Lightsail load balancer ${loadBalancerName}`,
  probe: async (client, { loadBalancerName, certificateName }, { signal }) => {
    const output = await client.send(new GetLoadBalancerTlsCertificatesCommand({ loadBalancerName }), { abortSignal: signal });
    const certificate = certificateOf(output, certificateName);
    if (certificate === undefined) throw notFound(`Load balancer ${loadBalancerName} has no TLS certificate named ${certificateName}`);
    return certificate;
  },
  acceptors: [
    { state: 'success', matches: (certificate) => certificate.status === 'ISSUED' },
    {
      state: 'failure',
      matches: (certificate) => CERTIFICATE_FAILED_STATUSES.has(certificate.status ?? ''),
      reason: (certificate) =>
        `the certificate is ${certificate.status}${certificate.failureReason ? ` (${certificate.failureReason})` : ''}`,
    },
  ],
  state: (certificate) => certificate.status,
  detail: (certificate) => validationDetail(certificate.domainValidationRecords),
  // The one published figure, CLI example get-load-balancer-tls-certificates.rst: created to issued in
  // 45 s; DNS validation can take far longer when the records are not in place yet.
  typicalDurationMs: [30_000, 3_600_000],
});
