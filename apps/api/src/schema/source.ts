import {
  addSource,
  deleteSource,
  exportOpml,
  importOpml,
  MAX_OPML_CHARS,
  MAX_OPML_FEEDS,
  requestSourceRefresh,
  setSourceStatus,
  updateSource,
} from '@wirelens/services/sources';

import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { requireViewer, type Context } from '../context.js';
import { describedEnum, selectRowNode } from '../schema-helpers.js';
import { allowLongStrings, rowId, withFieldPrefix } from '../validation.js';

export const SourceStatusEnum = describedEnum('SourceStatus', 'Whether a source is polled.', {
  ACTIVE: 'Polled on its interval.',
  PAUSED: 'Not polled.',
});

export const FeedFormatEnum = describedEnum('FeedFormat', 'Feed format detected at the last fetch.', {
  RSS2: 'RSS 2.0.',
  RSS1: 'RSS 1.0 (RDF).',
  RSS09: 'RSS 0.9x.',
  ATOM: 'Atom 1.0.',
  JSON: 'JSON Feed.',
});

export const FetchLog = builder.prismaObject('FetchLog', {
  description: 'One fetch attempt of a source.',
  fields: (t) => ({
    startedAt: t.expose('startedAt', { type: 'DateTime', description: 'When the attempt started.' }),
    durationMs: t.exposeInt('durationMs', { description: 'How long it took.' }),
    httpStatus: t.exposeInt('httpStatus', {
      nullable: true,
      description: 'HTTP status, if a response came.',
    }),
    notModified: t.exposeBoolean('notModified', { description: 'The server answered 304 Not Modified.' }),
    itemsSeen: t.exposeInt('itemsSeen', { description: 'Items in the feed.' }),
    itemsNew: t.exposeInt('itemsNew', { description: 'New articles stored.' }),
    itemsUpdated: t.exposeInt('itemsUpdated', { description: 'Existing articles updated.' }),
    itemsUnchanged: t.exposeInt('itemsUnchanged', { description: 'Items already known and unchanged.' }),
    itemsSkipped: t.exposeInt('itemsSkipped', { description: 'Items skipped (invalid or duplicate).' }),
    error: t.exposeString('error', { nullable: true, description: 'Error message, if it failed.' }),
    errorCode: t.exposeString('errorCode', { nullable: true, description: 'Machine-readable error code.' }),
  }),
});

const adminOnly = { authScopes: { admin: true } } as const;

export const Source = builder.prismaNode('Source', {
  ...selectRowNode(),
  description: 'A feed Wirelens polls. Health and fetch log are visible to admins only.',
  fields: (t) => ({
    url: t.exposeString('url', { description: 'Feed URL.' }),
    title: t.exposeString('title', { nullable: true, description: 'Feed title.' }),
    siteUrl: t.exposeString('siteUrl', { nullable: true, description: "The publisher's website." }),
    description: t.exposeString('description', { nullable: true, description: 'Feed description.' }),
    language: t.exposeString('language', { nullable: true, description: 'Language (ISO 639-1).' }),
    format: t.expose('format', {
      type: FeedFormatEnum,
      nullable: true,
      description: 'Detected feed format.',
    }),
    status: t.expose('status', { type: SourceStatusEnum, description: 'Active or paused.' }),
    intervalSeconds: t.exposeInt('intervalSeconds', { description: 'Polling interval in seconds.' }),
    isDemo: t.exposeBoolean('isDemo', { description: 'A demo source served by Wirelens itself.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was added.' }),
    lastFetchedAt: t.expose('lastFetchedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last fetch attempt (admin).',
      ...adminOnly,
    }),
    lastSuccessAt: t.expose('lastSuccessAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last successful fetch (admin).',
      ...adminOnly,
    }),
    lastHttpStatus: t.exposeInt('lastHttpStatus', {
      nullable: true,
      description: 'HTTP status of the last fetch (admin).',
      ...adminOnly,
    }),
    consecutiveFailures: t.exposeInt('consecutiveFailures', {
      description: 'Failures in a row (admin).',
      ...adminOnly,
    }),
    nextAttemptAt: t.expose('nextAttemptAt', {
      type: 'DateTime',
      description: 'Next scheduled fetch (admin).',
      ...adminOnly,
    }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description: 'Last error message (admin).',
      ...adminOnly,
    }),
    healthy: t.boolean({
      description: 'Fewer than three failures in a row (admin).',
      ...adminOnly,
      select: { consecutiveFailures: true },
      resolve: (s) => s.consecutiveFailures < 3,
    }),
    fetchLogs: t.relatedConnection('fetchLogs', {
      cursor: 'id',
      maxSize: MAX_PAGE_SIZE,
      defaultSize: DEFAULT_PAGE_SIZE,
      description: 'Fetch attempts, newest first (admin).',
      query: { orderBy: { startedAt: 'desc' } },
      totalCount: true,
      ...adminOnly,
    }),
  }),
});

builder.queryFields((t) => ({
  sources: t.prismaConnection({
    type: 'Source',
    cursor: 'id',
    maxSize: MAX_PAGE_SIZE,
    defaultSize: 50,
    description: 'Feeds, by title.',
    authScopes: { viewer: true },
    args: {
      status: t.arg({
        type: SourceStatusEnum,
        required: false,
        description: 'Only sources with this status.',
      }),
    },
    totalCount: (_p, args, ctx) => ctx.db.source.count({ where: args.status ? { status: args.status } : {} }),
    resolve: (query, _p, args, ctx) =>
      ctx.db.source.findMany({
        ...query,
        where: args.status ? { status: args.status } : {},
        orderBy: [{ title: 'asc' }, { id: 'asc' }],
      }),
  }),
}));

const AddSourceInput = builder.inputType('AddSourceInput', {
  description: 'A feed to poll.',
  fields: (t) => ({
    url: t.string({ required: true, description: 'Feed URL (http or https, public host).' }),
    title: t.string({ required: false, description: 'Title; taken from the feed when absent.' }),
    intervalSeconds: t.int({
      required: false,
      description: 'Polling interval (60 s – 1 week; default 900).',
    }),
    language: t.string({ required: false, description: 'Language (ISO 639-1).' }),
  }),
});

const UpdateSourceInput = builder.inputType('UpdateSourceInput', {
  description: 'Changes to a source (absent fields stay).',
  fields: (t) => ({
    id: t.globalID({ for: Source, required: true, description: 'Source global ID.' }),
    url: t.string({ required: false, description: 'Feed URL.' }),
    title: t.string({ required: false, description: 'Title.' }),
    intervalSeconds: t.int({ required: false, description: 'Polling interval in seconds.' }),
    language: t.string({ required: false, description: 'Language (ISO 639-1).' }),
  }),
});

const ImportOpmlResult = builder
  .objectRef<{ added: number[]; skipped: { url: string; reason: string }[] }>('ImportOpmlResult')
  .implement({
    description: 'What an OPML import did.',
    fields: (t) => ({
      added: t.prismaField({
        type: ['Source'],
        description: 'Sources created.',
        resolve: (query, r, _a, ctx) =>
          ctx.db.source.findMany({ ...query, where: { id: { in: r.added } }, orderBy: { id: 'asc' } }),
      }),
      skipped: t.field({
        type: [
          builder.objectRef<{ url: string; reason: string }>('SkippedOutline').implement({
            description: 'An outline that was not imported.',
            fields: (s) => ({
              url: s.exposeString('url', { description: 'Its feed URL.' }),
              reason: s.exposeString('reason', { description: 'Why it was skipped.' }),
            }),
          }),
        ],
        description: 'Outlines not imported and why.',
        resolve: (r) => r.skipped,
      }),
    }),
  });

builder.mutationFields((t) => ({
  addSource: t.prismaField({
    type: 'Source',
    description: 'Add a feed and fetch it right away (admin).',
    ...adminOnly,
    args: { input: t.arg({ type: AddSourceInput, required: true, description: 'The feed.' }) },
    resolve: async (query, _r, { input }, ctx) => {
      const { sourceId } = await withFieldPrefix('input', () =>
        addSource({
          db: ctx.db,
          jobs: ctx.jobs,
          actor: requireViewer(ctx),
          allowHosts: ctx.fetchAllowHosts,
          input,
        }),
      );
      return ctx.db.source.findUniqueOrThrow({ ...query, where: { id: sourceId } });
    },
  }),
  updateSource: t.prismaField({
    type: 'Source',
    description: 'Change a source (admin).',
    ...adminOnly,
    args: { input: t.arg({ type: UpdateSourceInput, required: true, description: 'The changes.' }) },
    resolve: async (query, _r, { input }, ctx) => {
      const sourceId = rowId(input.id);
      await withFieldPrefix('input', () =>
        updateSource({
          db: ctx.db,
          actor: requireViewer(ctx),
          allowHosts: ctx.fetchAllowHosts,
          sourceId,
          patch: input,
        }),
      );
      return ctx.db.source.findUniqueOrThrow({ ...query, where: { id: sourceId } });
    },
  }),
  deleteSource: t.globalID({
    description: 'Delete a source and its articles (admin). Returns the deleted ID.',
    ...adminOnly,
    args: { id: t.arg.globalID({ for: Source, required: true, description: 'Source global ID.' }) },
    resolve: async (_r, args, ctx) => {
      const sourceId = rowId(args.id);
      await deleteSource({ db: ctx.db, actor: requireViewer(ctx), sourceId });
      return { type: Source, id: sourceId };
    },
  }),
  importOpml: t.field({
    type: ImportOpmlResult,
    description: `Add every feed of an OPML subscription list (admin; ≤ ${MAX_OPML_CHARS} bytes, ≤ ${MAX_OPML_FEEDS} feeds). Known and invalid URLs are skipped.`,
    ...adminOnly,
    args: {
      opml: t.arg.string({
        required: true,
        description: 'The OPML document.',
        ...allowLongStrings(MAX_OPML_CHARS, 'The OPML document'),
      }),
    },
    resolve: (_r, args, ctx) =>
      importOpml({
        db: ctx.db,
        jobs: ctx.jobs,
        actor: requireViewer(ctx),
        allowHosts: ctx.fetchAllowHosts,
        opml: args.opml,
      }),
  }),
  exportOpml: t.string({
    description: 'All sources as an OPML 2.0 document (admin).',
    ...adminOnly,
    resolve: (_r, _a, ctx) => exportOpml({ db: ctx.primaryDb, actor: requireViewer(ctx) }),
  }),
}));

/** A mutation on one source (admin, by global ID) that answers with the source as it is afterwards. */
function sourceAction(
  name: string,
  description: string,
  act: (ctx: Context, sourceId: number) => Promise<unknown>,
) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: 'Source',
      description,
      ...adminOnly,
      args: { id: t.arg.globalID({ for: Source, required: true, description: 'Source global ID.' }) },
      resolve: async (query, _r, args, ctx) => {
        const sourceId = rowId(args.id);
        await act(ctx, sourceId);
        return ctx.db.source.findUniqueOrThrow({ ...query, where: { id: sourceId } });
      },
    }),
  );
}

sourceAction('pauseSource', 'Stop polling a source (admin).', (ctx, sourceId) =>
  setSourceStatus({ db: ctx.db, actor: requireViewer(ctx), sourceId, status: 'PAUSED' }),
);
sourceAction('resumeSource', 'Resume polling a source now (admin).', (ctx, sourceId) =>
  setSourceStatus({ db: ctx.db, actor: requireViewer(ctx), sourceId, status: 'ACTIVE' }),
);
sourceAction('refreshSource', 'Fetch a source now, ignoring its schedule (admin).', (ctx, sourceId) =>
  requestSourceRefresh({ db: ctx.db, jobs: ctx.jobs, actor: requireViewer(ctx), sourceId }),
);
