/**
 * Article-level sentiment from sentence evidence. The headline counts most,
 * then the lead; sentences without evidence dilute the mean only partly, so a
 * long neutral body does not erase a clearly negative headline, while one
 * stray word in a long neutral article stays near zero.
 */
import { labelForScore, type SentimentResult } from '../contract.js';
import type { DocSentence } from '../text/prepare-document.js';
import { scoreTokens, type TokenSentiment } from './score-tokens.js';

export const HEADLINE_WEIGHT = 2.5;
const LEAD_WEIGHT = 1.3;
const NEUTRAL_DILUTION = 0.3;

export interface ScoredSentence {
  sentence: DocSentence;
  sentiment: TokenSentiment;
  weight: number;
}

export interface ArticleSentiment extends SentimentResult {
  scored: ScoredSentence[];
}

export function sentenceWeight(sentence: DocSentence): number {
  if (sentence.isHeadline) return HEADLINE_WEIGHT;
  return sentence.bodyPosition < 2 ? LEAD_WEIGHT : 1;
}

/** Weighted mean of scores in which evidence-free items weigh NEUTRAL_DILUTION of their weight. */
export function dilutedMean(
  items: readonly { score: number; weight: number; hasEvidence: boolean }[],
): number {
  let sum = 0;
  let total = 0;
  for (const item of items) {
    const weight = item.hasEvidence ? item.weight : item.weight * NEUTRAL_DILUTION;
    sum += item.score * weight;
    total += weight;
  }
  return total > 0 ? sum / total : 0;
}

export function scoreArticleSentiment({
  sentences,
}: {
  sentences: readonly DocSentence[];
}): ArticleSentiment {
  const scored = sentences.map((sentence) => ({
    sentence,
    sentiment: scoreTokens(sentence.tokens),
    weight: sentenceWeight(sentence),
  }));
  const score = clampUnit(
    dilutedMean(
      scored.map((s) => ({
        score: s.sentiment.score,
        weight: s.weight,
        hasEvidence: s.sentiment.hits.length > 0,
      })),
    ),
  );

  // Confidence: how much evidence there is and how much of it agrees with the verdict.
  let agreeing = 0;
  let absolute = 0;
  let evidenceSentences = 0;
  for (const s of scored) {
    if (s.sentiment.hits.length === 0) continue;
    evidenceSentences++;
    agreeing += s.sentiment.score * s.weight * Math.sign(score || 1);
    absolute += Math.abs(s.sentiment.score) * s.weight;
  }
  const agreement = absolute > 0 ? Math.max(0, agreeing / absolute) : 1;
  const amount = Math.min(1, evidenceSentences / 4);
  const confidence =
    evidenceSentences === 0 ? 0.5 : clamp01(0.3 + 0.35 * agreement * amount + 0.35 * Math.abs(score));
  const rounded = round(score);
  return { label: labelForScore(rounded), score: rounded, confidence: round(confidence), scored };
}

function clampUnit(value: number): number {
  return Math.max(-1, Math.min(1, value));
}

function clamp01(value: number): number {
  return Math.max(0, Math.min(1, value));
}

export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
