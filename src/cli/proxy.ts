/**
 * `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` for the CLI's client, read as the AWS CLI reads them:
 * the lowercase name wins over the uppercase one, an empty value counts as unset, a value without
 * a scheme is an `http://` proxy, and a `NO_PROXY` entry matches its host and every subdomain.
 * Loopback addresses get no exception: with `HTTP_PROXY` set, `--endpoint-url http://127.0.0.1:…`
 * goes through the proxy unless `NO_PROXY` lists `127.0.0.1`. The library never reads these.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Duplex } from 'node:stream';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { redactUrlCredentials } from './redact.js';
import { shorten, UsageError } from './usage-error.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The agents the SDK's `NodeHttpHandler` takes: one for `http://` endpoints, one for `https://`. */
export interface ProxyAgents {
  readonly httpAgent: HttpAgent;
  readonly httpsAgent: HttpsAgent;
}

// As many sockets and as much reuse as the SDK's own default agents.
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 50 } as const;

/** The value of `name` (lowercase first, as curl and the AWS CLI do), with the spelling it came from. */
function variable(env: Env, name: string): { name: string; value: string } | undefined {
  for (const spelling of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[spelling]?.trim();
    if (value !== undefined && value !== '') return { name: spelling, value };
  }
  return undefined;
}

/**
 * The proxy for requests with `scheme` (`https` reads `HTTPS_PROXY`, `http` reads `HTTP_PROXY`),
 * or `undefined` when none is set. Throws {@link UsageError} naming the variable when its value
 * is not an `http://` or `https://` URL (the password, if any, masked).
 */
export function proxyUrl(env: Env, scheme: 'http' | 'https'): URL | undefined {
  const found = variable(env, `${scheme}_proxy`);
  if (found === undefined) return undefined;
  const text = found.value.includes('://') ? found.value : `http://${found.value}`;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    const shown = shorten(redactUrlCredentials(found.value, true));
    throw new UsageError(`invalid ${found.name} '${shown}': expected a proxy URL such as http://proxy.example.com:3128`);
  }
  return url;
}

/**
 * True when `NO_PROXY` says to reach `host` (a name or an IP address, without brackets) directly:
 * `*` matches every host; an entry (leading `.` or `*.` ignored) matches that host and its
 * subdomains; an entry with a port (`host:8080`) matches that port only. Entries are separated by
 * commas or spaces; no CIDR ranges, as in the AWS CLI.
 */
export function bypassesProxy(env: Env, host: string, port: number): boolean {
  const list = variable(env, 'no_proxy')?.value.toLowerCase();
  if (list === undefined) return false;
  if (list === '*') return true;
  const hostname = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const candidates = [hostname, `${hostname}:${port}`];
  return list.split(/[\s,]+/).some((raw) => {
    const entry = raw.replace(/^\*?\.*/, '').replace(/^\[(.*)\](:\d+)?$/, '$1$2');
    if (entry === '') return false;
    return candidates.some((candidate) => candidate === entry || candidate.endsWith(`.${entry}`));
  });
}

/** The host and port a connection is for, as Node's agents hand them to `createConnection`. */
function target(
  options: { host?: string | null | undefined; hostname?: string | null | undefined; port?: number | string | null | undefined },
  defaultPort: number,
): { host: string; port: number } {
  return { host: options.host ?? options.hostname ?? 'localhost', port: Number(options.port ?? defaultPort) || defaultPort };
}

/**
 * An agent that tunnels through `proxy` with `CONNECT` (hpagent), except to the hosts `NO_PROXY`
 * lists, which it reaches directly, as the plain agent would. One pool of kept-alive sockets.
 */
class HttpAgentFromEnv extends HttpProxyAgent {
  readonly #env: Env;

  constructor(proxy: URL, env: Env) {
    super({ ...AGENT_OPTIONS, proxy });
    this.#env = env;
  }

  override createConnection(
    options: Parameters<HttpAgent['createConnection']>[0],
    callback?: (error: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const { host, port } = target(options, 80);
    if (bypassesProxy(this.#env, host, port)) return HttpAgent.prototype.createConnection.call(this, options, callback);
    return super.createConnection(options, callback);
  }
}

/** {@link HttpAgentFromEnv} for `https://` endpoints: TLS runs inside the tunnel, end to end. */
class HttpsAgentFromEnv extends HttpsProxyAgent {
  readonly #env: Env;

  constructor(proxy: URL, env: Env) {
    super({ ...AGENT_OPTIONS, proxy });
    this.#env = env;
  }

  override createConnection(
    options: Parameters<HttpsAgent['createConnection']>[0],
    callback?: (error: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const { host, port } = target(options, 443);
    if (bypassesProxy(this.#env, host, port)) return HttpsAgent.prototype.createConnection.call(this, options, callback);
    return super.createConnection(options, callback);
  }
}

/**
 * The agents for the SDK client when `HTTPS_PROXY` or `HTTP_PROXY` is set, else `undefined` (the
 * SDK keeps its own). Throws {@link UsageError} for a proxy variable that holds no URL.
 */
export function proxyAgents(env: Env): ProxyAgents | undefined {
  const https = proxyUrl(env, 'https');
  const http = proxyUrl(env, 'http');
  if (https === undefined && http === undefined) return undefined;
  return {
    httpAgent: http === undefined ? new HttpAgent(AGENT_OPTIONS) : new HttpAgentFromEnv(http, env),
    httpsAgent: https === undefined ? new HttpsAgent(AGENT_OPTIONS) : new HttpsAgentFromEnv(https, env),
  };
}
