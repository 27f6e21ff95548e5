/**
 * Certificates: Lightsail certificates (for distributions and container services) and load
 * balancer TLS certificates. Both start `PENDING_VALIDATION` and end `ISSUED` once every domain's
 * validation record is `SUCCESS`, or `FAILED` / `VALIDATION_TIMED_OUT` (see `validation.ts`).
 */
import type { LbCertificateRecord } from './load-balancers.js';
import { epochSeconds, type LocationJson } from './protocol.js';
import { certificateStatusAt, decidedAt, domainStatusAt, type ValidationPlan } from './validation.js';

/** A stored Lightsail certificate. Internal. */
export interface CertificateRecord {
  readonly name: string;
  readonly arn: string;
  readonly supportCode: string;
  readonly domainName: string;
  /** The domain name first, then the requested alternative names, each once (as Lightsail answers it). */
  readonly subjectAlternativeNames: readonly string[];
  readonly plan: ValidationPlan;
}

/** Dates of an issued certificate: valid 13 months from issue (Lightsail dev guide, validating a distribution certificate). */
function issuedDates(plan: ValidationPlan): { issuedAt: number; notBefore: number; notAfter: number } {
  const issued = decidedAt(plan);
  const notAfter = new Date(issued);
  notAfter.setUTCMonth(notAfter.getUTCMonth() + 13);
  return { issuedAt: epochSeconds(issued), notBefore: epochSeconds(issued), notAfter: epochSeconds(notAfter.getTime()) };
}

function serialOf(arn: string): string {
  const hex = arn
    .replace(/[^0-9a-f]/g, '')
    .slice(-32)
    .padStart(32, '0');
  return hex.match(/../g)?.join(':') ?? hex;
}

/** The SDK's `Certificate` (a `CertificateSummary`'s `certificateDetail`) at `now`. */
export function certificateDetailJson(cert: CertificateRecord, now: number): object {
  const status = certificateStatusAt(cert.plan, now);
  return {
    arn: cert.arn,
    name: cert.name,
    domainName: cert.domainName,
    status,
    ...(status === 'ISSUED' ? { serialNumber: serialOf(cert.arn) } : {}),
    subjectAlternativeNames: [...cert.subjectAlternativeNames],
    domainValidationRecords: cert.plan.domains.map((domain, i) => ({
      domainName: domain.domainName,
      resourceRecord: { name: domain.recordName, type: 'CNAME', value: domain.recordValue },
      validationStatus: domainStatusAt(cert.plan, i, now),
    })),
    // A code of the model's documented set. The simulated failure is a domain that does not validate,
    // with no cause modelled: `OTHER` is the catch-all ("Typically … a typographical error in one or
    // more of the domain names"), and what load balancer certificates send (`failureReason`). The
    // others name causes the simulator has no notion of: email validation (NO_AVAILABLE_CONTACTS, "not
    // available for Lightsail certificates"), fraud review, VirusTotal, an invalid top-level domain.
    ...(status === 'FAILED' ? { requestFailureReason: 'OTHER' } : {}),
    inUseResourceCount: 0,
    keyAlgorithm: 'RSA-2048',
    createdAt: epochSeconds(cert.plan.createdAt),
    ...(status === 'ISSUED' ? { ...issuedDates(cert.plan), issuerCA: 'Amazon' } : {}),
    tags: [],
    supportCode: cert.supportCode,
  };
}

/** A `CertificateSummary`; `certificateDetail` only when asked for (`includeCertificateDetails`). */
export function certificateSummaryJson(cert: CertificateRecord, now: number, includeDetail: boolean): object {
  return {
    certificateArn: cert.arn,
    certificateName: cert.name,
    domainName: cert.domainName,
    ...(includeDetail ? { certificateDetail: certificateDetailJson(cert, now) } : {}),
    tags: [],
  };
}

/** The SDK's `LoadBalancerTlsCertificate` at `now`, shaped like the CLI example get-load-balancer-tls-certificates.rst. */
export function lbCertificateJson(cert: LbCertificateRecord, now: number, regionName: string): object {
  const status = certificateStatusAt(cert.plan, now);
  const issued = status === 'ISSUED';
  const dates = issued ? issuedDates(cert.plan) : undefined;
  return {
    name: cert.name,
    arn: cert.arn,
    supportCode: cert.supportCode,
    createdAt: epochSeconds(cert.plan.createdAt),
    location: { availabilityZone: 'all', regionName } satisfies LocationJson,
    resourceType: 'LoadBalancerTlsCertificate',
    tags: [],
    loadBalancerName: cert.loadBalancerName,
    isAttached: false,
    status,
    domainName: cert.domainName,
    domainValidationRecords: cert.plan.domains.map((domain, i) => ({
      name: domain.recordName,
      type: 'CNAME',
      value: domain.recordValue,
      validationStatus: domainStatusAt(cert.plan, i, now),
      domainName: domain.domainName,
    })),
    ...(status === 'FAILED' ? { failureReason: 'OTHER' } : {}),
    ...(dates === undefined
      ? {}
      : {
          issuedAt: dates.issuedAt,
          issuer: 'Amazon',
          keyAlgorithm: 'RSA-2048',
          notAfter: dates.notAfter,
          notBefore: dates.notBefore,
          serial: serialOf(cert.arn),
          signatureAlgorithm: 'SHA256WITHRSA',
          subject: `CN=${cert.domainName}`,
        }),
    subjectAlternativeNames: [cert.domainName, ...cert.alternativeNames.filter((name) => name !== cert.domainName)],
  };
}
