/** zod schemas of the stored model and its figures, for reading them back from JSON columns. */
import { z } from 'zod';

import { LEARNED_FIELDS, type CrossValidation, type LearnedModelData } from './learned-model.js';

const linearModelSchema = z.object({
  bits: z.number().int().min(1).max(24),
  /** 1: a regression's single output. */
  classCount: z.number().int().min(1),
  bias: z.array(z.number()),
  rows: z.array(z.number()),
});

const sentimentHeadSchema = z.object({
  model: linearModelSchema,
  classScores: z.array(z.number()).length(3),
  minConfidence: z.number().min(0).max(1).optional(),
  scoreModel: linearModelSchema.optional(),
  scoreShrink: z.number().min(0).max(1).optional(),
});

export const learnedModelDataSchema = z.object({
  format: z.literal(1),
  bits: z.number().int().min(1).max(24),
  sentiment: sentimentHeadSchema.nullable(),
  companySentiment: sentimentHeadSchema.nullable(),
  companyKeep: linearModelSchema.nullable(),
  topics: z.array(z.object({ slug: z.string(), model: linearModelSchema })),
}) satisfies z.ZodType<LearnedModelData>;

export const fieldAgreementSchema = z.object({
  n: z.number().int(),
  builtin: z.number(),
  learned: z.number(),
  used: z.boolean(),
  scoreError: z.object({ builtin: z.number(), learned: z.number() }).optional(),
  pooled: z.boolean().optional(),
});

export const crossValidationSchema = z.partialRecord(
  z.enum(LEARNED_FIELDS),
  fieldAgreementSchema,
) satisfies z.ZodType<CrossValidation>;
