import { AppError } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { writeAudit, type Actor, type Tx } from '@wirelens/db/repositories';

/** Serialises every change of the active model, so two at once never leave two active. */
export async function lockModelActivation(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('wirelens.analyzer-model.active'))`;
}

export interface ActivateAnalyzerModelOptions {
  db: DbClient;
  actor: Actor;
  /** The model version to use from now on; null: the built-in analyzer alone. */
  modelId: number | null;
}

/**
 * An admin switches the active learned model: back to any earlier version, forward again, or
 * to none (the rules alone). Only a model that beat the built-in analyzer on its
 * cross-validation can be activated. Audited with the previous and the new active version.
 */
export async function activateAnalyzerModel({
  db,
  actor,
  modelId,
}: ActivateAnalyzerModelOptions): Promise<{ activeModelId: number | null }> {
  return db.$transaction(async (tx) => {
    await lockModelActivation(tx);
    if (modelId !== null) {
      const model = await tx.analyzerModel.findUnique({ where: { id: modelId }, select: { improves: true } });
      if (!model)
        throw new AppError('NOT_FOUND', `Analyzer model ${modelId} does not exist`, {
          details: { field: 'modelId' },
        });
      if (!model.improves)
        throw new AppError(
          'INVALID_INPUT',
          `Analyzer model ${modelId} did not beat the built-in analyzer on its cross-validation`,
          { details: { field: 'modelId' } },
        );
    }
    const previous = await tx.analyzerModel.findFirst({ where: { active: true }, select: { id: true } });
    await tx.analyzerModel.updateMany({ where: { active: true }, data: { active: false } });
    if (modelId !== null)
      await tx.analyzerModel.update({
        where: { id: modelId },
        data: { active: true, activatedAt: new Date() },
      });
    await writeAudit(tx, actor, {
      action: 'analyzer-model.activate',
      entityType: 'AnalyzerModel',
      entityId: modelId,
      before: { activeModelId: previous?.id ?? null },
      after: { activeModelId: modelId },
    });
    return { activeModelId: modelId };
  });
}
