/**
 * What the CLI accepts as an operation id: letters, digits, `-` and `_` (Lightsail's ids are
 * UUIDs). Anything else, such as a file name, is a usage error rather than a doomed request.
 */
export const OPERATION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** True when `text` can be an operation id. */
export function isOperationId(text: string): boolean {
  return OPERATION_ID.test(text);
}
