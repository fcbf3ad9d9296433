/**
 * The analysis contract shared by every analyzer (built-in and LLM), the
 * database and the API. An LLM analyzer validates its JSON against
 * `analysisResultJsonSchema`; the built-in analyzer's output is checked against
 * the same zod schema in tests.
 */
import { z } from 'zod';

export const SENTIMENT_LABELS = [
  'Bearish',
  'Somewhat-Bearish',
  'Neutral',
  'Somewhat-Bullish',
  'Bullish',
] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** PRODUCT.md buckets: ≤ -0.35 | (-0.35, -0.15] | (-0.15, 0.15) | [0.15, 0.35) | ≥ 0.35. */
export function labelForScore(score: number): SentimentLabel {
  if (score <= -0.35) return 'Bearish';
  if (score <= -0.15) return 'Somewhat-Bearish';
  if (score < 0.15) return 'Neutral';
  if (score < 0.35) return 'Somewhat-Bullish';
  return 'Bullish';
}

const unit = z.number().min(0).max(1);
const signedUnit = z.number().min(-1).max(1);

export const sentimentSchema = z.object({
  label: z.enum(SENTIMENT_LABELS),
  score: signedUnit,
  confidence: unit,
});

export const importanceSchema = z.object({
  score: z.number().int().min(1).max(10),
  factors: z.object({
    eventType: z.string().nullable(),
    eventWeight: unit,
    companyProminence: unit,
    coverage: unit,
    novelty: unit,
    sentimentMagnitude: unit,
  }),
});

export const companyMentionSchema = z.object({
  companyId: z.string().nullable(),
  proposedName: z.string().nullable(),
  name: z.string().min(1),
  relevance: unit,
  sentimentScore: signedUnit,
  sentences: z.array(z.string()),
});

export const topicAssignmentSchema = z.object({
  slug: z.string().min(1),
  relevance: unit,
});

export const analysisResultSchema = z.object({
  sentiment: sentimentSchema,
  importance: importanceSchema,
  summary: z.string().min(1),
  analysis: z.array(z.string().min(1)).min(3).max(5),
  takeaways: z
    .array(z.string().min(1))
    .min(3)
    .max(6)
    .refine((items) => new Set(items).size === items.length, { message: 'takeaways must be distinct' }),
  companies: z.array(companyMentionSchema),
  topics: z.array(topicAssignmentSchema),
  language: z.string().regex(/^[a-z]{2}$/, 'ISO 639-1 code'),
  analyzer: z.object({
    name: z.string().min(1),
    version: z.string().min(1),
    model: z.string().nullable(),
  }),
  eventTypes: z.array(z.string()),
});

export type AnalysisResult = z.infer<typeof analysisResultSchema>;
export type SentimentResult = z.infer<typeof sentimentSchema>;
export type ImportanceResult = z.infer<typeof importanceSchema>;
export type CompanyMention = z.infer<typeof companyMentionSchema>;
export type TopicAssignment = z.infer<typeof topicAssignmentSchema>;

/** JSON Schema (draft 2020-12) of the result, for structured-output LLM calls. */
export const analysisResultJsonSchema = z.toJSONSchema(analysisResultSchema);

export interface AnalyzeInput {
  title: string;
  text: string;
  publishedAt?: Date | null;
  sourceName?: string | null;
  language?: string | null;
  /** Story-cluster facts known at analysis time; absent means "unknown". */
  coverage?: { distinctSources: number; isFirstReport: boolean };
}

export interface Analyzer {
  readonly name: string;
  readonly version: string;
  analyze(input: AnalyzeInput): Promise<AnalysisResult>;
}

export interface CompanyRegistryEntry {
  id: string;
  slug: string;
  name: string;
  aliases: string[];
  /** Aliases that are also ordinary words or other things ("Apple", "Meta"); matched only with company context. */
  ambiguousAliases?: string[];
  tickers: { symbol: string; exchange: string | null }[];
  domain?: string | null;
  /** 1 (niche) .. 3 (household name). */
  prominence?: number;
  /** Free-text sector from the registry ("Semiconductors", "Banking"); used as a topic hint. */
  sector?: string | null;
}
