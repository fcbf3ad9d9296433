import { AppError } from '@wirelens/core';
import { CORRECTABLE_FIELDS, type CorrectionValues } from '@wirelens/core/review';
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

/** An article's latest correction: the values EffectiveAnalysis lays over the AI run. */
const latestCorrection = {
  orderBy: { version: 'desc' },
  take: 1,
  select: { values: true },
} as const satisfies Prisma.Article$correctionsArgs;

/** The latest correction's values, parsed once per row (every overlaid field of a row reads them). */
const parsedCorrections = new WeakMap<object, CorrectionValues>();
function correctionOf(article: { corrections: { values: Prisma.JsonValue }[] }): CorrectionValues {
  let values = parsedCorrections.get(article.corrections);
  if (!values) {
    values = parseCorrectionValues(article.corrections[0]?.values);
    parsedCorrections.set(article.corrections, values);
  }
  return values;
}

/** The article's latest AI run, which `Article.analysis` guarantees (it is null without one). */
function runOf<Run>(article: { latestAnalysis: Run | null }): Run {
  if (article.latestAnalysis === null)
    throw new AppError('INTERNAL', 'An effective analysis without an AI run');
  return article.latestAnalysis;
}

/** The run's columns an editor's correction can replace. */
type OverlaidColumn =
  'sentimentLabel' | 'sentimentScore' | 'importance' | 'summary' | 'paragraphs' | 'takeaways';

/**
 * A field showing one column of the latest AI run with the latest correction's value laid over it:
 * its select (that column, and the latest correction) and its resolver.
 */
function overlaid<C extends OverlaidColumn>(column: C) {
  return {
    select: {
      latestAnalysis: { select: { [column]: true } as Record<C, true> },
      corrections: latestCorrection,
    },
    resolve: (article: {
      latestAnalysis: Pick<Prisma.AnalysisGetPayload<object>, C> | null;
      corrections: { values: Prisma.JsonValue }[];
    }) => correctionOf(article)[column] ?? runOf(article)[column],
  };
}

/**
 * The analysis as shown: an article with its latest AI run and latest correction (a variant of the
 * Article model, so that each field selects only the columns it shows: a feed card asking for the
 * label, score, importance and summary does not load the run's paragraphs and takeaways).
 */
export const EffectiveAnalysis = builder.prismaObject('Article', {
  variant: 'EffectiveAnalysis',
  select: {},
  description:
    "The analysis as Wirelens shows it: the latest AI run overlaid with the editors' corrections. Companies and topics are on `Article.companies` / `Article.topics`.",
  fields: (t) => ({
    sentimentLabel: t.field({
      type: SentimentLabelEnum,
      description: 'Sentiment label.',
      ...overlaid('sentimentLabel'),
    }),
    sentimentScore: t.float({ description: 'Sentiment score in [-1, 1].', ...overlaid('sentimentScore') }),
    confidence: t.float({
      description: "The analyzer's confidence in [0, 1].",
      select: { latestAnalysis: { select: { confidence: true } } },
      resolve: (a) => runOf(a).confidence,
    }),
    importance: t.int({ description: 'Importance 1–10.', ...overlaid('importance') }),
    summary: t.string({ description: 'AI summary (one paragraph).', ...overlaid('summary') }),
    paragraphs: t.stringList({ description: 'Analysis paragraphs.', ...overlaid('paragraphs') }),
    takeaways: t.stringList({ description: 'Key takeaways.', ...overlaid('takeaways') }),
    correctedFields: t.field({
      type: [CorrectableFieldEnum],
      description: 'Fields whose value comes from an editor rather than the AI.',
      select: { corrections: latestCorrection },
      resolve: (a) => {
        const corrections = correctionOf(a);
        return CORRECTABLE_FIELDS.filter((f) => corrections[f] !== undefined);
      },
    }),
    analyzer: t.field({
      type: AnalyzerInfo,
      description: 'The analyzer of the underlying AI run.',
      select: { latestAnalysis: { select: { analyzer: true, analyzerVersion: true, model: true } } },
      resolve: (a) => {
        const run = runOf(a);
        return { name: run.analyzer, version: run.analyzerVersion, model: run.model };
      },
    }),
    analyzedAt: t.field({
      type: 'DateTime',
      description: 'When the underlying AI run finished.',
      select: { latestAnalysis: { select: { createdAt: true } } },
      resolve: (a) => runOf(a).createdAt,
    }),
    reviewStatus: t.expose('reviewStatus', { type: ReviewStatusEnum, description: 'Review state.' }),
    reviewed: t.boolean({
      description: 'Whether an editor has approved or corrected these values.',
      select: { reviewStatus: true },
      resolve: (a) => a.reviewStatus === 'APPROVED',
    }),
    reviewVersion: t.exposeInt('reviewVersion', {
      description: 'Pass as `expectedVersion` to review mutations.',
    }),
  }),
});
