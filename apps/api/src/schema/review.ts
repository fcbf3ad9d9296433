import { z } from 'zod';

import { invalidInput, parseInput } from '@wirelens/core';
import {
  CORRECTABLE_FIELDS,
  correctionValuesSchema,
  NOTE_MAX_LENGTH,
  type AnalysisValues,
} from '@wirelens/core/review';
import { parseChangedFields, parseCorrectionSnapshot, parseCorrectionValues } from '@wirelens/db';
import { requestReanalysis } from '@wirelens/services/analysis';
import { correctAnalysis, decideAnalysis, type ReviewActionResult } from '@wirelens/services/review';

import { builder } from '../builder.js';
import { requireViewer, type Context } from '../context.js';
import { describedEnum, optionalRowReference, rowNode, rowReference } from '../schema-helpers.js';
import { rowId, withFieldPrefix } from '../validation.js';
import { ReviewStatusEnum, SentimentLabelEnum } from './analysis.js';
import { Article } from './article.js';
import { Company } from './company.js';
import { Topic } from './topic.js';

export const CorrectionActionEnum = describedEnum('CorrectionAction', 'What an editor did.', {
  CORRECT: 'Changed analysis fields.',
  APPROVE: 'Confirmed the effective values.',
  REJECT: 'Rejected the analysis.',
  REOPEN: 'Sent the article back to review.',
});

export const Correction = builder.prismaNode('Correction', {
  ...rowNode,
  description:
    'One editor action on an article (append-only): who, when, why, and the values before and after.',
  fields: (t) => ({
    action: t.expose('action', { type: CorrectionActionEnum, description: 'What the editor did.' }),
    version: t.exposeInt('version', { description: 'The review version this action produced.' }),
    editor: t.relation('editor', { description: 'Who did it.' }),
    note: t.exposeString('note', { nullable: true, description: "The editor's reason." }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When.' }),
    analysis: t.relation('analysis', {
      nullable: true,
      description: 'The AI run the editor was looking at.',
    }),
    values: t.field({
      type: AnalysisValuesType,
      description: 'Cumulative editor values in force after this action (fields nobody corrected are null).',
      resolve: (c) => parseCorrectionValues(c.values),
    }),
    before: t.field({
      type: AnalysisValuesType,
      description: 'Effective values before this action.',
      resolve: (c) => parseCorrectionSnapshot(c.before),
    }),
    after: t.field({
      type: AnalysisValuesType,
      description: 'Effective values after this action.',
      resolve: (c) => parseCorrectionSnapshot(c.after),
    }),
    changedFields: t.stringList({
      description: 'Names of the fields this action changed.',
      resolve: (c) => parseChangedFields(c.after),
    }),
  }),
});

const AnalysisCompanyValue = builder
  .objectRef<AnalysisValues['companies'][number]>('AnalysisCompanyValue')
  .implement({
    description: 'A company in an analysis snapshot.',
    fields: (t) => ({
      companyId: t.globalID({
        description: 'Company global ID.',
        resolve: (c) => ({ type: 'Company', id: c.companyId }),
      }),
      company: optionalRowReference(t, 'Company', 'The company (null once deleted).', (c) => c.companyId),
      relevance: t.exposeFloat('relevance', { description: 'Relevance 0–1.' }),
      sentimentScore: t.exposeFloat('sentimentScore', {
        description: 'Sentiment towards the company, -1–1.',
      }),
    }),
  });

const AnalysisTopicValue = builder
  .objectRef<AnalysisValues['topics'][number]>('AnalysisTopicValue')
  .implement({
    description: 'A topic in an analysis snapshot.',
    fields: (t) => ({
      topicId: t.globalID({
        description: 'Topic global ID.',
        resolve: (v) => ({ type: 'Topic', id: v.topicId }),
      }),
      topic: optionalRowReference(t, 'Topic', 'The topic (null once deleted).', (v) => v.topicId),
      relevance: t.exposeFloat('relevance', { description: 'Relevance 0–1.' }),
    }),
  });

/** A snapshot of analysis values; fields absent from a partial snapshot (your values) are null. */
const AnalysisValuesType = builder.objectRef<Partial<AnalysisValues>>('AnalysisValues').implement({
  description:
    'A snapshot of analysis values (in a conflict: the current effective values, or the values you sent).',
  fields: (t) => ({
    sentimentLabel: t.field({
      type: SentimentLabelEnum,
      nullable: true,
      description: 'Sentiment label.',
      resolve: (v) => v.sentimentLabel ?? null,
    }),
    sentimentScore: t.float({
      nullable: true,
      description: 'Sentiment score.',
      resolve: (v) => v.sentimentScore ?? null,
    }),
    confidence: t.float({ nullable: true, description: 'Confidence.', resolve: (v) => v.confidence ?? null }),
    importance: t.int({ nullable: true, description: 'Importance.', resolve: (v) => v.importance ?? null }),
    summary: t.string({ nullable: true, description: 'Summary.', resolve: (v) => v.summary ?? null }),
    paragraphs: t.stringList({
      nullable: true,
      description: 'Analysis paragraphs.',
      resolve: (v) => v.paragraphs ?? null,
    }),
    takeaways: t.stringList({
      nullable: true,
      description: 'Takeaways.',
      resolve: (v) => v.takeaways ?? null,
    }),
    companies: t.field({
      type: [AnalysisCompanyValue],
      nullable: true,
      description: 'Companies.',
      resolve: (v) => v.companies ?? null,
    }),
    topics: t.field({
      type: [AnalysisTopicValue],
      nullable: true,
      description: 'Topics.',
      resolve: (v) => v.topics ?? null,
    }),
  }),
});

type Success = Extract<ReviewActionResult, { kind: 'success' }>;
type Conflict = Extract<ReviewActionResult, { kind: 'conflict' }>;

const ReviewSuccess = builder.objectRef<Success>('ReviewSuccess').implement({
  description: 'The review action was applied.',
  fields: (t) => ({
    article: rowReference(t, 'Article', 'The article with its new effective values.', (r) => r.articleId),
    correction: rowReference(t, 'Correction', 'The history entry this action wrote.', (r) => r.correctionId),
    version: t.exposeInt('version', { description: 'The new review version.' }),
    reviewStatus: t.expose('reviewStatus', { type: ReviewStatusEnum, description: 'The new review state.' }),
  }),
});

const AnalysisConflict = builder.objectRef<Conflict>('AnalysisConflict').implement({
  description:
    'Your expectedVersion is stale: someone changed the analysis since you loaded it. Nothing was changed; compare, then retry with currentVersion.',
  fields: (t) => ({
    article: rowReference(t, 'Article', 'The article as it is now.', (r) => r.articleId),
    currentVersion: t.exposeInt('currentVersion', { description: 'The current review version.' }),
    reviewStatus: t.expose('reviewStatus', {
      type: ReviewStatusEnum,
      description: 'The current review state.',
    }),
    current: t.expose('current', {
      type: AnalysisValuesType,
      nullable: true,
      description: 'The current effective values.',
    }),
    yourValues: t.expose('yourValues', {
      type: AnalysisValuesType,
      description: 'The values you tried to set.',
    }),
    lastChangedBy: optionalRowReference(
      t,
      'User',
      'The editor of the latest change; null when it was a new AI run.',
      (r) => r.lastChangedById,
    ),
    lastChangedAt: t.expose('lastChangedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the latest change happened.',
    }),
  }),
});

export const ReviewResult = builder.unionType('ReviewResult', {
  description: 'Outcome of a review mutation: applied, or a version conflict (typed, not an error).',
  types: [ReviewSuccess, AnalysisConflict],
  resolveType: (r) => (r.kind === 'success' ? ReviewSuccess : AnalysisConflict),
});

const CompanyValueInput = builder.inputType('CompanyValueInput', {
  description: 'A company in a correction.',
  fields: (t) => ({
    companyId: t.globalID({ for: Company, required: true, description: 'Company global ID.' }),
    relevance: t.float({ required: true, description: 'Relevance 0–1.' }),
    sentimentScore: t.float({ required: true, description: 'Sentiment towards the company, -1–1.' }),
  }),
});

const TopicValueInput = builder.inputType('TopicValueInput', {
  description: 'A topic in a correction.',
  fields: (t) => ({
    topicId: t.globalID({ for: Topic, required: true, description: 'Topic global ID.' }),
    relevance: t.float({ required: true, description: 'Relevance 0–1.' }),
  }),
});

const CorrectAnalysisInput = builder.inputType('CorrectAnalysisInput', {
  description: 'Fields to correct (any subset, at least one) plus the version you saw and a note.',
  fields: (t) => ({
    articleId: t.globalID({ for: Article, required: true, description: 'Article global ID.' }),
    expectedVersion: t.int({ required: true, description: 'The article reviewVersion you loaded.' }),
    sentimentLabel: t.field({
      type: SentimentLabelEnum,
      required: false,
      description: 'Sentiment label (the score follows if not given).',
    }),
    sentimentScore: t.float({ required: false, description: 'Sentiment score -1–1 (the label follows).' }),
    importance: t.int({ required: false, description: 'Importance 1–10.' }),
    summary: t.string({ required: false, description: 'Summary (≤ 4000 characters).' }),
    paragraphs: t.stringList({ required: false, description: 'Analysis paragraphs (1–8).' }),
    takeaways: t.stringList({ required: false, description: 'Takeaways (1–10).' }),
    companies: t.field({
      type: [CompanyValueInput],
      required: false,
      description: 'The full list of companies (replaces the AI list).',
    }),
    topics: t.field({
      type: [TopicValueInput],
      required: false,
      description: 'The full list of topics (replaces the AI list).',
    }),
    note: t.string({ required: false, description: `Why (≤ ${NOTE_MAX_LENGTH} characters).` }),
  }),
});

const ReviewDecisionInput = builder.inputType('ReviewDecisionInput', {
  description: 'Approve or reject the effective analysis as it is.',
  fields: (t) => ({
    articleId: t.globalID({ for: Article, required: true, description: 'Article global ID.' }),
    expectedVersion: t.int({ required: true, description: 'The article reviewVersion you loaded.' }),
    note: t.string({ required: false, description: `Why (≤ ${NOTE_MAX_LENGTH} characters).` }),
  }),
});

const noteSchema = z.object({
  note: z.string().max(NOTE_MAX_LENGTH, `must be at most ${NOTE_MAX_LENGTH} characters`).nullish(),
  expectedVersion: z.number().int().min(0, 'must be ≥ 0'),
});

/** Approve or reject: same input, same checks, same result. */
function decideReview(
  ctx: Context,
  input: typeof ReviewDecisionInput.$inferInput,
  decision: 'APPROVE' | 'REJECT',
) {
  const articleId = rowId(input.articleId);
  const { note, expectedVersion } = parseInput(noteSchema, input, 'input');
  return withFieldPrefix('input', () =>
    decideAnalysis({ db: ctx.db, articleId, expectedVersion, note, actor: requireViewer(ctx), decision }),
  );
}

builder.mutationFields((t) => ({
  correctAnalysis: t.field({
    type: ReviewResult,
    description:
      'Correct any analysis fields (editor). Returns AnalysisConflict when expectedVersion is stale; nothing is lost either way.',
    authScopes: { editor: true },
    args: { input: t.arg({ type: CorrectAnalysisInput, required: true, description: 'What to correct.' }) },
    resolve: async (_root, { input }, ctx) => {
      const articleId = rowId(input.articleId);
      const { note, expectedVersion } = parseInput(noteSchema, input, 'input');
      const raw: Record<string, unknown> = {};
      for (const key of CORRECTABLE_FIELDS) {
        // Companies and topics carry global IDs: their row ids below.
        if (key === 'companies' || key === 'topics') continue;
        if (input[key] !== null && input[key] !== undefined) raw[key] = input[key];
      }
      if (input.companies) {
        raw.companies = input.companies.map((c) => ({ ...c, companyId: rowId(c.companyId) }));
      }
      if (input.topics) {
        raw.topics = input.topics.map((c) => ({ ...c, topicId: rowId(c.topicId) }));
      }
      if (Object.keys(raw).length === 0)
        throw invalidInput([{ field: 'input', message: 'must correct at least one field' }]);
      const values = parseInput(correctionValuesSchema, raw, 'input');
      return withFieldPrefix('input', () =>
        correctAnalysis({
          db: ctx.db,
          jobs: ctx.jobs,
          articleId,
          expectedVersion,
          values,
          note,
          actor: requireViewer(ctx),
        }),
      );
    },
  }),
  approveAnalysis: t.field({
    type: ReviewResult,
    description: 'Approve the effective analysis as it is (editor).',
    authScopes: { editor: true },
    args: {
      input: t.arg({ type: ReviewDecisionInput, required: true, description: 'Which article and version.' }),
    },
    resolve: (_root, { input }, ctx) => decideReview(ctx, input, 'APPROVE'),
  }),
  rejectAnalysis: t.field({
    type: ReviewResult,
    description: 'Reject the analysis (editor): it stays in history but leaves the sentiment series.',
    authScopes: { editor: true },
    args: {
      input: t.arg({ type: ReviewDecisionInput, required: true, description: 'Which article and version.' }),
    },
    resolve: (_root, { input }, ctx) => decideReview(ctx, input, 'REJECT'),
  }),
  reanalyzeArticle: t.prismaField({
    type: 'Article',
    description:
      'Queue a new AI run for an article (editor). Corrections stay in force; a disagreeing run flags NEEDS_REREVIEW.',
    authScopes: { editor: true },
    args: {
      id: t.arg.globalID({ for: Article, required: true, description: 'Article global ID.' }),
      analyzer: t.arg.string({
        required: false,
        description: '"builtin" or "llm"; default: the configured analyzer.',
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const articleId = rowId(args.id);
      const { analyzer } = parseInput(z.object({ analyzer: z.enum(['builtin', 'llm']).nullish() }), {
        analyzer: args.analyzer,
      });
      await requestReanalysis({
        db: ctx.db,
        jobs: ctx.jobs,
        actor: requireViewer(ctx),
        articleIds: [articleId],
        analyzer: analyzer ?? undefined,
        llmConfigured: ctx.llmConfigured,
      });
      return ctx.db.article.findUniqueOrThrow({ ...query, where: { id: articleId } });
    },
  }),
}));
