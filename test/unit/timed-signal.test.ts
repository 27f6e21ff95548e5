// timedSignal: a piece of work bounded by a time and by its parent signal; hold() stops the time
// (a turn at the poller is not the work's own), restart() gives the next piece the whole time.
import { describe, expect, it } from 'vitest';
import { timedSignal } from '../../src/engine/timed-signal.js';
import { FakeClock } from '../helpers/fake-clock.js';

const late = () => new Error('late');

describe('timedSignal', () => {
  it('aborts once the time has passed, with the reason given', async () => {
    const clock = new FakeClock();
    const timed = timedSignal(clock, new AbortController().signal, 1_000, late);
    await clock.advance(999);
    expect(timed.signal.aborted).toBe(false);
    await clock.advance(1);
    expect(timed.signal.reason).toEqual(new Error('late'));
    expect(timed.timedOut()).toBe(true);
    timed.dispose();
  });

  it('runs no time while held, and a restart counts the whole time afresh', async () => {
    const clock = new FakeClock();
    const timed = timedSignal(clock, new AbortController().signal, 1_000, late);
    await clock.advance(900);
    timed.hold();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(60_000);
    expect(timed.signal.aborted).toBe(false);
    timed.restart();
    await clock.advance(999);
    expect(timed.signal.aborted).toBe(false);
    await clock.advance(1);
    expect(timed.timedOut()).toBe(true);
    timed.dispose();
    expect(clock.pendingTimers).toBe(0);
  });

  it('still follows its parent while held, and a restart after that starts no timer', async () => {
    const clock = new FakeClock();
    const parent = new AbortController();
    const timed = timedSignal(clock, parent.signal, 1_000, late);
    timed.hold();
    parent.abort(new Error('stopped'));
    expect(timed.signal.reason).toEqual(new Error('stopped'));
    timed.restart();
    expect(clock.pendingTimers).toBe(0);
    expect(timed.timedOut()).toBe(false);
    timed.dispose();
  });

  it('leaves no timer and no listener on the parent once disposed', async () => {
    const clock = new FakeClock();
    const parent = new AbortController();
    const timed = timedSignal(clock, parent.signal, 1_000, late);
    timed.restart();
    timed.dispose();
    expect(clock.pendingTimers).toBe(0);
    parent.abort(new Error('after'));
    expect(timed.signal.aborted).toBe(false);
  });
});
