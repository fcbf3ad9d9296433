import { createBuiltinAnalyzer } from '@wirelens/core/analysis';
import { trainLearnedModel, type CrossValidation } from '@wirelens/core/learning';
import { loadCompanyRegistry, toJson, type DbClient } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

import { lockModelActivation } from './activate-analyzer-model.js';
import { collectLearningExamples } from './collect-learning-examples.js';

export interface TrainAnalyzerOptions {
  db: DbClient;
  actor: Actor;
  /**
   * Train only when at least this many editor decisions arrived since the last model (the
   * worker's automatic trigger); absent: train now (on demand).
   */
  minNewCorrections?: number;
}

export type TrainAnalyzerResult =
  | { status: 'skipped'; newCorrections: number; exampleCount: number }
  | {
      status: 'trained';
      modelId: number;
      exampleCount: number;
      crossValidation: CrossValidation;
      /** Beat the built-in analyzer on its cross-validation and is now the active model. */
      activated: boolean;
    };

/**
 * Trains a learned model from every article editors approved or corrected, stores it as the
 * next version with its cross-validated figures, and makes it the active model only when it
 * beats the built-in analyzer on that cross-validation (otherwise the current model stays).
 */
export async function trainAnalyzer({
  db,
  actor,
  minNewCorrections,
}: TrainAnalyzerOptions): Promise<TrainAnalyzerResult> {
  const previous = await db.analyzerModel.findFirst({
    orderBy: { id: 'desc' },
    select: { lastCorrectionId: true },
  });
  const newCorrections = await db.correction.count({
    where: { id: { gt: previous?.lastCorrectionId ?? 0 }, action: { in: ['CORRECT', 'APPROVE'] } },
  });
  if (minNewCorrections !== undefined && newCorrections < minNewCorrections)
    return { status: 'skipped', newCorrections, exampleCount: 0 };
  const { examples, lastCorrectionId } = await collectLearningExamples({ db });
  if (examples.length === 0) return { status: 'skipped', newCorrections, exampleCount: 0 };

  const builtin = createBuiltinAnalyzer({ registry: await loadCompanyRegistry(db) });
  const trained = trainLearnedModel({ examples, analyze: (input) => builtin.analyzeSync(input) });
  return db.$transaction(async (tx) => {
    await lockModelActivation(tx);
    if (trained.improves)
      await tx.analyzerModel.updateMany({ where: { active: true }, data: { active: false } });
    const model = await tx.analyzerModel.create({
      data: {
        exampleCount: examples.length,
        lastCorrectionId,
        crossValidation: toJson(trained.crossValidation),
        improves: trained.improves,
        weights: toJson(trained.data),
        active: trained.improves,
        activatedAt: trained.improves ? new Date() : null,
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: 'analyzer-model.train',
      entityType: 'AnalyzerModel',
      entityId: model.id,
      after: {
        exampleCount: examples.length,
        crossValidation: trained.crossValidation,
        activated: trained.improves,
      },
    });
    return {
      status: 'trained' as const,
      modelId: model.id,
      exampleCount: examples.length,
      crossValidation: trained.crossValidation,
      activated: trained.improves,
    };
  });
}
