import { describe, expect, it } from 'vitest';
import { formatDuration, formatElapsed, MAX_DURATION_MS, parseDuration } from '../../src/cli/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90', 90_000],
    ['1.5', 1_500],
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['250ms', 250],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['0.5s', 500],
    ['596h', 2_145_600_000],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['', 'expected a duration such as 90, 90s, 10m or 1h'],
    ['abc', 'expected a duration such as 90, 90s, 10m or 1h'],
    ['10x', 'expected a duration such as 90, 90s, 10m or 1h'],
    ['-5s', 'expected a duration such as 90, 90s, 10m or 1h'],
    ['1.2.3', 'expected a duration such as 90, 90s, 10m or 1h'],
    ['1 h', 'expected a duration such as 90, 90s, 10m or 1h'],
    ['Infinity', 'expected a duration such as 90, 90s, 10m or 1h'],
    ['1e3', 'expected a duration such as 90, 90s, 10m or 1h'],
    ['0', 'expected a duration longer than 0'],
    ['0s', 'expected a duration longer than 0'],
    ['0.0001s', 'expected a duration longer than 0'],
    ['597h', 'expected a duration of at most 596h'],
  ])('rejects %j: %s', (text, message) => {
    expect(() => parseDuration(text)).toThrow(new RangeError(message));
  });

  it('accepts exactly the longest timer Node.js can wait', () => {
    expect(parseDuration(`${MAX_DURATION_MS}ms`)).toBe(MAX_DURATION_MS);
    expect(() => parseDuration(`${MAX_DURATION_MS + 1}ms`)).toThrow(RangeError);
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [59_999, '59s'],
    [60_000, '1m00s'],
    [65_000, '1m05s'],
    [3_599_000, '59m59s'],
    [3_720_000, '1h02m'],
    [-5, '0s'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [250, '250ms'],
    [1_000, '1s'],
    [1_500, '1.5s'],
    [90_000, '1m30s'],
    [600_000, '10m'],
    [1_800_000, '30m'],
    [5_400_000, '1h30m'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
