import type { DbClient } from '@wirelens/db';
import { notFound, subtractSourceFromBuckets, writeAudit, type Actor } from '@wirelens/db/repositories';

import { sourceAuditSelect } from './source-records.js';

/** Deletes a source and, with it, its articles and their place in the series (the audit entry keeps what it was). */
export async function deleteSource({
  db,
  actor,
  sourceId,
}: {
  db: DbClient;
  actor: Actor;
  sourceId: number;
}): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const before = await tx.source.findUnique({
        where: { id: sourceId },
        select: { ...sourceAuditSelect, _count: { select: { articles: true } } },
      });
      if (!before) throw notFound('Source', sourceId);
      await subtractSourceFromBuckets(tx, sourceId);
      await tx.source.delete({ where: { id: sourceId } });
      await writeAudit(tx, actor, {
        action: 'source.delete',
        entityType: 'Source',
        entityId: sourceId,
        before,
      });
    },
    { timeout: 60_000 },
  );
}
