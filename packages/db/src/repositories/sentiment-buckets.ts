import { sentimentClassOf, type SentimentLabelEnum } from '@wirelens/core/review';

import type { DbClient } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from './types.js';

/**
 * What one article adds to the pre-aggregated series: its effective score and label, once per
 * effective company and topic, in the hour and the day it was published. Rejected and
 * unanalysed articles add nothing.
 */
export interface ArticleContribution {
  publishedAt: Date;
  score: number;
  label: SentimentLabelEnum;
  companyIds: number[];
  topicIds: number[];
}

type Subject = 'COMPANY' | 'TOPIC';
type Granularity = 'HOUR' | 'DAY';

interface Delta {
  subject: Subject;
  subjectId: number;
  granularity: Granularity;
  bucketStart: Date;
  count: number;
  scoreSum: number;
  bullish: number;
  neutral: number;
  bearish: number;
}

export function truncateUtc(date: Date, granularity: Granularity | 'WEEK'): Date {
  const d = new Date(date.getTime());
  d.setUTCMinutes(0, 0, 0);
  if (granularity === 'HOUR') return d;
  d.setUTCHours(0);
  if (granularity === 'DAY') return d;
  // ISO weeks start on Monday, like PostgreSQL's date_trunc('week').
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday);
  return d;
}

function addContribution(
  deltas: Map<string, Delta>,
  contribution: ArticleContribution | null,
  sign: 1 | -1,
): void {
  if (!contribution) return;
  const cls = sentimentClassOf(contribution.label);
  const subjects: [Subject, number][] = [
    ...contribution.companyIds.map((id): [Subject, number] => ['COMPANY', id]),
    ...contribution.topicIds.map((id): [Subject, number] => ['TOPIC', id]),
  ];
  for (const [subject, subjectId] of subjects) {
    for (const granularity of ['HOUR', 'DAY'] as const) {
      const bucketStart = truncateUtc(contribution.publishedAt, granularity);
      const key = `${subject}|${subjectId}|${granularity}|${bucketStart.getTime()}`;
      const delta = deltas.get(key) ?? {
        subject,
        subjectId,
        granularity,
        bucketStart,
        count: 0,
        scoreSum: 0,
        bullish: 0,
        neutral: 0,
        bearish: 0,
      };
      delta.count += sign;
      delta.scoreSum += sign * contribution.score;
      delta[cls] += sign;
      deltas.set(key, delta);
    }
  }
}

/** One article's move in the series: its contribution before and after a change. */
export interface ContributionChange {
  before: ArticleContribution | null;
  after: ArticleContribution | null;
}

/**
 * Moves an article's contribution from `before` to `after` in one statement. Keys are sorted so
 * concurrent transactions lock bucket rows in the same order (no deadlocks).
 */
export function applyBucketDelta(
  tx: Tx,
  before: ArticleContribution | null,
  after: ArticleContribution | null,
): Promise<void> {
  return applyBucketDeltas(tx, [{ before, after }]);
}

/** Moves many articles' contributions at once: their deltas summed per bucket, in one statement. */
export async function applyBucketDeltas(tx: Tx, changes: readonly ContributionChange[]): Promise<void> {
  const deltas = new Map<string, Delta>();
  for (const { before, after } of changes) {
    addContribution(deltas, before, -1);
    addContribution(deltas, after, 1);
  }
  const rows = [...deltas.entries()]
    .filter(
      ([, d]) =>
        d.count !== 0 ||
        d.bullish !== 0 ||
        d.neutral !== 0 ||
        d.bearish !== 0 ||
        Math.abs(d.scoreSum) > 1e-12,
    )
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
  if (rows.length === 0) return;
  const values = rows.map(
    (d) =>
      Prisma.sql`(${d.subject}::"SeriesSubject", ${d.subjectId}, ${d.granularity}::"SeriesGranularity", ${d.bucketStart}::timestamp, ${d.count}, ${d.scoreSum}::float8, ${d.bullish}, ${d.neutral}, ${d.bearish})`,
  );
  await tx.$executeRaw`
    INSERT INTO "SentimentBucket" ("subject", "subjectId", "granularity", "bucketStart", "count", "scoreSum", "bullish", "neutral", "bearish")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("subject", "subjectId", "granularity", "bucketStart") DO UPDATE SET
      "count" = "SentimentBucket"."count" + EXCLUDED."count",
      "scoreSum" = "SentimentBucket"."scoreSum" + EXCLUDED."scoreSum",
      "bullish" = "SentimentBucket"."bullish" + EXCLUDED."bullish",
      "neutral" = "SentimentBucket"."neutral" + EXCLUDED."neutral",
      "bearish" = "SentimentBucket"."bearish" + EXCLUDED."bearish"`;
}

const CLASS_COLUMNS = Prisma.sql`
  count(*) FILTER (WHERE a."sentimentLabel" IN ('SOMEWHAT_BULLISH', 'BULLISH'))::int,
  count(*) FILTER (WHERE a."sentimentLabel" = 'NEUTRAL')::int,
  count(*) FILTER (WHERE a."sentimentLabel" IN ('SOMEWHAT_BEARISH', 'BEARISH'))::int`;

const CLASS_COLUMNS_NAMED = Prisma.sql`
  count(*) FILTER (WHERE a."sentimentLabel" IN ('SOMEWHAT_BULLISH', 'BULLISH'))::int AS bullish,
  count(*) FILTER (WHERE a."sentimentLabel" = 'NEUTRAL')::int AS neutral,
  count(*) FILTER (WHERE a."sentimentLabel" IN ('SOMEWHAT_BEARISH', 'BEARISH'))::int AS bearish`;

/**
 * Recomputes every bucket from the effective values (after bulk loads, merges, or to repair
 * drift). Pass `companyIds` to rebuild only those companies' series.
 */
export async function rebuildSentimentBuckets({
  db,
  companyIds,
}: {
  db: DbClient;
  companyIds?: number[];
}): Promise<void> {
  await db.$transaction((tx) => rebuildSentimentBucketsIn(tx, companyIds), {
    timeout: 60 * 60_000,
    maxWait: 60_000,
  });
}

/** The rebuild inside a transaction the caller holds. */
export async function rebuildSentimentBucketsIn(db: Tx, companyIds?: number[]): Promise<void> {
  const onlyCompanies = companyIds !== undefined;
  if (onlyCompanies && companyIds.length === 0) return;
  const companyFilter = onlyCompanies
    ? Prisma.sql`AND j."companyId" = ANY(${companyIds}::int[])`
    : Prisma.empty;
  if (onlyCompanies) {
    await db.$executeRaw`DELETE FROM "SentimentBucket" WHERE "subject" = 'COMPANY' AND "subjectId" = ANY(${companyIds}::int[])`;
  } else {
    await db.$executeRaw`DELETE FROM "SentimentBucket"`;
  }
  for (const granularity of ['HOUR', 'DAY'] as const) {
    const unit = granularity === 'HOUR' ? 'hour' : 'day';
    await db.$executeRaw`
      INSERT INTO "SentimentBucket" ("subject", "subjectId", "granularity", "bucketStart", "count", "scoreSum", "bullish", "neutral", "bearish")
      SELECT 'COMPANY', j."companyId", ${granularity}::"SeriesGranularity", date_trunc(${unit}, a."publishedAt"),
             count(*)::int, sum(a."sentimentScore"), ${CLASS_COLUMNS}
      FROM "ArticleCompany" j JOIN "Article" a ON a."id" = j."articleId"
      WHERE a."sentimentScore" IS NOT NULL AND a."reviewStatus" <> 'REJECTED' ${companyFilter}
      GROUP BY 2, 4`;
    if (!onlyCompanies) {
      await db.$executeRaw`
        INSERT INTO "SentimentBucket" ("subject", "subjectId", "granularity", "bucketStart", "count", "scoreSum", "bullish", "neutral", "bearish")
        SELECT 'TOPIC', j."topicId", ${granularity}::"SeriesGranularity", date_trunc(${unit}, a."publishedAt"),
               count(*)::int, sum(a."sentimentScore"), ${CLASS_COLUMNS}
        FROM "ArticleTopic" j JOIN "Article" a ON a."id" = j."articleId"
        WHERE a."sentimentScore" IS NOT NULL AND a."reviewStatus" <> 'REJECTED'
        GROUP BY 2, 4`;
    }
  }
}

/** Takes every article of a source out of the buckets (before the source and its articles are deleted). */
export async function subtractSourceFromBuckets(tx: Tx, sourceId: number): Promise<void> {
  for (const [subject, table, column] of [
    ['COMPANY', Prisma.raw('"ArticleCompany"'), Prisma.raw('"companyId"')],
    ['TOPIC', Prisma.raw('"ArticleTopic"'), Prisma.raw('"topicId"')],
  ] as const) {
    for (const granularity of ['HOUR', 'DAY'] as const) {
      const unit = granularity === 'HOUR' ? 'hour' : 'day';
      await tx.$executeRaw`
        UPDATE "SentimentBucket" s SET
          "count" = s."count" - c.n, "scoreSum" = s."scoreSum" - c.total,
          "bullish" = s."bullish" - c.bullish, "neutral" = s."neutral" - c.neutral, "bearish" = s."bearish" - c.bearish
        FROM (
          SELECT j.${column} AS "subjectId", date_trunc(${unit}, a."publishedAt") AS "bucketStart",
                 count(*)::int AS n, sum(a."sentimentScore") AS total, ${CLASS_COLUMNS_NAMED}
          FROM ${table} j JOIN "Article" a ON a."id" = j."articleId"
          WHERE a."sourceId" = ${sourceId} AND a."sentimentScore" IS NOT NULL AND a."reviewStatus" <> 'REJECTED'
          GROUP BY 1, 2
        ) c
        WHERE s."subject" = ${subject}::"SeriesSubject" AND s."granularity" = ${granularity}::"SeriesGranularity"
          AND s."subjectId" = c."subjectId" AND s."bucketStart" = c."bucketStart"`;
    }
  }
}
