import { AppError } from '@wirelens/core';
import {
  changedFields,
  disagreeingFields,
  labelToEnum,
  overlayCorrections,
  type AnalysisResult,
  type AnalysisValues,
} from '@wirelens/core/review';

import type { DbClient } from '../client.js';
import type { Prisma, ReviewStatus } from '../generated/prisma/client.js';
import { normalizeAlias } from '../seed/company-seed.js';
import {
  aiValuesOf,
  articleStateSelect,
  contributionOf,
  effectiveContribution,
  latestCorrection,
  lockArticle,
  writeEffective,
  type StoredCompanyMention,
  type StoredTopic,
} from './effective-state.js';
import { applyBucketDelta } from './sentiment-buckets.js';
import type { Tx } from './types.js';

export interface SaveAnalysisRunOptions {
  db: DbClient;
  articleId: number;
  result: AnalysisResult;
  durationMs: number;
  fallbackReason?: string | null;
  tokenUsage?: Record<string, number> | null;
}

export interface SaveAnalysisRunResult {
  analysisId: number;
  reviewStatus: ReviewStatus;
  effective: AnalysisValues;
}

export function slugify(name: string): string {
  return normalizeAlias(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** Registry ids for the analyzer's mentions; unknown organisations become PROPOSED companies. */
async function resolveCompanies(
  tx: Tx,
  mentions: AnalysisResult['companies'],
): Promise<StoredCompanyMention[]> {
  const registryIds = mentions.flatMap((m) =>
    m.companyId && /^\d+$/.test(m.companyId) ? [Number(m.companyId)] : [],
  );
  const known = new Map(
    (
      await tx.company.findMany({
        where: { id: { in: registryIds } },
        select: { id: true, status: true, mergedIntoId: true },
      })
    ).map((c) => [c.id, c]),
  );
  const resolved: StoredCompanyMention[] = [];
  for (const mention of mentions) {
    let id: number | null = null;
    const registered =
      mention.companyId && /^\d+$/.test(mention.companyId) ? known.get(Number(mention.companyId)) : undefined;
    if (registered) {
      id =
        registered.status === 'MERGED' && registered.mergedIntoId !== null
          ? registered.mergedIntoId
          : registered.id;
      if (registered.status === 'REJECTED') id = null;
    } else {
      const name = (mention.proposedName ?? mention.name).trim();
      const slug = slugify(name);
      if (slug) {
        const company = await tx.company.upsert({
          where: { slug },
          create: {
            slug,
            name,
            status: 'PROPOSED',
            aliases: { create: { alias: name, normalized: normalizeAlias(name) } },
          },
          update: {},
          select: { id: true, status: true, mergedIntoId: true },
        });
        id =
          company.status === 'REJECTED'
            ? null
            : company.status === 'MERGED'
              ? company.mergedIntoId
              : company.id;
      }
    }
    resolved.push({
      companyId: mention.companyId,
      proposedName: mention.proposedName,
      name: mention.name,
      relevance: mention.relevance,
      sentimentScore: mention.sentimentScore,
      sentences: mention.sentences,
      resolvedCompanyId: id,
    });
  }
  // One effective row per company: a company mentioned under two names keeps its most relevant mention.
  const best = new Map<number, StoredCompanyMention>();
  for (const m of resolved) {
    if (m.resolvedCompanyId === null) continue;
    const current = best.get(m.resolvedCompanyId);
    if (!current || m.relevance > current.relevance) best.set(m.resolvedCompanyId, m);
  }
  return resolved.map((m) =>
    m.resolvedCompanyId !== null && best.get(m.resolvedCompanyId) !== m
      ? { ...m, resolvedCompanyId: null }
      : m,
  );
}

async function resolveTopics(tx: Tx, topics: AnalysisResult['topics']): Promise<StoredTopic[]> {
  const ids = new Map(
    (
      await tx.topic.findMany({
        where: { slug: { in: topics.map((t) => t.slug) } },
        select: { id: true, slug: true },
      })
    ).map((t) => [t.slug, t.id]),
  );
  const seen = new Set<number>();
  return topics.map((t) => {
    const id = ids.get(t.slug) ?? null;
    if (id === null || seen.has(id)) return { slug: t.slug, relevance: t.relevance, topicId: null };
    seen.add(id);
    return { slug: t.slug, relevance: t.relevance, topicId: id };
  });
}

function nextStatus(
  status: ReviewStatus,
  newAi: AnalysisValues,
  previousEffective: AnalysisValues | null,
  corrections: Parameters<typeof disagreeingFields>[1] | null,
): ReviewStatus {
  if (status === 'UNREVIEWED' || status === 'REJECTED' || status === 'NEEDS_REREVIEW') return status;
  // APPROVED: an editor vouched for values that a new run may contradict.
  if (corrections && Object.keys(corrections).length > 0) {
    return disagreeingFields(newAi, corrections).length > 0 ? 'NEEDS_REREVIEW' : status;
  }
  if (!previousEffective) return status;
  const changed = changedFields(previousEffective, newAi).filter((f) =>
    ['sentimentLabel', 'importance', 'companies', 'topics'].includes(f),
  );
  return changed.length > 0 ? 'NEEDS_REREVIEW' : status;
}

/**
 * Stores one analyzer run and makes it the article's latest: a new Analysis row (history is
 * never rewritten), effective values = this run overlaid by the editor's cumulative
 * corrections, the article's company/topic rows and the sentiment buckets, all in one
 * transaction. A run that disagrees with a correction flags the article NEEDS_REREVIEW and
 * leaves the correction in force.
 */
export async function saveAnalysisRun({
  db,
  articleId,
  result,
  durationMs,
  fallbackReason = null,
  tokenUsage = null,
}: SaveAnalysisRunOptions): Promise<SaveAnalysisRunResult> {
  return db.$transaction(
    async (tx) => {
      if (!(await lockArticle(tx, articleId)))
        throw new AppError('NOT_FOUND', `Article ${articleId} does not exist`);
      const state = await tx.article.findUniqueOrThrow({
        where: { id: articleId },
        select: { ...articleStateSelect, language: true, latestAnalysis: true },
      });
      const mentions = await resolveCompanies(tx, result.companies);
      const topics = await resolveTopics(tx, result.topics);
      const analysis = await tx.analysis.create({
        data: {
          articleId,
          analyzer: result.analyzer.name,
          analyzerVersion: result.analyzer.version,
          model: result.analyzer.model,
          sentimentLabel: labelToEnum(result.sentiment.label),
          sentimentScore: result.sentiment.score,
          confidence: result.sentiment.confidence,
          importance: result.importance.score,
          importanceFactors: result.importance.factors,
          summary: result.summary,
          paragraphs: result.analysis,
          takeaways: result.takeaways,
          companies: mentions as unknown as Prisma.InputJsonValue,
          topics: topics as unknown as Prisma.InputJsonValue,
          eventTypes: result.eventTypes,
          language: result.language,
          fallbackReason,
          tokenUsage: tokenUsage ?? undefined,
          durationMs,
        },
      });
      const ai = aiValuesOf(analysis);
      const correction = await latestCorrection(tx, articleId);
      const previousEffective = state.latestAnalysis
        ? overlayCorrections(aiValuesOf(state.latestAnalysis), correction?.values ?? {})
        : null;
      const reviewStatus = nextStatus(state.reviewStatus, ai, previousEffective, correction?.values ?? null);
      const effective = await writeEffective(tx, {
        articleId,
        publishedAt: state.publishedAt,
        effective: overlayCorrections(ai, correction?.values ?? {}),
        mentions,
        data: {
          latestAnalysisId: analysis.id,
          analyzedAt: analysis.createdAt,
          reviewStatus,
          reviewVersion: { increment: 1 },
          language: state.language ?? result.language,
        },
      });
      await applyBucketDelta(
        tx,
        contributionOf(state),
        effectiveContribution(state.publishedAt, reviewStatus, effective),
      );
      return { analysisId: analysis.id, reviewStatus, effective };
    },
    { timeout: 30_000 },
  );
}
