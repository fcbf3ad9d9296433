/**
 * Importance 1–10.
 *
 *   raw   = 0.40·eventWeight + 0.25·companyProminence + 0.15·coverage + 0.10·novelty + 0.10·sentimentMagnitude
 *   score = clamp(round(1 + 9·raw), 1, 10)
 *
 * eventWeight        weight of the primary event type (event-rules.ts), 0.25 when none is detected
 * companyProminence  registry prominence (1..3) / 3 of the most prominent company with relevance ≥ 0.3;
 *                    0.2 for an unknown organisation, 0 when no company is named
 * coverage           log2(distinct sources in the story cluster) / 4, capped at 1 (1 source → 0, 16+ → 1); 0 if unknown
 * novelty            1 for the first report of a story, 0.3 for a follow-up, 0.7 if unknown
 * sentimentMagnitude |sentiment score|
 */
import type { AnalyzeInput, ImportanceResult } from '../contract.js';
import type { DetectedEvents } from './detect-events.js';

const NO_EVENT_WEIGHT = 0.25;
const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** The coverage factor for a story told by this many distinct sources (as stored in the factors). */
export function coverageFactor(distinctSources: number): number {
  return round3(Math.min(1, Math.log2(Math.max(1, distinctSources)) / 4));
}
const PROMINENT_RELEVANCE = 0.3;

export function scoreImportance({
  events,
  companies,
  coverage,
  sentimentScore,
}: {
  events: DetectedEvents;
  companies: readonly { prominence: number | null; relevance: number }[];
  coverage: AnalyzeInput['coverage'];
  sentimentScore: number;
}): ImportanceResult {
  const eventWeight = events.primary?.weight ?? NO_EVENT_WEIGHT;
  let companyProminence = 0;
  for (const company of companies) {
    if (company.relevance < PROMINENT_RELEVANCE && companies.length > 1) continue;
    const value = company.prominence === null ? 0.2 : Math.max(1, Math.min(3, company.prominence)) / 3;
    companyProminence = Math.max(companyProminence, value);
  }
  const coverageWeight = coverage ? coverageFactor(coverage.distinctSources) : 0;
  const novelty = coverage ? (coverage.isFirstReport ? 1 : 0.3) : 0.7;
  const sentimentMagnitude = Math.min(1, Math.abs(sentimentScore));
  const raw =
    0.4 * eventWeight +
    0.25 * companyProminence +
    0.15 * coverageWeight +
    0.1 * novelty +
    0.1 * sentimentMagnitude;
  return {
    score: Math.max(1, Math.min(10, Math.round(1 + 9 * raw))),
    factors: {
      eventType: events.primary?.type ?? null,
      eventWeight: round3(eventWeight),
      companyProminence: round3(companyProminence),
      coverage: coverageWeight,
      novelty: round3(novelty),
      sentimentMagnitude: round3(sentimentMagnitude),
    },
  };
}
