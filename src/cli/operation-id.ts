/**
 * What the CLI accepts as an operation id: letters, digits, `-` and `_` (Lightsail's ids are
 * UUIDs). Anything else, such as a file name, is a usage error rather than a doomed request.
 */
export const OPERATION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** True when `text` can be an operation id. */
export function isOperationId(text: string): boolean {
  return OPERATION_ID.test(text);
}

/**
 * Words that match {@link OPERATION_ID} but are what a shell substitution of an AWS CLI query
 * printed when it matched nothing, or another JSON literal: no operation is called that.
 */
const NOT_IDS: Readonly<Record<string, string>> = {
  null: 'JSON null, what an AWS CLI `--query` that matched nothing prints',
  None: 'what an AWS CLI `--query` that matched nothing prints with `--output text`',
  true: 'JSON true',
  false: 'JSON false',
};

/** Why `word` is not taken as an operation id though it looks like one (`null`, `None`), or `undefined`. */
export function notAnId(word: string): string | undefined {
  return Object.hasOwn(NOT_IDS, word) ? NOT_IDS[word] : undefined;
}
