/**
 * Analyst rating statements: "<Broker> upgrades <Company> to Buy",
 * "initiates coverage of <Company> with an Overweight rating", "Maintains
 * Outperform", "raises price target to $250". In such a sentence "to buy" and
 * "buy" name a rating, not a transaction, and the company after the rating
 * verb is the one rated; the one before it is the broker.
 */
import { expandPatterns, PhraseMatcher } from './phrase-matcher.js';
import type { Token } from './tokenize.js';

const RATINGS =
  'buy/sell/hold/neutral/outperform/underperform/overweight/underweight/equal-weight/equalweight/accumulate/reduce/positive/negative/peer-perform';

/** Phrases that make a sentence a rating statement; the verb is the first word. */
const RATING_PATTERNS = [
  'upgrade|upgrades|upgraded|upgrading|downgrade|downgrades|downgraded|downgrading',
  'initiates/initiated/initiating/starts/started/begins/began/resumes/resumed/assumes/assumed/launches coverage',
  `initiates/initiated/initiating/starts/started/reiterates/reiterated/reiterating/maintains/maintained/maintaining/keeps/kept/affirms/affirmed/reaffirms/reaffirmed/rates/rated/resumes/resumed ${RATINGS}`,
  'initiates/initiated/initiating/starts/started/reiterates/reiterated/maintains/maintained/keeps/kept/affirms/affirmed/reaffirms/reaffirmed/rates/rated at/with/as',
  'initiates/initiated/reiterates/reiterated/maintains/maintained/keeps/kept/affirms/affirmed/reaffirms/reaffirmed rating/ratings',
  'strong buy|market perform|sector perform|market outperform|sector outperform|equal weight|in-line|top pick',
  'price target|price targets|target price|target prices|pt',
  `${RATINGS} rating|rating on|ratings on|coverage of|coverage on`,
  // "initiated Acme at buy", "started with an overweight".
  'at/with buy/sell/outperform/underperform/overweight/underweight/equal-weight/accumulate|with a/an buy/sell/hold/neutral/outperform/underperform/overweight/underweight/equal-weight',
].join('|');

const MATCHER = new PhraseMatcher<true>(expandPatterns(RATING_PATTERNS).map((p) => [p, true] as const));
const RATING_VERBS = new Set([
  'upgrade',
  'upgrades',
  'upgraded',
  'upgrading',
  'downgrade',
  'downgrades',
  'downgraded',
  'downgrading',
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
}

/** Verbs that move a rating when followed by "to <rating>": "lifts Acme to buy", "cuts Acme to hold". */
const CHANGE_VERBS = new Set(
  'lifts lifted raises raised moves moved ups upped boosts boosted cuts cut lowers lowered trims trimmed'.split(
    ' ',
  ),
);
const CHANGED_TO = new Set(
  'buy sell hold neutral outperform underperform overweight underweight equal-weight accumulate'.split(' '),
);
/** What may follow "to <rating>" in a rating change ("to Buy from Hold", "to Buy, shares jump"). */
const AFTER_RATING = new Set(['from', 'on', 'after', 'at', 'with', 'citing', 'as']);
const CHANGE_WINDOW = 5;

/** "Northgate lifts Litware to Buy": a change verb a few words before "to <rating>" at a clause's end. */
function findRatingChange(tokens: readonly Token[]): number {
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i - 1]?.lower !== 'to' || !CHANGED_TO.has(tokens[i]?.lower ?? '')) continue;
    const next = tokens[i + 1];
    if (next !== undefined && next.kind !== 'punct' && !AFTER_RATING.has(next.lower)) continue;
    for (let k = i - 2; k >= 0 && k >= i - 1 - CHANGE_WINDOW; k--)
      if (CHANGE_VERBS.has(tokens[k]?.lower ?? '')) return k;
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

/** "Rolls-Royce upgrades profit guidance": an upgrade of the company's own forecast is no rating. */
function upgradesGuidance(tokens: readonly Token[], at: number): boolean {
  for (let i = at + 1; i < Math.min(tokens.length, at + 4); i++) {
    const lower = tokens[i]?.lower ?? '';
    if (GUIDANCE_WORDS.has(lower)) return true;
    if (!OWN_GUIDANCE_WORDS.has(lower)) return false;
  }
  return false;
}

/** The rating statement of a sentence, or null when it is not one. */
export function findRatingStatement(tokens: readonly Token[]): RatingStatement | null {
  const change = findRatingChange(tokens);
  if (change >= 0) return { verb: change };
  // "pt" alone is too short to trust: some longer rating phrase must be in the sentence.
  let first = -1;
  for (let i = 0; i < tokens.length; i++) {
    const match = MATCHER.matchAt(tokens, i);
    if (match === null) continue;
    if (match.end - match.start === 1 && upgradesGuidance(tokens, i)) continue;
    if (match.end - match.start > 1 || tokens[i]?.lower !== 'pt') {
      first = i;
      break;
    }
    i = match.end - 1;
  }
  if (first < 0) return null;
  for (let i = 0; i < tokens.length; i++) if (RATING_VERBS.has(tokens[i]?.lower ?? '')) return { verb: i };
  return { verb: first };
}
