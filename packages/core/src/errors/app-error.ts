/**
 * The one error type of Wirelens. Every expected failure carries a code from
 * `AppErrorCode`; transports map the code to an HTTP status or a GraphQL
 * `extensions.code`. Anything that is not an AppError is an internal error and
 * is masked at the edge.
 */
export const AppErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_INPUT: 'INVALID_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  COST_LIMIT: 'COST_LIMIT',
  INVALID_FEED: 'INVALID_FEED',
  FETCH_FAILED: 'FETCH_FAILED',
  BLOCKED_URL: 'BLOCKED_URL',
  TOO_LARGE: 'TOO_LARGE',
  TIMEOUT: 'TIMEOUT',
  UPSTREAM: 'UPSTREAM',
  /** The database (or another service Wirelens needs) cannot be reached right now; retry shortly. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  MIGRATION_FAILED: 'MIGRATION_FAILED',
  CONFIG: 'CONFIG',
  INTERNAL: 'INTERNAL',
} as const;

export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

export interface AppErrorOptions {
  /** Extra machine-readable detail safe to show to the caller (e.g. the offending field). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }

  static is(error: unknown, code?: AppErrorCode): error is AppError {
    return error instanceof AppError && (code === undefined || error.code === code);
  }
}

const httpStatusByCode: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  COST_LIMIT: 400,
  INVALID_FEED: 422,
  FETCH_FAILED: 502,
  BLOCKED_URL: 400,
  TOO_LARGE: 413,
  TIMEOUT: 504,
  UPSTREAM: 502,
  SERVICE_UNAVAILABLE: 503,
  MIGRATION_FAILED: 500,
  CONFIG: 500,
  INTERNAL: 500,
};

export function httpStatusOf(error: AppError): number {
  return httpStatusByCode[error.code];
}
