/**
 * A verb and its object a few words apart: "to sell its South African unit", "to cut 15,000 jobs",
 * "restrictions on microchip exports". Topic rules (topics/topic-rules.ts: PROXIMITY_RULES) and event
 * rules (importance/event-rules.ts) are both written this way; this module finds them in a sentence.
 *
 * Language rules shared by every verb-object rule:
 * - a hyphenated compound counts as its head ("chip-export" is an export, "x-ban" a ban);
 * - advice is no act: "investors should buy Acme", "says buy";
 * - in an analyst's rating statement "to buy" and "sell" are the rating ("Upgrades Acme to Buy");
 * - what "sells out" is gone from the shelves ("tickets sell out in minutes"), unless it "sells out to" a buyer.
 *
 * `hasBuyBack` tells the deal rules of both that a sentence's buy verbs are a buyback's.
 */
import { RATING_DEAL_WORDS } from './analyst-rating.js';
import type { DocSentence } from './prepare-document.js';
import { MAGNITUDE_WORDS, type Token } from './tokenize.js';

export interface VerbObjectRule {
  verbs: ReadonlySet<string>;
  objects: ReadonlySet<string>;
  /** A company name found by the entity stage also counts as an object. */
  companyObject: boolean;
  /** How many tokens after the verb the object may stand. */
  window: number;
  /** A word that must follow the verb at once ("pct of"). */
  after?: string;
  /** When set, every token between the verb and its object is one of these words or a number ("cut 15,000 jobs"). */
  between?: ReadonlySet<string>;
  /** Words that anywhere in the sentence make the verb and object something else ("pay a dividend per share"). */
  voidedBy?: ReadonlySet<string>;
  /** Words that between the verb and its object make it something else ("cuts global growth forecast"). */
  notBetween?: ReadonlySet<string>;
  /** The object never follows the verb at once: "takes Zendesk private", not "took private lessons". */
  apart?: boolean;
  /** Objects that after an amount are a quantity of goods, not the thing named ("sell 915 mln units"). */
  countable?: ReadonlySet<string>;
  /** A company name found by the entity stage stands just before the verb: "Maersk warns profit will fall". */
  companySubject?: boolean;
  /** One of these words stands just before the verb: "US adds 353,000 jobs". */
  subjects?: ReadonlySet<string>;
}

/** A figure or an amount word ("1,200", "mln"). */
export function isAmount(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === 'number' || MAGNITUDE_WORDS.has(token.lower));
}

/** Token span of a company name in one sentence. */
export interface NameSpan {
  sentenceIndex: number;
  start: number;
  end: number;
}

/** Name spans by sentence index. */
export function namesBySentence(names: readonly NameSpan[]): Map<number, NameSpan[]> {
  const grouped = new Map<number, NameSpan[]>();
  for (const name of names) {
    const list = grouped.get(name.sentenceIndex);
    if (list) list.push(name);
    else grouped.set(name.sentenceIndex, [name]);
  }
  return grouped;
}

/** Words before a deal verb that make it advice: "should buy", "says buy", "recommends selling". */
const ADVICE_WORDS: ReadonlySet<string> = new Set(['should', 'says', 'say', 'recommend', 'recommends']);

const BUY_WORDS: ReadonlySet<string> = new Set(['buy', 'buys', 'bought', 'buying']);
const SELL_WORDS: ReadonlySet<string> = new Set(['sell', 'sells', 'sold', 'selling']);

/** "Tickets sell out in minutes", "iPhone sells out at Apple stores": stock gone, no sale of a business ("sells out to Google" is one). */
function isSoldOut(tokens: readonly Token[], verbAt: number): boolean {
  return (
    SELL_WORDS.has(tokens[verbAt]?.lower ?? '') &&
    tokens[verbAt + 1]?.lower === 'out' &&
    tokens[verbAt + 2]?.lower !== 'to'
  );
}

/** The shortest compound whose head a rule names ("x-ban"); shorter hyphenated words are read whole. */
const MIN_COMPOUND = 5;

/** A hyphenated compound's head is its last part: "chip-export" is an export, "car-import" an import. */
function headWord(lower: string): string {
  if (lower.length < MIN_COMPOUND || !lower.includes('-')) return lower;
  const hyphen = lower.lastIndexOf('-');
  return hyphen > 0 && hyphen < lower.length - 1 ? lower.slice(hyphen + 1) : lower;
}

const BUYBACK_WORDS: ReadonlySet<string> = new Set([
  'buyback',
  'buybacks',
  'buy-back',
  'buy-backs',
  'repurchase',
  'repurchases',
  'repurchased',
  'repurchasing',
]);

/**
 * The sentence tells of a company buying back its own stock ("to buy back $5 billion of stock", "buys
 * back 5 pct of its shares", "a share repurchase"): its buy verbs and stake sizes are the buyback's,
 * not a deal's.
 */
export function hasBuyBack(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens[i]?.lower ?? '';
    if (BUYBACK_WORDS.has(lower) || (lower === 'back' && BUY_WORDS.has(tokens[i - 1]?.lower ?? '')))
      return true;
  }
  return false;
}

const NO_HITS: ReadonlySet<never> = new Set();

/**
 * A rule copied into one object shape: rules written with and without the optional fields would make
 * every property read in the loop below polymorphic.
 */
interface CompiledRule<R> {
  rule: R;
  objects: ReadonlySet<string>;
  companyObject: boolean;
  window: number;
  after: string | null;
  between: ReadonlySet<string> | null;
  countable: ReadonlySet<string> | null;
  voidedBy: ReadonlySet<string> | null;
  notBetween: ReadonlySet<string> | null;
  companySubject: boolean;
  subjects: ReadonlySet<string> | null;
  /** Where the object may start, counted from the verb. */
  firstObject: number;
}

function compile<R extends VerbObjectRule>(rule: R): CompiledRule<R> {
  return {
    rule,
    objects: rule.objects,
    companyObject: rule.companyObject,
    window: rule.window,
    after: rule.after ?? null,
    between: rule.between ?? null,
    countable: rule.countable ?? null,
    voidedBy: rule.voidedBy ?? null,
    notBetween: rule.notBetween ?? null,
    companySubject: rule.companySubject === true,
    subjects: rule.subjects ?? null,
    firstObject: rule.apart === true ? 2 : 1,
  };
}

export class VerbObjectMatcher<R extends VerbObjectRule> {
  private readonly byVerb = new Map<string, CompiledRule<R>[]>();

  constructor(rules: readonly R[]) {
    for (const rule of rules) {
      const compiled = compile(rule);
      for (const verb of rule.verbs) this.byVerb.set(verb, [...(this.byVerb.get(verb) ?? []), compiled]);
    }
  }

  /** The rules whose verb is followed, within the window, by one of its objects (or a company name). */
  hits(sentence: DocSentence, names: readonly NameSpan[] | undefined): ReadonlySet<R> {
    const { tokens } = sentence;
    let hits: Set<R> | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const verb = headWord(tokens[i]?.lower ?? '');
      const rules = this.byVerb.get(verb);
      if (rules === undefined) continue;
      if (
        ADVICE_WORDS.has(tokens[i - 1]?.lower ?? '') ||
        (sentence.rating && RATING_DEAL_WORDS.has(verb)) ||
        isSoldOut(tokens, i)
      )
        continue;
      for (const compiled of rules) {
        if (hits?.has(compiled.rule)) continue;
        if (compiled.after !== null && tokens[i + 1]?.lower !== compiled.after) continue;
        if (compiled.companySubject && names?.some((n) => n.end === i) !== true) continue;
        if (compiled.subjects !== null && !compiled.subjects.has(subjectBefore(tokens, i))) continue;
        if (!objectFollows(compiled, tokens, i, names)) continue;
        if (compiled.voidedBy !== null && mentionsAny(tokens, compiled.voidedBy)) continue;
        (hits ??= new Set()).add(compiled.rule);
      }
    }
    return hits ?? NO_HITS;
  }
}

/** The word just before the verb, past an abbreviation's full stop ("U.S. adds 353,000 jobs"). */
function subjectBefore(tokens: readonly Token[], verbAt: number): string {
  const before = tokens[verbAt - 1]?.lower === '.' ? tokens[verbAt - 2] : tokens[verbAt - 1];
  return before?.lower ?? '';
}

function mentionsAny(tokens: readonly Token[], words: ReadonlySet<string>): boolean {
  for (const token of tokens) if (words.has(token.lower)) return true;
  return false;
}

function objectFollows<R>(
  rule: CompiledRule<R>,
  tokens: readonly Token[],
  verbAt: number,
  names: readonly NameSpan[] | undefined,
): boolean {
  const end = Math.min(tokens.length, verbAt + 1 + rule.window);
  if (rule.companyObject && names?.some((n) => n.start > verbAt && n.start < end)) return true;
  for (let k = verbAt + rule.firstObject; k < end; k++) {
    const token = tokens[k];
    if (token === undefined) return false;
    const object = headWord(token.lower);
    if (rule.objects.has(object) && !(rule.countable?.has(object) === true && isAmount(tokens[k - 1])))
      return true;
    if (rule.between !== null && token.kind !== 'number' && !rule.between.has(token.lower)) return false;
    if (rule.notBetween?.has(token.lower) === true) return false;
  }
  return false;
}
