import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../../src/simulator/index.js';
import { compressedTime } from './compressed-time.js';
import type { ProcessSpec } from './run-one.js';
import { manyDurationMs, percentile, SECOND_PROCESS_DELAY_MS } from './virtual-account.js';

/** One arm against the real simulator over HTTP, in compressed time; each waiting process is its own. */
export interface RealArm {
  readonly operations: number;
  /** The account's limit, requests per simulated second. */
  readonly limit: number;
  /** The limit as a token bucket of this many tokens (the simulator's `requestBurst`). @default undefined (a sliding window) */
  readonly burst?: number;
  readonly pace: ProcessSpec['pace'];
  readonly processes: 1 | 2;
  readonly schedule: ProcessSpec['schedule'];
  /** How many times faster than the wall clock simulated time runs. @default 10 */
  readonly scale?: number;
  /** With two processes, how long after the first the second starts, in simulated ms. @default 1700 */
  readonly secondProcessDelayMs?: number;
}

export interface RealArmResult {
  readonly requests: number;
  readonly throttled: number;
  readonly failed: number;
  readonly p50LatencyS: number;
  readonly p95LatencyS: number;
  readonly wallS: number;
  /** Per waiting process (the simulator's own CPU is not in these). */
  readonly processes: ReadonlyArray<{
    readonly answered: number;
    readonly p95LatencyS: number;
    readonly cpuS: number;
    readonly peakRssMiB: number;
    readonly finalRate: number | undefined;
  }>;
}

const RUN_ONE = fileURLToPath(new URL('./run-one.ts', import.meta.url));

function runProcess(spec: ProcessSpec): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUN_ONE, JSON.stringify(spec)], {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1) as string)) : reject(new Error(`run-one exited ${code}`)),
    );
  });
}

/** Starts the simulator with the account's limit, creates the operations, runs the waiting processes. */
export async function runRealArm(arm: RealArm): Promise<RealArmResult> {
  const scale = arm.scale ?? 10;
  const anchor = Date.now();
  const { now } = compressedTime(anchor, scale);
  const limit = { maxRequestsPerSecond: arm.limit, ...(arm.burst === undefined ? {} : { requestBurst: arm.burst }) };
  const sim = await startSimulator({ now, ...limit, requestLogLimit: 1_000_000 });
  const dir = mkdtempSync(join(tmpdir(), 'lightsail-bench-'));
  try {
    const ops = Array.from({ length: arm.operations }, (_, i) => {
      const durationMs = manyDurationMs(i);
      const op = sim.createOperation({ durationMs, status: 'Started', resourceName: `r-${i}` });
      return { id: op.id as string, finishAt: now() + durationMs };
    });
    const groups = arm.processes === 2 ? [ops.slice(0, ops.length / 2), ops.slice(ops.length / 2)] : [ops];
    const started = Date.now();
    const outputs = await Promise.all(
      groups.map(async (group, i) => {
        const file = join(dir, `ops-${i}.json`);
        writeFileSync(file, JSON.stringify(group));
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, (arm.secondProcessDelayMs ?? SECOND_PROCESS_DELAY_MS) / scale));
        return runProcess({ endpoint: sim.endpoint, anchor, scale, pace: arm.pace, schedule: arm.schedule, file });
      }),
    );
    const wallS = (Date.now() - started) / 1000;
    const polls = sim.requests.filter((r) => r.action === 'GetOperation' || r.action === 'GetOperations');
    const throttledIds = polls.filter((r) => r.error === 'ThrottlingException');
    const latencies = (group: ReadonlyArray<{ id: string; finishAt: number }>, settled: Record<string, number>): number[] =>
      group
        .filter((op) => settled[op.id] !== undefined)
        .map((op) => ((settled[op.id] as number) - op.finishAt) / 1000)
        .sort((a, b) => a - b);
    const perProcess = groups.map((group, i) => {
      const out = outputs[i] as {
        settled: Record<string, number>;
        answered: number;
        cpuMs: number;
        peakRssMiB: number;
        finalRate?: number;
      };
      return {
        latencies: latencies(group, out.settled),
        answered: out.answered,
        cpuS: out.cpuMs / 1000,
        peakRssMiB: out.peakRssMiB,
        finalRate: out.finalRate,
      };
    });
    const all = perProcess.flatMap((p) => p.latencies).sort((a, b) => a - b);
    return {
      requests: polls.length,
      throttled: throttledIds.length,
      failed: outputs.reduce((sum, out) => sum + Number(out.failed ?? 0), 0),
      p50LatencyS: percentile(all, 0.5),
      p95LatencyS: percentile(all, 0.95),
      wallS,
      processes: perProcess.map(({ latencies: l, ...rest }) => ({ ...rest, p95LatencyS: percentile(l, 0.95) })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sim.close();
  }
}
