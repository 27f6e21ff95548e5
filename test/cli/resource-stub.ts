import type { SendOptions } from '../../src/types.js';

/** One scripted answer to a `Get*` call: the output to return, an error to throw, or a function of the call. */
export type ResourceReply = object | Error | ((call: ResourceCall) => object | Promise<object>);

/** One `send` the stub received. */
export interface ResourceCall {
  /** The command's action: `GetInstance`. */
  readonly action: string;
  /** The resource the command names (its first string input field). */
  readonly name: string;
  /** The command's whole input (`GetContainerLog`'s `containerName`). */
  readonly input: Readonly<Record<string, unknown>>;
  readonly signal: AbortSignal | undefined;
  /** `now()` when it was sent. */
  readonly at: number;
}

/**
 * A client for the resource waiters: answers each `"<Action> <name>"` (`'GetInstance web-1'`) from
 * its own script, one reply a call, the last repeating; anything unscripted is a
 * `NotFoundException`. Records every call with the time on the given clock.
 */
export function resourceClient(scripts: Record<string, ResourceReply[]>, now: () => number = () => 0) {
  const calls: ResourceCall[] = [];
  const queues = new Map(Object.entries(scripts).map(([key, replies]) => [key, [...replies]]));
  return {
    calls,
    async send(command: { input: object }, options?: SendOptions): Promise<object> {
      const action = command.constructor.name.replace(/Command$/, '');
      const name = String(Object.values(command.input).find((v) => typeof v === 'string') ?? '');
      const call = { action, name, input: command.input as Record<string, unknown>, signal: options?.abortSignal, at: now() };
      calls.push(call);
      const queue = queues.get(`${action} ${name}`);
      if (queue === undefined) throw notFound(`${action}: ${name} does not exist`);
      const reply = queue.length > 1 ? queue.shift() : queue[0];
      if (reply instanceof Error) throw reply;
      const output = typeof reply === 'function' ? await reply(call) : reply;
      return { ...output, $metadata: { httpStatusCode: 200 } };
    },
  };
}

/** Lightsail's not-found, as the SDK throws it. */
export function notFound(message: string): Error {
  return Object.assign(new Error(message), { name: 'NotFoundException', $metadata: { httpStatusCode: 400 } });
}

/** A `GetInstance` output. */
export function instance(state: string, publicIpAddress?: string) {
  return { instance: { name: 'web', state: { name: state }, ...(publicIpAddress === undefined ? {} : { publicIpAddress }) } };
}

/** A `GetDisk` output. */
export function disk(state: string, attachmentState?: string) {
  return { disk: { name: 'disk', state, ...(attachmentState === undefined ? {} : { attachmentState }) } };
}

/** A `GetRelationalDatabase` output. */
export function database(state: string) {
  return { relationalDatabase: { name: 'db', state } };
}

/** A `GetLoadBalancer` output, with each attached instance's health. */
export function loadBalancer(state: string, health: Record<string, string> = {}) {
  const instanceHealthSummary = Object.entries(health).map(([instanceName, instanceHealth]) => ({ instanceName, instanceHealth }));
  return { loadBalancer: { name: 'lb', state, instanceHealthSummary } };
}

/** A `GetLoadBalancerTlsCertificates` output holding one certificate. */
export function lbCertificates(name: string, status: string) {
  return { tlsCertificates: [{ name, status }] };
}

/** A `GetCertificates` output holding one certificate. */
export function certificates(certificateName: string, status: string) {
  return { certificates: [{ certificateName, certificateDetail: { name: certificateName, status } }] };
}

/** A `GetDistributions` output holding one distribution. */
export function distributions(name: string, status: string) {
  return { distributions: [{ name, status }] };
}

/** A `GetContainerServices` output holding one service. */
export function containerServices(containerServiceName: string, state: string) {
  return { containerServices: [{ containerServiceName, state }] };
}

/** A deployment as `GetContainerServices` shows it: its version, state and containers. */
export function deployment(version: number, state: string, containers: readonly string[] = ['web']) {
  return {
    version,
    state,
    createdAt: new Date(0),
    containers: Object.fromEntries(containers.map((name) => [name, { image: `${name}:latest` }])),
  };
}

/** A `GetContainerServices` output: one service with its state, `stateDetail.code` and deployments. */
export function containerService(
  containerServiceName: string,
  state: string,
  fields: { code?: string; message?: string; next?: object; current?: object } = {},
) {
  const { code, message, next, current } = fields;
  return {
    containerServices: [
      {
        containerServiceName,
        state,
        ...(code === undefined && message === undefined ? {} : { stateDetail: { code, message } }),
        ...(next === undefined ? {} : { nextDeployment: next }),
        ...(current === undefined ? {} : { currentDeployment: current }),
      },
    ],
  };
}

/** `GetContainerLog` replies by container name: its messages, or an error to throw. */
export function containerLogs(byContainer: Record<string, readonly string[] | Error>): (call: ResourceCall) => object {
  return (call) => {
    const log = byContainer[String(call.input.containerName)] ?? [];
    if (log instanceof Error) throw log;
    return { logEvents: log.map((message) => ({ createdAt: new Date(0), message })) };
  };
}
