import {
  AUTH_CHANGES_CHANNEL,
  listenToChannels,
  LIVE_EVENTS_CHANNEL,
  parseLiveEvent,
  type AlertFiring,
  type Article,
  type DbClient,
  type Notification,
} from '@wirelens/db';
import { loadNotificationEvents, matchArticleFilters, type ArticleFilter } from '@wirelens/db/repositories';

import { createEventQueue, type EventQueue } from './event-queue.js';
import { createIdTracker } from './id-tracker.js';

/** Most events of each kind one catch-up after a LISTEN gap dispatches (the newest). */
export const CATCH_UP_LIMIT = 5_000;

/** A recorded notification as a subscriber receives it. */
export interface NotificationEvent {
  notification: Notification;
  /** With its rule's owner, which the API's ownership check reads. */
  firing: AlertFiring & { rule: { ownerId: number } };
  /** The owner's unread notifications at the time (the bell's number). */
  unreadCount: number;
}

export interface AuthWatcher {
  /** A credential of this user changed (revoked, signed out, deactivated, demoted…). */
  onUserChanged(userId: number): void;
  /** The feed reconnected: changes may have been missed. */
  onReset(): void;
}

/** One API process's live events: one LISTEN connection, dispatched to the subscribers in this process. */
export interface LiveFeed {
  /** Articles stored with a new analysis (first or re-analysis) that match `filter`. */
  articles(filter: ArticleFilter): EventQueue<Article>;
  /** Notifications recorded for this user. */
  notifications(userId: number): EventQueue<NotificationEvent>;
  /** Credential changes heard on the same connection; returns the unsubscribe function. */
  watchAuth(watcher: AuthWatcher): () => void;
  readonly listening: boolean;
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface CreateLiveFeedOptions {
  db: DbClient;
  /** The database the LISTEN connection opens (the primary: a standby never sends notifications). */
  connectionString: string;
  /** How long events gather before one batch is loaded and dispatched (default 20 ms). */
  batchMs?: number;
  onError?: (error: unknown) => void;
  /** Delay before reconnecting the LISTEN connection, and before retrying a failed catch-up (default 1 s). */
  retryMs?: number;
}

interface ArticleSubscriber {
  key: string;
  filter: ArticleFilter;
  queue: EventQueue<Article>;
}

/**
 * Fans out the `live_event_notify` trigger's announcements (sent at commit of the transaction that
 * stored an analysis or recorded a notification) to this process's subscribers. Events gather for
 * `batchMs`; each batch costs one statement matching every distinct filter against its articles, one
 * loading those articles, and for notifications one with their owners' unread counts plus one each for
 * the notification and firing rows — however many subscribers there are.
 *
 * Nothing is lost while the LISTEN connection is down: once it listens again, one bounded query per kind
 * loads the analyses and notifications stored since the last one dispatched (from a little below it, see
 * CATCH_UP_MARGIN; at most CATCH_UP_LIMIT, the newest) and dispatches those not dispatched yet; ids already
 * dispatched are remembered, so an event that arrives both ways is dispatched once.
 */
export function createLiveFeed({
  db,
  connectionString,
  batchMs = 20,
  onError = () => undefined,
  retryMs = 1_000,
}: CreateLiveFeedOptions): LiveFeed {
  const articleSubscribers = new Set<ArticleSubscriber>();
  const notificationSubscribers = new Map<number, Set<EventQueue<NotificationEvent>>>();
  const authWatchers = new Set<AuthWatcher>();
  let articleIds = new Set<number>();
  let notificationIds = new Set<number>();
  const analyses = createIdTracker();
  const notices = createIdTracker();
  let timer: NodeJS.Timeout | null = null;
  let catchUpRetry: NodeJS.Timeout | null = null;
  let closed = false;
  // Batches run one after another, so subscribers see events in commit order.
  let running = Promise.resolve();

  const flush = async () => {
    const articles = [...articleIds];
    const notifications = [...notificationIds];
    articleIds = new Set();
    notificationIds = new Set();
    await Promise.all([dispatchArticles(articles), dispatchNotifications(notifications)]);
  };
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = null;
      running = running.then(flush).catch(onError);
    }, batchMs);
  };

  const dispatchArticles = async (ids: number[]) => {
    if (ids.length === 0 || articleSubscribers.size === 0) return;
    const subscribers = [...articleSubscribers];
    const filters = new Map<string, ArticleFilter>();
    for (const subscriber of subscribers) filters.set(subscriber.key, subscriber.filter);
    const keys = [...filters.keys()];
    const matched = await matchArticleFilters(db, ids, [...filters.values()]);
    const byKey = new Map(keys.map((key, i) => [key, matched[i] ?? new Set<number>()]));
    const wanted = new Set(matched.flatMap((set) => [...set]));
    if (wanted.size === 0) return;
    const rows = await db.article.findMany({ where: { id: { in: [...wanted] } }, orderBy: { id: 'asc' } });
    for (const subscriber of subscribers) {
      const mine = byKey.get(subscriber.key);
      for (const row of rows) if (mine?.has(row.id)) subscriber.queue.push(row);
    }
  };

  const dispatchNotifications = async (ids: number[]) => {
    if (ids.length === 0 || notificationSubscribers.size === 0) return;
    const events = (await loadNotificationEvents(db, ids)).filter((event) =>
      notificationSubscribers.has(event.userId),
    );
    if (events.length === 0) return;
    const [rows, firings] = await Promise.all([
      db.notification.findMany({ where: { id: { in: events.map((e) => e.id) } } }),
      db.alertFiring.findMany({
        where: { id: { in: events.map((e) => e.firingId) } },
        include: { rule: { select: { ownerId: true } } },
      }),
    ]);
    const rowById = new Map(rows.map((row) => [row.id, row]));
    const firingById = new Map(firings.map((firing) => [firing.id, firing]));
    for (const event of events) {
      const notification = rowById.get(event.id);
      const firing = firingById.get(event.firingId);
      if (!notification || !firing) continue;
      for (const queue of notificationSubscribers.get(event.userId) ?? []) {
        queue.push({ notification, firing, unreadCount: event.unreadCount });
      }
    }
  };

  /** After (re)connecting: the floor on the first connection, the gap's events on later ones. */
  const catchUp = async () => {
    if (!analyses.hasFloor || !notices.hasFloor) {
      // The newest ids by their primary keys: Prisma's `aggregate({ _max })` wraps the table in a
      // subquery PostgreSQL scans whole (1.5 s at 10 million analyses).
      const newest = { select: { id: true }, orderBy: { id: 'desc' } } as const;
      const [analysis, notification] = await Promise.all([
        db.analysis.findFirst(newest),
        db.notification.findFirst(newest),
      ]);
      analyses.setFloor(analysis?.id ?? 0);
      notices.setFloor(notification?.id ?? 0);
    }
    const analysisGap = analyses.gap;
    const noticeGap = notices.gap;
    const [missedAnalyses, missedNotices] = await Promise.all([
      analysisGap === null
        ? []
        : db.analysis.findMany({
            where: { id: { gt: analysisGap.from } },
            select: { id: true, articleId: true },
            orderBy: { id: 'desc' },
            take: CATCH_UP_LIMIT,
          }),
      noticeGap === null
        ? []
        : db.notification.findMany({
            where: { id: { gt: noticeGap.from } },
            select: { id: true },
            orderBy: { id: 'desc' },
            take: CATCH_UP_LIMIT,
          }),
    ]);
    if (analysisGap) analyses.closeGap(analysisGap);
    if (noticeGap) notices.closeGap(noticeGap);
    for (const row of missedAnalyses) if (analyses.first(row.id)) articleIds.add(row.articleId);
    for (const row of missedNotices) if (notices.first(row.id)) notificationIds.add(row.id);
    if (articleIds.size + notificationIds.size > 0) schedule();
  };
  const startCatchUp = () => {
    if (catchUpRetry) clearTimeout(catchUpRetry);
    catchUpRetry = null;
    running = running.then(catchUp).catch((error: unknown) => {
      onError(error);
      if (!closed) catchUpRetry = setTimeout(startCatchUp, retryMs);
    });
  };

  const listener = listenToChannels({
    connectionString,
    channels: [LIVE_EVENTS_CHANNEL, AUTH_CHANGES_CHANNEL],
    retryMs,
    onNotification: (channel, payload) => {
      if (channel === AUTH_CHANGES_CHANNEL) {
        const userId = Number(payload);
        if (Number.isInteger(userId)) for (const watcher of authWatchers) watcher.onUserChanged(userId);
        return;
      }
      const event = parseLiveEvent(payload);
      if (!event) return;
      if (event.kind === 'article') {
        if (analyses.first(event.analysisId)) articleIds.add(event.articleId);
      } else if (notices.first(event.notificationId)) notificationIds.add(event.notificationId);
      schedule();
    },
    onReset: (listening) => {
      for (const watcher of authWatchers) watcher.onReset();
      if (!listening) {
        analyses.openGap();
        notices.openGap();
      } else startCatchUp();
    },
  });

  return {
    articles(filter) {
      const subscriber: ArticleSubscriber = {
        key: JSON.stringify(filter),
        filter,
        queue: createEventQueue(() => articleSubscribers.delete(subscriber)),
      };
      articleSubscribers.add(subscriber);
      return subscriber.queue;
    },
    notifications(userId) {
      const queues = notificationSubscribers.get(userId) ?? new Set();
      notificationSubscribers.set(userId, queues);
      const queue = createEventQueue<NotificationEvent>(() => {
        queues.delete(queue);
        if (queues.size === 0) notificationSubscribers.delete(userId);
      });
      queues.add(queue);
      return queue;
    },
    watchAuth(watcher) {
      authWatchers.add(watcher);
      return () => authWatchers.delete(watcher);
    },
    get listening() {
      return listener.listening;
    },
    // Listening, and the catch-up floor is known.
    ready: listener.ready.then(() => running),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (catchUpRetry) clearTimeout(catchUpRetry);
      await listener.close();
      await running;
      for (const subscriber of articleSubscribers) await subscriber.queue.return?.();
      for (const queues of notificationSubscribers.values())
        for (const queue of queues) await queue.return?.();
    },
  };
}
