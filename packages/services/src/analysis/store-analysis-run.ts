import { AppError } from '@wirelens/core';
import {
  nextReviewStatus,
  overlayCorrections,
  type AnalysisResult,
  type AnalysisValues,
} from '@wirelens/core/review';
import type { DbClient, ReviewStatus } from '@wirelens/db';
import {
  aiValuesOf,
  applyBucketDelta,
  articleStateSelect,
  contributionOf,
  effectiveContribution,
  insertAnalysisRun,
  latestCorrection,
  lockArticle,
  resolveCompanies,
  resolveTopics,
  writeEffective,
} from '@wirelens/db/repositories';

export interface StoreAnalysisRunOptions {
  db: DbClient;
  articleId: number;
  result: AnalysisResult;
  durationMs: number;
  fallbackReason?: string | null;
  tokenUsage?: Record<string, number> | null;
  /** The learned model that shaped a built-in run. */
  learnedModelId?: number | null;
}

export interface StoreAnalysisRunResult {
  analysisId: number;
  reviewStatus: ReviewStatus;
  effective: AnalysisValues;
}

/**
 * Stores one analyzer run and makes it the article's latest: a new Analysis row (history is
 * never rewritten), effective values = this run overlaid by the editor's cumulative
 * corrections, the article's company/topic rows and the sentiment buckets, all in one
 * transaction. The review state follows `nextReviewStatus`: a run that disagrees with an
 * approval flags the article NEEDS_REREVIEW and leaves the correction in force.
 */
export async function storeAnalysisRun({
  db,
  articleId,
  result,
  durationMs,
  fallbackReason = null,
  tokenUsage = null,
  learnedModelId = null,
}: StoreAnalysisRunOptions): Promise<StoreAnalysisRunResult> {
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
      const analysis = await insertAnalysisRun(tx, {
        articleId,
        result,
        mentions,
        topics,
        durationMs,
        fallbackReason,
        tokenUsage,
        learnedModelId,
      });
      const ai = aiValuesOf(analysis);
      const correction = await latestCorrection(tx, articleId);
      const corrections = correction?.values ?? {};
      const reviewStatus = nextReviewStatus({
        current: state.reviewStatus,
        newAi: ai,
        previousEffective: state.latestAnalysis
          ? overlayCorrections(aiValuesOf(state.latestAnalysis), corrections)
          : null,
        corrections: correction?.values ?? null,
      });
      const effective = await writeEffective(tx, {
        articleId,
        publishedAt: state.publishedAt,
        effective: overlayCorrections(ai, corrections),
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
