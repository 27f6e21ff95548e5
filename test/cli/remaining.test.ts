import { describe, expect, it } from 'vitest';
import { remainingMs } from '../../src/cli/shared-wait-options.js';
import type { Clock } from '../../src/index.js';

const at = (now: number) => ({ now: () => now }) as unknown as Clock;

describe('remainingMs', () => {
  it('gives what is left of --timeout in whole milliseconds, at least 1', () => {
    // performance.now() is fractional: a timeout message must not say 986.0870420000001 ms.
    expect(remainingMs(1_000.1, at(13.9))).toBe(986);
    expect(remainingMs(1_000, at(999.7))).toBe(1);
    expect(remainingMs(1_000, at(5_000))).toBe(1);
  });
});
