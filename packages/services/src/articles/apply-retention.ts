import { AppError } from '@wirelens/core';
import { Prisma, type DbClient } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

export interface ApplyRetentionOptions {
  db: DbClient;
  /** Articles published more than this many days ago lose their full text. */
  days: number;
  /** Count what would be dropped and change nothing. */
  dryRun?: boolean;
  now?: Date;
  /** Who is applying it, for the audit log; default: the system. */
  actor?: Actor;
  /** Articles per statement and transaction. */
  batchSize?: number;
}

export interface RetentionResult {
  cutoff: Date;
  /** Articles published before the cutoff that had (dry run: have) full text. */
  articles: number;
  /** Bytes of full text and HTML dropped (dry run: that would be). */
  bytes: number;
  dryRun: boolean;
}

const OLD_WITH_TEXT = (cutoff: Date) =>
  Prisma.sql`"publishedAt" < ${cutoff}::timestamp AND ("contentHtml" IS NOT NULL OR "contentText" IS NOT NULL)`;
const TEXT_BYTES = Prisma.sql`coalesce(octet_length("contentHtml"), 0) + coalesce(octet_length("contentText"), 0)`;

/**
 * Drops the full text (sanitised HTML and plain text) of articles published before the retention
 * cutoff. Headlines, excerpts, analyses, corrections, company/topic links and the series buckets
 * stay; the search vector trigger re-indexes each article from what is left (headline, excerpt).
 *
 * Each batch commits on its own, so a first run over millions of articles neither holds its locks
 * for minutes nor loses its progress when interrupted; the one audit entry with the totals goes
 * with the last batch.
 */
export async function applyRetention({
  db,
  days,
  dryRun = false,
  now = new Date(),
  actor = { userId: null },
  batchSize = 1000,
}: ApplyRetentionOptions): Promise<RetentionResult> {
  if (!Number.isInteger(days) || days < 1) {
    throw new AppError('INVALID_INPUT', 'The retention period must be a whole number of days, at least 1', {
      details: { field: 'days' },
    });
  }
  const cutoff = new Date(now.getTime() - days * 86_400_000);

  if (dryRun) {
    const [planned] = await db.$queryRaw<{ articles: number; bytes: number }[]>(Prisma.sql`
      SELECT count(*)::int AS articles, coalesce(sum(${TEXT_BYTES}), 0)::float8 AS bytes
      FROM "Article" WHERE ${OLD_WITH_TEXT(cutoff)}`);
    return { cutoff, articles: planned?.articles ?? 0, bytes: planned?.bytes ?? 0, dryRun };
  }

  const total = { articles: 0, bytes: 0 };
  let afterId = 0;
  for (let finished = false; !finished;) {
    finished = await db.$transaction(async (tx) => {
      const [batch] = await tx.$queryRaw<
        { articles: number; bytes: number; lastId: number | null }[]
      >(Prisma.sql`
        WITH batch AS (
          SELECT "id", ${TEXT_BYTES} AS bytes FROM "Article"
          WHERE ${OLD_WITH_TEXT(cutoff)} AND "id" > ${afterId}
          ORDER BY "id" LIMIT ${batchSize} FOR UPDATE
        ), emptied AS (
          UPDATE "Article" a SET "contentHtml" = NULL, "contentText" = NULL, "updatedAt" = ${now}::timestamp
          FROM batch WHERE a."id" = batch."id" RETURNING a."id"
        )
        SELECT count(*)::int AS articles, coalesce(sum(batch.bytes), 0)::float8 AS bytes, max(batch."id") AS "lastId"
        FROM emptied JOIN batch USING ("id")`);
      total.articles += batch?.articles ?? 0;
      total.bytes += batch?.bytes ?? 0;
      afterId = batch?.lastId ?? afterId;
      const last = (batch?.articles ?? 0) < batchSize;
      if (last && total.articles > 0) {
        await writeAudit(tx, actor, {
          action: 'article.retention',
          entityType: 'Article',
          after: { days, cutoff: cutoff.toISOString(), articles: total.articles, bytes: total.bytes },
        });
      }
      return last;
    });
  }
  return { cutoff, ...total, dryRun };
}
