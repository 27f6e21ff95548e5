// `lightsail-wait --resource`: the listing phase is never silent in the plain view, even while
// every GetOperationsForResource page fails and is retried.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { sdkError } from '../helpers/stub-client.js';
import { testIO } from './helpers.js';

/** A client whose listing fails `failures` times with a 500, then finds nothing pending. */
function failingListing(failures: number) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async send() {
      calls += 1;
      if (calls <= failures) throw sdkError('ServiceException', 500);
      return { operations: [], $metadata: { httpStatusCode: 200 } };
    },
  };
}

describe('lightsail-wait --resource, while the listing is retried', () => {
  it('prints each retry and a heartbeat in the plain view, then the outcome', async () => {
    const clock = new FakeClock();
    const client = failingListing(8);
    const t = testIO({ client: client as never, clock });
    const { value: code } = await clock.run(run(['--resource', 'web-1', '--heartbeat', '5s', '--max-delay', '2s'], t.io));
    expect(code).toBe(0);
    const lines = t.stdout.text.split('\n').filter(Boolean);
    const retries = lines.filter((line) =>
      line.includes('resource web-1: GetOperationsForResource failed with ServiceException; retrying in'),
    );
    expect(retries).toHaveLength(8);
    expect(lines.some((line) => /^\[\d+s\] resource web-1: still listing its operations$/.test(line))).toBe(true);
    expect(lines.at(-1)).toBe('nothing pending on web-1');
    expect(client.calls).toBe(9);
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps --json and --quiet as they were: no such lines', async () => {
    for (const flag of ['--json', '--quiet']) {
      const clock = new FakeClock();
      const t = testIO({ client: failingListing(3) as never, clock });
      await clock.run(run(['--resource', 'web-1', flag], t.io));
      expect(t.stdout.text).not.toContain('GetOperationsForResource');
      expect(t.stdout.text).not.toContain('still listing');
    }
  });
});
