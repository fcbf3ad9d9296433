/**
 * "Strike" as making a deal: "Airbus strikes deal with Qantas", "Pfizer and BioNTech strike $2 billion
 * vaccine supply deal". Only words that describe the deal may stand between the verb and the deal; a
 * preposition or a clause's end makes it a stoppage near a deal ("workers strike over pay deal",
 * "nurses strike, reject deal").
 */
import { CURRENCY_SIGNS, type Token } from '../text/tokenize.js';
import { CLAUSE_OPENERS } from './clause-words.js';

const STRIKE_WORDS: ReadonlySet<string> = new Set(['strike', 'strikes']);
const DEAL_NOUNS: ReadonlySet<string> = new Set([
  'deal',
  'deals',
  'agreement',
  'agreements',
  'accord',
  'accords',
  'pact',
  'pacts',
  'partnership',
  'partnerships',
  'truce',
  'bargain',
  'compromise',
]);
/** Words that tie what follows to something else than the verb ("strike at", "strike for"); clause openers too. */
const LINKS: ReadonlySet<string> = new Set([
  'against',
  'at',
  'amid',
  'following',
  'in',
  'by',
  'for',
  'to',
  'with',
  'from',
  'and',
  'or',
]);
/** What making a deal is worth, as the lexicon's "strike a deal". */
export const STRUCK_DEAL_VALUE = 0.2;
/** How many words may describe the deal: "strike $2 billion vaccine supply deal". */
const DEAL_WINDOW = 6;

/** Those a deal with is a settlement: "strikes deal with SEC over dark pools". */
const ENFORCERS: ReadonlySet<string> = new Set([
  'sec',
  'doj',
  'ftc',
  'fca',
  'cftc',
  'finra',
  'regulator',
  'regulators',
  'watchdog',
  'prosecutors',
  'prosecutor',
  'authorities',
]);
/** What settling with an enforcer is worth, as the lexicon's "settles". */
const SETTLEMENT_VALUE = -0.5;
const ENFORCER_WINDOW = 3;

/**
 * The tone of the strike word at `at` when it makes a deal rather than stopping work, or null: a deal
 * struck is mildly good news, one struck with an enforcer ("with US prosecutors") a settlement.
 */
export function struckDealValue(tokens: readonly Token[], at: number): number | null {
  if (!STRIKE_WORDS.has(tokens[at]?.lower ?? '')) return null;
  for (let i = at + 1; i < Math.min(tokens.length, at + 1 + DEAL_WINDOW); i++) {
    const token = tokens[i];
    if (token === undefined) return null;
    if (DEAL_NOUNS.has(token.lower))
      return withEnforcer(tokens, i + 1) ? SETTLEMENT_VALUE : STRUCK_DEAL_VALUE;
    if (token.kind === 'punct' && !CURRENCY_SIGNS.has(token.lower)) return null;
    if (LINKS.has(token.lower) || CLAUSE_OPENERS.has(token.lower)) return null;
  }
  return null;
}

/** "with the SEC", "with US prosecutors" right after the deal. */
function withEnforcer(tokens: readonly Token[], from: number): boolean {
  if (tokens[from]?.lower !== 'with') return false;
  for (let i = from + 1; i < Math.min(tokens.length, from + 1 + ENFORCER_WINDOW); i++)
    if (ENFORCERS.has(tokens[i]?.lower ?? '')) return true;
  return false;
}
