import type { Stats } from '../run.js';
import { floorWithFirstPollAfter, idOnlyCertificate } from './id-bound.js';
import { OPTIMAL_ROW } from './optimal.js';
import { DEFAULT_ID_ROW, DEFAULT_OBJECT_ROW } from './rows.js';
import type { PanelRow, PanelWorkloadResult } from './run.js';

/** How far above the DP optimum a unimodal workload may cost. */
export const MAX_RATIO_TO_OPTIMUM = 1.25;

const f2 = (x: number): string => x.toFixed(2);
const f1 = (x: number): string => x.toFixed(1);
const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)];
}
const cell = (s: Stats): string => `${f2(s.cost)} (${f1(s.p95LatencyS)})`;

function rowOf(result: PanelWorkloadResult, name: string): PanelRow {
  const row = result.rows.find((r) => r.name === name);
  if (row === undefined) throw new Error(`panel: no row ${name}`);
  return row;
}

function bestPeer(result: PanelWorkloadResult): PanelRow {
  return result.rows.filter((r) => r.kind === 'peer').reduce((a, b) => (b.stats.cost < a.stats.cost ? b : a));
}

/**
 * Short and late, given only the id: whether any first poll (fixed or random) can be at or below
 * the best peer on both, by the DP (bench/panel/id-bound.ts).
 */
function idTradeOff(results: readonly PanelWorkloadResult[]): string | undefined {
  const short = results.find((r) => r.workload.key === 'short');
  const late = results.find((r) => r.workload.key === 'late');
  if (short === undefined || late === undefined) return undefined;
  const [peerShort, peerLate] = [bestPeer(short), bestPeer(late)];
  const certificate = idOnlyCertificate(short, late, [peerShort.stats.cost, peerLate.stats.cost]);
  const both = `both short (${peerShort.name}, ${f2(peerShort.stats.cost)}) and late (${peerLate.name}, ${f2(peerLate.stats.cost)})`;
  if (certificate === undefined) return `- Some first poll given only the id could be at or below the best peer on ${both}, by the DP.`;
  const { lambda, floor, target } = certificate;
  return `- **No schedule given only the id can be at or below the best peer on ${both}**, whatever its first poll, fixed or random: before it, it cannot tell a fresh operation from one handed over. By the DP, for every first poll (to 50 ms), ${f2(lambda)} × short + ${f2(1 - lambda)} × late costs at least ${f2(floor)}, where the two peers come to ${f2(target)}.`;
}

/** The checks of issue #15 on every workload, as lines; `ok` is false when one fails. */
export function checkPanel(results: readonly PanelWorkloadResult[]): { ok: boolean; lines: string[]; likeForLike: string[] } {
  const lines: string[] = [];
  const likeForLike: string[] = [];
  let ok = true;
  for (const result of results) {
    const ours = rowOf(result, DEFAULT_OBJECT_ROW).stats;
    const byId = rowOf(result, DEFAULT_ID_ROW).stats;
    const floor = rowOf(result, OPTIMAL_ROW).stats;
    const peer = bestPeer(result);
    const belowPeer = ours.cost <= peer.stats.cost;
    const ratio = ours.cost / floor.cost;
    const nearOptimum = !result.workload.unimodal || ratio <= MAX_RATIO_TO_OPTIMUM;
    ok &&= belowPeer && nearOptimum;
    const optimum = result.workload.unimodal
      ? `; ${f2(ratio)} × the DP optimum ${f2(floor.cost)} (target <= ${MAX_RATIO_TO_OPTIMUM}: ${nearOptimum ? 'met' : '**missed**'})`
      : `; ${f2(ratio)} × the DP optimum ${f2(floor.cost)} (mixed workload: no ratio target)`;
    lines.push(
      `- ${belowPeer && nearOptimum ? 'Met' : '**Not met**'}, ${result.workload.key}: ours ${f2(ours.cost)} (p95 ${f1(ours.p95LatencyS)} s) vs the best peer, ${peer.name}, ${f2(peer.stats.cost)} (p95 ${f1(peer.stats.p95LatencyS)} s)${optimum}.`,
    );
    const idOk = byId.cost <= peer.stats.cost;
    let why = '';
    if (!idOk) {
      const atOnce = floorWithFirstPollAfter(result, 0);
      why =
        atOnce > peer.stats.cost
          ? ` (any schedule that polls at once, as ours does given an id, costs at least ${f2(atOnce)} here)`
          : ` (a schedule that polls at once could cost ${f2(atOnce)}: ours loses this one after its first poll)`;
    }
    likeForLike.push(
      `- ${idOk ? 'At or below' : '**Above**'} the best peer, ${result.workload.key}: ours given the id ${f2(byId.cost)} vs ${f2(peer.stats.cost)}${why}.`,
    );
  }
  const trade = idTradeOff(results);
  if (trade !== undefined) likeForLike.push(trade);
  return { ok, lines, likeForLike };
}

/** The panel as markdown: a summary per workload, every row on every workload, per-kind tables and the checks. */
export function formatPanel(results: readonly PanelWorkloadResult[], opsPerWorkload: number): string {
  const out: string[] = [];
  out.push(
    `**Panel of workloads** (${opsPerWorkload} operations each, ${
      results
        .filter((r) => (r.workload.opsFactor ?? 1) > 1)
        .map((r) => `${r.ops.length} for ${r.workload.key}`)
        .join(', ') || 'every one'
    }; stratified by kind and duration quantile; virtual time, no request latency; cost = latency s + 1 s per call; p95 = 95th percentile of the latency, s). The DP optimum is the Bayes-optimal schedule for each operation's exact distribution, type and age: the floor. Ours gets the object the create call returned (or only the id, like the peers); a resource waiter polls by name either way.`,
    '',
    ...table(
      ['workload', 'unimodal', 'DP optimum: exact / sampled', 'best peer', 'ours, object: cost (p95)', 'ours ÷ DP', 'ours, id: cost (p95)'],
      results.map((r) => {
        const peer = bestPeer(r);
        const ours = rowOf(r, DEFAULT_OBJECT_ROW).stats;
        const floor = rowOf(r, OPTIMAL_ROW).stats;
        return [
          r.workload.name,
          r.workload.unimodal ? 'yes' : 'no',
          `${f2(r.expectedFloor)} / ${f2(floor.cost)}`,
          `${peer.name}: ${cell(peer.stats)}`,
          `**${cell(ours)}**`,
          f2(ours.cost / floor.cost),
          cell(rowOf(r, DEFAULT_ID_ROW).stats),
        ];
      }),
    ),
    '',
    '**Every row on every workload** (cost (p95 latency s); below the line, variants of the default, each with one choice undone):',
    '',
  );
  const first = results[0];
  if (first !== undefined) {
    const names = first.rows.map((r) => r.name);
    const body = names.map((name) => [name, ...results.map((r) => cell(rowOf(r, name).stats))]);
    const split = first.rows.findIndex((r) => r.ablation);
    if (split > 0) body.splice(split, 0, ['*variants of the default*', ...results.map(() => '')]);
    out.push(...table(['row', ...results.map((r) => r.workload.key)], body));
  }
  for (const result of results.filter((r) => !r.workload.unimodal && r.workload.classes.length > 2)) {
    out.push('', `**${result.workload.name}, by kind** (cost (p95 s)):`, '');
    const kinds = [...rowOf(result, OPTIMAL_ROW).byKind.keys()];
    const peers = result.rows.filter((r) => r.kind === 'peer');
    out.push(
      ...table(
        ['kind', 'DP optimum', 'best peer', 'ours, object', 'ours ÷ DP'],
        kinds.map((kind) => {
          const floor = rowOf(result, OPTIMAL_ROW).byKind.get(kind) as Stats;
          const ours = rowOf(result, DEFAULT_OBJECT_ROW).byKind.get(kind) as Stats;
          const peer = peers
            .map((p) => ({ name: p.name, stats: p.byKind.get(kind) as Stats }))
            .reduce((a, b) => (b.stats.cost < a.stats.cost ? b : a));
          const ratio = floor.cost > 0 ? f2(ours.cost / floor.cost) : '–';
          return [kind, cell(floor), `${peer.name}: ${cell(peer.stats)}`, cell(ours), ratio];
        }),
      ),
    );
  }
  const checks = checkPanel(results);
  out.push(
    '',
    `**Targets (issue #15):** ours (default, given the object) at or below the best peer on every workload, and within ${MAX_RATIO_TO_OPTIMUM} × the DP optimum on each unimodal one.`,
    '',
    ...checks.lines,
    '',
    '**Like for like** (ours given only the id, as the peers are; not a target, reported beside it):',
    '',
    ...checks.likeForLike,
  );
  return `${out.join('\n')}\n`;
}
