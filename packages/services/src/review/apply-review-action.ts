import { AppError } from '@wirelens/core';
import {
  changedFields,
  mergeCorrectionValues,
  overlayCorrections,
  type AnalysisValues,
  type CorrectionValues,
} from '@wirelens/core/review';
import {
  parseStoredMentions,
  toJson,
  type CorrectionAction,
  type DbClient,
  type ReviewStatus,
} from '@wirelens/db';
import {
  aiValuesOf,
  applyBucketDelta,
  articleStateSelect,
  contributionOf,
  effectiveContribution,
  latestCorrection,
  writeAudit,
  writeEffective,
  type Actor,
  type Tx,
} from '@wirelens/db/repositories';

import { queueAlertEvaluation } from '../alerts/queue-alert-evaluation.js';
import type { JobQueue } from '../queue/job-queue.js';

export interface ReviewActionOptions {
  db: DbClient;
  articleId: number;
  /** The article's `reviewVersion` the editor was looking at. */
  expectedVersion: number;
  actor: Actor & { userId: number };
  note?: string | null;
  /**
   * Where the alert evaluation of the new effective values is queued, in the same transaction (rules run on
   * effective values, so a correction can fire or settle one); without it none is queued.
   */
  jobs?: JobQueue;
}

export interface ReviewActionSuccess {
  kind: 'success';
  articleId: number;
  correctionId: number;
  version: number;
  reviewStatus: ReviewStatus;
  effective: AnalysisValues;
}

/** A stale `expectedVersion`: nothing was changed; the caller gets what is there now. */
export interface ReviewActionConflict {
  kind: 'conflict';
  articleId: number;
  currentVersion: number;
  reviewStatus: ReviewStatus;
  current: AnalysisValues | null;
  yourValues: CorrectionValues;
  /** The editor who made the latest change, or null when it was a new AI run. */
  lastChangedById: number | null;
  lastChangedAt: Date | null;
}

export type ReviewActionResult = ReviewActionSuccess | ReviewActionConflict;

const verbs: Record<Exclude<CorrectionAction, 'REOPEN'>, string> = {
  CORRECT: 'correct',
  APPROVE: 'approve',
  REJECT: 'reject',
};

async function assertReferencesExist(tx: Tx, values: CorrectionValues): Promise<void> {
  if (values.companies && values.companies.length > 0) {
    const ids = values.companies.map((c) => c.companyId);
    const found = await tx.company.count({
      where: { id: { in: ids }, status: { in: ['CONFIRMED', 'PROPOSED'] } },
    });
    if (found !== ids.length) {
      throw new AppError('INVALID_INPUT', 'Unknown, rejected or merged company in companies', {
        details: { field: 'companies' },
      });
    }
  }
  if (values.topics && values.topics.length > 0) {
    const ids = values.topics.map((t) => t.topicId);
    if ((await tx.topic.count({ where: { id: { in: ids } } })) !== ids.length) {
      throw new AppError('INVALID_INPUT', 'Unknown topic in topics', { details: { field: 'topics' } });
    }
  }
}

/**
 * The one place that writes editor actions. The optimistic lock on `reviewVersion` lets only the
 * editor who saw the current version move it on; everyone else gets a typed conflict with what
 * is there now (and an audit entry of the attempt). A success appends a correction, moves the
 * effective values and the series, and audits it, all in one transaction.
 */
export async function applyReviewAction(
  options: ReviewActionOptions & { action: Exclude<CorrectionAction, 'REOPEN'>; input: CorrectionValues },
): Promise<ReviewActionResult> {
  const { db, articleId, expectedVersion, actor, note = null, action, input } = options;
  const verb = verbs[action];
  return db.$transaction(
    async (tx) => {
      // The optimistic lock: only the editor who saw the current version moves it on. A concurrent
      // writer blocks on the row lock here and then sees 0 rows.
      const bumped = await tx.article.updateMany({
        where: { id: articleId, reviewVersion: expectedVersion },
        data: { reviewVersion: { increment: 1 } },
      });
      if (bumped.count === 0) {
        const current = await tx.article.findUnique({
          where: { id: articleId },
          select: { reviewVersion: true, reviewStatus: true, analyzedAt: true, latestAnalysis: true },
        });
        if (!current)
          throw new AppError('NOT_FOUND', `Article ${articleId} does not exist`, {
            details: { field: 'articleId' },
          });
        const last = await latestCorrection(tx, articleId);
        const byEditor = last !== null && last.version === current.reviewVersion;
        const conflict: ReviewActionConflict = {
          kind: 'conflict',
          articleId,
          currentVersion: current.reviewVersion,
          reviewStatus: current.reviewStatus,
          current: current.latestAnalysis
            ? overlayCorrections(aiValuesOf(current.latestAnalysis), last?.values ?? {})
            : null,
          yourValues: input,
          lastChangedById: byEditor ? last.editorId : null,
          lastChangedAt: byEditor ? last.createdAt : current.analyzedAt,
        };
        await writeAudit(tx, actor, {
          action: `analysis.${verb}.conflict`,
          entityType: 'Article',
          entityId: articleId,
          before: { expectedVersion, currentVersion: current.reviewVersion },
          after: { attempted: input, note },
        });
        return conflict;
      }
      const state = await tx.article.findUniqueOrThrow({
        where: { id: articleId },
        select: { ...articleStateSelect, latestAnalysis: true },
      });
      if (!state.latestAnalysis) {
        throw new AppError('INVALID_INPUT', 'The article has not been analysed yet', {
          details: { field: 'articleId' },
        });
      }
      const ai = aiValuesOf(state.latestAnalysis);
      const last = await latestCorrection(tx, articleId);
      const previousValues = last?.values ?? {};
      const before = overlayCorrections(ai, previousValues);
      const values =
        action === 'CORRECT' ? mergeCorrectionValues(previousValues, input, before) : previousValues;
      if (action === 'CORRECT') await assertReferencesExist(tx, input);
      const proposed = overlayCorrections(ai, values);
      const reviewStatus: ReviewStatus = action === 'REJECT' ? 'REJECTED' : 'APPROVED';
      const version = expectedVersion + 1;
      const beforeRecord = { ...before, reviewStatus: state.reviewStatus, version: expectedVersion };
      const after = await writeEffective(tx, {
        articleId,
        publishedAt: state.publishedAt,
        effective: proposed,
        mentions: parseStoredMentions(state.latestAnalysis.companies),
        data: { reviewStatus },
      });
      const afterRecord = { ...after, reviewStatus, version, changedFields: changedFields(before, after) };
      const correction = await tx.correction.create({
        data: {
          articleId,
          analysisId: state.latestAnalysis.id,
          editorId: actor.userId,
          action,
          version,
          values: toJson(values),
          before: toJson(beforeRecord),
          after: toJson(afterRecord),
          note,
        },
        select: { id: true },
      });
      await applyBucketDelta(
        tx,
        contributionOf(state),
        effectiveContribution(state.publishedAt, reviewStatus, after),
      );
      await writeAudit(tx, actor, {
        action: `analysis.${verb}`,
        entityType: 'Article',
        entityId: articleId,
        before: beforeRecord,
        after: { ...afterRecord, note, correctionId: correction.id },
      });
      if (options.jobs) await queueAlertEvaluation(options.jobs, [articleId], { tx });
      return {
        kind: 'success',
        articleId,
        correctionId: correction.id,
        version,
        reviewStatus,
        effective: after,
      };
    },
    { timeout: 30_000 },
  );
}
