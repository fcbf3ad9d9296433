import type { SentimentLabelEnum } from '../review/labels.js';
import {
  WINDOW_MS,
  type AlertWindow,
  type AnomalyParams,
  type ArticleParams,
  type AttentionParams,
  type ShiftParams,
} from './rule-params.js';

/** Articles (effective values, rejected ones excluded) of a rule's subject in one window. */
export interface WindowStats {
  count: number;
  /** Sum of effective sentiment scores. */
  scoreSum: number;
}

/** The numbers that crossed: stored with the firing and shown to the user. */
export type AlertFigures = Record<string, number | string | null>;

const round = (value: number) => Math.round(value * 1e4) / 1e4;
const meanOf = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
/** Population standard deviation. */
function stdOf(values: number[]): number {
  const mean = meanOf(values);
  return Math.sqrt(meanOf(values.map((v) => (v - mean) ** 2)));
}

/** An article rule: the article's effective importance and label pass the rule's conditions. */
export function evaluateArticle(
  params: ArticleParams,
  article: {
    importance: number | null;
    sentimentLabel: SentimentLabelEnum | null;
    sentimentScore: number | null;
  },
): AlertFigures | null {
  if (params.minImportance != null && (article.importance ?? 0) < params.minImportance) return null;
  if (
    params.sentiments?.length &&
    (!article.sentimentLabel || !params.sentiments.includes(article.sentimentLabel))
  )
    return null;
  return {
    importance: article.importance,
    sentimentLabel: article.sentimentLabel,
    sentimentScore: article.sentimentScore,
    minImportance: params.minImportance ?? null,
  };
}

/** A shift rule over the current and the previous window; both need `minArticles`. */
export function evaluateShift(
  params: ShiftParams,
  current: WindowStats,
  previous: WindowStats,
): AlertFigures | null {
  if (current.count < params.minArticles || previous.count < params.minArticles) return null;
  const currentMean = current.scoreSum / current.count;
  const previousMean = previous.scoreSum / previous.count;
  const delta = currentMean - previousMean;
  const allowed = (change: number) =>
    params.direction === 'EITHER' || (params.direction === 'UP' ? change > 0 : change < 0);
  const moved = params.minDelta != null && Math.abs(delta) >= params.minDelta - 1e-12 && allowed(delta);
  const t = params.threshold;
  const crossed =
    t != null &&
    ((previousMean < t && currentMean >= t && allowed(1)) ||
      (previousMean >= t && currentMean < t && allowed(-1)));
  if (!moved && !crossed) return null;
  return {
    currentMean: round(currentMean),
    previousMean: round(previousMean),
    delta: round(delta),
    currentCount: current.count,
    previousCount: previous.count,
    minDelta: params.minDelta ?? null,
    threshold: t ?? null,
    crossed: crossed ? (delta > 0 ? 'UP' : 'DOWN') : null,
  };
}

/**
 * An attention rule: the current window's count against the counts of the windows before it.
 * A baseline below one article counts as one, and a standard deviation below one as one, so a
 * subject that is usually silent needs real volume (and `minArticles`) to fire.
 */
export function evaluateAttention(
  params: AttentionParams,
  currentCount: number,
  baselineCounts: number[],
): AlertFigures | null {
  if (currentCount < params.minArticles || baselineCounts.length === 0) return null;
  const baselineMean = meanOf(baselineCounts);
  const baselineStd = stdOf(baselineCounts);
  const ratio = currentCount / Math.max(baselineMean, 1);
  const zScore = (currentCount - baselineMean) / Math.max(baselineStd, 1);
  const value = params.mode === 'RATIO' ? ratio : zScore;
  if (value < params.k - 1e-12) return null;
  return {
    currentCount,
    baselineMean: round(baselineMean),
    baselineStd: round(baselineStd),
    ratio: round(ratio),
    zScore: round(zScore),
    k: params.k,
    mode: params.mode,
  };
}

/**
 * A sentiment anomaly: the last day's mean against the daily means of the trailing days that had
 * articles (at least three such days with some spread, else there is no baseline to be far from).
 */
export function evaluateAnomaly(
  params: AnomalyParams,
  current: WindowStats,
  baselineDays: WindowStats[],
): AlertFigures | null {
  if (current.count < params.minArticles) return null;
  const means = baselineDays.filter((d) => d.count > 0).map((d) => d.scoreSum / d.count);
  if (means.length < 3) return null;
  const baselineMean = meanOf(means);
  const baselineStd = stdOf(means);
  if (baselineStd < 1e-9) return null;
  const currentMean = current.scoreSum / current.count;
  const deviations = (currentMean - baselineMean) / baselineStd;
  if (Math.abs(deviations) < params.k - 1e-12) return null;
  return {
    currentMean: round(currentMean),
    currentCount: current.count,
    baselineMean: round(baselineMean),
    baselineStd: round(baselineStd),
    baselineDays: means.length,
    deviations: round(deviations),
    k: params.k,
  };
}

/** Whether a rule that last fired at `lastFiredAt` is still cooling down at `now`. */
export function isCoolingDown(lastFiredAt: Date | null, cooldownMinutes: number, now: Date): boolean {
  return lastFiredAt !== null && now.getTime() - lastFiredAt.getTime() < cooldownMinutes * 60_000;
}

export interface TimeWindow {
  start: Date;
  end: Date;
}

/**
 * `count` consecutive windows of one length ending at `now`, newest first: [now − w, now),
 * [now − 2w, now − w), …
 */
export function trailingWindows(window: AlertWindow, now: Date, count: number): TimeWindow[] {
  const ms = WINDOW_MS[window];
  return Array.from({ length: count }, (_, i) => ({
    start: new Date(now.getTime() - (i + 1) * ms),
    end: new Date(now.getTime() - i * ms),
  }));
}

/**
 * The de-duplication key of a window rule's firing: the period (UTC hour, day or ISO week) the
 * evaluation falls in, so a window rule fires at most once per period whatever its cooldown.
 */
export function windowPeriodKey(window: AlertWindow, now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCMinutes(0, 0, 0);
  if (window !== 'HOUR') d.setUTCHours(0);
  if (window === 'WEEK') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return `${window.toLowerCase()}:${d.toISOString()}`;
}

/** The de-duplication key of an article rule's firing: one per story cluster (else per article). */
export function storyKey(article: { id: number; clusterId: number | null }): string {
  return article.clusterId === null ? `article:${article.id}` : `cluster:${article.clusterId}`;
}
