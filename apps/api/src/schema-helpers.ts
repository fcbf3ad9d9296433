import type { MutationFieldBuilder, ObjectFieldBuilder, ObjectRef, QueryFieldBuilder } from '@pothos/core';

import { builder, type BuilderTypes } from './builder.js';
import { requireViewer, type Context } from './context.js';
import { listCost } from './http/cost.js';
import { rowId } from './validation.js';

/**
 * A GraphQL enum whose values are their own names, each with its description:
 * `describedEnum('Role', 'What a user may do.', { VIEWER: 'Reads everything.', ADMIN: '…' })`.
 */
export function describedEnum<const Value extends string>(
  name: string,
  description: string,
  values: Record<Value, string>,
) {
  const entries = Object.entries<string>(values).map(([value, text]) => [value, { description: text }]);
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(entries) as Record<Value, { description: string }>,
  });
}

/**
 * What every Prisma-backed Relay node shares: keyed by its integer row id, and `node(id:)` of a
 * missing row answers null.
 */
export const rowNode = { nullable: true, id: { field: 'id' } } as const;

/**
 * `rowNode` in Prisma select mode: a node loads its id and what its fields ask for, plus `select` (what
 * the node's own checks read, e.g. the owner for `authScopes`).
 */
export function selectRowNode<const Select extends object = Record<never, never>>(select?: Select) {
  return { ...rowNode, select: { id: true as const, ...select } as { id: true } & Select };
}

/** Models other objects point at by row id (results, snapshots, series). */
type ReferencedModel =
  | 'AlertRule'
  | 'Article'
  | 'ApiToken'
  | 'Company'
  | 'Correction'
  | 'Source'
  | 'Topic'
  | 'User'
  | 'Watchlist'
  | 'WebhookDelivery'
  | 'WebhookEndpoint';
type Row<Model extends ReferencedModel> = BuilderTypes['PrismaTypes'][Model]['Shape'];

const rowsOf: {
  [Model in ReferencedModel]: (db: Context['db']) => {
    findUnique(args: { where: { id: number } }): Promise<Row<Model> | null>;
    findUniqueOrThrow(args: { where: { id: number } }): Promise<Row<Model>>;
  };
} = {
  AlertRule: (db) => db.alertRule,
  Article: (db) => db.article,
  ApiToken: (db) => db.apiToken,
  Company: (db) => db.company,
  Correction: (db) => db.correction,
  Source: (db) => db.source,
  Topic: (db) => db.topic,
  User: (db) => db.user,
  Watchlist: (db) => db.watchlist,
  WebhookDelivery: (db) => db.webhookDelivery,
  WebhookEndpoint: (db) => db.webhookEndpoint,
};

/**
 * A field of a plain object (a mutation result, a snapshot) that is the row whose id the object holds,
 * loaded with what the query selects: `rowReference(t, 'User', 'The user.', (r) => r.userId)`.
 */
export function rowReference<Parent, Model extends ReferencedModel>(
  t: ObjectFieldBuilder<BuilderTypes, Parent>,
  type: Model,
  description: string,
  idOf: (parent: Parent) => number,
) {
  return t.prismaField({
    type,
    description,
    // Pothos cannot narrow the shape of a generic model name; rowsOf types each model's row.
    resolve: (query, parent, _args, ctx) =>
      rowsOf[type](ctx.db).findUniqueOrThrow({ ...query, where: { id: idOf(parent) } }) as never,
  });
}

/** rowReference for an id that may be null, or a row that may be gone since: the field answers null. */
export function optionalRowReference<Parent, Model extends ReferencedModel>(
  t: ObjectFieldBuilder<BuilderTypes, Parent>,
  type: Model,
  description: string,
  idOf: (parent: Parent) => number | null,
) {
  return t.prismaField({
    type,
    nullable: true,
    description,
    resolve: (query, parent, _args, ctx) => {
      const id = idOf(parent);
      const row = id === null ? null : rowsOf[type](ctx.db).findUnique({ ...query, where: { id } });
      return row as never;
    },
  });
}

/** What a use case run by the signed-in viewer is given. */
export interface ViewerRun {
  db: Context['db'];
  actor: ReturnType<typeof requireViewer>;
}

/**
 * Runs a use case as the viewer and answers the row it changed (the id it returns), loaded with what the
 * query selects: the shape of most mutations that answer with the thing they changed.
 */
export async function changedRow<Model extends ReferencedModel>(
  ctx: Context,
  type: Model,
  query: object,
  change: (run: ViewerRun) => Promise<number>,
): Promise<Row<Model>> {
  const id = await change({ db: ctx.db, actor: requireViewer(ctx) });
  return rowsOf[type](ctx.db).findUniqueOrThrow({ ...query, where: { id } });
}

/** `authScopes` of a row only its owner may see: anyone else gets an authorisation error. */
export const ownedByViewer = (owned: { ownerId: number }, ctx: Context) => ctx.viewer?.id === owned.ownerId;

/** Models a user owns (`ownerId`): only the owner lists, changes or deletes them. */
type OwnedModel = 'AlertRule' | 'Watchlist' | 'WebhookEndpoint';
type OwnedOrder = { id: 'desc' } | [{ name: 'asc' }, { id: 'asc' }];

const ownedRowsOf: {
  [Model in OwnedModel]: (db: Context['db']) => {
    findMany(args: { where: { ownerId: number }; orderBy: OwnedOrder }): Promise<Row<Model>[]>;
  };
} = {
  AlertRule: (db) => db.alertRule,
  Watchlist: (db) => db.watchlist,
  WebhookEndpoint: (db) => db.webhookEndpoint,
};

/** A query field listing the viewer's own rows of a model, at most `max` of them. */
export function viewerOwnedRows<Model extends OwnedModel>(
  t: QueryFieldBuilder<BuilderTypes, object>,
  type: Model,
  { description, max, orderBy }: { description: string; max: number; orderBy: OwnedOrder },
) {
  return t.prismaField({
    type: [type],
    description,
    authScopes: { viewer: true },
    extensions: listCost(() => max),
    // Pothos cannot narrow the shape of a generic model name; ownedRowsOf types each model's rows.
    resolve: (query, _root, _args, ctx) =>
      ownedRowsOf[type](ctx.db).findMany({
        ...query,
        where: { ownerId: requireViewer(ctx).userId },
        orderBy,
      }) as never,
  });
}

/**
 * A mutation deleting one of the viewer's rows by its global ID (`remove` checks the owner and writes the
 * audit entry) and answering that ID; `role` is the least role allowed to call it.
 */
export function deleteOwnedRow(
  t: MutationFieldBuilder<BuilderTypes, object>,
  node: ObjectRef<BuilderTypes, { id: number }>,
  role: 'viewer' | 'analyst',
  options: {
    description: string;
    argDescription: string;
    remove: (run: ViewerRun, id: number) => Promise<number>;
  },
) {
  return t.globalID({
    description: options.description,
    authScopes: role === 'viewer' ? { viewer: true } : { analyst: true },
    args: { id: t.arg.globalID({ for: node, required: true, description: options.argDescription }) },
    resolve: async (_root, args, ctx) => ({
      type: node.name,
      id: await options.remove({ db: ctx.db, actor: requireViewer(ctx) }, rowId(args.id)),
    }),
  });
}
