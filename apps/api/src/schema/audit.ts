import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { rowNode } from '../schema-helpers.js';
import { Article } from './article.js';
import { Company } from './company.js';
import { Source } from './source.js';
import { ApiToken, User } from './user.js';

export const AuditEntry = builder.prismaNode('AuditEntry', {
  ...rowNode,
  description: 'One change, as recorded in the append-only audit log (editors and admins).',
  authScopes: { editor: true },
  fields: (t) => ({
    action: t.exposeString('action', {
      description: 'What happened, e.g. "analysis.correct", "source.add".',
    }),
    entityType: t.exposeString('entityType', {
      description: 'Kind of thing changed (Article, Source, User, …).',
    }),
    entityId: t.exposeString('entityId', {
      nullable: true,
      description: 'Database id of the thing changed.',
    }),
    actor: t.relation('actor', { nullable: true, description: 'Who did it; null for the system.' }),
    before: t.field({ type: 'JSON', nullable: true, description: 'State before.', resolve: (e) => e.before }),
    after: t.field({ type: 'JSON', nullable: true, description: 'State after.', resolve: (e) => e.after }),
    requestId: t.exposeString('requestId', {
      nullable: true,
      description: 'Request id (matches the x-request-id response header and server logs).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When.' }),
  }),
});

function auditWhere(args: { entityId?: { typename: string; id: string } | null; action?: string | null }) {
  return {
    ...(args.entityId ? { entityType: args.entityId.typename, entityId: args.entityId.id } : {}),
    ...(args.action ? { action: args.action } : {}),
  };
}

builder.queryFields((t) => ({
  auditLog: t.prismaConnection({
    type: 'AuditEntry',
    cursor: 'id',
    maxSize: MAX_PAGE_SIZE,
    defaultSize: DEFAULT_PAGE_SIZE,
    description: 'The audit log, newest first (editor; optionally for one object).',
    authScopes: { editor: true },
    args: {
      entityId: t.arg.globalID({
        for: [Article, Source, User, Company, ApiToken],
        required: false,
        description: 'Global ID of an Article, Source, User, Company or ApiToken.',
      }),
      action: t.arg.string({ required: false, description: 'Only this action.' }),
    },
    totalCount: (_p, args, ctx) => ctx.db.auditEntry.count({ where: auditWhere(args) }),
    resolve: (query, _p, args, ctx) =>
      ctx.db.auditEntry.findMany({ ...query, where: auditWhere(args), orderBy: { id: 'desc' } }),
  }),
}));
