/** The text of `lightsail-wait --help`, exit codes included (the README copies them). */
export function helpText(): string {
  return `Usage: lightsail-wait [options] <operation-id>...
       aws lightsail <command> --output json | lightsail-wait [options]
       lightsail-wait [options] - < response.json
       lightsail-wait [options] --resource <name> [--resource <name>...]

Wait for AWS Lightsail operations to finish.

Operations come from the arguments or from standard input: the JSON that a
Lightsail command prints ({"operations": [...]} or {"operation": {...}}), an
array of operations, or operation ids separated by whitespace. '-' reads
standard input as well as the ids given. Operations already finished in that
JSON are reported without a request. Credentials and region come from the
standard AWS chain (environment, shared config and credentials files, SSO,
instance roles).

Options:
  --region <region>      AWS Region (default: from the AWS configuration)
  --profile <name>       Named profile from the shared AWS configuration
  --endpoint-url <url>   Send requests to this URL instead of Lightsail
  --timeout <duration>   Give up after this long: 90 (seconds), 90s, 10m, 1h
                         (default: 30m)
  --resource <name>      Wait until nothing is pending on this resource (an
                         instance, static IP, disk...): its unfinished
                         operations, then any that start meanwhile; repeatable
  --max-rps <n>          At most n GetOperation calls a second (default: 10)
  --min-delay <duration> Shortest delay between two polls (default: 1s)
  --max-delay <duration> Longest delay between two polls (default: 30s); the
                         schedule in between follows the operation's age and
                         type
  --json                 Print one JSON object per line: "status" and "retry"
                         events, then one "result" per operation
  --quiet                Print only errors
  -h, --help             Show this help
  --version              Show the version

Output: a live view on a terminal, a line per change otherwise. Failures go to
standard error with the operation id, errorCode and errorDetails. Set NO_COLOR
to turn color off.

Exit codes:
  0    every operation succeeded
  1    at least one operation failed
  2    bad usage or unreadable input (nothing was sent)
  3    timed out
  4    an AWS error that waiting will not fix: access denied, not
       authenticated, operation not found (after 10s, as a new operation
       can take a moment to appear), resource not found
  130  interrupted (SIGINT, Ctrl-C); 143 for SIGTERM
  When outcomes differ, the first that applies wins: 130/143, 4, 1, 3.
`;
}
