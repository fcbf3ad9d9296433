import { AppError } from '@wirelens/core';
import type { LiveFeed, NotificationEvent as LiveNotificationEvent } from '@wirelens/services/live';

import { builder } from '../builder.js';
import { requireViewer, type Context } from '../context.js';
import { AlertFiring, Notification } from './alert.js';
import { ArticleFilterInput, parseArticleFilter } from './article-filter.js';
import { Article } from './article.js';
import { watchlistArg, watchlistScopeOf } from './watchlist-scope.js';

function liveFeed(ctx: Context): LiveFeed {
  if (!ctx.live) {
    throw new AppError(
      'INVALID_INPUT',
      'Subscriptions run over WebSocket (graphql-ws protocol) on /graphql, not over HTTP',
    );
  }
  return ctx.live;
}

const NotificationEvent = builder.objectRef<LiveNotificationEvent>('NotificationEvent');
NotificationEvent.implement({
  description: 'A notification just recorded for you, with your unread count after it.',
  fields: (t) => ({
    notification: t.field({
      type: Notification,
      description: 'The new notification.',
      resolve: (event) => event.notification,
    }),
    unreadCount: t.int({
      description: 'How many of your notifications are unread now (the bell).',
      resolve: (event) => event.unreadCount,
    }),
  }),
});

builder.subscriptionFields((t) => ({
  articleAnalyzed: t.field({
    type: Article,
    description:
      'Articles as they are analysed (first analysis or re-analysis) that match the feed filter, and the watchlist if given (its contents when you subscribed).',
    authScopes: { viewer: true },
    args: {
      filter: t.arg({ type: ArticleFilterInput, required: false, description: 'Filters (AND).' }),
      watchlist: watchlistArg(t.arg, 'Only articles on this watchlist of yours (with the filters, AND).'),
    },
    subscribe: async (_root, args, ctx) => {
      const live = liveFeed(ctx);
      const scope = await watchlistScopeOf(ctx, args.watchlist);
      return live.articles({ ...parseArticleFilter(args.filter), ...(scope && { anyOf: [scope.filter] }) });
    },
    resolve: (article) => article,
  }),
  notificationAdded: t.field({
    type: NotificationEvent,
    description: 'Your notifications as they are recorded, with your unread count.',
    authScopes: { viewer: true },
    subscribe: (_root, _args, ctx) => liveFeed(ctx).notifications(requireViewer(ctx).userId),
    resolve: (event) => event,
  }),
  alertFired: t.field({
    type: AlertFiring,
    description: 'Firings of your alert rules as they are recorded.',
    authScopes: { viewer: true },
    subscribe: (_root, _args, ctx) => liveFeed(ctx).notifications(requireViewer(ctx).userId),
    resolve: (event) => event.firing,
  }),
}));
