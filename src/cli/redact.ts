// AWS access key ids: AKIA… (long-term) and ASIA… (temporary), 20 characters.
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;
const SECRET_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ACCESS_KEY_ID'] as const;
// The userinfo of a URL (`scheme://user:password@host`): anything up to the last `@` before the host ends.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi;
// The same without a scheme, at the start of a value (`user:password@host`, which is no URL).
const LEADING_USERINFO = /^[^\s/?#:@]+:[^\s/?#]*@/;

/** What a masked secret is replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * Masks the user name and password in every URL of `text`: `ftp://admin:hunter2@host/x` becomes
 * `ftp://[REDACTED]@host/x`. With `wholeValue` (a value that should be one URL, such as
 * `--endpoint-url`), a leading `user:password@` without a scheme is masked too. Pure.
 */
export function redactUrlCredentials(text: string, wholeValue = false): string {
  const masked = text.replace(URL_USERINFO, `$1${REDACTED}@`);
  return wholeValue ? masked.replace(LEADING_USERINFO, `${REDACTED}@`) : masked;
}

/**
 * Returns a function that masks credentials in text before the CLI prints it: anything shaped like
 * an access key id, the literal values of the AWS credential variables in `env`, and the user
 * name and password of any URL. Error messages come from the SDK and the server, so the CLI does
 * not trust them to be clean.
 */
export function redactor(env: Readonly<Record<string, string | undefined>>): (text: string) => string {
  const secrets = SECRET_VARIABLES.map((name) => env[name]).filter((v): v is string => v !== undefined && v.length >= 8);
  return (text) => {
    let out = redactUrlCredentials(text).replace(ACCESS_KEY_ID, REDACTED);
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out;
  };
}
