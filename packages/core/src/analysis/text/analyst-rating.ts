/**
 * Analyst rating statements: "<Broker> upgrades <Company> to Buy",
 * "initiates coverage of <Company> with an Overweight rating", "Maintains
 * Outperform", "raises price target to $250", a target told without "price"
 * ("lifts Apple target to $240") and a change of stance ("turns bearish on
 * Tesla"). In such a sentence "to buy" and "buy" name a rating, not a
 * transaction, and the company after the rating verb is the one rated; the one
 * before it is the broker. A bare upgrade or downgrade with nothing of a rating
 * around it is tentative until company matching settles it
 * (settleTentativeRatings).
 */
import { expandPatterns, PhraseMatcher, wordSet } from './phrase-matcher.js';
import { CURRENCY_SIGNS, MAGNITUDE_WORDS, type Token } from './tokenize.js';

const RATINGS =
  'buy/sell/hold/neutral/outperform/underperform/overweight/underweight/equal-weight/equalweight/accumulate/reduce/positive/negative/peer-perform';

/** Phrases that make a sentence a rating statement; the verb is the first word. */
const RATING_PATTERNS = [
  'upgrade|upgrades|upgraded|upgrading|downgrade|downgrades|downgraded|downgrading',
  'initiates/initiated/initiating/starts/started/begins/began/resumes/resumed/assumes/assumed/launches coverage',
  `initiates/initiated/initiating/starts/started/reiterates/reiterated/reiterating/maintains/maintained/maintaining/keeps/kept/affirms/affirmed/reaffirms/reaffirmed/rates/rated/resumes/resumed ${RATINGS}`,
  // "Started with" and "starts at" are everyday words; a broker's start names its rating ("at buy" below).
  'initiates/initiated/initiating/reiterates/reiterated/maintains/maintained/keeps/kept/affirms/affirmed/reaffirms/reaffirmed/rates/rated at/with/as',
  'initiates/initiated/reiterates/reiterated/maintains/maintained/keeps/kept/affirms/affirmed/reaffirms/reaffirmed rating/ratings',
  'strong buy|market perform|sector perform|market outperform|sector outperform|equal weight|in-line|top pick',
  'price target|price targets|target price|target prices|pt',
  `${RATINGS} rating|rating on|ratings on|coverage of|coverage on`,
  // "initiated Acme at buy", "started with an overweight".
  'at/with buy/sell/outperform/underperform/overweight/underweight/equal-weight/accumulate|with a/an buy/sell/hold/neutral/outperform/underperform/overweight/underweight/equal-weight',
].join('|');

/** What a phrase of the matcher is: a rating phrase, or a word that lets a target or a stance form be looked for. */
type Found = 'rating' | 'target' | 'stance';
/** Words of an upgrade or a downgrade alone: a rating's, or a product's ("Siri AI upgrade"). */
const CHANGE_WORDS = new Set([
  'upgrade',
  'upgrades',
  'upgraded',
  'upgrading',
  'downgrade',
  'downgrades',
  'downgraded',
  'downgrading',
]);
const RATING_VERBS = new Set([
  ...CHANGE_WORDS,
  'initiates',
  'initiated',
  'initiating',
  'starts',
  'started',
  'begins',
  'began',
  'resumes',
  'resumed',
  'assumes',
  'assumed',
  'reiterates',
  'reiterated',
  'reiterating',
  'maintains',
  'maintained',
  'maintaining',
  'keeps',
  'kept',
  'affirms',
  'affirmed',
  'reaffirms',
  'reaffirmed',
  'rates',
  'raises',
  'raised',
  'lifts',
  'lifted',
  'boosts',
  'boosted',
  'hikes',
  'cuts',
  'cut',
  'lowers',
  'lowered',
  'trims',
  'trimmed',
  'slashes',
  'slashed',
]);
/** Deal words that, inside a rating statement, name the rating ("upgraded to buy"), not a transaction. */
export const RATING_DEAL_WORDS = new Set(['to buy', 'buy', 'buys', 'buying', 'to sell', 'sell']);

export interface RatingStatement {
  /** Token index of the first rating verb ("upgrades", "maintains", "raises" before "price target"). */
  verb: number;
  /**
   * Only a bare upgrade or downgrade was found, with nothing of a rating around it: "Harbor Ridge
   * upgrades Fabrikam" is a rating, "Apple upgrades MacBook Air" is not. It stands only when a
   * registered company follows the verb (settleTentativeRatings).
   */
  tentative?: true;
}

/** Verbs that move a rating when followed by "to <rating>": "lifts Acme to buy", "cuts Acme to hold". */
const RAISING_VERBS = wordSet('lifts lifted raises raised ups upped boosts boosted');
const CHANGE_VERBS = new Set([
  ...RAISING_VERBS,
  ...wordSet('moves moved cuts cut lowers lowered trims trimmed'),
]);
/** The ratings a change may move to, by side: 1 the buy side, -1 the sell side, 0 in between. */
const RATING_SIDES = new Map<string, number>([
  ...'buy outperform overweight accumulate'.split(' ').map((w) => [w, 1] as const),
  ...'sell underperform underweight'.split(' ').map((w) => [w, -1] as const),
  ...'hold neutral equal-weight'.split(' ').map((w) => [w, 0] as const),
]);
export const CHANGED_TO: ReadonlySet<string> = new Set(RATING_SIDES.keys());
/** What may follow "to <rating>" in a rating change ("to Buy from Hold", "to Buy, shares jump"). */
const AFTER_RATING = new Set(['from', 'on', 'after', 'at', 'with', 'citing', 'as']);
const CHANGE_WINDOW = 5;

export interface RatingChange {
  /** Token index of the change verb ("lifts"). */
  verb: number;
  /** Token index of the rating moved to ("buy" of "to buy"). */
  rating: number;
  /** Up or down the scale, 0 when the words do not tell ("moves Acme to Hold"). */
  direction: number;
}

/**
 * Which way a rating moved: the rating left says it ("to Neutral from Buy"), else the side moved to
 * ("to Sell"), else the verb ("raises to Hold", "cuts to Hold"; "moves to Hold" tells none).
 */
function changeDirection(verb: string, side: number, from: number | undefined): number {
  if (from !== undefined) return Math.sign(side - from);
  if (side !== 0) return side;
  if (verb === 'moves' || verb === 'moved') return 0;
  return RAISING_VERBS.has(verb) ? 1 : -1;
}

/** "Northgate lifts Litware to Buy": a change verb a few words before "to <rating>" at a clause's end. */
export function findRatingChange(tokens: readonly Token[]): RatingChange | null {
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i - 1]?.lower !== 'to') continue;
    const side = RATING_SIDES.get(tokens[i]?.lower ?? '');
    if (side === undefined) continue;
    const next = tokens[i + 1];
    if (next !== undefined && next.kind !== 'punct' && !AFTER_RATING.has(next.lower)) continue;
    for (let k = i - 2; k >= 0 && k >= i - 1 - CHANGE_WINDOW; k--) {
      const verb = tokens[k]?.lower ?? '';
      if (!CHANGE_VERBS.has(verb)) continue;
      const from = next?.lower === 'from' ? RATING_SIDES.get(tokens[i + 2]?.lower ?? '') : undefined;
      return { verb: k, rating: i, direction: changeDirection(verb, side, from) };
    }
  }
  return null;
}

/** Magnitudes after a figure ("$5m" too): "to $5 billion" is a sum raised, not a share price. */
const SUM_WORDS: ReadonlySet<string> = new Set([...MAGNITUDE_WORDS, 'm', 'b']);
/** Those who change a company's target for it: "Analysts raise Meta targets". */
const ANALYST_WORDS = new Set(['analyst', 'analysts', 'broker', 'brokers', 'brokerage', 'brokerages']);
const TARGET_WORDS = new Set(['target', 'targets']);
const TARGET_VERBS = new Set([
  ...CHANGE_VERBS,
  ...'raise lift lower trim cut boost hike hikes hiked slash slashes slashed'.split(' '),
]);
const TARGET_WINDOW = 4;

/** "to $240": a share price, a currency sign and a figure with no magnitude after it. */
function isSharePrice(tokens: readonly Token[], at: number): boolean {
  return (
    CURRENCY_SIGNS.has(tokens[at]?.lower ?? '') &&
    tokens[at + 1]?.kind === 'number' &&
    !SUM_WORDS.has(tokens[at + 2]?.lower ?? '')
  );
}

/**
 * A broker's target told without "price": "lifts Apple target to $240", "cuts target to $150",
 * "trims target on Contoso", "Analysts raise Meta targets". A company's own targets ("raises
 * fundraising target to $5 billion", "cuts EV sales target") name no share price and no analyst.
 */
function findTargetChange(tokens: readonly Token[]): number {
  for (let k = 0; k < tokens.length; k++) {
    if (!TARGET_VERBS.has(tokens[k]?.lower ?? '')) continue;
    for (let j = k + 1; j < tokens.length && j <= k + TARGET_WINDOW; j++) {
      if (!TARGET_WORDS.has(tokens[j]?.lower ?? '')) continue;
      const next = tokens[j + 1]?.lower;
      if (
        (next === 'to' && isSharePrice(tokens, j + 2)) ||
        (j === k + 1 && (next === 'on' || next === 'for') && tokens[j + 2]?.kind === 'word') ||
        tokens.slice(0, k).some((t) => ANALYST_WORDS.has(t.lower))
      )
        return k;
      break;
    }
  }
  return -1;
}

/** A broker's change of stance: "turns bullish on Contoso", "turned cautious on chipmakers". */
const STANCE_VERBS = new Set(['turns', 'turned', 'turning', 'turn', 'goes', 'went']);
const STANCES = new Set(['bullish', 'bearish', 'positive', 'negative', 'cautious', 'constructive']);
/** The crowd turning bearish is the market's mood, not a rating ("Investors turn bearish on tech"). */
const CROWD_WORDS = new Set([
  'investors',
  'traders',
  'speculators',
  'funds',
  'consumers',
  'shoppers',
  'voters',
]);

function findStanceChange(tokens: readonly Token[]): number {
  for (let k = 0; k + 2 < tokens.length; k++) {
    if (!STANCE_VERBS.has(tokens[k]?.lower ?? '') || !STANCES.has(tokens[k + 1]?.lower ?? '')) continue;
    if (tokens[k + 2]?.lower !== 'on') continue;
    if (tokens.slice(0, k).some((t) => CROWD_WORDS.has(t.lower))) return -1;
    return k;
  }
  return -1;
}

/** What a company upgrades of its own: "upgrades profit guidance", "downgrades its outlook". */
const GUIDANCE_WORDS = new Set(['guidance', 'forecast', 'forecasts', 'outlook', 'targets']);
/** Words between the verb and its own guidance; a name there ("upgrades Ford outlook") is a rating's. */
const OWN_GUIDANCE_WORDS = new Set([
  'its',
  'their',
  'the',
  'profit',
  'earnings',
  'revenue',
  'sales',
  'full-year',
  'annual',
  'margin',
]);

/**
 * What a company upgrades of its own, named before the upgrade: "record profit upgrade". An outlook
 * upgraded is as often an agency's ("Contoso's outlook upgraded to stable by Moody's").
 */
const OWN_UPGRADED = new Set([
  'profit',
  'profits',
  'earnings',
  'revenue',
  'sales',
  'margin',
  'guidance',
  'forecast',
  'forecasts',
]);

/**
 * "Rolls-Royce upgrades profit guidance", "shares soar after record profit upgrade": an upgrade of the
 * company's own forecast is no rating.
 */
function upgradesGuidance(tokens: readonly Token[], at: number): boolean {
  if (OWN_UPGRADED.has(tokens[at - 1]?.lower ?? '')) return true;
  for (let i = at + 1; i < Math.min(tokens.length, at + 4); i++) {
    const lower = tokens[i]?.lower ?? '';
    if (GUIDANCE_WORDS.has(lower)) return true;
    if (!OWN_GUIDANCE_WORDS.has(lower)) return false;
  }
  return false;
}

/** Rating phrases, and the words a target or a stance form needs (most sentences have none of them). */
const MATCHER = new PhraseMatcher<Found>([
  ...expandPatterns(RATING_PATTERNS).map((p) => [p, 'rating'] as const),
  ...[...TARGET_WORDS].map((word) => [word, 'target'] as const),
  ...[...STANCES].map((word) => [word, 'stance'] as const),
]);

/** The earlier of two token indexes, -1 standing for none. */
function earlier(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** The rating statement of a sentence, or null when it is not one. */
export function findRatingStatement(tokens: readonly Token[]): RatingStatement | null {
  const scan = scanRatingPhrases(tokens);
  // "Turns bearish on Contoso, cuts target to $150": the first rating verb follows the broker.
  let verb = earlier(findRatingChange(tokens)?.verb ?? -1, scan.verb);
  if (scan.target) verb = earlier(verb, findTargetChange(tokens));
  if (scan.stance) verb = earlier(verb, findStanceChange(tokens));
  if (verb >= 0) return { verb };
  return scan.bareChange >= 0 ? { verb: scan.bareChange, tentative: true } : null;
}

/**
 * Settles the tentative ratings of a document (RatingStatement.tentative): one whose verb is followed by a
 * registered company's name is a rating; any other is dropped.
 */
export function settleTentativeRatings(
  sentences: readonly { index: number; rating: RatingStatement | null }[],
  names: readonly { sentenceIndex: number; start: number }[],
): void {
  for (const sentence of sentences) {
    const rating = sentence.rating;
    if (rating?.tentative !== true) continue;
    const rated = names.some((n) => n.sentenceIndex === sentence.index && n.start === rating.verb + 1);
    sentence.rating = rated ? { verb: rating.verb } : null;
  }
}

/**
 * What makes an upgrade a rating's: a rating or its level, what is rated (stock, debt, credit), who rates
 * (analysts, the rating agencies), "downgraded by", or a listed company's ticker ("<C>").
 */
const RATING_CONTEXT = new Set([
  ...CHANGED_TO,
  ...'strong perform weight rating ratings rated outlook outlooks credit creditworthiness debt bond bonds notes paper stock stocks shares equity analyst analysts broker brokers brokerage target targets recommendation grade investment-grade junk stable watch moody fitch dbrs poor by <'.split(
    ' ',
  ),
]);

function hasRatingContext(tokens: readonly Token[]): boolean {
  // "S&P", "S/P": the rating agency.
  return tokens.some(
    (t, i) =>
      RATING_CONTEXT.has(t.lower) ||
      t.lower === 's&p' ||
      (t.lower === 's' && tokens[i + 1]?.lower === '/' && tokens[i + 2]?.lower === 'p'),
  );
}

interface PhraseScan {
  /** The rating verb of a sentence holding a rating phrase (RATING_PATTERNS), or -1. */
  verb: number;
  /** A target or a stance word stands in the sentence: those forms are worth looking for. */
  target: boolean;
  stance: boolean;
  /** A bare upgrade or downgrade with nothing of a rating around it (tentative), or -1. */
  bareChange: number;
}

/** One pass of the matcher over the sentence: its rating phrase and what else is worth a look. */
function scanRatingPhrases(tokens: readonly Token[]): PhraseScan {
  const scan: PhraseScan = { verb: -1, target: false, stance: false, bareChange: -1 };
  // "pt" alone is too short to trust: some longer rating phrase must be in the sentence.
  let first = -1;
  let context: boolean | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const match = MATCHER.matchAt(tokens, i);
    if (match === null) continue;
    i = match.end - 1;
    // "raise Meta price targets": a target ending a rating phrase is one too.
    if (match.payload === 'target' || TARGET_WORDS.has(tokens[match.end - 1]?.lower ?? ''))
      scan.target = true;
    if (match.payload === 'stance') scan.stance = true;
    if (match.payload !== 'rating' || first >= 0) continue;
    if (match.end - match.start > 1) first = match.start;
    // "Rolls-Royce upgrades profit guidance": a company's own forecast.
    else if (upgradesGuidance(tokens, match.start)) continue;
    else if (CHANGE_WORDS.has(tokens[match.start]?.lower ?? '')) {
      // "Apple delays Siri AI upgrade", "Samsung downgrades camera specs": no rating without its context.
      if ((context ??= hasRatingContext(tokens))) first = match.start;
      else if (scan.bareChange < 0) scan.bareChange = match.start;
    } else if (tokens[match.start]?.lower !== 'pt') first = match.start;
  }
  if (first < 0) return scan;
  // An upgrade word skipped above for want of context is no rating verb either.
  const verb = tokens.findIndex(
    (t) => RATING_VERBS.has(t.lower) && (context !== false || !CHANGE_WORDS.has(t.lower)),
  );
  scan.verb = verb >= 0 ? verb : first;
  return scan;
}
