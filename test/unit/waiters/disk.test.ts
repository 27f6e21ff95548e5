import { describe, expect, it } from 'vitest';
import { diskAvailable, diskInUse, ResourceFailedError, Waiter, waitFor } from '../../../src/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { outcomeOf, stubSender } from '../../helpers/stub-sender.js';

/** A `GetDisk` output. */
const disk = (state: string, attachmentState?: string) => ({
  disk: { name: 'data-1', state, ...(attachmentState === undefined ? {} : { attachmentState }) },
  $metadata: {},
});

describe('disk-available: what each GetDisk answer means', () => {
  it.each([
    ['pending', 'wait'],
    ['available', 'success'],
    ['in-use', 'wait'],
    ['unknown', 'wait'],
    ['error', 'failure: the disk is in state error'],
  ])('%s → %s', async (state, expected) => {
    expect(await outcomeOf(diskAvailable, 'data-1', disk(state))).toBe(expected);
  });
});

describe('disk-in-use: what each GetDisk answer means', () => {
  it.each([
    ['pending', 'wait'],
    ['available', 'wait'],
    ['in-use', 'success'],
    ['error', 'failure: the disk is in state error'],
  ])('%s → %s', async (state, expected) => {
    expect(await outcomeOf(diskInUse, 'data-1', disk(state))).toBe(expected);
  });
});

describe('disk waiters', () => {
  it('send GetDisk with the disk name, given as a string or as the command input', async () => {
    for (const input of ['data-1', { diskName: 'data-1' }]) {
      const clock = new FakeClock();
      const client = stubSender(disk('available'));
      await clock.run(waitFor(client, diskAvailable, input, { clock }));
      expect(client.calls.map((c) => [c.name, c.input])).toEqual([['GetDiskCommand', { diskName: 'data-1' }]]);
    }
  });

  it('report the attachment state as the status detail', async () => {
    const clock = new FakeClock();
    const client = stubSender(disk('available', 'detached'), disk('available', 'attaching'), disk('in-use', 'attached'));
    const waiter = new Waiter(client, diskInUse, 'data-1', { clock });
    const seen: unknown[] = [];
    waiter.on('status', (e) => seen.push([e.current, e.detail]));
    await clock.run(waiter.wait());
    expect(seen).toEqual([
      ['available', 'detached'],
      ['available', 'attaching'],
      ['in-use', 'attached'],
    ]);
  });

  it('reject a disk in state error with a ResourceFailedError naming the disk', async () => {
    const clock = new FakeClock();
    const { error } = await clock.run(waitFor(stubSender(disk('pending'), disk('error')), diskAvailable, 'data-1', { clock }));
    expect(error).toBeInstanceOf(ResourceFailedError);
    expect(error).toMatchObject({ waiter: 'disk-available', resourceName: 'data-1', state: 'error', reason: 'the disk is in state error' });
    expect((error as Error).message).toContain('Lightsail disk data-1');
  });
});
