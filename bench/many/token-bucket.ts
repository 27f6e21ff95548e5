/**
 * The rate-cap arms against a token bucket instead of the sliding window `npm run bench` uses: the
 * algorithm EC2 and ECS document for their API throttling (a bucket of tokens refilled at a set
 * rate; EC2's DescribeHosts holds 100 and gets 20 a second). Lightsail publishes neither its
 * limit nor its algorithm, so both models are measured. In virtual time, deterministic; not part
 * of `npm run bench`; run it by hand:
 *
 *   node --import tsx bench/many/token-bucket.ts          # virtual time, about 100 s
 *   node --import tsx bench/many/token-bucket.ts --http   # over HTTP, one-second buckets, 6-10 min
 *   node --import tsx bench/many/token-bucket.ts --each   # the adaptive arms with one GetOperation each (about 30 s)
 *
 * Prints one markdown row per limit and bucket size.
 */
import { parseArgs } from 'node:util';
import { type RealArm, runRealArm } from './real-account.js';
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

const { values } = parseArgs({ options: { http: { type: 'boolean' }, each: { type: 'boolean' } } });
/** The adaptive arms read with `GetOperations` (the default) unless `--each`. */
const useGetOperations = values.each !== true;
if (values.http === true) await overHttp();
else await inVirtualTime();

async function inVirtualTime(): Promise<void> {
  header(true);
  for (const [limit, operations] of CASES) {
    for (const seconds of BURST_SECONDS) {
      const base: Omit<AccountRun, 'arm'> = { operations, limit, burst: limit * seconds, schedule: 'default' };
      const uncapped = await runAccount({ ...base, arm: { kind: 'uncapped' } });
      const paced = await runAccount({ ...base, arm: { kind: 'fixed', requestsPerSecond: limit } });
      const one = await runAccount({ ...base, arm: { kind: 'adaptive', processes: 1, useGetOperations } });
      const two = await runAccount({ ...base, arm: { kind: 'adaptive', processes: 2, useGetOperations } });
      row(base, uncapped.p95LatencyS, paced.p95LatencyS, one, two);
    }
  }
}

/** The same over HTTP against the simulator (time ×10, ×5 at 50/s, as `npm run bench`), one-second buckets; no paced arm. */
async function overHttp(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  header(false);
  for (const [limit, operations] of CASES) {
    const base: Omit<RealArm, 'pace' | 'processes'> = { operations, limit, burst: limit, schedule: 'default', scale: limit >= 50 ? 5 : 10 };
    const uncapped = await runRealArm({ ...base, pace: { kind: 'uncapped' }, processes: 1 });
    const one = await runRealArm({ ...base, pace: { kind: 'adaptive', useGetOperations }, processes: 1 });
    const two = await runRealArm({ ...base, pace: { kind: 'adaptive', useGetOperations }, processes: 2 });
    row(base, uncapped.p95LatencyS, undefined, one, two);
  }
}

/** The table's head; the "paced at the limit" column only when `paced`. */
function header(paced: boolean): void {
  const adaptive = useGetOperations ? 'adaptive (GetOperations)' : 'adaptive, one GetOperation each';
  const columns = [
    'limit',
    'bucket',
    'uncapped p95 (s)',
    ...(paced ? ['paced at the limit'] : []),
    `${adaptive}, one process`,
    'throttled',
  ];
  columns.push('two processes (second 1.7 s later)', 'throttled', 'slower process', 'met (one, two)');
  console.log(`| ${columns.join(' | ')} |`);
  console.log(
    `| --- | --- | ${columns
      .slice(2, -1)
      .map(() => '---:')
      .join(' | ')} | --- |`,
  );
}

/** One case's row: each arm against the uncapped arm's p95. */
function row(
  { limit, operations, burst }: { limit: number; operations: number; burst?: number },
  uncappedP95S: number,
  pacedP95S: number | undefined,
  oneResult: Parameters<typeof checkTargets>[0],
  twoResult: Parameters<typeof checkTargets>[0],
): void {
  const one = checkTargets(oneResult, uncappedP95S);
  const two = checkTargets(twoResult, uncappedP95S);
  const cells = [`${limit}/s, ${operations} operations`, `${burst} tokens`, uncappedP95S.toFixed(1)];
  if (pacedP95S !== undefined) cells.push(f2(pacedP95S / uncappedP95S));
  cells.push(f2(one.share), pct(one.throttled), f2(two.share), pct(two.throttled), f2(two.slowest));
  cells.push(`${one.met ? 'yes' : 'no'}, ${two.met ? 'yes' : 'no'}`);
  console.log(`| ${cells.join(' | ')} |`);
}
