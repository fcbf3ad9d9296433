import { unwrapResolverError } from '@apollo/server/errors';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError, isValueNode, Kind, type GraphQLFormattedError } from 'graphql';
import { ZodError } from 'zod';

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

/**
 * Shapes every error by what it is, never by its English message: AppErrors get their code and
 * safe details (e.g. `field`); a global ID the relay plugin could not decode, a variable that does
 * not fit its type (naming the variable) and a literal argument value that does not fit (a
 * validation error on a value node) become BAD_USER_INPUT; a zod error that escaped a use case
 * names its fields; anything unexpected is masked in production. `field` is only ever set from
 * structured information.
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
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (original instanceof AppError) {
    const code = graphqlCodeOf(original);
    if (code === 'INTERNAL_SERVER_ERROR' && production) return masked(formatted);
    return { message: original.message, ...where, extensions: { ...(original.details ?? {}), code } };
  }
  if (original instanceof PothosValidationError) {
    return { message: original.message, ...where, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (original instanceof ZodError) {
    const fields = original.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    return {
      message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
      ...where,
      extensions: { code: 'BAD_USER_INPUT', field: fields[0]?.field, fields },
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
  if (error instanceof GraphQLError && code === 'BAD_USER_INPUT') {
    const variable = error.nodes?.find((node) => node.kind === Kind.VARIABLE_DEFINITION);
    const field = variable?.kind === Kind.VARIABLE_DEFINITION ? variable.variable.name.value : undefined;
    return { ...formatted, extensions: { ...formatted.extensions, ...(field ? { field } : {}) } };
  }
  if (
    error instanceof GraphQLError &&
    code === 'GRAPHQL_VALIDATION_FAILED' &&
    error.nodes?.length &&
    error.nodes.every((node) => isValueNode(node))
  ) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  if (production && (code === 'INTERNAL_SERVER_ERROR' || code === undefined)) return masked(formatted);
  return formatted;
}

function masked(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message: 'Internal server error',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
