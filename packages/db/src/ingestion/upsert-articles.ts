import type { ArticleDraft } from '@wirelens/core/ingest';

import type { Prisma } from '../generated/prisma/client.js';

export interface UpsertArticlesOptions {
  /**
   * The caller's transaction: the follow-up jobs it queues for the new and changed articles commit
   * with them, so a worker killed mid-way leaves neither articles without their jobs nor jobs without articles.
   */
  tx: Prisma.TransactionClient;
  sourceId: number;
  drafts: ArticleDraft[];
}

export interface UpsertedArticle {
  id: number;
  fullTextStatus: ArticleDraft['fullTextStatus'] | 'EXTRACTED' | 'FAILED';
}

export interface UpsertArticlesResult {
  created: UpsertedArticle[];
  /** Articles whose title or text changed (their old title is kept in the title history). */
  updated: UpsertedArticle[];
  unchanged: number;
}

interface ExistingRow {
  id: number;
  sourceId: number;
  guid: string | null;
  urlKey: string;
  title: string;
  contentHash: string;
  fullTextStatus: UpsertedArticle['fullTextStatus'];
}

/**
 * Stores a feed's items: an item seen before (same GUID in this source, or the same
 * URL key from anywhere) updates its article instead of duplicating it; the same
 * story from different sources stays separate articles. Safe to run twice and
 * against concurrent workers (inserts skip rows that appeared meanwhile).
 */
export async function upsertArticles({
  tx: db,
  sourceId,
  drafts,
}: UpsertArticlesOptions): Promise<UpsertArticlesResult> {
  // One draft per key within the batch (feeds do repeat items).
  const unique = new Map<string, ArticleDraft>();
  for (const draft of drafts) if (!unique.has(draft.urlKey)) unique.set(draft.urlKey, draft);
  const batch = [...unique.values()];
  if (batch.length === 0) return { created: [], updated: [], unchanged: 0 };

  const guids = batch.map((d) => d.guid).filter((g): g is string => g !== null);
  const select = {
    id: true,
    sourceId: true,
    guid: true,
    urlKey: true,
    title: true,
    contentHash: true,
    fullTextStatus: true,
  } as const;
  const existing: ExistingRow[] = await db.article.findMany({
    where: {
      OR: [
        { urlKey: { in: batch.map((d) => d.urlKey) } },
        ...(guids.length > 0 ? [{ sourceId, guid: { in: guids } }] : []),
      ],
    },
    select,
  });
  const byGuid = new Map(
    existing.filter((row) => row.sourceId === sourceId && row.guid !== null).map((row) => [row.guid, row]),
  );
  const byKey = new Map(existing.map((row) => [row.urlKey, row]));

  const toCreate: ArticleDraft[] = [];
  const result: UpsertArticlesResult = { created: [], updated: [], unchanged: 0 };
  for (const draft of batch) {
    const row = (draft.guid !== null ? byGuid.get(draft.guid) : undefined) ?? byKey.get(draft.urlKey);
    if (!row) {
      toCreate.push(draft);
      continue;
    }
    if (row.contentHash === draft.contentHash && row.title === draft.title) {
      result.unchanged += 1;
      continue;
    }
    result.updated.push(await updateArticle(db, row, draft));
  }

  if (toCreate.length > 0) {
    const created = await db.article.createManyAndReturn({
      data: toCreate.map((draft) => ({ ...draft, sourceId })),
      skipDuplicates: true,
      select: { id: true, fullTextStatus: true },
    });
    result.created.push(...created);
    // Rows another worker inserted between our read and our insert count as unchanged here.
    result.unchanged += toCreate.length - created.length;
  }
  return result;
}

async function updateArticle(
  tx: Prisma.TransactionClient,
  row: ExistingRow,
  draft: ArticleDraft,
): Promise<UpsertedArticle> {
  // Text we extracted from the page is better than a feed teaser: keep it unless the feed now carries full text.
  const keepExtracted = row.fullTextStatus === 'EXTRACTED' && draft.fullTextStatus === 'PENDING';
  if (row.title !== draft.title) {
    await tx.articleTitleHistory.create({ data: { articleId: row.id, title: row.title } });
  }
  return tx.article.update({
    where: { id: row.id },
    data: {
      title: draft.title,
      author: draft.author,
      publishedAt: draft.publishedAt,
      imageUrl: draft.imageUrl,
      excerpt: draft.excerpt,
      contentHash: draft.contentHash,
      ...(keepExtracted
        ? {}
        : {
            contentHtml: draft.contentHtml,
            sanitizerVersion: draft.sanitizerVersion,
            contentText: draft.contentText,
            fullTextStatus: draft.fullTextStatus,
          }),
    },
    select: { id: true, fullTextStatus: true },
  });
}
