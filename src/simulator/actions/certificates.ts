/**
 * Lightsail certificate actions: create and get. Creating is answered with an already `Succeeded`
 * `CreateCertificate` operation while the certificate is still `PENDING_VALIDATION`: no public
 * response shows that operation, so it follows the load balancer certificate's, which the CLI example
 * create-load-balancer-tls-certificate.rst shows `Succeeded`. Domains validate one by one
 * (`certificateFirstDomainMs`, then `certificateDomainStaggerMs` apart); the certificate is `ISSUED`
 * with the last one, or `FAILED` / `VALIDATION_TIMED_OUT` as set by `Simulator.setCertificateOutcome`.
 */
import { invalidInput } from '../api-error.js';
import { type CertificateRecord, certificateSummaryJson } from '../certificates.js';
import { certificateStatusAt, planValidation } from '../validation.js';
import { type ActionHandler, operationsJson } from './context.js';
import { optionalBoolean, optionalString, optionalStrings, requireName, requireString } from './input.js';
import { findCertificate, throwIfNamesTaken } from './lookup.js';

/** `CreateCertificate {certificateName, domainName, subjectAlternativeNames?}` → `{certificate, operations}`. */
export const createCertificate: ActionHandler = (ctx, input) => {
  const name = requireName(input, 'certificateName');
  const domainName = requireString(input, 'domainName');
  // "Lightsail automatically adds the domain_name value to the list of SANs" (terraform-provider-aws
  // internal/service/lightsail/certificate.go); AWS's CloudFormation handler filters it back out
  // (aws-cloudformation-resource-providers-lightsail, aws-lightsail-certificate Translator.java). Each name
  // once, so each has one validation record.
  const subjectAlternativeNames = [...new Set([domainName, ...optionalStrings(input, 'subjectAlternativeNames')])];
  const { state, now } = ctx;
  throwIfNamesTaken(ctx, [name]);
  const cert: CertificateRecord = {
    name,
    arn: state.arn('Certificate'),
    supportCode: state.supportCode(),
    domainName,
    subjectAlternativeNames,
    plan: planValidation(
      now,
      subjectAlternativeNames,
      now + state.phase('certificateFirstDomainMs'),
      state.phase('certificateDomainStaggerMs'),
      now + state.phase('certificateValidationTimeoutMs'),
      state.rules.certificateOutcome(name),
    ),
  };
  state.certificates.set(name, cert);
  const op = state.startOperation(
    {
      operationType: 'CreateCertificate',
      resourceName: name,
      resourceType: 'Certificate',
      availabilityZone: 'all',
      operationDetails: '',
      instant: true,
    },
    now,
  );
  return { certificate: certificateSummaryJson(cert, now, true), operations: operationsJson(ctx, [op]) };
};

const STATUSES = ['EXPIRED', 'FAILED', 'INACTIVE', 'ISSUED', 'PENDING_VALIDATION', 'REVOKED', 'VALIDATION_TIMED_OUT'];

/**
 * `GetCertificates {certificateName?, includeCertificateDetails?, certificateStatuses?}` → `{certificates}`.
 * Per the API reference, without `includeCertificateDetails` only names, ARNs, domain names and tags
 * are returned. An unknown `certificateName` is answered `NotFoundException`.
 */
export const getCertificates: ActionHandler = (ctx, input) => {
  const name = optionalString(input, 'certificateName');
  const includeDetails = optionalBoolean(input, 'includeCertificateDetails') ?? false;
  const statuses = optionalStrings(input, 'certificateStatuses');
  const unknown = statuses.find((status) => !STATUSES.includes(status));
  if (unknown !== undefined) throw invalidInput(`The certificate status ${JSON.stringify(unknown)} is not valid.`);
  const list = name === undefined || name === '' ? [...ctx.state.certificates.values()] : [findCertificate(ctx, name)];
  const selected = statuses.length === 0 ? list : list.filter((cert) => statuses.includes(certificateStatusAt(cert.plan, ctx.now)));
  return { certificates: selected.map((cert) => certificateSummaryJson(cert, ctx.now, includeDetails)) };
};
