/**
 * The learned layer: small linear models trained from a deployment's own
 * editor decisions, applied on top of the built-in analyzer's result.
 *
 * Fields: article sentiment (class, and a score from the class probabilities),
 * per-company sentiment, company matches editors removed, and topics. Each
 * field is cross-validated (k folds, articles never split across folds) against
 * the built-in analyzer on the same examples; a field's model is kept only when
 * it agrees with the editors more often than the built-in analyzer did.
 */
import {
  labelForScore,
  type AnalysisResult,
  type AnalyzeInput,
  type CompanyMention,
} from '../analysis/contract.js';
import { DEFAULT_HASH_BITS, type SparseVector } from './hashed-features.js';
import { articleFeatures, mentionKeepFeatures, mentionSentimentFeatures } from './learning-features.js';
import {
  loadLinearModel,
  trainLinearModel,
  type LinearModel,
  type SerializedLinearModel,
} from './linear-model.js';
import { seededRandom, shuffled } from './seeded-random.js';

/** One article as editors settled it. A field left out teaches nothing about that field. */
export interface LearningExample {
  input: AnalyzeInput;
  sentimentScore?: number;
  /** The companies the article keeps, with the tone toward each (registry ids). */
  companies?: { companyId: string; sentimentScore: number }[];
  /** Companies the analyzer matched and an editor removed. */
  removedCompanyIds?: string[];
  /** Topic slugs the article keeps. */
  topics?: string[];
}

export const LEARNED_FIELDS = ['sentiment', 'companySentiment', 'companies', 'topics'] as const;
export type LearnedField = (typeof LEARNED_FIELDS)[number];

/** Cross-validated share of examples on which each analyzer agreed with the editors. */
export interface FieldAgreement {
  n: number;
  builtin: number;
  learned: number;
  /** The field's model beat the built-in analyzer and is part of the model. */
  used: boolean;
}
export type CrossValidation = Partial<Record<LearnedField, FieldAgreement>>;

interface SentimentHead {
  model: SerializedLinearModel;
  /** Mean editor score of each class (bearish, neutral, bullish): the score is their expectation. */
  classScores: number[];
}

/** The stored model (JSON). */
export interface LearnedModelData {
  format: 1;
  bits: number;
  sentiment: SentimentHead | null;
  companySentiment: SentimentHead | null;
  companyKeep: SerializedLinearModel | null;
  topics: { slug: string; model: SerializedLinearModel }[];
}

export interface TrainLearnedModelOptions {
  examples: readonly LearningExample[];
  /** The built-in analyzer's result for an example (features and the baseline). */
  analyze: (input: AnalyzeInput) => AnalysisResult;
  folds?: number;
  seed?: number;
  bits?: number;
}

export interface TrainedLearnedModel {
  data: LearnedModelData;
  crossValidation: CrossValidation;
  /** At least one field beat the built-in analyzer. */
  improves: boolean;
}

/** Fewer examples than this for a field and its model is not trained (the estimate would be noise). */
export const MIN_FIELD_EXAMPLES = 20;
const MIN_TOPIC_POSITIVES = 5;
const DEFAULT_FOLDS = 5;
const DEFAULT_SEED = 20_261_203;

const BEARISH = 0;
const NEUTRAL = 1;
const BULLISH = 2;

/** Bearish / neutral / bullish as the label buckets draw them (±0.15). */
export function sentimentClassOfScore(score: number): number {
  if (score <= -0.15) return BEARISH;
  if (score >= 0.15) return BULLISH;
  return NEUTRAL;
}

/** The expected score under the class probabilities, kept inside the most probable class's bucket. */
function scoreFrom(p: number[], classScores: number[]): number {
  const expected = p.reduce((sum, pc, c) => sum + pc * (classScores[c] ?? 0), 0);
  const best = p.indexOf(Math.max(...p));
  if (best === BULLISH) return Math.min(1, Math.max(0.15, expected));
  if (best === BEARISH) return Math.max(-1, Math.min(-0.15, expected));
  return Math.max(-0.14, Math.min(0.14, expected));
}

interface Item {
  /** The example it came from: folds never split an article. */
  group: number;
  x: SparseVector;
  y: number;
  builtinY: number;
}

interface ClassTask {
  field: Exclude<LearnedField, 'topics'>;
  classCount: number;
  items: Item[];
}

function meanScores(scores: { y: number; score: number }[]): number[] {
  return [BEARISH, NEUTRAL, BULLISH].map((c) => {
    const own = scores.filter((s) => s.y === c);
    const fallback = [-0.5, 0, 0.5][c] ?? 0;
    return own.length > 0 ? own.reduce((sum, s) => sum + s.score, 0) / own.length : fallback;
  });
}

function foldOf(groupCount: number, folds: number, seed: number): number[] {
  const order = shuffled(
    Array.from({ length: groupCount }, (_, i) => i),
    seededRandom(seed),
  );
  const fold = new Array<number>(groupCount).fill(0);
  order.forEach((group, rank) => (fold[group] = rank % folds));
  return fold;
}

function train(items: readonly Item[], classCount: number, bits: number, seed: number): LinearModel {
  return trainLinearModel(items, { classCount, bits, seed });
}

function argmax(p: number[]): number {
  return p.indexOf(Math.max(...p));
}

/** Cross-validated agreement of the built-in analyzer and of the model on one classification task. */
function crossValidate(
  task: ClassTask,
  fold: number[],
  folds: number,
  bits: number,
  seed: number,
): FieldAgreement {
  let learned = 0;
  for (let k = 0; k < folds; k++) {
    const trainItems = task.items.filter((item) => fold[item.group] !== k);
    const testItems = task.items.filter((item) => fold[item.group] === k);
    if (testItems.length === 0 || trainItems.length === 0) continue;
    const model = train(trainItems, task.classCount, bits, seed + k);
    learned += testItems.filter((item) => argmax(model.predict(item.x)) === item.y).length;
  }
  const builtin = task.items.filter((item) => item.builtinY === item.y).length;
  const n = task.items.length;
  return { n, builtin: builtin / n, learned: learned / n, used: learned > builtin };
}

function distinctLabels(items: readonly Item[]): number {
  return new Set(items.map((item) => item.y)).size;
}

export function trainLearnedModel(options: TrainLearnedModelOptions): TrainedLearnedModel {
  const { examples, analyze } = options;
  const folds = options.folds ?? DEFAULT_FOLDS;
  const seed = options.seed ?? DEFAULT_SEED;
  const bits = options.bits ?? DEFAULT_HASH_BITS;
  const results = examples.map((example) => analyze(example.input));
  const fold = foldOf(examples.length, folds, seed);

  const sentimentItems: Item[] = [];
  const sentimentScores: { y: number; score: number }[] = [];
  const companySentimentItems: Item[] = [];
  const companyScores: { y: number; score: number }[] = [];
  const keepItems: Item[] = [];
  examples.forEach((example, group) => {
    const builtin = results[group] as AnalysisResult;
    if (example.sentimentScore !== undefined) {
      const y = sentimentClassOfScore(example.sentimentScore);
      sentimentItems.push({
        group,
        x: articleFeatures(example.input, builtin, bits),
        y,
        builtinY: sentimentClassOfScore(builtin.sentiment.score),
      });
      sentimentScores.push({ y, score: example.sentimentScore });
    }
    const kept = new Map((example.companies ?? []).map((c) => [c.companyId, c.sentimentScore]));
    const removed = new Set(example.removedCompanyIds ?? []);
    for (const mention of builtin.companies) {
      if (mention.companyId === null) continue;
      const score = kept.get(mention.companyId);
      if (score !== undefined) {
        const y = sentimentClassOfScore(score);
        companySentimentItems.push({
          group,
          x: mentionSentimentFeatures(example.input, mention, builtin, bits),
          y,
          builtinY: sentimentClassOfScore(mention.sentimentScore),
        });
        companyScores.push({ y, score });
      }
      if (score !== undefined || removed.has(mention.companyId)) {
        keepItems.push({
          group,
          x: mentionKeepFeatures(example.input, mention, bits),
          y: score !== undefined ? 1 : 0,
          builtinY: 1,
        });
      }
    }
  });

  const crossValidation: CrossValidation = {};
  const fitted = (task: ClassTask): LinearModel | null => {
    if (task.items.length < MIN_FIELD_EXAMPLES || distinctLabels(task.items) < 2) return null;
    const agreement = crossValidate(task, fold, folds, bits, seed);
    crossValidation[task.field] = agreement;
    return agreement.used ? train(task.items, task.classCount, bits, seed) : null;
  };
  const sentiment = fitted({ field: 'sentiment', classCount: 3, items: sentimentItems });
  const companySentiment = fitted({ field: 'companySentiment', classCount: 3, items: companySentimentItems });
  const companyKeep = fitted({ field: 'companies', classCount: 2, items: keepItems });
  const topics = trainTopics(examples, results, fold, folds, bits, seed, crossValidation);

  const data: LearnedModelData = {
    format: 1,
    bits,
    sentiment: sentiment && { model: sentiment.serialize(), classScores: meanScores(sentimentScores) },
    companySentiment: companySentiment && {
      model: companySentiment.serialize(),
      classScores: meanScores(companyScores),
    },
    companyKeep: companyKeep?.serialize() ?? null,
    topics,
  };
  return {
    data,
    crossValidation,
    improves: Object.values(crossValidation).some((agreement) => agreement.used),
  };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/**
 * One binary model per topic editors disagreed with the analyzer about (enough times); an
 * example agrees when its whole topic set matches the editors'.
 */
function trainTopics(
  examples: readonly LearningExample[],
  results: readonly AnalysisResult[],
  fold: number[],
  folds: number,
  bits: number,
  seed: number,
  crossValidation: CrossValidation,
): LearnedModelData['topics'] {
  const labelled = examples.flatMap((example, group) =>
    example.topics === undefined
      ? []
      : [
          {
            group,
            gold: new Set(example.topics),
            builtin: new Set((results[group] as AnalysisResult).topics.map((t) => t.slug)),
            x: articleFeatures(example.input, results[group] as AnalysisResult, bits),
          },
        ],
  );
  if (labelled.length < MIN_FIELD_EXAMPLES) return [];
  const slugs = [...new Set(labelled.flatMap((item) => [...item.gold, ...item.builtin]))].sort();
  const modelled = slugs.filter(
    (slug) =>
      labelled.filter((item) => item.gold.has(slug)).length >= MIN_TOPIC_POSITIVES &&
      labelled.some((item) => item.gold.has(slug) !== item.builtin.has(slug)),
  );
  if (modelled.length === 0) return [];
  const itemsOf = (slug: string, subset: typeof labelled) =>
    subset.map((item) => ({ x: item.x, y: item.gold.has(slug) ? 1 : 0 }));
  const predicted = labelled.map((item) => new Set(item.builtin));
  for (let k = 0; k < folds; k++) {
    const trainSet = labelled.filter((item) => fold[item.group] !== k);
    const testSet = labelled.filter((item) => fold[item.group] === k);
    if (trainSet.length === 0 || testSet.length === 0) continue;
    for (const slug of modelled) {
      const trainItems = itemsOf(slug, trainSet);
      if (new Set(trainItems.map((item) => item.y)).size < 2) continue;
      const model = trainLinearModel(trainItems, { classCount: 2, bits, seed: seed + k });
      for (const item of testSet) {
        const set = predicted[labelled.indexOf(item)] as Set<string>;
        if (argmax(model.predict(item.x)) === 1) set.add(slug);
        else set.delete(slug);
      }
    }
  }
  const n = labelled.length;
  const builtin = labelled.filter((item) => sameSet(item.builtin, item.gold)).length;
  const learned = labelled.filter((item, i) => sameSet(predicted[i] as Set<string>, item.gold)).length;
  crossValidation.topics = { n, builtin: builtin / n, learned: learned / n, used: learned > builtin };
  if (learned <= builtin) return [];
  return modelled.map((slug) => ({
    slug,
    model: trainLinearModel(itemsOf(slug, labelled), { classCount: 2, bits, seed }).serialize(),
  }));
}

/** A stored model ready to apply. */
export interface LoadedLearnedModel {
  /** Recorded with each analysis run it shapes, e.g. `learned-3`. */
  readonly name: string;
  apply(input: AnalyzeInput, builtin: AnalysisResult): AnalysisResult;
}

export function loadLearnedModel(name: string, data: LearnedModelData): LoadedLearnedModel {
  const { bits } = data;
  const sentiment = data.sentiment && {
    model: loadLinearModel(data.sentiment.model),
    classScores: data.sentiment.classScores,
  };
  const companySentiment = data.companySentiment && {
    model: loadLinearModel(data.companySentiment.model),
    classScores: data.companySentiment.classScores,
  };
  const companyKeep = data.companyKeep && loadLinearModel(data.companyKeep);
  const topics = data.topics.map((topic) => ({ slug: topic.slug, model: loadLinearModel(topic.model) }));

  return {
    name,
    apply(input, builtin) {
      const needsArticle = sentiment !== null || topics.length > 0;
      const x = needsArticle ? articleFeatures(input, builtin, bits) : null;
      let result: AnalysisResult = { ...builtin, analyzer: { ...builtin.analyzer, model: name } };
      if (sentiment && x) {
        const p = sentiment.model.predict(x);
        const score = scoreFrom(p, sentiment.classScores);
        result.sentiment = { label: labelForScore(score), score, confidence: Math.max(...p) };
      }
      if (companyKeep || companySentiment) {
        const companies: CompanyMention[] = [];
        for (const mention of builtin.companies) {
          const keep =
            !companyKeep ||
            mention.companyId === null ||
            argmax(companyKeep.predict(mentionKeepFeatures(input, mention, bits))) === 1;
          if (!keep) continue;
          companies.push(
            companySentiment
              ? {
                  ...mention,
                  sentimentScore: scoreFrom(
                    companySentiment.model.predict(mentionSentimentFeatures(input, mention, builtin, bits)),
                    companySentiment.classScores,
                  ),
                }
              : mention,
          );
        }
        result = { ...result, companies };
      }
      if (topics.length > 0 && x) {
        const bySlug = new Map(builtin.topics.map((topic) => [topic.slug, topic]));
        for (const { slug, model } of topics) {
          const p = model.predict(x)[1] ?? 0;
          if (p > 0.5 && !bySlug.has(slug)) bySlug.set(slug, { slug, relevance: Math.round(p * 100) / 100 });
          if (p <= 0.5) bySlug.delete(slug);
        }
        result = { ...result, topics: [...bySlug.values()] };
      }
      return result;
    },
  };
}
