import { shorten, UsageError } from './usage-error.js';

type Kind = 'string' | 'boolean' | 'location';

// The members of Lightsail's `Operation` shape (botocore's lightsail service-2.json) besides `id`
// and the timestamps, which input.ts reads itself. Enums (`status`, `operationType`,
// `resourceType`) are checked as strings only: Lightsail adds values, and the waiter knows what
// to do with a status it has not seen.
const MEMBERS: Readonly<Record<string, Kind>> = {
  resourceName: 'string',
  resourceType: 'string',
  location: 'location',
  isTerminal: 'boolean',
  operationDetails: 'string',
  operationType: 'string',
  status: 'string',
  errorCode: 'string',
  errorDetails: 'string',
};

// The members of the `ResourceLocation` shape an operation's `location` holds.
const LOCATION_MEMBERS = ['availabilityZone', 'regionName'] as const;

/**
 * Checks that the members of an operation read from stdin hold what the model says they do, so a
 * `"status": 123` is a usage error before any request rather than a crash while printing. An
 * absent member is fine; `null` is not a value the model (or the AWS CLI) gives. Members the model
 * does not name are left alone. Throws {@link UsageError} naming the first bad member (`path` is
 * where the operation sits, as `operations[0]`) and the value it holds.
 */
export function checkOperationMembers(record: Readonly<Record<string, unknown>>, path: string): void {
  for (const [member, kind] of Object.entries(MEMBERS)) {
    if (!Object.hasOwn(record, member)) continue;
    const value = record[member];
    const name = `${path}.${member}`;
    if (kind === 'string') expectString(value, name);
    else if (kind === 'boolean' && typeof value !== 'boolean') throw bad(name, 'is not true or false', value);
    else if (kind === 'location') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(name, 'is not an object', value);
      const location = value as Record<string, unknown>;
      for (const key of LOCATION_MEMBERS) if (Object.hasOwn(location, key)) expectString(location[key], `${name}.${key}`);
    }
  }
}

function expectString(value: unknown, name: string): void {
  if (typeof value !== 'string') throw bad(name, 'is not a string', value);
}

function bad(name: string, problem: string, value: unknown): UsageError {
  return new UsageError(`stdin JSON ${name} ${problem}: ${shorten(JSON.stringify(value) ?? String(value))}`);
}
