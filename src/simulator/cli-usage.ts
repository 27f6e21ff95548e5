/**
 * The help of the `lightsail-waiter-simulator` command, with the JSON schema of `--scenario` files.
 */

/** `lightsail-waiter-simulator --help`. */
export const USAGE = `Usage: lightsail-waiter-simulator [options]

Runs a local AWS Lightsail simulator (AWS JSON 1.1) and prints its endpoint on one line.
One endpoint serves every region (the one each request is signed for). Stops on SIGINT
(Ctrl-C) or SIGTERM. Durations are milliseconds of Lightsail time (divided by --time-scale).

Options:
  --scenario <file>   load options from a JSON file (see Scenario below); flags win,
                      list flags add to the file's lists
  --port <n>          TCP port, 0 for a random free one (default 0)
  --host <host>       interface to listen on (default 127.0.0.1)
  --region <name>     region of unsigned requests (default us-east-1)
  --time-scale <x>    divide every simulated duration by x (default 1)
  --max-rps <n>       answer ThrottlingException above n requests per second (default no limit)
  --burst <n>         with --max-rps: a token bucket of n tokens instead, refilled at
                      --max-rps a second (default: a sliding 1 s window)
  --cors              answer CORS preflights, any origin
  --instance-addresses <mode>
                      documentation (default) or loopback: 127.x.y.z public addresses
  --fail-operation <type>[:<errorCode>]
                      make operations of this type end Failed (errorCode default
                      OperationFailure); repeatable, e.g. CreateRelationalDatabase
  --fault <kind>[:<action>[:<times>]]
                      answer the next requests (of that action) with a fault before
                      the action runs; times a number (default 1) or inf; kinds:
                      ThrottlingException, ServiceException, AccessDeniedException,
                      UnauthenticatedException, InvalidInputException, NotFoundException,
                      OperationFailureException, AccountSetupInProgressException,
                      RegionSetupInProgressException, http500, http503, reset; repeatable
  --fault-after <kind>[:<action>[:<times>]]
                      the same, after the action ran: its work is done, its answer lost
                      (e.g. reset:CreateInstances: the SDK retries and meets NameExists)
  --not-found-for <ms>
                      GetOperation answers NotFoundException for new operations this long
  --not-found-shape <shape>
                      modeled (default), no-header or code-only (no __type, only
                      code DoesNotExist): how not-found answers look on the wire
  --clock-skew <ms>   the server's clock runs this far ahead (negative: behind), e.g.
                      --clock-skew=-300000; createdAt and statusChangedAt follow it
  --duration <type>=<ms>
                      exact duration of an operation type (inf: never ends); repeatable
  --vary-durations    draw durations from evidence-based distributions (default exact)
  --seed <n>          seed of --vary-durations (default 1)
  --request-log-limit <n>
                      requests kept in the request log (default 10000)
  --no-request-log    keep no request log (as --request-log-limit 0)
  --fail-certificate <name>[:<outcome>]
                      end the validation of certificates with this name FAILED (default)
                      or VALIDATION_TIMED_OUT; repeatable
  --unhealthy-instance <name>
                      load balancer health checks of this instance fail; repeatable
  --fail-deployment <service>[:<reason>]
                      deployments of this container service end FAILED after their
                      health check; the containers log the reason; repeatable
  --fail-image <text> deployments with a container image containing this text fail
                      (e.g. --fail-image broken); repeatable
  --fail-container-service <name>[:<code>]
                      the creation of this container service never ends: PENDING with
                      stateDetail UNKNOWN_ERROR (default) or CERTIFICATE_LIMIT_EXCEEDED
  -h, --help          show this help

Scenario: a JSON object whose members are startSimulator's options; all optional:
  {
    "port": 0, "host": "127.0.0.1", "region": "us-east-1", "timeScale": 1,
    "maxRequestsPerSecond": 5,                  // rate limit
    "requestBurst": 25,                         // as a token bucket of 25
    "notFoundForMs": 3000,                      // operations not visible yet
    "notFoundShape": "code-only",               // modeled | no-header | code-only
    "clockSkewMs": -300000,                     // server clock 5 min behind
    "durations": { "CreateInstance": 5000, "StopInstance": "Infinity" },
    "varyDurations": true, "seed": 7,
    "requestLogLimit": 0,
    "failures": [ { "match": { "operationType": "CreateInstance",
                               "resourceName": "web-1", "operationId": "…" },
                    "failure": { "errorCode": "NoCapacity", "errorDetails": "…" } } ],
    "faults": [ { "kind": "ThrottlingException", "action": "GetOperation",
                  "region": "us-east-1", "times": 3,        // or "Infinity"
                  "phase": "before",                        // or "after"
                  "notFoundShape": "code-only",             // NotFoundException only
                  "delayMs": 500 } ],                       // kind "delay" only
    "certificateOutcomes": { "cert-1": "FAILED" },
    "unhealthyInstances": [ "web-2" ],
    "deploymentFailures": [ { "serviceName": "api", "image": "broken", "reason": "…" } ],
    "containerServiceFailures": { "api": "UNKNOWN_ERROR" },
    "resourceDurations": { "publicIpDelayMs": 5000 },
    "instanceAddresses": "documentation", "cors": false,
    "notStartedMs": 1000, "pageSize": 200, "containerLogPageSize": 100
  }
  (Comments above are for this help only: the file is plain JSON.)

Exit status: 0 after a clean stop or --help, 1 when it cannot start, 2 for a bad
command line, scenario or option value.
`;
