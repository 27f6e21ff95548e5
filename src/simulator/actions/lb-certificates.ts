/**
 * Load balancer TLS certificate actions: create and get. Creating is answered with two already
 * `Succeeded` operations (CLI example create-load-balancer-tls-certificate.rst); the certificate is
 * `PENDING_VALIDATION` until its domains validate, then `ISSUED` (or `FAILED` / `VALIDATION_TIMED_OUT`
 * as set by `Simulator.setCertificateOutcome`).
 */
import { invalidInput } from '../api-error.js';
import { lbCertificateJson } from '../certificates.js';
import type { LoadBalancerRecord } from '../load-balancers.js';
import { planValidation } from '../validation.js';
import { type ActionContext, type ActionHandler, operationsJson } from './context.js';
import { optionalStrings, requireName, requireString } from './input.js';
import { findLoadBalancer } from './lookup.js';

/** "Only two certificates can be created for a load balancer" (CLI example create-load-balancer-tls-certificate.rst). */
const MAX_CERTIFICATES = 2;

/** Stores a new certificate on the load balancer; every domain validates at once after `lbCertificateValidationMs`. */
export function addLbCertificate(
  ctx: ActionContext,
  lb: LoadBalancerRecord,
  name: string,
  domainName: string,
  alternativeNames: readonly string[],
): void {
  const { state, now } = ctx;
  if (lb.certificates.has(name)) throw invalidInput(`The certificate name ${name} is already in use on ${lb.name}.`);
  if (lb.certificates.size >= MAX_CERTIFICATES)
    throw invalidInput(`The load balancer ${lb.name} already has ${MAX_CERTIFICATES} certificates.`);
  const validatedAt = now + state.phase('lbCertificateValidationMs');
  lb.certificates.set(name, {
    name,
    loadBalancerName: lb.name,
    arn: state.arn('LoadBalancerTlsCertificate'),
    supportCode: state.supportCode(),
    domainName,
    alternativeNames,
    plan: planValidation(
      now,
      [domainName, ...alternativeNames],
      validatedAt,
      0,
      now + state.phase('certificateValidationTimeoutMs'),
      state.rules.certificateOutcome(name),
    ),
  });
}

/**
 * `CreateLoadBalancerTlsCertificate {loadBalancerName, certificateName, certificateDomainName, certificateAlternativeNames?}`
 * → two `Succeeded` operations: one on the certificate naming the load balancer, one on the load balancer naming the certificate.
 */
export const createLoadBalancerTlsCertificate: ActionHandler = (ctx, input) => {
  const lb = findLoadBalancer(ctx, requireName(input, 'loadBalancerName'));
  const name = requireName(input, 'certificateName');
  addLbCertificate(ctx, lb, name, requireString(input, 'certificateDomainName'), optionalStrings(input, 'certificateAlternativeNames'));
  const op = (resourceName: string, resourceType: 'LoadBalancerTlsCertificate' | 'LoadBalancer', operationDetails: string) =>
    ctx.state.startOperation(
      {
        operationType: 'CreateLoadBalancerTlsCertificate',
        resourceName,
        resourceType,
        availabilityZone: 'all',
        operationDetails,
        instant: true,
      },
      ctx.now,
    );
  return { operations: operationsJson(ctx, [op(name, 'LoadBalancerTlsCertificate', lb.name), op(lb.name, 'LoadBalancer', name)]) };
};

/** `GetLoadBalancerTlsCertificates {loadBalancerName}` → `{tlsCertificates}`. */
export const getLoadBalancerTlsCertificates: ActionHandler = (ctx, input) => {
  const lb = findLoadBalancer(ctx, requireName(input, 'loadBalancerName'));
  return { tlsCertificates: [...lb.certificates.values()].map((cert) => lbCertificateJson(cert, ctx.now, ctx.state.config.region)) };
};
