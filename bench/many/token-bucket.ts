/**
 * The rate-cap arms against a token bucket instead of the sliding window `npm run bench` uses: the
 * algorithm EC2 and ECS document for their API throttling (a bucket of tokens refilled at a set
 * rate; EC2's DescribeHosts holds 100 and gets 20 a second). Lightsail publishes neither its
 * limit nor its algorithm, so both models are measured. In virtual time, deterministic; not part
 * of `npm run bench` (about a minute); run it by hand:
 *
 *   node --import tsx bench/many/token-bucket.ts
 *
 * Prints one markdown row per limit and bucket size.
 */
import { checkTargets } from './report.js';
import { type AccountRun, runAccount } from './virtual-account.js';

const CASES = [
  [5, 250],
  [20, 1000],
  [50, 2500],
] as const;
/** Bucket sizes, in seconds of refill: as many tokens as one second gives (the window's peer), and five (EC2's DescribeHosts). */
const BURST_SECONDS = [1, 5] as const;

const f2 = (x: number): string => x.toFixed(2);
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

console.log(
  '| limit | bucket | uncapped p95 (s) | paced at the limit | adaptive, one process | throttled | two processes (second 1.7 s later) | throttled | smaller share | met (one, two) |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const [limit, operations] of CASES) {
  for (const seconds of BURST_SECONDS) {
    const base: Omit<AccountRun, 'arm'> = { operations, limit, burst: limit * seconds, schedule: 'default' };
    const uncapped = await runAccount({ ...base, arm: { kind: 'uncapped' } });
    const paced = await runAccount({ ...base, arm: { kind: 'fixed', requestsPerSecond: limit } });
    const one = checkTargets(await runAccount({ ...base, arm: { kind: 'adaptive', processes: 1 } }), uncapped.p95LatencyS);
    const two = checkTargets(await runAccount({ ...base, arm: { kind: 'adaptive', processes: 2 } }), uncapped.p95LatencyS);
    console.log(
      `| ${limit}/s, ${operations} operations | ${limit * seconds} tokens | ${uncapped.p95LatencyS.toFixed(1)} | ${f2(paced.p95LatencyS / uncapped.p95LatencyS)} | ${f2(one.share)} | ${pct(one.throttled)} | ${f2(two.share)} | ${pct(two.throttled)} | ${f2(two.smaller)} | ${one.met ? 'yes' : 'no'}, ${two.met ? 'yes' : 'no'} |`,
    );
  }
}
