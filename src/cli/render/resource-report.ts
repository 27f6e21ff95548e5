import { deploymentReportDetails } from './deployment.js';
import { writeProblems } from './problems.js';
import type { ReportContext } from './report.js';
import { describeResourceRow } from './resource-describe.js';
import type { ResourceRow } from './resource-tracker.js';

/**
 * Writes the problems of a resource wait to standard error, in every output mode: one line per
 * resource that did not succeed, naming it, the waiter, the last state and the reason or AWS
 * error (for a failed container deployment, each container's log tail under it); after an
 * interruption, where each resource stood.
 */
export function writeResourceReport(rows: readonly ResourceRow[], elapsedMs: number, context: ReportContext): void {
  const lines = rows.map((row) => ({
    outcome: row.result?.outcome,
    text: describeResourceRow(row, context),
    details: deploymentReportDetails(row, context.redact),
  }));
  writeProblems(lines, elapsedMs, 'resource', context);
}
