/**
 * `npm run bench` (part 4): how late a whole wait's timeout, and a caller's abort, settle at scale
 * (issue #13). Each run waits on N operations that never finish, with a 1 s timeout (or a signal
 * that aborts at 1 s), through an uncapped poller and an in-memory client that answers in the next
 * event-loop turn (as an HTTP answer would); it prints when the wait settled, measured from the
 * call. One process per run, so runs do not share a heap:
 *
 *   node --import tsx bench/many/deadline.ts [count...]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GetOperationCommand } from '@aws-sdk/client-lightsail';
import { Poller, waitForOperations } from '../../src/index.js';

const TIMEOUT_MS = 1_000;

type Ending = 'timeout' | 'abort';

async function once(count: number, ending: Ending): Promise<number> {
  const client = {
    async send(command: GetOperationCommand) {
      await new Promise((resolve) => setImmediate(resolve));
      return { operation: { id: command.input.operationId, status: 'Started', isTerminal: false }, $metadata: {} } as never;
    },
  };
  const ids = Array.from({ length: count }, (_, i) => `op-${i}`);
  const started = performance.now();
  const poller = new Poller({ maxRequestsPerSecond: 1e9 });
  const options = ending === 'timeout' ? { timeoutMs: TIMEOUT_MS, poller } : { signal: AbortSignal.timeout(TIMEOUT_MS), poller };
  await waitForOperations(client, ids, options).catch(() => {});
  return performance.now() - started;
}

const [child] = process.argv.slice(2).filter((arg) => arg.startsWith('--child='));
if (child !== undefined) {
  const [count, ending] = child.slice('--child='.length).split(':');
  process.stdout.write(String(await once(Number(count), ending as Ending)));
} else {
  const counts = process.argv.slice(2).map(Number);
  const runs = 3;
  const rows = [];
  for (const ending of ['timeout', 'abort'] as const) {
    for (const count of counts.length > 0 ? counts : [1_000, 10_000, 50_000]) {
      const script = fileURLToPath(import.meta.url);
      const settled = Array.from({ length: runs }, () =>
        Number(execFileSync(process.execPath, ['--import', 'tsx', script, `--child=${count}:${ending}`], { encoding: 'utf8' })),
      ).sort((a, b) => a - b);
      const median = settled[1] as number;
      rows.push(
        `| ${ending === 'timeout' ? '`timeoutMs: 1000`' : 'a signal aborting at 1 s'} | ${count.toLocaleString('en')} | ${Math.round(median)} | ${Math.round(median - TIMEOUT_MS)} | ${settled.map(Math.round).join(', ')} |`,
      );
    }
  }
  console.log(
    [
      `A whole wait's 1 s timeout, and a caller's abort at 1 s, at scale: operations that never finish, an uncapped poller, an in-memory client answering in the next event-loop turn; ${runs} runs each, one process a run:`,
      '',
      '| ending | operations | settled after the call, median (ms) | late by (ms) | every run (ms) |',
      '| --- | ---: | ---: | ---: | --- |',
      ...rows,
    ].join('\n'),
  );
}
