import { parseAlertFigures } from '@wirelens/db';
import {
  createAlertRule,
  deleteAlertRule,
  markNotificationsRead,
  MAX_ALERT_RULES_PER_USER,
  updateAlertRule,
} from '@wirelens/services/alerts';

import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { requireViewer, type Context } from '../context.js';
import { listCost } from '../http/cost.js';
import { describedEnum, rowNode } from '../schema-helpers.js';
import { rowId, rowIds } from '../validation.js';
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

const ownerOnly = (owned: { ownerId: number }, ctx: Context) => ctx.viewer?.id === owned.ownerId;

export const AlertRule = builder.prismaNode('AlertRule', {
  ...rowNode,
  description: 'An alert rule of yours on one target: a watchlist, a company, a topic or a saved filter.',
  select: { id: true, ownerId: true },
  authScopes: (rule, ctx) => ownerOnly(rule, ctx),
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
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    watchlist: t.relation('watchlist', { nullable: true, description: 'Target: a watchlist.' }),
    company: t.relation('company', { nullable: true, description: 'Target: a company.' }),
    topic: t.relation('topic', { nullable: true, description: 'Target: a topic.' }),
    savedFilter: t.relation('savedFilter', { nullable: true, description: 'Target: a saved filter.' }),
  }),
});

export const AlertFiring = builder.prismaNode('AlertFiring', {
  ...rowNode,
  description: 'One time a rule fired, with why: the figures that crossed and the articles behind them.',
  select: { id: true, rule: { select: { ownerId: true } } },
  authScopes: (firing, ctx) => ownerOnly(firing.rule, ctx),
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
  ...rowNode,
  description: 'A firing of one of your rules, shown in the dashboard.',
  select: { id: true, userId: true },
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
  }),
});

const id = (value: { id: string } | null | undefined) => (value ? rowId(value) : null);

builder.queryFields((t) => ({
  alertRules: t.prismaField({
    type: [AlertRule],
    description: 'Your alert rules, newest first.',
    authScopes: { viewer: true },
    extensions: listCost(() => MAX_ALERT_RULES_PER_USER),
    resolve: (query, _root, _args, ctx) =>
      ctx.db.alertRule.findMany({
        ...query,
        where: { ownerId: requireViewer(ctx).userId },
        orderBy: { id: 'desc' },
      }),
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
    resolve: async (query, _root, { input }, ctx) => {
      const ruleId = await createAlertRule({
        db: ctx.db,
        actor: requireViewer(ctx),
        name: input.name,
        kind: input.kind,
        params: input.params,
        cooldownMinutes: input.cooldownMinutes ?? undefined,
        target: {
          watchlistId: id(input.target.watchlistId),
          companyId: id(input.target.companyId),
          topicId: id(input.target.topicId),
          savedFilterId: id(input.target.savedFilterId),
        },
      });
      return ctx.db.alertRule.findUniqueOrThrow({ ...query, where: { id: ruleId } });
    },
  }),
  updateAlertRule: t.prismaField({
    type: AlertRule,
    description: 'Change one of your alert rules (analyst or above).',
    authScopes: { analyst: true },
    args: { input: t.arg({ type: UpdateAlertRuleInput, required: true, description: 'The changes.' }) },
    resolve: async (query, _root, { input }, ctx) => {
      const ruleId = await updateAlertRule({
        db: ctx.db,
        actor: requireViewer(ctx),
        ruleId: rowId(input.id),
        name: input.name ?? undefined,
        params: input.params ?? undefined,
        cooldownMinutes: input.cooldownMinutes ?? undefined,
        enabled: input.enabled ?? undefined,
      });
      return ctx.db.alertRule.findUniqueOrThrow({ ...query, where: { id: ruleId } });
    },
  }),
  deleteAlertRule: t.globalID({
    description: 'Delete one of your alert rules with its firings (analyst or above); returns its ID.',
    authScopes: { analyst: true },
    args: { id: t.arg.globalID({ for: AlertRule, required: true, description: 'The rule.' }) },
    resolve: async (_root, args, ctx) => ({
      type: 'AlertRule',
      id: await deleteAlertRule({ db: ctx.db, actor: requireViewer(ctx), ruleId: rowId(args.id) }),
    }),
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
