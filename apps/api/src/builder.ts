import SchemaBuilder, { PothosValidationError, type ArgBuilder } from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';

import { AppError, roleAtLeast } from '@wirelens/core';
import type PrismaTypes from '@wirelens/db/pothos-types';
import { getDatamodel } from '@wirelens/db/pothos-types';

import type { Context } from './context.js';
import { isoDateTime } from './date-time.js';
import { COMPILED_ROWS, DIRECT_COLUMNS, SYNC_NODE_IDS } from './pothos-plugins.js';

/** Relay connections never return more than this many edges. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { viewer: boolean; analyst: boolean; editor: boolean; admin: boolean };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  // Relay first so scope checks see parsed global IDs; scope-auth before Prisma so checks run before
  // loading; directColumns and compiledRows between them, so a column or relation read from its row
  // is still checked but skips the Prisma plugin's lookup; syncNodeIds last, so it replaces the relay
  // plugin's id resolver under the others' wrappers.
  plugins: [RelayPlugin, ScopeAuthPlugin, DIRECT_COLUMNS, COMPILED_ROWS, PrismaPlugin, SYNC_NODE_IDS],
  scopeAuth: {
    authScopes: (ctx) => {
      const role = ctx.viewer?.role;
      return {
        viewer: role !== undefined,
        analyst: role !== undefined && roleAtLeast(role, 'ANALYST'),
        editor: role !== undefined && roleAtLeast(role, 'EDITOR'),
        admin: role !== undefined && roleAtLeast(role, 'ADMIN'),
      };
    },
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer
        ? new AppError('FORBIDDEN', `Your role (${ctx.viewer.role.toLowerCase()}) may not do this`)
        : new AppError('UNAUTHENTICATED', 'Sign in or send an API token (Authorization: Bearer <token>)'),
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    // Every node is keyed by an integer row id, so an ID with anything else after the type name is
    // refused while decoding, and resolvers read the row id with rowId() (validation.ts).
    decodeGlobalID: (globalID) => {
      const decoded = decodeGlobalID(globalID);
      if (!/^\d{1,19}$/.test(decoded.id)) throw new PothosValidationError(`Invalid global ID: ${globalID}`);
      return decoded;
    },
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false, description: 'The page of results, each with its cursor.' },
    nodeFieldOptions: { nullable: false, description: 'The object on this edge.' },
    cursorFieldOptions: { description: 'Opaque cursor for `after`/`before`.' },
    pageInfoFieldOptions: { description: 'Paging details.' },
    hasNextPageFieldOptions: { description: 'Whether another page follows (for `first`/`after`).' },
    hasPreviousPageFieldOptions: { description: 'Whether a page precedes (for `last`/`before`).' },
    startCursorFieldOptions: { description: 'Cursor of the first edge.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge.' },
    firstArgOptions: { description: `Return the first n results (at most ${MAX_PAGE_SIZE}).` },
    lastArgOptions: { description: `Return the last n results (at most ${MAX_PAGE_SIZE}).` },
    afterArgOptions: { description: 'Start after this cursor.' },
    beforeArgOptions: { description: 'End before this cursor.' },
    defaultConnectionTypeOptions: { description: 'A page of results (Relay connection).' },
    defaultEdgeTypeOptions: { description: 'One result and its cursor.' },
    // schema/node.ts defines node and nodes: null for IDs of nothing, a cap on ids, their cost.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    pageInfoTypeOptions: { description: 'Where a page sits in its connection.' },
    nodeTypeOptions: { description: 'An object with a global ID (Relay).' },
    idFieldOptions: {
      description: 'Global object ID; pass it to `node`, `nodes` or any argument taking this type.',
    },
  },
});

/** The schema's Pothos type parameters, for helpers that build arguments shared by several fields. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
export type Arg = ArgBuilder<BuilderTypes>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time with a four-digit year from 0001 and a day its month has. JavaScript also
 * reads `+275760-09-13` (which PostgreSQL cannot store) and rolls `2026-02-30` over to March.
 */
function parseDateTime(value: unknown): Date {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  const [year, month, day] = (match?.slice(1, 4) ?? []).map(Number);
  const calendarDay = year && month && day ? new Date(Date.UTC(year, month - 1, day)) : null;
  const date = match ? new Date(value as string) : null;
  if (!date || Number.isNaN(date.getTime()) || calendarDay?.getUTCDate() !== day) {
    throw new TypeError('DateTime must be an ISO 8601 string between 0001-01-01 and 9999-12-31');
  }
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant in time, as an ISO 8601 string in UTC.',
  serialize: isoDateTime,
  parseValue: parseDateTime,
});

builder.scalarType('JSON', {
  description: 'Arbitrary JSON (used for before/after snapshots in history).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.queryType({ description: 'Read the news, its analyses and the aggregates built from them.' });
builder.subscriptionType({
  description: 'Live updates over WebSocket (graphql-ws protocol on /graphql); see the README.',
});
builder.mutationType({
  description: 'Change things. Every mutation is authorised by role and written to the audit log.',
});
