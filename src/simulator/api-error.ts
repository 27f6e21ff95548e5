/**
 * The error an action throws to answer the client with a Lightsail error body.
 */

/** Lightsail's `code` member for the exceptions the simulator sends. */
const CODES: Readonly<Record<string, string>> = {
  NotFoundException: 'DoesNotExist',
  InvalidInputException: 'InvalidInput',
  AccessDeniedException: 'AccessDenied',
  UnauthenticatedException: 'Unauthenticated',
  ServiceException: 'InternalFailure',
};

/**
 * Thrown inside the simulator to answer a request with an error; the server turns it into
 * `{"__type": type, "message": message, "code": code}` with `httpStatus`. Internal.
 */
export class SimulatorApiError extends Error {
  override readonly name = 'SimulatorApiError' as const;
  /** The exception name sent as `__type`, e.g. `NotFoundException`. */
  readonly type: string;
  /** The HTTP status of the answer. */
  readonly httpStatus: number;
  /** Lightsail's `code` member, when it has one. */
  readonly code: string | undefined;

  constructor(type: string, message: string, httpStatus = type === 'ServiceException' ? 500 : 400) {
    super(message);
    this.type = type;
    this.httpStatus = httpStatus;
    this.code = CODES[type];
  }
}

/** `NotFoundException`: the named resource or operation does not exist. */
export function notFound(message: string): SimulatorApiError {
  return new SimulatorApiError('NotFoundException', message);
}

/** `InvalidInputException`: the request is not valid. */
export function invalidInput(message: string): SimulatorApiError {
  return new SimulatorApiError('InvalidInputException', message);
}
