/**
 * Validation of container service request members, answering `InvalidInputException` that names the
 * member. Limits from the Lightsail API reference (names: 1–63 characters for services, 1–53 for
 * containers, lower-case letters, digits and inner hyphens), the SDK's health check documentation
 * (timeout 2–60 s, interval 5–300 s), terraform-provider-aws (scale 1–20) and the dev guide (up to 10
 * containers per deployment, up to 4 public domain names).
 */
import { invalidInput } from '../api-error.js';
import type { ContainerSpec, EndpointSpec } from '../container-services.js';
import type { ActionInput } from './context.js';
import { optionalObject, requireString } from './input.js';

const NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const POWERS = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge'];
const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'UDP'];

function checkName(member: string, value: string, maxLength: number): string {
  if (value.length > maxLength || !NAME.test(value)) {
    throw invalidInput(
      `The parameter \`${member}\` must be 1 to ${maxLength} lower-case letters, digits and inner hyphens, got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

/** The required `serviceName`. */
export function requireServiceName(input: ActionInput): string {
  return checkName('serviceName', requireString(input, 'serviceName'), 63);
}

/** The `power` member: required on create, optional on update. */
export function readPower(input: ActionInput, required: boolean): string | undefined {
  const value = input.power;
  if ((value === undefined || value === null) && !required) return undefined;
  const power = requireString(input, 'power');
  if (!POWERS.includes(power))
    throw invalidInput(`The parameter \`power\` must be one of ${POWERS.join(', ')}, got ${JSON.stringify(power)}.`);
  return power;
}

/** The `scale` member (1 to 20): required on create, optional on update. */
export function readScale(input: ActionInput, required: boolean): number | undefined {
  const value = input.scale;
  if (value === undefined || value === null) {
    if (required) throw invalidInput('Missing required parameter `scale`.');
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 20) {
    throw invalidInput('The parameter `scale` must be an integer from 1 to 20.');
  }
  return value;
}

/** `publicDomainNames`: certificate name → domain names, at most 4 domain names in all. */
export function readDomainNames(input: ActionInput): Record<string, string[]> | undefined {
  const value = optionalObject(input, 'publicDomainNames');
  if (value === undefined) return undefined;
  const result: Record<string, string[]> = {};
  for (const [cert, names] of Object.entries(value)) {
    if (!Array.isArray(names) || names.some((n) => typeof n !== 'string' || n === '')) {
      throw invalidInput(`The parameter \`publicDomainNames.${cert}\` must be a list of domain names.`);
    }
    result[cert] = [...(names as string[])];
  }
  return result;
}

/** Throws unless a service would use at most 4 public domain names. */
export function checkDomainCount(domains: Readonly<Record<string, readonly string[]>>): void {
  const count = Object.values(domains).reduce((n, names) => n + names.length, 0);
  if (count > 4) throw invalidInput(`A container service can use up to 4 public domain names, got ${count}.`);
}

/** `privateRegistryAccess.ecrImagePullerRole.isActive`, if given. */
export function readEcrPuller(input: ActionInput): boolean | undefined {
  const access = optionalObject(input, 'privateRegistryAccess');
  const role = access === undefined ? undefined : optionalObject(access, 'ecrImagePullerRole');
  const active = role?.isActive;
  if (active !== undefined && active !== null && typeof active !== 'boolean') {
    throw invalidInput('The parameter `privateRegistryAccess.ecrImagePullerRole.isActive` must be a boolean.');
  }
  return typeof active === 'boolean' ? active : undefined;
}

function stringList(value: unknown, member: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw invalidInput(`The parameter \`${member}\` must be a list of strings.`);
  return [...(value as string[])];
}

function stringMap(value: unknown, member: string, check: (key: string, item: unknown) => boolean): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidInput(`The parameter \`${member}\` must be an object.`);
  for (const [key, item] of Object.entries(value)) {
    if (!check(key, item)) throw invalidInput(`The parameter \`${member}.${key}\` is not valid: ${JSON.stringify(item)}.`);
  }
  return { ...(value as Record<string, string>) };
}

function readContainer(name: string, value: unknown): ContainerSpec {
  const member = `containers.${name}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidInput(`The parameter \`${member}\` must be an object.`);
  const c = value as ActionInput;
  const image = c.image;
  if (typeof image !== 'string' || image === '') throw invalidInput(`The parameter \`${member}.image\` must be a non-empty string.`);
  return {
    image,
    command: stringList(c.command, `${member}.command`),
    environment: stringMap(c.environment, `${member}.environment`, (_k, v) => typeof v === 'string'),
    ports: stringMap(
      c.ports,
      `${member}.ports`,
      (k, v) => /^\d{1,5}$/.test(k) && Number(k) >= 1 && Number(k) <= 65_535 && PROTOCOLS.includes(v as string),
    ),
  };
}

/** `containers`: 1 to 10 named containers, each with an image. */
export function readContainers(value: unknown): Record<string, ContainerSpec> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidInput('The parameter `containers` must be an object.');
  const entries = Object.entries(value);
  if (entries.length === 0 || entries.length > 10) throw invalidInput(`A deployment must have 1 to 10 containers, got ${entries.length}.`);
  const containers: Record<string, ContainerSpec> = {};
  for (const [name, spec] of entries) containers[checkName('containers key', name, 53)] = readContainer(name, spec);
  return containers;
}

function rangedInt(check: ActionInput, key: string, min: number, max: number, fallback: number): number {
  const value = check[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidInput(`The parameter \`publicEndpoint.healthCheck.${key}\` must be an integer from ${min} to ${max}.`);
  }
  return value;
}

/** `publicEndpoint`: a container of the deployment with an HTTP or HTTPS port open; health check defaults as the SDK documents them. */
export function readEndpoint(value: unknown, containers: Readonly<Record<string, ContainerSpec>>): EndpointSpec | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidInput('The parameter `publicEndpoint` must be an object.');
  const endpoint = value as ActionInput;
  const containerName = requireString(endpoint, 'containerName');
  const container = containers[containerName];
  if (container === undefined) throw invalidInput(`The public endpoint container ${containerName} is not a container of the deployment.`);
  const port = endpoint.containerPort;
  const protocol = container.ports[String(port)];
  if (typeof port !== 'number' || (protocol !== 'HTTP' && protocol !== 'HTTPS')) {
    throw invalidInput(`The public endpoint port ${JSON.stringify(port)} is not an HTTP or HTTPS port of container ${containerName}.`);
  }
  const check = (endpoint.healthCheck ?? {}) as ActionInput;
  if (typeof check !== 'object' || Array.isArray(check))
    throw invalidInput('The parameter `publicEndpoint.healthCheck` must be an object.');
  const path = check.path ?? '/';
  const successCodes = check.successCodes ?? '200-499';
  if (typeof path !== 'string' || typeof successCodes !== 'string') {
    throw invalidInput('The parameters `publicEndpoint.healthCheck.path` and `successCodes` must be strings.');
  }
  return {
    containerName,
    containerPort: port,
    healthCheck: {
      // No published range for the thresholds: 1 to 10 accepted.
      healthyThreshold: rangedInt(check, 'healthyThreshold', 1, 10, 2),
      unhealthyThreshold: rangedInt(check, 'unhealthyThreshold', 1, 10, 2),
      timeoutSeconds: rangedInt(check, 'timeoutSeconds', 2, 60, 2),
      intervalSeconds: rangedInt(check, 'intervalSeconds', 5, 300, 5),
      path,
      successCodes,
    },
  };
}
