import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

import { AppError, type AppErrorCode } from '@wirelens/core';
import { isDatabaseUnavailable, isStatementTimeout } from '@wirelens/db';

import { SERVICE_RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE_MESSAGE } from './service-unavailable.js';

/** The one mapping from AppError codes to GraphQL `extensions.code`. */
const graphqlCodes: Record<AppErrorCode, string> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  COST_LIMIT: 'COST_LIMIT',
  INVALID_FEED: 'BAD_USER_INPUT',
  FETCH_FAILED: 'UPSTREAM',
  BLOCKED_URL: 'BAD_USER_INPUT',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TIMEOUT: 'TIMEOUT',
  UPSTREAM: 'UPSTREAM',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  MIGRATION_FAILED: 'INTERNAL_SERVER_ERROR',
  CONFIG: 'INTERNAL_SERVER_ERROR',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

export function graphqlCodeOf(error: AppError): string {
  return graphqlCodes[error.code];
}

// GraphQL's own messages for values that do not fit their type (bad enum literal, wrong scalar).
const valueProblem =
  /^(Enum "|Value |Expected value of type|Expected type|Int cannot represent|Float cannot represent|String cannot represent|ID cannot represent|Boolean cannot represent)|got invalid value/;

/**
 * Shapes every error: AppErrors get their code and safe details (e.g. `field`), value errors
 * become BAD_USER_INPUT naming the argument, and anything unexpected is masked in production.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
  production: boolean,
): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  const original = isStatementTimeout(unwrapped)
    ? new AppError('TIMEOUT', 'The database took too long to answer (statement timeout); ask for less')
    : unwrapped;
  if (original instanceof AppError) {
    const code = graphqlCodeOf(original);
    if (code === 'INTERNAL_SERVER_ERROR' && production) return masked(formatted);
    return {
      message: original.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { ...(original.details ?? {}), code },
    };
  }
  if (isDatabaseUnavailable(original)) {
    return {
      message: SERVICE_UNAVAILABLE_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: SERVICE_RETRY_AFTER_SECONDS },
    };
  }
  const code = formatted.extensions?.code;
  if (original instanceof Error && original.name === 'PothosValidationError') {
    return { ...formatted, extensions: { code: 'BAD_USER_INPUT', field: 'id' } };
  }
  if (
    (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT') &&
    valueProblem.test(formatted.message)
  ) {
    const field =
      /at "([^"]+)"/.exec(formatted.message)?.[1] ??
      /Variable "\$([^"]+)"/.exec(formatted.message)?.[1] ??
      argumentOf(formatted.message);
    return {
      ...formatted,
      extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', ...(field ? { field } : {}) },
    };
  }
  if (production && (code === 'INTERNAL_SERVER_ERROR' || code === undefined)) return masked(formatted);
  return formatted;
}

function argumentOf(message: string): string | undefined {
  return /argument "([^"]+)"/.exec(message)?.[1] ?? /field "([^"]+)"/.exec(message)?.[1];
}

function masked(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
