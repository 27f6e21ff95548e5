import { resolveWaitOptions } from '../src/engine/wait-options.js';
import { operationAwareBackoff } from '../src/index.js';
import { DEFAULT_ROW } from './implementations.js';
import type { RealtimeResult } from './realtime.js';
import type { BenchResult, ImplementationResult, Stats } from './run.js';
import { BUCKETS } from './workload.js';

const f1 = (x: number): string => x.toFixed(1);
const f2 = (x: number): string => x.toFixed(2);

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align?: readonly string[]): string[] {
  return [row(header), row(align ?? header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(row)];
}

/** A peer that beats `ours` on both calls and mean latency, if any. */
export function dominatingPeer(ours: Stats, peers: ReadonlyArray<{ name: string; stats: Stats }>): string | undefined {
  return peers.find(({ stats }) => stats.meanCalls < ours.meanCalls && stats.meanLatencyS < ours.meanLatencyS)?.name;
}

/** The checks against the targets, as lines of text; `ok` is false when one fails. */
export function checkTargets(result: BenchResult): { ok: boolean; lines: string[] } {
  const ours = result.rows.find((r) => r.name === DEFAULT_ROW);
  const peers = result.rows.filter((r) => r.kind === 'peer');
  if (ours === undefined || peers.length === 0)
    return { ok: true, lines: ['(targets not checked: the default row or the peers were not run)'] };
  const lines: string[] = [];
  const bestPeer = peers.reduce((a, b) => (b.all.cost < a.all.cost ? b : a));
  const lowest = ours.all.cost < bestPeer.all.cost;
  lines.push(
    `- ${lowest ? 'Met' : '**Not met**'}: lowest combined cost over the whole workload: ours (default) ${f2(ours.all.cost)} vs the best peer, ${bestPeer.name}, ${f2(bestPeer.all.cost)} (${f1((100 * (bestPeer.all.cost - ours.all.cost)) / bestPeer.all.cost)} % lower).`,
  );
  const beaten: string[] = [];
  for (const bucket of BUCKETS) {
    if (ours.buckets[bucket].ops === 0) continue;
    const by = dominatingPeer(
      ours.buckets[bucket],
      peers.map((p) => ({ name: p.name, stats: p.buckets[bucket] })),
    );
    if (by !== undefined) beaten.push(`${bucket} (by ${by})`);
  }
  lines.push(
    beaten.length === 0
      ? '- Met: in no duration bucket does any peer make both fewer calls and a lower mean latency than ours (default).'
      : `- **Not met**: a peer makes both fewer calls and a lower mean latency in: ${beaten.join(', ')}.`,
  );
  const done = ours.buckets['already done'];
  const peerMin = Math.min(...peers.map((p) => p.buckets['already done'].meanCalls));
  const zero = done.ops === 0 || done.meanCalls === 0;
  lines.push(
    `- ${zero ? 'Met' : '**Not met**'}: calls for operations already done when handed over: ours (default) ${f2(done.meanCalls)}, every peer >= ${f2(peerMin)}.`,
  );
  return { ok: lowest && beaten.length === 0 && zero, lines };
}

function summaryRow(r: ImplementationResult): string[] {
  return [
    r.kind === 'ours' && r.name === DEFAULT_ROW ? `**${r.name}**` : r.name,
    f2(r.all.meanCalls),
    f1(r.all.meanLatencyS),
    f1(r.all.p95LatencyS),
    `**${f2(r.all.cost)}**`,
    f2(r.byScenario['log-uniform'].cost),
    f2(r.byScenario.mix.cost),
    f2(r.byStart.fresh.cost),
    f2(r.byStart.late.cost),
  ];
}

/** The benchmark's results as markdown: whole workload, per bucket, target checks, real-time costs. */
export function formatReport(result: BenchResult, realtime?: RealtimeResult | string): string {
  const { workload, options, rows } = result;
  const count = (pred: (op: (typeof workload)[number]) => boolean): number => workload.filter(pred).length;
  const out: string[] = [];
  out.push(
    `Seed ${options.seed}, ${workload.length} operations: ${count((o) => o.scenario === 'log-uniform')} log-uniform 1 s–30 min, ` +
      `${count((o) => o.scenario === 'mix')} realistic mix (${count((o) => o.terminal)} returned already \`Succeeded\`); ` +
      `${count((o) => o.start === 'late')} waits start late (\`createdAt\` 1–10 min old). Virtual time, no request latency. ` +
      'Latency: seconds from the later of the finish and the wait start to the promise settling. Cost: `latency_s + calls × 1 s`, per operation.',
    '',
    '**Whole workload** (means per operation; cost also by scenario and start):',
    '',
    ...table(
      ['implementation', 'calls', 'latency (s)', 'p95 (s)', 'cost', 'cost log-uniform', 'cost mix', 'cost fresh', 'cost late'],
      rows.map(summaryRow),
    ),
    '',
    '**By duration** (each cell: calls / mean latency s / p95 latency s / **cost**):',
    '',
  );
  const header = ['implementation', ...BUCKETS.map((b) => `${b} (${count((o) => o.bucket === b)})`)];
  out.push(
    ...table(
      header,
      rows.map((r) => [
        r.name,
        ...BUCKETS.map((b) => {
          const s = r.buckets[b];
          return s.ops === 0 ? '–' : `${f1(s.meanCalls)} / ${f1(s.meanLatencyS)} / ${f1(s.p95LatencyS)} / **${f1(s.cost)}**`;
        }),
      ]),
    ),
  );
  const failures = rows.filter((r) => r.all.failures > 0).map((r) => `${r.name}: ${r.all.failures}`);
  if (failures.length > 0) out.push('', `Waits that failed or timed out (left out of latency): ${failures.join('; ')}.`);
  out.push('', '**Targets:**', '', ...checkTargets(result).lines);
  if (resolveWaitOptions({}).backoff !== operationAwareBackoff) {
    out.push(
      '',
      'Note: `src/options.ts` still defaults `backoff` to `exponentialBackoff`; the row "ours (default)" passes `operationAwareBackoff` with the default delays, i.e. the proposed default.',
    );
  }
  if (realtime !== undefined) out.push('', ...formatRealtime(realtime));
  return `${out.join('\n')}\n`;
}

function formatRealtime(realtime: RealtimeResult | string): string[] {
  if (typeof realtime === 'string') return [`**Real time against the simulator:** not measured (${realtime}).`];
  const r = realtime;
  const heap = r.heapPerWaitingWaiterBytes === undefined ? 'n/a (no GC access)' : `${f1(r.heapPerWaitingWaiterBytes / 1024)} KiB`;
  return [
    `**Real time against the simulator** (${r.waiters} of ours (default) at once through a real \`LightsailClient\`, the schedule compressed ${r.timeScale}×; whole process, so CPU includes the simulator's side of each request):`,
    '',
    ...table(
      [
        'polls',
        'polls per waiter',
        'wall (s)',
        'CPU per poll (user+sys)',
        'CPU per bare SDK call',
        'CPU per poll, in-memory client',
        'heap per waiting waiter (after GC)',
        'strategy per call',
      ],
      [
        [
          String(r.polls),
          f1(r.polls / r.waiters),
          f2(r.wallMs / 1000),
          `${f1(r.cpuUsPerPoll)} µs`,
          `${f1(r.cpuUsPerBareCall)} µs`,
          `${f1(r.cpuUsPerStubPoll)} µs`,
          heap,
          `${f2(r.strategyUsPerCall)} µs`,
        ],
      ],
    ),
  ];
}
