import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { linkSignals } from '../../src/engine/linked-signal.js';

describe('linkSignals', () => {
  it('passes a single signal (or none) through as is', () => {
    const one = new AbortController().signal;
    expect(linkSignals(undefined, one).signal).toBe(one);
    expect(linkSignals(undefined, undefined).signal).toBeUndefined();
  });

  it('aborts with the reason of whichever signal aborts first, then lets go of both', () => {
    const a = new AbortController();
    const b = new AbortController();
    const linked = linkSignals(a.signal, b.signal);
    b.abort('second');
    expect(linked.signal?.aborted).toBe(true);
    expect(linked.signal?.reason).toBe('second');
    linked.dispose();
    expect(getEventListeners(a.signal, 'abort')).toHaveLength(0);
  });

  it('is aborted at once when a signal already is', () => {
    const linked = linkSignals(new AbortController().signal, AbortSignal.abort('early'));
    expect(linked.signal?.reason).toBe('early');
  });

  it('leaves no listener behind after dispose()', () => {
    const a = new AbortController();
    const b = new AbortController();
    linkSignals(a.signal, b.signal).dispose();
    expect(getEventListeners(a.signal, 'abort')).toHaveLength(0);
    expect(getEventListeners(b.signal, 'abort')).toHaveLength(0);
  });
});
