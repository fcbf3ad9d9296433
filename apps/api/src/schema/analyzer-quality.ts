import type { FieldAgreement } from '@wirelens/core/learning';
import {
  activateAnalyzerModel,
  analyzerQuality,
  requestAnalyzerTraining,
  type AgreementPoint,
  type AnalyzerModelSummary,
  type AnalyzerQuality,
} from '@wirelens/services/learning';

import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { describedEnum } from '../schema-helpers.js';

const QualityFieldEnum = describedEnum(
  'QualityField',
  'An analysis field whose agreement with editors is measured.',
  {
    sentiment: 'Sentiment label and score.',
    importance: 'Importance.',
    companies: 'The companies an article is about (and their sentiment).',
    topics: 'Topics.',
    text: 'Summary, analysis paragraphs and takeaways.',
  },
);

const LearnedFieldEnum = describedEnum('LearnedField', 'A field the learned layer can learn from editors.', {
  sentiment: 'The article’s sentiment class (bearish, neutral, bullish).',
  companySentiment: 'The sentiment class toward each company.',
  companies: 'Keeping or dropping each matched company.',
  topics: 'The article’s whole topic set.',
});

const AgreementPointType = builder.objectRef<AgreementPoint>('AgreementPoint').implement({
  description: 'Editor decisions on one field on one day: kept the AI value (approvals) or changed it.',
  fields: (t) => ({
    day: t.exposeString('day', { description: 'UTC day, YYYY-MM-DD.' }),
    field: t.expose('field', { type: QualityFieldEnum, description: 'The field.' }),
    approvals: t.exposeInt('approvals', { description: 'Decisions that kept the AI value.' }),
    corrections: t.exposeInt('corrections', { description: 'Decisions that changed it.' }),
    agreement: t.float({
      description: 'approvals / (approvals + corrections).',
      resolve: (p) => p.approvals / Math.max(1, p.approvals + p.corrections),
    }),
  }),
});

type FieldFigures = FieldAgreement & { field: keyof AnalyzerModelSummary['crossValidation'] };
type ScoreError = NonNullable<FieldAgreement['scoreError']>;

const ScoreErrorType = builder.objectRef<ScoreError>('ScoreError').implement({
  description:
    'Root-mean-square distance between the scores and the editors’ scores (sentiment fields, on the same folds).',
  fields: (t) => ({
    builtin: t.exposeFloat('builtin', { description: 'The built-in analyzer alone.' }),
    learned: t.exposeFloat('learned', { description: 'With the learned model.' }),
  }),
});

const CrossValidatedField = builder.objectRef<FieldFigures>('CrossValidatedField').implement({
  description:
    'Cross-validated agreement with editors on one field: the built-in analyzer alone vs with the model.',
  fields: (t) => ({
    field: t.expose('field', { type: LearnedFieldEnum, description: 'The field.' }),
    examples: t.exposeInt('n', { description: 'Examples the figures are over.' }),
    builtin: t.exposeFloat('builtin', { description: 'Share the built-in analyzer alone got right.' }),
    learned: t.exposeFloat('learned', {
      description: 'Share the learned model got right (on folds it did not train on).',
    }),
    used: t.exposeBoolean('used', {
      description: 'The model beat the built-in analyzer here, so it shapes this field.',
    }),
    scoreError: t.field({
      type: ScoreErrorType,
      nullable: true,
      description:
        'Sentiment fields: how far the scores are from the editors’ (ties in agreement go to the closer scores); null for other fields and older models.',
      resolve: (figures) => figures.scoreError ?? null,
    }),
    pooled: t.boolean({
      description:
        'Company sentiment: the model also learned from the articles’ corrected tone, because cross-validation said it helps.',
      resolve: (figures) => figures.pooled === true,
    }),
  }),
});

const AnalyzerModelType = builder.objectRef<AnalyzerModelSummary>('AnalyzerModel').implement({
  description: 'A version of the learned layer, trained from this deployment’s editor decisions.',
  fields: (t) => ({
    version: t.exposeInt('id', { description: 'Version number (increasing).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was trained.' }),
    exampleCount: t.exposeInt('exampleCount', { description: 'Reviewed articles it learned from.' }),
    improves: t.exposeBoolean('improves', {
      description: 'It beat the built-in analyzer on at least one field (only such models can be active).',
    }),
    active: t.exposeBoolean('active', { description: 'New analyses use it.' }),
    activatedAt: t.expose('activatedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last activation.',
    }),
    crossValidation: t.field({
      type: [CrossValidatedField],
      description: 'Cross-validated agreement with editors per field.',
      resolve: (model) =>
        Object.entries(model.crossValidation).map(([field, figures]) => ({
          ...figures,
          field: field as FieldFigures['field'],
        })),
    }),
  }),
});

const AnalyzerQualityType = builder.objectRef<AnalyzerQuality>('AnalyzerQuality').implement({
  description: 'How often editors agree with the AI, and the learned models.',
  fields: (t) => ({
    agreement: t.expose('agreement', {
      type: [AgreementPointType],
      description: 'Per day and field, oldest first.',
    }),
    activeModel: t.expose('activeModel', {
      type: AnalyzerModelType,
      nullable: true,
      description: 'The model new analyses use; null: the built-in analyzer alone.',
    }),
    models: t.expose('models', { type: [AnalyzerModelType], description: 'Every version, newest first.' }),
    newCorrections: t.exposeInt('newCorrections', {
      description: 'Editor decisions since the newest model.',
    }),
  }),
});

function actorOf(ctx: Context) {
  return { userId: (ctx.viewer as NonNullable<Context['viewer']>).id, requestId: ctx.requestId, ip: ctx.ip };
}

builder.queryFields((t) => ({
  analyzerQuality: t.field({
    type: AnalyzerQualityType,
    description:
      'Agreement of editors with the AI over time per field, and the learned models (editors and admins).',
    authScopes: { editor: true },
    args: {
      days: t.arg.int({ required: false, description: 'Days back from today (default 90, at most 730).' }),
    },
    resolve: (_r, args, ctx) =>
      analyzerQuality({ db: ctx.db, days: Math.min(730, Math.max(1, args.days ?? 90)) }),
  }),
}));

builder.mutationFields((t) => ({
  trainAnalyzer: t.boolean({
    description:
      'Train a learned model from the editors’ decisions now, in the worker (admin). It becomes active only if it beats the built-in analyzer. False when a training is already queued.',
    authScopes: { admin: true },
    resolve: async (_r, _a, ctx) =>
      (await requestAnalyzerTraining({ db: ctx.db, jobs: ctx.jobs, actor: actorOf(ctx) })).jobId !== null,
  }),
  activateAnalyzerModel: t.field({
    type: AnalyzerQualityType,
    description:
      'Make a model version active, earlier or later (admin, audited); null goes back to the built-in analyzer alone. New analyses follow within minutes.',
    authScopes: { admin: true },
    args: { version: t.arg.int({ required: false, description: 'Model version, or null for none.' }) },
    resolve: async (_r, args, ctx) => {
      await activateAnalyzerModel({ db: ctx.db, actor: actorOf(ctx), modelId: args.version ?? null });
      return analyzerQuality({ db: ctx.db });
    },
  }),
}));
