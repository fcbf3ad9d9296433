/**
 * The learned layer: small linear models trained from a deployment's own
 * editor decisions, applied on top of the built-in analyzer's result.
 *
 * Fields: article sentiment and per-company sentiment (a class model, and a
 * ridge regression of the editors' score on the rules' score and the words,
 * shrunk toward the rules' score), company matches editors removed, and topics.
 * The per-company head may also learn from the articles' corrected tone (the
 * words of a corrected article read as a mention of its subject): editors
 * correct an article's tone far more often than one company's, and the words
 * that move one move the other; cross-validation on the company corrections
 * alone decides whether they help.
 * Each field is cross-validated (k folds, articles never split across folds)
 * against the built-in analyzer on the same examples, which also chooses the
 * field's penalty, override threshold and shrinkage; a field's model is kept
 * only when it agrees with the editors more often than the built-in analyzer
 * did (sentiment: as often, with scores closer to the editors').
 */
import {
  labelForScore,
  type AnalysisResult,
  type AnalyzeInput,
  type CompanyMention,
} from '../analysis/contract.js';
import { DEFAULT_HASH_BITS, type SparseVector } from './hashed-features.js';
import {
  articleFeatures,
  articleMentionFeatures,
  mentionKeepFeatures,
  mentionSentimentFeatures,
} from './learning-features.js';
import {
  loadLinearModel,
  predictValue,
  trainLinearModel,
  trainLinearRegression,
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
  /** Sentiment fields: root-mean-square distance from the editors' scores. */
  scoreError?: { builtin: number; learned: number };
  /** The company head learned from the articles' corrected tone as well (ClassTask.pool). */
  pooled?: boolean;
}
export type CrossValidation = Partial<Record<LearnedField, FieldAgreement>>;

interface SentimentHead {
  model: SerializedLinearModel;
  /** Mean editor score of each class (bearish, neutral, bullish): the score is their expectation. */
  classScores: number[];
  /**
   * The model overrides the rules' class only when its probability for its own class reaches
   * this (chosen by cross-validation; absent in older models: always).
   */
  minConfidence?: number;
  /**
   * Ridge regression of the editors' score minus the rules' score (absent in older models: the
   * rules' score is kept within the class).
   */
  scoreModel?: SerializedLinearModel;
  /** How much of the regression's correction is applied (chosen by cross-validation). */
  scoreShrink?: number;
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
const DEFAULT_FOLDS = 10;
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

/** A sentiment head ready to apply: the class model, and how a score is drawn from it. */
interface SentimentPredictor {
  model: LinearModel;
  classScores: number[];
  minConfidence: number;
  scoreModel: LinearModel | null;
  scoreShrink: number;
}

/**
 * Override thresholds cross-validation chooses from (a third is argmax over three classes); 1
 * never overrides the rules' class, leaving the head only its score correction.
 */
const MIN_CONFIDENCES = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1] as const;
/** Shares of the score regression's correction cross-validation chooses from (0: the rules' score). */
const SCORE_SHRINKS = [0, 0.25, 0.5, 0.75, 1] as const;
/** L2 penalties of the class models cross-validation chooses from. */
const CLASS_L2S: readonly number[] = [1e-3, 3e-3, 1e-2];

function clampToClass(score: number, best: number): number {
  if (best === BULLISH) return Math.min(1, Math.max(0.15, score));
  if (best === BEARISH) return Math.max(-1, Math.min(-0.15, score));
  return Math.max(-0.14, Math.min(0.14, score));
}

/** How a head is trained and turns its models' outputs into a score; cross-validation picks one per field. */
interface HeadSetting {
  /** The class model's L2 penalty. */
  l2: number;
  minConfidence: number;
  scoreShrink: number;
  /** Trained on the task's pool as well as its own items. */
  pooled: boolean;
}

/**
 * The head's score for one article or mention. The class is the model's where it is sure
 * enough (`minConfidence`), else the rules'. The score starts from the rules' score — its
 * magnitude (how strong the news is) is what editors' scores follow and a class does not
 * carry — plus the regression's learned correction, shrunk by `scoreShrink` toward the rules'
 * and kept inside the chosen class's bucket, so label and score never disagree. A class the
 * model changed with no correction to move into it takes the expected score under the class
 * probabilities, kept inside that class's bucket.
 */
function headScore(
  head: SentimentPredictor,
  x: SparseVector,
  builtinScore: number,
  setting: Omit<HeadSetting, 'l2' | 'pooled'> = head,
): { score: number; confidence: number } {
  const p = head.model.predict(x);
  const correction = head.scoreModel ? predictValue(head.scoreModel, x) : 0;
  return combineHead(p, correction, head.classScores, builtinScore, setting);
}

function combineHead(
  p: number[],
  correction: number,
  classScores: number[],
  builtinScore: number,
  { minConfidence, scoreShrink }: Omit<HeadSetting, 'l2' | 'pooled'>,
): { score: number; confidence: number } {
  const best = argmax(p);
  const confidence = p[best] ?? 0;
  const builtinClass = sentimentClassOfScore(builtinScore);
  const corrected = builtinScore + scoreShrink * correction;
  if (best === builtinClass || confidence < minConfidence || minConfidence >= 1) {
    // Without a correction the rules' score stands exactly (also for models stored before it).
    const score = scoreShrink > 0 ? clampToClass(corrected, builtinClass) : builtinScore;
    return { score, confidence: p[builtinClass] ?? 0 };
  }
  const start = scoreShrink > 0 ? corrected : p.reduce((sum, pc, c) => sum + pc * (classScores[c] ?? 0), 0);
  return { score: clampToClass(start, best), confidence };
}

interface Item {
  /** The example it came from: folds never split an article. */
  group: number;
  x: SparseVector;
  y: number;
  builtinY: number;
  /** The editor's score and the rules' score (sentiment fields). */
  score?: number;
  builtinScore?: number;
}

interface ClassTask {
  field: Exclude<LearnedField, 'topics'>;
  classCount: number;
  items: Item[];
  /** A sentiment field: editors set a score, and the head predicts one. */
  scored: boolean;
  /**
   * Items of another field that may teach this one (the company head: each corrected article's
   * tone). Cross-validation trains with and without them and tests on the task's own items only.
   */
  pool?: readonly Item[];
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

function train(
  items: readonly Item[],
  classCount: number,
  bits: number,
  seed: number,
  l2?: number,
): LinearModel {
  return trainLinearModel(items, { classCount, bits, seed, l2 });
}

function argmax(p: number[]): number {
  return p.indexOf(Math.max(...p));
}

/** The ridge regression of the editors' score minus the rules' score. */
function fitScoreModel(items: readonly Item[], bits: number, seed: number): LinearModel {
  return trainLinearRegression(
    items.map((item) => ({ x: item.x, y: (item.score ?? 0) - (item.builtinScore ?? 0) })),
    { bits, seed },
  );
}

/** The items a setting trains on: the task's own, and its pool when the setting takes it. */
function trainingItems(task: ClassTask, pooled: boolean, keep: (item: Item) => boolean = () => true): Item[] {
  const own = task.items.filter(keep);
  return pooled && task.pool ? [...own, ...task.pool.filter(keep)] : own;
}

/** A sentiment head from its items: the class model, each class's mean editor score, the score regression. */
function fitPredictor(
  items: readonly Item[],
  bits: number,
  seed: number,
  setting: HeadSetting,
): SentimentPredictor {
  return {
    model: train(items, 3, bits, seed, setting.l2),
    classScores: meanScores(items.map((item) => ({ y: item.y, score: item.score ?? 0 }))),
    scoreModel: setting.scoreShrink > 0 ? fitScoreModel(items, bits, seed) : null,
    minConfidence: setting.minConfidence,
    scoreShrink: setting.scoreShrink,
  };
}

/** Whether a task is tried with its pool: without it first, so a tie keeps the task's own items alone. */
function poolingsOf(task: ClassTask): boolean[] {
  return task.pool && task.pool.length > 0 ? [false, true] : [false];
}

/** Every setting cross-validation tries for a task. */
function settingsOf(task: ClassTask): HeadSetting[] {
  return poolingsOf(task).flatMap((pooled) =>
    CLASS_L2S.flatMap((l2) =>
      task.scored
        ? MIN_CONFIDENCES.flatMap((minConfidence) =>
            SCORE_SHRINKS.map((scoreShrink) => ({ l2, minConfidence, scoreShrink, pooled })),
          )
        : [{ l2, minConfidence: 0, scoreShrink: 0, pooled }],
    ),
  );
}

/** One fold's models for one pooling: a class model per penalty, the score regression, class means. */
interface FoldModels {
  classModels: Map<number, LinearModel>;
  scoreModel: LinearModel | null;
  classScores: number[];
}

/** What one fold's models for one pooling say about a test item. */
interface FoldOutputs {
  /** Class probabilities per penalty. */
  p: Map<number, number[]>;
  correction: number;
  classScores: number[];
}

/**
 * Cross-validated agreement of the built-in analyzer and of the model on one classification
 * task, for every setting (class models' penalty; for sentiment heads also the override
 * threshold and the score correction's shrinkage). The setting that agrees most often is kept —
 * among equals, the one whose scores sit closest to the editors' — and reported with the
 * root-mean-square distance of its scores and of the rules' scores from the editors'.
 */
function crossValidate(
  task: ClassTask,
  fold: number[],
  folds: number,
  bits: number,
  seed: number,
): FieldAgreement & { setting: HeadSetting } {
  const settings = settingsOf(task);
  const learned = settings.map(() => 0);
  const squares = settings.map(() => 0);
  for (let k = 0; k < folds; k++) {
    const inTraining = (item: Item) => fold[item.group] !== k;
    const testItems = task.items.filter((item) => !inTraining(item));
    if (testItems.length === 0 || testItems.length === task.items.length) continue;
    const byPooling = new Map<boolean, FoldModels>(
      poolingsOf(task).map((pooled) => {
        const trainItems = trainingItems(task, pooled, inTraining);
        return [
          pooled,
          {
            classModels: new Map(
              CLASS_L2S.map((l2) => [l2, train(trainItems, task.classCount, bits, seed + k, l2)]),
            ),
            scoreModel: task.scored ? fitScoreModel(trainItems, bits, seed + k) : null,
            classScores: meanScores(trainItems.map((item) => ({ y: item.y, score: item.score ?? 0 }))),
          },
        ];
      }),
    );
    for (const item of testItems) {
      const outputs = new Map<boolean, FoldOutputs>(
        [...byPooling].map(([pooled, { classModels, scoreModel, classScores }]) => [
          pooled,
          {
            p: new Map([...classModels].map(([l2, model]) => [l2, model.predict(item.x)])),
            correction: scoreModel ? predictValue(scoreModel, item.x) : 0,
            classScores,
          },
        ]),
      );
      settings.forEach((setting, t) => {
        const output = outputs.get(setting.pooled);
        if (output === undefined) return;
        const { p, correction, classScores } = output;
        const probabilities = p.get(setting.l2) ?? [];
        if (!task.scored) {
          if (argmax(probabilities) === item.y) learned[t] = (learned[t] ?? 0) + 1;
          return;
        }
        const { score } = combineHead(
          probabilities,
          correction,
          classScores,
          item.builtinScore ?? 0,
          setting,
        );
        if (sentimentClassOfScore(score) === item.y) learned[t] = (learned[t] ?? 0) + 1;
        squares[t] = (squares[t] ?? 0) + (score - (item.score ?? 0)) ** 2;
      });
    }
  }
  let best = 0;
  settings.forEach((_, t) => {
    const more = (learned[t] ?? 0) - (learned[best] ?? 0);
    if (more > 0 || (more === 0 && (squares[t] ?? 0) < (squares[best] ?? 0))) best = t;
  });
  const builtin = task.items.filter((item) => item.builtinY === item.y).length;
  const n = task.items.length;
  const agreed = learned[best] ?? 0;
  const setting = settings[best] as HeadSetting;
  const agreement = {
    n,
    builtin: builtin / n,
    learned: agreed / n,
    used: agreed > builtin,
    ...(setting.pooled && { pooled: true }),
  };
  if (!task.scored) return { ...agreement, setting };
  const builtinSquares = task.items.reduce(
    (sum, item) => sum + ((item.builtinScore ?? 0) - (item.score ?? 0)) ** 2,
    0,
  );
  const scoreError = {
    builtin: Math.sqrt(builtinSquares / n),
    learned: Math.sqrt((squares[best] ?? 0) / n),
  };
  // Agreeing as often, a model whose scores sit closer to the editors' still beats the rules.
  const used = agreed > builtin || (agreed === builtin && scoreError.learned < scoreError.builtin);
  return { ...agreement, scoreError, used, setting };
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
  /** Each corrected article's tone as a mention's, for the company head (ClassTask.pool). */
  const articleToneItems: Item[] = [];
  const companySentimentItems: Item[] = [];
  const keepItems: Item[] = [];
  examples.forEach((example, group) => {
    const builtin = results[group] as AnalysisResult;
    if (example.sentimentScore !== undefined) {
      const y = sentimentClassOfScore(example.sentimentScore);
      const item: Item = {
        group,
        x: articleFeatures(example.input, builtin, bits),
        y,
        builtinY: sentimentClassOfScore(builtin.sentiment.score),
        score: example.sentimentScore,
        builtinScore: builtin.sentiment.score,
      };
      sentimentItems.push(item);
      articleToneItems.push({ ...item, x: articleMentionFeatures(example.input, builtin, bits) });
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
          score,
          builtinScore: mention.sentimentScore,
        });
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
  /** The task's cross-validation, recorded; null when the field teaches too little to try. */
  const validated = (task: ClassTask) => {
    if (task.items.length < MIN_FIELD_EXAMPLES || distinctLabels(task.items) < 2) return null;
    const { setting, ...agreement } = crossValidate(task, fold, folds, bits, seed);
    crossValidation[task.field] = agreement;
    return agreement.used ? setting : null;
  };
  const head = (task: ClassTask): SentimentHead | null => {
    const chosen = validated(task);
    if (!chosen) return null;
    const items = trainingItems(task, chosen.pooled);
    const { model, classScores, scoreModel } = fitPredictor(items, bits, seed, chosen);
    return {
      model: model.serialize(),
      classScores,
      minConfidence: chosen.minConfidence,
      ...(scoreModel && { scoreModel: scoreModel.serialize(), scoreShrink: chosen.scoreShrink }),
    };
  };
  const sentiment = head({ field: 'sentiment', classCount: 3, items: sentimentItems, scored: true });
  const companySentiment = head({
    field: 'companySentiment',
    classCount: 3,
    items: companySentimentItems,
    scored: true,
    pool: articleToneItems,
  });
  const keepTask: ClassTask = { field: 'companies', classCount: 2, items: keepItems, scored: false };
  const keepSetting = validated(keepTask);
  const companyKeep = keepSetting ? train(keepItems, 2, bits, seed, keepSetting.l2) : null;
  const topics = trainTopics(examples, results, fold, folds, bits, seed, crossValidation);

  const data: LearnedModelData = {
    format: 1,
    bits,
    sentiment,
    companySentiment,
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

function loadHead(head: SentimentHead): SentimentPredictor {
  return {
    model: loadLinearModel(head.model),
    classScores: head.classScores,
    minConfidence: head.minConfidence ?? 0,
    scoreModel: head.scoreModel ? loadLinearModel(head.scoreModel) : null,
    scoreShrink: head.scoreShrink ?? 0,
  };
}

export function loadLearnedModel(name: string, data: LearnedModelData): LoadedLearnedModel {
  const { bits } = data;
  const sentiment = data.sentiment && loadHead(data.sentiment);
  const companySentiment = data.companySentiment && loadHead(data.companySentiment);
  const companyKeep = data.companyKeep && loadLinearModel(data.companyKeep);
  const topics = data.topics.map((topic) => ({ slug: topic.slug, model: loadLinearModel(topic.model) }));

  return {
    name,
    apply(input, builtin) {
      const needsArticle = sentiment !== null || topics.length > 0;
      const x = needsArticle ? articleFeatures(input, builtin, bits) : null;
      let result: AnalysisResult = { ...builtin, analyzer: { ...builtin.analyzer, model: name } };
      if (sentiment && x) {
        const { score, confidence } = headScore(sentiment, x, builtin.sentiment.score);
        result.sentiment = { label: labelForScore(score), score, confidence };
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
                  sentimentScore: headScore(
                    companySentiment,
                    mentionSentimentFeatures(input, mention, builtin, bits),
                    mention.sentimentScore,
                  ).score,
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
