// WaitScope.rest: the sleep between two polls, which wake() cuts short (a listing of many
// operations showed this one finished) and which the scope's deadline and abort end.
import { describe, expect, it } from 'vitest';
import { WaitScope } from '../../src/engine/wait-scope.js';
import { FakeClock, flush } from '../helpers/fake-clock.js';

/** `promise`'s outcome so far: `pending` until it settles. */
function track(promise: Promise<void>): { state: 'pending' | 'resolved' | 'rejected'; error?: unknown } {
  const seen: { state: 'pending' | 'resolved' | 'rejected'; error?: unknown } = { state: 'pending' };
  promise.then(
    () => {
      seen.state = 'resolved';
    },
    (error: unknown) => {
      seen.state = 'rejected';
      seen.error = error;
    },
  );
  return seen;
}

/** A rest of 5 s from now: still under way a millisecond before its end, over at it. */
async function expectWholeRest(clock: FakeClock, scope: WaitScope): Promise<void> {
  const rest = track(scope.rest(5_000));
  await clock.advance(4_999);
  expect(rest.state).toBe('pending');
  await clock.advance(1);
  expect(rest.state).toBe('resolved');
}

describe('WaitScope.rest', () => {
  it('sleeps the time given', async () => {
    const clock = new FakeClock();
    const scope = new WaitScope(clock, 60_000, undefined);
    await expectWholeRest(clock, scope);
    scope.dispose();
    expect(clock.pendingTimers).toBe(0);
  });

  it('ends at once when woken, clearing its timer, and the next rest sleeps its whole time', async () => {
    const clock = new FakeClock();
    const scope = new WaitScope(clock, 60_000, undefined);
    const first = track(scope.rest(5_000));
    await clock.advance(1_000);
    scope.wake();
    await flush();
    expect(first.state).toBe('resolved');
    // The deadline's timer alone is left.
    expect(clock.pendingTimers).toBe(1);
    await expectWholeRest(clock, scope);
    scope.dispose();
  });

  it('forgets a wake between rests: the next rest is not cut short by it', async () => {
    const clock = new FakeClock();
    const scope = new WaitScope(clock, 60_000, undefined);
    scope.wake();
    await expectWholeRest(clock, scope);
    scope.dispose();
  });

  it('rejects with the caller’s reason when the caller aborts during a rest, and after it', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const scope = new WaitScope(clock, 60_000, controller.signal);
    const rest = track(scope.rest(5_000));
    const reason = new Error('stop');
    controller.abort(reason);
    await flush();
    expect(rest).toEqual({ state: 'rejected', error: reason });
    expect(scope.stopReason).toBe('aborted');
    await expect(scope.rest(1_000)).rejects.toBe(reason);
    scope.dispose();
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects when the deadline passes during a rest, and is not woken after that', async () => {
    const clock = new FakeClock();
    const scope = new WaitScope(clock, 3_000, undefined);
    const rest = track(scope.rest(5_000));
    await clock.advance(3_000);
    expect(rest.state).toBe('rejected');
    expect(rest.error).toBe(scope.signal.reason);
    expect(scope.stopReason).toBe('timeout');
    scope.wake();
    await expect(scope.rest(1_000)).rejects.toBe(scope.signal.reason);
    expect(clock.pendingTimers).toBe(0);
  });

  it('ends a rest under way when disposed, leaving no timer', async () => {
    const clock = new FakeClock();
    const scope = new WaitScope(clock, 60_000, undefined);
    const rest = track(scope.rest(5_000));
    scope.dispose();
    await flush();
    expect(rest.state).toBe('rejected');
    expect(clock.pendingTimers).toBe(0);
  });
});
