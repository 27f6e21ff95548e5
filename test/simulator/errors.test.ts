// Every error Lightsail's model declares, injected for any action, reaches a real client with the
// model's HTTP status and members; not-found answers in each of their wire shapes.
import {
  AccessDeniedException,
  AccountSetupInProgressException,
  CreateInstancesCommand,
  GetInstanceCommand,
  GetOperationsCommand,
  InvalidInputException,
  LightsailServiceException,
  NotFoundException,
  OperationFailureException,
  RegionSetupInProgressException,
  ServiceException,
  UnauthenticatedException,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../../src/simulator/index.js';
import { raw, setup, target } from './helpers.js';

const create = new CreateInstancesCommand({
  instanceNames: ['web-1'],
  availabilityZone: 'us-east-1a',
  blueprintId: 'ubuntu_22_04',
  bundleId: 'nano_3_0',
});

/** Every exception of the model, its class in the SDK, its HTTP status (the model's httpError trait) and its `code`. */
const MODELED = [
  ['AccessDeniedException', AccessDeniedException, 403, 'AccessDenied'],
  ['AccountSetupInProgressException', AccountSetupInProgressException, 428, 'AccountSetupInProgress'],
  ['InvalidInputException', InvalidInputException, 400, 'InvalidInput'],
  ['NotFoundException', NotFoundException, 404, 'DoesNotExist'],
  ['OperationFailureException', OperationFailureException, 400, 'OperationFailure'],
  ['RegionSetupInProgressException', RegionSetupInProgressException, 428, 'RegionSetupInProgress'],
  ['ServiceException', ServiceException, 500, 'InternalFailure'],
  ['UnauthenticatedException', UnauthenticatedException, 401, 'Unauthenticated'],
] as const;

describe('modelled errors', () => {
  it.each(MODELED)('injects %s on any action with the status and members of the model', async (kind, type, status, code) => {
    const f = await setup();
    f.sim.injectFault({ kind: kind as FaultKind, action: 'CreateInstances' });
    const error = await f.client.send(create).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({
      name: kind,
      code,
      docs: 'https://docs.aws.amazon.com/lightsail/2016-11-28/api-reference/API_CreateInstances.html',
      tip: expect.any(String),
      $metadata: { httpStatusCode: status },
    });
    // The fault struck before the action: nothing was created, and the next call works.
    await expect(f.client.send(create)).resolves.toMatchObject({ operations: [{ status: 'Started' }] });
  });

  it('answers throttling with HTTP 400 and exactly {"__type":"ThrottlingException","message":"Rate exceeded"}', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'ThrottlingException' });
    const answer = await raw(f.sim, { target: target('GetOperations') });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ __type: 'ThrottlingException', message: 'Rate exceeded' });
    f.sim.injectFault({ kind: 'ThrottlingException' });
    const error = await f.client.send(new GetOperationsCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ThrottlingException', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
  });

  it("answers the action's own errors with the model's status: 404 for a missing resource, 400 for bad input", async () => {
    const f = await setup();
    const missing = await f.client.send(new GetInstanceCommand({ instanceName: 'ghost-1' })).catch((e: unknown) => e);
    expect(missing).toMatchObject({ name: 'NotFoundException', code: 'DoesNotExist', $metadata: { httpStatusCode: 404 } });
    const bad = await f.client.send(new GetInstanceCommand({} as never)).catch((e: unknown) => e);
    expect(bad).toMatchObject({ name: 'InvalidInputException', code: 'InvalidInput', $metadata: { httpStatusCode: 400 } });
  });
});

/**
 * How SDK clients with the generated `loadRestJsonErrorCode` of aws-sdk-js-v3's Aws_json1_1.ts (e.g.
 * 3.668.0) name an error: the `x-amzn-errortype` header, else the body's `code`, else its `__type`.
 */
function oldClientErrorName(headers: Headers, body: Record<string, unknown> | undefined): string | undefined {
  const pick = headers.get('x-amzn-errortype') ?? body?.code ?? body?.__type;
  return typeof pick === 'string' ? pick.split(':')[0] : undefined;
}

describe('not-found shapes', () => {
  it.each([
    ['modeled', 'NotFoundException', NotFoundException, 'NotFoundException', 'NotFoundException'],
    ['no-header', 'NotFoundException', NotFoundException, undefined, 'DoesNotExist'],
    ['code-only', 'DoesNotExist', LightsailServiceException, undefined, 'DoesNotExist'],
  ] as const)('%s: the SDK names it %s; x-amzn-errortype %s; older clients say %s', async (shape, name, type, header, oldName) => {
    const f = await setup({ notFoundShape: shape });
    const error = await f.client.send(new GetInstanceCommand({ instanceName: 'ghost-1' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: 404 } });
    expect((error as Error).message).toContain('ghost-1');
    if (shape === 'code-only') expect(error).not.toBeInstanceOf(NotFoundException);
    const answer = await raw(f.sim, { target: target('GetInstance'), body: '{"instanceName":"ghost-1"}' });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-amzn-errortype') ?? undefined).toBe(header);
    expect(answer.body).toMatchObject({ code: 'DoesNotExist' });
    expect(answer.body?.__type).toBe(shape === 'code-only' ? undefined : 'NotFoundException');
    expect(oldClientErrorName(answer.headers, answer.body)).toBe(oldName);
  });

  it('sends one fault in its own shape, whatever the option', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'NotFoundException', action: 'GetOperations', notFoundShape: 'code-only' });
    const error = await f.client.send(new GetOperationsCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DoesNotExist', $metadata: { httpStatusCode: 404 } });
    expect(error).not.toBeInstanceOf(NotFoundException);
    const modeled = await f.client.send(new GetInstanceCommand({ instanceName: 'ghost-1' })).catch((e: unknown) => e);
    expect(modeled).toBeInstanceOf(NotFoundException);
  });

  it.each([
    [{ kind: 'ServiceException', notFoundShape: 'code-only' }, /`notFoundShape`/],
    [{ kind: 'NotFoundException', notFoundShape: 'bare' }, /`notFoundShape`/],
    [{ kind: 'delay', delayMs: 5, phase: 'after' }, /`phase`/],
    [{ kind: 'reset', phase: 'later' }, /`phase`/],
    [{ kind: 'reset', region: '' }, /`region`/],
  ])('rejects the fault %j', async (fault, message) => {
    const f = await setup();
    expect(() => f.sim.injectFault(fault as never)).toThrow(message);
  });
});
