/**
 * Event detection over the whole article. A type counts when the headline
 * names it, or the body names it at least twice; headline mentions weigh
 * HEADLINE_BOOST body mentions; heavy types count from one mention. The primary event is the heaviest type found,
 * except that a headline stating an analyst's rating makes the rating primary, and a clear
 * review/opinion piece stays a review even when it mentions a launch.
 */
import { RATING_DEAL_WORDS } from '../text/analyst-rating.js';
import { goodsPurchase, isPurchasePhrase, type PurchaseKind } from '../text/goods-purchase.js';
import { isPastReference } from '../text/past-reference.js';
import { expandPatterns, PhraseMatcher } from '../text/phrase-matcher.js';
import type { DocSentence } from '../text/prepare-document.js';
import { namesPricedDeal } from '../text/priced-deal.js';
import { isSportsContext } from '../text/sports-context.js';
import { isOtherTradeSense } from '../text/trade-senses.js';
import { hasBuyBack, namesBySentence, VerbObjectMatcher, type NameSpan } from '../text/verb-object.js';
import { PROXIMITY_RULES } from '../topics/topic-rules.js';
import {
  isAuditorsExit,
  isLabourContract,
  isNegated,
  isNoFire,
  isReviewLabel,
  launchesNoProduct,
  leavesPost,
  namesFeature,
} from './event-context.js';
import {
  ECONOMIC_RELEASES,
  EVENT_PROXIMITY_RULES,
  EVENT_RULES,
  EVERYDAY_DEAL_PHRASES,
  LAUNCH_EVENT,
  LEADERSHIP_EVENT,
  MERGER_EVENT,
  ORDER_EVENT,
  OUTAGE_EVENT,
  RATING_EVENT,
  RECALL_EVENT,
  REVIEW_EVENT,
  SURPRISE_EVENT,
  type EventProximityRule,
  type EventRule,
} from './event-rules.js';

const HEADLINE_BOOST = 3;
/** Events of trade policy, whose words have other senses (text/trade-senses.ts). */
const TRADE_EVENTS: ReadonlySet<string> = new Set(['export-controls', 'tariffs']);
/** Routine types need two body mentions; a single mention of a heavy event (a ban, a bankruptcy) is already news. */
const MIN_STRENGTH = 2;
const HEAVY_WEIGHT = 0.75;

const MATCHER = new PhraseMatcher<EventRule[]>(
  (() => {
    const merged = new Map<string, EventRule[]>();
    for (const rule of EVENT_RULES)
      for (const phrase of expandPatterns(rule.patterns))
        merged.set(phrase, [...(merged.get(phrase) ?? []), rule]);
    return merged;
  })(),
);

const RATING_RULE = EVENT_RULES.find((rule) => rule.type === RATING_EVENT);
const RELEASES = new PhraseMatcher<true>(new Map([...ECONOMIC_RELEASES].map((phrase) => [phrase, true])));
const RULES_BY_TYPE = new Map(EVENT_RULES.map((rule) => [rule.type, rule]));
const ORDER_RULE = RULES_BY_TYPE.get(ORDER_EVENT);
const MERGER_RULE = RULES_BY_TYPE.get(MERGER_EVENT);

/** Objects the M&A topic takes for words of a business's name ("B and D Instruments") that alone are goods. */
const GOODS_OBJECTS: ReadonlySet<string> = new Set(['products', 'services']);

/** Events told as a verb and its object: layoffs, new chiefs, settlements, export measures (EVENT_PROXIMITY_RULES). */
const PROXIMITY = new VerbObjectMatcher<EventProximityRule>(EVENT_PROXIMITY_RULES);

/**
 * In a headline also the deals the M&A topic reads that way ("to sell its Nigerian onshore unit",
 * "offers $18 a share for <company>"); in a body "sold … shares" or "selling … products" is too
 * often no deal.
 */
const HEADLINE_PROXIMITY = new VerbObjectMatcher<EventProximityRule>([
  ...EVENT_PROXIMITY_RULES,
  ...PROXIMITY_RULES.filter((rule) => rule.slug === 'mergers-acquisitions').map((rule) => ({
    ...rule,
    // "Sells telemarketing services", "buys peanut products": goods, not a business.
    objects: new Set([...rule.objects].filter((word) => !GOODS_OBJECTS.has(word))),
    type: MERGER_EVENT,
  })),
]);

export interface DetectedEvents {
  /** Detected types, heaviest first (a rating stated in the headline first of all). */
  types: string[];
  primary: EventRule | null;
  /** For each detected type, the indexes of the sentences that named it. */
  sentences: Map<string, number[]>;
}

export function detectEvents({
  sentences,
  names = [],
}: {
  sentences: readonly DocSentence[];
  /** Token spans of company names: a company after a deal verb is what is bought or sold. */
  names?: readonly NameSpan[];
}): DetectedEvents {
  const strength = new Map<EventRule, number>();
  const where = new Map<string, number[]>();
  const hit = (rule: EventRule, sentence: DocSentence) => {
    strength.set(rule, (strength.get(rule) ?? 0) + (sentence.isHeadline ? HEADLINE_BOOST : 1));
    const list = where.get(rule.type) ?? [];
    if (list[list.length - 1] !== sentence.index) list.push(sentence.index);
    where.set(rule.type, list);
  };
  let sports: boolean | undefined;
  const nameSpans = namesBySentence(names);
  for (const sentence of sentences) {
    if (sentence.rating && RATING_RULE) hit(RATING_RULE, sentence);
    let buyback: boolean | undefined;
    let release: boolean | undefined;
    const here = nameSpans.get(sentence.index);
    // "To buy 470 jets", "to buy more government bonds": a purchase of goods or money, no takeover.
    const purchase: PurchaseKind | null = goodsPurchase(sentence, here);
    for (const match of MATCHER.matchAll(sentence.tokens)) {
      // "No layoffs planned", "avoids a strike": what is denied or avoided did not happen; "first
      // profit since its IPO": a past point in time.
      if (isNegated(sentence.tokens, match.start) || isPastReference(sentence.tokens, match.start)) continue;
      for (const rule of match.payload) {
        if (rule.headlineOnly && !sentence.isHeadline) continue;
        if (rule.type === LAUNCH_EVENT && launchesNoProduct(sentence.tokens, match.end)) continue;
        // "SEC sanctions broker", "electricity tariff increase": discipline and a utility's prices.
        if (
          TRADE_EVENTS.has(rule.type) &&
          isOtherTradeSense(sentence.tokens, match.start, match.end, phraseAt(sentence, match))
        )
          continue;
        if (rule.type === REVIEW_EVENT && !isReviewLabel(sentence.tokens, match.start, match.end)) continue;
        // "To fire half of its staff", "comes under fire", "over fire risk"; "pulls Recall feature".
        if (rule.type === OUTAGE_EVENT && isNoFire(sentence.tokens, match.start, match.end)) continue;
        if (rule.type === RECALL_EVENT && namesFeature(sentence.tokens, match.start, match.end)) continue;
        if (rule.type === ORDER_EVENT && isLabourContract(sentence.tokens, match.start, match.end)) continue;
        if (
          rule.type === LEADERSHIP_EVENT &&
          (!leavesPost(sentence.tokens, match.end) || isAuditorsExit(sentence.tokens, match.start, match.end))
        )
          continue;
        // "Inflation above forecasts": an economy's release, no company's results.
        if (rule.type === SURPRISE_EVENT && (release ??= isEconomicRelease(sentence, here))) continue;
        if (rule.type === MERGER_EVENT) {
          const phrase = phraseAt(sentence, match);
          // "Upgrades Acme to Buy": in a rating statement "to buy" is the rating, not a takeover.
          if (sentence.rating && RATING_DEAL_WORDS.has(phrase)) continue;
          if (purchase !== null && isPurchasePhrase(phrase)) continue;
          // "Agrees to buy Brazilian striker": a transfer, not a takeover; "to buy back stock" is a
          // buyback ("a buyback to fend off a takeover" still names a takeover).
          if (
            EVERYDAY_DEAL_PHRASES.has(phrase) &&
            ((buyback ??= hasBuyBack(sentence.tokens)) || (sports ??= isSportsContext(sentences)))
          )
            continue;
        }
        hit(rule, sentence);
      }
    }
    const matcher = sentence.isHeadline ? HEADLINE_PROXIMITY : PROXIMITY;
    for (const proximity of matcher.hits(sentence, here)) {
      const rule = RULES_BY_TYPE.get(proximity.type);
      if (rule === undefined) continue;
      // In a sports story a deal verb names a transfer ("sells its striker").
      if (
        rule.type === MERGER_EVENT &&
        (purchase !== null ||
          (buyback ??= hasBuyBack(sentence.tokens)) ||
          (sports ??= isSportsContext(sentences)))
      )
        continue;
      // A sentence the phrase rules already counted for this type counts once.
      if (where.get(rule.type)?.at(-1) === sentence.index) continue;
      hit(rule, sentence);
    }
    // "Closes $69 billion VMware deal": a takeover named by its price and its target.
    if (
      MERGER_RULE &&
      where.get(MERGER_EVENT)?.at(-1) !== sentence.index &&
      namesPricedDeal(sentence.tokens, here) &&
      !(sports ??= isSportsContext(sentences))
    )
      hit(MERGER_RULE, sentence);
    // Goods made to order ("Air India to buy 470 jets") are an order: a contract.
    if (purchase === 'order' && ORDER_RULE && where.get(ORDER_EVENT)?.at(-1) !== sentence.index)
      hit(ORDER_RULE, sentence);
  }
  const found = [...strength.entries()]
    .filter(([rule, s]) => s >= (rule.weight >= HEAVY_WEIGHT ? 1 : MIN_STRENGTH))
    .sort(([a, sa], [b, sb]) => b.weight - a.weight || sb - sa || a.type.localeCompare(b.type))
    .map(([rule]) => rule);
  // "Citi reiterates Buy on Amazon ahead of earnings": a headline stating a rating is a rating story;
  // what the rating comes before or after is its occasion.
  const rating = found.findIndex((rule) => rule.type === RATING_EVENT);
  if (rating > 0 && sentences.some((sentence) => sentence.isHeadline && sentence.rating !== null))
    found.unshift(...found.splice(rating, 1));
  const review = found.find((r) => r.type === REVIEW_EVENT);
  const reviewStrength = review ? (strength.get(review) ?? 0) : 0;
  // A review that mentions the product's launch is still a review; heavier events (bans, lawsuits) still win.
  const primary =
    review && reviewStrength >= HEADLINE_BOOST
      ? (found.find((r) => r.weight > 0.5) ?? review)
      : (found[0] ?? null);
  const types = found.map((r) => r.type);
  return {
    types,
    primary,
    sentences: new Map(types.map((type) => [type, where.get(type) ?? []])),
  };
}

/** The sentence names an economy's release (ECONOMIC_RELEASES) and no company. */
function isEconomicRelease(sentence: DocSentence, names: readonly NameSpan[] | undefined): boolean {
  return (names === undefined || names.length === 0) && RELEASES.matchAll(sentence.tokens).length > 0;
}

function phraseAt(sentence: DocSentence, match: { start: number; end: number }): string {
  return sentence.tokens
    .slice(match.start, match.end)
    .map((t) => t.lower)
    .join(' ');
}
