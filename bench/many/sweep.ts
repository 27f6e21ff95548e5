import { checkTargets, MAX_P95_SHARE, type TargetCheck } from './report.js';
import { type AccountResult, runAccount } from './virtual-account.js';

/**
 * Two processes in virtual time, the second started at many offsets: which of them leads, and how
 * far, turns on when each starts, so a few offsets can look better (or worse) than the rest.
 */
export const SWEEP_OFFSETS_MS = [100, 300, 700, 1200, 1700, 2500, 3500, 5000, 7000, 10_000, 15_000, 22_000];

export interface SweepCase {
  readonly limit: number;
  readonly operations: number;
  /** The uncapped arm's p95 on the same case, seconds. */
  readonly uncappedP95S: number;
}

export interface SweepResult extends SweepCase {
  readonly runs: ReadonlyArray<{ readonly offsetMs: number; readonly result: AccountResult }>;
}

/** Runs the case at every offset; `measured` gives runs already made (by offset: virtual time is deterministic). */
export async function runSweep(sweepCase: SweepCase, measured: ReadonlyMap<number, AccountResult> = new Map()): Promise<SweepResult> {
  const runs: Array<{ offsetMs: number; result: AccountResult }> = [];
  for (const offsetMs of SWEEP_OFFSETS_MS) {
    const result =
      measured.get(offsetMs) ??
      (await runAccount({
        operations: sweepCase.operations,
        limit: sweepCase.limit,
        arm: { kind: 'adaptive', processes: 2 },
        schedule: 'default',
        secondProcessDelayMs: offsetMs,
      }));
    runs.push({ offsetMs, result });
  }
  return { ...sweepCase, runs };
}

const figures = (sweep: SweepResult, result: AccountResult): TargetCheck => checkTargets(result, sweep.uncappedP95S);

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** The sweep as markdown: one row per case, p95 ÷ uncapped at every offset, then its spread. */
export function formatSweeps(sweeps: readonly SweepResult[]): string {
  const offsets = SWEEP_OFFSETS_MS.map((ms) => `${ms / 1000} s`);
  const out = [
    `**Two processes at ${SWEEP_OFFSETS_MS.length} start offsets** (virtual time, the adaptive poller, half the operations each; p95 ÷ the uncapped arm's, with the slower process's own when it misses the target alone):`,
    '',
    `| case | ${offsets.join(' | ')} | median | worst | most throttled | met |`,
    `| --- | ${offsets.map(() => '---:').join(' | ')} | ---: | ---: | ---: | ---: |`,
  ];
  for (const sweep of sweeps) {
    const all = sweep.runs.map((run) => figures(sweep, run.result));
    const cells = all.map((f) => `${f.share.toFixed(2)}${f.slowest > MAX_P95_SHARE ? ` (one ${f.slowest.toFixed(2)})` : ''}`);
    const shares = all.map((f) => f.share);
    out.push(
      `| ${sweep.limit}/s, ${sweep.operations} operations | ${cells.join(' | ')} | ${median(shares).toFixed(2)} | ${Math.max(...shares).toFixed(2)} | ${(100 * Math.max(...all.map((f) => f.throttled))).toFixed(1)} % | ${all.filter((f) => f.met).length} of ${all.length} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** One check line per case: met only when every offset meets the targets; `casesMet` counts those. */
export function checkSweeps(sweeps: readonly SweepResult[]): { ok: boolean; lines: string[]; casesMet: number } {
  let casesMet = 0;
  const lines = sweeps.map((sweep) => {
    const all = sweep.runs.map((run) => figures(sweep, run.result));
    const met = all.filter((f) => f.met).length;
    if (met === all.length) casesMet += 1;
    const shares = all.map((f) => f.share);
    return `- ${met === all.length ? 'Met' : '**Not met**'} at ${met} of ${all.length} start offsets, virtual time, ${sweep.limit}/s, ${sweep.operations} operations, two processes: p95 ${Math.min(...shares).toFixed(2)}–${Math.max(...shares).toFixed(2)} × uncapped (median ${median(shares).toFixed(2)}), at most ${(100 * Math.max(...all.map((f) => f.throttled))).toFixed(1)} % throttled, the slower process's own p95 at most ${Math.max(...all.map((f) => f.slowest)).toFixed(2)} × (the smaller process sent at least ${(100 * Math.min(...all.map((f) => f.smaller))).toFixed(0)} % of the answered requests).`;
  });
  return { ok: casesMet === sweeps.length, lines, casesMet };
}
