import {
  mergeFingerprints,
  parseFingerprint,
  serializeFingerprint,
  storySimilarity,
  textFingerprint,
  type TextFingerprint,
} from '@wirelens/core/analysis';

import type { DbClient } from '../client.js';

/** Articles more than this far apart are never the same story. */
export const CLUSTER_WINDOW_HOURS = 72;
const MAX_CANDIDATES = 400;
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
  /** The cluster's other articles. */
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
          data: { fingerprint: serializeFingerprint(mergeFingerprints(match.fingerprint, fingerprint)) },
        });
      } else {
        const created = await tx.storyCluster.create({
          data: {
            title: article.title,
            firstSeenAt: article.publishedAt,
            lastSeenAt: article.publishedAt,
            fingerprint: serializeFingerprint(fingerprint),
          },
          select: { id: true },
        });
        clusterId = created.id;
      }
      await tx.article.update({ where: { id: articleId }, data: { clusterId } });
    }
    const members = await tx.article.findMany({
      where: { clusterId },
      select: { sourceId: true, publishedAt: true, id: true },
    });
    const sources = new Set(members.map((m) => m.sourceId));
    const times = members.map((m) => m.publishedAt.getTime());
    await tx.storyCluster.update({
      where: { id: clusterId },
      data: {
        articleCount: members.length,
        sourceCount: sources.size,
        firstSeenAt: new Date(Math.min(...times)),
        lastSeenAt: new Date(Math.max(...times)),
      },
    });
    const earlierElsewhere = members.some(
      (m) =>
        m.id !== articleId &&
        m.sourceId !== article.sourceId &&
        m.publishedAt.getTime() < article.publishedAt.getTime(),
    );
    const others = members.filter((m) => m.id !== articleId);
    return {
      clusterId,
      distinctSources: sources.size,
      isFirstReport: !earlierElsewhere,
      addedSource: article.clusterId === null && !others.some((m) => m.sourceId === article.sourceId),
      otherMemberIds: others.map((m) => m.id),
    };
  });
}

type Tx = Parameters<Parameters<DbClient['$transaction']>[0]>[0];

async function findMatchingCluster(
  tx: Tx,
  article: { id: number; publishedAt: Date },
  fingerprint: TextFingerprint,
  companyIds: number[],
): Promise<{ id: number; fingerprint: TextFingerprint } | null> {
  const windowMs = CLUSTER_WINDOW_HOURS * 3_600_000;
  const candidates = await tx.storyCluster.findMany({
    where: {
      lastSeenAt: { gte: new Date(article.publishedAt.getTime() - windowMs) },
      firstSeenAt: { lte: new Date(article.publishedAt.getTime() + windowMs) },
      fingerprint: { not: null },
    },
    select: { id: true, fingerprint: true, firstSeenAt: true },
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
  let best: { id: number; score: number; fingerprint: TextFingerprint } | null = null;
  for (const candidate of candidates) {
    const candidatePrint = candidate.fingerprint ? parseFingerprint(candidate.fingerprint) : null;
    if (!candidatePrint) continue;
    const similarity = storySimilarity(
      { fingerprint, companyIds: companyIds.map(String), publishedAt: article.publishedAt },
      {
        fingerprint: candidatePrint,
        companyIds: [...(companiesByCluster.get(candidate.id) ?? [])].map(String),
        publishedAt: candidate.firstSeenAt,
      },
    );
    if (similarity.sameStory && (!best || similarity.score > best.score)) {
      best = { id: candidate.id, score: similarity.score, fingerprint: candidatePrint };
    }
  }
  return best ? { id: best.id, fingerprint: best.fingerprint } : null;
}
