import type { Implementation } from '../implementations.js';
import { runImplementation, type Stats, summarize, WAIT_START } from '../run.js';
import { makePanelOps, type PanelOp } from './generate.js';
import { expectedOptimalCost } from './optimal.js';
import { panelRows } from './rows.js';
import { PANEL, type PanelWorkload } from './workloads.js';

/** One row on one workload: over all its operations, and by kind (operation type or resource waiter). */
export interface PanelRow {
  readonly name: string;
  readonly kind: 'peer' | 'ours';
  readonly ablation: boolean;
  readonly stats: Stats;
  readonly byKind: ReadonlyMap<string, Stats>;
}

export interface PanelWorkloadResult {
  readonly workload: PanelWorkload;
  readonly ops: readonly PanelOp[];
  /** The optimal schedule's expected cost, exactly (no sampling), averaged over the operations. */
  readonly expectedFloor: number;
  readonly rows: readonly PanelRow[];
}

/** How a kind of operation is named in per-kind tables. */
export function kindLabel(op: PanelOp): string {
  return op.kind.resourceWaiter ?? (op.kind.terminal ? 'returned done' : (op.kind.operationType ?? 'untyped'));
}

/** Every panel workload through every row, in virtual time; `ops` operations per workload. */
export async function runPanel(options: {
  seed: number;
  ops: number;
  ablations?: boolean;
  only?: readonly string[];
}): Promise<PanelWorkloadResult[]> {
  const { main, ablations } = panelRows();
  const rows: Array<[Implementation, boolean]> = [...main.map((r) => [r, false] as [Implementation, boolean])];
  if (options.ablations !== false) rows.push(...ablations.map((r) => [r, true] as [Implementation, boolean]));
  const out: PanelWorkloadResult[] = [];
  for (const workload of PANEL) {
    if (options.only !== undefined && !options.only.some((name) => workload.name.includes(name))) continue;
    const ops = makePanelOps(workload, options.ops * (workload.opsFactor ?? 1), options.seed, WAIT_START);
    const expectedFloor = ops.reduce((sum, op) => sum + expectedOptimalCost(op), 0) / ops.length;
    const results: PanelRow[] = [];
    for (const [impl, ablation] of rows) {
      const perOp = await runImplementation(impl, ops, options.seed);
      const byKind = new Map<string, Stats>();
      for (const label of new Set(ops.map(kindLabel))) {
        byKind.set(label, summarize(perOp.filter((r) => kindLabel(r.op as PanelOp) === label)));
      }
      results.push({ name: impl.name, kind: impl.kind, ablation, stats: summarize(perOp), byKind });
    }
    out.push({ workload, ops, expectedFloor, rows: results });
  }
  return out;
}
