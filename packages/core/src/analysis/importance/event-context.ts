/**
 * How an event phrase found in a sentence is read there: what is denied or avoided did not happen
 * ("no layoffs planned"), a launch of a financing or a plan is no product launch, "step down" lowers
 * something unless a person leaves a post, and "review" is a review piece only as a headline's label.
 */
import { wordSet } from '../text/phrase-matcher.js';
import { hasWordIn, isCapitalized, type Token } from '../text/tokenize.js';
import { FEATURE_WORDS } from '../text/trade-senses.js';

const NEGATING_WORDS: ReadonlySet<string> = new Set([
  'no',
  'not',
  'without',
  'avoid',
  'avoids',
  'avoided',
  'averts',
  'averted',
  'escapes',
  'escaped',
]);
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'any']);

const RULE_WORDS: ReadonlySet<string> = new Set(['rule', 'rules', 'ruled', 'ruling']);
/** "No plans for layoffs", "no intention of a sale": what is not planned does not happen. */
const PLAN_WORDS: ReadonlySet<string> = new Set(['plan', 'plans', 'intention', 'intentions']);
const PLAN_LINKS: ReadonlySet<string> = new Set(['for', 'of']);

/** What is launched or released that is no product: "launches £7 billion rights issue", "launched a probe", "releases results". */
const NOT_PRODUCTS: ReadonlySet<string> = new Set([
  // what is released that is no product: "releases results", "released the hostages", "released
  // 4,900 tonnes of tin from its stockpile"
  'results',
  'figures',
  'data',
  'earnings',
  'report',
  'statement',
  'funds',
  'hostages',
  'prisoners',
  'tonnes',
  'tons',
  'barrels',
  'stockpile',
  'stockpiles',
  // payouts and budgets are announced, not launched as products: "unveils first dividend"
  'dividend',
  'dividends',
  'payout',
  'payouts',
  'budget',
  'guidance',
  // plans are no products: "unveils turnaround plan", "launches restructuring"
  'plan',
  'plans',
  'strategy',
  'restructuring',
  'overhaul',
  'issue',
  'bond',
  'bonds',
  'offering',
  'offer',
  'bid',
  'buyback',
  'probe',
  'investigation',
  'inquiry',
  'review',
  'appeal',
  'lawsuit',
  'campaign',
  'strike',
  'attack',
  'attacks',
  'offensive',
  // what is launched that is an undertaking, not a product: "launch a global effort", "a crackdown"
  'effort',
  'efforts',
  'initiative',
  'crackdown',
]);
const LAUNCH_OBJECT_WINDOW = 5;

/** What may open the object of "debuts": "debuts its new laptops", "debuts Copilot+ PCs". */
const OBJECT_STARTS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'its', 'their', 'new']);

/**
 * "Debuts" is also a plural noun: "Slack and Spotify debuts tempt companies" names their listings. As
 * a verb it takes an object: a name or a determiner.
 */
function isDebutsNoun(tokens: readonly Token[], end: number): boolean {
  if (tokens[end - 1]?.lower !== 'debuts') return false;
  const next = tokens[end];
  return (
    next === undefined ||
    next.kind !== 'word' ||
    (!isCapitalized(next.text) && !OBJECT_STARTS.has(next.lower))
  );
}

/**
 * The launch verb's object, a few words on, is a financing, a legal step or an attack; or the verb is
 * the noun "debuts".
 */
export function launchesNoProduct(tokens: readonly Token[], end: number): boolean {
  if (isDebutsNoun(tokens, end)) return true;
  for (let i = end; i < Math.min(tokens.length, end + LAUNCH_OBJECT_WINDOW); i++) {
    const token = tokens[i];
    if (token?.kind === 'punct' && token.lower !== '£' && token.lower !== '$' && token.lower !== '€')
      return false;
    if (NOT_PRODUCTS.has(token?.lower ?? '')) return true;
  }
  return false;
}

/**
 * What may follow "step down" or "step aside" when a person leaves a post: the end, a mark, the post
 * or the date ("to step down as CEO", "will step down next year"); "to step down the pace of hikes"
 * lowers something instead.
 */
const AFTER_LEAVING: ReadonlySet<string> = new Set([
  'as',
  'from',
  'after',
  'at',
  'in',
  'on',
  'by',
  'next',
  'this',
  'later',
  'early',
  'amid',
  'when',
  'following',
  'effective',
  'immediately',
  'to',
  'and',
  'over',
  'for',
]);
const STEP_PARTICLES: ReadonlySet<string> = new Set(['down', 'aside']);

export function leavesPost(tokens: readonly Token[], end: number): boolean {
  if (!STEP_PARTICLES.has(tokens[end - 1]?.lower ?? '')) return true;
  const next = tokens[end];
  return next === undefined || next.kind === 'punct' || AFTER_LEAVING.has(next.lower);
}

/** Words of a union's bargaining: a contract or an agreement beside them is a labour contract. */
const LABOUR_WORDS: ReadonlySet<string> = new Set([
  'union',
  'unions',
  'workers',
  'machinists',
  'teamsters',
  'uaw',
  'strikers',
  'ratify',
  'ratifies',
  'ratified',
  'tentative',
  'wage',
  'wages',
  'labour',
  'labor',
]);
const LABOUR_WINDOW = 4;

/**
 * The contract is a union's with its employer, not business won: "Boeing machinists reject contract
 * offer", "UAW reaches tentative agreement with GM", "workers ratify new contract".
 */
export function isLabourContract(tokens: readonly Token[], start: number, end: number): boolean {
  return hasWordIn(tokens, start - LABOUR_WINDOW, end + LABOUR_WINDOW, LABOUR_WORDS);
}

/** Who audits the books: an auditor quitting is an accounting alarm, not a change of leaders. */
const AUDITOR_WORDS: ReadonlySet<string> = new Set(['auditor', 'auditors', 'accountant', 'accountants']);
/** How far before the verb ("after auditor resigns") and after it ("resigns as the company's auditor"). */
const AUDITOR_BEFORE = 3;
const AUDITOR_AFTER = 5;

/**
 * The one leaving is the auditor: "Super Micro shares crater after auditor resigns", "EY resigns as
 * the company's auditor".
 */
export function isAuditorsExit(tokens: readonly Token[], start: number, end: number): boolean {
  return hasWordIn(tokens, start - AUDITOR_BEFORE, end + AUDITOR_AFTER, AUDITOR_WORDS);
}

/** Before "fire" as a verb or a figure of speech: "to fire staff", "will fire", "under fire", "opened fire". */
const FIRE_VERB_BEFORE: ReadonlySet<string> = wordSet(
  'to will would could can may might must should under open opens opened opening',
);
/** After "fire" when no fire burns: "fire risk", "fire sale", "fire safety", "fire drill". */
const FIRE_NOUN_AFTER: ReadonlySet<string> = wordSet(
  'risk risks hazard hazards sale sales safety alarm alarms drill drills code codes insurance',
);

/**
 * "Fire" that is no fire at a site: a dismissal ("to fire half of its staff"), criticism ("comes under
 * fire"), shooting ("opened fire") or a fire that may happen ("recalls ovens over fire risk").
 */
export function isNoFire(tokens: readonly Token[], start: number, end: number): boolean {
  if (end - start !== 1 || tokens[start]?.lower !== 'fire') return false;
  return (
    FIRE_VERB_BEFORE.has(tokens[start - 1]?.lower ?? '') || FIRE_NOUN_AFTER.has(tokens[end]?.lower ?? '')
  );
}

/**
 * "Microsoft pulls Recall feature": a capitalised "Recall" mid-sentence before a feature word names
 * the feature; no product is called back.
 */
export function namesFeature(tokens: readonly Token[], start: number, end: number): boolean {
  const word = tokens[start];
  return (
    end - start === 1 &&
    start > 0 &&
    word !== undefined &&
    word.text !== word.lower &&
    FEATURE_WORDS.has(tokens[end]?.lower ?? '')
  );
}

/** Words of a review that labels the piece ("iPhone 16 review: …", "Review: the new Kindle"). */
const REVIEW_WORDS: ReadonlySet<string> = new Set(['review', 'reviews', 'reviewed']);
/** What precedes a review that examines instead: "strategic review", "under review", "antitrust review". */
const EXAMINING_WORDS: ReadonlySet<string> = new Set([
  'strategic',
  'regulatory',
  'antitrust',
  'judicial',
  'policy',
  'safety',
  'security',
  'spending',
  'annual',
  'formal',
  'internal',
  'independent',
  'under',
  'pending',
]);
/** Marks that close a headline's label: "Pixel 9 review: …", "Review – the new Kindle". */
const LABEL_MARKS: ReadonlySet<string> = new Set([':', '-', '–', '—', '|']);

/**
 * A review word labels the piece when it opens the headline before a mark ("Review: …") or closes the
 * headline or its first part ("Pixel 9 Pro review", "… review: great camera"); "regulators review the
 * deal", "review of capital rules" and "launches strategic review" examine something instead.
 */
export function isReviewLabel(tokens: readonly Token[], start: number, end: number): boolean {
  if (!REVIEW_WORDS.has(tokens[start]?.lower ?? '') || end - start !== 1) return true;
  const next = tokens[end];
  const closes = next === undefined || LABEL_MARKS.has(next.lower);
  return closes && (start === 0 || !EXAMINING_WORDS.has(tokens[start - 1]?.lower ?? ''));
}

/**
 * "no layoffs", "not a takeover", "avoids a strike", "rules out job cuts": a negating word just
 * before the phrase (or its article).
 */
export function isNegated(tokens: readonly Token[], start: number): boolean {
  const at = DETERMINERS.has(tokens[start - 1]?.lower ?? '') ? start - 1 : start;
  const before = tokens[at - 1]?.lower ?? '';
  return (
    NEGATING_WORDS.has(before) ||
    (before === 'out' && RULE_WORDS.has(tokens[at - 2]?.lower ?? '')) ||
    // "No plans for layoffs", "has no intention of a sale".
    (PLAN_LINKS.has(before) && PLAN_WORDS.has(tokens[at - 2]?.lower ?? '') && tokens[at - 3]?.lower === 'no')
  );
}
