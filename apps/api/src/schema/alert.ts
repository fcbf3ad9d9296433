import { DEFAULT_DIGEST_HOUR } from '@wirelens/core/email';
import { parseAlertFigures } from '@wirelens/db';
import {
  createAlertRule,
  deleteAlertRule,
  markNotificationsRead,
  MAX_ALERT_RULES_PER_USER,
  updateAlertRule,
} from '@wirelens/services/alerts';

import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { requireViewer } from '../context.js';
import { listCost } from '../http/cost.js';
import {
  changedRow,
  deleteOwnedRow,
  describedEnum,
  ownedByViewer,
  selectRowNode,
  viewerOwnedRows,
} from '../schema-helpers.js';
import { nullsAsUndefined, rowId, rowIds } from '../validation.js';
import { Article } from './article.js';
import { Company } from './company.js';
import { Topic } from './topic.js';
import { SavedFilter, Watchlist } from './watchlist.js';

export const AlertRuleKindEnum = describedEnum('AlertRuleKind', 'What an alert rule watches for.', {
  ARTICLE: 'A new or re-analysed article about the target matches (params: minImportance, sentiments).',
  SENTIMENT_SHIFT:
    'Mean effective sentiment over the window ending now moves by minDelta against the window before, or crosses threshold (params: window HOUR|DAY|WEEK, minDelta, threshold, direction UP|DOWN|EITHER, minArticles).',
  ATTENTION:
    'Article count in the window ending now is k× the mean of the baselineWindows before it (mode RATIO) or its z-score is ≥ k (mode ZSCORE) (params: window, mode, k, baselineWindows, minArticles).',
  SENTIMENT_ANOMALY:
    "The last day's mean is k standard deviations from the trailing daily means (params: k, baselineDays, minArticles).",
});

export const AlertEmailModeEnum = describedEnum(
  'AlertEmailMode',
  'Whether a rule e-mails its owner when it fires.',
  {
    OFF: 'No e-mail (the dashboard notification only).',
    IMMEDIATE: 'One e-mail per firing, sent at once.',
    DIGEST: "In the owner's daily digest (one e-mail a day at the digest hour, nothing when nothing fired).",
  },
);

const EmailSettings = builder
  .objectRef<{ enabled: boolean; digestHourUtc: number; recipient: string }>('EmailSettings')
  .implement({
    description: 'Whether this server sends alert e-mails, and when the daily digest goes out.',
    fields: (t) => ({
      enabled: t.exposeBoolean('enabled', {
        description: 'SMTP is configured (SMTP_URL): rules set to e-mail send mail.',
      }),
      digestHourUtc: t.exposeInt('digestHourUtc', {
        description: 'Hour of the day (UTC, 0–23) the daily digest is sent.',
      }),
      recipient: t.exposeString('recipient', {
        description: 'Where your alert e-mails go: your account address.',
      }),
    }),
  });

export const AlertRule = builder.prismaNode('AlertRule', {
  ...selectRowNode({ ownerId: true }),
  description: 'An alert rule of yours on one target: a watchlist, a company, a topic or a saved filter.',
  authScopes: ownedByViewer,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name.' }),
    kind: t.expose('kind', { type: AlertRuleKindEnum, description: 'What it watches for.' }),
    params: t.expose('params', {
      type: 'JSON',
      description: 'Kind-specific parameters (defaults filled in).',
    }),
    enabled: t.exposeBoolean('enabled', { description: 'Whether it is evaluated.' }),
    cooldownMinutes: t.exposeInt('cooldownMinutes', {
      description: 'Minutes after a firing in which it stays quiet.',
    }),
    lastFiredAt: t.expose('lastFiredAt', { type: 'DateTime', nullable: true, description: 'Last firing.' }),
    emailMode: t.expose('emailMode', {
      type: AlertEmailModeEnum,
      description: 'E-mail to you when it fires: off, at once, or in the daily digest.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    watchlist: t.relation('watchlist', { nullable: true, description: 'Target: a watchlist.' }),
    company: t.relation('company', { nullable: true, description: 'Target: a company.' }),
    topic: t.relation('topic', { nullable: true, description: 'Target: a topic.' }),
    savedFilter: t.relation('savedFilter', { nullable: true, description: 'Target: a saved filter.' }),
    lastFiring: t.prismaField({
      type: AlertFiring,
      nullable: true,
      description: 'The latest firing, with why (null until it fires).',
      resolve: (query, rule, _args, ctx) =>
        ctx.db.alertFiring.findFirst({
          ...query,
          where: { ruleId: rule.id },
          orderBy: [{ firedAt: 'desc' }, { id: 'desc' }],
        }),
    }),
  }),
});

export const AlertFiring = builder.prismaNode('AlertFiring', {
  ...selectRowNode({ rule: { select: { ownerId: true } } }),
  description: 'One time a rule fired, with why: the figures that crossed and the articles behind them.',
  authScopes: (firing, ctx) => ownedByViewer(firing.rule, ctx),
  fields: (t) => ({
    rule: t.relation('rule', { description: 'The rule that fired.' }),
    kind: t.expose('kind', { type: AlertRuleKindEnum, description: 'The rule kind at the time.' }),
    figures: t.field({
      type: 'JSON',
      description:
        'The numbers that crossed, by name (e.g. currentMean, previousMean, delta, currentCount; ratio or zScore; deviations).',
      select: { figures: true },
      resolve: (firing) => parseAlertFigures(firing.figures),
    }),
    windowStart: t.expose('windowStart', {
      type: 'DateTime',
      nullable: true,
      description: 'Start of the window the figures cover (window rules).',
    }),
    windowEnd: t.expose('windowEnd', {
      type: 'DateTime',
      nullable: true,
      description: 'End of that window.',
    }),
    firedAt: t.expose('firedAt', { type: 'DateTime', description: 'When it fired.' }),
    articles: t.prismaField({
      type: [Article],
      description: 'The articles behind the firing (most important first for windows).',
      select: { articleIds: true },
      extensions: listCost(() => 20),
      resolve: async (query, firing, _args, ctx) => {
        const rows = await ctx.db.article.findMany({ ...query, where: { id: { in: firing.articleIds } } });
        const order = new Map(firing.articleIds.map((id, i) => [id, i]));
        return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      },
    }),
  }),
});

export const Notification = builder.prismaNode('Notification', {
  ...selectRowNode({ userId: true }),
  description: 'A firing of one of your rules, shown in the dashboard.',
  authScopes: (n, ctx) => ctx.viewer?.id === n.userId,
  fields: (t) => ({
    firing: t.relation('firing', { description: 'What fired.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When.' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true, description: 'When you marked it read.' }),
  }),
});

const AlertTargetInput = builder.inputType('AlertTargetInput', {
  description: 'What a rule watches (exactly one).',
  fields: (t) => ({
    watchlistId: t.globalID({ for: Watchlist, required: false, description: 'One of your watchlists.' }),
    companyId: t.globalID({ for: Company, required: false, description: 'A company.' }),
    topicId: t.globalID({ for: Topic, required: false, description: 'A topic.' }),
    savedFilterId: t.globalID({
      for: SavedFilter,
      required: false,
      description: 'One of your saved filters.',
    }),
  }),
});

const CreateAlertRuleInput = builder.inputType('CreateAlertRuleInput', {
  description: 'A new alert rule.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Name (1–80 characters).' }),
    kind: t.field({ type: AlertRuleKindEnum, required: true, description: 'What to watch for.' }),
    params: t.field({
      type: 'JSON',
      required: true,
      description: 'Parameters of the kind (see AlertRuleKind).',
    }),
    cooldownMinutes: t.int({
      required: false,
      description: 'Quiet minutes after a firing (default 60, at most a week).',
    }),
    emailMode: t.field({
      type: AlertEmailModeEnum,
      required: false,
      description: 'E-mail when it fires (default OFF).',
    }),
    target: t.field({ type: AlertTargetInput, required: true, description: 'What it watches.' }),
  }),
});

const UpdateAlertRuleInput = builder.inputType('UpdateAlertRuleInput', {
  description: 'Changes to a rule; what is left out stays.',
  fields: (t) => ({
    id: t.globalID({ for: AlertRule, required: true, description: 'The rule.' }),
    name: t.string({ required: false, description: 'New name.' }),
    params: t.field({ type: 'JSON', required: false, description: 'New parameters (same kind).' }),
    cooldownMinutes: t.int({ required: false, description: 'New cooldown.' }),
    enabled: t.boolean({ required: false, description: 'Turn it on or off.' }),
    emailMode: t.field({ type: AlertEmailModeEnum, required: false, description: 'New e-mail choice.' }),
  }),
});

const id = (value: { id: string } | null | undefined) => (value ? rowId(value) : null);

builder.queryFields((t) => ({
  alertRules: viewerOwnedRows(t, 'AlertRule', {
    description: 'Your alert rules, newest first.',
    max: MAX_ALERT_RULES_PER_USER,
    orderBy: { id: 'desc' },
  }),
  notifications: t.prismaConnection({
    type: Notification,
    cursor: 'id',
    maxSize: MAX_PAGE_SIZE,
    defaultSize: DEFAULT_PAGE_SIZE,
    description: 'Your notifications, newest first.',
    authScopes: { viewer: true },
    args: { unreadOnly: t.arg.boolean({ defaultValue: false, description: 'Only unread ones.' }) },
    totalCount: (_p, args, ctx) =>
      ctx.db.notification.count({
        where: { userId: requireViewer(ctx).userId, ...(args.unreadOnly && { readAt: null }) },
      }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.notification.findMany({
        ...query,
        where: { userId: requireViewer(ctx).userId, ...(args.unreadOnly && { readAt: null }) },
        orderBy: { id: 'desc' },
      }),
  }),
  emailSettings: t.field({
    type: EmailSettings,
    description: 'Whether alert e-mails are sent on this server, the digest hour and your address.',
    authScopes: { viewer: true },
    resolve: (_root, _args, ctx) => ({
      enabled: ctx.email !== null,
      digestHourUtc: ctx.email?.digestHour ?? DEFAULT_DIGEST_HOUR,
      recipient: ctx.viewer?.email ?? '',
    }),
  }),
  unreadNotificationCount: t.int({
    description: 'How many of your notifications are unread (the bell).',
    authScopes: { viewer: true },
    resolve: (_root, _args, ctx) =>
      ctx.db.notification.count({ where: { userId: requireViewer(ctx).userId, readAt: null } }),
  }),
}));

builder.mutationFields((t) => ({
  createAlertRule: t.prismaField({
    type: AlertRule,
    description: 'Create an alert rule of your own (analyst or above).',
    authScopes: { analyst: true },
    args: { input: t.arg({ type: CreateAlertRuleInput, required: true, description: 'The rule.' }) },
    resolve: (query, _root, { input }, ctx) =>
      changedRow(ctx, 'AlertRule', query, (base) =>
        createAlertRule({
          ...base,
          name: input.name,
          kind: input.kind,
          params: input.params,
          cooldownMinutes: input.cooldownMinutes ?? undefined,
          emailMode: input.emailMode ?? undefined,
          target: {
            watchlistId: id(input.target.watchlistId),
            companyId: id(input.target.companyId),
            topicId: id(input.target.topicId),
            savedFilterId: id(input.target.savedFilterId),
          },
        }),
      ),
  }),
  updateAlertRule: t.prismaField({
    type: AlertRule,
    description: 'Change one of your alert rules (analyst or above).',
    authScopes: { analyst: true },
    args: { input: t.arg({ type: UpdateAlertRuleInput, required: true, description: 'The changes.' }) },
    resolve: (query, _root, { input: { id: ruleId, ...changes } }, ctx) =>
      changedRow(ctx, 'AlertRule', query, (base) =>
        updateAlertRule({ ...base, ...nullsAsUndefined(changes), ruleId: rowId(ruleId) }),
      ),
  }),
  deleteAlertRule: deleteOwnedRow(t, AlertRule, 'analyst', {
    description: 'Delete one of your alert rules with its firings (analyst or above); returns its ID.',
    argDescription: 'The rule.',
    remove: (run, ruleId) => deleteAlertRule({ ...run, ruleId }),
  }),
  markNotificationsRead: t.int({
    description:
      'Mark your notifications read: the given ones, or all when `ids` is left out. Returns how many changed.',
    authScopes: { viewer: true },
    args: {
      ids: t.arg.globalIDList({
        for: Notification,
        required: false,
        description: 'Which ones (default: all).',
      }),
    },
    resolve: (_root, args, ctx) =>
      markNotificationsRead({
        db: ctx.db,
        userId: requireViewer(ctx).userId,
        notificationIds: rowIds(args.ids) ?? null,
      }),
  }),
}));
