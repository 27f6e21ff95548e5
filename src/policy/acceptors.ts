import type { Acceptor, ErrorAcceptor, OutputAcceptor } from '../engine/waiter-definition.js';
import { isNotFoundError } from './request-error-kind.js';

/** What the acceptors made of one probe result. */
export type Verdict = { readonly state: 'success' } | { readonly state: 'failure'; readonly reason: string } | { readonly state: 'retry' };

const RETRY: Verdict = Object.freeze({ state: 'retry' });
const SUCCESS: Verdict = Object.freeze({ state: 'success' });

function isErrorAcceptor<T, I>(acceptor: Acceptor<T, I>): acceptor is ErrorAcceptor {
  return 'error' in acceptor && acceptor.error !== undefined;
}

/** The verdict of the first output acceptor that matches, or `retry` (keep polling) when none does. */
export function acceptOutput<TOutput, TInput>(acceptors: readonly Acceptor<TOutput, TInput>[], output: TOutput, input: TInput): Verdict {
  for (const acceptor of acceptors) {
    if (isErrorAcceptor(acceptor)) continue;
    if (!(acceptor as OutputAcceptor<TOutput, TInput>).matches(output, input)) continue;
    if (acceptor.state === 'success') return SUCCESS;
    if (acceptor.state === 'retry') return RETRY;
    const reason = typeof acceptor.reason === 'function' ? acceptor.reason(output) : acceptor.reason;
    return Object.freeze({ state: 'failure', reason: reason ?? 'a failure state' });
  }
  return RETRY;
}

/** The verdict of the first error acceptor that matches the error, or `undefined` when none does. */
export function acceptError<TOutput, TInput>(acceptors: readonly Acceptor<TOutput, TInput>[], error: unknown): Verdict | undefined {
  for (const acceptor of acceptors) {
    if (!isErrorAcceptor(acceptor) || !errorMatches(acceptor.error, error)) continue;
    if (acceptor.state === 'failure') return Object.freeze({ state: 'failure', reason: acceptor.reason ?? errorName(error) });
    return acceptor.state === 'success' ? SUCCESS : RETRY;
  }
  return undefined;
}

function errorMatches(matcher: ErrorAcceptor['error'], error: unknown): boolean {
  if (typeof matcher === 'function') return matcher(error);
  if (matcher === 'NotFoundException') return isNotFoundError(error);
  return errorName(error) === matcher;
}

function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : 'Error';
}
