import { auditRow, notFound, subtractSourceFromBuckets } from '@wirelens/db/repositories';

import { sourceAuditSelect, type SourceActionOptions } from './source-records.js';

/** Deletes a source and, with it, its articles and their place in the series (the audit entry keeps what it was). */
export async function deleteSource({ db, actor, sourceId }: SourceActionOptions): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const before = await tx.source.findUnique({
        where: { id: sourceId },
        select: { ...sourceAuditSelect, _count: { select: { articles: true } } },
      });
      if (!before) throw notFound('Source', sourceId);
      await subtractSourceFromBuckets(tx, sourceId);
      await tx.source.delete({ where: { id: sourceId } });
      await auditRow(tx, actor, 'source.delete', 'Source', sourceId, { before });
    },
    { timeout: 60_000 },
  );
}
