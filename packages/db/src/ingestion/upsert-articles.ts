import type { ArticleDraft } from '@wirelens/core/ingest';

import type { DbClient } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';

export interface UpsertArticlesOptions {
  db: DbClient;
  sourceId: number;
  drafts: ArticleDraft[];
  /**
   * Runs in the transaction that stored the articles, with what was stored: follow-up jobs queued
   * here commit with the articles, so a worker killed mid-way leaves neither articles without their
   * jobs nor jobs without articles. Without it the batch is written by one statement, no transaction.
   */
  afterWrite?: (tx: Prisma.TransactionClient, stored: UpsertArticlesResult) => Promise<void>;
}

export interface UpsertedArticle {
  id: number;
  fullTextStatus: ArticleDraft['fullTextStatus'] | 'EXTRACTED' | 'FAILED';
}

export interface UpsertArticlesResult {
  /** In the order of the drafts. */
  created: UpsertedArticle[];
  /** Articles whose title or text changed (their old title is kept in the title history), in the order of the drafts. */
  updated: UpsertedArticle[];
  unchanged: number;
}

interface WrittenRow {
  kind: 'created' | 'updated';
  id: number;
  fullTextStatus: UpsertedArticle['fullTextStatus'];
  /** The draft's index in the batch. */
  ord: number;
}

/**
 * Stores a feed's items: an item seen before (same GUID in this source, or the same
 * URL key from anywhere) updates its article instead of duplicating it; the same
 * story from different sources stays separate articles. Safe to run twice and
 * against concurrent workers (inserts skip rows that appeared meanwhile).
 */
export async function upsertArticles({
  db,
  sourceId,
  drafts,
  afterWrite,
}: UpsertArticlesOptions): Promise<UpsertArticlesResult> {
  // One draft per key within the batch (feeds do repeat items).
  const unique = new Map<string, ArticleDraft>();
  for (const draft of drafts) if (!unique.has(draft.urlKey)) unique.set(draft.urlKey, draft);
  const batch = [...unique.values()];
  if (batch.length === 0) return { created: [], updated: [], unchanged: 0 };
  if (!afterWrite) return write(db, sourceId, batch);
  return db.$transaction(
    async (tx) => {
      const stored = await write(tx, sourceId, batch);
      await afterWrite(tx, stored);
      return stored;
    },
    { timeout: 60_000 },
  );
}

/**
 * The whole batch in one statement (one round trip, whatever the batch holds): find each draft's
 * article, keep the old titles of the changed ones, update them and insert the rest.
 */
async function write(
  db: Prisma.TransactionClient,
  sourceId: number,
  batch: ArticleDraft[],
): Promise<UpsertArticlesResult> {
  // Timestamps travel as UTC ISO strings; a `timestamp` (without zone) column keeps them as written.
  const now = new Date().toISOString();
  const rows = JSON.stringify(batch.map((draft, ord) => ({ ...draft, ord })));
  const written = await db.$queryRaw<WrittenRow[]>(Prisma.sql`
    WITH draft AS (
      SELECT * FROM json_to_recordset(${rows}::json) AS d(
        ord int, guid text, url text, "canonicalUrl" text, "urlKey" text, title text, author text,
        "publishedAt" timestamp(3), "imageUrl" text, excerpt text, "contentHtml" text,
        "sanitizerVersion" int, "contentText" text, "fullTextStatus" "FullTextStatus", language text,
        "contentHash" text)
    ),
    -- The article a draft is about: the same GUID in this source, else the same URL key from anywhere.
    found AS (
      SELECT d.ord, a.id, a.title AS "oldTitle", a."contentHash" AS "oldHash", a."fullTextStatus" AS "oldStatus"
      FROM draft d
      CROSS JOIN LATERAL (
        SELECT a.id, a.title, a."contentHash", a."fullTextStatus", 0 AS rank FROM "Article" a
        WHERE d.guid IS NOT NULL AND a."sourceId" = ${sourceId}::int AND a.guid = d.guid
        UNION ALL
        SELECT a.id, a.title, a."contentHash", a."fullTextStatus", 1 AS rank FROM "Article" a
        WHERE a."urlKey" = d."urlKey"
        ORDER BY rank
        LIMIT 1
      ) a
    ),
    -- Several drafts about one article (a GUID and another item's URL): the first in the feed counts.
    changed AS (
      SELECT *,
        -- Text we extracted from the page is better than a feed teaser: kept unless the feed now carries full text.
        earliest."oldStatus" = 'EXTRACTED' AND d."fullTextStatus" = 'PENDING' AS "keepText"
      FROM (SELECT DISTINCT ON (f.id) f.* FROM found f ORDER BY f.id, f.ord) earliest
      JOIN draft d USING (ord)
      WHERE d."contentHash" <> earliest."oldHash" OR d.title <> earliest."oldTitle"
    ),
    history AS (
      INSERT INTO "ArticleTitleHistory" ("articleId", title, "replacedAt")
      SELECT id, "oldTitle", ${now}::timestamp(3) FROM changed WHERE title <> "oldTitle"
    ),
    updated AS (
      UPDATE "Article" a SET
        title = c.title,
        author = c.author,
        "publishedAt" = c."publishedAt",
        "imageUrl" = c."imageUrl",
        excerpt = c.excerpt,
        "contentHash" = c."contentHash",
        "updatedAt" = ${now}::timestamp(3),
        "contentHtml" = CASE WHEN c."keepText" THEN a."contentHtml" ELSE c."contentHtml" END,
        "sanitizerVersion" = CASE WHEN c."keepText" THEN a."sanitizerVersion" ELSE c."sanitizerVersion" END,
        "contentText" = CASE WHEN c."keepText" THEN a."contentText" ELSE c."contentText" END,
        "fullTextStatus" = CASE WHEN c."keepText" THEN a."fullTextStatus" ELSE c."fullTextStatus" END
      FROM changed c
      WHERE a.id = c.id
      RETURNING a.id, a."fullTextStatus", c.ord
    ),
    created AS (
      INSERT INTO "Article" (
        "sourceId", guid, url, "canonicalUrl", "urlKey", title, author, "publishedAt", "fetchedAt",
        "updatedAt", "imageUrl", excerpt, "contentHtml", "sanitizerVersion", "contentText",
        "fullTextStatus", language, "contentHash")
      SELECT ${sourceId}::int, guid, url, "canonicalUrl", "urlKey", title, author, "publishedAt",
        ${now}::timestamp(3), ${now}::timestamp(3), "imageUrl", excerpt, "contentHtml", "sanitizerVersion",
        "contentText", "fullTextStatus", language, "contentHash"
      FROM draft d
      WHERE NOT EXISTS (SELECT 1 FROM found f WHERE f.ord = d.ord)
      ORDER BY d.ord
      -- A row another worker inserted meanwhile (or an earlier draft with the same GUID) wins.
      ON CONFLICT DO NOTHING
      RETURNING id, "fullTextStatus", "urlKey"
    )
    SELECT 'created' AS kind, c.id, c."fullTextStatus"::text AS "fullTextStatus", d.ord
    FROM created c JOIN draft d USING ("urlKey")
    UNION ALL
    SELECT 'updated', id, "fullTextStatus"::text, ord FROM updated
  `);
  const inOrder = (kind: WrittenRow['kind']) =>
    written
      .filter((row) => row.kind === kind)
      .sort((a, b) => a.ord - b.ord)
      .map(({ id, fullTextStatus }) => ({ id, fullTextStatus }));
  const created = inOrder('created');
  const updated = inOrder('updated');
  // Drafts of unchanged articles, of articles an earlier draft updated, and of rows inserted meanwhile.
  return { created, updated, unchanged: batch.length - created.length - updated.length };
}
