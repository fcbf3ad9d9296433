import { cleanText, htmlToText, sanitizeHtml, SANITIZER_VERSION } from '@wirelens/core/html';
import { Prisma, type DbClient } from '@wirelens/db';
import { writeAudit, type Actor, type Tx } from '@wirelens/db/repositories';

export interface ResanitizeProgress {
  /** Stale rows looked at so far in this run. */
  scanned: number;
  /** Of those, rows whose HTML the current sanitiser changed (or would change, in a dry run). */
  changed: number;
  /** Stale rows when the run started. */
  total: number;
}

export interface ResanitizeArticlesResult extends ResanitizeProgress {
  sanitizerVersion: number;
  dryRun: boolean;
  /** Stale rows left because the run stopped at `maxRows`. */
  remaining: number;
}

export interface ResanitizeArticlesOptions {
  db: DbClient;
  /** Count what would change without writing anything. */
  dryRun?: boolean;
  /** Rows per transaction. */
  batchSize?: number;
  /** Stop after about this many rows (a background job does a slice, then queues the rest). */
  maxRows?: number;
  /** Recorded in the audit entries: what started the run. */
  via: 'cli' | 'job';
  actor?: Actor;
  onProgress?: (progress: ResanitizeProgress) => void;
}

interface StoredRow {
  id: number;
  url: string;
  contentHtml: string | null;
  title: string;
  excerpt: string | null;
  author: string | null;
}

/** The columns of a stored row that the current sanitiser would write differently. */
interface Changes {
  contentHtml?: string;
  contentText?: string;
  title?: string;
  excerpt?: string;
  author?: string;
}

/** A stored row with what the current sanitiser changes in it, `changes` null when nothing. */
interface Resanitized {
  id: number;
  changes: Changes | null;
}

const DEFAULT_BATCH_SIZE = 300;

function resanitize(row: StoredRow): Resanitized {
  const changes: Changes = {};
  if (row.contentHtml !== null) {
    // Stored HTML already has absolute URLs; the article URL only matters to what an old sanitiser kept.
    const html = sanitizeHtml(row.contentHtml, { baseUrl: row.url });
    if (html !== row.contentHtml)
      Object.assign(changes, { contentHtml: html, contentText: htmlToText(html) });
  }
  // The plain-text fields were cleaned at ingest by the same rules: since version 2 that strips bidi
  // controls, since version 3 it repairs mojibake.
  for (const field of ['title', 'excerpt', 'author'] as const) {
    const value = row[field];
    const clean = value === null ? null : cleanText(value);
    if (clean !== null && clean !== value) changes[field] = clean;
  }
  return { id: row.id, changes: Object.keys(changes).length > 0 ? changes : null };
}

/** The next stale rows after `afterId`, each with what the current sanitiser changes in it. */
async function readBatch(tx: Tx, afterId: number, limit: number, lock: boolean): Promise<Resanitized[]> {
  // NO KEY UPDATE: analyses and corrections referencing these articles may still be inserted meanwhile.
  const rows = await tx.$queryRaw<StoredRow[]>`
    SELECT id, url, "contentHtml", title, excerpt, author FROM "Article"
    WHERE "sanitizerVersion" < ${SANITIZER_VERSION} AND id > ${afterId}
    ORDER BY id LIMIT ${limit}
    ${lock ? Prisma.sql`FOR NO KEY UPDATE` : Prisma.empty}`;
  return rows.map(resanitize);
}

/**
 * Stores one batch read under a row lock (so a concurrent ingest write is neither lost nor overwritten
 * from stale input): changed HTML with its text, the current version on every row, and one audit entry
 * with the batch's counts. Auditing per batch keeps each entry in the transaction of the change it
 * describes, so an interrupted run leaves an entry for every batch it committed and none for the rest.
 */
async function writeBatch(tx: Tx, rows: Resanitized[], { via, actor }: { via: string; actor: Actor }) {
  const changed = rows.filter((row): row is Resanitized & { changes: Changes } => row.changes !== null);
  for (const row of changed) {
    await tx.article.update({
      where: { id: row.id },
      data: { ...row.changes, sanitizerVersion: SANITIZER_VERSION },
    });
  }
  await tx.article.updateMany({
    where: { id: { in: rows.filter((row) => row.changes === null).map((row) => row.id) } },
    data: { sanitizerVersion: SANITIZER_VERSION },
  });
  await writeAudit(tx, actor, {
    action: 'article.resanitize',
    entityType: 'Article',
    after: {
      sanitizerVersion: SANITIZER_VERSION,
      via,
      firstId: rows[0]?.id,
      lastId: rows.at(-1)?.id,
      scanned: rows.length,
      changed: changed.length,
      changedIds: changed.map((row) => row.id),
    },
  });
}

/**
 * Re-runs the current HTML sanitiser over stored article HTML written by an older SANITIZER_VERSION, in
 * batches by id, so a sanitiser fix reaches rows stored before it; `contentText` is recomputed only where
 * the HTML changed, and bidi controls are stripped from the title, excerpt and author. Each batch commits on its own, so an interrupted run resumes where it stopped, and a
 * second run finds no stale rows and writes nothing.
 */
export async function resanitizeArticles({
  db,
  dryRun = false,
  batchSize = DEFAULT_BATCH_SIZE,
  maxRows = Number.POSITIVE_INFINITY,
  via,
  actor = { userId: null },
  onProgress,
}: ResanitizeArticlesOptions): Promise<ResanitizeArticlesResult> {
  const total = await db.article.count({ where: { sanitizerVersion: { lt: SANITIZER_VERSION } } });
  const progress: ResanitizeProgress = { scanned: 0, changed: 0, total };
  let afterId = 0;
  while (progress.scanned < total && progress.scanned < maxRows) {
    const rows = dryRun
      ? await readBatch(db, afterId, batchSize, false)
      : await db.$transaction(async (tx) => {
          const batch = await readBatch(tx, afterId, batchSize, true);
          if (batch.length > 0) await writeBatch(tx, batch, { via, actor });
          return batch;
        });
    const last = rows.at(-1);
    // Rows re-stamped meanwhile by ingest leave fewer to scan than counted.
    if (!last) break;
    afterId = last.id;
    progress.scanned += rows.length;
    progress.changed += rows.filter((row) => row.changes !== null).length;
    onProgress?.({ ...progress });
  }
  const remaining =
    progress.scanned < total
      ? await db.article.count({
          where: { sanitizerVersion: { lt: SANITIZER_VERSION }, id: { gt: afterId } },
        })
      : 0;
  return { ...progress, sanitizerVersion: SANITIZER_VERSION, dryRun, remaining };
}

/** Stored articles whose HTML an older sanitiser wrote (indexed: cheap enough to ask at every start). */
export function countStaleArticles({ db }: { db: DbClient }): Promise<number> {
  return db.article.count({ where: { sanitizerVersion: { lt: SANITIZER_VERSION } } });
}
