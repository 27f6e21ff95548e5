import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { GetOperationsCommand, LightsailClient } from '@aws-sdk/client-lightsail';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/simulator/index.js';
import { raw, setup, target } from './helpers.js';

describe('CORS', () => {
  it('answers a preflight and adds CORS headers when cors is true', async () => {
    const f = await setup({ cors: true });
    const preflight = await fetch(f.sim.endpoint, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-amz-target, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('x-amz-target, content-type');
    const response = await raw(f.sim, { target: target('GetOperations') });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-amzn-requestid');
    expect(f.sim.requests.map((r) => r.action)).toEqual(['GetOperations']);
  });

  it('allows only the given origin when cors is a string', async () => {
    const f = await setup({ cors: 'https://app.example' });
    const response = await raw(f.sim, { target: target('GetOperations') });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('answers OPTIONS with 405 and no CORS headers by default', async () => {
    const f = await setup();
    const response = await raw(f.sim, { method: 'OPTIONS' });
    expect(response.status).toBe(405);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request log', () => {
  it('records time, action, ids, status and error of every request, and clears', async () => {
    const f = await setup();
    await raw(f.sim, { target: target('GetOperation'), body: '{"operationId":"op-1"}' });
    f.clock.advance(250);
    await raw(f.sim, {
      target: target('CreateInstances'),
      body: '{"instanceNames":["web-1"],"availabilityZone":"us-east-1a","blueprintId":"b","bundleId":"n"}',
    });
    await raw(f.sim, { target: target('Nope') });
    expect(f.sim.requests).toEqual([
      { time: f.clock.now() - 250, action: 'GetOperation', operationId: 'op-1', status: 404, error: 'NotFoundException' },
      { time: f.clock.now(), action: 'CreateInstances', resourceName: 'web-1', status: 200 },
      { time: f.clock.now(), action: 'Nope', status: 400, error: 'UnknownOperationException' },
    ]);
    expect(Object.isFrozen(f.sim.requests[0])).toBe(true);
    f.sim.clearRequests();
    expect(f.sim.requests).toEqual([]);
  });

  it('uses Date.now when no clock is injected', async () => {
    const sim = await startSimulator();
    try {
      const before = Date.now();
      await raw(sim, { target: target('GetOperations') });
      expect(sim.requests[0]?.time).toBeGreaterThanOrEqual(before);
      expect(sim.requests[0]?.time).toBeLessThanOrEqual(Date.now());
    } finally {
      await sim.close();
    }
  });
});

describe('server', () => {
  it('listens on loopback at a random port by default', async () => {
    const f = await setup();
    expect(f.sim.endpoint).toBe(`http://127.0.0.1:${f.sim.port}`);
    expect(f.sim.port).toBeGreaterThan(0);
  });

  it('survives garbage on the socket and keeps serving', async () => {
    const f = await setup();
    await new Promise<void>((resolve) => {
      const socket = connect(f.sim.port, '127.0.0.1', () => socket.end('\x00\x01 NOT HTTP\r\n\r\n'));
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
      socket.resume();
    });
    expect((await raw(f.sim, { target: target('GetOperations') })).status).toBe(200);
  });

  it('closes idempotently; a closed simulator refuses connections', async () => {
    const sim = await startSimulator();
    const client = new LightsailClient({
      endpoint: sim.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
    await client.send(new GetOperationsCommand({}));
    await Promise.all([sim.close(), sim.close()]);
    await sim.close();
    client.destroy();
    const refused = await new Promise<unknown>((resolve) => {
      const socket = connect(sim.port, '127.0.0.1', () => resolve('connected'));
      socket.on('error', resolve);
    });
    expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('leaves no open handle after close, even with keep-alive clients and a pending delay', async () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('fixtures/close-child.ts', import.meta.url))], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(child.stdout).toBe('closed\n');
    expect(child.status).toBe(0);
  });

  it('rejects when the port is taken', async () => {
    const f = await setup();
    await expect(startSimulator({ port: f.sim.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
