#!/usr/bin/env bash
# Creates an AWS Lightsail instance and waits until it is running with a public IP, for a CI job
# (GitHub Actions, GitLab CI, a Makefile): exits 0 and prints the IP once it is up; otherwise exits
# non-zero with the reason on stderr.
#
# It reads lightsail-wait's --json output, whose last line is always a summary
# ({"type":"summary","outcome":…,"exitCode":…,"results":[…]}), with node (no jq needed). Under
# GitHub Actions (GITHUB_ACTIONS=true) lightsail-wait itself annotates each failure, adds a table
# to the job summary and sets the step outputs (outcome, exit-code, results, public-ip); this
# script adds a notice with the address. Arguments are passed on to lightsail-wait (e.g.
# --max-delay 10s). Needs bash 4.4 or later and Node.js 20 (any CI runner with lightsail-waiter).
#
# Environment:
#   INSTANCE        the instance to create (required)
#   ZONE            its availability zone (default: us-east-1a)
#   BLUEPRINT       its blueprint (default: ubuntu_22_04)
#   BUNDLE          its bundle (default: nano_3_0)
#   TIMEOUT         how long to wait, for each of the two waits (default: 10m)
#   ENDPOINT        --endpoint-url for aws and lightsail-wait (a simulator, in tests)
#   LIGHTSAIL_WAIT  the lightsail-wait command (default: lightsail-wait on PATH, else npx lightsail-wait)
#
# Exit codes are lightsail-wait's: 0 running, 1 the create failed or the instance is gone,
# 2 bad usage, 3 timed out, 4 an AWS error (access denied, a name already in use), 70 a bug.
set -euo pipefail

timeout="${TIMEOUT:-10m}"
endpoint_args=()
if [[ -n "${ENDPOINT:-}" ]]; then endpoint_args=(--endpoint-url "$ENDPOINT"); fi

if [[ -n "${LIGHTSAIL_WAIT:-}" ]]; then
  read -r -a wait_cmd <<<"$LIGHTSAIL_WAIT"
elif command -v lightsail-wait >/dev/null 2>&1; then
  wait_cmd=(lightsail-wait)
else
  wait_cmd=(npx --no-install lightsail-wait)
fi

fail() {
  echo "deploy-instance: $2" >&2
  exit "$1"
}

# summary FILE FIELD: a field of the summary line that ends lightsail-wait's --json output
# (`outcome`, `results.0.publicIp`); `unknown` when there is none (the command line was rejected).
summary() {
  node -e '
    const [file, path] = process.argv.slice(1);
    const last = require("node:fs").readFileSync(file, "utf8").trim().split("\n").at(-1);
    const summary = last ? JSON.parse(last) : undefined;
    if (summary?.type !== "summary") { process.stdout.write("unknown"); process.exit(); }
    const value = path.split(".").reduce((object, key) => object?.[key], summary);
    process.stdout.write(typeof value === "string" ? value : JSON.stringify(value ?? null));
  ' "$1" "$2"
}

[[ -n "${INSTANCE:-}" ]] || fail 2 "INSTANCE is required"
command -v aws >/dev/null 2>&1 || fail 2 "the AWS CLI (aws) is needed to create the instance"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "deploy-instance: creating ${INSTANCE}"
aws lightsail create-instances \
  --instance-names "$INSTANCE" \
  --availability-zone "${ZONE:-us-east-1a}" \
  --blueprint-id "${BLUEPRINT:-ubuntu_22_04}" \
  --bundle-id "${BUNDLE:-nano_3_0}" \
  "${endpoint_args[@]}" \
  --output json >"$work/create.json" || fail 4 "aws lightsail create-instances failed"

# 1. The create's operation, read from the JSON the AWS CLI printed.
status=0
"${wait_cmd[@]}" --json --timeout "$timeout" "${endpoint_args[@]}" "$@" <"$work/create.json" >"$work/operations.jsonl" || status=$?
if [[ "$status" -ne 0 ]]; then
  fail "$status" "creating ${INSTANCE} ended $(summary "$work/operations.jsonl" outcome) (see above)"
fi
echo "deploy-instance: $(summary "$work/operations.jsonl" total) operation(s) succeeded"

# 2. The instance: running, with its public IP.
"${wait_cmd[@]}" instance-running "$INSTANCE" --json --timeout "$timeout" "${endpoint_args[@]}" "$@" </dev/null >"$work/instance.jsonl" || status=$?
if [[ "$status" -ne 0 ]]; then
  fail "$status" "${INSTANCE} is not running: $(summary "$work/instance.jsonl" outcome) (see above)"
fi
ip="$(summary "$work/instance.jsonl" results.0.publicIp)"
echo "deploy-instance: ${INSTANCE} is running at ${ip}"
if [[ "${GITHUB_ACTIONS:-}" == "true" ]]; then
  echo "::notice title=Instance ${INSTANCE} is running::public IP ${ip}"
fi
