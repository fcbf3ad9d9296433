/**
 * Multi-label topic classification: phrase rules with weights, headline hits
 * counted HEADLINE_BOOST times, each phrase's repeats capped, plus sector
 * hints from the companies found. relevance = 1 - exp(-score / SCALE);
 * topics under MIN_RELEVANCE or under MIN_SHARE_OF_TOP of the best topic's
 * score are dropped, at most MAX_TOPICS are kept. A topic beside the best
 * one also needs a strong phrase in the headline or the lead (the first
 * LEAD_SENTENCES body sentences) or a company sector: a remark deep in the
 * body ("…the strike also hurt the trade balance") is not what a story is about.
 *
 * Language rules on top of the phrase weights:
 * - in ANCHORED_TOPICS, supporting words (weight 1: "deal", "gas", "China") support a topic and
 *   never decide it: they count only when the article has a strong phrase (weight ≥ 2) or a company
 *   sector for that topic, so a sports "deal" is not M&A and a capital city is not geopolitics;
 * - a few supporting words name the story's subject when they stand in the headline (HEADLINE_ANCHORS:
 *   a headline about exports is a trade story, a body sentence mentioning exports is not);
 * - words inside a company's name ("Columbia Gas", "Security Pacific") are the name, not the topic;
 *   the company's registry sector speaks for it instead;
 * - flows of goods belong to what flows: exports, imports and measures on them in a sentence naming a
 *   commodity, a fuel (FLOW_OWNERS) or the carriage of goods (CARRIAGE_WORDS: "freight", "vessels") are
 *   that market's, and in a carriage sentence "trade with" or "trading partners" is the route (ROUTE_PHRASES);
 *   under a headline naming such goods or their carriage, trade is a label only when the headline speaks
 *   of it, however much of a dispute the body tells ("opposition to the EC oils tax": trade officials
 *   quoted all through it make a dispute over edible oils no trade-policy story);
 * - in an analyst's rating statement "to buy" is the rating, not a takeover, and "to buy back" stock a buyback;
 * - rows of a wire-service results table ("Net 5.5 mln vs 4.9 mln") are earnings evidence;
 * - in a story about a company (CENTRAL_COMPANY_RELEVANCE) the economy's supporting words are the
 *   company's own ("growth slows", "raises prices": COMPANY_ANCHORED_TOPICS), and a sector holding
 *   makers and sellers alike hints at whichever of its topics the story's words favour (MIXED_SECTOR_HINTS),
 *   one holding makers beside carriers only at what the words already show (WORD_LED_SECTOR_HINTS);
 * - in a sentence naming debt, a listing and its underwriters are the bond's, not an IPO (LISTING_WORDS);
 * - a phrase after "since" dates something else ("since its IPO"): no topic;
 * - "stake" in its idioms ("jobs at stake", "raises the stakes") is no holding (text/stake-idiom.ts);
 * - a purchase of goods or of money ("to buy 470 jets", "to buy more government bonds") is no takeover
 *   (text/goods-purchase.ts);
 * - a currency after an amount or before a debt ("25 billion Swiss francs", "a Luxembourg franc bond")
 *   is a unit of account, not currency-market news.
 */
import type { TaxonomyTopicSlug } from '../../topics/taxonomy.js';
import type { TopicAssignment } from '../contract.js';
import { RATING_DEAL_WORDS } from '../text/analyst-rating.js';
import { goodsPurchase, isPurchasePhrase } from '../text/goods-purchase.js';
import { isPastReference } from '../text/past-reference.js';
import { expandPatterns, PhraseMatcher } from '../text/phrase-matcher.js';
import type { DocSentence } from '../text/prepare-document.js';
import { namesPricedDeal } from '../text/priced-deal.js';
import { isSportsContext } from '../text/sports-context.js';
import { isStakeIdiom } from '../text/stake-idiom.js';
import type { Token } from '../text/tokenize.js';
import { isOtherTradeSense } from '../text/trade-senses.js';
import {
  hasBuyBack,
  isAmount,
  namesBySentence,
  VerbObjectMatcher,
  type NameSpan,
} from '../text/verb-object.js';
import { isResultsRow } from '../text/wire-format.js';
import {
  ANCHORED_TOPICS,
  CARRIAGE_WORDS,
  COMPANY_ANCHORED_TOPICS,
  CURRENCY_WORDS,
  DEBT_WORDS,
  FLOW_OWNERS,
  FLOW_WORDS,
  HEADLINE_ANCHORS,
  isInsideBankName,
  isPricePaid,
  LISTING_WORDS,
  MIXED_SECTOR_HINTS,
  PER_SHARE_PHRASES,
  PRICE_INDEX_PHRASES,
  PROXIMITY_RULES,
  ROUTE_PHRASES,
  SECTOR_HINTS,
  STAGE_WORDS,
  TOPIC_RULES,
  WORD_LED_SECTOR_HINTS,
} from './topic-rules.js';

const HEADLINE_BOOST = 3;
const REPEAT_CAP = 3;
const SCALE = 8;
const MIN_RELEVANCE = 0.4;
/** A topic must reach this share of the strongest topic's score, so side remarks do not become labels. */
const MIN_SHARE_OF_TOP = 0.45;
const MAX_TOPICS = 4;
const LEAD_SENTENCES = 3;
const FALLBACK_RELEVANCE = 0.2;
const SECTOR_WEIGHT = 5;
/**
 * A company's relevance from which the story is about it: its mixed sector (MIXED_SECTOR_HINTS) hints
 * at a topic, and COMPANY_ANCHORED_TOPICS need a strong phrase.
 */
const CENTRAL_COMPANY_RELEVANCE = 0.5;
const SUPPORTING_WEIGHT = 1;
const TABLE_ROW_WEIGHT = 2;
/** A headline anchor (HEADLINE_ANCHORS) counts as a strong phrase. */
const HEADLINE_ANCHOR_WEIGHT = 2;
/** The repeat counter's key for wire-table rows. */
const TABLE_ROWS = {};
/**
 * Peace between countries, unless a union and its employers make it ("employers' request to reconvene
 * abandoned peace talks"); "strike" is left out, since factions "strike a peace deal".
 */
const PEACE_PHRASES: ReadonlySet<string> = new Set(
  expandPatterns('peace talks/deal/agreement/treaty/accord/plan'),
);
const LABOUR_DISPUTE_WORDS: ReadonlySet<string> = new Set([
  'union',
  'unions',
  'employers',
  'workers',
  'strikers',
  'walkout',
  'dockers',
]);

function isLabourDispute(tokens: readonly Token[]): boolean {
  return tokens.some((t) => LABOUR_DISPUTE_WORDS.has(t.lower));
}

/** The repeat counter's key for priced deals ("$69 billion VMware deal"), and their weight. */
const PRICED_DEALS = {};
const PRICED_DEAL_WEIGHT = 3;

/** `purchase`: the phrase is told with a purchase verb ("to buy", "acquires"), settled once here. */
type Rule = { slug: TaxonomyTopicSlug; weight: number; phrase: string; purchase: boolean }[];

const MATCHER = (() => {
  const merged = new Map<string, Rule>();
  for (const [slug, rules] of Object.entries(TOPIC_RULES) as [
    TaxonomyTopicSlug,
    (typeof TOPIC_RULES)[TaxonomyTopicSlug],
  ][]) {
    for (const [patterns, weight] of rules) {
      for (const phrase of expandPatterns(patterns)) {
        const list = merged.get(phrase) ?? [];
        if (!list.some((r) => r.slug === slug))
          list.push({ slug, weight, phrase, purchase: isPurchasePhrase(phrase) });
        merged.set(phrase, list);
      }
    }
  }
  return new PhraseMatcher(merged);
})();

const PROXIMITY = new VerbObjectMatcher(PROXIMITY_RULES);

/** What is denominated in a currency named before it: "a Swiss franc bond", "yen notes", "a sterling issue". */
const DENOMINATED: ReadonlySet<string> = new Set([
  ...DEBT_WORDS,
  'issue',
  'issues',
  'loan',
  'loans',
  'facility',
]);

/**
 * A currency as a unit of account: after an amount, its country's name between or not ("328 billion
 * yen", "25 billion Swiss francs", "125 mln luxembourg franc"), or as the denomination of a debt
 * ("Luxembourg franc bond").
 */
function isUnitOfAccount(tokens: readonly Token[], start: number, end: number): boolean {
  const before = tokens[start - 1];
  return (
    isAmount(before) ||
    (before?.kind === 'word' && isAmount(tokens[start - 2])) ||
    DENOMINATED.has(tokens[end]?.lower ?? '')
  );
}

/** The first part of a hyphenated compound ("tin" of "tin-export"); '' for a plain word. */
function modifierWord(lower: string): string {
  const hyphen = lower.indexOf('-');
  return hyphen > 0 ? lower.slice(0, hyphen) : '';
}

/** "tin-export quota": the goods of a compound flow own its measures as well. */
function namesGoodsCompound(tokens: readonly Token[]): boolean {
  return tokens.some((t) => GOODS_WORDS.has(modifierWord(t.lower)));
}

/** One-word goods that own their flows (FLOW_OWNERS, strong phrases): "tin", "coffee", "oil". */
const GOODS_WORDS: ReadonlySet<string> = new Set(
  (Object.entries(TOPIC_RULES) as [TaxonomyTopicSlug, (typeof TOPIC_RULES)[TaxonomyTopicSlug]][]).flatMap(
    ([slug, rules]) =>
      FLOW_OWNERS.has(slug)
        ? rules.flatMap(([patterns, weight]) =>
            weight > SUPPORTING_WEIGHT ? expandPatterns(patterns).filter((p) => !p.includes(' ')) : [],
          )
        : [],
  ),
);

interface Deferred {
  score: number;
  /** Some of it stood in the headline or the lead. */
  upfront: boolean;
}

function defer(bucket: Deferred, amount: number, inLead: boolean): void {
  bucket.score += amount;
  bucket.upfront ||= inLead;
}

const DEAL_SETTLES = 3;
/** M&A phrases below the unmistakable ones (acquisition, merger, takeover) but above supporting words. */
function isEverydayDeal(slug: TaxonomyTopicSlug, weight: number): boolean {
  return slug === 'mergers-acquisitions' && weight > SUPPORTING_WEIGHT && weight < DEAL_SETTLES;
}

export function classifyTopics({
  sentences,
  companies,
  names = [],
}: {
  sentences: readonly DocSentence[];
  companies: readonly { sector: string | null; relevance: number }[];
  /** Token spans of company names; topic words inside them do not count. */
  names?: readonly NameSpan[];
}): TopicAssignment[] {
  const scores = new Map<TaxonomyTopicSlug, number>();
  const supporting = new Map<TaxonomyTopicSlug, number>();
  const anchored = new Set<TaxonomyTopicSlug>();
  /** Topics with strong evidence in the headline, the lead or a company's sector. */
  const upfront = new Set<TaxonomyTopicSlug>();
  /**
   * Evidence settled once the whole article is read: energy's production-stage words (STAGE_WORDS),
   * and M&A's everyday deal language (weight-2 phrases, verb-and-object rules), which in a sports
   * context names a transfer (isSportsContext).
   */
  const stage: Deferred = { score: 0, upfront: false };
  const deal: Deferred = { score: 0, upfront: false };
  /**
   * The headline names a commodity, a fuel (FLOW_OWNERS) or the carriage of goods (CARRIAGE_WORDS): duties,
   * quotas and disputes below are its market's.
   */
  let goodsHeadline = false;
  /** The headline names a price index, and whether it names energy too. */
  let priceIndexHeadline = false;
  let energyHeadline = false;
  /** Hits so far per phrase rule, proximity rule or table rows (keyed by the rule itself). */
  const repeats = new Map<object, number>();
  const add = (slug: TaxonomyTopicSlug, amount: number) => scores.set(slug, (scores.get(slug) ?? 0) + amount);
  const count = (key: object, isHeadline: boolean) => {
    const seen = repeats.get(key) ?? 0;
    if (seen >= REPEAT_CAP && !isHeadline) return false;
    repeats.set(key, seen + 1);
    return true;
  };

  const nameSpans = namesBySentence(names);
  /** The story is about a company (COMPANY_ANCHORED_TOPICS). */
  const companyStory = companies.some((c) => c.relevance >= CENTRAL_COMPANY_RELEVANCE);

  for (const sentence of sentences) {
    const boost = sentence.isHeadline ? HEADLINE_BOOST : 1;
    const inLead = sentence.isHeadline || sentence.bodyPosition < LEAD_SENTENCES;
    const anchor = (slug: TaxonomyTopicSlug, amount: number) => {
      anchored.add(slug);
      // Under a commodity's or a fuel's headline, trade is a label only when the headline speaks of it.
      if (inLead && (sentence.isHeadline || !goodsHeadline || slug !== 'geopolitics-trade'))
        upfront.add(slug);
      add(slug, amount);
    };
    const here = nameSpans.get(sentence.index);
    // Words inside a company's name are the name, not the topic ("Columbia Gas", "Pacific Freight").
    const inName = (start: number, end: number) =>
      here?.some((n) => n.start <= start && n.end >= end) === true;
    // "Shares have doubled since its IPO": a past point in time is not what the story is about.
    const matches = MATCHER.matchAll(sentence.tokens).filter(
      (m) => !inName(m.start, m.end) && !isPastReference(sentence.tokens, m.start),
    );
    const proximity = PROXIMITY.hits(sentence, here);
    // "To buy back 5 pct of its shares": the sentence's deal words are a buyback's (looked up once, when
    // a deal word is found).
    let buyback: boolean | undefined;
    /** The sentence buys goods or money ("to buy 470 jets"): its purchase words are no takeover. */
    let purchase: boolean | undefined;
    let sharePriced = false;
    /** The sentence names debt: its listing words are the bond's (LISTING_WORDS). */
    let debt: boolean | undefined;
    for (const rule of proximity) sharePriced ||= rule.pricesShares === true;
    // Goods or their carriage named in the sentence own its flow words ("wheat exports", "freight on imports").
    const carriage = sentence.tokens.some((t, i) => CARRIAGE_WORDS.has(t.lower) && !inName(i, i + 1));
    const goodsNamed =
      carriage ||
      matches.some((m) => m.payload.some((r) => FLOW_OWNERS.has(r.slug) && r.weight > SUPPORTING_WEIGHT));
    if (sentence.isHeadline) goodsHeadline = goodsNamed;
    for (const match of matches) {
      for (const rule of match.payload) {
        if (goodsNamed && rule.slug === 'geopolitics-trade' && FLOW_WORDS.has(rule.phrase)) continue;
        if (carriage && ROUTE_PHRASES.has(rule.phrase)) continue;
        if (
          rule.slug === 'geopolitics-trade' &&
          (isOtherTradeSense(sentence.tokens, match.start, match.end, rule.phrase) ||
            (PEACE_PHRASES.has(rule.phrase) && isLabourDispute(sentence.tokens)))
        )
          continue;
        if (CURRENCY_WORDS.has(rule.phrase) && isUnitOfAccount(sentence.tokens, match.start, match.end))
          continue;
        if (
          rule.slug === 'earnings' &&
          PER_SHARE_PHRASES.has(rule.phrase) &&
          (sharePriced || isPricePaid(sentence.tokens, match.start))
        )
          continue;
        if (rule.slug === 'monetary-policy' && isInsideBankName(sentence.tokens, match.start)) continue;
        // "Jobs at stake", "raises the stakes": no holding.
        if (rule.slug === 'mergers-acquisitions' && isStakeIdiom(sentence.tokens, match.start)) continue;
        if (
          rule.slug === 'ipo' &&
          LISTING_WORDS.has(rule.phrase) &&
          (debt ??= sentence.tokens.some((t) => DEBT_WORDS.has(t.lower)))
        )
          continue;
        // In a buyback sentence only the unmistakable words (a takeover it fends off) stay M&A.
        if (
          rule.slug === 'mergers-acquisitions' &&
          ((sentence.rating && RATING_DEAL_WORDS.has(rule.phrase)) ||
            (rule.weight < DEAL_SETTLES && (buyback ??= hasBuyBack(sentence.tokens))) ||
            (rule.purchase && (purchase ??= goodsPurchase(sentence, here) !== null)))
        )
          continue;
        if (sentence.isHeadline) {
          priceIndexHeadline ||= PRICE_INDEX_PHRASES.has(rule.phrase);
          energyHeadline ||= rule.slug === 'energy';
        }
        if (!count(rule, sentence.isHeadline)) continue;
        if (rule.slug === 'energy' && STAGE_WORDS.has(rule.phrase)) defer(stage, rule.weight * boost, inLead);
        else if (isEverydayDeal(rule.slug, rule.weight)) defer(deal, rule.weight * boost, inLead);
        else if (rule.weight > SUPPORTING_WEIGHT) anchor(rule.slug, rule.weight * boost);
        else if (
          !ANCHORED_TOPICS.has(rule.slug) &&
          !(companyStory && COMPANY_ANCHORED_TOPICS.has(rule.slug))
        ) {
          anchored.add(rule.slug);
          add(rule.slug, rule.weight * boost);
        } else if (sentence.isHeadline && HEADLINE_ANCHORS.has(rule.phrase)) {
          anchor(rule.slug, HEADLINE_ANCHOR_WEIGHT * boost);
        } else {
          supporting.set(rule.slug, (supporting.get(rule.slug) ?? 0) + rule.weight * boost);
        }
      }
    }
    for (const rule of proximity) {
      if (
        rule.slug === 'mergers-acquisitions' &&
        ((buyback ??= hasBuyBack(sentence.tokens)) || (purchase ??= goodsPurchase(sentence, here) !== null))
      )
        continue;
      if (rule.flow === true && (goodsNamed || namesGoodsCompound(sentence.tokens))) continue;
      if (!count(rule, sentence.isHeadline)) continue;
      if (rule.slug === 'mergers-acquisitions') defer(deal, rule.weight * boost, inLead);
      else anchor(rule.slug, rule.weight * boost);
    }
    // "Closes $69 billion VMware deal": a takeover named by its price and its target.
    if (namesPricedDeal(sentence.tokens, here) && count(PRICED_DEALS, sentence.isHeadline))
      defer(deal, PRICED_DEAL_WEIGHT * boost, inLead);
    if (sentence.tableRow && isResultsRow(sentence.text, sentence.tokens) && count(TABLE_ROWS, false))
      anchor('earnings', TABLE_ROW_WEIGHT);
  }
  const hintSector = (slug: TaxonomyTopicSlug, relevance: number) => {
    anchored.add(slug);
    upfront.add(slug);
    add(slug, SECTOR_WEIGHT * relevance);
  };
  // Mixed sectors follow the words read so far, so they are settled before any sector adds its weight.
  // Only a company the story is about speaks for them: a side mention would make a word deep in the
  // body a label.
  const mixed: [TaxonomyTopicSlug, number][] = [];
  for (const company of companies) {
    if (!company.sector || company.relevance < CENTRAL_COMPANY_RELEVANCE) continue;
    for (const [pattern, slugs] of MIXED_SECTOR_HINTS) {
      if (!pattern.test(company.sector)) continue;
      const favoured = slugs.reduce((best, slug) =>
        (scores.get(slug) ?? 0) > (scores.get(best) ?? 0) ? slug : best,
      );
      mixed.push([favoured, company.relevance]);
    }
    for (const [pattern, slug] of WORD_LED_SECTOR_HINTS)
      if (pattern.test(company.sector) && (scores.get(slug) ?? 0) > 0) mixed.push([slug, company.relevance]);
  }
  for (const company of companies) {
    if (!company.sector || WORD_LED_SECTOR_HINTS.some(([pattern]) => pattern.test(company.sector ?? '')))
      continue;
    for (const [pattern, slug] of SECTOR_HINTS)
      if (pattern.test(company.sector)) hintSector(slug, company.relevance);
  }
  for (const [slug, relevance] of mixed) hintSector(slug, relevance);
  const settle = (slug: TaxonomyTopicSlug, bucket: Deferred, decides: boolean) => {
    if (bucket.score === 0) return;
    if (!decides) supporting.set(slug, (supporting.get(slug) ?? 0) + bucket.score);
    else {
      anchored.add(slug);
      if (bucket.upfront) upfront.add(slug);
      add(slug, bucket.score);
    }
  };
  // "Refined copper", "crude palm oil": with a commodity up front, stage words only support energy.
  settle('energy', stage, !upfront.has('commodities'));
  // "Agrees to buy a striker": in a sports story only an acquisition, a merger or a takeover is M&A.
  settle('mergers-acquisitions', deal, deal.score === 0 || !isSportsContext(sentences));
  for (const [slug, amount] of supporting) if (anchored.has(slug)) add(slug, amount);
  // Fuels and utilities in a price-index release are its components (PRICE_INDEX_PHRASES).
  if (priceIndexHeadline && !energyHeadline) scores.delete('energy');

  // Under a commodity's, a fuel's or a freight headline, trade is a label only when the headline speaks
  // of it, even when the body's trade words outweigh the goods.
  if (goodsHeadline && !upfront.has('geopolitics-trade')) scores.delete('geopolitics-trade');

  const top = Math.max(0, ...scores.values());
  return (
    [...scores.entries()]
      .filter(([slug, score]) => score >= top * MIN_SHARE_OF_TOP && (score === top || upfront.has(slug)))
      .map(([slug, score]) => ({ slug, relevance: Math.round((1 - Math.exp(-score / SCALE)) * 1000) / 1000 }))
      .sort((a, b) => b.relevance - a.relevance || a.slug.localeCompare(b.slug))
      // The best topic is kept even when weak so a short article still gets a label.
      .filter((t, i) => t.relevance >= MIN_RELEVANCE || (i === 0 && t.relevance >= FALLBACK_RELEVANCE))
      .slice(0, MAX_TOPICS)
  );
}
