import { describe, expect, it } from 'vitest';
import { CERTIFICATE_FAILED_STATUSES, certificateIssued, ResourceRequestError, Waiter, waitFor } from '../../../src/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { outcomeOf, stubSender } from '../../helpers/stub-sender.js';

type Record = { domainName: string; validationStatus: string };

/** A `GetCertificates` output with one summary per certificate. */
const certificates = (...details: Array<{ name: string; status: string; requestFailureReason?: string; records?: Record[] }>) => ({
  certificates: details.map(({ name, records, ...rest }) => ({
    certificateName: name,
    certificateDetail: { name, ...rest, ...(records === undefined ? {} : { domainValidationRecords: records }) },
  })),
  $metadata: {},
});

describe('certificate-issued: what each GetCertificates answer means', () => {
  it.each([
    ['PENDING_VALIDATION', 'wait'],
    ['INACTIVE', 'wait'],
    ['ISSUED', 'success'],
    ...[...CERTIFICATE_FAILED_STATUSES].map((status) => [status, `failure: the certificate is ${status}`]),
  ])('%s → %s', async (status, expected) => {
    expect(await outcomeOf(certificateIssued, 'cert-1', certificates({ name: 'cert-1', status }))).toBe(expected);
  });

  it('lists FAILED, VALIDATION_TIMED_OUT, REVOKED and EXPIRED as failed statuses', () => {
    expect([...CERTIFICATE_FAILED_STATUSES]).toEqual(['FAILED', 'VALIDATION_TIMED_OUT', 'REVOKED', 'EXPIRED']);
  });

  it('gives the request failure reason Lightsail reported', async () => {
    const output = certificates({ name: 'cert-1', status: 'FAILED', requestFailureReason: 'NO_AVAILABLE_CONTACTS' });
    expect(await outcomeOf(certificateIssued, 'cert-1', output)).toBe('failure: the certificate is FAILED (NO_AVAILABLE_CONTACTS)');
  });

  it('judges the named certificate, not the others listed', async () => {
    const output = certificates({ name: 'cert-0', status: 'FAILED' }, { name: 'cert-1', status: 'ISSUED' });
    expect(await outcomeOf(certificateIssued, 'cert-1', output)).toBe('success');
  });

  it('asks GetCertificates for the certificate with details, and resolves with its detail', async () => {
    const clock = new FakeClock();
    const client = stubSender(certificates({ name: 'cert-1', status: 'ISSUED' }));
    const { value } = await clock.run(waitFor(client, certificateIssued, { certificateName: 'cert-1' }, { clock }));
    expect(value).toEqual({ name: 'cert-1', status: 'ISSUED' });
    expect(client.calls.map((c) => [c.name, c.input])).toEqual([
      ['GetCertificatesCommand', { certificateName: 'cert-1', includeCertificateDetails: true }],
    ]);
  });

  it("shows each domain's validation status as the status detail", async () => {
    const clock = new FakeClock();
    const pending = { domainName: 'www.example.com', validationStatus: 'PENDING_VALIDATION' };
    const client = stubSender(
      certificates({
        name: 'cert-1',
        status: 'PENDING_VALIDATION',
        records: [{ domainName: 'example.com', validationStatus: 'PENDING_VALIDATION' }, pending],
      }),
      certificates({
        name: 'cert-1',
        status: 'PENDING_VALIDATION',
        records: [{ domainName: 'example.com', validationStatus: 'SUCCESS' }, pending],
      }),
      certificates({ name: 'cert-1', status: 'ISSUED' }),
    );
    const waiter = new Waiter(client, certificateIssued, 'cert-1', { clock });
    const seen: unknown[] = [];
    waiter.on('status', (e) => seen.push([e.current, e.detail]));
    await clock.run(waiter.wait());
    expect(seen).toEqual([
      ['PENDING_VALIDATION', 'example.com: PENDING_VALIDATION, www.example.com: PENDING_VALIDATION'],
      ['PENDING_VALIDATION', 'example.com: SUCCESS, www.example.com: PENDING_VALIDATION'],
      ['ISSUED', undefined],
    ]);
  });

  it.each([
    ['an empty list', { certificates: [], $metadata: {} }],
    ['a list of other certificates', certificates({ name: 'cert-0', status: 'ISSUED' })],
    ['no list at all', { $metadata: {} }],
  ])('takes %s as not found', async (_label, output) => {
    expect(await outcomeOf(certificateIssued, 'cert-1', output)).toBe('not found');
  });

  it('retries a missing certificate within the grace window, and succeeds once it is listed', async () => {
    const clock = new FakeClock();
    const client = stubSender({ certificates: [], $metadata: {} }, certificates({ name: 'cert-1', status: 'ISSUED' }));
    const waiter = new Waiter(client, certificateIssued, 'cert-1', { clock });
    const retries: string[] = [];
    waiter.on('retry', (e) => retries.push((e.error as Error).name));
    const { value } = await clock.run(waiter.wait());
    expect(value?.status).toBe('ISSUED');
    expect(retries).toEqual(['NotFoundException']);
  });

  it('fails with a ResourceRequestError named NotFoundException once the grace window has passed', async () => {
    const clock = new FakeClock();
    const client = stubSender({ certificates: [], $metadata: {} });
    const { error } = await clock.run(waitFor(client, certificateIssued, 'cert-1', { clock, notFoundGraceMs: 5_000 }));
    expect(error).toBeInstanceOf(ResourceRequestError);
    expect(error).toMatchObject({ errorName: 'NotFoundException', resourceName: 'cert-1', action: 'GetCertificates' });
    expect((error as Error).message).toBe('Lightsail resource cert-1 does not exist: No Lightsail certificate named cert-1');
    expect(clock.time).toBeGreaterThanOrEqual(5_000);
  });
});
