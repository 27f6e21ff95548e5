/**
 * End to end, HTTP_PROXY and NO_PROXY: the built `dist/cli.js` against the simulator (an http://
 * endpoint on 127.0.0.1, so HTTP_PROXY is the variable that applies) through a forwarding proxy.
 * Loopback gets no exception of its own: only NO_PROXY sends the requests around the proxy.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertBuilt, closeSimulators, ENV, simulator } from './e2e-helpers.js';
import { type ForwardingProxy, startForwardingProxy } from './forwarding-proxy.js';
import { runWithEnv } from './spawn-with-env.js';

let proxy: ForwardingProxy;

beforeAll(async () => {
  assertBuilt();
  proxy = await startForwardingProxy();
});
afterAll(async () => {
  await closeSimulators();
  await proxy.close();
});

describe.concurrent('lightsail-wait behind a proxy (spawned)', () => {
  it('sends its requests through HTTP_PROXY', async ({ expect }) => {
    const { sim } = await simulator();
    const operation = sim.createOperation({ status: 'Succeeded' });
    const { code, stderr } = await runWithEnv({ ...ENV, HTTP_PROXY: proxy.url }, ['--endpoint-url', sim.endpoint, operation.id]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(sim.requests.map((request) => request.action)).toEqual(['GetOperation']);
    expect(proxy.tunnels).toContain(new URL(sim.endpoint).host);
  });

  it('reads http_proxy in lowercase too', async ({ expect }) => {
    const { sim } = await simulator();
    const operation = sim.createOperation({ status: 'Succeeded' });
    const { code } = await runWithEnv({ ...ENV, http_proxy: proxy.url }, ['--endpoint-url', sim.endpoint, operation.id]);
    expect(code).toBe(0);
    expect(proxy.tunnels).toContain(new URL(sim.endpoint).host);
  });

  it('goes around the proxy to a host NO_PROXY lists', async ({ expect }) => {
    const { sim } = await simulator();
    const operation = sim.createOperation({ status: 'Succeeded' });
    const env = { ...ENV, HTTP_PROXY: proxy.url, NO_PROXY: `localhost,127.0.0.1:${sim.port}` };
    const { code } = await runWithEnv(env, ['--endpoint-url', sim.endpoint, operation.id]);
    expect(code).toBe(0);
    expect(sim.requests.map((request) => request.action)).toEqual(['GetOperation']);
    expect(proxy.tunnels).not.toContain(new URL(sim.endpoint).host);
  });

  it('exits 2 naming a proxy variable that holds no URL, sending nothing', async ({ expect }) => {
    const { sim } = await simulator();
    const { code, stderr } = await runWithEnv({ ...ENV, HTTP_PROXY: 'socks5://127.0.0.1:1080' }, ['--endpoint-url', sim.endpoint, 'op-1']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "lightsail-wait: invalid HTTP_PROXY 'socks5://127.0.0.1:1080': expected a proxy URL such as http://proxy.example.com:3128\n",
    );
    expect(sim.requests).toEqual([]);
  });
});
