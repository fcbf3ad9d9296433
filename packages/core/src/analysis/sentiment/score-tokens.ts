/**
 * Rule-based sentiment of one sentence (or headline) from its tokens.
 *
 * Evidence, strongest first:
 * 1. change: a direction word bound to a nearby metric; sign = direction × metric polarity
 *    ("loss narrowed" = down × bad = positive).
 * 2. comparison: "from X to Y", "Y compared with X", "Y (X)" — the numbers give the direction
 *    when no direction word did; "profit … compared to a loss" is a turnaround.
 * 3. lexicon: words with their own tone (beat, lawsuit, bankruptcy, upgrade).
 * Each piece of evidence is then scaled by intensifiers/downtoners next to it, flipped by a
 * negator shortly before it, damped by a hedge earlier in its clause, and re-weighted around
 * contrast markers ("but" favours what follows; "although" discounts its own clause).
 * The summed evidence is squashed to [-1, 1] with raw / sqrt(raw² + SQUASH).
 */
import { CHANGED_TO, findRatingChange } from '../text/analyst-rating.js';
import { PhraseMatcher, wordSet, type PhraseMatch } from '../text/phrase-matcher.js';
import { isStakeIdiom } from '../text/stake-idiom.js';
import { CURRENCY_SIGNS, MAGNITUDE_WORDS, type Token } from '../text/tokenize.js';
import { CLAUSE_OPENERS, DETERMINERS, SUBORDINATORS } from './clause-words.js';
import { blocksDeal, endedValue, isBlockedDeal } from './ended-actions.js';
import { buildLexicon, type LexEntry } from './lexicon.js';
import { struckDealValue } from './struck-deal.js';

export type EvidenceKind = 'change' | 'comparison' | 'turnaround' | 'lexicon';

export interface EvidenceHit {
  start: number;
  end: number;
  /** The word that carries the evidence (the direction verb, the marker); negators and hedges are looked up before it. */
  anchor: number;
  value: number;
  kind: EvidenceKind;
}

export interface TokenSentiment {
  raw: number;
  score: number;
  hits: EvidenceHit[];
}

const LEXICON = new PhraseMatcher<LexEntry>(buildLexicon());

const SQUASH = 2;
const CHANGE_WEIGHT = 1;
const COMPARISON_WEIGHT = 1;
const TURNAROUND_WEIGHT = 1.2;
/** A bare direction ("Tesco falls 5%") says less than a direction bound to a metric. */
const BARE_DIRECTION_WEIGHT = 0.4;
/** Words that size a noun rather than name it: "creates hundreds of new jobs". */
const QUANTITY_WORDS = new Set(['new', 'more', 'additional', 'extra', 'hundreds', 'thousands', 'of']);
const NEGATION_FACTOR = -0.75;
const BACK_WINDOW = 8;
const FORWARD_WINDOW = 3;
/** How far a verb's object may stand when its subject is a change already read ("lifted the bank's net income"). */
const OBJECT_WINDOW = 5;
const COMPARISON_WINDOW = 16;

const UNIT_SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  bil: 1e9,
  bln: 1e9,
  tn: 1e12,
  trillion: 1e12,
  // Wire copy writes per-share figures in cents and dollars: "Shr 1.16 dlrs vs 68 cts".
  ct: 0.01,
  cts: 0.01,
  cent: 0.01,
  cents: 0.01,
};
/** Spelled-out small numbers count when a unit follows ("three cts", "two mln"). */
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const CURRENCIES = new Set([
  'eur',
  'usd',
  'gbp',
  'sek',
  'nok',
  'dkk',
  'chf',
  'jpy',
  'cny',
  'rub',
  '$',
  '€',
  '£',
  '¥',
  'us',
  'dollars',
  'euros',
  'euro',
]);

/** Words that may stand between "from" and the baseline figure: "from about EUR 5.2 mn". */
const BEFORE_FIGURE = new Set([
  ...CURRENCIES,
  'a',
  'an',
  'the',
  'about',
  'around',
  'approximately',
  'roughly',
  'nearly',
  'almost',
  'some',
  'just',
  'over',
  'under',
  'only',
]);

/** "worries about demand", "concerns over costs": what the head noun is about. */
const TOPIC_LINKS = new Set(['about', 'over']);

/** "the decline in sales", "a rise of costs": a direction used as a noun names a change. */
const CHANGE_NOUN_LINKS = new Set(['in', 'of']);
/** "profit excluding/including/before restructuring costs": the metric after these qualifies another. */
const QUALIFIERS = new Set([
  'excluding',
  'including',
  'excl',
  'incl',
  'ex',
  'before',
  'after',
  'less',
  'minus',
  'plus',
]);
const HIGH_WORDS = new Set(['high', 'highs', 'peak', 'record']);

/** What "hit" reaches is a level: a high or a record a few words on, or an amount ("hit $4 trillion"). */
function reachesLevel(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < Math.min(tokens.length, from + 5); i++)
    if (HIGH_WORDS.has(tokens[i]?.lower ?? '')) return true;
  return reachesAmount(tokens, from);
}

/** Words after a figure that make it an amount: "100 million", "5%". */
const PERCENT_WORDS: ReadonlySet<string> = new Set(['%', 'pct', 'percent']);
const AMOUNT_UNITS: ReadonlySet<string> = new Set([...MAGNITUDE_WORDS, ...PERCENT_WORDS]);

/**
 * "Hit $4 trillion", "hits 100 million subscribers": a level reached, unless the amount is what is
 * struck ("tariffs hit $300 billion of Chinese goods").
 */
function reachesAmount(tokens: readonly Token[], from: number): boolean {
  let i = from;
  const currency = CURRENCY_SIGNS.has(tokens[i]?.lower ?? '');
  if (currency) i++;
  if (tokens[i]?.kind !== 'number') return false;
  i++;
  if (AMOUNT_UNITS.has(tokens[i]?.lower ?? '')) i++;
  else if (!currency) return false;
  const after = tokens[i]?.lower;
  return after !== 'of' && after !== 'worth';
}

/** Words after "as" that make it no clause of its own: "as expected", "as compared to", "as a result". */
const AS_PHRASE_WORDS = new Set([
  'compared',
  'against',
  'opposed',
  'expected',
  'forecast',
  'predicted',
  'anticipated',
  'planned',
  'usual',
  'well',
  'much',
  'many',
  'such',
  'long',
  'soon',
  'part',
  'of',
  'per',
  'high',
  'low',
  'little',
  'far',
]);

/** "as" opening a clause of its own ("as shoppers trade down"), not a phrase ("as expected", "as a result"). */
function opensAsClause(tokens: readonly Token[], at: number): boolean {
  if (tokens[at]?.lower !== 'as') return false;
  const next = tokens[at + 1]?.lower ?? '';
  if (next === 'a' || next === 'an')
    return tokens[at + 2]?.lower !== 'result' && tokens[at + 2]?.lower !== 'whole';
  return next !== '' && !AS_PHRASE_WORDS.has(next) && tokens[at + 1]?.kind !== 'punct';
}

export function squash(raw: number): number {
  return raw / Math.sqrt(raw * raw + SQUASH);
}

interface NumberRef {
  index: number;
  value: number;
  currency: string | null;
}

/** A "." token glued to the digits after it and preceded by a number: the point of a split decimal. */
function isSplitDecimal(tokens: readonly Token[], dot: number): boolean {
  const point = tokens[dot];
  const fraction = tokens[dot + 1];
  return (
    point?.lower === '.' &&
    fraction?.kind === 'number' &&
    fraction.start === point.start + 1 &&
    tokens[dot - 1]?.kind === 'number'
  );
}

function numberAt(tokens: readonly Token[], index: number): NumberRef | null {
  const token = tokens[index];
  const unit = tokens[index + 1]?.lower ?? '';
  if (token?.kind === 'word') {
    const spelled = NUMBER_WORDS[token.lower];
    const scale = UNIT_SCALE[unit];
    if (spelled === undefined || scale === undefined) return null;
    return { index, value: spelled * scale, currency: null };
  }
  if (token?.kind !== 'number') return null;
  // "EUR0 .98", "EUR10 .5 m": a decimal part set apart by a space belongs to the number before it.
  if (isSplitDecimal(tokens, index - 1)) return numberAt(tokens, index - 2);
  if (isSplitDecimal(tokens, index + 1)) {
    const fraction = tokens[index + 2];
    const whole = Number.parseFloat(`${token.value}.${fraction?.text ?? '0'}`);
    const scale = UNIT_SCALE[tokens[index + 3]?.lower ?? ''] ?? 1;
    const before = tokens[index - 1]?.lower ?? '';
    return { index, value: whole * scale, currency: CURRENCIES.has(before) ? before : null };
  }
  const before = tokens[index - 1]?.lower ?? '';
  const currency = CURRENCIES.has(before) ? before : null;
  const plainYear =
    currency === null &&
    !token.text.includes('.') &&
    token.value >= 1900 &&
    token.value <= 2100 &&
    UNIT_SCALE[unit] === undefined &&
    unit !== '%' &&
    unit !== 'pct';
  if (plainYear) return null;
  return { index, value: token.value * (UNIT_SCALE[unit] ?? 1), currency };
}

function isHardBoundary(
  token: Token | undefined,
  match: PhraseMatch<LexEntry> | undefined,
  next?: Token,
): boolean {
  if (token === undefined) return true;
  // "EUR0 .98": a point before digits is a decimal point set apart, not the end of a clause.
  if (token.lower === '.' && next?.kind === 'number') return false;
  if (
    token.lower === ';' ||
    token.lower === ':' ||
    token.lower === '.' ||
    token.lower === '?' ||
    token.lower === '!'
  )
    return true;
  return match?.payload.contrast !== undefined;
}

const LOSS_WORDS = new Set(['loss', 'losses']);
const PROFIT_WORDS = new Set(['profit', 'profits', 'earnings', 'income', 'eps']);

/** "loss per share", "net loss" → loss; "EPS", "operating profit" → profit. */
function profitOrLoss(tokens: readonly Token[], match: PhraseMatch<LexEntry>): 'profit' | 'loss' | null {
  for (let i = match.start; i < match.end; i++) if (LOSS_WORDS.has(tokens[i]?.lower ?? '')) return 'loss';
  for (let i = match.start; i < match.end; i++) if (PROFIT_WORDS.has(tokens[i]?.lower ?? '')) return 'profit';
  return null;
}

/** Row labels ("Net 5 mln vs 4 mln") count only where a table row starts: first, or after a dateline dash. */
function atRowStart(tokens: readonly Token[], index: number): boolean {
  return index === 0 || tokens[index - 1]?.lower === '-';
}

const RANGE_VERBS = new Set(['range', 'ranges', 'ranged', 'ranging', 'vary', 'varies', 'varied', 'varying']);

/** A metric's bound direction word stands before it ("higher costs"), as an attribute of the noun. */
function isMovedBefore(owner: PhraseMatch<LexEntry> | undefined, metric: PhraseMatch<LexEntry>): boolean {
  return owner !== undefined && owner.end <= metric.start;
}

/** A cut or a hike with no metric beside it: in a central bank's sentence, one in its rates. */
const RATE_MOVES = new Set(['cut', 'cuts', 'hike', 'hikes']);

/** "The Fed cut rates": in a sentence naming a central bank, rates are the interest rate it sets. */
function policyRates(found: PhraseMatch<LexEntry>[]): PhraseMatch<LexEntry>[] {
  return found.map((m) =>
    m.payload.policyMetric === undefined
      ? m
      : { ...m, payload: { ...m.payload, metric: m.payload.policyMetric } },
  );
}

export function scoreTokens(tokens: readonly Token[]): TokenSentiment {
  const lexical = LEXICON.matchAll(tokens);
  /** The sentence names a central bank ("the Fed cut rates"). */
  const monetary = lexical.some((m) => m.payload.centralBank);
  const found = monetary ? policyRates(lexical) : lexical;
  const matches = found.some((m) => m.payload.rowLabel)
    ? found.filter((m) => !m.payload.rowLabel || atRowStart(tokens, m.start))
    : found;
  const byToken: (PhraseMatch<LexEntry> | undefined)[] = new Array<PhraseMatch<LexEntry> | undefined>(
    tokens.length,
  );
  for (const match of matches) for (let i = match.start; i < match.end; i++) byToken[i] = match;

  const consumed = new Set<PhraseMatch<LexEntry>>();
  const hits: EvidenceHit[] = [];

  const findMetric = (
    from: number,
    step: 1 | -1,
    limit: number,
    crossCommas: boolean,
    throughDirections = false,
    skipFigures = false,
  ): PhraseMatch<LexEntry> | null => {
    for (let i = from, n = 0; i >= 0 && i < tokens.length && n < limit; i += step, n++) {
      const token = tokens[i];
      // A level word binds only the next word, but a quantity between is none: "create 4,000 new jobs".
      if (skipFigures && (token?.kind === 'number' || QUANTITY_WORDS.has(token?.lower ?? ''))) n--;
      // A possessive belongs to its noun: "decrease the company's debt" reaches the debt.
      if (token?.lower === "'s") n--;
      const match = byToken[i];
      if (isHardBoundary(token, match, tokens[i + 1])) return null;
      if (token?.lower === ',' && !crossCommas) return null;
      // "slips as worries grow", "fell on weak demand": a cause clause is not what moved.
      if (step === 1 && CLAUSE_OPENERS.has(token?.lower ?? '')) return null;
      // "climbed 1.2% after having lost 7%", "raises forecast as shoppers trade down": a direction
      // inside a subordinate clause stays there.
      if (step === -1 && (SUBORDINATORS.has(token?.lower ?? '') || opensAsClause(tokens, i))) return null;
      if (match === undefined) continue;
      // "operating profit excluding restructuring costs grew": a qualifier's metric is not the subject.
      if (step === -1 && match.payload.metric !== undefined && isQualified(tokens, byToken, match)) {
        i = match.start;
        continue;
      }
      // "up from a loss of …": what follows a comparison marker is the baseline, not what moved.
      if (step === 1 && match.payload.comparison) return null;
      if (match.payload.metric !== undefined) {
        // "recovered from losses": the metric after "from" is the starting point, not what moved.
        if (step === 1 && tokens[match.start - 1]?.lower === 'from') return null;
        // Compound nouns take their head: "lower production costs" is about costs.
        if (step === 1) return compoundHead(match);
        return topicHead(match);
      }
      if (match.payload.dir !== undefined && !throughDirections) return null;
    }
    return null;
  };
  // "Worries about demand eased": what eased is the worries, the head of "worries about demand".
  const topicHead = (match: PhraseMatch<LexEntry>): PhraseMatch<LexEntry> => {
    let k = match.start - 1;
    if (DETERMINERS.has(tokens[k]?.lower ?? '')) k--;
    if (!TOPIC_LINKS.has(tokens[k]?.lower ?? '')) return match;
    const head = byToken[k - 1];
    return head?.payload.metric !== undefined && head.payload.dir === undefined ? head : match;
  };
  const compoundHead = (match: PhraseMatch<LexEntry>): PhraseMatch<LexEntry> => {
    let head = match;
    for (
      let next = byToken[head.end];
      next?.payload.metric !== undefined && next.payload.dir === undefined;
      next = byToken[head.end]
    )
      head = next;
    return head;
  };

  // 1. Direction + metric.
  /** Metric → the direction bound to it and the evidence they made. */
  const directionOwners = new Map<
    PhraseMatch<LexEntry>,
    { owner: PhraseMatch<LexEntry>; hit: EvidenceHit }
  >();
  for (const match of matches) {
    const entry = match.payload;
    if (entry.dir === undefined || entry.metric !== undefined) continue;
    const crossComma = tokens[match.start - 1]?.lower === ',';
    // Level words ("low", "high") only bind a metric right next to them: "low demand", "costs were high".
    const back = findMetric(match.start - 1, -1, entry.needsMetric ? 2 : BACK_WINDOW, crossComma);
    const forward = entry.needsMetric
      ? findMetric(match.end, 1, 1, false, false, true)
      : findMetric(match.end, 1, FORWARD_WINDOW, false);
    let metric = back ?? forward;
    if (back && forward) metric = match.start - back.end <= forward.start - match.end ? back : forward;
    // "Higher costs lifted prices", "lower costs boosted the firm's profit": a subject whose change its
    // own word already gave is the cause; the verb moves its object.
    if (
      back &&
      metric === back &&
      !entry.needsMetric &&
      isMovedBefore(directionOwners.get(back)?.owner, back)
    )
      metric = forward ?? findMetric(match.end, 1, OBJECT_WINDOW, false) ?? back;
    const bound = metric ? directionOwners.get(metric) : undefined;
    const owner = bound?.owner;
    const ownerHit = bound?.hit;
    const changeNoun = owner !== undefined && CHANGE_NOUN_LINKS.has(tokens[owner.end]?.lower ?? '');
    if (metric && owner && ownerHit && changeNoun && owner.end < metric.start && metric.end <= match.start) {
      // "the decline in sales halved", "the rise in costs slowed": the second direction changes the
      // first change, so "halving a decline" is good news and "a slowing rise in sales" bad news.
      consumed.add(match);
      ownerHit.value = entry.dir * ownerHit.value;
      ownerHit.end = Math.max(ownerHit.end, match.end);
      continue;
    }
    if (metric) {
      consumed.add(metric);
      consumed.add(match);
      const hit: EvidenceHit = {
        start: Math.min(match.start, metric.start),
        end: Math.max(match.end, metric.end),
        anchor: match.start,
        value: entry.dir * (entry.force ?? 1) * (metric.payload.metric ?? 0) * CHANGE_WEIGHT,
        kind: 'change',
      };
      directionOwners.set(metric, { owner: match, hit });
      hits.push(hit);
      continue;
    }
    if (entry.value === undefined && !entry.needsMetric) {
      consumed.add(match);
      // "Costs fell to their lowest level", "sales rose to a record high": the same move told again
      // is the moved metric's, good or bad as the metric is.
      const moved = findMetric(match.start - 1, -1, BACK_WINDOW, false, true);
      const restates = moved ? directionOwners.get(moved)?.owner.payload.dir === entry.dir : false;
      // "The ECB signals a cut in June": beside a central bank, a cut or a hike is one in its rates.
      const policyMove = monetary && RATE_MOVES.has(tokens[match.start]?.lower ?? '');
      const polarity = restates ? Math.sign(moved?.payload.metric ?? 0) : policyMove ? -1 : 1;
      hits.push({
        start: match.start,
        end: match.end,
        anchor: match.start,
        value: entry.dir * (entry.force ?? 1) * polarity * BARE_DIRECTION_WEIGHT,
        kind: 'change',
      });
    }
  }

  // 2. Comparisons: turnarounds and number pairs.
  for (const match of matches) {
    if (!match.payload.comparison) continue;
    // "rates ranging from 3.9 to 5.15 pct": a range, not a change.
    if (RANGE_VERBS.has(tokens[match.start - 1]?.lower ?? '')) continue;
    // "Operating profit totalled 5, up from a loss of 2": look past the direction word for what is compared.
    const previous = findMetric(match.start - 1, -1, COMPARISON_WINDOW, true, true);
    if (previous === null) continue;
    let compared: PhraseMatch<LexEntry> | undefined;
    for (let i = match.end; i < Math.min(tokens.length, match.end + 3); i++) {
      const candidate = byToken[i];
      if (candidate?.payload.metric !== undefined) {
        compared = candidate;
        break;
      }
    }
    const previousKind = profitOrLoss(tokens, previous);
    const comparedKind = compared ? profitOrLoss(tokens, compared) : null;
    if (compared && previousKind && comparedKind && previousKind !== comparedKind) {
      consumed.add(previous);
      consumed.add(compared);
      // "operating loss was 0.8, down from a profit of 2.5": the turnaround says it all; the
      // direction read on the same metric ("loss … down") would contradict it.
      const bound = directionOwners.get(previous);
      if (bound) bound.hit.value = 0;
      hits.push({
        start: previous.start,
        end: compared.end,
        anchor: match.start,
        value: (previousKind === 'profit' ? 1 : -1) * TURNAROUND_WEIGHT,
        kind: 'turnaround',
      });
      continue;
    }
    if (directionOwners.has(previous)) continue;
    const change = numericChange(tokens, match, previous.end);
    if (change === 0) continue;
    consumed.add(previous);
    // "Shr loss 1.98 dlrs vs loss 5.24 dlrs": the baseline's own word is not news of its own.
    if (compared) consumed.add(compared);
    hits.push({
      start: previous.start,
      end: match.end,
      anchor: match.start,
      value: change * (previous.payload.metric ?? 0) * COMPARISON_WEIGHT,
      kind: 'comparison',
    });
  }

  // 3. Words with their own tone.
  for (const match of matches) {
    const entry = match.payload;
    if (entry.value === undefined || consumed.has(match)) continue;
    // "lift the index from losses", "recovered from a loss": the starting point carries no tone of its own.
    if (entry.metric !== undefined && isBaseline(tokens, match.start)) continue;
    let value = entry.value;
    const word = tokens[match.start]?.lower;
    if (word === 'record') {
      const next = findMetric(match.end, 1, 3, false);
      if (next && (next.payload.metric ?? 0) < 0) value = -value;
    }
    // "Inflation accelerates to 4.1%, above forecasts", "unemployment below expectations": measured
    // against what was expected, a bad metric's overshoot is bad news.
    // "Costs hit a record high", "unemployment at a record low", "cleanup costs exceed $40 billion": a
    // level reached is good or bad as the metric that reached it is.
    if (
      entry.versusExpected ||
      entry.reachedLevel ||
      (entry.passesAmount && reachesAmount(tokens, match.end))
    ) {
      const compared = findMetric(match.start - 1, -1, BACK_WINDOW, true, true);
      if (compared && (compared.payload.metric ?? 0) < 0) value = -value;
    }
    // "shares hit a 3-month high", "hits $4 trillion": reaching a level is good news, not a blow ("hit
    // with a record fine" is one); a bad metric reaching it is bad news ("inflation hits 40-year high").
    if (
      (word === 'hit' || word === 'hits') &&
      match.end - match.start === 1 &&
      value < 0 &&
      reachesLevel(tokens, match.end) &&
      (findMetric(match.start - 1, -1, BACK_WINDOW, true, true)?.payload.metric ?? 0) >= 0
    )
      value = -value;
    // "Airbus strikes deal with Qantas": a deal made, not a stoppage (with the SEC, a settlement).
    if (match.end - match.start === 1) value = struckDealValue(tokens, match.start) ?? value;
    // "EU blocks the merger": the block carries the tone, the deal's own mild good tone gives way.
    if (entry.blocksDeal === true && !blocksDeal(tokens, match.start, match.end)) continue;
    if (value > 0 && isBlockedDeal(tokens, match.start, match.end)) continue;
    // A legal action thrown out or a stoppage ended turns good news; the verb that does it gives way.
    if (value < 0) {
      // "Rebounds after brutal selloff": the fall recovered from is where the rebound started.
      if (isRecoveredFrom(tokens, match.start)) continue;
      const ended = endedValue(tokens, match.start, match.end);
      if (ended === null) continue;
      if (ended !== undefined) value = ended;
    }
    hits.push({ start: match.start, end: match.end, anchor: match.start, value, kind: 'lexicon' });
  }

  // Most sentences hold none of the words the structural rules below start from: one look decides.
  let triggers = 0;
  for (const token of tokens) triggers |= TRIGGERS.get(token.lower) ?? 0;

  // 4. Sites closed with words between: "closed seven franchised sports stores", "11 branches are closed".
  if (triggers & CLOSING) closedSites(tokens, byToken, hits);
  if (triggers & RATING) ratingChange(tokens, hits);
  if (triggers & STAKE) stakeTaken(tokens, byToken, hits);

  // Metrics with no polarity ("share capital increased") bind a direction but carry no tone.
  for (let i = hits.length - 1; i >= 0; i--) if (hits[i]?.value === 0) hits.splice(i, 1);
  weighBottomLine(tokens, hits);
  if (triggers & OFFSET) cancelOffset(tokens, byToken, hits);
  if (triggers & PERCENT) sizeByPercent(tokens, hits);
  applyModifiers(tokens, byToken, matches, hits);
  let raw = 0;
  for (const hit of hits) raw += hit.value;
  return { raw, score: squash(raw), hits };
}

/** A comma or a hard boundary: where the rules that look a few words ahead stop. */
function endsClause(
  tokens: readonly Token[],
  byToken: readonly (PhraseMatch<LexEntry> | undefined)[],
  i: number,
): boolean {
  return tokens[i]?.lower === ',' || isHardBoundary(tokens[i], byToken[i], tokens[i + 1]);
}

const CLOSING_VERBS = new Set(['close', 'closes', 'closed', 'closing', 'shut', 'shuts', 'shutting']);
const SITES = new Set([
  'store',
  'stores',
  'shop',
  'shops',
  'outlets',
  'branches',
  'plant',
  'plants',
  'factory',
  'factories',
  'mill',
  'mills',
  'mine',
  'mines',
  'sites',
  'offices',
  'restaurants',
  'hotels',
  'depots',
  'fund',
  'funds',
]);
const PASSIVE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being']);
/** A figure, its currency or its unit: "£", "2.9", "bn" say how big, not what. */
const isAmountPart = (token: Token | undefined) =>
  token?.kind === 'number' ||
  CURRENCIES.has(token?.lower ?? '') ||
  Object.hasOwn(UNIT_SCALE, token?.lower ?? '');
/** How many words may stand between the verb and the sites closed ("shuts £2.9bn property fund"). */
const SITE_GAP = 4;
const CLOSED_SITE_VALUE = -0.6;

/**
 * Closing sites is bad news for the business, however many words describe them: "closed seven
 * franchised sports stores", "will close 23 branches", "11 branches are to be closed". "Close to
 * 50 stores" (nearly) and "closes in on" are not closures; "closed the deal" names no site.
 */
function closedSites(
  tokens: readonly Token[],
  byToken: readonly (PhraseMatch<LexEntry> | undefined)[],
  hits: EvidenceHit[],
): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!CLOSING_VERBS.has(tokens[i]?.lower ?? '') || byToken[i] !== undefined) continue;
    const next = tokens[i + 1]?.lower;
    if (next === 'to' || next === 'in' || next === 'at') continue;
    let site = -1;
    for (let j = i + 1, words = 0; words <= SITE_GAP && site < 0 && j < tokens.length; j++) {
      if (endsClause(tokens, byToken, j)) break;
      if (SITES.has(tokens[j]?.lower ?? '')) site = j;
      else if (!isAmountPart(tokens[j])) words++;
    }
    // "11 branches are closed", "the stores will be shut".
    if (site < 0 && PASSIVE.has(tokens[i - 1]?.lower ?? ''))
      for (let j = i - 2; j >= Math.max(0, i - 1 - SITE_GAP) && site < 0; j--) {
        if (endsClause(tokens, byToken, j)) break;
        if (SITES.has(tokens[j]?.lower ?? '')) site = j;
      }
    if (site < 0) continue;
    hits.push({
      start: Math.min(i, site),
      end: Math.max(i, site) + 1,
      anchor: i,
      value: CLOSED_SITE_VALUE,
      kind: 'lexicon',
    });
  }
}

/** A structural rule reads the token at `index` its own way: the evidence read there before gives way. */
function silenceAt(hits: EvidenceHit[], index: number): void {
  for (const hit of hits) if (hit.start <= index && index < hit.end) hit.value = 0;
}

/** A rating changed by a broker, as the lexicon's "to outperform" and "to underweight". */
const RATING_CHANGE_VALUE = 0.8;

/**
 * "UBS ups Barclays to Buy", "Citi moves Ford to Neutral from Buy": a rating moved up or down the
 * scale is good or bad news for the rated company, where "to buy" alone is no tone (a transaction).
 */
function ratingChange(tokens: readonly Token[], hits: EvidenceHit[]): void {
  const change = findRatingChange(tokens);
  if (change === null || change.direction === 0) return;
  // The rating is the change's: "to buy" is no takeover, "to outperform from strong buy" no rise.
  silenceAt(hits, change.rating);
  hits.push({
    start: change.verb,
    end: change.rating + 1,
    anchor: change.verb,
    value: change.direction * RATING_CHANGE_VALUE,
    kind: 'lexicon',
  });
}

const STAKE_WORDS = wordSet('stake stakes holding shareholding');
/** Verbs of an investor buying into a company, or making its holding known. */
const STAKE_BUYING = wordSet(
  'buy buys bought buying acquire acquires acquired acquiring take takes took taking taken build builds built ' +
    'building raise raises raised raising increase increases increased increasing lift lifts lifted boost boosts ' +
    'boosted up ups upped double doubles doubled discloses disclosed reveals revealed',
);
/** Words that may size or describe the stake: "takes $2.5 billion stake", "raised its stake". */
const STAKE_GAP = 5;
/** An investor buying into a company: its shareholders read a vote of confidence. */
const STAKE_TAKEN_VALUE = 0.5;

/**
 * "Berkshire buys stake in Occidental", "Elliott takes $2.5 billion stake in Southwest", "raised its
 * stake in Talentum to 30%", "Oppenheimer ups Viacom stake": an investor buying into a company is good
 * news, for the company and as the investor tells it. The verb's own reading (a bare rise, a purchase)
 * gives way to it.
 */
function stakeTaken(
  tokens: readonly Token[],
  byToken: readonly (PhraseMatch<LexEntry> | undefined)[],
  hits: EvidenceHit[],
): void {
  for (let i = 1; i < tokens.length; i++) {
    const word = tokens[i]?.lower ?? '';
    if (!STAKE_WORDS.has(word)) continue;
    // "Apple raises the stakes in streaming war" is the idiom; a "holding" is a stake only in something.
    if (isStakeIdiom(tokens, i)) continue;
    if (word === 'holding' && tokens[i + 1]?.lower !== 'in') continue;
    for (let j = i - 1; j >= Math.max(0, i - STAKE_GAP); j--) {
      if (endsClause(tokens, byToken, j)) break;
      if (!STAKE_BUYING.has(tokens[j]?.lower ?? '')) continue;
      silenceAt(hits, j);
      hits.push({ start: j, end: i + 1, anchor: j, value: STAKE_TAKEN_VALUE, kind: 'lexicon' });
      break;
    }
  }
}

/** How far after a change its percentage may stand ("rose 64 pct", "fell by 2.5 %"). */
const PERCENT_REACH = 3;

/** The percentage a change names right after it, or null. */
function percentAfter(tokens: readonly Token[], end: number): number | null {
  for (let i = end; i < Math.min(tokens.length, end + PERCENT_REACH); i++) {
    const token = tokens[i];
    if (token?.kind === 'number') {
      const unit = tokens[i + 1]?.lower ?? '';
      const perCent = unit === 'per' && tokens[i + 2]?.lower === 'cent';
      return PERCENT_WORDS.has(unit) || perCent ? token.value : null;
    }
    if (token?.lower !== 'by' && token?.lower !== 'about' && token?.lower !== 'some') return null;
  }
  return null;
}

/** Words of a market price: a share's day moves in single digits, so 6 % there is big news. */
const MARKET_WORDS = new Set(['shares', 'share', 'stock', 'stocks', 'index', 'price', 'prices']);
/** Upper bounds of the percentage bands and each band's factor: [under 1, 2, 10, 50, above]. */
const RESULT_BANDS = [1, 2, 10, 50] as const;
/** A price, or a bare "Shire up 2.5%", moves less than a result: its bands are a fifth as wide. */
const MARKET_BANDS = [0.2, 0.4, 2, 10] as const;
const BAND_FACTORS = [0.7, 0.85, 1, 1.2, 1.4] as const;

/**
 * How big a change is: "profit rises 64 pct" is bigger news than "profit rises 2 pct", and
 * "shares up 6%" bigger than "shares up 0.3%". A named percentage scales the change from 0.7 to 1.4.
 */
function sizeByPercent(tokens: readonly Token[], hits: EvidenceHit[]): void {
  for (const hit of hits) {
    if (hit.kind !== 'change') continue;
    const pct = percentAfter(tokens, hit.end);
    if (pct === null) continue;
    const words = tokens.slice(hit.start, hit.end).map((t) => t.lower);
    const bare = hit.end - hit.start === 1;
    const bands = bare || words.some((w) => MARKET_WORDS.has(w)) ? MARKET_BANDS : RESULT_BANDS;
    const band = bands.findIndex((bound) => pct < bound);
    // "Shire up 2.5%": a name moving by a percentage is its share price, as if "shares" were written.
    const before = tokens[hit.start - 1];
    const named = before?.kind === 'word' && /^\p{Lu}/u.test(before.text);
    const implied = bare && named ? CHANGE_WEIGHT / BARE_DIRECTION_WEIGHT : 1;
    hit.value *= implied * (BAND_FACTORS[band < 0 ? bands.length : band] ?? 1);
  }
}

const OFFSET_VERBS = new Set(['offset', 'offsets', 'offsetting']);
/** How far after "offset" its object's evidence may start ("offset the annuities slump"). */
const OFFSET_REACH = 5;

/**
 * "Fee-based products offset the annuities slump": what is offset no longer counts. The passive
 * ("higher sales were partly offset by costs") names both sides and is left to the other rules.
 */
function cancelOffset(
  tokens: readonly Token[],
  byToken: readonly (PhraseMatch<LexEntry> | undefined)[],
  hits: EvidenceHit[],
): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!OFFSET_VERBS.has(tokens[i]?.lower ?? '') || tokens[i + 1]?.lower === 'by') continue;
    let end = i + 1;
    while (end < Math.min(tokens.length, i + 1 + OFFSET_REACH) && !endsClause(tokens, byToken, end)) end++;
    for (const hit of hits) if (hit.start > i && hit.start < end) hit.value = 0;
  }
}

const CLOSING = 1;
const OFFSET = 2;
const PERCENT = 4;
const RATING = 8;
const STAKE = 16;
/** The words each structural rule starts from, as bits: closing verbs, "offset", percent signs, ratings, stakes. */
const TRIGGERS = new Map<string, number>([
  ...[...CLOSING_VERBS].map((word) => [word, CLOSING] as const),
  ...[...OFFSET_VERBS].map((word) => [word, OFFSET] as const),
  ...[...PERCENT_WORDS, 'per'].map((word) => [word, PERCENT] as const),
  ...[...CHANGED_TO].map((word) => [word, RATING] as const),
  ...[...STAKE_WORDS].map((word) => [word, STAKE] as const),
]);

/** The lines a profit is made of: sales above it, costs taken from it. */
const ABOVE_THE_LINE_WORDS = new Set([
  'sales',
  'revenue',
  'revenues',
  'turnover',
  'cost',
  'costs',
  'expenses',
]);
/** Income that is a business's revenue, not its profit: a bank's "net interest income". */
const REVENUE_INCOME = new Set(['interest', 'fee', 'commission', 'rental', 'premium', 'trading']);
/** What a sales or cost change keeps when profit moved the other way in the same sentence. */
const AGAINST_PROFIT_SHARE = 0.5;

/** Whether a change is about profit (the bottom line), about sales or costs, or neither. */
function lineOf(tokens: readonly Token[], hit: EvidenceHit): 'bottom' | 'above' | null {
  if (hit.kind !== 'change' && hit.kind !== 'comparison') return null;
  const words = tokens.slice(hit.start, hit.end).map((t) => t.lower);
  const income = words.indexOf('income');
  if (income >= 0 && REVENUE_INCOME.has(tokens[hit.start + income - 1]?.lower ?? '')) return 'above';
  if (words.some((w) => PROFIT_WORDS.has(w) || LOSS_WORDS.has(w))) return 'bottom';
  return words.some((w) => ABOVE_THE_LINE_WORDS.has(w)) ? 'above' : null;
}

/**
 * The bottom line outweighs the lines it is made of: "operating profit decreased while net sales
 * increased" and "slashes costs as profits plunge" are bad news, "the loss narrowed as sales
 * contracted" good news. A change in sales or costs counts in full when profit did not move
 * against it.
 */
function weighBottomLine(tokens: readonly Token[], hits: EvidenceHit[]): void {
  if (hits.length < 2) return;
  const lines = hits.map((hit) => lineOf(tokens, hit));
  const bottom = hits.filter((_, i) => lines[i] === 'bottom').reduce((sum, hit) => sum + hit.value, 0);
  if (bottom === 0) return;
  hits.forEach((hit, i) => {
    if (lines[i] === 'above' && Math.sign(hit.value) !== Math.sign(bottom)) hit.value *= AGAINST_PROFIT_SHARE;
  });
}

/** "profit excluding restructuring costs": the metric right after a qualifier qualifies another one. */
function isQualified(
  tokens: readonly Token[],
  byToken: readonly (PhraseMatch<LexEntry> | undefined)[],
  match: PhraseMatch<LexEntry>,
): boolean {
  for (let k = match.start - 1; k >= Math.max(0, match.start - 2); k--) {
    if (QUALIFIERS.has(tokens[k]?.lower ?? '')) return true;
    if (byToken[k] !== undefined) return false;
  }
  return false;
}

/** Verbs of a recovery: what follows them with "after" or "from" is the setback recovered from. */
const RECOVERY_VERBS = new Set([
  'rebound',
  'rebounds',
  'rebounded',
  'rebounding',
  'recover',
  'recovers',
  'recovered',
  'recovering',
  'bounce',
  'bounces',
  'bounced',
  'back',
]);
const RECOVERED_WINDOW = 4;

/** "Tesla stock rebounds after brutal selloff", "bounces back from losses": a setback that is over. */
function isRecoveredFrom(tokens: readonly Token[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - RECOVERED_WINDOW); k--) {
    const lower = tokens[k]?.lower ?? '';
    if ((lower === 'after' || lower === 'from') && RECOVERY_VERBS.has(tokens[k - 1]?.lower ?? ''))
      return true;
    if (tokens[k]?.kind === 'punct' || CLAUSE_OPENERS.has(lower)) return false;
  }
  return false;
}

function isBaseline(tokens: readonly Token[], start: number): boolean {
  const before = tokens[start - 1]?.lower;
  const twoBefore = tokens[start - 2]?.lower;
  return (
    before === 'from' || (twoBefore === 'from' && (before === 'a' || before === 'an' || before === 'the'))
  );
}

/** The figure is a percentage: "20.4 percent", "5 %". */
function isPercentage(tokens: readonly Token[], ref: NumberRef): boolean {
  return PERCENT_WORDS.has(tokens[ref.index + 1]?.lower ?? '');
}

/** +1 if the numbers around a comparison marker rose, -1 if they fell, 0 if unknown. */
function numericChange(tokens: readonly Token[], marker: PhraseMatch<LexEntry>, metricEnd: number): number {
  let old: NumberRef | null = null;
  const from = tokens[marker.start]?.lower === 'from';
  for (let i = marker.end; i < Math.min(tokens.length, marker.end + 5) && old === null; i++) {
    old = numberAt(tokens, i);
    // "revenue from these customers was $10m": a baseline follows "from" at once ("from EUR 5.2 mn",
    // "from about $3 billion"); other words make it the source, not the starting figure.
    if (old === null && from && !BEFORE_FIGURE.has(tokens[i]?.lower ?? '')) return 0;
  }
  if (old === null) return 0;
  let current: NumberRef | null = null;
  if (from) {
    // "from X to Y"
    for (let i = old.index + 1; i < Math.min(tokens.length, old.index + 6) && current === null; i++) {
      if (tokens[i]?.lower === 'to')
        for (let k = i + 1; k < Math.min(tokens.length, i + 4) && current === null; k++)
          current = numberAt(tokens, k);
    }
  }
  if (current === null) {
    // "to Y from X", "Y compared with X", "Y (X)"; a percentage is compared only with a percentage
    // ("sales reached 15.0 million, a rise of 20.4 percent from 12.5 million" compares the sums).
    const percent = isPercentage(tokens, old);
    for (let i = marker.start - 1; i >= Math.max(0, marker.start - 8) && current === null; i--) {
      const found = numberAt(tokens, i);
      if (found && isPercentage(tokens, found) === percent) current = found;
    }
  }
  // "Net sales of EUR 54.5 mn in the first quarter of 2008, compared with EUR 54.3 mn": the figure
  // that moved is the first one after the metric, however far the period phrase pushes the marker.
  for (let i = metricEnd; i < marker.start && current === null; i++) current = numberAt(tokens, i);
  if (current === null) return 0;
  if (tokens[marker.start]?.lower === '(' && current.currency !== old.currency) return 0;
  const base = Math.max(Math.abs(old.value), 1e-9);
  const relative = (current.value - old.value) / base;
  // Reports call even a fraction of a per cent up or down ("EUR 54.5 mn, compared with EUR 54.3 mn").
  if (Math.abs(relative) < 0.001) return 0;
  return relative > 0 ? 1 : -1;
}

/** What a direction measured against an expectation turns into: "fell less than feared" is good news, mildly. */
const SHORT_OF_EXPECTATION_FACTOR = -0.5;
const EXPECTATION_WORDS = new Set([
  'expected',
  'feared',
  'forecast',
  'forecasted',
  'anticipated',
  'estimated',
  'predicted',
  'projected',
  'thought',
  'hoped',
]);

/** "less than (analysts had) expected/feared" right after a direction. */
function fallsShortOfExpectation(tokens: readonly Token[], end: number): boolean {
  if (tokens[end]?.lower !== 'less' || tokens[end + 1]?.lower !== 'than') return false;
  for (let i = end + 2; i < Math.min(tokens.length, end + 6); i++)
    if (EXPECTATION_WORDS.has(tokens[i]?.lower ?? '')) return true;
  return false;
}

function applyModifiers(
  tokens: readonly Token[],
  byToken: readonly (PhraseMatch<LexEntry> | undefined)[],
  matches: readonly PhraseMatch<LexEntry>[],
  hits: EvidenceHit[],
): void {
  const contrasts = matches.filter((m) => m.payload.contrast !== undefined);
  for (const hit of hits) {
    let factor = 1;
    // Intensifiers and downtoners hug what they modify: "sharply higher", "rose sharply".
    let intensity = 1;
    for (let i = Math.max(0, hit.start - 3); i < Math.min(tokens.length, hit.end + 2); i++) {
      if (i >= hit.start && i < hit.end) continue;
      const m = byToken[i];
      if (m?.payload.intensity !== undefined) intensity *= m.payload.intensity;
    }
    factor *= Math.min(2, Math.max(0.4, intensity));
    // "Deliveries fell less than feared", "profit rose less than expected": the move is measured
    // against what was expected, and it beat or missed that, so the sign turns and the tone is milder.
    if (fallsShortOfExpectation(tokens, hit.end)) factor *= SHORT_OF_EXPECTATION_FACTOR;

    for (let i = hit.anchor - 1, n = 0; i >= 0 && n < 4; i--, n++) {
      const token = tokens[i];
      const m = byToken[i];
      if (token?.lower === ',' || isHardBoundary(token, m)) break;
      const isNegator =
        m?.payload.negator === true || (token?.kind === 'word' && token.lower.endsWith("n't"));
      if (isNegator && tokens[i + 1]?.lower !== 'only') {
        factor *= NEGATION_FACTOR;
        break;
      }
    }

    let hedge = 1;
    for (let i = hit.anchor - 1; i >= 0; i--) {
      const m = byToken[i];
      if (isHardBoundary(tokens[i], m)) break;
      if (m?.payload.hedge !== undefined) hedge = Math.min(hedge, m.payload.hedge);
    }
    factor *= hedge;

    for (const contrast of contrasts) {
      if (contrast.start === 0 && contrast.payload.contrast === 'after') continue;
      if (contrast.payload.contrast === 'after') {
        factor *= hit.start >= contrast.end ? 1.4 : 0.5;
      } else {
        const clauseEnd = concessiveClauseEnd(tokens, contrast);
        factor *= hit.start >= contrast.start && hit.start < clauseEnd ? 0.4 : 1.2;
      }
    }
    hit.value *= factor;
  }
}

/** "Although X, Y": the clause runs to the next comma; "Y although X": to the end. */
function concessiveClauseEnd(tokens: readonly Token[], contrast: PhraseMatch<LexEntry>): number {
  for (let i = contrast.end; i < tokens.length; i++) if (tokens[i]?.lower === ',') return i;
  return tokens.length;
}
