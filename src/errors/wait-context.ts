/** What a timeout or abort error knows about the wait it ended, besides the operation. */
export interface WaitContext {
  /** The waiter's name: `'instance-running'`; `'operation'` for operation waits. */
  readonly waiter?: string;
  /** What was waited on: the resource name, or the operation id. */
  readonly target?: string;
  /** The last state seen (`'pending'`, `'Started'`), if any. */
  readonly state?: string | undefined;
  /** The last probe output seen, if any. */
  readonly output?: unknown;
  /** The last request error, when the last requests failed: why nothing newer was seen. */
  readonly lastError?: unknown;
  /** For how long, in milliseconds, every request has failed, when the last one did. */
  readonly failingForMs?: number;
}
