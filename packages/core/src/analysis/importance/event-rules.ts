/**
 * Event types the importance score knows, with their weight (0..1): what
 * kind of thing happened matters most for how important a story is.
 */
import { expandPatterns, wordSet as words } from '../text/phrase-matcher.js';
import type { VerbObjectRule } from '../text/verb-object.js';

export interface EventRule {
  type: string;
  weight: number;
  /** Phrase patterns ("|" between phrases, "/" between word alternatives). */
  patterns: string;
  /** Counts only when the headline says so (a body that mentions "review" is not a review). */
  headlineOnly?: boolean;
}

/**
 * Deal phrases a sports story uses for a transfer ("agrees to buy a striker", "bid for the
 * captain"): they count for a merger only outside a sports context (text/sports-context.ts).
 */
const EVERYDAY_DEAL_PATTERNS =
  'agreed/agrees/agree to buy/purchase|to buy|to purchase|bid for|bought by|purchased by|complete/completes/completed purchase/acquisition|complete/completes/completed the/its purchase/acquisition';
export const EVERYDAY_DEAL_PHRASES: ReadonlySet<string> = new Set(expandPatterns(EVERYDAY_DEAL_PATTERNS));

/**
 * How a sale or a takeover is pursued before any deal is signed: a company put up for sale, selling
 * itself or exploring a sale, rival and sweetened bids, a buyer taking a company private, and the
 * defences against a bid (a poison pill, a shareholder rights plan; a proxy fight is for board seats
 * as often as for control). Shared with the M&A topic (topics/topic-rules.ts).
 */
export const DEAL_PROCESS_PATTERNS =
  'up for sale|sell/sells/selling itself|sale of itself|poison pill|poison pills|shareholder rights plan|explore/explores/exploring/explored a/the sale|explore/explores/exploring/explored sale|sale process|strategic alternatives|bidding war|rival bid/bids/offer/offers/bidder/bidders|counterbid|counter-bid|counteroffer|counter-offer|sweetened bid/offer|sweetens/sweetened/improves/improved its/the bid/offer|improved bid/offer|takeover/buyout interest/target/speculation|taken private|go/goes/going/went private|take-private|going-private';

/**
 * Results told by how the bottom line moved ("profit doubles", "narrows quarterly loss", "halves its
 * loss", "swings to a profit", "returns to profitability") and dividends changed ("raises dividend",
 * "suspends its payout"). Shared with the earnings topic (topics/topic-rules.ts).
 */
export const EARNINGS_MOVES_PATTERNS =
  // The bottom line told moving: "Toyota profit doubles", "Shell's profit falls 28%".
  'profit/profits/earnings/revenue/revenues doubles/doubled/triples/tripled/halves/halved/soars/soared/jumps/jumped/surges/surged/slumps/slumped/plunges/plunged/tumbles/tumbled/sinks/sank/falls/fell/drops/dropped/rises/rose/climbs/climbed/slides/slid|' +
  // Plural subjects take the plain verb: "BP profits slump", "Bank earnings jump".
  'profits/earnings/revenues double/triple/halve/soar/jump/surge/slump/plunge/tumble/sink/fall/drop/rise/climb/slide|' +
  'quarterly/annual/full-year/first-quarter/second-quarter/third-quarter/fourth-quarter loss/losses|narrows/narrowed/narrowing/widens/widened/widening/halves/halved/trims/trimmed loss/losses|narrows/narrowed/widens/widened/halves/halved/trims/trimmed its/a/the loss/losses|narrower/wider loss/losses|swings/swung/swing/swinging to profit/loss|swings/swung/swing/swinging to a profit/loss|returns/returned/return/returning to profit/profitability|raises/raised/cuts/cut/suspends/suspended/omits/omitted/boosts/boosted/hikes/hiked/lifts/lifted/increases/increased/slashes/slashed/reinstates/reinstated/resumes/resumed/scraps/scrapped dividend/dividends/payout|raises/raised/cuts/cut/suspends/suspended/omits/omitted/boosts/boosted/hikes/hiked/lifts/lifted/increases/increased/slashes/slashed/reinstates/reinstated/resumes/resumed/scraps/scrapped its/the dividend/dividends/payout';

/**
 * A business failing, told without the legal words: "Wilko goes bust", "Flybe enters administration",
 * "administrators appointed", a run on a bank's deposits, a debt payment missed. Shared with the
 * lexicon, which reads them as bankruptcy reads.
 */
export const FAILURE_PATTERNS =
  'goes/went/go/going/gone bust|enters/entered/entering/enter administration|into administration|placed in administration|appoints/appointed/appoint administrators|administrators appointed|bank run|run on deposits|run on the bank|bank failure|bank failures|seized by regulators|shut down by regulators|closed by regulators|' +
  // A payment on debt missed is a default: "Country Garden misses bond payment".
  'miss/misses/missed/missing bond/debt/interest/coupon/loan payment/payments|miss/misses/missed/missing a/an/its bond/debt/interest/coupon/loan payment/payments';

/**
 * Results far past the estimates, told with a vivid verb: "blow past expectations", "crushes
 * estimates". Shared with the lexicon, which reads them as a beat.
 */
export const EMPHATIC_BEAT_PATTERNS =
  'blow/blows/blew/blowing/sail/sails/sailed/sailing/race/races/raced/racing past expectations/estimates/forecasts/consensus|crush/crushes/crushed/crushing/smash/smashes/smashed/smashing/trounce/trounces/trounced expectations/estimates/forecasts/consensus';

export const EVENT_RULES: readonly EventRule[] = [
  {
    type: 'export-controls',
    weight: 1,
    patterns:
      'export controls|export control|export restrictions|export rules|export ban|export bans|import ban|import bans|export curbs|export licence|export license|export licenses|licensing requirements|entity list|blacklisted|blacklist|sanctions|sanctioned|embargo|ban on exports/imports|ban on the export/import/sale|banned/barred from selling/exporting/shipping/supplying',
  },
  {
    type: 'bankruptcy',
    weight: 1,
    patterns:
      'bankruptcy|bankrupt|chapter 11|insolvency|insolvent|liquidation|receivership|files/filed for protection|defaulted|default on|ordered to liquidate|liquidation order|winding-up order|winding-up petition|' +
      FAILURE_PATTERNS,
  },
  {
    type: 'merger-acquisition',
    weight: 0.9,
    patterns:
      'acquire|acquires|acquired|acquisition|merger|merge|merges|takeover|take over|takes over|buyout|tender offer|all-cash deal|all-stock deal|' +
      `${DEAL_PROCESS_PATTERNS}|${EVERYDAY_DEAL_PATTERNS}`,
  },
  {
    type: 'earnings-surprise',
    weight: 0.85,
    patterns:
      'beat/beats/beating/miss/missed/misses/missing/topped/tops/topping/exceeded/exceeds/exceeding estimates/expectations/forecasts/consensus|better/worse/weaker/stronger than expected|profit/sales/revenue/earnings warning/warnings|fell/falls/fall/falling short of|profit/profits/earnings/revenue/revenues/sales fell/falls/fall/falling short of|above/below expectations|above/below estimates|' +
      EMPHATIC_BEAT_PATTERNS,
  },
  {
    type: 'tariffs',
    weight: 0.8,
    patterns: 'tariff|tariffs|import duties|trade war|countervailing duties|anti-dumping|anti-subsidy',
  },
  {
    type: 'major-outage',
    weight: 0.8,
    patterns:
      'outage|outages|cyberattack|cyber attack|data breach|security breach|breach|phishing|attackers|ransomware|hacked|hackers|downtime|went down|service disruption|fire|explosion|blaze|spill',
  },
  {
    type: 'guidance-change',
    weight: 0.75,
    patterns:
      'raised/raises/lifted/lifts/cut/cuts/lowered/lowers/slashed/slashes/trimmed/boosted/upgrades/upgraded/downgrades/downgraded guidance/outlook/forecast|raised/raises/lifted/lifts/cut/cuts/lowered/lowers/slashed/slashes/trimmed/boosted/upgrades/upgraded/downgrades/downgraded its/profit/earnings/revenue/sales/full-year/annual guidance/outlook/forecast|raised/raises/cut/cuts/lowered/lowers/upgraded/upgrades/downgraded/downgrades its profit/earnings/revenue/sales/full-year/annual guidance/outlook/forecast',
  },
  {
    type: 'lawsuit-fine',
    weight: 0.75,
    patterns:
      'lawsuit|lawsuits|sued|sues|class action|fined|fines|fine of|penalty|antitrust|settlement|court ruling|indicted|charged with|sentenced|jailed|prison sentence|jail sentence|breach of contract|breach of a contract|breach of the contract|breach of its contract|in breach of|breached the/its/a contract|found guilty|pleaded/pleads/pled guilty|convicted|conviction|acquitted|acquits|acquittal|jury verdict|verdict against|verdict in favor/favour|directed verdict|settles/settled/settle lawsuit/lawsuits/suit/suits/case/claims/charges/dispute|agreed/agrees/agree to settle|' +
      // A verdict with the defendant between ("jury finds Acme guilty"); "can be held liable" is no verdict.
      'guilty|found/finds liable|liable for damages|jury awards/awarded|court orders/ordered',
  },
  {
    type: 'regulation',
    weight: 0.7,
    patterns:
      'regulator|regulators|regulation|regulations|legislation|new rules|probe|investigation|approved by|approval from|ruling|law|faa|fda|sec|ftc|fcc|nhtsa|cma|european commission|antitrust|' +
      // A ban on what a company sells or does ("TikTok ban", "bans parties"); bans on goods crossing a
      // border are export controls above.
      'ban|bans|banned|banning|ban on|banned from',
  },
  { type: 'recall', weight: 0.7, patterns: 'recall|recalls|recalled|recalling' },
  {
    type: 'ipo',
    weight: 0.7,
    patterns:
      'initial public offering|initial offering|initial share offering|initial stock offering|ipo|direct listing|spac|went public|go public|market debut|trading debut|nasdaq debut|nyse debut|exchange debut|' +
      'debut/debuts/debuted on nasdaq/nyse|debut/debuts/debuted on the nasdaq/nyse|debut/debuts/debuted on wall street|debut/debuts/debuted in london|debut/debuts/debuted in new york|debut/debuts/debuted in hong kong',
  },
  {
    type: 'layoffs',
    weight: 0.65,
    patterns: 'layoffs|layoff|job cuts|cut jobs|cuts jobs|lay off|lays off|laid off|redundancies|jobs cut',
  },
  {
    type: 'leadership-change',
    weight: 0.55,
    patterns:
      'steps down|stepped down|step down|stepping down|steps aside|stepped aside|step aside|retire/retires/retiring as|new chief executive|new boss|interim ceo|interim chief executive|resigned|resigns|resignation|ousted|appointed chief executive|named chief executive|new ceo|appoints/appointed/names/named ceo|ceo/cfo/chairman/chairwoman/president quits/quit/departs/exits/leaves/retires|chief executive quits/quit/departs/exits/leaves/retires|ceo/cfo/chairman/chairwoman/president unexpectedly/abruptly/suddenly quits/quit/departs/exits/leaves/retires/resigns|chief executive unexpectedly/abruptly/suddenly quits/quit/departs/exits/leaves/retires/resigns|quits/quit as ceo/cfo/chairman/chairwoman/president/boss',
  },
  {
    type: 'earnings',
    weight: 0.5,
    patterns:
      'qtr/year/mths/months net/loss/profit|shr|oper shr|qtly/qtrly/mthly/annual div|qtly/qtrly/quarterly dividend|stock split|quarterly results|quarterly earnings|annual results|full-year results|net profit|operating profit|net income|revenue|earnings per share|net sales|earnings|first-quarter/second-quarter/third-quarter/fourth-quarter/quarterly/annual/full-year profit/revenue/results/earnings/sales|' +
      EARNINGS_MOVES_PATTERNS,
  },
  // Found by the sentence's rating statement (text/analyst-rating.ts), not by phrases.
  { type: 'analyst-rating', weight: 0.4, patterns: '' },
  {
    type: 'product-launch',
    weight: 0.4,
    patterns:
      'launch|launches|launched|unveil|unveils|unveiled|introduces|introduced|rolls out|rolled out|new model|release|releases|released|debuts|debuted',
  },
  {
    type: 'partnership-contract',
    weight: 0.35,
    patterns:
      'partnership|partners with|contract|agreement|signed|collaboration|teams up|deal with|order from|supply deal|wins/won/secures/secured/lands/landed/receives/received/books/booked order/orders|order/orders worth|order/orders valued',
  },
  {
    type: 'review-opinion',
    weight: 0.15,
    headlineOnly: true,
    patterns:
      // A bare "verdict" is as often a court's ("baby formula verdict"): a reviewer's is "our verdict".
      'review|reviews|reviewed|hands-on|first look|we tested|our verdict|pros and cons|opinion|column|editorial|i tested|worth buying|tested',
  },
];

/** An event told as a verb and its object with words between (text/verb-object.ts). */
export interface EventProximityRule extends VerbObjectRule {
  type: string;
}

/**
 * A company telling its own prospects (topic and event): "Maersk warns profit will fall", "Intel
 * forecasts weak first quarter"; analysts' or economists' expectations have no company as their subject.
 */
export const OUTLOOK_RULE = {
  verbs: words('warns warned expects sees forecasts predicts projects guides guided'),
  objects: words('profit profits earnings sales revenue revenues margin margins quarter ebitda eps'),
  companyObject: false,
  companySubject: true,
  window: 4,
} as const;

/** A shareholder vote is on a deal: "Hess shareholders approve Chevron deal" (topic and event). */
export const SHAREHOLDER_VOTE_RULE = {
  verbs: words('approve approves approved back backs backed reject rejects rejected'),
  objects: words('deal merger takeover offer bid buyout combination sale'),
  companyObject: false,
  window: 4,
  subjects: words('shareholders stockholders holders'),
} as const;

export const EVENT_PROXIMITY_RULES: readonly EventProximityRule[] = [
  // "to cut 15,000 jobs", "lays off 1,200 workers", "will shed about 5 % of its workforce".
  {
    type: 'layoffs',
    verbs: words(
      'cut cuts cutting slash slashes slashing axe axes axing shed sheds shedding eliminate eliminates eliminating lay lays laying',
    ),
    objects: words('jobs positions workers employees staff roles workforce'),
    between: words(
      'off about some nearly almost around roughly more than up to another additional further % pct percent of its the a tens dozens hundreds thousands',
    ),
    companyObject: false,
    window: 6,
  },
  // "Names Chipotle's Brian Niccol as CEO", "appoints former CFO Jane Doe chief executive".
  {
    type: 'leadership-change',
    verbs: words('names named appoints appointed hires hired taps tapped picks picked'),
    objects: words('ceo ceos chief boss chairman chairwoman chairperson chair cfo coo president'),
    companyObject: false,
    window: 8,
  },
  // "To pay $361 million to settle US probe", "settles SEC charges": a settlement with words between.
  {
    type: 'lawsuit-fine',
    verbs: words('settle settles settled settling'),
    objects: words(
      'probe probes charges claims lawsuit lawsuits suit suits case cases allegations investigation investigations',
    ),
    companyObject: false,
    window: 4,
  },
  // "Takes Zendesk private", "to take the retailer private": a buyout ("took private lessons" is none).
  {
    type: 'merger-acquisition',
    verbs: words('take takes taking took'),
    objects: words('private'),
    companyObject: false,
    window: 4,
    apart: true,
  },
  // "To pay $2.9 billion over 1MDB scandal", "pays $100 million to resolve fraud charges".
  {
    type: 'lawsuit-fine',
    verbs: words('pay pays paid paying'),
    objects: words(
      'scandal scandals probe probes charges claims allegations fraud violations lawsuit lawsuits investigation investigations misconduct bribery',
    ),
    companyObject: false,
    window: 8,
  },
  // "Cuts Wegovy sales outlook", "raises 2025 revenue guidance": a forecast changed with words between;
  // an economy's forecast ("cuts global growth forecast") is an economist's, no company's guidance.
  {
    type: 'guidance-change',
    verbs: words(
      'raise raises raised raising lift lifts lifted cut cuts cutting lower lowers lowered lowering slash slashes slashed trim trims trimmed boost boosts boosted',
    ),
    objects: words('outlook outlooks forecast forecasts guidance'),
    companyObject: false,
    window: 5,
    notBetween: words(
      'growth gdp economy economic inflation global rate rates price prices demand oil gold metal metals copper commodity commodities',
    ),
  },
  { type: 'merger-acquisition', ...SHAREHOLDER_VOTE_RULE },
  // Business won, told with words between: "Oracle wins TikTok cloud deal", "lands $2 billion Pentagon contract".
  {
    type: 'partnership-contract',
    verbs: words('win wins won winning land lands landed secure secures secured clinch clinches clinched'),
    objects: words('deal deals contract contracts order orders'),
    companyObject: false,
    window: 5,
    // "wins approval for deal", "win title after deal for striker": something else is won.
    notBetween: words(
      'approval approvals clearance backing support title cup race vote votes case dismissal',
    ),
  },
  { type: 'guidance-change', ...OUTLOOK_RULE },
  // "Regulators seize First Republic Bank", "FDIC seizes Signature Bank": a bank failed.
  {
    type: 'bankruptcy',
    verbs: words('seize seizes seized seizing'),
    objects: words('bank banks lender lenders'),
    companyObject: false,
    window: 4,
  },
  // "China restricts exports of gallium", "curbs chip exports", "bans imports of beef".
  {
    type: 'export-controls',
    verbs: words(
      'restrict restricts restricted restricting curb curbs curbed curbing ban bans banned banning',
    ),
    objects: words('exports imports export import shipments'),
    companyObject: false,
    window: 4,
  },
];

export const REVIEW_EVENT = 'review-opinion';
export const SURPRISE_EVENT = 'earnings-surprise';

/**
 * An economy's releases: figures measured against forecasts in a sentence naming one and no
 * company ("inflation above forecasts", "retail sales beat expectations") are no company's results.
 */
export const ECONOMIC_RELEASES: ReadonlySet<string> = new Set(
  expandPatterns(
    'inflation|consumer prices|producer prices|cpi|ppi|gdp|gnp|economy|economic growth|unemployment|jobless|jobless claims|payrolls|nonfarm payrolls|jobs|jobs report|jobs data|retail sales|industrial production|industrial output|factory output|factory orders|durable goods|pmi|housing starts|home sales|consumer confidence|consumer spending|trade deficit|trade surplus|current account|exports|imports',
  ),
);
export const RATING_EVENT = 'analyst-rating';
export const OUTAGE_EVENT = 'major-outage';
export const RECALL_EVENT = 'recall';
export const MERGER_EVENT = 'merger-acquisition';
export const LAUNCH_EVENT = 'product-launch';
export const LEADERSHIP_EVENT = 'leadership-change';
/** An order for goods is a contract ("to buy 470 jets"). */
export const ORDER_EVENT = 'partnership-contract';
