import type { DbClient, SourceStatus } from '@wirelens/db';
import { notFound, writeAudit, type Actor } from '@wirelens/db/repositories';

import { sourceAuditSelect } from './source-records.js';

/** Pauses polling of a source, or resumes it (due at once, its failure count reset). */
export async function setSourceStatus({
  db,
  actor,
  sourceId,
  status,
}: {
  db: DbClient;
  actor: Actor;
  sourceId: number;
  status: SourceStatus;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.source.findUnique({ where: { id: sourceId }, select: sourceAuditSelect });
    if (!before) throw notFound('Source', sourceId);
    const after = await tx.source.update({
      where: { id: sourceId },
      data: status === 'ACTIVE' ? { status, nextAttemptAt: new Date(), consecutiveFailures: 0 } : { status },
      select: sourceAuditSelect,
    });
    await writeAudit(tx, actor, {
      action: status === 'PAUSED' ? 'source.pause' : 'source.resume',
      entityType: 'Source',
      entityId: sourceId,
      before,
      after,
    });
  });
}
