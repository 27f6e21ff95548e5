import { GetOperationCommand } from '@aws-sdk/client-lightsail';
import type { Implementation } from '../implementations.js';
import type { Dist } from './distributions.js';
import { OptimalSchedule } from './dp.js';
import type { PanelOp } from './generate.js';

const solved = new Map<Dist, OptimalSchedule>();

/** The dynamic program for a distribution, solved once. */
export function optimalFor(dist: Dist): OptimalSchedule {
  let schedule = solved.get(dist);
  if (schedule === undefined) {
    schedule = new OptimalSchedule(dist);
    solved.set(dist, schedule);
  }
  return schedule;
}

/** The expected cost of the optimal schedule for one operation (0 when handed over already done). */
export function expectedOptimalCost(op: PanelOp): number {
  return op.terminal ? 0 : optimalFor(op.kind.dist).plan(op.ageS).expectedCost;
}

/**
 * The floor: the Bayes-optimal schedule for each operation's exact duration distribution, its
 * type and its age (what the workload generator knows), polling at the planned ages. Handed an
 * operation already done, it spends no call, as ours does.
 */
export const OPTIMAL_ROW = 'DP optimum (floor)';
export const optimal: Implementation = {
  name: OPTIMAL_ROW,
  kind: 'ours',
  async wait(op, { client, time }) {
    const panelOp = op as PanelOp;
    if (panelOp.terminal) return undefined;
    for (const age of optimalFor(panelOp.kind.dist).plan(panelOp.ageS).polls) {
      const delay = op.createdAt + age * 1000 - time.now();
      if (delay > 0) await new Promise<void>((resolve) => time.setTimeout(() => resolve(), delay));
      const { operation } = await client.send(new GetOperationCommand({ operationId: op.id }));
      if (operation?.status === 'Succeeded') return operation;
    }
    throw new Error(`the optimal schedule for ${op.id} ended before the operation did`);
  },
};
