import { z } from 'zod';

import { SENTIMENT_LABEL_ENUM } from '../review/labels.js';

export const ALERT_RULE_KINDS = ['ARTICLE', 'SENTIMENT_SHIFT', 'ATTENTION', 'SENTIMENT_ANOMALY'] as const;
export type AlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

export const ALERT_WINDOWS = ['HOUR', 'DAY', 'WEEK'] as const;
export type AlertWindow = (typeof ALERT_WINDOWS)[number];

export const WINDOW_MS: Record<AlertWindow, number> = {
  HOUR: 3_600_000,
  DAY: 86_400_000,
  WEEK: 7 * 86_400_000,
};

const minArticles = z.number().int().min(1, 'must be at least 1').max(10_000).default(3);

/** A new or re-analysed article matches: optional minimum importance and sentiment labels. */
export const articleParamsSchema = z
  .object({
    minImportance: z.number().int().min(1).max(10).nullish(),
    sentiments: z.array(z.enum(SENTIMENT_LABEL_ENUM)).max(5).nullish(),
  })
  .strict();

/**
 * Mean effective sentiment over the window ending now against the window before: moves by at least
 * `minDelta`, and/or crosses `threshold` (previous mean on one side, current on the other).
 */
export const shiftParamsSchema = z
  .object({
    window: z.enum(ALERT_WINDOWS),
    direction: z.enum(['UP', 'DOWN', 'EITHER']).default('EITHER'),
    minDelta: z.number().gt(0, 'must be above 0').max(2).nullish(),
    threshold: z.number().min(-1).max(1).nullish(),
    minArticles,
  })
  .strict()
  .refine((p) => p.minDelta != null || p.threshold != null, {
    message: 'give minDelta, threshold or both',
    path: ['minDelta'],
  });

/**
 * Article count in the window ending now against the `baselineWindows` windows before it:
 * RATIO fires at ≥ k × their mean count (abnormal media attention), ZSCORE at a z-score ≥ k.
 */
export const attentionParamsSchema = z
  .object({
    window: z.enum(ALERT_WINDOWS),
    mode: z.enum(['RATIO', 'ZSCORE']).default('RATIO'),
    k: z.number().gt(0, 'must be above 0').max(1000),
    baselineWindows: z.number().int().min(2).max(90).default(7),
    minArticles,
  })
  .strict();

/** The last day's mean is at least k standard deviations from the mean of the trailing daily means. */
export const anomalyParamsSchema = z
  .object({
    k: z.number().gt(0, 'must be above 0').max(100),
    baselineDays: z.number().int().min(3).max(365).default(30),
    minArticles,
  })
  .strict();

export type ArticleParams = z.output<typeof articleParamsSchema>;
export type ShiftParams = z.output<typeof shiftParamsSchema>;
export type AttentionParams = z.output<typeof attentionParamsSchema>;
export type AnomalyParams = z.output<typeof anomalyParamsSchema>;

export type AlertParams =
  | { kind: 'ARTICLE'; params: ArticleParams }
  | { kind: 'SENTIMENT_SHIFT'; params: ShiftParams }
  | { kind: 'ATTENTION'; params: AttentionParams }
  | { kind: 'SENTIMENT_ANOMALY'; params: AnomalyParams };

const schemas = {
  ARTICLE: articleParamsSchema,
  SENTIMENT_SHIFT: shiftParamsSchema,
  ATTENTION: attentionParamsSchema,
  SENTIMENT_ANOMALY: anomalyParamsSchema,
} as const;

/** A rule's parameters for its kind (throws zod's error; callers map it to INVALID_INPUT). */
export function alertParamsSchema(kind: AlertRuleKind): z.ZodType<AlertParams['params'], unknown> {
  return schemas[kind] as z.ZodType<AlertParams['params'], unknown>;
}

export function parseAlertParams(kind: AlertRuleKind, params: unknown): AlertParams {
  return { kind, params: schemas[kind].parse(params) } as AlertParams;
}

/** Cooldown bounds in minutes (0: only de-duplication limits repeats). */
export const MAX_COOLDOWN_MINUTES = 7 * 24 * 60;
