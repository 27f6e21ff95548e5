/**
 * `npm run bench` (part 2): many operations at once against the simulator's account-like rate
 * limit. Each arm runs in its own process; prints a markdown table and writes
 * bench/many/results.md. `--ops N` sets the number of operations (default 1000).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const opsFlag = process.argv.indexOf('--ops');
const ops = opsFlag > 0 ? Number(process.argv[opsFlag + 1]) : 1000;
const runOne = fileURLToPath(new URL('./run-one.ts', import.meta.url));
const arms: Array<[label: string, arm: string, cap: number]> = [
  ['(a) 1 waitForOperation per operation, each uncapped (hand-rolled loops, SDK waiters)', 'independent', 0],
  ['(a′) 1 waitForOperation per operation, sharing the default poller (10/s)', 'independent-shared', 10],
  ['(b) waitForOperations, default cap (10/s)', 'waitForOperations', 10],
  ['(b) waitForOperations, cap 18/s (just under the account’s 20/s)', 'waitForOperations', 18],
];

const rows: string[] = [];
for (const [label, arm, cap] of arms) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', runOne, arm, String(ops), String(cap)], {
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const r = JSON.parse(out.trim().split('\n').at(-1) as string);
  rows.push(
    `| ${label} | ${r.requests} | ${r.throttled} | ${r.failed} | ${r.p50LatencyS.toFixed(1)} | ${r.p95LatencyS.toFixed(1)} | ${r.peakRssMiB.toFixed(0)} | ${(r.cpuMs / 1000).toFixed(1)} |`,
  );
  console.error(`done: ${label}`);
}
const table = [
  `${ops} operations (10 s–5 min), simulated account limit 20 GetOperation/s, time compressed ×10 (latencies in simulated seconds; CPU and memory are the whole process, simulator included)`,
  '',
  '| arm | GetOperation requests | throttled | failed | p50 latency (s) | p95 latency (s) | peak RSS (MiB) | CPU (s) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
].join('\n');
console.log(table);
writeFileSync(fileURLToPath(new URL('./results.md', import.meta.url)), `${table}\n`);
