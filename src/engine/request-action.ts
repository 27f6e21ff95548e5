/** The actions of failed requests that a probe sent besides its definition's own. */
const actions = new WeakMap<object, string>();

/**
 * Marks `error` as the failure of a request to `action`, for a probe that sends a second request
 * of another action: the wait's error then names the action that failed (and so the permission
 * that may be missing), not the definition's. Returns `error`.
 */
export function failedRequestTo(action: string, error: unknown): unknown {
  if (typeof error === 'object' && error !== null) actions.set(error, action);
  return error;
}

/** The action `error` was marked with by {@link failedRequestTo}, if any. */
export function actionOfFailure(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? actions.get(error) : undefined;
}
