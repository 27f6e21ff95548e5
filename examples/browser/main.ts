/**
 * lightsail-waiter in a web page: creates instances with the SDK's browser build, then shows each
 * operation's status live from an `OperationsWaiter`'s events. `build.mjs` bundles it; `serve.ts`
 * serves it beside a simulator (`npm run demo:browser`).
 *
 * URL parameters: `endpoint` (required: the Lightsail endpoint, e.g. a simulator with `cors` on),
 * `names` (comma-separated instance names, default `web-1,web-2`), `minDelayMs` and `maxDelayMs`
 * (the waiter's poll delays, defaults 250 and 2000).
 */
import { CreateInstancesCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { type Operation, type OperationResult, OperationsWaiter } from 'lightsail-waiter';

interface Settings {
  readonly endpoint: string;
  readonly names: readonly string[];
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
}

/** One table row per operation: the cells that change. */
interface Row {
  readonly status: HTMLTableCellElement;
  readonly elapsed: HTMLTableCellElement;
  settled: boolean;
}

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`index.html has no #${id}`);
  return found as T;
};

const summary = element<HTMLParagraphElement>('summary');
const tbody = element<HTMLTableSectionElement>('operations');
const rows = new Map<string, Row>();
const started = performance.now();
const seconds = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;

function readSettings(params: URLSearchParams): Settings {
  const endpoint = params.get('endpoint');
  if (endpoint === null || endpoint === '') throw new Error('Add ?endpoint=<Lightsail endpoint URL> to the address.');
  const names = (params.get('names') ?? 'web-1,web-2')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const number = (key: string, fallback: number): number => {
    const value = params.get(key);
    return value === null ? fallback : Number(value);
  };
  return { endpoint, names, minDelayMs: number('minDelayMs', 250), maxDelayMs: number('maxDelayMs', 2000) };
}

/** Shows the page's outcome; `data-state` on <body> lets tests wait for it. */
function finish(state: 'succeeded' | 'failed', text: string): void {
  summary.textContent = text;
  summary.classList.toggle('failed', state === 'failed');
  document.body.dataset.state = state;
}

function setStatus(row: Row, status: string | undefined): void {
  row.status.textContent = status ?? '—';
  row.status.dataset.status = status ?? '';
  row.elapsed.textContent = seconds();
}

function addRow(operation: Operation): void {
  const id = operation.id ?? '';
  const tr = tbody.insertRow();
  tr.dataset.operationId = id;
  tr.dataset.resource = operation.resourceName ?? '';
  tr.insertCell().textContent = operation.resourceName ?? '';
  tr.insertCell().textContent = operation.operationType ?? '';
  const status = tr.insertCell();
  status.className = 'status';
  const elapsed = tr.insertCell();
  elapsed.className = 'elapsed';
  const row: Row = { status, elapsed, settled: false };
  setStatus(row, operation.status);
  rows.set(id, row);
}

function onSettled(result: OperationResult): void {
  const row = rows.get(result.operationId);
  if (row === undefined) return;
  row.settled = true;
  if (result.outcome === 'succeeded') {
    setStatus(row, result.operation?.status);
  } else {
    // A wait that ended without Lightsail's verdict (timeout, request error…) shows how it ended.
    setStatus(row, result.outcome === 'failed' ? result.operation?.status : result.outcome);
    row.status.title = result.error?.message ?? '';
  }
}

async function run(settings: Settings): Promise<void> {
  element('endpoint').textContent = settings.endpoint;
  const client = new LightsailClient({
    endpoint: settings.endpoint,
    region: 'us-east-1',
    // The simulator does not check signatures; against AWS, use a credential provider instead.
    credentials: { accessKeyId: 'browser-example', secretAccessKey: 'browser-example' },
  });
  const ticker = setInterval(() => {
    for (const row of rows.values()) if (!row.settled) row.elapsed.textContent = seconds();
  }, 100);
  try {
    const response = await client.send(
      new CreateInstancesCommand({
        instanceNames: [...settings.names],
        availabilityZone: 'us-east-1a',
        blueprintId: 'ubuntu_22_04',
        bundleId: 'nano_3_0',
      }),
    );
    for (const operation of response.operations ?? []) addRow(operation);
    const waiter = new OperationsWaiter(client, response, { minDelayMs: settings.minDelayMs, maxDelayMs: settings.maxDelayMs });
    waiter.on('status', ({ operationId, current }) => {
      const row = rows.get(operationId);
      if (row !== undefined) setStatus(row, current);
    });
    waiter.on('settled', onSettled);
    waiter.on('progress', ({ total, succeeded, failed, pending }) => {
      if (pending > 0) summary.textContent = `Waiting: ${succeeded} of ${total} succeeded, ${failed} failed, ${pending} pending…`;
    });
    summary.textContent = `Waiting for ${waiter.operationIds.length} operation(s)…`;
    try {
      const operations = await waiter.wait();
      finish('succeeded', `All ${operations.length} operations succeeded in ${seconds()}.`);
    } catch (error) {
      const { failed, total } = waiter.progress;
      finish('failed', `${failed} of ${total} operations did not succeed: ${(error as Error).message}`);
    }
  } finally {
    clearInterval(ticker);
    client.destroy();
  }
}

try {
  await run(readSettings(new URLSearchParams(location.search)));
} catch (error) {
  // Errors before the wait (no endpoint, CreateInstances refused, network) end up here, on the page.
  finish('failed', error instanceof Error ? error.message : String(error));
}
