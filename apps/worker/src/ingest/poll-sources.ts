import type { PgBoss } from 'pg-boss';

import { JOBS } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';

/** Enqueues a fetch for every active source that is due; the fetch queue keeps one job per source. */
export async function pollSources({
  db,
  boss,
  now = new Date(),
}: {
  db: DbClient;
  boss: PgBoss;
  now?: Date;
}): Promise<number> {
  const due = await db.source.findMany({
    where: { status: 'ACTIVE', nextAttemptAt: { lte: now } },
    select: { id: true },
    orderBy: { nextAttemptAt: 'asc' },
    take: 1000,
  });
  if (due.length === 0) return 0;
  await boss.insert(
    JOBS.fetchSource.name,
    due.map((source) => ({
      data: { sourceId: source.id, force: false },
      singletonKey: `source-${source.id}`,
    })),
  );
  return due.length;
}
