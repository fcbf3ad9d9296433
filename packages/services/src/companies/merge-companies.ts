import type { DbClient } from '@wirelens/db';
import { auditRow, rebuildSentimentBucketsIn, type Actor } from '@wirelens/db/repositories';

import { loadMergePair } from './merge-pair.js';

/**
 * Folds `sourceId` into `targetId`: its article links, aliases and tickers move to the target,
 * it is kept as MERGED (pointing at the target) and both series are rebuilt. `previewCompanyMerge`
 * counts the same rows beforehand.
 */
export async function mergeCompanies({
  db,
  actor,
  sourceId,
  targetId,
}: {
  db: DbClient;
  actor: Actor;
  sourceId: number;
  targetId: number;
}): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const { source } = await loadMergePair(tx, sourceId, targetId);
      const moved = await tx.$executeRaw`
        UPDATE "ArticleCompany" SET "companyId" = ${targetId}
        WHERE "companyId" = ${sourceId}
          AND "articleId" NOT IN (SELECT "articleId" FROM "ArticleCompany" WHERE "companyId" = ${targetId})`;
      await tx.articleCompany.deleteMany({ where: { companyId: sourceId } });
      await tx.$executeRaw`
        UPDATE "CompanyAlias" SET "companyId" = ${targetId}
        WHERE "companyId" = ${sourceId}
          AND "normalized" NOT IN (SELECT "normalized" FROM "CompanyAlias" WHERE "companyId" = ${targetId})`;
      await tx.companyTicker.updateMany({ where: { companyId: sourceId }, data: { companyId: targetId } });
      await tx.company.update({
        where: { id: sourceId },
        data: { status: 'MERGED', mergedIntoId: targetId },
      });
      await rebuildSentimentBucketsIn(tx, [sourceId, targetId]);
      await auditRow(tx, actor, 'company.merge', 'Company', sourceId, {
        before: { status: source.status, mergedIntoId: null },
        after: { status: 'MERGED', mergedIntoId: targetId, articlesMoved: moved },
      });
      return targetId;
    },
    { timeout: 60_000 },
  );
}
