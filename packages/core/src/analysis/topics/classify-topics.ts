/**
 * Multi-label topic classification: phrase rules with weights, headline hits
 * counted HEADLINE_BOOST times, each phrase's repeats capped, plus sector
 * hints from the companies found. relevance = 1 - exp(-score / SCALE);
 * topics under MIN_RELEVANCE or under MIN_SHARE_OF_TOP of the best topic's
 * score are dropped, at most MAX_TOPICS are kept.
 */
import type { TaxonomyTopicSlug } from '../../topics/taxonomy.js';
import type { TopicAssignment } from '../contract.js';
import { expandPatterns, PhraseMatcher } from '../text/phrase-matcher.js';
import type { DocSentence } from '../text/prepare-document.js';
import { SECTOR_HINTS, TOPIC_RULES } from './topic-rules.js';

const HEADLINE_BOOST = 3;
const REPEAT_CAP = 3;
const SCALE = 8;
const MIN_RELEVANCE = 0.4;
/** A topic must reach this share of the strongest topic's score, so side remarks do not become labels. */
const MIN_SHARE_OF_TOP = 0.3;
const MAX_TOPICS = 4;
const FALLBACK_RELEVANCE = 0.2;
const SECTOR_WEIGHT = 3;

type Rule = { slug: TaxonomyTopicSlug; weight: number; phrase: string }[];

const MATCHER = (() => {
  const merged = new Map<string, Rule>();
  for (const [slug, rules] of Object.entries(TOPIC_RULES) as [
    TaxonomyTopicSlug,
    (typeof TOPIC_RULES)[TaxonomyTopicSlug],
  ][]) {
    for (const [patterns, weight] of rules) {
      for (const phrase of expandPatterns(patterns)) {
        const list = merged.get(phrase) ?? [];
        if (!list.some((r) => r.slug === slug)) list.push({ slug, weight, phrase });
        merged.set(phrase, list);
      }
    }
  }
  return new PhraseMatcher(merged);
})();

export function classifyTopics({
  sentences,
  companies,
}: {
  sentences: readonly DocSentence[];
  companies: readonly { sector: string | null; relevance: number }[];
}): TopicAssignment[] {
  const scores = new Map<TaxonomyTopicSlug, number>();
  const repeats = new Map<string, number>();
  const add = (slug: TaxonomyTopicSlug, amount: number) => scores.set(slug, (scores.get(slug) ?? 0) + amount);

  for (const sentence of sentences) {
    const boost = sentence.isHeadline ? HEADLINE_BOOST : 1;
    for (const match of MATCHER.matchAll(sentence.tokens)) {
      for (const rule of match.payload) {
        const key = `${rule.slug}:${rule.phrase}`;
        const seen = repeats.get(key) ?? 0;
        if (seen >= REPEAT_CAP && !sentence.isHeadline) continue;
        repeats.set(key, seen + 1);
        add(rule.slug, rule.weight * boost);
      }
    }
  }
  for (const company of companies) {
    if (!company.sector) continue;
    for (const [pattern, slug] of SECTOR_HINTS)
      if (pattern.test(company.sector)) add(slug, SECTOR_WEIGHT * company.relevance);
  }

  const top = Math.max(0, ...scores.values());
  return (
    [...scores.entries()]
      .filter(([, score]) => score >= top * MIN_SHARE_OF_TOP)
      .map(([slug, score]) => ({ slug, relevance: Math.round((1 - Math.exp(-score / SCALE)) * 1000) / 1000 }))
      .sort((a, b) => b.relevance - a.relevance || a.slug.localeCompare(b.slug))
      // The best topic is kept even when weak so a short article still gets a label.
      .filter((t, i) => t.relevance >= MIN_RELEVANCE || (i === 0 && t.relevance >= FALLBACK_RELEVANCE))
      .slice(0, MAX_TOPICS)
  );
}
