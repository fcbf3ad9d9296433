import { readRows } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';
import { truncateUtc } from './sentiment-buckets.js';
import type { Tx } from './types.js';

export type SeriesInterval = 'HOUR' | 'DAY' | 'WEEK';
export type SeriesSubjectKind = 'COMPANY' | 'TOPIC';

export interface SeriesBucket {
  start: Date;
  count: number;
  scoreSum: number;
  meanScore: number;
  bullish: number;
  neutral: number;
  bearish: number;
}

export interface SeriesResult {
  subject: SeriesSubjectKind;
  subjectId: number;
  buckets: SeriesBucket[];
}

const MS = { HOUR: 3600_000, DAY: 86_400_000, WEEK: 7 * 86_400_000 } as const;

/** Number of buckets an interval spans (for bounds checks and cost). */
export function bucketSpan(interval: SeriesInterval, from: Date, to: Date): number {
  return Math.max(0, Math.ceil((to.getTime() - truncateUtc(from, interval).getTime()) / MS[interval]));
}

/**
 * Sentiment series from the pre-aggregated buckets, one per subject, with only non-empty buckets
 * in time order. `from` is rounded down to its bucket; `to` is exclusive. Weeks (ISO, Monday) are
 * summed from days. One statement for any number of subjects.
 */
export async function loadSentimentSeries({
  db,
  subjects,
  interval,
  from,
  to,
}: {
  db: Tx;
  subjects: { subject: SeriesSubjectKind; subjectId: number }[];
  interval: SeriesInterval;
  from: Date;
  to: Date;
}): Promise<SeriesResult[]> {
  if (subjects.length === 0) return [];
  const start = truncateUtc(from, interval);
  const granularity = interval === 'HOUR' ? 'HOUR' : 'DAY';
  // Kept plain (no OR, no grouping unless weeks) because planning dominates at this size.
  const part = (subject: SeriesSubjectKind, ids: number[]) =>
    interval === 'WEEK'
      ? Prisma.sql`
        SELECT ${subject}::text AS "subject", b."subjectId", date_trunc('week', b."bucketStart") AS "start",
               sum(b."count")::int AS "count", sum(b."scoreSum")::float8 AS "scoreSum",
               sum(b."bullish")::int AS "bullish", sum(b."neutral")::int AS "neutral", sum(b."bearish")::int AS "bearish"
        FROM "SentimentBucket" b
        WHERE b."subject" = ${subject}::"SeriesSubject" AND b."subjectId" = ANY(${ids}::int[]) AND b."granularity" = 'DAY'
          AND b."bucketStart" >= ${start}::timestamp AND b."bucketStart" < ${to}::timestamp AND b."count" > 0
        GROUP BY 2, 3`
      : Prisma.sql`
        SELECT ${subject}::text AS "subject", b."subjectId", b."bucketStart" AS "start", b."count", b."scoreSum",
               b."bullish", b."neutral", b."bearish"
        FROM "SentimentBucket" b
        WHERE b."subject" = ${subject}::"SeriesSubject" AND b."subjectId" = ANY(${ids}::int[])
          AND b."granularity" = ${granularity}::"SeriesGranularity"
          AND b."bucketStart" >= ${start}::timestamp AND b."bucketStart" < ${to}::timestamp AND b."count" > 0`;
  const companyIds = subjects.filter((s) => s.subject === 'COMPANY').map((s) => s.subjectId);
  const topicIds = subjects.filter((s) => s.subject === 'TOPIC').map((s) => s.subjectId);
  const parts = [
    ...(companyIds.length > 0 ? [part('COMPANY', companyIds)] : []),
    ...(topicIds.length > 0 ? [part('TOPIC', topicIds)] : []),
  ];
  const rows = await readRows<{
    subject: SeriesSubjectKind;
    subjectId: number;
    start: Date;
    count: number;
    scoreSum: number;
    bullish: number;
    neutral: number;
    bearish: number;
  }>(db, Prisma.sql`${Prisma.join(parts, ' UNION ALL ')} ORDER BY 1, 2, 3`);
  const bySubject = new Map<string, SeriesBucket[]>();
  for (const row of rows) {
    const key = `${row.subject}|${row.subjectId}`;
    const list = bySubject.get(key) ?? [];
    list.push({
      start: row.start,
      count: row.count,
      scoreSum: row.scoreSum,
      meanScore: row.scoreSum / row.count,
      bullish: row.bullish,
      neutral: row.neutral,
      bearish: row.bearish,
    });
    bySubject.set(key, list);
  }
  return subjects.map((s) => ({ ...s, buckets: bySubject.get(`${s.subject}|${s.subjectId}`) ?? [] }));
}

export type MoverWindow = 'DAY' | 'WEEK' | 'MONTH';
const WINDOW_MS: Record<MoverWindow, number> = { DAY: MS.DAY, WEEK: MS.WEEK, MONTH: 30 * MS.DAY };

export interface Mover {
  companyId: number;
  currentMean: number;
  previousMean: number;
  change: number;
  currentCount: number;
  previousCount: number;
}

/**
 * Confirmed companies whose mean sentiment changed most between the window ending at `asOf`
 * and the window before it (both need `minArticles`). Hour buckets for a day window, else days;
 * one index range scan per company.
 */
export async function loadTopMovers({
  db,
  window,
  asOf,
  limit,
  minArticles,
  companyIds,
}: {
  db: Tx;
  window: MoverWindow;
  asOf: Date;
  limit: number;
  minArticles: number;
  /** Only these companies (a watchlist's); default: every confirmed company. */
  companyIds?: number[];
}): Promise<Mover[]> {
  const granularity = window === 'DAY' ? 'HOUR' : 'DAY';
  const end = truncateUtc(asOf, granularity);
  const mid = new Date(end.getTime() - WINDOW_MS[window]);
  const start = new Date(end.getTime() - 2 * WINDOW_MS[window]);
  return db.$queryRaw<Mover[]>`
    SELECT m."companyId", m.cur_sum / m.cur_n AS "currentMean", m.prev_sum / m.prev_n AS "previousMean",
           m.cur_sum / m.cur_n - m.prev_sum / m.prev_n AS "change", m.cur_n AS "currentCount", m.prev_n AS "previousCount"
    FROM (
      SELECT c."id" AS "companyId",
             s.cur_n, s.cur_sum, s.prev_n, s.prev_sum
      FROM "Company" c
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(b."count") FILTER (WHERE b."bucketStart" >= ${mid}::timestamp), 0)::int AS cur_n,
               coalesce(sum(b."scoreSum") FILTER (WHERE b."bucketStart" >= ${mid}::timestamp), 0)::float8 AS cur_sum,
               coalesce(sum(b."count") FILTER (WHERE b."bucketStart" < ${mid}::timestamp), 0)::int AS prev_n,
               coalesce(sum(b."scoreSum") FILTER (WHERE b."bucketStart" < ${mid}::timestamp), 0)::float8 AS prev_sum
        FROM "SentimentBucket" b
        WHERE b."subject" = 'COMPANY' AND b."subjectId" = c."id" AND b."granularity" = ${granularity}::"SeriesGranularity"
          AND b."bucketStart" >= ${start}::timestamp AND b."bucketStart" < ${end}::timestamp
      ) s
      WHERE c."status" = 'CONFIRMED' AND (${companyIds ?? null}::int[] IS NULL OR c."id" = ANY(${companyIds ?? null}::int[]))
    ) m
    WHERE m.cur_n >= ${minArticles} AND m.prev_n >= ${minArticles}
    ORDER BY abs(m.cur_sum / m.cur_n - m.prev_sum / m.prev_n) DESC, m."companyId"
    LIMIT ${limit}`;
}
