import { CreateCertificateCommand, GetCertificatesCommand, InvalidInputException, NotFoundException } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { expectModelledMembers, type Fixture, setup, T0 } from './helpers.js';

const FIRST_MS = 180_000;
const STAGGER_MS = 60_000;
const TIMEOUT_MS = 72 * 3_600_000;

const create = (f: Fixture, certificateName = 'cert-1') =>
  f.client.send(
    new CreateCertificateCommand({
      certificateName,
      domainName: 'example.com',
      subjectAlternativeNames: ['www.example.com', 'api.example.com'],
    }),
  );

const detail = async (f: Fixture, certificateName = 'cert-1') =>
  (await f.client.send(new GetCertificatesCommand({ certificateName, includeCertificateDetails: true }))).certificates?.[0]
    ?.certificateDetail;

const domainStatuses = async (f: Fixture) => (await detail(f))?.domainValidationRecords?.map((record) => record.validationStatus);

describe('Lightsail certificates', () => {
  it('creates with an already Succeeded operation while the certificate is PENDING_VALIDATION', async () => {
    const f = await setup();
    const { certificate, operations } = await create(f);
    expect(operations).toEqual([
      expect.objectContaining({
        operationType: 'CreateCertificate',
        resourceType: 'Certificate',
        resourceName: 'cert-1',
        status: 'Succeeded',
      }),
    ]);
    expect(certificate).toMatchObject({
      certificateName: 'cert-1',
      certificateArn: expect.stringMatching(/:Certificate\//),
      domainName: 'example.com',
      certificateDetail: { status: 'PENDING_VALIDATION', createdAt: new Date(T0) },
    });
  });

  it('validates the domains one by one, then is ISSUED with the last', async () => {
    const f = await setup();
    await create(f);
    expect(await domainStatuses(f)).toEqual(['PENDING_VALIDATION', 'PENDING_VALIDATION', 'PENDING_VALIDATION']);
    f.clock.advance(FIRST_MS);
    expect(await domainStatuses(f)).toEqual(['SUCCESS', 'PENDING_VALIDATION', 'PENDING_VALIDATION']);
    expect((await detail(f))?.status).toBe('PENDING_VALIDATION');
    f.clock.advance(STAGGER_MS);
    expect(await domainStatuses(f)).toEqual(['SUCCESS', 'SUCCESS', 'PENDING_VALIDATION']);
    f.clock.advance(STAGGER_MS);
    expect(await domainStatuses(f)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect(await detail(f)).toMatchObject({ status: 'ISSUED', issuedAt: new Date(T0 + FIRST_MS + 2 * STAGGER_MS), issuerCA: 'Amazon' });
  });

  it('returns the documented detail with only members of the SDK model', async () => {
    const f = await setup();
    await create(f);
    f.clock.advance(FIRST_MS + 2 * STAGGER_MS);
    const body = { certificateName: 'cert-1', includeCertificateDetails: true };
    const output = await f.client.send(new GetCertificatesCommand(body));
    expect(output.certificates?.[0]?.certificateDetail?.domainValidationRecords?.[0]).toEqual({
      domainName: 'example.com',
      resourceRecord: { name: expect.stringMatching(/^_[0-9a-f]{32}\.example\.com\.$/), type: 'CNAME', value: expect.any(String) },
      validationStatus: 'SUCCESS',
    });
    await expectModelledMembers(f, 'GetCertificates', body, output);
  });

  it.each([
    ['no alternative names', undefined, ['example.com']],
    ['alternative names', ['www.example.com', 'api.example.com'], ['example.com', 'www.example.com', 'api.example.com']],
    ['the domain name among them', ['www.example.com', 'example.com'], ['example.com', 'www.example.com']],
  ])('adds the domain name to subjectAlternativeNames, each name once with one validation record, given %s', async (_, sans, expected) => {
    const f = await setup();
    const { certificate } = await f.client.send(
      new CreateCertificateCommand({ certificateName: 'cert-1', domainName: 'example.com', subjectAlternativeNames: sans }),
    );
    expect(certificate?.certificateDetail?.subjectAlternativeNames).toEqual(expected);
    const stored = await detail(f);
    expect(stored?.subjectAlternativeNames).toEqual(expected);
    expect(stored?.domainValidationRecords?.map((record) => record.domainName)).toEqual(expected);
  });

  it('leaves certificateDetail out unless includeCertificateDetails is set', async () => {
    const f = await setup();
    await create(f);
    const { certificates } = await f.client.send(new GetCertificatesCommand({ certificateName: 'cert-1' }));
    expect(certificates).toEqual([{ certificateArn: expect.any(String), certificateName: 'cert-1', domainName: 'example.com', tags: [] }]);
  });

  it('fails the first domain and the certificate with setCertificateOutcome FAILED, reason OTHER (a code of the model)', async () => {
    const f = await setup();
    f.sim.setCertificateOutcome('cert-1', 'FAILED');
    await create(f);
    f.clock.advance(FIRST_MS);
    expect(await detail(f)).toMatchObject({ status: 'FAILED', requestFailureReason: 'OTHER' });
    expect(await domainStatuses(f)).toEqual(['FAILED', 'PENDING_VALIDATION', 'PENDING_VALIDATION']);
  });

  it('fails the next domain when made to fail after some domains validated', async () => {
    const f = await setup();
    await create(f);
    f.clock.advance(FIRST_MS);
    f.sim.setCertificateOutcome('cert-1', 'FAILED');
    f.clock.advance(STAGGER_MS);
    expect(await domainStatuses(f)).toEqual(['SUCCESS', 'FAILED', 'PENDING_VALIDATION']);
    expect((await detail(f))?.status).toBe('FAILED');
  });

  it('times out after 72 hours with the certificateOutcomes option', async () => {
    const f = await setup({ certificateOutcomes: { 'cert-1': 'VALIDATION_TIMED_OUT' } });
    await create(f);
    f.clock.advance(TIMEOUT_MS - 1);
    expect((await detail(f))?.status).toBe('PENDING_VALIDATION');
    f.clock.advance(1);
    expect((await detail(f))?.status).toBe('VALIDATION_TIMED_OUT');
    expect(await domainStatuses(f)).toEqual(['PENDING_VALIDATION', 'PENDING_VALIDATION', 'PENDING_VALIDATION']);
  });

  it('does not change a certificate already issued', async () => {
    const f = await setup();
    await create(f);
    f.clock.advance(FIRST_MS + 2 * STAGGER_MS);
    f.sim.setCertificateOutcome('cert-1', 'FAILED');
    expect((await detail(f))?.status).toBe('ISSUED');
  });

  it('filters by certificateStatuses', async () => {
    const f = await setup();
    await create(f, 'cert-1');
    f.clock.advance(FIRST_MS + 2 * STAGGER_MS);
    await create(f, 'cert-2');
    const { certificates } = await f.client.send(new GetCertificatesCommand({ certificateStatuses: ['PENDING_VALIDATION'] }));
    expect(certificates?.map((cert) => cert.certificateName)).toEqual(['cert-2']);
  });

  it('answers NotFoundException for an unknown name and InvalidInputException for a duplicate', async () => {
    const f = await setup();
    await expect(detail(f, 'ghost-1')).rejects.toBeInstanceOf(NotFoundException);
    await create(f);
    await expect(create(f)).rejects.toBeInstanceOf(InvalidInputException);
  });

  it.each([
    ['a bad outcome', 'cert-1', 'REVOKED', TypeError],
    ['a bad name', 'bad name', 'FAILED', TypeError],
  ])('setCertificateOutcome rejects %s', async (_, name, outcome, type) => {
    const f = await setup();
    expect(() => f.sim.setCertificateOutcome(name, outcome as never)).toThrow(type);
  });
});
