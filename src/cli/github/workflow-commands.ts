/**
 * GitHub Actions workflow commands (`::error title=…::message`), written as GitHub's runner reads
 * them: the message escaped so that it stays one line, each property escaped so that it stays one
 * property. See "Workflow commands for GitHub Actions" in GitHub's documentation.
 */

/** True when running in a GitHub Actions job: the runner sets `GITHUB_ACTIONS=true`. */
export function isGitHubActions(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** Escapes a command's message: `%` → `%25`, CR → `%0D`, LF → `%0A`. Pure. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a command's property value: as {@link escapeData}, and `:` → `%3A`, `,` → `%2C`. Pure. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * One workflow command line, newline included: `::error title=web-1%3A timed out::message`.
 * Properties with an empty value are left out. Pure.
 */
export function workflowCommand(command: string, properties: Readonly<Record<string, string>>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  return `::${command}${props === '' ? '' : ` ${props}`}::${escapeData(message)}\n`;
}

/** A stream the runner reads: standard output or error. */
interface Output {
  write(text: string): unknown;
}

/**
 * The stream to write text from outside (container log lines, Lightsail's error details) through:
 * under GitHub Actions, every write has workflow commands turned off around it
 * (`::stop-commands::<token>` … `::<token>::`), so that no line of it is taken for one (an
 * `::add-mask::` or `::error::` in a container's log); elsewhere the stream itself.
 */
export function commandSafe(out: Output, env: Readonly<Record<string, string | undefined>>, token: () => string = randomToken): Output {
  if (!isGitHubActions(env)) return out;
  return {
    write(text: string) {
      if (text === '') return true;
      const stop = token();
      return out.write(`::stop-commands::${stop}\n${text.endsWith('\n') ? text : `${text}\n`}::${stop}::\n`);
    },
  };
}

/** A token nobody can guess, so that the text in between cannot turn commands back on. */
function randomToken(): string {
  return globalThis.crypto.randomUUID();
}
