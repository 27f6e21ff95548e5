import {
  type Certificate,
  type GetDiskCommandOutput,
  type GetInstanceCommandOutput,
  type GetLoadBalancerCommandOutput,
  type GetRelationalDatabaseCommandOutput,
  LightsailClient,
  type LightsailDistribution,
  type LoadBalancerTlsCertificate,
} from '@aws-sdk/client-lightsail';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type WaiterResult,
  waitForCertificateIssued,
  waitForDatabaseAvailable,
  waitForDiskAvailable,
  waitForDiskInUse,
  waitForDistributionDeployed,
  waitForInstanceDeleted,
  waitForInstanceRunning,
  waitForInstanceStopped,
  waitForLoadBalancerActive,
  waitForLoadBalancerCertificateIssued,
  waitForLoadBalancerInstancesHealthy,
  waitUntilCertificateIssued,
  waitUntilDiskAvailable,
  waitUntilDiskInUse,
  waitUntilDistributionDeployed,
  waitUntilInstanceDeleted,
  waitUntilInstanceRunning,
  waitUntilInstanceStopped,
  waitUntilLoadBalancerActive,
  waitUntilLoadBalancerInstancesHealthy,
  waitUntilLoadBalancerTlsCertificateIssued,
  waitUntilRelationalDatabaseAvailable,
} from '../../../src/index.js';
import { type InstancePortState, waitForInstancePortOpen, waitUntilInstancePortOpen } from '../../../src/node.js';

// Constructed, never used to send.
const client = new LightsailClient({ region: 'us-east-1' });
const params = { client, maxWaitTime: 60 };

describe('types of the built-in waiters', () => {
  it('resolve waitForX with the output of its Get* call (or the item it picks from a list)', () => {
    expectTypeOf(waitForInstanceRunning).returns.resolves.toEqualTypeOf<GetInstanceCommandOutput>();
    expectTypeOf(waitForInstanceStopped).returns.resolves.toEqualTypeOf<GetInstanceCommandOutput>();
    expectTypeOf(waitForInstanceDeleted).returns.resolves.toEqualTypeOf<GetInstanceCommandOutput | undefined>();
    expectTypeOf(waitForDiskAvailable).returns.resolves.toEqualTypeOf<GetDiskCommandOutput>();
    expectTypeOf(waitForDatabaseAvailable).returns.resolves.toEqualTypeOf<GetRelationalDatabaseCommandOutput>();
    expectTypeOf(waitForLoadBalancerActive).returns.resolves.toEqualTypeOf<GetLoadBalancerCommandOutput>();
    expectTypeOf(waitForLoadBalancerCertificateIssued).returns.resolves.toEqualTypeOf<LoadBalancerTlsCertificate>();
    expectTypeOf(waitForCertificateIssued).returns.resolves.toEqualTypeOf<Certificate>();
    expectTypeOf(waitForDistributionDeployed).returns.resolves.toEqualTypeOf<LightsailDistribution>();
    expectTypeOf(waitForInstancePortOpen).returns.resolves.toEqualTypeOf<InstancePortState>();
  });

  it('accept a real LightsailClient and the name shorthand in every waitForX', () => {
    expectTypeOf(waitForInstanceRunning).toBeCallableWith(client, 'web-1');
    expectTypeOf(waitForInstanceRunning).toBeCallableWith(client, { instanceName: 'web-1', requirePublicIp: false });
    expectTypeOf(waitForInstanceStopped).toBeCallableWith(client, 'web-1');
    expectTypeOf(waitForInstanceDeleted).toBeCallableWith(client, { instanceName: 'web-1' });
    expectTypeOf(waitForDiskAvailable).toBeCallableWith(client, 'data-1');
    expectTypeOf(waitForDiskInUse).toBeCallableWith(client, { diskName: 'data-1' });
    expectTypeOf(waitForDatabaseAvailable).toBeCallableWith(client, { relationalDatabaseName: 'db-1' });
    expectTypeOf(waitForLoadBalancerActive).toBeCallableWith(client, 'lb-1');
    expectTypeOf(waitForLoadBalancerInstancesHealthy).toBeCallableWith(client, 'lb-1');
    expectTypeOf(waitForLoadBalancerCertificateIssued).toBeCallableWith(client, { loadBalancerName: 'lb-1', certificateName: 'c-1' });
    expectTypeOf(waitForCertificateIssued).toBeCallableWith(client, 'c-1', { timeoutMs: 3_600_000 });
    expectTypeOf(waitForDistributionDeployed).toBeCallableWith(client, 'cdn-1');
    expectTypeOf(waitForInstancePortOpen).toBeCallableWith(client, 'web-1');
    expectTypeOf(waitForInstancePortOpen).toBeCallableWith(client, {
      instanceName: 'web-1',
      port: 22,
      stableForMs: 10_000,
      connectTimeoutMs: 3_000,
    });
  });

  it('accept a real LightsailClient in every waitUntilX', () => {
    expectTypeOf(waitUntilInstanceRunning).toBeCallableWith(params, { instanceName: 'web-1' });
    expectTypeOf(waitUntilInstanceStopped).toBeCallableWith(params, { instanceName: 'web-1' });
    expectTypeOf(waitUntilInstanceDeleted).toBeCallableWith(params, { instanceName: 'web-1' });
    expectTypeOf(waitUntilDiskAvailable).toBeCallableWith(params, { diskName: 'data-1' });
    expectTypeOf(waitUntilDiskInUse).toBeCallableWith(params, { diskName: 'data-1' });
    expectTypeOf(waitUntilRelationalDatabaseAvailable).toBeCallableWith(params, { relationalDatabaseName: 'db-1' });
    expectTypeOf(waitUntilLoadBalancerActive).toBeCallableWith(params, { loadBalancerName: 'lb-1' });
    expectTypeOf(waitUntilLoadBalancerInstancesHealthy).toBeCallableWith(params, { loadBalancerName: 'lb-1' });
    expectTypeOf(waitUntilLoadBalancerTlsCertificateIssued).toBeCallableWith(params, { loadBalancerName: 'lb-1', certificateName: 'c-1' });
    expectTypeOf(waitUntilCertificateIssued).toBeCallableWith(params, { certificateName: 'c-1' });
    expectTypeOf(waitUntilDistributionDeployed).toBeCallableWith(params, { distributionName: 'cdn-1' });
    expectTypeOf(waitUntilInstancePortOpen).toBeCallableWith(params, {
      instanceName: 'web-1',
      port: 443,
      stableForMs: 0,
      connectTimeoutMs: 3_000,
    });
  });

  it('resolve waitUntilX with a WaiterResult whose reason is the output', () => {
    expectTypeOf(waitUntilInstanceRunning).returns.resolves.toEqualTypeOf<WaiterResult<GetInstanceCommandOutput>>();
    expectTypeOf(waitUntilCertificateIssued).returns.resolves.toEqualTypeOf<WaiterResult<Certificate>>();
    expectTypeOf(waitUntilInstancePortOpen).returns.resolves.toEqualTypeOf<WaiterResult<InstancePortState>>();
    expectTypeOf<WaiterResult<GetDiskCommandOutput>['state']>().toEqualTypeOf<'SUCCESS'>();
  });

  it('leave port, stableForMs and connectTimeoutMs of InstancePortInput optional', () => {
    expectTypeOf(waitForInstancePortOpen).toBeCallableWith(client, { instanceName: 'web-1', port: 22 });
    expectTypeOf(waitUntilInstancePortOpen).toBeCallableWith(params, { instanceName: 'web-1', port: 443 });
    expectTypeOf(waitUntilInstancePortOpen).toBeCallableWith(params, { instanceName: 'web-1' });
  });

  it('refuse a client without send and a wrong input field', () => {
    // @ts-expect-error: not a client
    expectTypeOf(waitForInstanceRunning).toBeCallableWith({}, 'web-1');
    // @ts-expect-error: diskName is not an instance input
    expectTypeOf(waitUntilInstanceRunning).toBeCallableWith(params, { diskName: 'data-1' });
  });
});
