// AWS access key ids: AKIA… (long-term) and ASIA… (temporary), 20 characters.
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;
const SECRET_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ACCESS_KEY_ID'] as const;

/**
 * Returns a function that masks credentials in text before the CLI prints it: anything shaped like
 * an access key id, and the literal values of the AWS credential variables in `env`. Error
 * messages come from the SDK and the server, so the CLI does not trust them to be clean.
 */
export function redactor(env: Readonly<Record<string, string | undefined>>): (text: string) => string {
  const secrets = SECRET_VARIABLES.map((name) => env[name]).filter((v): v is string => v !== undefined && v.length >= 8);
  return (text) => {
    let out = text.replace(ACCESS_KEY_ID, '[REDACTED]');
    for (const secret of secrets) out = out.split(secret).join('[REDACTED]');
    return out;
  };
}
