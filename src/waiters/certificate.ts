import { type Certificate, GetCertificatesCommand, type GetCertificatesCommandOutput } from '@aws-sdk/client-lightsail';
import { defineWaiter, type SendClient } from '../engine/waiter-definition.js';
import { checkCertificateName, notFound, readNamedInput } from './resource-input.js';

/** A client that can send `GetCertificates`: a `LightsailClient` fits. */
export type GetCertificatesClient = SendClient<GetCertificatesCommand, GetCertificatesCommandOutput>;

/** What `certificate-issued` takes: `GetCertificates`' input (details are always asked for). */
export interface CertificateInput {
  /** The certificate's name. */
  readonly certificateName: string;
}

/** Certificate statuses that will not turn into `ISSUED` (`CertificateStatus` in the SDK). */
export const CERTIFICATE_FAILED_STATUSES: ReadonlySet<string> = new Set(['FAILED', 'VALIDATION_TIMED_OUT', 'REVOKED', 'EXPIRED']);

/** `example.com: SUCCESS, www.example.com: PENDING_VALIDATION`: each domain's validation status. */
export function validationDetail(
  records: ReadonlyArray<{ domainName?: string | undefined; validationStatus?: string | undefined }> | undefined,
): string | undefined {
  if (records === undefined || records.length === 0) return undefined;
  return records.map((r) => `${r.domainName ?? '?'}: ${r.validationStatus ?? 'unknown'}`).join(', ');
}

/**
 * `certificate-issued`: `GetCertificates` (with details) until the certificate is `ISSUED`; fails on
 * `FAILED`, `VALIDATION_TIMED_OUT`, `REVOKED` or `EXPIRED`. Progress shows each domain's validation
 * status. Validation waits for DNS records the user adds, and can take up to 72 hours: set
 * `timeoutMs` to match. Resolves with the `Certificate` (the summary's `certificateDetail`).
 */
export const certificateIssued = defineWaiter<GetCertificatesClient, CertificateInput, Certificate>({
  name: 'certificate-issued',
  action: 'GetCertificates',
  input: (value) => ({ certificateName: readNamedInput('certificateName', value, checkCertificateName).certificateName }),
  target: ({ certificateName }) => certificateName,
  describe: ({ certificateName }) => `Lightsail certificate ${certificateName}`,
  probe: async (client, { certificateName }, { signal }) => {
    const output = await client.send(new GetCertificatesCommand({ certificateName, includeCertificateDetails: true }), {
      abortSignal: signal,
    });
    const detail = output.certificates?.find((c) => c.certificateName === certificateName)?.certificateDetail;
    if (detail === undefined) throw notFound(`No Lightsail certificate named ${certificateName}`);
    return detail;
  },
  acceptors: [
    { state: 'success', matches: (certificate) => certificate.status === 'ISSUED' },
    {
      state: 'failure',
      matches: (certificate) => CERTIFICATE_FAILED_STATUSES.has(certificate.status ?? ''),
      reason: (certificate) =>
        `the certificate is ${certificate.status}${certificate.requestFailureReason ? ` (${certificate.requestFailureReason})` : ''}`,
    },
  ],
  state: (certificate) => certificate.status,
  detail: (certificate) => validationDetail(certificate.domainValidationRecords),
  typicalDurationMs: [60_000, 3_600_000],
});
