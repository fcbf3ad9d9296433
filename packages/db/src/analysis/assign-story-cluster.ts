import {
  addClusterPrint,
  parseClusterPrints,
  serializeClusterPrints,
  storySimilarity,
  textFingerprint,
  type TextFingerprint,
} from '@wirelens/core/analysis';

import type { DbClient } from '../client.js';
import type { Prisma } from '../generated/prisma/client.js';

/** An article joins only a cluster whose first report is at most this far from it in time. */
export const CLUSTER_WINDOW_HOURS = 72;
const MAX_CANDIDATES = 400;
/** How many of a cluster's other articles (the latest) a coverage result names. */
export const MAX_REPORTED_MEMBERS = 50;
// Serialises cluster assignment so two workers cannot open two clusters for one story.
const CLUSTER_LOCK_KEY = 72_707_370;

export interface AssignStoryClusterOptions {
  db: DbClient;
  articleId: number;
  /** Registry ids of the companies the analysis found in the article. */
  companyIds: number[];
}

export interface StoryCoverage {
  clusterId: number;
  /** Distinct sources in the cluster, this article included. */
  distinctSources: number;
  /** True when no earlier article of another source told this story. */
  isFirstReport: boolean;
  /** True when this call put the article into the cluster and it brought a source the cluster did not have. */
  addedSource: boolean;
  /** The cluster's other articles, latest first, at most MAX_REPORTED_MEMBERS of them. */
  otherMemberIds: number[];
}

export function articleFingerprintText(article: {
  title: string;
  excerpt: string | null;
  contentText: string | null;
}): string {
  return `${article.title}\n${article.contentText ?? article.excerpt ?? ''}`.slice(0, 20_000);
}

/**
 * Puts an article into the story cluster of the same event (near-duplicate text,
 * shared companies, close times), or opens a new cluster. Incremental: compares
 * against the recent clusters only. Idempotent: an article keeps its cluster.
 */
export async function assignStoryCluster({
  db,
  articleId,
  companyIds,
}: AssignStoryClusterOptions): Promise<StoryCoverage> {
  const [coverage] = await assignStoryClusters({ db, articles: [{ articleId, companyIds }] });
  if (!coverage) throw new Error(`article ${articleId}: no story cluster`);
  return coverage;
}

/**
 * assignStoryCluster for several articles, one after the other in the given order, in one
 * transaction under one lock: each sees the clusters the earlier ones opened or joined, and
 * their companies, exactly as if each had been assigned and stored on its own.
 */
export async function assignStoryClusters({
  db,
  articles,
}: {
  db: DbClient;
  articles: readonly Omit<AssignStoryClusterOptions, 'db'>[];
}): Promise<StoryCoverage[]> {
  if (articles.length === 0) return [];
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLUSTER_LOCK_KEY})`;
      const rows = new Map(
        (
          await tx.article.findMany({
            where: { id: { in: articles.map((a) => a.articleId) } },
            select: articleSelect,
          })
        ).map((row) => [row.id, row]),
      );
      // Companies of articles assigned earlier in this call (their rows are not stored yet).
      const pending = new Map<number, Set<number>>();
      const results: StoryCoverage[] = [];
      for (const { articleId, companyIds } of articles) {
        const article = rows.get(articleId);
        if (!article) throw new Error(`No Article found with id ${articleId}`);
        const coverage = await assignOne(tx, article, companyIds, pending);
        // An article's cluster is read again when the same call assigns it twice.
        rows.set(articleId, { ...article, clusterId: coverage.clusterId });
        const set = pending.get(coverage.clusterId) ?? new Set<number>();
        for (const id of companyIds) set.add(id);
        pending.set(coverage.clusterId, set);
        results.push(coverage);
      }
      return results;
    },
    { timeout: 60_000 },
  );
}

const articleSelect = {
  id: true,
  title: true,
  excerpt: true,
  contentText: true,
  publishedAt: true,
  sourceId: true,
  clusterId: true,
} satisfies Prisma.ArticleSelect;

async function assignOne(
  tx: Tx,
  article: Prisma.ArticleGetPayload<{ select: typeof articleSelect }>,
  companyIds: number[],
  pending: ReadonlyMap<number, ReadonlySet<number>>,
): Promise<StoryCoverage> {
  const articleId = article.id;
  let clusterId: number;
  let fingerprintUpdate: string | undefined;
  if (article.clusterId !== null) {
    clusterId = article.clusterId;
  } else {
    const fingerprint = textFingerprint(articleFingerprintText(article));
    const match = await findMatchingCluster(tx, article, fingerprint, companyIds, pending);
    if (!match) {
      // A new cluster with this article alone: its figures are known without counting.
      const [created] = await tx.$queryRaw<{ id: number }[]>`
        WITH cluster AS (
          INSERT INTO "StoryCluster" ("title", "firstSeenAt", "lastSeenAt", "fingerprint", "articleCount", "sourceCount")
          VALUES (${article.title}, ${article.publishedAt}::timestamp, ${article.publishedAt}::timestamp,
                  ${serializeClusterPrints([fingerprint])}, 1, 1)
          RETURNING "id")
        UPDATE "Article" SET "clusterId" = (SELECT "id" FROM cluster), "updatedAt" = ${new Date()}::timestamp
        WHERE "id" = ${articleId} RETURNING "clusterId" AS id`;
      if (!created) throw new Error(`article ${articleId} vanished while opening its story cluster`);
      return {
        clusterId: created.id,
        distinctSources: 1,
        isFirstReport: true,
        addedSource: true,
        otherMemberIds: [],
      };
    }
    clusterId = match.id;
    fingerprintUpdate = serializeClusterPrints(addClusterPrint(match.prints, fingerprint));
    await tx.article.update({ where: { id: articleId }, data: { clusterId } });
  }
  // One statement whatever the cluster's size: counts and times over all members, ids of the latest few.
  const [stats] = await tx.$queryRaw<
    {
      articles: number;
      sources: number;
      first: Date;
      last: Date;
      earlierElsewhere: boolean;
      sameSourceOther: boolean;
      others: number[] | null;
    }[]
  >`
      SELECT count(*)::int AS articles,
             count(DISTINCT "sourceId")::int AS sources,
             min("publishedAt") AS first,
             max("publishedAt") AS last,
             coalesce(bool_or(id <> ${articleId} AND "sourceId" <> ${article.sourceId}
                              AND "publishedAt" < ${article.publishedAt}), false) AS "earlierElsewhere",
             coalesce(bool_or(id <> ${articleId} AND "sourceId" = ${article.sourceId}), false) AS "sameSourceOther",
             (SELECT array_agg(latest.id) FROM (
                SELECT id FROM "Article" WHERE "clusterId" = ${clusterId} AND id <> ${articleId}
                ORDER BY "publishedAt" DESC, id DESC LIMIT ${MAX_REPORTED_MEMBERS}) latest) AS others
      FROM "Article" WHERE "clusterId" = ${clusterId}`;
  if (!stats) throw new Error(`story cluster ${clusterId} lost its article ${articleId}`);
  await tx.storyCluster.update({
    where: { id: clusterId },
    data: {
      ...(fingerprintUpdate === undefined ? {} : { fingerprint: fingerprintUpdate }),
      articleCount: stats.articles,
      sourceCount: stats.sources,
      firstSeenAt: stats.first,
      lastSeenAt: stats.last,
    },
  });
  return {
    clusterId,
    distinctSources: stats.sources,
    isFirstReport: !stats.earlierElsewhere,
    addedSource: article.clusterId === null && !stats.sameSourceOther,
    otherMemberIds: stats.others ?? [],
  };
}

type Tx = Parameters<Parameters<DbClient['$transaction']>[0]>[0];

async function findMatchingCluster(
  tx: Tx,
  article: { id: number; publishedAt: Date },
  fingerprint: TextFingerprint,
  companyIds: number[],
  pending: ReadonlyMap<number, ReadonlySet<number>>,
): Promise<{ id: number; prints: TextFingerprint[] } | null> {
  const windowMs = CLUSTER_WINDOW_HOURS * 3_600_000;
  const earliest = new Date(article.publishedAt.getTime() - windowMs);
  const candidates = await tx.storyCluster.findMany({
    where: {
      // lastSeenAt ≥ firstSeenAt, so this bound lets the lastSeenAt index narrow the scan.
      lastSeenAt: { gte: earliest },
      firstSeenAt: { gte: earliest, lte: new Date(article.publishedAt.getTime() + windowMs) },
      fingerprint: { not: null },
    },
    select: { id: true, fingerprint: true, firstSeenAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: 'desc' },
    take: MAX_CANDIDATES,
  });
  if (candidates.length === 0) return null;
  const memberCompanies = await tx.articleCompany.findMany({
    where: { article: { clusterId: { in: candidates.map((c) => c.id) } } },
    select: { companyId: true, article: { select: { clusterId: true } } },
  });
  const companiesByCluster = new Map<number, Set<number>>();
  for (const [id, companies] of pending) companiesByCluster.set(id, new Set(companies));
  for (const row of memberCompanies) {
    const id = row.article.clusterId;
    if (id === null) continue;
    const set = companiesByCluster.get(id) ?? new Set<number>();
    set.add(row.companyId);
    companiesByCluster.set(id, set);
  }
  const features = { fingerprint, companyIds: companyIds.map(String), publishedAt: article.publishedAt };
  let best: { id: number; score: number; prints: TextFingerprint[] } | null = null;
  for (const candidate of candidates) {
    const prints = candidate.fingerprint ? parseClusterPrints(candidate.fingerprint) : [];
    const clusterCompanies = [...(companiesByCluster.get(candidate.id) ?? [])].map(String);
    for (const [index, print] of prints.entries()) {
      const similarity = storySimilarity(features, {
        fingerprint: print,
        companyIds: clusterCompanies,
        // The first print is the first report's; the others are recent members'.
        publishedAt: index === 0 ? candidate.firstSeenAt : candidate.lastSeenAt,
      });
      if (similarity.sameStory && (!best || similarity.score > best.score)) {
        best = { id: candidate.id, score: similarity.score, prints };
      }
    }
  }
  return best ? { id: best.id, prints: best.prints } : null;
}
