import {
  addClusterPrint,
  parseClusterPrints,
  serializeClusterPrints,
  storySimilarity,
  textFingerprint,
  type TextFingerprint,
} from '@wirelens/core/analysis';

import type { DbClient } from '../client.js';

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
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLUSTER_LOCK_KEY})`;
    const article = await tx.article.findUniqueOrThrow({
      where: { id: articleId },
      select: {
        id: true,
        title: true,
        excerpt: true,
        contentText: true,
        publishedAt: true,
        sourceId: true,
        clusterId: true,
      },
    });
    let clusterId: number;
    if (article.clusterId !== null) {
      clusterId = article.clusterId;
    } else {
      const fingerprint = textFingerprint(articleFingerprintText(article));
      const match = await findMatchingCluster(tx, article, fingerprint, companyIds);
      if (match) {
        clusterId = match.id;
        await tx.storyCluster.update({
          where: { id: match.id },
          data: { fingerprint: serializeClusterPrints(addClusterPrint(match.prints, fingerprint)) },
        });
      } else {
        const created = await tx.storyCluster.create({
          data: {
            title: article.title,
            firstSeenAt: article.publishedAt,
            lastSeenAt: article.publishedAt,
            fingerprint: serializeClusterPrints([fingerprint]),
          },
          select: { id: true },
        });
        clusterId = created.id;
      }
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
  });
}

type Tx = Parameters<Parameters<DbClient['$transaction']>[0]>[0];

async function findMatchingCluster(
  tx: Tx,
  article: { id: number; publishedAt: Date },
  fingerprint: TextFingerprint,
  companyIds: number[],
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
