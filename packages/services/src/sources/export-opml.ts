import { buildOpml } from '@wirelens/core/opml';
import type { DbClient } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

/** Every source as an OPML 2.0 document, by title; the export is audited (it lists every feed URL). */
export async function exportOpml({ db, actor }: { db: DbClient; actor: Actor }): Promise<string> {
  const sources = await db.source.findMany({
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    select: { url: true, siteUrl: true, title: true },
  });
  await writeAudit(db, actor, {
    action: 'source.exportOpml',
    entityType: 'Source',
    after: { count: sources.length },
  });
  return buildOpml({
    title: 'Wirelens sources',
    sources: sources.map((s) => ({ xmlUrl: s.url, htmlUrl: s.siteUrl, title: s.title })),
  });
}
