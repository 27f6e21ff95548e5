import {
  CreateLoadBalancerCommand,
  CreateLoadBalancerTlsCertificateCommand,
  GetLoadBalancerCommand,
  GetLoadBalancerTlsCertificatesCommand,
  InvalidInputException,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { expectModelledMembers, type Fixture, setup, T0 } from './helpers.js';

const VALIDATION_MS = 45_000;

async function withCertificate(f: Fixture, certificateName = 'cert-1') {
  await f.client.send(new CreateLoadBalancerCommand({ loadBalancerName: 'lb-1', instancePort: 80 }));
  return f.client.send(
    new CreateLoadBalancerTlsCertificateCommand({
      loadBalancerName: 'lb-1',
      certificateName,
      certificateDomainName: 'example.com',
      certificateAlternativeNames: ['www.example.com'],
    }),
  );
}

const certOf = async (f: Fixture) =>
  (await f.client.send(new GetLoadBalancerTlsCertificatesCommand({ loadBalancerName: 'lb-1' }))).tlsCertificates?.[0];

describe('load balancer TLS certificates', () => {
  it('creates with two Succeeded operations, as the CLI example', async () => {
    const f = await setup();
    const { operations } = await withCertificate(f);
    expect(operations?.map((op) => [op.operationType, op.resourceType, op.resourceName, op.operationDetails, op.status])).toEqual([
      ['CreateLoadBalancerTlsCertificate', 'LoadBalancerTlsCertificate', 'cert-1', 'lb-1', 'Succeeded'],
      ['CreateLoadBalancerTlsCertificate', 'LoadBalancer', 'lb-1', 'cert-1', 'Succeeded'],
    ]);
    const { loadBalancer } = await f.client.send(new GetLoadBalancerCommand({ loadBalancerName: 'lb-1' }));
    expect(loadBalancer?.tlsCertificateSummaries).toEqual([{ name: 'cert-1', isAttached: false }]);
  });

  it('is PENDING_VALIDATION, then ISSUED 45 s after creation', async () => {
    const f = await setup();
    await withCertificate(f);
    expect(await certOf(f)).toMatchObject({
      status: 'PENDING_VALIDATION',
      domainValidationRecords: [
        { domainName: 'example.com', validationStatus: 'PENDING_VALIDATION', type: 'CNAME' },
        { domainName: 'www.example.com', validationStatus: 'PENDING_VALIDATION', type: 'CNAME' },
      ],
    });
    f.clock.advance(VALIDATION_MS - 1);
    expect((await certOf(f))?.status).toBe('PENDING_VALIDATION');
    f.clock.advance(1);
    expect(await certOf(f)).toMatchObject({
      status: 'ISSUED',
      issuedAt: new Date(T0 + VALIDATION_MS),
      subject: 'CN=example.com',
      subjectAlternativeNames: ['example.com', 'www.example.com'],
      domainValidationRecords: [{ validationStatus: 'SUCCESS' }, { validationStatus: 'SUCCESS' }],
    });
  });

  it('sends only members of the SDK model', async () => {
    const f = await setup();
    await withCertificate(f);
    f.clock.advance(VALIDATION_MS);
    const output = await f.client.send(new GetLoadBalancerTlsCertificatesCommand({ loadBalancerName: 'lb-1' }));
    await expectModelledMembers(f, 'GetLoadBalancerTlsCertificates', { loadBalancerName: 'lb-1' }, output);
  });

  it('is FAILED with failureReason when made to fail', async () => {
    const f = await setup();
    await withCertificate(f);
    f.sim.setCertificateOutcome('cert-1', 'FAILED');
    f.clock.advance(VALIDATION_MS);
    expect(await certOf(f)).toMatchObject({ status: 'FAILED', failureReason: 'OTHER' });
  });

  it('is VALIDATION_TIMED_OUT after 72 hours when made to time out', async () => {
    const f = await setup({ certificateOutcomes: { 'cert-1': 'VALIDATION_TIMED_OUT' } });
    await withCertificate(f);
    f.clock.advance(VALIDATION_MS);
    expect((await certOf(f))?.status).toBe('PENDING_VALIDATION');
    f.clock.advance(72 * 3_600_000 - VALIDATION_MS);
    expect((await certOf(f))?.status).toBe('VALIDATION_TIMED_OUT');
  });

  it('refuses a third certificate on one load balancer', async () => {
    const f = await setup();
    await withCertificate(f, 'cert-1');
    const third = (certificateName: string) =>
      f.client.send(
        new CreateLoadBalancerTlsCertificateCommand({ loadBalancerName: 'lb-1', certificateName, certificateDomainName: 'example.com' }),
      );
    await third('cert-2');
    await expect(third('cert-3')).rejects.toBeInstanceOf(InvalidInputException);
  });
});
