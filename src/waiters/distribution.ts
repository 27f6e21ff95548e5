import { GetDistributionsCommand, type GetDistributionsCommandOutput, type LightsailDistribution } from '@aws-sdk/client-lightsail';
import { defineWaiter, type SendClient } from '../engine/waiter-definition.js';
import { notFound, readNamedInput } from './resource-input.js';

/** A client that can send `GetDistributions`: a `LightsailClient` fits. */
export type GetDistributionsClient = SendClient<GetDistributionsCommand, GetDistributionsCommandOutput>;

/** What `distribution-deployed` takes: `GetDistributions`' input. */
export interface DistributionInput {
  /** The distribution's name. */
  readonly distributionName: string;
}

/**
 * `distribution-deployed`: `GetDistributions` until the distribution's `status` is `Deployed`
 * (Lightsail distributions are CloudFront distributions underneath and report its `InProgress` →
 * `Deployed`). No failure state is documented; it fails on a status named `Failed` (what the bundled
 * simulator reports after a failed create), which will not become `Deployed`, and otherwise waits
 * until the timeout.
 */
export const distributionDeployed = defineWaiter<GetDistributionsClient, DistributionInput, LightsailDistribution>({
  name: 'distribution-deployed',
  action: 'GetDistributions',
  input: (value) => ({ distributionName: readNamedInput('distributionName', value).distributionName }),
  target: ({ distributionName }) => distributionName,
  describe: ({ distributionName }) => `Lightsail distribution ${distributionName}`,
  probe: async (client, { distributionName }, { signal }) => {
    const output = await client.send(new GetDistributionsCommand({ distributionName }), { abortSignal: signal });
    const distribution = output.distributions?.find((d) => d.name === distributionName);
    if (distribution === undefined) throw notFound(`No Lightsail distribution named ${distributionName}`);
    return distribution;
  },
  acceptors: [
    { state: 'success', matches: (distribution) => distribution.status === 'Deployed' },
    { state: 'failure', matches: (distribution) => distribution.status === 'Failed', reason: () => 'the distribution is Failed' },
  ],
  state: (distribution) => distribution.status,
  typicalDurationMs: [120_000, 1_800_000],
});
