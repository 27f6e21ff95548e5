/**
 * What each waiter waits for, as words that follow "until", for `--list` (which adds the action it
 * polls). Keyed by waiter name; a test checks that every waiter has one.
 */
export const WAITER_DESCRIPTIONS: Readonly<Record<string, string>> = Object.freeze({
  'instance-running': 'it is running with a public IP (unless --no-public-ip); fails if shutting down or terminated',
  'instance-stopped': 'it is stopped; fails if shutting down or terminated',
  'instance-deleted': 'it is gone (not found)',
  'instance-port-open': 'TCP connections to --port on its public IP have succeeded for --stable-for',
  'disk-available': 'it is available (created, or detached); fails on error',
  'disk-in-use': 'it is in-use (attached); fails on error',
  'database-available': 'it is available; fails on failed, storage-full, incompatible-*, deleting...',
  'load-balancer-active': 'it is active; fails on failed',
  'load-balancer-instances-healthy': 'every attached instance is healthy; fails if the load balancer failed',
  'load-balancer-certificate-issued': 'the --certificate is ISSUED; fails on FAILED, VALIDATION_TIMED_OUT, REVOKED, EXPIRED',
  'certificate-issued': 'it is ISSUED (DNS validation can take hours: raise --timeout); fails on FAILED, VALIDATION_TIMED_OUT...',
  'distribution-deployed': 'it is Deployed',
  'container-service-ready': 'it is READY or RUNNING; fails if DISABLED, being deleted, or in error',
  'container-service-deleted': 'it is gone (not found)',
  'container-service-deployment-active':
    "its next (or current, or --version) deployment is ACTIVE and the service RUNNING; fails, with each container's log tail, if it FAILED or was superseded",
});
