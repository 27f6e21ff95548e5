/**
 * Distributions (Lightsail's CloudFront-backed CDN): the stored record, the `status` derived
 * lazily, and the `GetDistributions` wire shape.
 *
 * `status` is an untyped string in the service model. The simulator answers `InProgress` while a
 * create or update propagates and `Deployed` after: CloudFront's distribution status values are
 * `InProgress` and `Deployed`; AWS's own CloudFormation handler for Lightsail distributions waits
 * for `Deployed` (aws-cloudformation-resource-providers-lightsail, Distribution.java
 * `isStabilizedUpdate`); the Lightsail Developer Guide says "the status of your distribution changes
 * from InProgress to Enabled" (amazon-lightsail-changing-distribution-origin.md), where "Enabled" is
 * the console's label. A failed create or update answers `Failed`, a string for which no public
 * evidence was found.
 */
import { hasSucceededAt, isTerminalAt, type OperationRecord } from './lifecycle.js';
import { epochSeconds, type LocationJson } from './protocol.js';

/** A distribution's origin as stored. */
export interface DistributionOrigin {
  readonly name: string;
  readonly regionName: string;
  readonly resourceType: string;
  readonly protocolPolicy: string;
}

/** A stored distribution. Internal. */
export interface DistributionRecord {
  readonly name: string;
  readonly arn: string;
  readonly supportCode: string;
  readonly createdAt: number;
  readonly domainName: string;
  readonly bundleId: string;
  origin: DistributionOrigin;
  originPublicDNS: string;
  defaultBehavior: string;
  isEnabled: boolean;
  /** The latest create or update operation, and when its change is deployed (clock ms). */
  change: { readonly op: OperationRecord; readonly deployedAt: number };
}

/** The distribution's `status` at `now`. */
export function distributionStatusAt(dist: DistributionRecord, now: number): string {
  const { op, deployedAt } = dist.change;
  if (isTerminalAt(op, now) && !hasSucceededAt(op, now)) return 'Failed';
  return now < deployedAt ? 'InProgress' : 'Deployed';
}

/** The SDK's `LightsailDistribution` at `now`. */
export function distributionJson(dist: DistributionRecord, now: number, regionName: string): object {
  return {
    name: dist.name,
    arn: dist.arn,
    supportCode: dist.supportCode,
    createdAt: epochSeconds(dist.createdAt),
    location: { availabilityZone: 'all', regionName } satisfies LocationJson,
    resourceType: 'Distribution',
    alternativeDomainNames: [],
    status: distributionStatusAt(dist, now),
    isEnabled: dist.isEnabled,
    domainName: dist.domainName,
    bundleId: dist.bundleId,
    origin: {
      name: dist.origin.name,
      resourceType: dist.origin.resourceType,
      regionName: dist.origin.regionName,
      protocolPolicy: dist.origin.protocolPolicy,
    },
    originPublicDNS: dist.originPublicDNS,
    defaultCacheBehavior: { behavior: dist.defaultBehavior },
    ableToUpdateBundle: true,
    ipAddressType: 'dualstack',
    tags: [],
  };
}
