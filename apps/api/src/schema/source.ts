import { z } from 'zod';

import { JOBS } from '@wirelens/core/jobs';
import { buildOpml, parseOpml } from '@wirelens/core/opml';
import { feedUrlProblem } from '@wirelens/core/urls';
import { addSource, deleteSource, updateSource, writeAudit } from '@wirelens/db/repositories';

import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import type { Context } from '../context.js';
import { decodeId, invalidInput, parseInput } from '../validation.js';

export const SourceStatusEnum = builder.enumType('SourceStatus', {
  description: 'Whether a source is polled.',
  values: { ACTIVE: { description: 'Polled on its interval.' }, PAUSED: { description: 'Not polled.' } },
});

export const FeedFormatEnum = builder.enumType('FeedFormat', {
  description: 'Feed format detected at the last fetch.',
  values: {
    RSS2: { description: 'RSS 2.0.' },
    RSS1: { description: 'RSS 1.0 (RDF).' },
    RSS09: { description: 'RSS 0.9x.' },
    ATOM: { description: 'Atom 1.0.' },
    JSON: { description: 'JSON Feed.' },
  },
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
  select: { id: true },
  description: 'A feed Wirelens polls. Health and fetch log are visible to admins only.',
  id: { field: 'id' },
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

/** A feed URL: http(s), public host unless the operator allowed it (FETCH_ALLOW_HOSTS). */
function feedUrlSchema(allowHosts: readonly string[]) {
  return z
    .string()
    .max(2000, 'must be at most 2000 characters')
    .superRefine((value, issue) => {
      const problem = feedUrlProblem(value, { allowHosts });
      if (problem) issue.addIssue({ code: 'custom', message: problem });
    });
}
const sourceFields = z.object({
  title: z.string().trim().min(1).max(300, 'must be at most 300 characters').nullish(),
  intervalSeconds: z
    .number()
    .int()
    .min(60, 'must be at least 60')
    .max(7 * 86400, 'must be at most a week')
    .nullish(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code')
    .nullish(),
});

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
    id: t.id({ required: true, description: 'Source global ID.' }),
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

function actorOf(ctx: Context) {
  return { userId: (ctx.viewer as NonNullable<Context['viewer']>).id, requestId: ctx.requestId, ip: ctx.ip };
}

async function enqueueFetch(ctx: Context, sourceId: number): Promise<string | null> {
  return ctx.jobs.send(JOBS.fetchSource.name, JOBS.fetchSource.payload.parse({ sourceId, force: true }));
}

export const MAX_OPML_BYTES = 500_000;
export const MAX_OPML_SOURCES = 1000;

builder.mutationFields((t) => ({
  addSource: t.prismaField({
    type: 'Source',
    description: 'Add a feed and fetch it right away (admin).',
    ...adminOnly,
    args: { input: t.arg({ type: AddSourceInput, required: true, description: 'The feed.' }) },
    resolve: async (query, _r, { input }, ctx) => {
      const parsed = parseInput(
        sourceFields.extend({ url: feedUrlSchema(ctx.fetchAllowHosts) }),
        input,
        'input',
      );
      const id = await addSource({ db: ctx.db, actor: actorOf(ctx), input: parsed });
      await enqueueFetch(ctx, id);
      return ctx.db.source.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateSource: t.prismaField({
    type: 'Source',
    description: 'Change a source (admin).',
    ...adminOnly,
    args: { input: t.arg({ type: UpdateSourceInput, required: true, description: 'The changes.' }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = decodeId(input.id, 'Source', 'input.id');
      const { url, title, intervalSeconds, language } = parseInput(
        sourceFields.extend({ url: feedUrlSchema(ctx.fetchAllowHosts).optional() }),
        { ...input, id: undefined, url: input.url ?? undefined },
        'input',
      );
      const patch = {
        ...(url !== undefined ? { url } : {}),
        ...(title ? { title } : {}),
        ...(intervalSeconds ? { intervalSeconds } : {}),
        ...(language ? { language } : {}),
      };
      await updateSource({ db: ctx.db, actor: actorOf(ctx), sourceId: id, patch });
      return ctx.db.source.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  pauseSource: t.prismaField({
    type: 'Source',
    description: 'Stop polling a source (admin).',
    ...adminOnly,
    args: { id: t.arg.id({ required: true, description: 'Source global ID.' }) },
    resolve: async (query, _r, args, ctx) => {
      const id = decodeId(args.id, 'Source', 'id');
      await updateSource({ db: ctx.db, actor: actorOf(ctx), sourceId: id, patch: { status: 'PAUSED' } });
      return ctx.db.source.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  resumeSource: t.prismaField({
    type: 'Source',
    description: 'Resume polling a source now (admin).',
    ...adminOnly,
    args: { id: t.arg.id({ required: true, description: 'Source global ID.' }) },
    resolve: async (query, _r, args, ctx) => {
      const id = decodeId(args.id, 'Source', 'id');
      await updateSource({ db: ctx.db, actor: actorOf(ctx), sourceId: id, patch: { status: 'ACTIVE' } });
      return ctx.db.source.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  deleteSource: t.id({
    description: 'Delete a source and its articles (admin). Returns the deleted ID.',
    ...adminOnly,
    args: { id: t.arg.id({ required: true, description: 'Source global ID.' }) },
    resolve: async (_r, args, ctx) => {
      const id = decodeId(args.id, 'Source', 'id');
      await deleteSource({ db: ctx.db, actor: actorOf(ctx), sourceId: id });
      return args.id;
    },
  }),
  refreshSource: t.prismaField({
    type: 'Source',
    description: 'Fetch a source now, ignoring its schedule (admin).',
    ...adminOnly,
    args: { id: t.arg.id({ required: true, description: 'Source global ID.' }) },
    resolve: async (query, _r, args, ctx) => {
      const id = decodeId(args.id, 'Source', 'id');
      const source = await ctx.db.source.findUnique({ ...query, where: { id } });
      if (!source) throw invalidInput([{ field: 'id', message: 'no such source' }]);
      const jobId = await enqueueFetch(ctx, id);
      await writeAudit(ctx.db, actorOf(ctx), {
        action: 'source.refresh',
        entityType: 'Source',
        entityId: id,
        after: { jobId },
      });
      return source;
    },
  }),
  importOpml: t.field({
    type: ImportOpmlResult,
    description: `Add every feed of an OPML subscription list (admin; ≤ ${MAX_OPML_BYTES} bytes, ≤ ${MAX_OPML_SOURCES} feeds). Known and invalid URLs are skipped.`,
    ...adminOnly,
    args: { opml: t.arg.string({ required: true, description: 'The OPML document.' }) },
    resolve: async (_r, args, ctx) => {
      if (args.opml.length > MAX_OPML_BYTES)
        throw invalidInput([{ field: 'opml', message: `must be at most ${MAX_OPML_BYTES} characters` }]);
      let outlines;
      try {
        outlines = parseOpml(args.opml).outlines;
      } catch (error) {
        throw invalidInput([
          { field: 'opml', message: error instanceof Error ? error.message : 'is not OPML' },
        ]);
      }
      if (outlines.length > MAX_OPML_SOURCES)
        throw invalidInput([{ field: 'opml', message: `has more than ${MAX_OPML_SOURCES} feeds` }]);
      const added: number[] = [];
      const skipped: { url: string; reason: string }[] = [];
      const known = new Set(
        (
          await ctx.db.source.findMany({
            where: { url: { in: outlines.map((o) => o.xmlUrl) } },
            select: { url: true },
          })
        ).map((s) => s.url),
      );
      for (const outline of outlines) {
        const problem = feedUrlProblem(outline.xmlUrl, { allowHosts: ctx.fetchAllowHosts });
        if (problem) skipped.push({ url: outline.xmlUrl, reason: problem });
        else if (known.has(outline.xmlUrl)) skipped.push({ url: outline.xmlUrl, reason: 'already added' });
        else {
          known.add(outline.xmlUrl);
          const title = (outline.title ?? outline.text)?.slice(0, 300) ?? null;
          const id = await addSource({
            db: ctx.db,
            actor: actorOf(ctx),
            input: { url: outline.xmlUrl, title },
          });
          added.push(id);
          await enqueueFetch(ctx, id);
        }
      }
      await writeAudit(ctx.db, actorOf(ctx), {
        action: 'source.importOpml',
        entityType: 'Source',
        after: { added: added.length, skipped },
      });
      return { added, skipped };
    },
  }),
  exportOpml: t.string({
    description: 'All sources as an OPML 2.0 document (admin).',
    ...adminOnly,
    resolve: async (_r, _a, ctx) => {
      const sources = await ctx.db.source.findMany({
        orderBy: [{ title: 'asc' }, { id: 'asc' }],
        select: { url: true, siteUrl: true, title: true },
      });
      await writeAudit(ctx.db, actorOf(ctx), {
        action: 'source.exportOpml',
        entityType: 'Source',
        after: { count: sources.length },
      });
      return buildOpml({
        title: 'Wirelens sources',
        sources: sources.map((s) => ({ xmlUrl: s.url, htmlUrl: s.siteUrl, title: s.title })),
      });
    },
  }),
}));
