import { createServer, get, type Server } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bypassesProxy, proxyAgents, proxyUrl } from '../../src/cli/proxy.js';
import { isUsageError } from '../../src/cli/usage-error.js';
import { type ForwardingProxy, startForwardingProxy } from './forwarding-proxy.js';

describe('proxyUrl: HTTPS_PROXY and HTTP_PROXY as the AWS CLI reads them', () => {
  it.each([
    ['unset', {}, 'https', undefined],
    ['HTTPS_PROXY', { HTTPS_PROXY: 'http://proxy.example.com:3128' }, 'https', 'http://proxy.example.com:3128/'],
    ['https_proxy before HTTPS_PROXY', { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' }, 'https', 'http://lower:1/'],
    ['an empty https_proxy as unset', { https_proxy: '', HTTPS_PROXY: 'http://upper:2' }, 'https', 'http://upper:2/'],
    ['a value without a scheme as http://', { HTTPS_PROXY: 'proxy.example.com:3128' }, 'https', 'http://proxy.example.com:3128/'],
    ['an https:// proxy', { HTTPS_PROXY: 'https://proxy.example.com' }, 'https', 'https://proxy.example.com/'],
    ['HTTP_PROXY for http:// endpoints', { HTTP_PROXY: 'http://p:8080', HTTPS_PROXY: 'http://q:8080' }, 'http', 'http://p:8080/'],
    ['no HTTP_PROXY when only HTTPS_PROXY is set', { HTTPS_PROXY: 'http://q:8080' }, 'http', undefined],
  ] as const)('reads %s', (_name, env, scheme, expected) => {
    expect(proxyUrl(env, scheme)?.href).toBe(expected);
  });

  it.each([
    ['a SOCKS proxy', { HTTPS_PROXY: 'socks5://proxy:1080' }, "invalid HTTPS_PROXY 'socks5://proxy:1080'"],
    ['no URL', { https_proxy: 'http://' }, "invalid https_proxy 'http://'"],
    [
      'a bad port, without echoing the password',
      { HTTPS_PROXY: 'http://me:hunter2@proxy:99999' },
      "invalid HTTPS_PROXY 'http://[REDACTED]@proxy:99999'",
    ],
  ])('throws a usage error naming the variable for %s', (_name, env, message) => {
    let error: unknown;
    try {
      proxyUrl(env, 'https');
    } catch (caught) {
      error = caught;
    }
    expect(isUsageError(error)).toBe(true);
    expect((error as Error).message).toBe(`${message}: expected a proxy URL such as http://proxy.example.com:3128`);
  });
});

describe('bypassesProxy: NO_PROXY', () => {
  it.each([
    ['', 'lightsail.us-east-1.amazonaws.com', 443, false],
    ['*', 'lightsail.us-east-1.amazonaws.com', 443, true],
    ['amazonaws.com', 'lightsail.us-east-1.amazonaws.com', 443, true],
    ['.amazonaws.com', 'lightsail.us-east-1.amazonaws.com', 443, true],
    ['*.amazonaws.com', 'lightsail.us-east-1.amazonaws.com', 443, true],
    ['zonaws.com', 'lightsail.us-east-1.amazonaws.com', 443, false],
    ['example.com, AMAZONAWS.COM', 'lightsail.us-east-1.amazonaws.com', 443, true],
    ['localhost 127.0.0.1', '127.0.0.1', 8080, true],
    ['127.0.0.1:8080', '127.0.0.1', 8080, true],
    ['127.0.0.1:9090', '127.0.0.1', 8080, false],
    ['localhost', '127.0.0.1', 8080, false],
    ['[::1]', '::1', 8080, true],
  ])('NO_PROXY=%j for %s:%i bypasses: %s', (noProxy, host, port, expected) => {
    expect(bypassesProxy({ NO_PROXY: noProxy }, host, port)).toBe(expected);
  });

  it('reads no_proxy before NO_PROXY', () => {
    expect(bypassesProxy({ no_proxy: 'example.com', NO_PROXY: '*' }, 'aws.amazon.com', 443)).toBe(false);
  });
});

describe('proxyAgents', () => {
  let proxy: ForwardingProxy;
  let server: Server;
  let target: string;

  beforeAll(async () => {
    proxy = await startForwardingProxy();
    server = createServer((_req, res) => res.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    target = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const fetchThrough = (agent: import('node:http').Agent) =>
    new Promise<string>((resolve, reject) => {
      get(target, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(body));
      }).on('error', reject);
    });

  it('gives none when no proxy variable is set', () => {
    expect(proxyAgents({ NO_PROXY: '*' })).toBeUndefined();
  });

  it('tunnels http:// requests through HTTP_PROXY', async () => {
    const agents = proxyAgents({ HTTP_PROXY: proxy.url });
    const before = proxy.tunnels.length;
    expect(await fetchThrough(agents?.httpAgent as import('node:http').Agent)).toBe('hello');
    expect(proxy.tunnels.slice(before)).toEqual([new URL(target).host]);
    agents?.httpAgent.destroy();
    expect(agents?.httpsAgent).toBeInstanceOf(HttpsAgent);
  });

  it('goes direct to a host NO_PROXY lists', async () => {
    const agents = proxyAgents({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    const before = proxy.tunnels.length;
    expect(await fetchThrough(agents?.httpAgent as import('node:http').Agent)).toBe('hello');
    expect(proxy.tunnels.length).toBe(before);
    agents?.httpAgent.destroy();
  });
});
