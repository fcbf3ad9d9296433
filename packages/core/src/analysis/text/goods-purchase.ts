/**
 * A purchase of goods or of money is no takeover: "Air India to buy 470 jets from Boeing", "Army to
 * buy 200 new tanks", "agrees to purchase 2 million barrels of crude", "ECB to buy more government
 * bonds". The deal rules of the M&A topic and event read "to buy" as a takeover only when what is
 * bought may be a business; this module tells them when a sentence's purchase is of goods instead.
 *
 * Language rules:
 * - a purchase verb's object is read up to the next punctuation or preposition ("to buy 200 tanks
 *   from Rheinmetall"); "from" right after the verb names the seller, and with nothing else named the
 *   purchase is trade ("only to buy from the United States");
 * - a business word anywhere after a deal verb ("unit", "stake", "maker", "miner", a company's name)
 *   keeps the sentence a deal, even beside goods ("to buy Teck's coal business", "buys gold miner");
 * - a company's name right before a goods word is the make, not the target ("100 Airbus planes");
 * - in a body sentence a capitalised goods word after another capitalised word is part of a name
 *   ("to buy Pacific Gas"), not goods ("to buy Treasuries", "to buy U.S. Treasuries");
 * - the market's crowd trading securities is no deal: investors, traders or funds buying or selling
 *   shares ("retail investors keep buying Tesla shares", "hedge funds selling Apple stock") and the
 *   market's own buying ("heavy call buying in Nvidia", "panic selling"), unless a stake, control or
 *   a count of shares is named ("investors bought 5.1 pct of Acme", "bought 540,000 shares") or the
 *   funds are one owner's ("its funds bought"); a company's insiders selling or buying its stock
 *   ("insider sells 1,500 shares", "CFO sells $19 million in stock") are trading too. One company
 *   buying another's shares stays a stake ("Berkshire buys more Occidental shares").
 *
 * Goods made to order (aircraft, vehicles, arms, equipment) are an order, a contract event; money,
 * debt and commodities bought in the market, and securities the crowd trades, are neither a deal nor
 * an order.
 */
import { wordSet as words } from './phrase-matcher.js';
import type { DocSentence } from './prepare-document.js';
import { CURRENCY_SIGNS, isCapitalized, type Token } from './tokenize.js';
import type { NameSpan } from './verb-object.js';

/** Verbs whose object is what is bought; their noun "purchases" too ("purchases of Soviet products"). */
export const PURCHASE_VERBS: ReadonlySet<string> = words(
  'buy buys bought buying purchase purchases purchased purchasing acquire acquires acquired acquiring',
);

/** A deal phrase told with a purchase verb ("to buy", "agreed to purchase", "acquires"). */
export function isPurchasePhrase(phrase: string): boolean {
  return phrase.split(' ').some((word) => PURCHASE_VERBS.has(word));
}

/** Deal verbs whose object decides whether the sentence is a deal ("sells its truck unit"). */
const DEAL_VERBS: ReadonlySet<string> = new Set([
  ...PURCHASE_VERBS,
  ...words('sell sells sold selling divest divests divested merge merges merged'),
]);

/** What is made to order: a purchase of these is an order. */
const ORDERED_GOODS = words(
  'jet jets plane planes aircraft airliner airliners helicopter helicopters fighter fighters drone drones ' +
    'missile missiles rocket rockets tank tanks submarine submarines warship warships frigate frigates ' +
    'ship ships vessel vessels tanker tankers satellite satellites weapon weapons arms ammunition ' +
    'car cars truck trucks bus buses vehicle vehicles locomotive locomotives train trains railcars ' +
    'equipment machinery turbines chips semiconductors computers',
);

/** What is bought in a market: commodities, fuels, money and debt. */
const MARKET_GOODS = words(
  'goods products oil crude barrels gas lng coal power electricity fuel gasoline diesel ' +
    'wheat grain grains corn maize soybeans soybean sugar coffee cocoa cotton rice barley beef pork meat ' +
    'tonnes tons bushels bales ounces gold silver copper ' +
    'bonds bond treasuries gilts bills securities debt dollars dollar yen euros sterling currency currencies',
);

/**
 * What businesses are called when they are bought or sold: "to sell its South African unit", "buys B
 * and D Instruments", "purchase of a newspaper", "sells its mills" (the M&A topic's verb-object rule).
 */
export const DEAL_OBJECTS: ReadonlySet<string> = words(
  'unit units subsidiary subsidiaries division divisions stake stakes operations business businesses assets plant plants hotel hotels interest company companies firm maker chain affiliate ' +
    'corp corporation inc co ltd plc industries instruments systems products services stores mill mills newspaper newspapers magazine station stations resort resorts brand brands franchise network networks holdings bank banks insurer',
);

/**
 * A business bought or sold, beside goods: the deal objects but the goods a business's name may end
 * in ("missile systems", "peanut products"), and the holdings, producers and properties a deal names.
 */
const BUSINESS_WORDS: ReadonlySet<string> = new Set([
  ...[...DEAL_OBJECTS].filter((word) => !words('systems products services').has(word)),
  ...words(
    'pct percent shares stock control interests firms group groups concern concerns ' +
      'maker makers manufacturer manufacturers producer producers miner miners refiner refiners lender lenders insurers broker brokers dealer dealers ' +
      'retailer retailers operator operators carrier carriers airline airlines supplier suppliers distributor distributors developer developers ' +
      'rival rivals owner startup agency agencies properties reserves field fields leases acreage mine mines refinery refineries terminal terminals pipeline pipelines',
  ),
]);

/** Where an object ends: a preposition after it introduces the seller, the price or the purpose. */
const OBJECT_ENDS = words('from for in at with under to by as on over into through after before');

const OBJECT_WINDOW = 8;

/** Verbs that with "from" and no object buy from a seller: "to buy from the United States". */
const SELLER_VERBS: ReadonlySet<string> = words('buy buys purchase purchases');

/** The market's crowd: who trades securities without seeking a stake. */
const CROWD = words(
  'investors traders speculators funds institutions foreigners insiders bargain-hunters hunters',
);
const OWNED = words("its their his her 's the these those");
/**
 * A company's insiders trading its stock: "Slack insider sells 1,500 shares", "CFO sells $19 million in
 * stock". Their filings name counts, so a count does not make their trade a stake. A founder is left
 * out: a founder "sells out to Google".
 */
const INSIDERS = words(
  'insider insiders director directors ceo cfo coo cto svp evp officer officers chairman chairwoman',
);
/** Words between the crowd and its verb: "keep buying", "continued to sell", "were also buying". */
const BETWEEN_CROWD_AND_VERB = words(
  'keep keeps kept continue continues continued to are were have has had been also still again rush rushed piled',
);
/** The market's own buying and selling: "heavy call buying", "panic selling", "net buying". */
const MARKET_FLOW_MODIFIERS = words(
  'call put options heavy panic bargain retail foreign institutional insider net short-covering technical fund',
);
const FLOW_NOUNS = words('buying selling');
/** What a crowd buys when it seeks a stake or control, or buys a business, not securities. */
const STAKE_WORDS: ReadonlySet<string> = new Set([
  ...[...DEAL_OBJECTS].filter((word) => !words('holdings interest').has(word)),
  ...words('pct percent control majority'),
]);

export type PurchaseKind = 'order' | 'market';

/**
 * What the sentence's purchase is of: 'order' for goods made to order, 'market' for commodities,
 * fuels, money and debt, null when a deal verb takes a business (or no purchase verb takes goods).
 */
export function goodsPurchase(
  sentence: DocSentence,
  names: readonly NameSpan[] | undefined,
): PurchaseKind | null {
  const { tokens } = sentence;
  let kind: PurchaseKind | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const verb = tokens[i]?.lower ?? '';
    if (!DEAL_VERBS.has(verb)) continue;
    if (isCrowdTrading(tokens, i)) {
      kind ??= 'market';
      continue;
    }
    const object = readObject(sentence, i, names);
    if (object === 'business') return null;
    if (object !== null && PURCHASE_VERBS.has(verb) && kind !== 'order') kind = object;
  }
  return kind;
}

/**
 * The verb at `verbAt` is the market's crowd or a company's insider trading securities, with no stake
 * named after it.
 */
function isCrowdTrading(tokens: readonly Token[], verbAt: number): boolean {
  const verb = tokens[verbAt]?.lower ?? '';
  let k = verbAt - 1;
  while (k >= 0 && k >= verbAt - 4 && BETWEEN_CROWD_AND_VERB.has(tokens[k]?.lower ?? '')) k--;
  const insider = INSIDERS.has(tokens[k]?.lower ?? '');
  const crowd =
    insider ||
    (FLOW_NOUNS.has(verb) && MARKET_FLOW_MODIFIERS.has(tokens[verbAt - 1]?.lower ?? '')) ||
    // "its funds bought 68,000 shares": one owner's funds building a stake, not the crowd.
    (CROWD.has(tokens[k]?.lower ?? '') && !OWNED.has(tokens[k - 1]?.lower ?? ''));
  if (!crowd) return false;
  const end = Math.min(tokens.length, verbAt + 1 + OBJECT_WINDOW);
  for (let j = verbAt + 1; j < end; j++) {
    const token = tokens[j] as Token;
    if (token.kind === 'punct' && !INNER_MARKS.has(token.text)) break;
    if (STAKE_WORDS.has(token.lower)) return false;
    // "Bought 540,000 shares": a count of shares is a holder's filing, not the crowd's trading.
    if (token.kind === 'number' && !insider) return false;
  }
  return true;
}

function readObject(
  sentence: DocSentence,
  verbAt: number,
  names: readonly NameSpan[] | undefined,
): PurchaseKind | 'business' | null {
  const { tokens } = sentence;
  const end = Math.min(tokens.length, verbAt + 1 + OBJECT_WINDOW);
  const sellerFirst = tokens[verbAt + 1]?.lower === 'from';
  let kind: PurchaseKind | null = null;
  for (let k = verbAt + (sellerFirst ? 2 : 1); k < end; k++) {
    const token = tokens[k] as Token;
    if (token.kind === 'punct' && !INNER_MARKS.has(token.text) && !endsAbbreviation(tokens, k)) break;
    if (OBJECT_ENDS.has(token.lower) && !(sellerFirst && kind === null)) break;
    if (BUSINESS_WORDS.has(token.lower)) return 'business';
    const name = names?.find((n) => n.start === k);
    if (name !== undefined) {
      const next = tokens[name.end]?.lower ?? '';
      // "100 Airbus planes": the make; "from Acme": the seller; otherwise the company bought.
      if (!sellerFirst && !ORDERED_GOODS.has(next) && !MARKET_GOODS.has(next)) return 'business';
      k = name.end - 1;
      continue;
    }
    if (
      !sentence.isHeadline &&
      isCapitalized(token.text) &&
      isCapitalized(tokens[k - 1]?.text ?? '') &&
      !endsAbbreviation(tokens, k - 1)
    )
      continue;
    if (ORDERED_GOODS.has(token.lower)) kind = 'order';
    else if (MARKET_GOODS.has(token.lower)) kind ??= 'market';
  }
  // "Only to buy from the United States": buying from a seller, no business named ("properties
  // acquired from Acme" told what was bought before the verb).
  return kind ?? (sellerFirst && SELLER_VERBS.has(tokens[verbAt]?.lower ?? '') ? 'market' : null);
}

/** Punctuation inside an object: an amount's sign, a model's hyphen ('F-35 fighter jets'). */
const INNER_MARKS: ReadonlySet<string> = new Set([...CURRENCY_SIGNS, '-', '/']);

/** The full stop of an abbreviation ("U.S."), or the abbreviation itself: no end of the object. */
function endsAbbreviation(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  if (token?.text === '.') return tokens[at - 1]?.text.includes('.') === true;
  return token?.text.includes('.') === true;
}
