/**
 * The AWS SDK's Node.js version warning, replaced by one line of ours. On Node.js < 22 the SDK
 * prints a ten-line `NodeVersionSupportWarning` (releases from January 2027 need Node.js 22) in the
 * middle of the output, the first time a client is made. The bin silences it through the variable
 * the SDK reads for that, before any client exists; the CLI then says the same in one line on
 * stderr, in the default output only, unless the user had silenced the SDK's warning themselves.
 */

/** The variable the SDK reads when it makes a client: `"true"` skips its warning. */
export const SDK_NODE_WARNING_VARIABLE = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/** The oldest Node.js major version the SDK's releases from January 2027 support. */
const SDK_NODE_MAJOR = 22;

/** Turns the SDK's warning off in `env` (the bin passes `process.env`). */
export function silenceSdkNodeWarning(env: Record<string, string | undefined>): void {
  env[SDK_NODE_WARNING_VARIABLE] = 'true';
}

/**
 * Our line about the Node.js version, or `undefined` when there is nothing to say: Node.js 22 or
 * later, or the user set {@link SDK_NODE_WARNING_VARIABLE} to `true`. `env` is the environment as
 * the user set it (before {@link silenceSdkNodeWarning}); `version` is like `process.version`. Pure.
 */
export function nodeVersionNotice(version: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env[SDK_NODE_WARNING_VARIABLE] === 'true') return undefined;
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (!Number.isInteger(major) || major >= SDK_NODE_MAJOR) return undefined;
  return `lightsail-wait: Node.js ${major} is past end of life; AWS SDK releases from January 2027 need Node.js ${SDK_NODE_MAJOR}\n`;
}
