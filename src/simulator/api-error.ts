/**
 * The error an action throws to answer the client with a Lightsail error body, and the modelled
 * exceptions with their HTTP status and `code` member.
 */

/**
 * The exceptions Lightsail's service model declares, with the HTTP status of their `@httpError`
 * trait (`@aws-sdk/client-lightsail` dist-cjs/index.js: `AccessDeniedException$ … [_hE]: 403`, and so
 * on) and the `code` member the simulator sends. Codes seen in real bodies: `DoesNotExist` (terraform-
 * provider-aws internal/service/lightsail/errs.go matches it), `NameExists` and `InvalidKey.Format` for
 * `InvalidInputException` (a public post-mortem of a first Lightsail deploy, GitHub code search "AWS
 * Lightsail VPN first-provision and first-deploy bug cascade"). The other codes are the simulator's: no
 * public body shows them.
 */
export const MODELED_ERRORS: Readonly<Record<string, { readonly httpStatus: number; readonly code: string }>> = Object.freeze({
  AccessDeniedException: { httpStatus: 403, code: 'AccessDenied' },
  AccountSetupInProgressException: { httpStatus: 428, code: 'AccountSetupInProgress' },
  InvalidInputException: { httpStatus: 400, code: 'InvalidInput' },
  NotFoundException: { httpStatus: 404, code: 'DoesNotExist' },
  OperationFailureException: { httpStatus: 400, code: 'OperationFailure' },
  RegionSetupInProgressException: { httpStatus: 428, code: 'RegionSetupInProgress' },
  ServiceException: { httpStatus: 500, code: 'InternalFailure' },
  UnauthenticatedException: { httpStatus: 401, code: 'Unauthenticated' },
});

/**
 * The `tip` member of modelled errors. No public response shows `docs` or `tip` values; the simulator
 * fills both (with `docs` the API reference page of the action) so that clients see every member the
 * model declares (`code`, `docs`, `message`, `tip`).
 */
const TIPS: Readonly<Record<string, string>> = {
  AccessDeniedException: 'Check the IAM policy of the caller.',
  AccountSetupInProgressException: 'Try again once the account is set up.',
  InvalidInputException: 'Check the request parameters.',
  NotFoundException: 'Check the name and the Region of the resource.',
  OperationFailureException: 'Try again later.',
  RegionSetupInProgressException: 'Try again once the Region is set up.',
  ServiceException: 'Try again later.',
  UnauthenticatedException: 'Check the credentials of the caller.',
};

/** How a not-found answer is put on the wire; see `SimulatorOptions.notFoundShape`. */
export type NotFoundShape = 'modeled' | 'no-header' | 'code-only';

/** Every `NotFoundShape`. */
export const NOT_FOUND_SHAPES: readonly NotFoundShape[] = ['modeled', 'no-header', 'code-only'];

/** What an error answer may set beyond its type and message. */
export interface ApiErrorOptions {
  /** The HTTP status. @default the model's status for a modelled exception, else 400 */
  readonly httpStatus?: number;
  /** The `code` member. @default the model's code for a modelled exception, else none */
  readonly code?: string;
  /** For a `NotFoundException`: its wire shape, overriding the `notFoundShape` option. */
  readonly notFoundShape?: NotFoundShape;
}

/**
 * Thrown inside the simulator to answer a request with an error; the server turns it into
 * `{"__type": type, "message": message, "code": code, "docs": …, "tip": …}` with `httpStatus`. Internal.
 */
export class SimulatorApiError extends Error {
  override readonly name = 'SimulatorApiError' as const;
  /** The exception name sent as `__type`, e.g. `NotFoundException`. */
  readonly type: string;
  /** The HTTP status of the answer. */
  readonly httpStatus: number;
  /** Lightsail's `code` member, when it has one. */
  readonly code: string | undefined;
  /** Lightsail's `tip` member, sent with the modelled exceptions. */
  readonly tip: string | undefined;
  /** The wire shape of a `NotFoundException`, when set for this error. */
  readonly notFoundShape: NotFoundShape | undefined;

  constructor(type: string, message: string, options: ApiErrorOptions = {}) {
    super(message);
    const modeled = MODELED_ERRORS[type];
    this.type = type;
    this.httpStatus = options.httpStatus ?? modeled?.httpStatus ?? 400;
    this.code = options.code ?? modeled?.code;
    this.tip = TIPS[type];
    this.notFoundShape = options.notFoundShape;
  }
}

/** `NotFoundException`: the named resource or operation does not exist. */
export function notFound(message: string): SimulatorApiError {
  return new SimulatorApiError('NotFoundException', message);
}

/** `InvalidInputException`: the request is not valid. */
export function invalidInput(message: string, code?: string): SimulatorApiError {
  return new SimulatorApiError('InvalidInputException', message, code === undefined ? {} : { code });
}

/**
 * Lightsail's answer to a create whose name is taken: `InvalidInputException`, code `NameExists`,
 * "Some names are already in use: fro-bot-vpn" (CreateInstances, the post-mortem above) and "Some names
 * are already in use: janken-card-db" (a database, GitHub code search); the dev guide
 * (awsdocs/amazon-lightsail-developer-guide, its DNS zone page) calls it a "resource name conflict error
 * ("some names are already in use")".
 */
export function nameInUse(names: readonly string[]): SimulatorApiError {
  return invalidInput(`Some names are already in use: ${names.join(', ')}`, 'NameExists');
}
