/**
 * Two processes against the simulator over HTTP, the second started at several offsets: the HTTP
 * twin of the virtual-time sweep in `npm run bench` (bench/many/sweep.ts). Not part of `npm run
 * bench` (about a minute an offset); run it by hand:
 *
 *   node --import tsx bench/many/http-sweep.ts <limit> <operations> <offsets in ms, comma-separated>
 *   node --import tsx bench/many/http-sweep.ts 20 1000 300,1700,5000,7000,10000,15000
 *
 * Prints one markdown row per offset, after the uncapped arm it is measured against.
 */
import { parseArgs } from 'node:util';
import { runRealArm } from './real-account.js';
import { checkTargets } from './report.js';

const { positionals } = parseArgs({ allowPositionals: true });
const [limit, operations] = positionals.slice(0, 2).map(Number);
const offsets = (positionals[2] ?? '').split(',').filter(Boolean).map(Number);
if (!Number.isFinite(limit) || !Number.isFinite(operations) || offsets.length === 0 || offsets.some((ms) => !Number.isFinite(ms))) {
  console.error('usage: node --import tsx bench/many/http-sweep.ts <limit> <operations> <offset ms>,<offset ms>,…');
  process.exitCode = 2;
} else {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const scale = (limit as number) >= 50 ? 5 : 10;
  const base = { operations: operations as number, limit: limit as number, schedule: 'default', scale } as const;
  const uncapped = await runRealArm({ ...base, pace: { kind: 'uncapped' }, processes: 1 });
  console.log(`${limit}/s, ${operations} operations, time ×${scale}: uncapped p95 ${uncapped.p95LatencyS.toFixed(1)} s\n`);
  console.log('| second process after | p95 (s) | p95 ÷ uncapped | throttled | answers | met |');
  console.log('| ---: | ---: | ---: | ---: | --- | --- |');
  for (const secondProcessDelayMs of offsets) {
    const r = await runRealArm({ ...base, pace: { kind: 'adaptive' }, processes: 2, secondProcessDelayMs });
    const { share, throttled, answered, met } = checkTargets(r, uncapped.p95LatencyS);
    console.log(
      `| ${secondProcessDelayMs / 1000} s | ${r.p95LatencyS.toFixed(1)} | ${share.toFixed(2)} | ${(100 * throttled).toFixed(1)} % | ${answered.join(' / ')} | ${met ? 'yes' : 'no'} |`,
    );
  }
}
