import { CORRECTABLE_FIELDS, type AnalysisValues, type CorrectionValues } from '@wirelens/core/review';
import { parseCorrectionValues, type Prisma } from '@wirelens/db';

import { builder } from '../builder.js';
import { describedEnum, selectRowNode } from '../schema-helpers.js';

export const SentimentLabelEnum = describedEnum(
  'SentimentLabel',
  'Sentiment buckets by score: ≤ -0.35 | (-0.35, -0.15] | (-0.15, 0.15) | [0.15, 0.35) | ≥ 0.35.',
  {
    BEARISH: 'Score ≤ -0.35.',
    SOMEWHAT_BEARISH: 'Score in (-0.35, -0.15].',
    NEUTRAL: 'Score in (-0.15, 0.15).',
    SOMEWHAT_BULLISH: 'Score in [0.15, 0.35).',
    BULLISH: 'Score ≥ 0.35.',
  },
);

export const ReviewStatusEnum = describedEnum(
  'ReviewStatus',
  "Where an article's analysis stands in editorial review.",
  {
    UNREVIEWED: 'No editor has looked at the current AI analysis.',
    APPROVED: 'An editor confirmed (or corrected) the effective values.',
    REJECTED: 'An editor rejected the analysis; it is kept but excluded from series.',
    NEEDS_REREVIEW: "A newer AI run disagrees with an editor's correction.",
  },
);

export const CorrectableFieldEnum = describedEnum(
  'CorrectableField',
  'Analysis fields an editor can correct.',
  Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, `The \`${f}\` field.`])) as Record<
    (typeof CORRECTABLE_FIELDS)[number],
    string
  >,
);

export const AnalyzerInfo = builder
  .objectRef<{ name: string; version: string; model: string | null }>('AnalyzerInfo')
  .implement({
    description: 'Which analyzer made an analysis.',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'Analyzer name, e.g. "builtin" or "llm".' }),
      version: t.exposeString('version', { description: 'Analyzer version.' }),
      model: t.exposeString('model', {
        nullable: true,
        description: 'LLM model name; null for the built-in analyzer.',
      }),
    }),
  });

/** One AI run on an article (never changed after it is written). */
export const Analysis = builder.prismaNode('Analysis', {
  ...selectRowNode(),
  description: 'One run of an analyzer on an article. Re-running adds a row; history is never rewritten.',
  fields: (t) => ({
    analyzer: t.field({
      type: AnalyzerInfo,
      description: 'Analyzer name, version and model.',
      select: { analyzer: true, analyzerVersion: true, model: true },
      resolve: (a) => ({ name: a.analyzer, version: a.analyzerVersion, model: a.model }),
    }),
    promptVersion: t.exposeString('promptVersion', {
      nullable: true,
      description: 'Prompt version (LLM analyzer).',
    }),
    sentimentLabel: t.expose('sentimentLabel', { type: SentimentLabelEnum, description: 'Sentiment label.' }),
    sentimentScore: t.exposeFloat('sentimentScore', { description: 'Sentiment score in [-1, 1].' }),
    confidence: t.exposeFloat('confidence', { description: "The analyzer's confidence in [0, 1]." }),
    importance: t.exposeInt('importance', { description: 'Importance 1–10.' }),
    importanceFactors: t.field({
      type: 'JSON',
      description: 'What the importance score was built from.',
      select: { importanceFactors: true },
      resolve: (a) => a.importanceFactors,
    }),
    summary: t.exposeString('summary', { description: 'One-paragraph summary.' }),
    paragraphs: t.exposeStringList('paragraphs', {
      description: 'Analysis paragraphs (causes, consequences, who is affected, outlook).',
    }),
    takeaways: t.exposeStringList('takeaways', { description: 'Key takeaways.' }),
    companies: t.field({
      type: 'JSON',
      description: 'Company mentions as the analyzer produced them (with the registry id each resolved to).',
      select: { companies: true },
      resolve: (a) => a.companies,
    }),
    topics: t.field({
      type: 'JSON',
      description: 'Topics as the analyzer assigned them.',
      select: { topics: true },
      resolve: (a) => a.topics,
    }),
    eventTypes: t.exposeStringList('eventTypes', {
      description: 'Detected event types (e.g. earnings, lawsuit).',
    }),
    language: t.exposeString('language', { nullable: true, description: 'Detected language (ISO 639-1).' }),
    fallbackReason: t.exposeString('fallbackReason', {
      nullable: true,
      description: 'Why this run fell back to the built-in analyzer, if it did.',
    }),
    durationMs: t.exposeInt('durationMs', { nullable: true, description: 'How long the run took.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the run finished.' }),
  }),
});

/** What EffectiveAnalysis shows of the values: its companies and topics are Article.companies/topics. */
type ShownValues = Omit<AnalysisValues, 'companies' | 'topics'>;

export interface EffectiveShape {
  values: ShownValues;
  corrected: (keyof CorrectionValues)[];
  analyzer: { name: string; version: string; model: string | null };
  analyzedAt: Date;
  reviewStatus: 'UNREVIEWED' | 'APPROVED' | 'REJECTED' | 'NEEDS_REREVIEW';
  reviewVersion: number;
}

/**
 * The columns of the latest run EffectiveAnalysis reads: not the run's company and topic JSON (the
 * largest columns, with every mention's sentences), which it does not show.
 */
export const effectiveAnalysisColumns = {
  sentimentLabel: true,
  sentimentScore: true,
  confidence: true,
  importance: true,
  summary: true,
  paragraphs: true,
  takeaways: true,
  analyzer: true,
  analyzerVersion: true,
  model: true,
  createdAt: true,
} as const satisfies Prisma.AnalysisSelect;

export const EffectiveAnalysis = builder.objectRef<EffectiveShape>('EffectiveAnalysis').implement({
  description:
    "The analysis as Wirelens shows it: the latest AI run overlaid with the editors' corrections. Companies and topics are on `Article.companies` / `Article.topics`.",
  fields: (t) => ({
    sentimentLabel: t.field({
      type: SentimentLabelEnum,
      description: 'Sentiment label.',
      resolve: (e) => e.values.sentimentLabel,
    }),
    sentimentScore: t.float({
      description: 'Sentiment score in [-1, 1].',
      resolve: (e) => e.values.sentimentScore,
    }),
    confidence: t.float({
      description: "The analyzer's confidence in [0, 1].",
      resolve: (e) => e.values.confidence,
    }),
    importance: t.int({ description: 'Importance 1–10.', resolve: (e) => e.values.importance }),
    summary: t.string({ description: 'AI summary (one paragraph).', resolve: (e) => e.values.summary }),
    paragraphs: t.stringList({ description: 'Analysis paragraphs.', resolve: (e) => e.values.paragraphs }),
    takeaways: t.stringList({ description: 'Key takeaways.', resolve: (e) => e.values.takeaways }),
    correctedFields: t.expose('corrected', {
      type: [CorrectableFieldEnum],
      description: 'Fields whose value comes from an editor rather than the AI.',
    }),
    analyzer: t.expose('analyzer', {
      type: AnalyzerInfo,
      description: 'The analyzer of the underlying AI run.',
    }),
    analyzedAt: t.expose('analyzedAt', {
      type: 'DateTime',
      description: 'When the underlying AI run finished.',
    }),
    reviewStatus: t.expose('reviewStatus', { type: ReviewStatusEnum, description: 'Review state.' }),
    reviewed: t.boolean({
      description: 'Whether an editor has approved or corrected these values.',
      resolve: (e) => e.reviewStatus === 'APPROVED',
    }),
    reviewVersion: t.int({
      description: 'Pass as `expectedVersion` to review mutations.',
      resolve: (e) => e.reviewVersion,
    }),
  }),
});

export function effectiveShape(article: {
  reviewStatus: EffectiveShape['reviewStatus'];
  reviewVersion: number;
  latestAnalysis:
    | (ShownValues & { analyzer: string; analyzerVersion: string; model: string | null; createdAt: Date })
    | null;
  corrections: { values: Prisma.JsonValue }[];
}): EffectiveShape | null {
  if (!article.latestAnalysis) return null;
  const corrections = parseCorrectionValues(article.corrections[0]?.values);
  const a = article.latestAnalysis;
  return {
    // The AI run overlaid with the latest correction (overlayCorrections, for the shown fields).
    values: {
      sentimentLabel: corrections.sentimentLabel ?? a.sentimentLabel,
      sentimentScore: corrections.sentimentScore ?? a.sentimentScore,
      confidence: a.confidence,
      importance: corrections.importance ?? a.importance,
      summary: corrections.summary ?? a.summary,
      paragraphs: corrections.paragraphs ?? a.paragraphs,
      takeaways: corrections.takeaways ?? a.takeaways,
    },
    corrected: CORRECTABLE_FIELDS.filter((f) => corrections[f] !== undefined),
    analyzer: { name: a.analyzer, version: a.analyzerVersion, model: a.model },
    analyzedAt: a.createdAt,
    reviewStatus: article.reviewStatus,
    reviewVersion: article.reviewVersion,
  };
}
