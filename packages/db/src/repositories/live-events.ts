import { readRows } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';
import { articleFilterSql, type ArticleFilter } from './article-filter.js';
import type { Tx } from './types.js';

/**
 * Which of `articleIds` each filter matches, in one statement for all filters: the i-th set holds the
 * matches of `filters[i]`. Live updates ask this once per batch of analysed articles.
 */
export async function matchArticleFilters(
  db: Tx,
  articleIds: readonly number[],
  filters: readonly ArticleFilter[],
): Promise<Set<number>[]> {
  const matches = filters.map(() => new Set<number>());
  if (articleIds.length === 0 || filters.length === 0) return matches;
  const ids = [...articleIds];
  const rows = await readRows<{ filter: number; id: number }>(
    db,
    Prisma.sql`${Prisma.join(
      filters.map(
        (filter, index) =>
          Prisma.sql`SELECT ${index}::int AS "filter", a."id" FROM "Article" a WHERE a."id" = ANY(${ids}::int[]) AND ${articleFilterSql({ anyOf: [filter] })}`,
      ),
      ' UNION ALL ',
    )}`,
  );
  for (const row of rows) matches[row.filter]?.add(row.id);
  return matches;
}

export interface NotificationEventRow {
  id: number;
  userId: number;
  firingId: number;
  /** The owner's unread notifications once this one was recorded. */
  unreadCount: number;
}

/** The notifications with their owner's unread count, in one statement. */
export async function loadNotificationEvents(
  db: Tx,
  notificationIds: readonly number[],
): Promise<NotificationEventRow[]> {
  if (notificationIds.length === 0) return [];
  return readRows<NotificationEventRow>(
    db,
    Prisma.sql`
      SELECT n."id", n."userId", n."firingId", u."unread"::int AS "unreadCount"
      FROM "Notification" n
      JOIN LATERAL (
        SELECT count(*) AS "unread" FROM "Notification" m WHERE m."userId" = n."userId" AND m."readAt" IS NULL
      ) u ON TRUE
      WHERE n."id" = ANY(${[...notificationIds]}::int[])
      ORDER BY n."id"`,
  );
}
