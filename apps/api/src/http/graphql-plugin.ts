import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

import { AppError } from '@wirelens/core';

import { MAX_PAGE_SIZE } from '../builder.js';
import type { Context } from '../context.js';
import { operationCost, type CostReport, type OperationCost } from './cost.js';

export interface QueryLimits {
  /** Largest allowed operation cost (see cost.ts). */
  maxCost: number;
  /** Deepest allowed field nesting. */
  maxDepth: number;
}

/** What `extensions.cost` reports when nothing was analysed (the request was refused before). */
export function noCost(limits: QueryLimits): ReportedCost {
  return { requested: 0, depth: 0, limit: limits.maxCost, maxDepth: limits.maxDepth };
}

export type ReportedCost = OperationCost & { limit: number; maxDepth: number };

/** Root fields an anonymous caller may use; everything else needs a session or a token. */
const ANONYMOUS_FIELDS = new Set(['me', 'login', 'logout', '__schema', '__type', '__typename']);
/** Root fields a session whose password an admin reset may use until it chooses a new one. */
const PASSWORD_CHANGE_FIELDS = new Set([...ANONYMOUS_FIELDS, 'changePassword']);

/** Names of the root fields an operation selects, through its fragments (each fragment looked at once). */
function rootFieldNames(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const pending = [operation.selectionSet];
  for (let selectionSet = pending.pop(); selectionSet; selectionSet = pending.pop()) {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments[selection.name.value];
        if (fragment) pending.push(fragment.selectionSet);
      }
    }
  }
  return names;
}

export function reject(
  message: string,
  code: string,
  status: number,
  extra: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status }, ...extra } });
}

export interface MeasuredOperation {
  cost: ReportedCost;
  report: CostReport;
  rootFields: string[];
}

/** The operation's cost, depth and root fields (after parsing and validation, before anything runs). */
export function measureOperation({
  schema,
  document,
  operation,
  variables,
  limits,
}: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  limits: QueryLimits;
}): MeasuredOperation {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const report = operationCost({
    schema,
    operation,
    fragments,
    variables,
    maxPageSize: MAX_PAGE_SIZE,
    budget: limits.maxCost,
  });
  return {
    cost: {
      requested: report.requested,
      depth: report.depth,
      limit: limits.maxCost,
      maxDepth: limits.maxDepth,
    },
    report,
    rootFields: [...rootFieldNames(operation, fragments)],
  };
}

/** Authentication for anything but sign-in and introspection; a reset password allows only changing it. */
export function checkAccess(
  rootFields: readonly string[],
  { viewer, authMethod }: Pick<Context, 'viewer' | 'authMethod'>,
): void {
  if (!viewer) {
    if (rootFields.some((name) => !ANONYMOUS_FIELDS.has(name))) {
      throw reject('Sign in or send an API token (Authorization: Bearer <token>)', 'UNAUTHENTICATED', 401);
    }
  } else if (
    viewer.mustChangePassword &&
    authMethod === 'session' &&
    rootFields.some((name) => !PASSWORD_CHANGE_FIELDS.has(name))
  ) {
    throw reject('Choose a new password first (changePassword)', 'FORBIDDEN', 403, {
      reason: 'PASSWORD_CHANGE_REQUIRED',
    });
  }
}

/** Page sizes, depth and cost against the limits. */
export function checkLimits({ cost, report }: MeasuredOperation, limits: QueryLimits): void {
  const [tooBig] = report.pageSizeProblems;
  if (tooBig) {
    const fields = report.pageSizeProblems.map((p) => ({
      field: p.field,
      message: `must be between 0 and ${MAX_PAGE_SIZE}`,
    }));
    throw reject(`${tooBig.field} must be between 0 and ${MAX_PAGE_SIZE}`, 'BAD_USER_INPUT', 400, {
      field: tooBig.field,
      fields,
      cost,
    });
  }
  if (report.depth > limits.maxDepth) {
    throw reject(`Query depth ${report.depth} exceeds the limit of ${limits.maxDepth}`, 'DEPTH_LIMIT', 400, {
      cost,
    });
  }
  if (report.exceeded) {
    throw reject(
      `Query cost exceeds the limit of ${limits.maxCost} (counted ${report.requested} before stopping); ask for fewer items (first/last) or fewer nested lists`,
      'COST_LIMIT',
      400,
      { cost },
    );
  }
}

/**
 * Checks run after parsing and validation, before execution: authentication for anything but
 * sign-in and introspection, CSRF (a cookie-authenticated mutation from another origin),
 * depth and cost. Every response carries `extensions.cost`.
 */
export function wirelensPlugin({ limits }: { limits: QueryLimits }): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      let cost = noCost(limits);
      return Promise.resolve({
        didResolveOperation({ operation, document, request, contextValue, schema }) {
          if (!operation) return Promise.resolve();
          const measured = measureOperation({
            schema,
            document,
            operation,
            variables: request.variables ?? {},
            limits,
          });
          cost = measured.cost;
          checkAccess(measured.rootFields, contextValue);
          if (operation.operation === OperationTypeNode.MUTATION && contextValue.authMethod !== 'token') {
            const origin = request.http?.headers.get('origin');
            const host = request.http?.headers.get('host');
            // Browsers send Origin on cross-site POSTs; clients without one (scripts) are not a CSRF vector.
            if (origin && (origin === 'null' || safeHost(origin) !== host)) {
              throw reject('Cross-origin mutations are not allowed', 'FORBIDDEN', 403);
            }
          }
          checkLimits(measured, limits);
          return Promise.resolve();
        },
        didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const unexpected =
              original !== error && !(original instanceof AppError) && !(original instanceof GraphQLError);
            const internal =
              original instanceof AppError &&
              ['CONFIG', 'INTERNAL', 'MIGRATION_FAILED'].includes(original.code);
            if ((unexpected || internal) && original instanceof Error) {
              contextValue.log.error({ err: original }, 'operation failed');
            }
          }
          return Promise.resolve();
        },
        willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return Promise.resolve();
          const result = response.body.singleResult;
          for (const error of result.errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
            // A resolver's RATE_LIMITED (sign-in throttles) answers like the request limiter: 429 + Retry-After.
            const retryAfter = error.extensions?.retryAfter;
            if (error.extensions?.code === 'RATE_LIMITED' && typeof retryAfter === 'number') {
              response.http.status = 429;
              response.http.headers.set('retry-after', String(retryAfter));
            }
          }
          result.extensions = { ...(result.extensions ?? {}), cost };
          return Promise.resolve();
        },
      });
    },
  };
}

export function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
