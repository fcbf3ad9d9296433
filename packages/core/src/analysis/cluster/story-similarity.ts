/**
 * Whether two articles report the same story.
 *
 *   text       = min(1, wordJaccard / WORD_JACCARD_SATURATION)
 *   score      = text · (0.6 + 0.25·companyOverlap + 0.15·timeCloseness)
 *   nearDuplicate (shingle Jaccard ≥ 0.8) → score ≥ 0.95 unless in conflict (below)
 *   facts      = shared distinctive figures ("$4.2 billion", "7.2%"): with ≥ 2 shared and
 *                an overlap of ≥ 40 %, factScore = min(0.9, 0.3 + 0.1·shared + 0.3·overlap)
 *                · (0.5 + 0.5·timeCloseness) · (companyOverlap > 0 or no companies ? 1 : 0.6)
 *   score      = max(text score, factScore)
 *
 *   conflict   = both name companies but none in common, or both state ≥ 2 distinctive
 *                figures and none in common: score · CONFLICT_PENALTY
 *                (near-duplicate wording does not lift a conflict)
 *
 * Text similarity gates the score: sharing a company on the same day is not
 * enough for two different stories to merge. The conflict rule keeps stories
 * written from one template (an earnings or ratings template filled in with
 * another company and other figures) apart, though their wording overlaps. companyOverlap is the Jaccard
 * index of company ids (0.5 when neither names a company); timeCloseness
 * decays with a 24-hour half-life (0.5 when a time is unknown).
 * Same story when score ≥ STORY_SIMILARITY_THRESHOLD.
 */
import { factOverlap, signatureSimilarity, type TextFingerprint } from './text-fingerprint.js';

export const STORY_SIMILARITY_THRESHOLD = 0.5;
const WORD_JACCARD_SATURATION = 0.35;
const NEAR_DUPLICATE_SHINGLES = 0.8;
const HALF_LIFE_HOURS = 24;
// Low enough that even identical wording cannot reach the threshold on its own.
const CONFLICT_PENALTY = 0.4;
const MIN_FIGURES_FOR_CONFLICT = 2;

export interface StoryFeatures {
  fingerprint: TextFingerprint;
  companyIds: readonly string[];
  publishedAt?: Date | null;
}

export interface StorySimilarity {
  score: number;
  textSimilarity: number;
  companyOverlap: number;
  timeCloseness: number;
  nearDuplicate: boolean;
  sameStory: boolean;
}

export function storySimilarity(a: StoryFeatures, b: StoryFeatures): StorySimilarity {
  const wordJaccard = signatureSimilarity(a.fingerprint.words, b.fingerprint.words);
  const shingleJaccard = signatureSimilarity(a.fingerprint.shingles, b.fingerprint.shingles);
  const textSimilarity = Math.min(1, wordJaccard / WORD_JACCARD_SATURATION);

  const setA = new Set(a.companyIds);
  const setB = new Set(b.companyIds);
  let shared = 0;
  for (const id of setA) if (setB.has(id)) shared++;
  const union = setA.size + setB.size - shared;
  const companyOverlap = union === 0 ? 0.5 : shared / union;

  let timeCloseness = 0.5;
  if (a.publishedAt && b.publishedAt) {
    const hours = Math.abs(a.publishedAt.getTime() - b.publishedAt.getTime()) / 3_600_000;
    timeCloseness = 0.5 ** (hours / HALF_LIFE_HOURS);
  }

  const nearDuplicate = shingleJaccard >= NEAR_DUPLICATE_SHINGLES;
  let score = textSimilarity * (0.6 + 0.25 * companyOverlap + 0.15 * timeCloseness);
  const facts = factOverlap(a.fingerprint.facts, b.fingerprint.facts);
  if (facts.shared >= 2 && facts.overlap >= 0.4) {
    const companiesAgree = companyOverlap > 0 || (setA.size === 0 && setB.size === 0);
    const factScore =
      Math.min(0.9, 0.3 + 0.1 * facts.shared + 0.3 * facts.overlap) *
      (0.5 + 0.5 * timeCloseness) *
      (companiesAgree ? 1 : 0.6);
    score = Math.max(score, factScore);
  }
  const companiesConflict = setA.size > 0 && setB.size > 0 && shared === 0;
  const figuresConflict =
    a.fingerprint.facts.length >= MIN_FIGURES_FOR_CONFLICT &&
    b.fingerprint.facts.length >= MIN_FIGURES_FOR_CONFLICT &&
    facts.shared === 0;
  // A template filled in with other names and figures is worded like a copy; the conflict wins.
  if (companiesConflict || figuresConflict) score *= CONFLICT_PENALTY;
  else if (nearDuplicate) score = Math.max(score, 0.95);
  score = Math.round(score * 1000) / 1000;
  return {
    score,
    textSimilarity,
    companyOverlap,
    timeCloseness,
    nearDuplicate,
    sameStory: score >= STORY_SIMILARITY_THRESHOLD,
  };
}
