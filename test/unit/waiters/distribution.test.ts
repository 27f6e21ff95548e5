import { describe, expect, it } from 'vitest';
import { distributionDeployed, ResourceRequestError, waitFor } from '../../../src/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { outcomeOf, stubSender } from '../../helpers/stub-sender.js';

/** A `GetDistributions` output listing the given distributions. */
const distributions = (...list: Array<{ name: string; status: string }>) => ({ distributions: list, $metadata: {} });

describe('distribution-deployed: what each GetDistributions answer means', () => {
  it.each([
    ['InProgress', 'wait'],
    ['Deployed', 'success'],
    ['Failed', 'failure: the distribution is Failed'],
    ['Enabled', 'wait'],
  ])('%s → %s', async (status, expected) => {
    expect(await outcomeOf(distributionDeployed, 'cdn-1', distributions({ name: 'cdn-1', status }))).toBe(expected);
  });

  it('judges the named distribution, not the others listed', async () => {
    const output = distributions({ name: 'cdn-0', status: 'Deployed' }, { name: 'cdn-1', status: 'InProgress' });
    expect(await outcomeOf(distributionDeployed, 'cdn-1', output)).toBe('wait');
  });

  it('asks GetDistributions for the distribution, and resolves with it', async () => {
    const clock = new FakeClock();
    const client = stubSender(distributions({ name: 'cdn-1', status: 'InProgress' }), distributions({ name: 'cdn-1', status: 'Deployed' }));
    const { value } = await clock.run(waitFor(client, distributionDeployed, 'cdn-1', { clock }));
    expect(value).toEqual({ name: 'cdn-1', status: 'Deployed' });
    expect(client.calls.map((c) => [c.name, c.input])).toEqual([
      ['GetDistributionsCommand', { distributionName: 'cdn-1' }],
      ['GetDistributionsCommand', { distributionName: 'cdn-1' }],
    ]);
  });

  it.each([
    ['an empty list', distributions()],
    ['a list of other distributions', distributions({ name: 'cdn-0', status: 'Deployed' })],
  ])('takes %s as not found', async (_label, output) => {
    expect(await outcomeOf(distributionDeployed, 'cdn-1', output)).toBe('not found');
  });

  it('fails with a ResourceRequestError once the not-found grace window has passed', async () => {
    const clock = new FakeClock();
    const { error } = await clock.run(
      waitFor(stubSender(distributions()), distributionDeployed, 'cdn-1', { clock, notFoundGraceMs: 2_000 }),
    );
    expect(error).toBeInstanceOf(ResourceRequestError);
    expect(error).toMatchObject({
      errorName: 'NotFoundException',
      resourceName: 'cdn-1',
      action: 'GetDistributions',
      waiter: 'distribution-deployed',
    });
    expect(clock.pendingTimers).toBe(0);
  });
});
