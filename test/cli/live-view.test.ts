import { describe, expect, it } from 'vitest';
import { painter } from '../../src/cli/color.js';
import { liveFrame } from '../../src/cli/render/live-frame.js';
import { type ViewRow, viewLines } from '../../src/cli/render/view-row.js';
import { run } from '../../src/cli/run.js';
import type { ResultOutcome } from '../../src/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { op, type Reply, scriptedClient } from '../helpers/stub-client.js';
import { testIO } from './helpers.js';
import { instance, type ResourceReply, resourceClient } from './resource-stub.js';
import { Screen } from './screen.js';

const plain = painter(false);

/** Runs the CLI in virtual time on a terminal of the given size; records the screen after every write. */
async function runOnScreen(argv: string[], client: unknown, size: { rows: number; columns: number }) {
  const clock = new FakeClock();
  const t = testIO({ client: client as never, clock, stdoutTTY: true, env: { NO_COLOR: '1' } });
  Object.assign(t.stdout, size);
  const screen = new Screen();
  const frames: string[][] = [];
  t.stdout.onWrite = (chunk) => {
    screen.write(chunk);
    frames.push(screen.text);
  };
  const { value, error } = await clock.run(run(['--max-delay', '1s', '--max-rps', '1000', ...argv], t.io));
  if (error !== undefined) throw error;
  return { ...t, code: value as number, screen, frames, clock };
}

const row = (name: string, outcome: ResultOutcome | undefined, status = outcome === undefined ? 'Started' : outcome): ViewRow => ({
  name,
  kind: 'CreateInstance',
  status,
  outcome,
  elapsedMs: 3_000,
});

describe('liveFrame', () => {
  it('shows every row, without a header, when they all fit', () => {
    const frame = liveFrame([row('web-1', undefined), row('web-2', 'succeeded')], { rows: 3, columns: 80 }, plain);
    expect(frame).toEqual({
      text: ['…  web-1  CreateInstance  Started    3s', '✔  web-2  CreateInstance  succeeded  3s'].join('\n'),
      partial: false,
    });
  });

  it('shows a count, what fits and "+N more" in a small terminal: 25 rows in 8 lines', () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(`host-${i + 1}`, i < 3 ? 'succeeded' : undefined));
    const frame = liveFrame(rows, { rows: 8, columns: 80 }, plain);
    expect(frame.partial).toBe(true);
    // log-update keeps the terminal's last line for the cursor: 7 lines.
    expect(frame.text.split('\n')).toEqual([
      '3/25 done: 3 succeeded',
      '…  host-4  CreateInstance  Started  3s',
      '…  host-5  CreateInstance  Started  3s',
      '…  host-6  CreateInstance  Started  3s',
      '…  host-7  CreateInstance  Started  3s',
      '…  host-8  CreateInstance  Started  3s',
      '+20 more: 3 succeeded, 17 waiting',
    ]);
  });

  it('shows failed rows first, then waiting ones, then succeeded ones, each in input order', () => {
    const rows = [
      row('ok-1', 'succeeded'),
      row('run-1', undefined),
      row('bad-1', 'failed'),
      row('ok-2', 'succeeded'),
      row('late-1', 'timeout', 'Started, timed out'),
      row('run-2', undefined),
      row('run-3', undefined),
    ];
    const lines = liveFrame(rows, { rows: 6, columns: 80 }, plain).text.split('\n');
    expect(lines.map((line) => line.split(/\s+/)[1])).toEqual(['done:', 'run-1', 'bad-1', 'late-1', 'more:']);
    // The final line's words: a timeout is not counted as failed.
    expect(lines[0]).toBe('4/7 done: 2 succeeded, 1 failed, 1 timed out');
    expect(lines.at(-1)).toBe('+4 more: 2 succeeded, 2 waiting');
  });

  it('cuts every line to the width of the terminal, so that none wraps', () => {
    const rows = [row('a-very-long-resource-name-indeed', undefined), row('short', 'succeeded')];
    const frame = liveFrame(rows, { rows: 24, columns: 30 }, plain);
    expect(frame.text.split('\n')).toEqual(['…  a-very-long-resource-name-…', '✔  short…']);
    expect(frame.partial).toBe(true);
  });

  it('keeps to the header in a terminal of two lines', () => {
    expect(liveFrame([row('a', undefined), row('b', 'failed')], { rows: 2, columns: 80 }, plain)).toEqual({
      text: '1/2 done: 1 failed',
      partial: true,
    });
  });
});

describe('viewLines', () => {
  it('keeps the colors of the parts it keeps when it cuts a line', () => {
    const paint = (style: string, text: string) => `<${style}>${text}</${style}>`;
    const [line] = viewLines([row('web-1', 'succeeded')], paint, 22);
    expect(line).toBe('<green>✔</green>  web-1  CreateInsta…');
  });
});

describe('the operations live view on a small terminal', () => {
  const ids = Array.from({ length: 25 }, (_, i) => `op-${String(i + 1).padStart(2, '0')}`);
  const scripts: Record<string, Reply[]> = {};
  ids.forEach((id, i) => {
    const fields = { resourceName: `host-${i + 1}` };
    // host-i finishes after (i % 5) + 1 more polls; host-13 fails.
    const started = Array.from({ length: (i % 5) + 1 }, () => op('Started', fields));
    scripts[id] = [...started, op(i === 12 ? 'Failed' : 'Succeeded', fields)];
  });

  it('keeps a count and "+N more" in view, then leaves every row and the summary on the screen', async () => {
    const { frames, screen, code } = await runOnScreen(ids, scriptedClient(scripts), { rows: 8, columns: 100 });
    expect(code).toBe(1);
    // The last three writes: log-update clearing its frame, the whole list, the summary.
    expect(frames.at(-3)).toEqual([]);
    const live = frames.slice(0, -3);
    for (const frame of live) expect(frame.length).toBeLessThanOrEqual(7);
    expect(live[0]).toEqual([
      '0/25 done',
      '…  op-01    waiting  0s',
      '…  op-02    waiting  0s',
      '…  op-03    waiting  0s',
      '…  op-04    waiting  0s',
      '…  op-05    waiting  0s',
      '+20 more: 20 waiting',
    ]);
    // Once host-13 has failed, it stays in view.
    const failedAt = live.findIndex((frame) => frame.some((line) => line.includes('host-13')) && frame[0]?.includes('failed'));
    expect(failedAt).toBeGreaterThan(0);
    for (const frame of live.slice(failedAt))
      expect(frame).toContainEqual(expect.stringMatching(/^✖ {2}host-13 +CreateInstance {2}Failed/));
    expect(screen.text).toHaveLength(26);
    expect(screen.text.slice(0, 25).map((line) => line.split(/\s+/).slice(0, 2))).toEqual(
      ids.map((_, i) => [i === 12 ? '✖' : '✔', `host-${i + 1}`]),
    );
    expect(screen.text[25]).toBe('25 operations: 24 succeeded, 1 failed (5s)');
  });

  it('never shows a final status as still in progress', async () => {
    const { frames } = await runOnScreen(ids, scriptedClient(scripts), { rows: 8, columns: 100 });
    const rows = frames.flat().filter((line) => /^[…✔✖] /.test(line));
    expect(rows.filter((line) => /^….*(Succeeded|Failed)/.test(line))).toEqual([]);
    expect(rows.some((line) => line.startsWith('✔'))).toBe(true);
  });

  it('draws every row with log-update when they all fit, and leaves them as they are', async () => {
    const few = Object.fromEntries(Object.entries(scripts).slice(0, 3));
    const { frames, screen } = await runOnScreen(Object.keys(few), scriptedClient(few), { rows: 8, columns: 100 });
    for (const frame of frames) expect(frame[0]).not.toMatch(/done/);
    expect(screen.text).toEqual([
      '✔  host-1  CreateInstance  Succeeded  1s',
      '✔  host-2  CreateInstance  Succeeded  2s',
      '✔  host-3  CreateInstance  Succeeded  3s',
      '3 operations: 3 succeeded (3s)',
    ]);
  });

  it('clears its ticker and every scheduled redraw when the wait ends', async () => {
    const { clock } = await runOnScreen(ids, scriptedClient(scripts), { rows: 8, columns: 100 });
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('the resources live view on a small terminal', () => {
  const names = Array.from({ length: 25 }, (_, i) => `web-${i + 1}`);
  const scripts: Record<string, ResourceReply[]> = {};
  names.forEach((name, i) => {
    const pending = Array.from({ length: (i % 4) + 1 }, () => instance('pending'));
    scripts[`GetInstance ${name}`] =
      i === 12 ? [...pending, instance('terminated')] : [...pending, instance('running', `198.51.100.${i + 1}`)];
  });

  it('keeps a count and "+N more" in view, then leaves every row on the screen, none in progress at its final state', async () => {
    const { frames, screen, code } = await runOnScreen(['instance-running', ...names], resourceClient(scripts), { rows: 8, columns: 100 });
    expect(code).toBe(1);
    expect(frames.at(-3)).toEqual([]);
    const live = frames.slice(0, -3);
    for (const frame of live) expect(frame.length).toBeLessThanOrEqual(7);
    expect(live[0]?.[0]).toBe('0/25 done');
    expect(live[0]?.at(-1)).toBe('+20 more: 20 waiting');
    expect(frames.flat().filter((line) => /^….*(198\.51\.100|terminated)/.test(line))).toEqual([]);
    expect(screen.text).toHaveLength(26);
    expect(screen.text[0]).toMatch(/^✔ {2}web-1 +instance-running {2}running \(198\.51\.100\.1\) +\d+s$/);
    expect(screen.text[12]).toMatch(/^✖ {2}web-13 +instance-running {2}terminated +\d+s$/);
    expect(screen.text[25]).toMatch(/^25 resources: 24 succeeded, 1 failed \(\d+(\.\d)?s\)$/);
  });
});
