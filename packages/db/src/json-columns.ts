import { z } from 'zod';

import {
  crossValidationSchema,
  learnedModelDataSchema,
  type CrossValidation,
  type LearnedModelData,
} from '@wirelens/core/learning';
import {
  analysisResultSchema,
  SENTIMENT_LABEL_ENUM,
  type AnalysisValues,
  type CorrectionValues,
} from '@wirelens/core/review';

import type { Prisma } from './generated/prisma/client.js';

/**
 * The one place where Prisma's JSON columns get their types back: every read is parsed with zod
 * (a malformed row fails loudly here instead of as a wrong number later), every write goes
 * through `toJson`. Reading schemas are lenient on limits that input validation enforces, so a
 * limit tightened later never makes old rows unreadable.
 */

/** A company mention as stored in `Analysis.companies`: the contract's mention plus the registry id it resolved to. */
export const storedCompanyMentionSchema = z.object({
  companyId: z.string().nullable(),
  proposedName: z.string().nullable(),
  name: z.string(),
  relevance: z.number(),
  sentimentScore: z.number(),
  sentences: z.array(z.string()),
  resolvedCompanyId: z.number().int().nullable(),
});
export type StoredCompanyMention = z.infer<typeof storedCompanyMentionSchema>;

/** A topic as stored in `Analysis.topics`. */
export const storedTopicSchema = z.object({
  slug: z.string(),
  relevance: z.number(),
  topicId: z.number().int().nullable(),
});
export type StoredTopic = z.infer<typeof storedTopicSchema>;

export type ImportanceFactors = z.infer<typeof importanceFactorsSchema>;
const importanceFactorsSchema = analysisResultSchema.shape.importance.shape.factors;

const storedCorrectionValuesSchema = z.object({
  sentimentLabel: z.enum(SENTIMENT_LABEL_ENUM).optional(),
  sentimentScore: z.number().optional(),
  importance: z.number().optional(),
  summary: z.string().optional(),
  paragraphs: z.array(z.string()).optional(),
  takeaways: z.array(z.string()).optional(),
  companies: z
    .array(z.object({ companyId: z.number().int(), relevance: z.number(), sentimentScore: z.number() }))
    .optional(),
  topics: z.array(z.object({ topicId: z.number().int(), relevance: z.number() })).optional(),
}) satisfies z.ZodType<CorrectionValues>;

/** `Correction.before` / `after`: the effective values around an action (beside its review state). */
const correctionSnapshotSchema = storedCorrectionValuesSchema.extend({ confidence: z.number().optional() });

/** `Correction.after` keeps the fields the action changed beside the values. */
const correctionRecordSchema = z.object({ changedFields: z.array(z.string()).default([]) });

const seedFingerprintSchema = z.object({ fingerprint: z.string() }).partial();

export function parseStoredMentions(value: Prisma.JsonValue): StoredCompanyMention[] {
  return z.array(storedCompanyMentionSchema).parse(value);
}

export function parseStoredTopics(value: Prisma.JsonValue): StoredTopic[] {
  return z.array(storedTopicSchema).parse(value);
}

export function parseImportanceFactors(value: Prisma.JsonValue): ImportanceFactors {
  return importanceFactorsSchema.parse(value);
}

/** `Correction.values`: the editor's cumulative corrections in force after that action. */
export function parseCorrectionValues(value: Prisma.JsonValue | undefined): CorrectionValues {
  return value === undefined ? {} : storedCorrectionValuesSchema.parse(value);
}

export function parseCorrectionSnapshot(value: Prisma.JsonValue): Partial<AnalysisValues> {
  return correctionSnapshotSchema.parse(value);
}

export function parseChangedFields(correctionAfter: Prisma.JsonValue): string[] {
  return correctionRecordSchema.parse(correctionAfter).changedFields;
}

export function parseSeedFingerprint(value: Prisma.JsonValue): string | undefined {
  return seedFingerprintSchema.parse(value).fingerprint;
}

/** A plain-JSON copy for a JSON column (dates become ISO strings, undefined fields disappear). */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** `AnalyzerModel.crossValidation`: agreement with editors per field, rules alone vs with the model. */
export function parseCrossValidation(value: Prisma.JsonValue): CrossValidation {
  return crossValidationSchema.parse(value);
}

/** `AnalyzerModel.weights`. */
export function parseLearnedModelData(value: Prisma.JsonValue): LearnedModelData {
  return learnedModelDataSchema.parse(value);
}

/**
 * A saved feed filter (`SavedFilter.filter`) in row ids: the feed's filters without the date range,
 * because a watchlist is a standing query (a saved date range would stop matching new articles).
 */
export const savedFilterSchema = z.object({
  companyIds: z.array(z.number().int()).nullish(),
  topicIds: z.array(z.number().int()).nullish(),
  sourceIds: z.array(z.number().int()).nullish(),
  sentiments: z.array(z.enum(SENTIMENT_LABEL_ENUM)).nullish(),
  minScore: z.number().nullish(),
  maxScore: z.number().nullish(),
  minImportance: z.number().int().nullish(),
  languages: z.array(z.string()).nullish(),
  reviewStatuses: z.array(z.enum(['UNREVIEWED', 'APPROVED', 'REJECTED', 'NEEDS_REREVIEW'])).nullish(),
  search: z.string().nullish(),
});
export type SavedFilterValues = z.infer<typeof savedFilterSchema>;

export function parseSavedFilter(value: Prisma.JsonValue): SavedFilterValues {
  return savedFilterSchema.parse(value);
}

/** `AlertFiring.figures`: the numbers that crossed (names and values as core's evaluators report them). */
export const alertFiguresSchema = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));

export function parseAlertFigures(value: Prisma.JsonValue): z.infer<typeof alertFiguresSchema> {
  return alertFiguresSchema.parse(value);
}
