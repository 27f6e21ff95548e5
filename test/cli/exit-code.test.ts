import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeFor, type Interruption, interruptionOf } from '../../src/cli/exit-code.js';
import type { ResultOutcome } from '../../src/index.js';

describe('exitCodeFor', () => {
  it.each<[ResultOutcome[], Interruption | undefined, number]>([
    [['succeeded'], undefined, 0],
    [['succeeded', 'succeeded'], undefined, 0],
    [['failed'], undefined, 1],
    [['cancelled'], undefined, 1],
    [['timeout'], undefined, 3],
    [['error'], undefined, 4],
    [['aborted'], undefined, 130],
    [['aborted'], 'SIGINT', 130],
    [['aborted'], 'SIGTERM', 143],
    [['succeeded', 'failed'], undefined, 1],
    [['succeeded', 'timeout'], undefined, 3],
    [['timeout', 'failed'], undefined, 1],
    [['failed', 'error'], undefined, 4],
    [['timeout', 'error'], undefined, 4],
    [['timeout', 'failed', 'error', 'succeeded'], undefined, 4],
    [['error', 'aborted'], undefined, 130],
    [['failed', 'aborted', 'succeeded'], 'SIGTERM', 143],
    [['succeeded'], 'SIGTERM', 0],
  ])('maps %j (signal %s) to %i', (outcomes, interruption, code) => {
    expect(exitCodeFor(outcomes, interruption)).toBe(code);
  });

  it('names every documented code', () => {
    expect(ExitCode).toEqual({ success: 0, failed: 1, usage: 2, timeout: 3, awsError: 4, internal: 70, interrupted: 130, terminated: 143 });
  });
});

describe('interruptionOf', () => {
  it.each<[AbortSignal | undefined, Interruption]>([
    [undefined, 'SIGINT'],
    [AbortSignal.abort('SIGINT'), 'SIGINT'],
    [AbortSignal.abort('SIGTERM'), 'SIGTERM'],
    [AbortSignal.abort(), 'SIGINT'],
  ])('reads the signal behind an abort (%#)', (signal, interruption) => {
    expect(interruptionOf(signal)).toBe(interruption);
  });
});
