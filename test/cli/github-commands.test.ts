/**
 * The GitHub Actions pieces, pure: workflow command escaping, the annotations of a run, the job
 * summary's markdown and the `$GITHUB_OUTPUT` text.
 */
import { describe, expect, it } from 'vitest';
import { cell, jobSummary } from '../../src/cli/github/job-summary.js';
import { annotations } from '../../src/cli/github/report.js';
import { outputFileText, stepOutputs } from '../../src/cli/github/step-outputs.js';
import { commandSafe, escapeData, escapeProperty, isGitHubActions, workflowCommand } from '../../src/cli/github/workflow-commands.js';
import type { InputSummary, RunSummary } from '../../src/cli/run-summary.js';
import { parseOutputFile } from '../examples/github-files.js';

const input = (fields: Partial<InputSummary> & Pick<InputSummary, 'id' | 'outcome'>): InputSummary => ({
  label: `instance ${fields.id}`,
  state: 'running',
  problem: null,
  message: `instance ${fields.id} (instance-running): running`,
  details: [],
  publicIp: null,
  fields: { waiter: 'instance-running', target: fields.id, outcome: fields.outcome, elapsedMs: 1500 },
  ...fields,
});

const summary = (inputs: InputSummary[], fields: Partial<RunSummary> = {}): RunSummary => ({
  mode: 'resources',
  waiter: 'instance-running',
  exitCode: inputs.every((i) => i.outcome === 'succeeded') ? 0 : 1,
  outcome: inputs.every((i) => i.outcome === 'succeeded') ? 'succeeded' : 'failed',
  elapsedMs: 2000,
  inputs,
  message: null,
  requests: null,
  ...fields,
});

const failed = (id: string) =>
  input({ id, outcome: 'failed', state: 'terminated', problem: 'failed in state terminated', message: `instance ${id} failed: gone` });

describe('workflow commands', () => {
  it.each([
    ['100%', '100%25'],
    ['a\nb', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['%0A', '%250A'],
    ['a: b, c', 'a: b, c'],
  ])('escapes the message %j as %j', (text, escaped) => {
    expect(escapeData(text)).toBe(escaped);
  });

  it.each([
    ['web-1: NotFound', 'web-1%3A NotFound'],
    ['a, b', 'a%2C b'],
    ['50%\n', '50%25%0A'],
  ])('escapes the property %j as %j', (text, escaped) => {
    expect(escapeProperty(text)).toBe(escaped);
  });

  it('writes one line: the command, its properties, the message', () => {
    expect(workflowCommand('error', { title: 'disk-1: E', file: '' }, 'two\nlines')).toBe('::error title=disk-1%3A E::two%0Alines\n');
    expect(workflowCommand('endgroup', {}, '')).toBe('::endgroup::\n');
  });

  it.each([
    ['true', true],
    ['false', false],
    [undefined, false],
    ['1', false],
  ])('GITHUB_ACTIONS=%s is GitHub Actions: %s', (value, expected) => {
    expect(isGitHubActions({ GITHUB_ACTIONS: value })).toBe(expected);
  });
});

describe('annotations', () => {
  it('annotates each input that did not succeed, titled with it and its problem; a deployment log tail under the message', () => {
    const deployment = input({
      id: 'api',
      label: 'container service api deployment 3',
      outcome: 'failed',
      problem: 'failed in state FAILED',
      message: 'container service api deployment 3 failed',
      details: ['container web, log (1 line):', '  Error: boom'],
    });
    expect(annotations(summary([input({ id: 'web-1', outcome: 'succeeded' }), deployment]))).toEqual([
      '::error title=container service api deployment 3%3A failed in state FAILED::container service api deployment 3 failed%0Acontainer web, log (1 line):%0A  Error: boom\n',
    ]);
  });

  it('annotates the run once when it was interrupted or ended outside any input', () => {
    const waiting = input({ id: 'web-1', outcome: 'aborted' });
    expect(annotations(summary([waiting], { exitCode: 130, outcome: 'aborted' }))).toEqual([
      '::error title=lightsail-wait%3A interrupted::interrupted after 2s; 1 still waiting\n',
    ]);
    expect(annotations(summary([], { exitCode: 4, outcome: 'error', message: 'Lightsail resource nope-1 does not exist' }))).toEqual([
      '::error title=lightsail-wait%3A AWS error::Lightsail resource nope-1 does not exist\n',
    ]);
  });

  it('warns once when Lightsail throttled over 2 % of the requests, saying what to do about parallel jobs', () => {
    const throttled = { sent: 840, throttled: 30, requestsPerSecond: 8.04 };
    expect(annotations(summary([input({ id: 'web-1', outcome: 'succeeded' })], { requests: throttled }))).toEqual([
      '::warning title=lightsail-wait%3A throttled::Lightsail throttled 30 of 840 requests; the pace ended at 8 a second. ' +
        'Jobs that wait in parallel on one account share its limit: give each its part with --max-rps.\n',
    ]);
    // The adaptive pace meets the limit now and then by design: 2 % or less is no warning.
    for (const count of [0, 12, 16]) {
      expect(
        annotations(summary([input({ id: 'web-1', outcome: 'succeeded' })], { requests: { ...throttled, throttled: count } })),
      ).toEqual([]);
    }
  });

  it('writes at most 10 (what GitHub shows of a step), the last counting the rest', () => {
    const lines = annotations(summary(Array.from({ length: 15 }, (_, i) => failed(`web-${i}`))));
    expect(lines).toHaveLength(10);
    expect(lines.at(-1)).toBe('::error title=lightsail-wait%3A failed::6 more did not succeed: see the job summary\n');
  });
});

describe('the job summary', () => {
  it('is a heading with the counts, a row per input and the exit code', () => {
    const web1 = input({ id: 'web-1', outcome: 'succeeded', publicIp: { instanceName: 'web-1', address: '198.51.100.7' } });
    expect(jobSummary(summary([web1, failed('web-2')]))).toBe(
      [
        '### ❌ lightsail-wait instance-running: 2 resources: 1 succeeded, 1 failed (2s)',
        '',
        '| | Resource | Outcome | State | Elapsed | Details |',
        '| --- | --- | --- | --- | --- | --- |',
        '| ✅ | instance web-1 | succeeded | running | 1.5s | 198.51.100.7 |',
        '| ❌ | instance web-2 | failed | terminated | 1.5s | instance web-2 failed: gone |',
        '',
        'Exit code 1 (failed).',
        '',
        '',
      ].join('\n'),
    );
  });

  it('says when Lightsail throttled over 2 % of the requests', () => {
    const text = jobSummary(
      summary([], { mode: 'operations', waiter: null, requests: { sent: 40, throttled: 2, requestsPerSecond: 6.4 } }),
    );
    expect(text).toBe(
      '### ✅ lightsail-wait: nothing pending (2s)\n\n' +
        '⚠️ Lightsail throttled 2 of 40 requests; the pace ended at 6.4 a second. Jobs that wait in parallel on one account share ' +
        'its limit: give each its part with --max-rps.\n\nExit code 0 (succeeded).\n\n',
    );
  });

  it('stays under GitHub 1 MiB however long the text of its 200 rows, counting the rows left out', () => {
    // 500 characters of `&` each become `&amp;`: 200 such rows would make about 1.5 MB.
    const inputs = Array.from({ length: 300 }, (_, i) => ({ ...failed(`web-${i}`), message: '&'.repeat(2_000) }));
    const text = jobSummary(summary(inputs));
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(1024 * 1024);
    const rows = text.split('\n').filter((line) => line.startsWith('| ❌'));
    expect(rows.length).toBeGreaterThan(0);
    expect(text).toContain(`…and ${300 - rows.length} more (see the step's log).`);
  });

  it('says when nothing was pending', () => {
    expect(jobSummary(summary([], { mode: 'operations', waiter: null }))).toBe(
      '### ✅ lightsail-wait: nothing pending (2s)\n\nExit code 0 (succeeded).\n\n',
    );
  });

  it.each([
    ['a | b', 'a \\| b'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[link](http://evil)', '\\[link\\](http://evil)'],
    ['**bold** `code` _em_', '\\*\\*bold\\*\\* \\`code\\` \\_em\\_'],
    ['two\nlines', 'two lines'],
    ['shutting-down\u202eevil', 'shutting-down evil'],
    ['a\u2066b\u2069c', 'a b c'],
  ])('makes %j inert in a cell: %j', (text, escaped) => {
    expect(cell(text)).toBe(escaped);
  });
});

describe('the step outputs', () => {
  it('are the outcome, the exit code, the results, and the public IP of one instance', () => {
    const outputs = stepOutputs(
      summary([input({ id: 'web-1', outcome: 'succeeded', publicIp: { instanceName: 'web-1', address: '198.51.100.7' } })]),
    );
    expect(outputs).toEqual({
      outcome: 'succeeded',
      'exit-code': '0',
      results: JSON.stringify([{ id: 'web-1', waiter: 'instance-running', target: 'web-1', outcome: 'succeeded', elapsedMs: 1500 }]),
      'public-ips': '{"web-1":"198.51.100.7"}',
      'public-ip': '198.51.100.7',
    });
  });

  it('give a map of public IPs, without public-ip, for several instances; none for those that failed', () => {
    const outputs = stepOutputs(
      summary([
        input({ id: 'web-1', outcome: 'succeeded', publicIp: { instanceName: 'web-1', address: '198.51.100.7' } }),
        input({ id: 'web-2', outcome: 'succeeded', publicIp: { instanceName: 'web-2', address: '198.51.100.8' } }),
        { ...failed('web-3'), publicIp: { instanceName: 'web-3', address: '198.51.100.9' } },
      ]),
    );
    expect(outputs['public-ips']).toBe('{"web-1":"198.51.100.7","web-2":"198.51.100.8"}');
    expect(outputs).not.toHaveProperty('public-ip');
  });

  it('key public-ips by instance name for instance-port-open, whose target is name:port', () => {
    const outputs = stepOutputs(
      summary([input({ id: 'web-1:22', outcome: 'succeeded', publicIp: { instanceName: 'web-1', address: '198.51.100.7' } })]),
    );
    expect(outputs['public-ips']).toBe('{"web-1":"198.51.100.7"}');
  });

  it('are written in the delimiter form, which reads back exactly, new lines included', () => {
    const outputs = { outcome: 'failed', message: 'two\nlines' };
    const text = outputFileText(outputs, 'EOF_1');
    expect(text).toBe('outcome<<EOF_1\nfailed\nEOF_1\nmessage<<EOF_1\ntwo\nlines\nEOF_1\n');
    expect(parseOutputFile(text)).toEqual(outputs);
    expect(parseOutputFile(outputFileText(outputs))).toEqual(outputs);
    expect(() => outputFileText({ x: 'EOF_1' }, 'EOF_1')).toThrow(/delimiter/);
  });
});

describe('commandSafe', () => {
  const sink = () => {
    const writes: string[] = [];
    return { writes, out: { write: (text: string) => writes.push(text) } };
  };

  it('under GitHub Actions, turns workflow commands off around every write of outside text', () => {
    const { writes, out } = sink();
    const tokens = ['t1', 't2'];
    const safe = commandSafe(out, { GITHUB_ACTIONS: 'true' }, () => tokens.shift() as string);
    safe.write('    web: ::add-mask::hunter2\n');
    safe.write('::error::forged');
    expect(writes).toEqual([
      '::stop-commands::t1\n    web: ::add-mask::hunter2\n::t1::\n',
      '::stop-commands::t2\n::error::forged\n::t2::\n',
    ]);
  });

  it('uses a fresh unguessable token each time', () => {
    const { writes, out } = sink();
    const safe = commandSafe(out, { GITHUB_ACTIONS: 'true' });
    safe.write('a\n');
    safe.write('b\n');
    const [first, second] = writes.map((w) => /^::stop-commands::([\w-]{20,})\n/.exec(w)?.[1]);
    expect(first).toBeDefined();
    expect(first).not.toBe(second);
  });

  it('elsewhere, is the stream itself', () => {
    const { out } = sink();
    expect(commandSafe(out, {})).toBe(out);
    expect(commandSafe(out, { GITHUB_ACTIONS: 'false' })).toBe(out);
  });
});
