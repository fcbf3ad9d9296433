/**
 * Legal actions thrown out and stoppages ended: "judge dismisses the lawsuit", "wins appeal against
 * EU fine", "the strike at Acme ended", "lifts its ban". What was bad news turns good, and the verb
 * that throws it out or ends it gives its own tone way to that. The other way round, a deal a
 * regulator, a court or a board blocks ("EU blocks the rail merger", "takeover blocked by judge")
 * is bad news where a deal alone reads mildly good.
 */
import { CURRENCY_SIGNS, type Token } from '../text/tokenize.js';
import { isAmount } from '../text/verb-object.js';
import { CLAUSE_OPENERS, DETERMINERS } from './clause-words.js';

/** Legal actions a court can throw out (the last word of the lexicon phrase: "antitrust suit", "class action"), and what throwing one out is worth to the defendant. */
const LEGAL_ACTIONS = new Set([
  'lawsuit',
  'lawsuits',
  'suit',
  'litigation',
  'action',
  'challenge',
  // Penalties a court or an appeal can lift: "EU court overturns antitrust fine".
  'fine',
  'fines',
  'penalty',
  'penalties',
  'ruling',
  'verdict',
]);
/** What throws a legal action out, the noun too ("wins dismissal of shareholder lawsuit"). */
const DISMISS_VERBS = new Set([
  'dismissal',
  'dismiss',
  'dismisses',
  'dismissed',
  'dismissing',
  'tosses',
  'tossed',
  'overturn',
  'overturns',
  'overturned',
  'overturning',
  'quash',
  'quashes',
  'quashed',
  'annul',
  'annuls',
  'annulled',
]);
/** "Wins appeal against EU fine": the action after "against" is the one thrown out. */
const APPEALS = new Set(['appeal', 'appeals', 'challenge', 'case']);
const WINS = new Set(['win', 'wins', 'won', 'winning']);
const DISMISSED_VALUE = 0.8;
const DISMISS_BACK = 3;
const DISMISS_FORWARD = 5;

/**
 * Stoppages and measures whose end is good news: "the strike ended", "lifts its ban", "calls off the
 * boycott", "ends hiring freeze", "lifts export restrictions".
 */
const STOPPAGES = new Set([
  'strike',
  'strikes',
  'walkout',
  'walkouts',
  'lockout',
  'boycott',
  'blockade',
  'ban',
  'embargo',
  'sanctions',
  'freeze',
  'freezes',
  // measures on trade: "lifts export restrictions", "tariffs scrapped"
  'restrictions',
  'curbs',
  'tariffs',
  'quotas',
]);
const ENDING_VERBS = new Set([
  'end',
  'ends',
  'ended',
  'ending',
  'lift',
  'lifts',
  'lifted',
  'lifting',
  'expire',
  'expires',
  'expired',
]);
/** Verbs that end what follows them: "cancels the boycott", "scraps its ban", "calls off the strike". */
const ENDING_BEFORE = new Set([
  ...ENDING_VERBS,
  'cancel',
  'cancels',
  'cancelled',
  'canceled',
  'scrap',
  'scraps',
  'scrapped',
  'abandon',
  'abandons',
  'abandoned',
  'drop',
  'drops',
  'dropped',
]);
const CALL_VERBS = new Set(['call', 'calls', 'called', 'calling']);
const ENDED_VALUE = 0.5;
const ENDED_BACK = 3;
const ENDED_FORWARD = 4;

/** An ending verb just before the stoppage ("ends a strike") or after it ("strike at Acme ends", "ban lifted", "called off"). */
function isEnded(tokens: readonly Token[], start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - ENDED_BACK; i--) {
    const lower = tokens[i]?.lower ?? '';
    if (ENDING_BEFORE.has(lower) || (lower === 'off' && CALL_VERBS.has(tokens[i - 1]?.lower ?? '')))
      return true;
    // "Shares end lower as strike drags on": the verb must govern the stoppage.
    if (tokens[i]?.kind === 'punct' || CLAUSE_OPENERS.has(lower)) break;
  }
  for (let i = end; i < tokens.length && i < end + ENDED_FORWARD; i++) {
    const lower = tokens[i]?.lower ?? '';
    // "a strike at the end of the month": after the stoppage, "the end" is a date.
    if (ENDING_VERBS.has(lower) && !DETERMINERS.has(tokens[i - 1]?.lower ?? '')) return true;
    if (CALL_VERBS.has(lower) && tokens[i + 1]?.lower === 'off') return true;
    if (tokens[i]?.kind === 'punct' || CLAUSE_OPENERS.has(lower)) return false;
  }
  return false;
}

/** A legal action stands as the object just after a dismissal verb ("overturns the EU's fine"). */
function dismissesAction(tokens: readonly Token[], end: number): boolean {
  if (!DISMISS_VERBS.has(tokens[end - 1]?.lower ?? '')) return false;
  for (let i = end; i < tokens.length && i < end + DISMISS_BACK; i++) {
    if (LEGAL_ACTIONS.has(tokens[i]?.lower ?? '')) return true;
    if (tokens[i]?.kind === 'punct' || CLAUSE_OPENERS.has(tokens[i]?.lower ?? '')) return false;
  }
  return false;
}

/** A stoppage stands as the object just after an ending word ("calls off the strike"). */
function endsStoppage(tokens: readonly Token[], end: number): boolean {
  const last = tokens[end - 1]?.lower ?? '';
  if (!ENDING_BEFORE.has(last) && !(last === 'off' && CALL_VERBS.has(tokens[end - 2]?.lower ?? '')))
    return false;
  for (let i = end; i < tokens.length && i < end + ENDED_BACK; i++) {
    if (STOPPAGES.has(tokens[i]?.lower ?? '')) return true;
    if (tokens[i]?.kind === 'punct' || CLAUSE_OPENERS.has(tokens[i]?.lower ?? '')) return false;
  }
  return false;
}

/** A part of a price: a figure, an amount word or a currency sign ("$", "15", "billion"). */
function isAmountPart(token: Token | undefined): boolean {
  return token !== undefined && (isAmount(token) || CURRENCY_SIGNS.has(token.text));
}

/** A dismissal verb just before the action ("dismisses the lawsuit") or closing its phrase ("suit against Acme dismissed"). */
function isDismissed(tokens: readonly Token[], start: number, end: number): boolean {
  // An amount before the action is part of it: "wins appeal against $2.6 billion EU fine".
  for (let i = start - 1, n = 0; i >= 0 && n < DISMISS_BACK; i--) {
    const lower = tokens[i]?.lower ?? '';
    if (!isAmountPart(tokens[i])) n++;
    if (DISMISS_VERBS.has(lower)) return true;
    if (
      lower === 'against' &&
      APPEALS.has(tokens[i - 1]?.lower ?? '') &&
      WINS.has(tokens[i - 2]?.lower ?? '')
    )
      return true;
  }
  for (let i = end; i < tokens.length && i < end + DISMISS_FORWARD; i++) {
    const lower = tokens[i]?.lower ?? '';
    if (DISMISS_VERBS.has(lower) || (lower === 'thrown' && tokens[i + 1]?.lower === 'out')) return true;
    if (tokens[i]?.kind === 'punct') return false;
  }
  return false;
}

/**
 * The tone of a bad-news word (`start`…`end`) that something throws out or ends: undefined when
 * nothing does, null when the word is itself the verb that does it (its tone gives way to the
 * action's: "calls off the strike", "overturns the fine"), else the good news it becomes ("the
 * strike at Acme ended", "lawsuit against Acme dismissed").
 */
export function endedValue(tokens: readonly Token[], start: number, end: number): number | null | undefined {
  if (endsStoppage(tokens, end) || dismissesAction(tokens, end)) return null;
  const last = tokens[end - 1]?.lower ?? '';
  if (STOPPAGES.has(last) && isEnded(tokens, start, end)) return ENDED_VALUE;
  if (LEGAL_ACTIONS.has(last) && isDismissed(tokens, start, end)) return DISMISSED_VALUE;
  return undefined;
}

/** Deals a regulator, a court or a board can block. */
const DEALS = new Set([
  'merger',
  'mergers',
  'deal',
  'deals',
  'takeover',
  'takeovers',
  'acquisition',
  'acquisitions',
  'bid',
  'bids',
  'buyout',
  'tie-up',
  'offer',
  'combination',
  'purchase',
  'sale',
]);
/** Verbs that stop a deal; alone they are as often a noun ("a block of shares", "gold bars"). */
export const BLOCK_VERBS: ReadonlySet<string> = new Set([
  'block',
  'blocks',
  'blocked',
  'blocking',
  'veto',
  'vetoes',
  'vetoed',
  'vetoing',
  'bars',
  'barred',
  'prohibits',
  'prohibited',
]);
/** Words from a blocking verb to the deal it stops ("blocks JetBlue's takeover", "blocks Siemens-Alstom rail merger"). */
const BLOCKED_FORWARD = 4;
/** Words from a deal to the blocking verb after it ("the merger was blocked", "takeover blocked by judge"). */
const BLOCKED_BACK = 3;

/** Marks inside a noun phrase: a possessive ("JetBlue's takeover") or a hyphen. */
const PHRASE_MARKS = new Set(["'s", '-']);

/**
 * One of `words` within `window` tokens from `from`, going `step` (1 forward, -1 back), inside the
 * clause; the tokens of a price do not count.
 */
function within(
  tokens: readonly Token[],
  from: number,
  step: 1 | -1,
  window: number,
  words: ReadonlySet<string>,
): boolean {
  for (let i = from, n = 0; i >= 0 && i < tokens.length && n < window; i += step) {
    const lower = tokens[i]?.lower ?? '';
    if (words.has(lower)) return true;
    // The tokens of a price do not count: "blocks Nippon Steel's $15 billion bid".
    if (isAmountPart(tokens[i])) continue;
    if ((tokens[i]?.kind === 'punct' && !PHRASE_MARKS.has(lower)) || CLAUSE_OPENERS.has(lower)) return false;
    n++;
  }
  return false;
}

/**
 * A blocking verb (`start`…`end`) with a deal as its object ("EU blocks the merger") or its subject
 * ("the merger was blocked"): bad news for the deal. Elsewhere the word has no tone of its own.
 */
export function blocksDeal(tokens: readonly Token[], start: number, end: number): boolean {
  return within(tokens, end, 1, BLOCKED_FORWARD, DEALS) || within(tokens, start - 1, -1, BLOCKED_BACK, DEALS);
}

/** A deal word (`start`…`end`) a blocking verb stops: its own mild good tone gives way to the block's. */
export function isBlockedDeal(tokens: readonly Token[], start: number, end: number): boolean {
  return (
    DEALS.has(tokens[end - 1]?.lower ?? '') &&
    (within(tokens, end, 1, BLOCKED_BACK, BLOCK_VERBS) ||
      within(tokens, start - 1, -1, BLOCKED_FORWARD, BLOCK_VERBS))
  );
}
