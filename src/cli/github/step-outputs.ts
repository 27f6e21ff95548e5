import { randomUUID } from 'node:crypto';
import { publicIps, type RunSummary, summaryFields } from '../run-summary.js';

/**
 * The step outputs of a run, by name:
 * - `outcome`: how the command ended (`succeeded`, `failed`, `timeout`, `error`, `aborted`, `usage`, `internal`);
 * - `exit-code`: its exit code;
 * - `results`: the `--json` summary's `results`, as JSON (one object per input: id, outcome, last state…);
 * - `public-ips`: a JSON object of each instance whose wait succeeded with a public IP, by name
 *   (instance waiters only);
 * - `public-ip`: that address, when the command waited on one instance.
 * Pure.
 */
export function stepOutputs(summary: RunSummary): Record<string, string> {
  const outputs: Record<string, string> = {
    outcome: summary.outcome,
    'exit-code': String(summary.exitCode),
    results: JSON.stringify(summaryFields(summary).results),
  };
  const ips = publicIps(summary);
  const addresses = Object.values(ips);
  if (addresses.length > 0) outputs['public-ips'] = JSON.stringify(ips);
  if (summary.inputs.length === 1 && addresses.length === 1) outputs['public-ip'] = addresses[0] as string;
  return outputs;
}

/**
 * The text to append to `$GITHUB_OUTPUT`: each output in the multi-line form,
 * `name<<DELIMITER` / value / `DELIMITER`, with a delimiter the value does not contain (as
 * `@actions/core` writes them). Pure when `delimiter` is given.
 */
export function outputFileText(outputs: Readonly<Record<string, string>>, delimiter = `ghadelimiter_${randomUUID()}`): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      if (value.includes(delimiter) || name.includes(delimiter)) throw new Error(`the output ${name} holds its delimiter`);
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
}
