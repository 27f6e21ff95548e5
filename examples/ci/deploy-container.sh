#!/usr/bin/env bash
# Deploys a new version to an AWS Lightsail container service and waits until it is live, for a CI
# job (GitHub Actions, GitLab CI, a Makefile): exits 0 once the deployment is ACTIVE and the service
# RUNNING; otherwise exits non-zero with the reason and each container's last log lines on stderr.
#
# Three ways to give it the deployment:
#   CONTAINERS=containers.json SERVICE=api deploy-container.sh   deploys with the AWS CLI, then waits
#   aws lightsail create-container-service-deployment ... --output json | deploy-container.sh
#                                                                  waits on the deployment in that JSON
#   SERVICE=api deploy-container.sh < /dev/null                    waits on api's next deployment
# (stdin is read only when it is a pipe, a socket or a file). Arguments are passed on to lightsail-wait
# (e.g. --json, --max-delay 10s). Needs bash 4.4 or later (any Linux CI runner).
#
# Environment:
#   SERVICE          the container service (required, unless the deploy JSON comes on stdin)
#   CONTAINERS       a JSON file of the deployment's containers: deploy with `aws` (the AWS CLI)
#   PUBLIC_ENDPOINT  a JSON file of its public endpoint (optional, with CONTAINERS)
#   TIMEOUT          how long to wait for the deployment (default: 20m)
#   ENDPOINT         --endpoint-url for aws and lightsail-wait (a simulator, in tests)
#   LIGHTSAIL_WAIT   the lightsail-wait command (default: lightsail-wait on PATH, else npx lightsail-wait)
#
# Exit codes are lightsail-wait's: 0 live, 1 the deployment failed or was superseded, 2 bad usage,
# 3 timed out, 4 an AWS error (access denied, no such service), 70 a bug in lightsail-wait.
set -euo pipefail

timeout="${TIMEOUT:-20m}"
endpoint_args=()
if [[ -n "${ENDPOINT:-}" ]]; then endpoint_args=(--endpoint-url "$ENDPOINT"); fi

if [[ -n "${LIGHTSAIL_WAIT:-}" ]]; then
  read -r -a wait_cmd <<<"$LIGHTSAIL_WAIT"
elif command -v lightsail-wait >/dev/null 2>&1; then
  wait_cmd=(lightsail-wait)
else
  wait_cmd=(npx --no-install lightsail-wait)
fi

# GitHub Actions shows `::error::` lines as annotations on the run; elsewhere they are plain lines.
# (lightsail-wait annotates its own failures there, with the reason: `ended` does not repeat them.)
fail() {
  local code="$1" message="$2"
  if [[ "${GITHUB_ACTIONS:-}" == "true" ]]; then echo "::error title=Deployment of ${SERVICE:-the container service} failed::${message}" >&2; fi
  ended "$code" "$message"
}
ended() {
  echo "deploy-container: $2" >&2
  exit "$1"
}

status=0
if [[ -n "${CONTAINERS:-}" ]]; then
  [[ -n "${SERVICE:-}" ]] || fail 2 "SERVICE is required with CONTAINERS"
  command -v aws >/dev/null 2>&1 || fail 2 "CONTAINERS needs the AWS CLI (aws) to deploy; or pipe the deploy JSON to stdin"
  deploy_json="$(mktemp)"
  trap 'rm -f "$deploy_json"' EXIT
  public_endpoint=()
  if [[ -n "${PUBLIC_ENDPOINT:-}" ]]; then public_endpoint=(--public-endpoint "file://${PUBLIC_ENDPOINT}"); fi
  echo "deploy-container: deploying to ${SERVICE}"
  aws lightsail create-container-service-deployment \
    --service-name "$SERVICE" \
    --containers "file://${CONTAINERS}" \
    "${public_endpoint[@]}" \
    "${endpoint_args[@]}" \
    --output json >"$deploy_json" || fail 4 "aws lightsail create-container-service-deployment failed"
  "${wait_cmd[@]}" container-deployment --timeout "$timeout" "${endpoint_args[@]}" "$@" <"$deploy_json" || status=$?
elif [[ -p /dev/stdin || -S /dev/stdin || -f /dev/stdin ]]; then
  # The deploy JSON, piped in (a pipe or a socket) or from a file: lightsail-wait reads the service
  # and the version from it, within --timeout (a pipe nobody closes cannot hang the job).
  "${wait_cmd[@]}" container-deployment --timeout "$timeout" "${endpoint_args[@]}" "$@" || status=$?
else
  [[ -n "${SERVICE:-}" ]] || fail 2 "SERVICE is required when no deploy JSON is given"
  "${wait_cmd[@]}" container-deployment "$SERVICE" --timeout "$timeout" "${endpoint_args[@]}" "$@" </dev/null || status=$?
fi

case "$status" in
  0) echo "deploy-container: the deployment is live" ;;
  1) ended 1 "the deployment did not become active (reason and container logs above)" ;;
  3) ended 3 "the deployment was not live after ${timeout}" ;;
  4) ended 4 "AWS refused or could not find the service (see above)" ;;
  *) ended "$status" "lightsail-wait exited ${status}" ;;
esac
