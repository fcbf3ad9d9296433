import type { CompanyTicker, DbClient } from '@wirelens/db';

import { loadMergePair } from './merge-pair.js';

export interface CompanyMergePreview {
  sourceId: number;
  targetId: number;
  /** Articles about the source only: they move to the target. */
  articlesMoving: number;
  /** Articles about both: they stay with the target, and the source's link goes. */
  articlesShared: number;
  /** How often the moving articles name the source. */
  mentionsMoving: number;
  /** Moving articles that count in a sentiment series (scored and not rejected): the target's series gains them. */
  seriesPointsMoving: number;
  /** The source's names the target does not have yet (its own name among them). */
  aliasesJoining: string[];
  /** The source's listings; all of them move. */
  tickersJoining: CompanyTicker[];
}

/**
 * What `mergeCompanies` would move, counted with the same rules and refused for the same reasons,
 * without changing anything, so an editor sees the consequences before confirming.
 */
export async function previewCompanyMerge({
  db,
  sourceId,
  targetId,
}: {
  db: DbClient;
  sourceId: number;
  targetId: number;
}): Promise<CompanyMergePreview> {
  await loadMergePair(db, sourceId, targetId);
  const [counts, aliases, tickers] = await Promise.all([
    db.$queryRaw<Omit<CompanyMergePreview, 'sourceId' | 'targetId' | 'aliasesJoining' | 'tickersJoining'>[]>`
      SELECT count(*) FILTER (WHERE NOT j."shared")::int AS "articlesMoving",
             count(*) FILTER (WHERE j."shared")::int AS "articlesShared",
             coalesce(sum(j."mentions") FILTER (WHERE NOT j."shared"), 0)::int AS "mentionsMoving",
             count(*) FILTER (
               WHERE NOT j."shared" AND a."sentimentScore" IS NOT NULL AND a."reviewStatus" <> 'REJECTED'
             )::int AS "seriesPointsMoving"
      FROM (
        SELECT s."articleId", s."mentions",
               EXISTS (SELECT 1 FROM "ArticleCompany" t
                       WHERE t."companyId" = ${targetId} AND t."articleId" = s."articleId") AS "shared"
        FROM "ArticleCompany" s WHERE s."companyId" = ${sourceId}
      ) j JOIN "Article" a ON a."id" = j."articleId"`,
    db.$queryRaw<{ alias: string }[]>`
      SELECT "alias" FROM "CompanyAlias"
      WHERE "companyId" = ${sourceId}
        AND "normalized" NOT IN (SELECT "normalized" FROM "CompanyAlias" WHERE "companyId" = ${targetId})
      ORDER BY "alias"`,
    db.companyTicker.findMany({ where: { companyId: sourceId }, orderBy: { symbol: 'asc' } }),
  ]);
  const [row] = counts;
  return {
    sourceId,
    targetId,
    articlesMoving: row?.articlesMoving ?? 0,
    articlesShared: row?.articlesShared ?? 0,
    mentionsMoving: row?.mentionsMoving ?? 0,
    seriesPointsMoving: row?.seriesPointsMoving ?? 0,
    aliasesJoining: aliases.map((a) => a.alias),
    tickersJoining: tickers,
  };
}
