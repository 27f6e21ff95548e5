/**
 * `npm run bench` (part 2): many operations at once against an account's rate limit. First the
 * real simulator over HTTP at 20, 5 and 50 requests a second, the load scaled with the limit (each
 * waiting process its own, time compressed ×10, ×5 at 50/s: the simulator, the waiters, the
 * schedule and the poller all on one simulated clock), then the same workload in virtual time
 * (fast; no HTTP, no request latency) with a pace told the limit and two processes at several start
 * offsets (and a sweep of twelve). Prints markdown and writes bench/many/results.md.
 *
 *   tsx bench/many/index.ts [--ops N] [--no-real]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type RealArm, type RealArmResult, runRealArm } from './real-account.js';
import { type ArmRow, checkArms, formatArms, uncappedOf } from './report.js';
import { checkSweeps, formatSweeps, runSweep, type SweepResult } from './sweep.js';
import { type AccountArm, type AccountResult, runAccount } from './virtual-account.js';

const { values } = parseArgs({ options: { ops: { type: 'string', default: '1000' }, 'no-real': { type: 'boolean', default: false } } });
const ops = Number(values.ops);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Over HTTP at every limit of the issue, the load scaled with it (1,000 operations at 20/s). At
// 50/s time runs ×5, not ×10, so that the simulator and the waiting process keep up on 2 cores.
const realCases: Array<{ limit: number; operations: number; scale: number; arms: Array<[label: string, RealArm]> }> = [20, 5, 50].map(
  (limit) => {
    const operations = Math.round((ops * limit) / 20);
    const scale = limit >= 50 ? 5 : 10;
    const arm = (pace: RealArm['pace'], processes: 1 | 2 = 1, schedule: RealArm['schedule'] = 'default'): RealArm => ({
      operations,
      limit,
      pace,
      processes,
      schedule,
      scale,
    });
    const arms: Array<[string, RealArm]> = [
      ['uncapped: one waitForOperation per operation, each its own poller', arm({ kind: 'uncapped' })],
      ['adaptive (the default: the default poller, GetOperations)', arm({ kind: 'adaptive' })],
      ['adaptive, one GetOperation each (useGetOperations: false)', arm({ kind: 'adaptive', useGetOperations: false })],
      ['adaptive, two processes (the default; half the operations each, the second 1.7 s later)', arm({ kind: 'adaptive' }, 2)],
      ['adaptive, two processes, one GetOperation each (useGetOperations: false)', arm({ kind: 'adaptive', useGetOperations: false }, 2)],
    ];
    if (limit === 20) {
      arms.splice(
        1,
        0,
        ['fixed 10/s (the old default cap)', arm({ kind: 'fixed', requestsPerSecond: 10 })],
        ['fixed 18/s (set by hand, just under the limit)', arm({ kind: 'fixed', requestsPerSecond: 18 })],
      );
    }
    return { limit, operations, scale, arms };
  },
);
// The issue's own arms pinned exponentialBackoff 1–20 s; the two that matter, for comparison.
const realExponential: Array<[label: string, arm: RealArm]> = [
  ['uncapped', { operations: ops, limit: 20, pace: { kind: 'uncapped' }, processes: 1, schedule: 'exponential' }],
  [
    'adaptive (the default poller, GetOperations)',
    { operations: ops, limit: 20, pace: { kind: 'adaptive' }, processes: 1, schedule: 'exponential' },
  ],
];

const toRow = (group: string, label: string, r: RealArmResult | Awaited<ReturnType<typeof runAccount>>, real = false): ArmRow => ({
  group,
  label,
  real,
  ...r,
});
const rows: ArmRow[] = [];
if (!values['no-real']) {
  for (const { limit, operations, scale, arms } of realCases) {
    const group = `${limit}/s, ${operations} operations, time ×${scale}`;
    for (const [label, arm] of arms) {
      rows.push(toRow(group, label, await runRealArm(arm), true));
      console.error(`done: ${group}, ${label}`);
    }
  }
  for (const [label, arm] of realExponential) {
    rows.push(toRow(`20/s, ${ops} operations, time ×10, exponentialBackoff 1–20 s`, label, await runRealArm(arm), true));
    console.error(`done: ${label}, exponential`);
  }
}

// Which process of two leads depends on when each starts: the second starts at several offsets.
const SECOND_PROCESS_DELAYS_MS = [300, 1700, 5000, 15_000];
const virtualArms = (limit: number): Array<[string, AccountArm, number?]> => [
  ['uncapped', { kind: 'uncapped' }],
  [`told the limit: fixed ${limit}/s, one GetOperation each (a fair pace's floor)`, { kind: 'fixed', requestsPerSecond: limit }],
  ['adaptive (the default: GetOperations)', { kind: 'adaptive', processes: 1 }],
  ['adaptive, one GetOperation each (useGetOperations: false)', { kind: 'adaptive', processes: 1, useGetOperations: false }],
  // Two processes each told its part, as a user who knows the limit would set them: to compare the adaptive pair with.
  [
    `told half the limit each: two processes at fixed ${limit / 2}/s, one GetOperation each`,
    { kind: 'fixed', requestsPerSecond: limit / 2, processes: 2 },
  ],
  ...SECOND_PROCESS_DELAYS_MS.flatMap(
    (ms): Array<[string, AccountArm, number]> => [
      [`adaptive, two processes, the second ${ms / 1000} s later`, { kind: 'adaptive', processes: 2 }, ms],
      [
        `adaptive, two processes, the second ${ms / 1000} s later, one GetOperation each`,
        { kind: 'adaptive', processes: 2, useGetOperations: false },
        ms,
      ],
    ],
  ),
];
const cases: Array<[limit: number, operations: number, schedule: 'default' | 'exponential']> = [
  [5, ops, 'default'],
  [5, ops / 4, 'default'],
  [20, ops, 'default'],
  [20, ops, 'exponential'],
  [50, ops, 'default'],
  [50, (ops * 5) / 2, 'default'],
];
// The two-process runs by case and start offset, for the sweep below to reuse.
const twoProcessRuns = new Map<string, Map<number, AccountResult>>();
for (const [limit, operations, schedule] of cases) {
  const group = `${limit}/s, ${operations} operations${schedule === 'exponential' ? ', exponentialBackoff 1–20 s' : ''}`;
  for (const [label, arm, secondProcessDelayMs] of virtualArms(limit)) {
    const result = await runAccount({
      operations,
      limit,
      arm,
      schedule,
      ...(secondProcessDelayMs === undefined ? {} : { secondProcessDelayMs }),
    });
    rows.push(toRow(group, label, result));
    if (secondProcessDelayMs !== undefined && !(arm.kind === 'adaptive' && arm.useGetOperations === false)) {
      const byOffset = twoProcessRuns.get(group) ?? new Map<number, AccountResult>();
      byOffset.set(secondProcessDelayMs, result);
      twoProcessRuns.set(group, byOffset);
    }
  }
}

// The four offsets above, and eight more: the spread of two processes over when the second starts.
const sweeps: SweepResult[] = [];
for (const [limit, operations] of [
  [5, ops / 4],
  [5, ops],
  [20, ops],
  [50, (ops * 5) / 2],
] as const) {
  const group = `${limit}/s, ${operations} operations`;
  const uncapped = uncappedOf(rows, { real: false, group });
  if (uncapped === undefined) throw new Error(`bench/many: no uncapped arm for ${group}`);
  sweeps.push(await runSweep({ limit, operations, uncappedP95S: uncapped.p95LatencyS }, twoProcessRuns.get(group)));
}

const report = `${formatArms(rows)}\n${formatSweeps(sweeps)}`;
const arms = checkArms(rows);
const sweepChecks = checkSweeps(sweeps);
const checks = [...arms.lines, ...sweepChecks.lines];
const { byDefault, oneEach } = arms.tally;
const tally = `Of the arms below, the default's (reading together with GetOperations) met them in ${byDefault.met} of ${byDefault.checked}, and the two-process sweeps at ${sweepChecks.casesMet} of ${sweeps.length} cases; with one GetOperation each (useGetOperations: false), ${oneEach.met} of ${oneEach.checked}.`;
const text = `${report}\n**Targets (issue #15):** the adaptive arms' p95 at most 0.65 × the uncapped arm's, throttled requests at most 2 % of all, and with two processes neither starves: each one's own p95 at most 0.65 × the uncapped arm's too. ${tally}\n\n${checks.join('\n')}\n`;
console.log(text);
writeFileSync(fileURLToPath(new URL('./results.md', import.meta.url)), text);
