/**
 * Validation of request members, answering `InvalidInputException` that names the member.
 */
import { invalidInput } from '../api-error.js';
import { checkZone } from '../zones.js';
import type { ActionContext, ActionInput } from './context.js';

/** Lightsail's pattern for resource names. */
const RESOURCE_NAME = /^\w[\w-]*\w$/;

/** A required string member. */
export function requireString(input: ActionInput, name: string): string {
  const value = input[name];
  if (value === undefined || value === null) throw invalidInput(`Missing required parameter \`${name}\`.`);
  if (typeof value !== 'string' || value === '') throw invalidInput(`The parameter \`${name}\` must be a non-empty string.`);
  return value;
}

/** An optional string member. */
export function optionalString(input: ActionInput, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidInput(`The parameter \`${name}\` must be a string.`);
  return value;
}

function checkName(name: string, value: string): string {
  if (!RESOURCE_NAME.test(value)) {
    throw invalidInput(`The parameter \`${name}\` is not a valid resource name: ${JSON.stringify(value)} (it must match \\w[\\w\\-]*\\w).`);
  }
  return value;
}

/** A required resource name member, matching `\w[\w\-]*\w`. */
export function requireName(input: ActionInput, name: string): string {
  return checkName(name, requireString(input, name));
}

/** A required non-empty list of resource names, without duplicates. */
export function requireNames(input: ActionInput, name: string): string[] {
  const value = input[name];
  if (value === undefined || value === null) throw invalidInput(`Missing required parameter \`${name}\`.`);
  if (!Array.isArray(value) || value.length === 0) throw invalidInput(`The parameter \`${name}\` must be a non-empty list of names.`);
  const names = value.map((item: unknown, i) => {
    if (typeof item !== 'string') throw invalidInput(`The parameter \`${name}[${i}]\` must be a string.`);
    return checkName(`${name}[${i}]`, item);
  });
  const duplicate = names.find((item, i) => names.indexOf(item) !== i);
  if (duplicate !== undefined) throw invalidInput(`The parameter \`${name}\` names ${duplicate} more than once.`);
  return names;
}

/** A required integer member >= 1. */
export function requirePositiveInteger(input: ActionInput, name: string): number {
  const value = input[name];
  if (value === undefined || value === null) throw invalidInput(`Missing required parameter \`${name}\`.`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalidInput(`The parameter \`${name}\` must be an integer >= 1.`);
  }
  return value;
}

/** A required availability zone of the request's region, e.g. `us-east-1a`. */
export function requireAvailabilityZone(ctx: ActionContext, input: ActionInput): string {
  return checkZone(ctx.state.config.region, requireString(input, 'availabilityZone'));
}

/** An optional boolean member. */
export function optionalBoolean(input: ActionInput, name: string): boolean | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidInput(`The parameter \`${name}\` must be a boolean.`);
  return value;
}

/** A required integer member from `min` to `max`. */
export function requireIntegerIn(input: ActionInput, name: string, min: number, max: number): number {
  const value = input[name];
  if (value === undefined || value === null) throw invalidInput(`Missing required parameter \`${name}\`.`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidInput(`The parameter \`${name}\` must be an integer from ${min} to ${max}.`);
  }
  return value;
}

/** An optional list of non-empty strings. */
export function optionalStrings(input: ActionInput, name: string): string[] {
  const value = input[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    throw invalidInput(`The parameter \`${name}\` must be a list of non-empty strings.`);
  }
  return value as string[];
}

/** A required JSON object member. */
export function requireObject(input: ActionInput, name: string): ActionInput {
  const value = input[name];
  if (value === undefined || value === null) throw invalidInput(`Missing required parameter \`${name}\`.`);
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidInput(`The parameter \`${name}\` must be an object.`);
  return value as ActionInput;
}

/** An optional JSON object member. */
export function optionalObject(input: ActionInput, name: string): ActionInput | undefined {
  return input[name] === undefined || input[name] === null ? undefined : requireObject(input, name);
}

/** An optional `tags` member (a list of `{key, value?}`), echoed back as given. */
export function readTags(input: ActionInput): object[] {
  const value = input.tags;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((t) => typeof t !== 'object' || t === null || typeof (t as ActionInput).key !== 'string')) {
    throw invalidInput('The parameter `tags` must be a list of {key, value} objects.');
  }
  return value.map((t: ActionInput) => ({ key: t.key, ...(typeof t.value === 'string' ? { value: t.value } : {}) }));
}
