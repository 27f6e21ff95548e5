/**
 * `GetContainerLog`: the log events each container of each deployment writes, derived from the
 * deployment's instants, then filtered and paged.
 *
 * Lightsail's own lines are prefixed `[deployment:N]`. Public runbooks of failed Lightsail deployments
 * (GitHub code search: the KareMatch Lightsail deployment guide; the Bonum "lightsail-deploy" runbook)
 * describe the log of a deployment that never becomes healthy as "Creating...", "Started 1 new node"
 * three times, then "Canceled"; the simulator writes those, plus a line with the image on each start,
 * the failure's `reason` after each start and "Took too long" before "Canceled" (wording not found in
 * a published log). A deployment that succeeds logs "Reached a steady state" when its health check
 * passes (wording also not verified). Events are kept `containerLogRetentionMs` (3 days in the dev guide).
 */
import { invalidInput } from './api-error.js';
import type { ContainerServiceRecord, DeploymentRecord } from './container-services.js';

/** One log event: clock ms, and the tie-breaking position of the event in the service's log. */
export interface LogEvent {
  readonly at: number;
  readonly version: number;
  readonly index: number;
  readonly message: string;
}

/** The default failure reason of a deployment. */
export function defaultFailureReason(d: Pick<DeploymentRecord, 'publicEndpoint'>): string {
  const endpoint = d.publicEndpoint;
  if (endpoint === undefined) return 'Container exited with code 1';
  const { path, successCodes } = endpoint.healthCheck;
  return `Health check failed: ${endpoint.containerName}:${endpoint.containerPort}${path} did not answer ${successCodes}`;
}

/** Every event `containerName` of deployment `d` writes, whenever it happens. */
function deploymentEvents(d: DeploymentRecord, containerName: string): Array<Omit<LogEvent, 'version' | 'index'>> {
  const spec = d.containers[containerName];
  if (spec === undefined) return [];
  const tag = `[deployment:${d.version}]`;
  const started = (at: number) => [
    { at, message: `${tag} Started ${d.nodes === 1 ? '1 new node' : `${d.nodes} new nodes`}` },
    { at, message: `${tag} Started container ${containerName} from image ${spec.image}` },
  ];
  const events = [{ at: d.startAt, message: `${tag} Creating your deployment` }, ...started(d.creatingEnd)];
  if (d.failure === undefined) {
    events.push({ at: d.healthEnd, message: `${tag} Reached a steady state` });
  } else {
    const from = Math.max(d.creatingEnd, d.failure.since);
    const step = (d.healthEnd - from) / 3;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      events.push({ at: from + (attempt + 0.5) * step, message: `${tag} ${d.failure.reason}` });
      if (attempt < 2) events.push(...started(from + (attempt + 1) * step));
    }
    events.push({ at: d.healthEnd, message: `${tag} Took too long` }, { at: d.healthEnd, message: `${tag} Canceled` });
  }
  if (d.supersededAt === undefined) return events;
  const cut = d.supersededAt;
  return [...events.filter((e) => e.at < cut), { at: cut, message: `${tag} Canceled` }];
}

/** Whether any retained deployment has a container of this name. */
export function hasContainer(service: ContainerServiceRecord, containerName: string): boolean {
  return service.deployments.some((d) => Object.hasOwn(d.containers, containerName));
}

/** The container's events written by `now` and still retained, oldest first. */
export function containerEvents(service: ContainerServiceRecord, containerName: string, now: number, retentionMs: number): LogEvent[] {
  const events: LogEvent[] = [];
  for (const d of service.deployments) {
    deploymentEvents(d, containerName).forEach((e, index) => {
      const at = Math.round(e.at);
      if (at <= now && at >= now - retentionMs) events.push({ at, version: d.version, index, message: e.message });
    });
  }
  return events.sort((a, b) => a.at - b.at || a.version - b.version || a.index - b.index);
}

/**
 * Whether `message` matches a filter pattern as the SDK documents them: `""` matches everything,
 * `"ERROR Exception"` needs both terms, `"?ERROR ?Exception"` either, `"-ERROR"` excludes. Terms are
 * case-sensitive (dev guide amazon-lightsail-viewing-container-service-container-logs.md).
 */
export function matchesPattern(message: string, pattern: string): boolean {
  const terms = pattern.split(/\s+/).filter((term) => term !== '' && term !== '""');
  const anyOf = terms.filter((t) => t.startsWith('?') && t.length > 1).map((t) => t.slice(1));
  const noneOf = terms.filter((t) => t.startsWith('-') && t.length > 1).map((t) => t.slice(1));
  const allOf = terms.filter((t) => !/^[?-]./.test(t));
  return (
    allOf.every((t) => message.includes(t)) &&
    noneOf.every((t) => !message.includes(t)) &&
    (anyOf.length === 0 || anyOf.some((t) => message.includes(t)))
  );
}

function encodeToken(e: LogEvent): string {
  return Buffer.from(`${e.at}:${e.version}:${e.index}`, 'utf8').toString('base64url');
}

function decodeToken(token: string): LogEvent {
  const match = /^(-?\d+):(\d+):(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null) throw invalidInput(`The pageToken ${JSON.stringify(token)} is not valid.`);
  return { at: Number(match[1]), version: Number(match[2]), index: Number(match[3]), message: '' };
}

function isAfter(e: LogEvent, key: LogEvent): boolean {
  return e.at > key.at || (e.at === key.at && (e.version > key.version || (e.version === key.version && e.index > key.index)));
}

/** The page of `events` (oldest first) after `pageToken`, and the token of the next page if more remain. */
export function pageEvents(
  events: readonly LogEvent[],
  pageToken: string | undefined,
  size: number,
): { page: LogEvent[]; nextPageToken: string | undefined } {
  const key = pageToken === undefined || pageToken === '' ? undefined : decodeToken(pageToken);
  const rest = key === undefined ? events : events.filter((e) => isAfter(e, key));
  const page = rest.slice(0, size);
  const last = page[page.length - 1];
  return { page, nextPageToken: rest.length > size && last !== undefined ? encodeToken(last) : undefined };
}
