import { z } from 'zod';

import { AppError } from '../errors/app-error.js';
import {
  labelEnumForScore,
  REPRESENTATIVE_SCORE,
  SENTIMENT_LABEL_ENUM,
  type SentimentLabelEnum,
} from './labels.js';

export interface EffectiveCompany {
  companyId: number;
  relevance: number;
  /** Sentiment towards this company, in [-1, 1]. */
  sentimentScore: number;
}

export interface EffectiveTopic {
  topicId: number;
  relevance: number;
}

/** Every field of an analysis that the effective view (AI overlaid by corrections) carries. */
export interface AnalysisValues {
  sentimentLabel: SentimentLabelEnum;
  sentimentScore: number;
  confidence: number;
  importance: number;
  summary: string;
  paragraphs: string[];
  takeaways: string[];
  companies: EffectiveCompany[];
  topics: EffectiveTopic[];
}

/** The fields an editor may correct (confidence is the analyzer's own, so it is not). */
export const CORRECTABLE_FIELDS = [
  'sentimentLabel',
  'sentimentScore',
  'importance',
  'summary',
  'paragraphs',
  'takeaways',
  'companies',
  'topics',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export type CorrectionValues = Partial<Pick<AnalysisValues, CorrectableField>>;

const unit = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const signedUnit = z.number().min(-1, 'must be between -1 and 1').max(1, 'must be between -1 and 1');
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const NOTE_MAX_LENGTH = 2000;

/** What an editor may send; every field is optional, at least one must be present. */
export const correctionValuesSchema = z
  .object({
    sentimentLabel: z.enum(SENTIMENT_LABEL_ENUM).optional(),
    sentimentScore: signedUnit.optional(),
    importance: z
      .number()
      .int('must be an integer')
      .min(1, 'must be between 1 and 10')
      .max(10, 'must be between 1 and 10')
      .optional(),
    summary: text(4000).optional(),
    paragraphs: z
      .array(text(8000))
      .min(1, 'must have at least one paragraph')
      .max(8, 'must have at most 8 paragraphs')
      .optional(),
    takeaways: z
      .array(text(1000))
      .min(1, 'must have at least one takeaway')
      .max(10, 'must have at most 10 takeaways')
      .optional(),
    companies: z
      .array(
        z.object({ companyId: z.number().int().positive(), relevance: unit, sentimentScore: signedUnit }),
      )
      .max(50, 'must have at most 50 companies')
      .refine(
        (items) => new Set(items.map((c) => c.companyId)).size === items.length,
        'must not repeat a company',
      )
      .optional(),
    topics: z
      .array(z.object({ topicId: z.number().int().positive(), relevance: unit }))
      .max(30, 'must have at most 30 topics')
      .refine(
        (items) => new Set(items.map((t) => t.topicId)).size === items.length,
        'must not repeat a topic',
      )
      .optional(),
  })
  .strict();

/**
 * Merges an editor's new values into the cumulative correction values and keeps label and
 * score consistent: a score alone sets its label; a label alone keeps the current score when it
 * fits the label, else takes a score inside the label's bucket; both must agree.
 */
export function mergeCorrectionValues(
  previous: CorrectionValues,
  input: CorrectionValues,
  current: Pick<AnalysisValues, 'sentimentLabel' | 'sentimentScore'>,
): CorrectionValues {
  const merged: CorrectionValues = { ...previous };
  for (const field of CORRECTABLE_FIELDS) {
    if (input[field] !== undefined) Object.assign(merged, { [field]: input[field] });
  }
  const { sentimentLabel, sentimentScore } = input;
  if (sentimentScore !== undefined && sentimentLabel !== undefined) {
    if (labelEnumForScore(sentimentScore) !== sentimentLabel) {
      throw new AppError(
        'INVALID_INPUT',
        `score ${sentimentScore} is ${labelEnumForScore(sentimentScore)}, not ${sentimentLabel}`,
        {
          details: { field: 'sentimentLabel' },
        },
      );
    }
  } else if (sentimentScore !== undefined) {
    merged.sentimentLabel = labelEnumForScore(sentimentScore);
  } else if (sentimentLabel !== undefined) {
    const score =
      labelEnumForScore(current.sentimentScore) === sentimentLabel
        ? current.sentimentScore
        : REPRESENTATIVE_SCORE[sentimentLabel];
    merged.sentimentScore = score;
  }
  return merged;
}

/** Effective values: the AI's, with every corrected field replaced by the editor's. */
export function overlayCorrections(ai: AnalysisValues, corrections: CorrectionValues): AnalysisValues {
  const effective: AnalysisValues = { ...ai };
  for (const field of CORRECTABLE_FIELDS) {
    const value = corrections[field];
    if (value !== undefined) Object.assign(effective, { [field]: value });
  }
  return effective;
}

function sameValue(field: keyof AnalysisValues, a: AnalysisValues, b: AnalysisValues): boolean {
  switch (field) {
    case 'companies':
      return sameSet(
        a.companies.map((c) => c.companyId),
        b.companies.map((c) => c.companyId),
      );
    case 'topics':
      return sameSet(
        a.topics.map((t) => t.topicId),
        b.topics.map((t) => t.topicId),
      );
    // A score moving inside its label's bucket is not a disagreement.
    case 'sentimentScore':
    case 'sentimentLabel':
      return a.sentimentLabel === b.sentimentLabel;
    default:
      return JSON.stringify(a[field]) === JSON.stringify(b[field]);
  }
}

function sameSet(a: number[], b: number[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((item) => set.has(item));
}

/** Corrected fields on which a (new) AI run disagrees with the editor. */
export function disagreeingFields(ai: AnalysisValues, corrections: CorrectionValues): CorrectableField[] {
  const effective = overlayCorrections(ai, corrections);
  return CORRECTABLE_FIELDS.filter(
    (field) => corrections[field] !== undefined && !sameValue(field, ai, effective),
  );
}

/** The fields whose value differs between two analyses, for history and change summaries. */
export function changedFields(
  before: AnalysisValues | null,
  after: AnalysisValues,
): (keyof AnalysisValues)[] {
  // Everything an editor can correct, plus the analyzer's own confidence.
  const fields: (keyof AnalysisValues)[] = ['confidence', ...CORRECTABLE_FIELDS];
  if (!before) return fields;
  return fields.filter((field) =>
    field === 'sentimentScore'
      ? before.sentimentScore !== after.sentimentScore
      : !sameValue(field, before, after),
  );
}
