import {
  AccessDeniedException,
  GetInstanceCommand,
  GetOperationCommand,
  InvalidInputException,
  LightsailServiceException,
  NotFoundException,
} from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { raw, setup, T0, target } from './helpers.js';

describe('wire format', () => {
  it('sends timestamps as epoch seconds that the SDK turns into Dates with milliseconds', async () => {
    const f = await setup();
    const op = f.sim.createOperation({ status: 'Started' });
    expect(op.createdAt).toBe(T0 / 1000);
    const { operation } = await f.client.send(new GetOperationCommand({ operationId: op.id }));
    expect(operation?.createdAt).toEqual(new Date(T0));
    expect(operation?.createdAt?.getUTCMilliseconds()).toBe(678);
    expect(operation?.statusChangedAt).toEqual(new Date(T0));
  });

  it('answers every request with a uuid x-amzn-requestid that becomes $metadata.requestId', async () => {
    const f = await setup();
    const op = f.sim.createOperation();
    const output = await f.client.send(new GetOperationCommand({ operationId: op.id }));
    expect(output.$metadata.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const error = await f.client.send(new GetOperationCommand({ operationId: 'missing' })).catch((e: unknown) => e);
    expect((error as NotFoundException).$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const response = await raw(f.sim, { method: 'GET' });
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers with content-type application/x-amz-json-1.1', async () => {
    const f = await setup();
    const response = await raw(f.sim, { target: target('GetOperations') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
  });

  it('sends __type and code so the SDK throws NotFoundException', async () => {
    const f = await setup();
    const error = await f.client.send(new GetInstanceCommand({ instanceName: 'nope-1' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error).toMatchObject({ name: 'NotFoundException', code: 'DoesNotExist', $fault: 'client', $metadata: { httpStatusCode: 404 } });
    expect((error as Error).message).toContain('nope-1');
  });

  it('answers a missing required member with InvalidInputException naming it', async () => {
    const f = await setup();
    const error = await f.client.send(new GetOperationCommand({} as never)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputException);
    expect((error as Error).message).toContain('operationId');
    expect(error).toMatchObject({ code: 'InvalidInput' });
  });

  it('lets the SDK build AccessDeniedException from an error body', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'AccessDeniedException' });
    const error = await f.client.send(new GetOperationCommand({ operationId: 'x' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect(error).toMatchObject({ code: 'AccessDenied' });
  });

  it('answers an unknown action with UnknownOperationException naming it', async () => {
    const f = await setup();
    const response = await raw(f.sim, { target: target('CreateBucket') });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      __type: 'UnknownOperationException',
      message: 'The simulator does not implement action CreateBucket.',
    });
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  it.each([
    ['a missing x-amz-target', undefined],
    ['another service', 'DynamoDB_20120810.GetItem'],
    ['an inherited property name', target('__proto__')],
  ])('answers %s with UnknownOperationException', async (_, header) => {
    const f = await setup();
    const response = await raw(f.sim, { target: header });
    expect(response.status).toBe(400);
    expect(response.body?.__type).toBe('UnknownOperationException');
  });

  it.each([
    ['invalid JSON', '{"operationId": '],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
  ])('answers %s with SerializationException', async (_, body) => {
    const f = await setup();
    const response = await raw(f.sim, { target: target('GetOperation'), body });
    expect(response.status).toBe(400);
    expect(response.body?.__type).toBe('SerializationException');
  });

  it('treats an empty body as {}', async () => {
    const f = await setup();
    const response = await raw(f.sim, { target: target('GetOperation'), body: '' });
    expect(response.body).toMatchObject({ __type: 'InvalidInputException' });
  });

  it.each([
    ['a wrong member type', '{"operationId": 42}', 'InvalidInputException'],
    ['a bad page token', '{"pageToken": "bm9wZQ"}', 'InvalidInputException'],
  ])('answers %s with a clear 400', async (_, body, type) => {
    const f = await setup();
    const action = body.includes('pageToken') ? 'GetOperations' : 'GetOperation';
    const response = await raw(f.sim, { target: target(action), body });
    expect(response).toMatchObject({ status: 400, body: { __type: type } });
  });

  it('answers another method with 405 and a JSON body', async () => {
    const f = await setup();
    const response = await raw(f.sim, { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.body?.__type).toBe('MethodNotAllowedException');
  });

  it('answers another path with 404 and a JSON body', async () => {
    const f = await setup();
    const response = await raw(f.sim, { path: '/v1/things', target: target('GetOperations') });
    expect(response.status).toBe(404);
    expect(response.body?.__type).toBe('UnknownOperationException');
  });

  it('accepts a query string on POST /', async () => {
    const f = await setup();
    expect((await raw(f.sim, { path: '/?x=1', target: target('GetOperations') })).status).toBe(200);
  });

  it('answers a body over 1 MiB with 413 and keeps serving', async () => {
    const f = await setup();
    const response = await raw(f.sim, { target: target('GetOperations'), body: `{"pad":"${'x'.repeat(1_100_000)}"}` });
    expect(response).toMatchObject({ status: 413, body: { __type: 'RequestEntityTooLargeException' } });
    expect((await raw(f.sim, { target: target('GetOperations') })).status).toBe(200);
  });

  it('ignores SigV4 headers and serves unsigned requests alike', async () => {
    const f = await setup();
    const response = await raw(f.sim, { target: target('GetOperations'), headers: { authorization: 'garbage' } });
    expect(response.status).toBe(200);
  });

  it('turns an unmodelled error name into a LightsailServiceException of that name', async () => {
    const f = await setup();
    f.sim.injectFault({ kind: 'ThrottlingException' });
    const error = await f.client.send(new GetOperationCommand({ operationId: 'x' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LightsailServiceException);
    expect((error as Error).name).toBe('ThrottlingException');
  });
});
