import { randomUUID } from 'node:crypto';
import { publicIps, type RunSummary, summaryFields } from '../run-summary.js';
import { fitJson } from './output-size.js';

/**
 * The most bytes `results` and `public-ips` hold, counted as `outputBytes` counts them (UTF-8 or
 * UTF-16, the larger). GitHub: "Outputs can be a maximum of 1 MB per job. The total of all outputs
 * in a workflow run can be a maximum of 50 MB. Size is approximated based on UTF-16 encoding."
 * (GitHub Actions docs, "Passing information between jobs"). An output past it may be dropped or
 * fail the job; the two together stay under half of it, leaving the rest to the job's other outputs.
 */
export const OUTPUT_MAX_BYTES = Object.freeze({ results: 400_000, publicIps: 100_000 });

/**
 * The step outputs of a run, by name:
 * - `outcome`: how the command ended (`succeeded`, `failed`, `timeout`, `error`, `aborted`, `usage`, `internal`);
 * - `exit-code`: its exit code;
 * - `results`: the `--json` summary's `results`, as JSON (one object per input: id, outcome, last state…),
 *   in input order;
 * - `public-ips`: a JSON object of each instance whose wait succeeded with a public IP, by name
 *   (instance waiters only);
 * - `public-ip`: that address, when the command waited on one instance.
 *
 * `results` and `public-ips` stay under {@link OUTPUT_MAX_BYTES}. Past it, `results` keeps the
 * inputs that did not succeed before those that did (each in input order, as many as fit, written
 * in input order) and `results-truncated` is `true`, with `results-total` the number of inputs;
 * `public-ips` keeps the first instances that fit and `public-ips-truncated` is `true`. Both stay
 * valid JSON. Pure.
 */
export function stepOutputs(summary: RunSummary): Record<string, string> {
  const entries = summaryFields(summary).results as readonly unknown[];
  const results = fitJson(
    entries.map((entry) => JSON.stringify(entry)),
    '[]',
    OUTPUT_MAX_BYTES.results,
    failuresFirst(summary),
  );
  const outputs: Record<string, string> = {
    outcome: summary.outcome,
    'exit-code': String(summary.exitCode),
    results: results.text,
  };
  if (results.truncated) {
    outputs['results-truncated'] = 'true';
    outputs['results-total'] = String(entries.length);
  }
  const addresses = Object.entries(publicIps(summary));
  if (addresses.length > 0) {
    const ips = fitJson(
      addresses.map(([name, address]) => `${JSON.stringify(name)}:${JSON.stringify(address)}`),
      '{}',
      OUTPUT_MAX_BYTES.publicIps,
    );
    outputs['public-ips'] = ips.text;
    if (ips.truncated) outputs['public-ips-truncated'] = 'true';
  }
  if (summary.inputs.length === 1 && addresses.length === 1) outputs['public-ip'] = addresses[0]?.[1] as string;
  return outputs;
}

/** The indexes of the inputs, those that did not succeed first: what a workflow reading a cut `results` needs most. */
function failuresFirst(summary: RunSummary): number[] {
  const indexes = [...summary.inputs.keys()];
  const succeeded = (index: number) => summary.inputs[index]?.outcome === 'succeeded';
  return [...indexes.filter((index) => !succeeded(index)), ...indexes.filter(succeeded)];
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
