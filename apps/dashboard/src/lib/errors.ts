import type { CombinedError } from 'urql';

export type ErrorKind = 'network' | 'graphql';

/** A GraphQL `extensions.code`, e.g. UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT. */
export type ErrorCode = string;

export interface ErrorInfo {
  kind: ErrorKind;
  /** The first GraphQL error code, if the server sent one. */
  code: ErrorCode | null;
  message: string;
  /** The input field a BAD_USER_INPUT error names, so a form can show it next to that field. */
  field: string | null;
}

/**
 * Splits urql's combined error into "the server could not be reached" and "the server answered with an
 * error"; users act differently on each (check the connection vs read the message).
 */
export function describeError(error: CombinedError): ErrorInfo {
  if (error.networkError) {
    return { kind: 'network', code: null, message: error.networkError.message, field: null };
  }
  const first = error.graphQLErrors[0];
  const code = typeof first?.extensions.code === 'string' ? first.extensions.code : null;
  const field = typeof first?.extensions.field === 'string' ? first.extensions.field : null;
  return {
    kind: 'graphql',
    code,
    message: error.graphQLErrors.map((e) => e.message).join('; ') || error.message,
    field,
  };
}

export function hasErrorCode(error: CombinedError | undefined, code: ErrorCode): boolean {
  return Boolean(error?.graphQLErrors.some((e) => e.extensions.code === code));
}
