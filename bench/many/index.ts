/**
 * `npm run bench` (part 2): many operations at once against an account's rate limit. First the
 * real simulator over HTTP (each waiting process its own, time compressed ×10: the simulator, the
 * waiters, the schedule and the poller all on one simulated clock), then the same workload in
 * virtual time at other limits (fast; no HTTP). Prints markdown and writes bench/many/results.md.
 *
 *   tsx bench/many/index.ts [--ops N] [--no-real]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type RealArm, type RealArmResult, runRealArm } from './real-account.js';
import { type ArmRow, checkArms, formatArms } from './report.js';
import { type AccountArm, runAccount } from './virtual-account.js';

const { values } = parseArgs({ options: { ops: { type: 'string', default: '1000' }, 'no-real': { type: 'boolean', default: false } } });
const ops = Number(values.ops);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const real: Array<[label: string, arm: RealArm]> = [
  [
    'uncapped: one waitForOperation per operation, each its own poller',
    { operations: ops, limit: 20, pace: { kind: 'uncapped' }, processes: 1, schedule: 'default' },
  ],
  [
    'fixed 10/s (the old default cap)',
    { operations: ops, limit: 20, pace: { kind: 'fixed', requestsPerSecond: 10 }, processes: 1, schedule: 'default' },
  ],
  [
    'fixed 18/s (set by hand, just under the limit)',
    { operations: ops, limit: 20, pace: { kind: 'fixed', requestsPerSecond: 18 }, processes: 1, schedule: 'default' },
  ],
  ['adaptive (the default poller)', { operations: ops, limit: 20, pace: { kind: 'adaptive' }, processes: 1, schedule: 'default' }],
  [
    'adaptive, two processes (half the operations each)',
    { operations: ops, limit: 20, pace: { kind: 'adaptive' }, processes: 2, schedule: 'default' },
  ],
];
// The issue's own arms pinned exponentialBackoff 1–20 s; the two that matter, for comparison.
const realExponential: Array<[label: string, arm: RealArm]> = [
  ['uncapped', { operations: ops, limit: 20, pace: { kind: 'uncapped' }, processes: 1, schedule: 'exponential' }],
  ['adaptive (the default poller)', { operations: ops, limit: 20, pace: { kind: 'adaptive' }, processes: 1, schedule: 'exponential' }],
];

const toRow = (group: string, label: string, r: RealArmResult | Awaited<ReturnType<typeof runAccount>>): ArmRow => ({ group, label, ...r });
const rows: ArmRow[] = [];
if (!values['no-real']) {
  for (const [label, arm] of real) {
    rows.push(toRow('real', label, await runRealArm(arm)));
    console.error(`done: ${label}`);
  }
  for (const [label, arm] of realExponential) {
    rows.push(toRow('real, exponentialBackoff 1–20 s', label, await runRealArm(arm)));
    console.error(`done: ${label}, exponential`);
  }
}

// Which process of two leads depends on when each starts: the second starts at several offsets.
const SECOND_PROCESS_DELAYS_MS = [300, 1700, 5000, 15_000];
const virtualArms = (limit: number): Array<[string, AccountArm, number?]> => [
  ['uncapped', { kind: 'uncapped' }],
  [`told the limit: fixed ${limit}/s (a fair pace's floor)`, { kind: 'fixed', requestsPerSecond: limit }],
  ['adaptive', { kind: 'adaptive', processes: 1 }],
  ...SECOND_PROCESS_DELAYS_MS.map((ms): [string, AccountArm, number] => [
    `adaptive, two processes, the second ${ms / 1000} s later`,
    { kind: 'adaptive', processes: 2 },
    ms,
  ]),
];
const cases: Array<[limit: number, operations: number, schedule: 'default' | 'exponential']> = [
  [5, ops, 'default'],
  [5, ops / 4, 'default'],
  [20, ops, 'default'],
  [20, ops, 'exponential'],
  [50, ops, 'default'],
  [50, (ops * 5) / 2, 'default'],
];
for (const [limit, operations, schedule] of cases) {
  const group = `${limit}/s, ${operations} operations${schedule === 'exponential' ? ', exponentialBackoff 1–20 s' : ''}`;
  for (const [label, arm, secondProcessDelayMs] of virtualArms(limit)) {
    rows.push(
      toRow(
        group,
        label,
        await runAccount({ operations, limit, arm, schedule, ...(secondProcessDelayMs === undefined ? {} : { secondProcessDelayMs }) }),
      ),
    );
  }
}

const report = formatArms(rows, ops);
const checks = checkArms(rows);
const text = `${report}\n**Targets (issue #15):** the adaptive arms' p95 at most 0.65 × the uncapped arm's, throttled requests at most 2 % of all, and with two processes each gets at least a third of the answered requests.\n\n${checks.lines.join('\n')}\n`;
console.log(text);
writeFileSync(fileURLToPath(new URL('./results.md', import.meta.url)), text);
