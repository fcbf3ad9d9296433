import type { CrossValidation } from '@wirelens/core/learning';
import { parseChangedFields, parseCrossValidation, type DbClient } from '@wirelens/db';

/** The analysis fields whose agreement with editors is reported. */
export const QUALITY_FIELDS = ['sentiment', 'importance', 'companies', 'topics', 'text'] as const;
export type QualityField = (typeof QUALITY_FIELDS)[number];

const FIELD_OF: Record<string, QualityField> = {
  sentimentLabel: 'sentiment',
  sentimentScore: 'sentiment',
  importance: 'importance',
  companies: 'companies',
  topics: 'topics',
  summary: 'text',
  paragraphs: 'text',
  takeaways: 'text',
};

/** One day and field: how many editor decisions kept the AI's value, how many changed it. */
export interface AgreementPoint {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  field: QualityField;
  approvals: number;
  corrections: number;
}

export interface AnalyzerModelSummary {
  id: number;
  createdAt: Date;
  exampleCount: number;
  crossValidation: CrossValidation;
  improves: boolean;
  active: boolean;
  activatedAt: Date | null;
}

export interface AnalyzerQuality {
  agreement: AgreementPoint[];
  activeModel: AnalyzerModelSummary | null;
  /** Newest first. */
  models: AnalyzerModelSummary[];
  /** Editor decisions since the newest model was trained. */
  newCorrections: number;
}

const DAY_MS = 86_400_000;

/**
 * How often editors agreed with the AI, per field and day, over the last `days` days: an
 * approval agrees on every field; a correction disagrees on the fields it changed and agrees
 * on the rest. Plus the learned models with their cross-validated figures.
 */
export async function analyzerQuality({
  db,
  days = 90,
  now = new Date(),
}: {
  db: DbClient;
  days?: number;
  now?: Date;
}): Promise<AnalyzerQuality> {
  const since = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
  const decisions = await db.correction.findMany({
    where: { createdAt: { gte: since }, action: { in: ['CORRECT', 'APPROVE'] } },
    select: { action: true, after: true, createdAt: true },
  });
  const points = new Map<string, AgreementPoint>();
  for (const decision of decisions) {
    const day = decision.createdAt.toISOString().slice(0, 10);
    const changed = new Set(
      decision.action === 'CORRECT'
        ? parseChangedFields(decision.after).flatMap((f) => FIELD_OF[f] ?? [])
        : [],
    );
    for (const field of QUALITY_FIELDS) {
      const key = `${day}/${field}`;
      const point = points.get(key) ?? { day, field, approvals: 0, corrections: 0 };
      if (changed.has(field)) point.corrections++;
      else point.approvals++;
      points.set(key, point);
    }
  }
  const rows = await db.analyzerModel.findMany({
    orderBy: { id: 'desc' },
    select: {
      id: true,
      createdAt: true,
      exampleCount: true,
      crossValidation: true,
      improves: true,
      active: true,
      activatedAt: true,
      lastCorrectionId: true,
    },
  });
  const models = rows.map(({ lastCorrectionId: _, crossValidation, ...row }) => ({
    ...row,
    crossValidation: parseCrossValidation(crossValidation),
  }));
  const newCorrections = await db.correction.count({
    where: { id: { gt: rows[0]?.lastCorrectionId ?? 0 }, action: { in: ['CORRECT', 'APPROVE'] } },
  });
  return {
    agreement: [...points.values()].sort(
      (a, b) => a.day.localeCompare(b.day) || a.field.localeCompare(b.field),
    ),
    activeModel: models.find((model) => model.active) ?? null,
    models,
    newCorrections,
  };
}
