// The waiters treat Lightsail's "does not exist" as not-found in every shape it comes in: with the
// x-amzn-errortype header (modeled), without it (no-header: older SDK clients then name it
// DoesNotExist), and with only `code: "DoesNotExist"` in the body (code-only: every client names it
// DoesNotExist, a plain LightsailServiceException). Real client over HTTP; the simulator's clock is
// moved by hand, so what each poll sees is decided by the test.
import { DeleteInstanceCommand, GetInstanceCommand, LightsailServiceException } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { OperationRequestError, OperationWaiter, type RetryEvent, waitForInstanceDeleted, waitForOperation } from '../../src/index.js';
import type { NotFoundShape } from '../../src/simulator/index.js';
import { createInstance, fast, getOperationRequests, setup } from './helpers.js';

/** What the installed SDK (3.1169, which reads `__type` first) names a not-found answer of each shape. */
const SHAPES: ReadonlyArray<readonly [NotFoundShape, string]> = [
  ['modeled', 'NotFoundException'],
  ['no-header', 'NotFoundException'],
  ['code-only', 'DoesNotExist'],
];

/** A simulator on a clock that only `advance` moves, answering not-found in `shape`. */
async function handMoved(shape: NotFoundShape) {
  let now = Date.UTC(2024, 0, 2);
  const fixture = await setup({ simulator: { timeScale: 1, notFoundShape: shape, now: () => now } });
  return { ...fixture, advance: (ms: number) => (now += ms) };
}

describe.each(SHAPES)('not-found answers in the %s shape (the SDK says %s)', (shape, name) => {
  it('the SDK error itself: HTTP 404, named as this shape makes it', async () => {
    const { client } = await handMoved(shape);
    const error = await client.send(new GetInstanceCommand({ instanceName: 'ghost-1' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LightsailServiceException);
    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: 404 } });
  });

  it('waitForInstanceDeleted resolves once GetInstance says the instance does not exist', async () => {
    const { client, advance } = await handMoved(shape);
    await createInstance(client, 'web-1');
    advance(25_000);
    await client.send(new DeleteInstanceCommand({ instanceName: 'web-1' }));

    await expect(waitForInstanceDeleted(client, { instanceName: 'web-1' }, fast())).resolves.toBeUndefined();
  });

  it("waitForOperation's not-found grace rides out an operation not visible yet, then resolves", async () => {
    const { sim, client, advance } = await handMoved(shape);
    const created = sim.createOperation({ durationMs: 1_000, notFoundForMs: 5_000 });
    const waiter = new OperationWaiter(client, created.id, fast({ notFoundGraceMs: 10_000, retries: 1_000 }));
    const retries: RetryEvent[] = [];
    waiter.on('retry', (event) => retries.push(event));
    const final = waiter.wait();

    await new Promise((resolve) => waiter.once('retry', resolve));
    advance(5_000);

    expect(await final).toMatchObject({ id: created.id, status: 'Succeeded' });
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((event) => (event.error as Error).name === name)).toBe(true);
    const requests = getOperationRequests(sim);
    expect(requests.slice(0, -1).every((request) => request.status === 404)).toBe(true);
    expect(requests.at(-1)?.status).toBe(200);
  });

  it('an id that never appears fails as OperationRequestError once the grace has passed, keeping the name', async () => {
    const { sim, client } = await handMoved(shape);

    const error: unknown = await waitForOperation(client, 'no-such-operation', fast({ notFoundGraceMs: 50, retries: 1_000 })).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(OperationRequestError);
    expect(error).toMatchObject({ operationId: 'no-such-operation', errorName: name, httpStatusCode: 404, retriesExhausted: false });
    expect(getOperationRequests(sim).length).toBeGreaterThan(1);
  });
});
