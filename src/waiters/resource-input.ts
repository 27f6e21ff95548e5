import { describeValue } from '../engine/validate.js';

/** A name check: throws a `TypeError` naming the field, what a `kind` of name is, and what was received. */
type NameCheck = (field: string, value: unknown) => string;

function nameCheck(kind: string, isName: (text: string) => boolean): NameCheck {
  return (field, value) => {
    if (typeof value !== 'string' || !isName(value)) {
      throw new TypeError(`Expected \`${field}\` to be a Lightsail ${kind}, got ${describeValue(value)}`);
    }
    return value;
  };
}

// Lightsail's own pattern for resource names (`\w[\w\-]*\w` in the service model).
const RESOURCE_NAME = /^\w[\w-]*\w$/;
const MAX_NAME_LENGTH = 255;

/** Throws unless `value` is a Lightsail resource name; names the field and shows what was received. */
export const checkResourceName: NameCheck = nameCheck(
  'resource name (letters, digits, _ and -)',
  (text) => text.length <= MAX_NAME_LENGTH && RESOURCE_NAME.test(text),
);

// The service model's `ContainerServiceName`: 1 to 63 lower-case letters, digits and inner hyphens.
const SERVICE_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const MAX_SERVICE_NAME_LENGTH = 63;

/** True when `text` is a container service name (one character is one). */
export function isServiceName(text: string): boolean {
  return text.length <= MAX_SERVICE_NAME_LENGTH && SERVICE_NAME.test(text);
}

/** Throws unless `value` is a container service name (one character is one); names the field and shows what was received. */
export const checkServiceName: NameCheck = nameCheck(
  'container service name (1 to 63 lower-case letters, digits and inner hyphens)',
  isServiceName,
);

// The service model's `CertificateName` is a plain string, with no pattern (unlike `ResourceName`).
const CERTIFICATE_NAME = /^[^\s\p{Cc}]{1,255}$/u;

/** Throws unless `value` is a Lightsail certificate name: 1 to 255 characters, no spaces or control characters (`www.example.com` is one). */
export const checkCertificateName: NameCheck = nameCheck(
  'certificate name (1 to 255 characters, no spaces or control characters)',
  (text) => CERTIFICATE_NAME.test(text),
);

/**
 * Reads a waiter's input: the `Get*` command's input object (`{ instanceName: 'web-1' }`), or just
 * the name as a string. Checks the name field (with `check`: a resource name by default); keeps the
 * other fields for the caller to check.
 */
export function readNamedInput<K extends string>(
  field: K,
  value: unknown,
  check: NameCheck = checkResourceName,
): { readonly [P in K]: string } & Readonly<Record<string, unknown>> {
  if (typeof value === 'string') return { [field]: check(field, value) } as { [P in K]: string };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`Expected the input to be a resource name or \`{ ${field} }\`, got ${describeValue(value)}`);
  }
  const record = value as Record<string, unknown>;
  return { ...record, [field]: check(field, record[field]) } as { [P in K]: string } & Record<string, unknown>;
}

/** An error shaped like Lightsail's not-found, for a listing (`GetCertificates`) that simply omits the name. */
export function notFound(message: string): Error {
  return Object.assign(new Error(message), { name: 'NotFoundException' });
}
