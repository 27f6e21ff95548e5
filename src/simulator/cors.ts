/**
 * CORS headers, so a browser page can use the simulator when the `cors` option is on.
 */
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

/** The request headers the SDK sends from a browser. */
const ALLOWED_HEADERS =
  'content-type, x-amz-target, authorization, x-amz-date, x-amz-security-token, x-amz-user-agent, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request';

/** Headers added to every answer. */
export function corsHeaders(origin: string | undefined): OutgoingHttpHeaders {
  if (origin === undefined) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'x-amzn-requestid, x-amzn-errortype',
    ...(origin === '*' ? {} : { vary: 'Origin' }),
  };
}

/** Headers of the answer to a preflight (`OPTIONS`) request. */
export function preflightHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const requested = req.headers['access-control-request-headers'];
  return {
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': typeof requested === 'string' && requested !== '' ? requested : ALLOWED_HEADERS,
    'access-control-max-age': '600',
  };
}
