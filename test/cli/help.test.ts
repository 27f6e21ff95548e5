import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/cli/duration.js';
import { FLAGS } from '../../src/cli/flags.js';
import { JSON_SCHEMA_VERSION } from '../../src/cli/json-line.js';
import { DEFAULT_HEARTBEAT_MS } from '../../src/cli/render/heartbeat.js';
import { readVersion } from '../../src/cli/version.js';
import { DEFAULT_WAIT_OPTIONS } from '../../src/index.js';
import { runCli } from './helpers.js';

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('--help', () => {
  it('prints usage, options and exit codes, and exits 0 without a request', async () => {
    const { code, stdout, stderr, clientConfigs } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stderr.text).toBe('');
    expect(clientConfigs).toEqual([]);
    // The waiters are listed from the library's catalog (list.test.ts checks each is named): kept out of the snapshot.
    const text = stdout.text.replace(/(Waiters \(.*\):\n)(?: {2}.*\n)+/, '$1  <the waiters>\n');
    expect(text).toMatchInlineSnapshot(`
      "Usage: lightsail-wait [options] <waiter> <name>...
             lightsail-wait [options] container-deployment <service> [--version <n>]
             aws lightsail create-container-service-deployment ... --output json |
               lightsail-wait [options] container-deployment
             lightsail-wait [options] <operation-id>...
             aws lightsail <command> --output json | lightsail-wait [options]
             lightsail-wait [options] - < response.json
             lightsail-wait [options] --resource <name> [--resource <name>...]
             lightsail-wait --list

      Wait for AWS Lightsail resources to reach a state, or operations to finish.

      Waiters (--list says what each one polls and waits for):
        <the waiters>
      Short names: container-deployment (container-service-deployment-active)

      A waiter waits on every name given, in parallel:
        lightsail-wait instance-running web-1 web-2
        lightsail-wait instance-port-open web-1 --port 443
        lightsail-wait load-balancer-certificate-issued lb-1 --certificate cert-1

      container-deployment waits until a container service deployment is ACTIVE and
      the service RUNNING: the service's next deployment (else its current one), the
      one --version names, or the one in the JSON that
      aws lightsail create-container-service-deployment --output json prints, read
      from standard input when no service is given or with '-'. When it fails, the
      reason and each container's last log lines go to standard error (with --json,
      "reason" and "logs" in its result).

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
        --timeout <duration>   Give up after this long, for the whole command (stdin
                               included): 90 (seconds), 90s, 10m, 1h (default: 30m)
        --resource <name>      Wait until nothing is pending on this resource (an
                               instance, static IP, disk...): its unfinished
                               operations, then any that start meanwhile; repeatable
        --max-rps <n>          At most n requests a second, across every wait
                               (default: no cap; starts at 10 a second and adapts
                               to Lightsail's throttling)
        --min-delay <duration> Shortest delay between two polls (default: 1s)
        --max-delay <duration> Longest delay between two polls (default: 30s); the
                               schedule in between follows the operation's age and
                               type, or the waiter's typical duration
        --time-scale <n>       The endpoint runs n times faster than Lightsail (a
                               simulator started with the same timeScale): the
                               schedule and its delays are divided alike
        --heartbeat <duration> Piped output: every so often, a line per wait still
                               going (default: 1m; 0 or off: never)
        --json                 JSON Lines, schema v1: "status", "retry" and "rate"
                               lines while waiting, a "result" per operation or
                               resource, then always a last "summary" line
        --quiet                Print only errors
        --list                 List the waiters, one a line (with --json, as JSON)
        -h, --help             Show this help
        --version              Show the version

      Waiter options:
        --no-public-ip         instance-running: running is enough, without a
                               public IP
        --port <n>             instance-port-open: the TCP port (default: 22)
        --stable-for <duration>
                               instance-port-open: how long the port must keep
                               accepting connections; 0 for once (default: 10s)
        --certificate <name>   load-balancer-certificate-issued: the load balancer's
                               TLS certificate to wait for (required)
        --version <n>          container-deployment: the deployment version to wait
                               on (default: the service's next deployment, else its
                               current one); elsewhere --version shows the version

      Output: a live view on a terminal (plain lines with TERM=dumb), a line per
      change otherwise. Failures go to standard error: for an operation its id,
      errorCode and errorDetails; for a resource the waiter, its last state and the
      reason. Set NO_COLOR to turn color off. Text from Lightsail or stdin is shown
      with control characters escaped (\\x1b, \\u009b) and fields over 500 characters
      cut; --json keeps exact values, with those characters as \\u escapes.

      Limits: stdin up to 16 MiB, its JSON nested at most 64 levels deep, and
      at most 10000 operations, resources or deployments per command; beyond
      them, a usage error (2).

      Exit codes:
        0    every operation or resource succeeded
        1    an operation failed, or a resource reached a state it will not come
             back from (an instance terminated, a disk in error...)
        2    bad usage, unreadable input, or no region or credentials
             configured (nothing was sent)
        3    timed out (stdin left open past --timeout too)
        4    an AWS error that waiting will not fix: access denied, not
             authenticated, operation or resource not found (after 10s, as a new
             one can take a moment to appear)
        70   internal error: a bug in lightsail-wait (please report it)
        130  interrupted (SIGINT, Ctrl-C); 143 for SIGTERM
        2 is decided before any request. When the outcomes of the waits differ,
        the first that applies wins: 130/143, 4, 1, 3. A reader that goes away
        (| head) never changes the exit code.

      Environment:
        AWS_REGION, AWS_PROFILE, AWS_ACCESS_KEY_ID, ...
                               The AWS SDK's region and credential chain, checked
                               before the first request
        HTTPS_PROXY, HTTP_PROXY, NO_PROXY (or lowercase)
                               Send requests through a proxy (HTTPS_PROXY for AWS
                               endpoints, HTTP_PROXY for an http:// --endpoint-url)
        AWS_MAX_ATTEMPTS       Unset: one attempt per request, failures retried by
                               the waiter at the shared pace; set: the SDK retries
        GITHUB_ACTIONS=true    Grouped output, ::error annotations, a job summary
                               (in $GITHUB_STEP_SUMMARY) and step outputs (in
                               $GITHUB_OUTPUT)
        NO_COLOR               No color
        TERM=dumb              Plain lines instead of the live view

      Examples:
        # Wait for what a create call started, then until the instance is usable
        aws lightsail create-instances ... --output json | lightsail-wait
        lightsail-wait instance-running web-1 --timeout 10m
        lightsail-wait instance-port-open web-1 --port 22

        # In a script: branch on the exit code, keep the machine-readable summary
        lightsail-wait database-available db-1 --json > wait.jsonl; code=$?
        tail -n 1 wait.jsonl   # {"v":1,"type":"summary",...,"exitCode":0,...}

        # Against a simulator started with
        #   lightsail-waiter-simulator --port 8080 --time-scale 100
        lightsail-wait --endpoint-url http://127.0.0.1:8080 --time-scale 100 \\
          disk-available disk-1
      "
    `);
  });

  it('documents every flag the parser accepts, in lines of at most 78 characters', async () => {
    const { stdout } = await runCli(['--help']);
    for (const flag of Object.keys(FLAGS)) expect(stdout.text).toContain(`--${flag}`);
    expect(stdout.text.split('\n').filter((line) => line.length > 78)).toEqual([]);
  });

  it('shows the library defaults it is given, not copies of them', async () => {
    const { stdout } = await runCli(['--help']);
    expect(stdout.text).toContain(`(default: ${formatDuration(DEFAULT_WAIT_OPTIONS.minDelayMs)})`);
    expect(stdout.text).toContain(`(default: ${formatDuration(DEFAULT_HEARTBEAT_MS)}; 0 or off: never)`);
    expect(stdout.text).toContain(`JSON Lines, schema v${JSON_SCHEMA_VERSION}`);
  });

  it('answers --help after a waiter, without asking for names', async () => {
    const { code, stdout } = await runCli(['instance-running', '--help']);
    expect(code).toBe(0);
    expect(stdout.text).toMatch(/^Usage: lightsail-wait \[options\] <waiter> <name>\.\.\./);
  });

  it('answers -h too, whatever else is given', async () => {
    const { code, stdout } = await runCli(['op-1', '-h', '--json']);
    expect(code).toBe(0);
    expect(stdout.text).toMatch(/^Usage: lightsail-wait/);
  });
});

describe('--version', () => {
  it('prints the version it is given', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.text).toBe('9.9.9-test\n');
  });

  it('reads the version from the package.json above the module', () => {
    expect(readVersion()).toBe(packageVersion);
    expect(readVersion(pathToFileURL(`${process.cwd()}/dist/cli.js`).href)).toBe(packageVersion);
  });

  it('says unknown outside the package', () => {
    expect(readVersion('file:///nowhere/cli.js')).toBe('unknown');
  });
});
