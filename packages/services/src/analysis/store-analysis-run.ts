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
  applyBucketDeltas,
  contributionOf,
  effectiveContribution,
  insertAnalysisRuns,
  latestCorrections,
  loadArticleRunStates,
  lockArticles,
  resolveCompaniesOfRuns,
  resolveTopicsOfRuns,
  writeEffectiveMany,
  type Tx,
} from '@wirelens/db/repositories';

/** One analyzer run to store. */
export interface AnalysisRunToStore {
  articleId: number;
  result: AnalysisResult;
  durationMs: number;
  fallbackReason?: string | null;
  tokenUsage?: Record<string, number> | null;
  /** The learned model that shaped a built-in run. */
  learnedModelId?: number | null;
}

export interface StoreAnalysisRunOptions extends AnalysisRunToStore {
  db: DbClient;
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
  ...run
}: StoreAnalysisRunOptions): Promise<StoreAnalysisRunResult> {
  const [stored] = await storeAnalysisRuns({ db, runs: [run] });
  if (!stored) throw new Error(`article ${run.articleId}: the run was not stored`);
  return stored;
}

/**
 * storeAnalysisRun for runs of different articles, in one transaction with a few statements for
 * all of them (the article rows are locked in id order first). Every run gets exactly what
 * storeAnalysisRun would give it; any failure stores none of them.
 */
export async function storeAnalysisRuns({
  db,
  runs,
  followUps,
}: {
  db: DbClient;
  runs: readonly AnalysisRunToStore[];
  /** Runs last in the same transaction (e.g. queueing jobs with `{ tx }`): they commit with the runs or not at all. */
  followUps?: (tx: Tx) => Promise<void>;
}): Promise<StoreAnalysisRunResult[]> {
  const articleIds = runs.map((run) => run.articleId);
  if (new Set(articleIds).size !== articleIds.length) {
    throw new AppError('INTERNAL', 'storeAnalysisRuns: at most one run per article');
  }
  if (runs.length === 0) return [];
  return db.$transaction(
    async (tx) => {
      const existing = await lockArticles(tx, articleIds);
      const missing = articleIds.find((id) => !existing.has(id));
      if (missing !== undefined) throw new AppError('NOT_FOUND', `Article ${missing} does not exist`);
      const states = await loadArticleRunStates(tx, articleIds);
      const mentionsOfRuns = await resolveCompaniesOfRuns(
        tx,
        runs.map((run) => run.result.companies),
      );
      const topicsOfRuns = await resolveTopicsOfRuns(
        tx,
        runs.map((run) => run.result.topics),
      );
      const analyses = await insertAnalysisRuns(
        tx,
        runs.map((run, i) => ({
          articleId: run.articleId,
          result: run.result,
          mentions: mentionsOfRuns[i] ?? [],
          topics: topicsOfRuns[i] ?? [],
          durationMs: run.durationMs,
          fallbackReason: run.fallbackReason ?? null,
          tokenUsage: run.tokenUsage ?? null,
          learnedModelId: run.learnedModelId ?? null,
        })),
      );
      const corrections = await latestCorrections(tx, articleIds);
      const planned = runs.map((run, i) => {
        const state = states.get(run.articleId);
        const analysis = analyses[i];
        if (!state || !analysis) throw new AppError('NOT_FOUND', `Article ${run.articleId} does not exist`);
        const ai = aiValuesOf(analysis);
        const correction = corrections.get(run.articleId);
        const correctionValues = correction?.values ?? {};
        const reviewStatus = nextReviewStatus({
          current: state.reviewStatus,
          newAi: ai,
          previousEffective: state.latestAnalysis
            ? overlayCorrections(aiValuesOf(state.latestAnalysis), correctionValues)
            : null,
          corrections: correction?.values ?? null,
        });
        return {
          state,
          analysis,
          reviewStatus,
          write: {
            articleId: run.articleId,
            publishedAt: state.publishedAt,
            effective: overlayCorrections(ai, correctionValues),
            mentions: mentionsOfRuns[i] ?? [],
            data: {
              latestAnalysisId: analysis.id,
              analyzedAt: analysis.createdAt,
              reviewStatus,
              bumpReviewVersion: true,
              language: state.language ?? run.result.language,
            },
          },
        };
      });
      const written = await writeEffectiveMany(
        tx,
        planned.map((p) => p.write),
      );
      await applyBucketDeltas(
        tx,
        planned.map((p, i) => ({
          before: contributionOf(p.state),
          after: written[i] ? effectiveContribution(p.state.publishedAt, p.reviewStatus, written[i]) : null,
        })),
      );
      await followUps?.(tx);
      return planned.map((p, i) => ({
        analysisId: p.analysis.id,
        reviewStatus: p.reviewStatus,
        effective: written[i] ?? p.write.effective,
      }));
    },
    { timeout: 30_000 },
  );
}
