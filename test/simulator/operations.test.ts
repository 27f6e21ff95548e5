import {
  GetOperationCommand,
  GetOperationsCommand,
  GetOperationsForResourceCommand,
  InvalidInputException,
  NotFoundException,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

describe('GetOperation', () => {
  it('returns the operation with every documented field, operationDetails left out when empty', async () => {
    const f = await setup();
    const op = f.sim.createOperation({ operationType: 'CreateDisk', resourceName: 'disk-1', resourceType: 'Disk', status: 'Started' });
    const { operation } = await f.client.send(new GetOperationCommand({ operationId: op.id }));
    expect(operation).toEqual({
      id: op.id,
      resourceName: 'disk-1',
      resourceType: 'Disk',
      createdAt: expect.any(Date),
      location: { availabilityZone: 'us-east-1a', regionName: 'us-east-1' },
      isTerminal: false,
      operationType: 'CreateDisk',
      status: 'Started',
      statusChangedAt: expect.any(Date),
    });
  });

  it('answers NotFoundException for an unknown id', async () => {
    const f = await setup();
    await expect(f.client.send(new GetOperationCommand({ operationId: 'no-such-op' }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('answers NotFoundException for a hidden operation until the hiding ends', async () => {
    const f = await setup();
    const op = f.sim.createOperation();
    f.sim.hideOperation(op.id, 2000);
    await expect(f.client.send(new GetOperationCommand({ operationId: op.id }))).rejects.toBeInstanceOf(NotFoundException);
    f.clock.advance(1999);
    await expect(f.client.send(new GetOperationCommand({ operationId: op.id }))).rejects.toBeInstanceOf(NotFoundException);
    f.clock.advance(1);
    await expect(f.client.send(new GetOperationCommand({ operationId: op.id }))).resolves.toHaveProperty('operation.id', op.id);
  });

  it('hides every new operation for notFoundForMs, and createOperation can override it', async () => {
    const f = await setup({ notFoundForMs: 500 });
    const hidden = f.sim.createOperation();
    const visible = f.sim.createOperation({ notFoundForMs: 0 });
    await expect(f.client.send(new GetOperationCommand({ operationId: hidden.id }))).rejects.toBeInstanceOf(NotFoundException);
    await expect(f.client.send(new GetOperationCommand({ operationId: visible.id }))).resolves.toBeDefined();
    f.clock.advance(500);
    await expect(f.client.send(new GetOperationCommand({ operationId: hidden.id }))).resolves.toBeDefined();
  });

  it('rejects hideOperation for an unknown id or a bad duration', async () => {
    const f = await setup();
    expect(() => f.sim.hideOperation('nope', 10)).toThrow(RangeError);
    const op = f.sim.createOperation();
    expect(() => f.sim.hideOperation(op.id, -1)).toThrow(/`forMs`/);
  });
});

describe('GetOperations', () => {
  it('returns operations newest first without a token when they fit one page', async () => {
    const f = await setup();
    const ids = [0, 1, 2].map(() => {
      f.clock.advance(1);
      return f.sim.createOperation().id;
    });
    const output = await f.client.send(new GetOperationsCommand({}));
    expect(output.operations?.map((op) => op.id)).toEqual([...ids].reverse());
    expect(output.nextPageToken).toBeUndefined();
  });

  it('pages with nextPageToken, unaffected by operations created between pages', async () => {
    const f = await setup({ pageSize: 2 });
    const ids = Array.from({ length: 5 }, () => f.sim.createOperation().id).reverse();
    const first = await f.client.send(new GetOperationsCommand({}));
    expect(first.operations?.map((op) => op.id)).toEqual(ids.slice(0, 2));
    f.sim.createOperation();
    const second = await f.client.send(new GetOperationsCommand({ pageToken: first.nextPageToken }));
    expect(second.operations?.map((op) => op.id)).toEqual(ids.slice(2, 4));
    const third = await f.client.send(new GetOperationsCommand({ pageToken: second.nextPageToken }));
    expect(third.operations?.map((op) => op.id)).toEqual(ids.slice(4));
    expect(third.nextPageToken).toBeUndefined();
  });

  it('uses pages of 200 by default', async () => {
    const f = await setup();
    for (let i = 0; i < 201; i++) f.sim.createOperation();
    const first = await f.client.send(new GetOperationsCommand({}));
    expect(first.operations).toHaveLength(200);
    const second = await f.client.send(new GetOperationsCommand({ pageToken: first.nextPageToken }));
    expect(second.operations).toHaveLength(1);
  });

  it('orders by createdAt, so a back-dated operation sorts among older ones', async () => {
    const f = await setup();
    const now = f.clock.now();
    const newer = f.sim.createOperation();
    const older = f.sim.createOperation({ createdAt: now - 60_000 });
    const { operations } = await f.client.send(new GetOperationsCommand({}));
    expect(operations?.map((op) => op.id)).toEqual([newer.id, older.id]);
  });

  it('leaves out an operation GetOperation would not find yet, and lists it once the hiding ends', async () => {
    const f = await setup();
    const shown = f.sim.createOperation();
    const hidden = f.sim.createOperation();
    f.sim.hideOperation(hidden.id, 1000);
    const before = await f.client.send(new GetOperationsCommand({}));
    expect(before.operations?.map((op) => op.id)).toEqual([shown.id]);
    f.clock.advance(1000);
    const after = await f.client.send(new GetOperationsCommand({}));
    expect(after.operations?.map((op) => op.id)).toEqual([hidden.id, shown.id]);
  });

  it('rejects a page token it did not issue', async () => {
    const f = await setup();
    await expect(f.client.send(new GetOperationsCommand({ pageToken: 'garbage!' }))).rejects.toBeInstanceOf(InvalidInputException);
  });
});

describe('GetOperationsForResource', () => {
  it('returns only the operations on that resource, newest first, with paging', async () => {
    const f = await setup({ pageSize: 2 });
    const mine = [0, 1, 2].map(() => f.sim.createOperation({ resourceName: 'web-1' }).id).reverse();
    f.sim.createOperation({ resourceName: 'web-2' });
    const first = await f.client.send(new GetOperationsForResourceCommand({ resourceName: 'web-1' }));
    expect(first.operations?.map((op) => op.id)).toEqual(mine.slice(0, 2));
    const second = await f.client.send(new GetOperationsForResourceCommand({ resourceName: 'web-1', pageToken: first.nextPageToken }));
    expect(second.operations?.map((op) => op.id)).toEqual(mine.slice(2));
    expect(second.nextPageToken).toBeUndefined();
  });

  it('answers NotFoundException for a resource without operations', async () => {
    const f = await setup();
    await expect(f.client.send(new GetOperationsForResourceCommand({ resourceName: 'ghost-1' }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('answers NotFoundException while the only operation on the resource is hidden', async () => {
    const f = await setup();
    const op = f.sim.createOperation({ resourceName: 'web-3' });
    f.sim.hideOperation(op.id, 1000);
    await expect(f.client.send(new GetOperationsForResourceCommand({ resourceName: 'web-3' }))).rejects.toBeInstanceOf(NotFoundException);
    f.clock.advance(1000);
    const { operations } = await f.client.send(new GetOperationsForResourceCommand({ resourceName: 'web-3' }));
    expect(operations?.map((o) => o.id)).toEqual([op.id]);
  });

  it.each(['-web', 'web-', 'a', 'web 1', 'web.1'])('answers InvalidInputException for the name %j', async (resourceName) => {
    const f = await setup();
    const error = await f.client.send(new GetOperationsForResourceCommand({ resourceName })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect((error as Error).message).toContain('resourceName');
  });

  it('answers InvalidInputException when resourceName is missing', async () => {
    const f = await setup();
    await expect(f.client.send(new GetOperationsForResourceCommand({} as never))).rejects.toThrow(/resourceName/);
  });
});
