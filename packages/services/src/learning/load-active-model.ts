import { loadLearnedModel, type LoadedLearnedModel } from '@wirelens/core/learning';
import { parseLearnedModelData, type DbClient } from '@wirelens/db';

/** The name a run records in `analyzer.model` when a learned model shaped it. */
export function learnedModelName(id: number): string {
  return `learned-${id}`;
}

/** The active learned model, or null (the built-in analyzer alone, as on a fresh install). */
export async function loadActiveModel({
  db,
}: {
  db: DbClient;
}): Promise<{ id: number; model: LoadedLearnedModel } | null> {
  const row = await db.analyzerModel.findFirst({
    where: { active: true },
    select: { id: true, weights: true },
  });
  if (!row) return null;
  return {
    id: row.id,
    model: loadLearnedModel(learnedModelName(row.id), parseLearnedModelData(row.weights)),
  };
}
