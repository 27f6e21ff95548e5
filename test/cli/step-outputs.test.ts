/**
 * The step outputs stay under GitHub's output limit ("Outputs can be a maximum of 1 MB per job …
 * Size is approximated based on UTF-16 encoding"), whatever the number of waits: `results` and
 * `public-ips` are cut, flagged and still JSON; small runs are as they were.
 */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { fitJson, outputBytes } from '../../src/cli/github/output-size.js';
import { OUTPUT_MAX_BYTES, outputFileText, stepOutputs } from '../../src/cli/github/step-outputs.js';
import { LIMITS } from '../../src/cli/limits.js';
import type { InputSummary, RunSummary } from '../../src/cli/run-summary.js';
import { parseOutputFile } from '../examples/github-files.js';

/** GitHub's limit for a job's outputs together: 1 MB, read as the smaller of 10^6 and 2^20. */
const GITHUB_JOB_OUTPUTS_BYTES = 1_000_000;

const operation = (index: number, outcome: 'succeeded' | 'failed', details = 'The disk could not be attached'): InputSummary => {
  const operationId = `0d5d7b4f-8e2c-4b1a-9c3d-${String(index).padStart(12, '0')}`;
  const failed = outcome === 'failed';
  return {
    id: operationId,
    label: `AttachDisk of disk-${index}`,
    outcome,
    state: failed ? 'Failed' : 'Succeeded',
    problem: failed ? 'DiskAttachFailure' : null,
    message: failed ? `AttachDisk of disk-${index} failed: DiskAttachFailure: ${details}` : `AttachDisk of disk-${index}: Succeeded`,
    details: [],
    publicIp: null,
    fields: {
      operationId,
      outcome,
      status: failed ? 'Failed' : 'Succeeded',
      resourceName: `disk-${index}`,
      operationType: 'AttachDisk',
      elapsedMs: 61_234,
      ...(failed
        ? { errorCode: 'DiskAttachFailure', errorDetails: details, message: `AttachDisk of disk-${index} failed: ${details}` }
        : {}),
    },
  };
};

const instance = (index: number, name = `web-${index}`): InputSummary => ({
  id: name,
  label: `instance ${name}`,
  outcome: 'succeeded',
  state: 'running',
  problem: null,
  message: `instance ${name} (instance-running): running`,
  details: [],
  publicIp: { instanceName: name, address: `198.51.${Math.floor(index / 256) % 256}.${index % 256}` },
  fields: { waiter: 'instance-running', target: name, outcome: 'succeeded', state: 'running', publicIp: '198.51.100.7', elapsedMs: 21_621 },
});

const summary = (inputs: InputSummary[], mode: RunSummary['mode'] = 'operations'): RunSummary => ({
  mode,
  waiter: mode === 'resources' ? 'instance-running' : null,
  exitCode: inputs.every((input) => input.outcome === 'succeeded') ? 0 : 1,
  outcome: inputs.every((input) => input.outcome === 'succeeded') ? 'succeeded' : 'failed',
  elapsedMs: 90_000,
  inputs,
  message: null,
  requests: { sent: 20_000, throttled: 0, requestsPerSecond: 10 },
});

const times = <T>(count: number, make: (index: number) => T): T[] => Array.from({ length: count }, (_, index) => make(index));

/** Every output under its cap in UTF-8 bytes and in GitHub's UTF-16 count, and all of them under half of GitHub's limit. */
function expectUnderTheLimit(outputs: Record<string, string>): void {
  const caps: Record<string, number> = { results: OUTPUT_MAX_BYTES.results, 'public-ips': OUTPUT_MAX_BYTES.publicIps };
  for (const [name, value] of Object.entries(outputs)) {
    const cap = caps[name] ?? 100;
    expect(Buffer.byteLength(value, 'utf8'), name).toBeLessThanOrEqual(cap);
    expect(value.length * 2, name).toBeLessThanOrEqual(cap);
  }
  const total = Object.values(outputs).reduce((sum, value) => sum + outputBytes(value), 0);
  expect(total).toBeLessThan(GITHUB_JOB_OUTPUTS_BYTES / 2 + 1_000);
}

const idsOf = (results: string): string[] => (JSON.parse(results) as { id: string }[]).map((entry) => entry.id);

describe('outputBytes', () => {
  it.each([
    ['', 0],
    ['abc', 6],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['€€ab', 8],
  ])('counts %j as %i bytes, the larger of UTF-8 and UTF-16', (text, bytes) => {
    expect(outputBytes(text)).toBe(bytes);
  });
});

describe('fitJson', () => {
  it.each([
    [20, undefined, '[1,22,333]', false],
    [19, undefined, '[1,22]', true],
    [11, undefined, '[1]', true],
    [4, undefined, '[]', true],
    [14, [2, 0, 1], '[1,333]', true],
    [13, [2, 0, 1], '[333]', true],
  ])('keeps under %i bytes, in the order %j: %s', (maxBytes, priority, text, truncated) => {
    const fitted = fitJson(['1', '22', '333'], '[]', maxBytes, priority);
    expect(fitted).toEqual({ text, kept: JSON.parse(text).length, truncated });
  });

  it('stops at the first member that does not fit, so what it keeps is a prefix of the order', () => {
    expect(fitJson(['1', '"a long member"', '2'], '[]', 20).text).toBe('[1]');
  });

  it('writes an object from "key":value members', () => {
    const members = ['"web-1":"198.51.100.7"', '"web-2":"198.51.100.8"'];
    expect(fitJson(members, '{}', 1_000)).toEqual({ text: '{"web-1":"198.51.100.7","web-2":"198.51.100.8"}', kept: 2, truncated: false });
    expect(JSON.parse(fitJson(members, '{}', 60).text)).toEqual({ 'web-1': '198.51.100.7' });
  });
});

describe('the step outputs of a large run', () => {
  it(`stay under the limit for ${LIMITS.waits} operations, with results cut, flagged and still JSON`, () => {
    const inputs = times(LIMITS.waits, (index) => operation(index, index % 100 === 99 ? 'failed' : 'succeeded'));
    const outputs = stepOutputs(summary(inputs));
    expectUnderTheLimit(outputs);
    expect(outputs['results-truncated']).toBe('true');
    expect(outputs['results-total']).toBe(String(LIMITS.waits));
    expect(outputs).not.toHaveProperty('public-ips');
    const ids = idsOf(outputs.results as string);
    expect(ids.length).toBeGreaterThan(500);
    expect(ids.length).toBeLessThan(LIMITS.waits);
    // Every failure is kept, then the first successes that fit, all in input order.
    const failures = inputs.filter((input) => input.outcome === 'failed').map((input) => input.id);
    const successes = inputs.filter((input) => input.outcome === 'succeeded').map((input) => input.id);
    const kept = new Set(ids);
    expect(failures.every((id) => kept.has(id))).toBe(true);
    expect(successes.filter((id) => kept.has(id))).toEqual(successes.slice(0, ids.length - failures.length));
    expect(ids).toEqual(inputs.map((input) => input.id).filter((id) => kept.has(id)));
  });

  it('keep the first failures that fit, in input order, when more failed than fit', () => {
    const inputs = times(LIMITS.waits, (index) => operation(index, 'failed', `${'The disk could not be attached. '.repeat(10)}#${index}`));
    const outputs = stepOutputs(summary(inputs));
    expectUnderTheLimit(outputs);
    const ids = idsOf(outputs.results as string);
    expect(ids).toEqual(inputs.slice(0, ids.length).map((input) => input.id));
    expect(outputs['results-truncated']).toBe('true');
  });

  it('count UTF-8 bytes where they outnumber UTF-16 ones (text from Lightsail in other scripts)', () => {
    const inputs = times(LIMITS.waits, (index) => operation(index, 'failed', '磁盘无法连接'.repeat(100)));
    const outputs = stepOutputs(summary(inputs));
    expect(Buffer.byteLength(outputs.results as string, 'utf8')).toBeGreaterThan((outputs.results as string).length * 2);
    expectUnderTheLimit(outputs);
    expect(JSON.parse(outputs.results as string)).not.toHaveLength(0);
  });

  it('give an empty results array, flagged, when not even one result fits', () => {
    const outputs = stepOutputs(summary([operation(1, 'failed', 'x'.repeat(OUTPUT_MAX_BYTES.results))]));
    expectUnderTheLimit(outputs);
    expect(outputs).toMatchObject({ results: '[]', 'results-truncated': 'true', 'results-total': '1' });
  });

  it(`keep public-ips under the limit for ${LIMITS.waits} instances: the first that fit, flagged, still a JSON object`, () => {
    const inputs = times(LIMITS.waits, (index) => instance(index, `web-server-${String(index).padStart(5, '0')}-${'x'.repeat(40)}`));
    const outputs = stepOutputs(summary(inputs, 'resources'));
    expectUnderTheLimit(outputs);
    expect(outputs['public-ips-truncated']).toBe('true');
    const names = Object.keys(JSON.parse(outputs['public-ips'] as string) as Record<string, string>);
    expect(names.length).toBeGreaterThan(100);
    expect(names).toEqual(inputs.slice(0, names.length).map((input) => input.id));
    expect(outputs['results-truncated']).toBe('true');
    expect(outputs).not.toHaveProperty('public-ip');
  });

  it('are written to $GITHUB_OUTPUT in a form that reads back exactly', () => {
    const outputs = stepOutputs(summary(times(LIMITS.waits, (index) => operation(index, index % 3 === 0 ? 'failed' : 'succeeded'))));
    expect(parseOutputFile(outputFileText(outputs))).toEqual(outputs);
  });
});

describe('the step outputs of a small run', () => {
  it('are the whole results and public IPs, with no truncation outputs', () => {
    const inputs = [instance(1), instance(2), { ...operation(3, 'failed'), id: 'web-3', publicIp: null }];
    const outputs = stepOutputs(summary(inputs, 'resources'));
    expect(outputs).toEqual({
      outcome: 'failed',
      'exit-code': '1',
      results: JSON.stringify(inputs.map((input) => ({ id: input.id, ...input.fields }))),
      'public-ips': '{"web-1":"198.51.0.1","web-2":"198.51.0.2"}',
    });
  });

  it(`are whole for ${LIMITS.waits / 20} operations (about 100 KB of results)`, () => {
    const inputs = times(LIMITS.waits / 20, (index) => operation(index, index % 10 === 0 ? 'failed' : 'succeeded'));
    const outputs = stepOutputs(summary(inputs));
    expect(Object.keys(outputs)).toEqual(['outcome', 'exit-code', 'results']);
    expect(outputs.results).toBe(JSON.stringify(inputs.map((input) => ({ id: input.id, ...input.fields }))));
  });
});
