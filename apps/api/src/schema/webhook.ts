import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  MAX_WEBHOOK_ENDPOINTS_PER_USER,
  pauseWebhookEndpoint,
  resumeWebhookEndpoint,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from '@wirelens/services/webhooks';

import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { requireViewer } from '../context.js';
import {
  changedRow,
  deleteOwnedRow,
  describedEnum,
  ownedByViewer,
  rowNode,
  viewerOwnedRows,
} from '../schema-helpers.js';
import { nullsAsUndefined, rowId } from '../validation.js';

export const WebhookFormatEnum = describedEnum('WebhookFormat', 'The body a webhook endpoint receives.', {
  JSON: "Wirelens' JSON event (type, rule, subject, figures, article links).",
  SLACK: 'A Slack/Mattermost incoming-webhook message ({ text, blocks }).',
});

export const WebhookDeliveryStateEnum = describedEnum('WebhookDeliveryState', 'Where a delivery stands.', {
  PENDING: 'Queued, or waiting for its next attempt.',
  DELIVERED: 'The receiver answered 2xx.',
  FAILED: 'Given up: a 4xx other than 408/429, a refused URL, or every attempt failed.',
  SKIPPED: 'Not sent: the endpoint was paused or disabled when its turn came.',
});

export const WebhookDelivery = builder.prismaNode('WebhookDelivery', {
  ...rowNode,
  description:
    'One event sent (or being sent) to one of your webhook endpoints, as its last attempt left it.',
  select: { id: true, endpoint: { select: { ownerId: true } } },
  authScopes: (delivery, ctx) => ownedByViewer(delivery.endpoint, ctx),
  fields: (t) => ({
    eventType: t.exposeString('eventType', { description: '`alert.fired` or `test`.' }),
    idempotencyKey: t.exposeString('idempotencyKey', {
      description: 'Sent as Idempotency-Key on every attempt.',
    }),
    state: t.expose('state', { type: WebhookDeliveryStateEnum, description: 'Where it stands.' }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made so far.' }),
    httpStatus: t.exposeInt('httpStatus', {
      nullable: true,
      description: 'HTTP status of the last attempt (null when no answer came).',
    }),
    latencyMs: t.exposeInt('latencyMs', {
      nullable: true,
      description: 'Milliseconds the last answer took.',
    }),
    responseExcerpt: t.exposeString('responseExcerpt', {
      nullable: true,
      description: 'The start of the last answer, control characters removed.',
    }),
    error: t.exposeString('error', { nullable: true, description: 'Why the last attempt failed.' }),
    firing: t.relation('firing', { nullable: true, description: 'The firing delivered (null for a test).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was queued.' }),
    lastAttemptAt: t.expose('lastAttemptAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was last tried.',
    }),
    deliveredAt: t.expose('deliveredAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it arrived.',
    }),
  }),
});

export const WebhookEndpoint = builder.prismaNode('WebhookEndpoint', {
  ...rowNode,
  description:
    'A URL of yours that receives every firing of your alert rules as a signed POST (while enabled and not paused).',
  select: { id: true, ownerId: true },
  authScopes: ownedByViewer,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name.' }),
    url: t.exposeString('url', { description: 'Where deliveries are POSTed.' }),
    format: t.expose('format', { type: WebhookFormatEnum, description: 'The body it receives.' }),
    enabled: t.exposeBoolean('enabled', {
      description: 'Off: firings are not sent to it (a 410 turns it off).',
    }),
    pausedAt: t.expose('pausedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Set while deliveries are stopped (failure streak, 410 or by you); resume clears it.',
    }),
    pauseReason: t.exposeString('pauseReason', { nullable: true, description: 'Why it is paused.' }),
    failureStreak: t.exposeInt('failureStreak', { description: 'Failed attempts in a row.' }),
    lastDeliveryAt: t.expose('lastDeliveryAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last successful delivery.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    deliveries: t.relatedConnection('deliveries', {
      cursor: 'id',
      maxSize: MAX_PAGE_SIZE,
      defaultSize: DEFAULT_PAGE_SIZE,
      description: 'The delivery log, newest first.',
      query: { orderBy: { id: 'desc' } },
      totalCount: true,
    }),
  }),
});

const EndpointWithSecret = builder
  .objectRef<{ id: number; secret: string }>('WebhookEndpointWithSecret')
  .implement({
    description: 'An endpoint and its signing secret, shown this once.',
    fields: (t) => ({
      endpoint: t.prismaField({
        type: WebhookEndpoint,
        description: 'The endpoint.',
        resolve: (query, r, _a, ctx) =>
          ctx.db.webhookEndpoint.findUniqueOrThrow({ ...query, where: { id: r.id } }),
      }),
      secret: t.exposeString('secret', {
        description:
          'Key of the Wirelens-Signature HMAC. Store it now in your receiver; it cannot be shown again.',
      }),
    }),
  });

const CreateWebhookEndpointInput = builder.inputType('CreateWebhookEndpointInput', {
  description: 'A new webhook endpoint.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Name (1–80 characters).' }),
    url: t.string({ required: true, description: 'A public http(s) URL.' }),
    format: t.field({ type: WebhookFormatEnum, required: false, description: 'Body format (default JSON).' }),
  }),
});

const UpdateWebhookEndpointInput = builder.inputType('UpdateWebhookEndpointInput', {
  description: 'Changes to an endpoint; what is left out stays.',
  fields: (t) => ({
    id: t.globalID({ for: WebhookEndpoint, required: true, description: 'The endpoint.' }),
    name: t.string({ required: false, description: 'New name.' }),
    url: t.string({ required: false, description: 'New URL.' }),
    format: t.field({ type: WebhookFormatEnum, required: false, description: 'New format.' }),
    enabled: t.boolean({ required: false, description: 'Turn it on or off.' }),
  }),
});

builder.queryFields((t) => ({
  webhookEndpoints: viewerOwnedRows(t, 'WebhookEndpoint', {
    description: 'Your webhook endpoints, newest first.',
    max: MAX_WEBHOOK_ENDPOINTS_PER_USER,
    orderBy: { id: 'desc' },
  }),
}));

builder.mutationFields((t) => {
  /** A mutation on one endpoint of the viewer's that answers the endpoint as the change left it. */
  const endpointChange = (description: string, change: typeof resumeWebhookEndpoint) =>
    t.prismaField({
      type: WebhookEndpoint,
      description,
      authScopes: { analyst: true },
      args: { id: t.arg.globalID({ for: WebhookEndpoint, required: true, description: 'The endpoint.' }) },
      resolve: (query, _root, args, ctx) =>
        changedRow(ctx, 'WebhookEndpoint', query, (run) =>
          change({ ...run, jobs: ctx.jobs, endpointId: rowId(args.id) }),
        ),
    });
  return {
    createWebhookEndpoint: t.field({
      type: EndpointWithSecret,
      description:
        'Create a webhook endpoint of your own (analyst or above); the answer carries its secret once.',
      authScopes: { analyst: true },
      args: {
        input: t.arg({ type: CreateWebhookEndpointInput, required: true, description: 'The endpoint.' }),
      },
      resolve: (_root, { input }, ctx) =>
        createWebhookEndpoint({
          db: ctx.db,
          actor: requireViewer(ctx),
          ...nullsAsUndefined(input),
          allowHosts: ctx.fetchAllowHosts,
        }),
    }),
    updateWebhookEndpoint: t.prismaField({
      type: WebhookEndpoint,
      description: 'Change one of your webhook endpoints (analyst or above).',
      authScopes: { analyst: true },
      args: {
        input: t.arg({ type: UpdateWebhookEndpointInput, required: true, description: 'The changes.' }),
      },
      resolve: (query, _root, { input: { id, ...changes } }, ctx) =>
        changedRow(ctx, 'WebhookEndpoint', query, (run) =>
          updateWebhookEndpoint({
            ...run,
            ...nullsAsUndefined(changes),
            endpointId: rowId(id),
            allowHosts: ctx.fetchAllowHosts,
          }),
        ),
    }),
    deleteWebhookEndpoint: deleteOwnedRow(t, WebhookEndpoint, 'analyst', {
      description:
        'Delete one of your webhook endpoints with its delivery log (analyst or above); returns its ID.',
      argDescription: 'The endpoint.',
      remove: (run, endpointId) => deleteWebhookEndpoint({ ...run, endpointId }),
    }),
    pauseWebhookEndpoint: endpointChange(
      'Stop deliveries to one of your endpoints until you resume it (analyst or above).',
      pauseWebhookEndpoint,
    ),
    resumeWebhookEndpoint: endpointChange(
      'Deliver again to a paused or disabled endpoint of yours; resets its failure streak and re-sends what a pause held back in the last 24 hours, each once (analyst or above).',
      resumeWebhookEndpoint,
    ),
    rotateWebhookSecret: t.field({
      type: EndpointWithSecret,
      description: 'Give one of your endpoints a new signing secret, shown this once (analyst or above).',
      authScopes: { analyst: true },
      args: { id: t.arg.globalID({ for: WebhookEndpoint, required: true, description: 'The endpoint.' }) },
      resolve: async (_root, args, ctx) => {
        const endpointId = rowId(args.id);
        const secret = await rotateWebhookSecret({ db: ctx.db, actor: requireViewer(ctx), endpointId });
        return { id: endpointId, secret };
      },
    }),
    sendTestWebhook: t.prismaField({
      type: WebhookDelivery,
      description: 'Queue a `test` event to one of your endpoints, paused ones included (analyst or above).',
      authScopes: { analyst: true },
      args: { id: t.arg.globalID({ for: WebhookEndpoint, required: true, description: 'The endpoint.' }) },
      resolve: (query, _root, args, ctx) =>
        changedRow(ctx, 'WebhookDelivery', query, (run) =>
          sendTestWebhook({ ...run, jobs: ctx.jobs, endpointId: rowId(args.id) }),
        ),
    }),
  };
});
