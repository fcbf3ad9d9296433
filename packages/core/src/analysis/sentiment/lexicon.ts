/**
 * Wirelens' own financial sentiment lexicon, written for this project from
 * general knowledge of how markets news is phrased. It is deliberately small
 * and structural: most sentiment in financial text comes from a *metric*
 * moving in a *direction* ("operating loss narrowed", "costs rose"), not from
 * emotive words, so words are classified by role rather than given one score.
 *
 * Roles:
 * - metric: a quantity with a polarity (+1 more is good: profit, sales; -1 more is bad: loss, costs).
 * - dir: a change of direction (+1 up: rose, higher; -1 down: fell, narrowed).
 * - value: sentiment the word carries on its own (beat, lawsuit, bankruptcy).
 * - negator / hedge / intensity / contrast: modifiers of nearby evidence.
 * Multi-word phrases win over single words (longest match).
 */
import { EMPHATIC_BEAT_PATTERNS, FAILURE_PATTERNS } from '../importance/event-rules.js';
import { expandPatterns } from '../text/phrase-matcher.js';
import { BLOCK_VERBS } from './ended-actions.js';
import { STRUCK_DEAL_VALUE } from './struck-deal.js';

export interface LexEntry {
  value?: number;
  metric?: number;
  dir?: 1 | -1;
  /** How far a direction word moves on its own: "soared", "plunged" say more than "rose", "edged". */
  force?: number;
  negator?: boolean;
  /** Multiplier < 1 for uncertainty ("may", "could", "expected to"). */
  hedge?: number;
  /** Multiplier for the nearest evidence ("sharply" 1.5, "slightly" 0.5). */
  intensity?: number;
  /** 'after': evidence after the marker outweighs what came before ("but"); 'concessive': the clause it opens is discounted ("although"). */
  contrast?: 'after' | 'concessive';
  /** Makes a following "loss"/"profit" a turnaround marker ("from a loss", "compared to a loss"). */
  comparison?: boolean;
  /** A direction that says nothing without a metric next to it. */
  needsMetric?: boolean;
  /** Marks the phrase as consumed with no effect ("up to", "set up"). */
  inert?: boolean;
  /** A results-table row label that counts only at the start of a row ("Net 5 mln vs 4 mln"). */
  rowLabel?: boolean;
  /** Names a central bank: in its sentence a word with `policyMetric` is the interest rate it sets. */
  centralBank?: boolean;
  /** The metric a word takes in a sentence naming a central bank ("the Fed cut rates"). */
  policyMetric?: number;
  /** A verb that stops what follows it: tone only with a deal as its object or subject ("EU blocks the merger"). */
  blocksDeal?: boolean;
  /**
   * A standing against expectations ("above forecasts") whose tone is the compared metric's:
   * "inflation above forecasts" is bad news.
   */
  versusExpected?: boolean;
  /**
   * A level reached whose tone is the metric's that reached it: "shares hit a record high" is good
   * news, "costs hit a record high" and "vacancies hit record" bad, "unemployment at a record low" good.
   */
  reachedLevel?: boolean;
  /**
   * Passing something, which an amount after it makes a level reached ("costs exceed $40 billion",
   * "losses top $1 billion" are bad news; "sales top $100 billion" good).
   */
  passesAmount?: boolean;
}

type Spec = readonly [patterns: string, entry: LexEntry];

/** Falling behind a rival: bad news alone, and for per-company tone a loss to the rival (score-target.ts). */
export const FALLING_BEHIND_PATTERNS =
  'falls/fell/falling/slips/slipped/drops/dropped behind|trails|trailed|trailing|lags/lagged/lagging behind';

/** Defying adverse conditions (one word slot each, see expandPatterns). */
const DEFY =
  'buck/bucks/bucked/bucking/defy/defies/defied/defying/weathers/weathered/withstands/withstood/resist/resists/resisted/resisting';
const SHRUG_OFF = 'shrug/shrugs/shrugged/shrugging off';
const ADVERSE =
  'the/a/weak/falling/slumping/gloomy/tough/difficult/sluggish/soft/choppy/volatile/broader/wider/oil/commodity/industry/sector/price';
const ADVERSITY =
  'trend/market/markets/conditions/slump/slowdown/downturn/gloom/headwinds/weakness/turmoil/selloff/sell-off/storm/crisis/recession';

const METRICS: Spec[] = [
  [
    'profit|profits|earnings|revenue|revenues|sales|turnover|income|ebit|ebitda|eps|margin|margins',
    { metric: 1 },
  ],
  [
    'operating/net/gross/pre-tax/pretax/underlying/adjusted/comparable profit/profits/income/margin/earnings/result',
    { metric: 1 },
  ],
  [
    'order|orders|bookings|backlog|demand|dividend|dividends|output|production|deliveries|shipments|exports',
    { metric: 1 },
  ],
  [
    'order intake|order book|market share|cash flow|share price|stock price|market value|market cap|price target|target price',
    { metric: 1 },
  ],
  [
    'result|results|performance|profitability|productivity|efficiency|liquidity|solvency|occupancy',
    { metric: 1 },
  ],
  [
    'traffic|passengers|customers|subscribers|users|visitors|footfall|volumes|volume|sales volume',
    { metric: 1 },
  ],
  // Business a company holds: "loses a third of its supply contract", "lost two clients".
  ['contract|contracts|customer|client|clients|subscriber|account|accounts|mandate|mandates', { metric: 1 }],
  [
    'shares|stock|stocks|valuation|outlook|guidance|forecast|forecasts|rating|ratings|estimate|estimates',
    { metric: 1 },
  ],
  [
    'jobs|employment|hiring|payrolls|gdp|growth|confidence|sentiment|momentum|premiums|deposits|returns|payout',
    { metric: 1 },
  ],
  [
    'workforce|staff|personnel|employees|headcount|capacity|assets|equity|cash|reserves|investment|investments|spending',
    { metric: 0.6 },
  ],
  ['index|indices|markets|market|lending|loans|consumption|value|prices|price|wages', { metric: 0.3 }],
  // Builders' activity: "housing starts plunge".
  ['housing starts|building permits|construction spending', { metric: 0.8 }],
  // "Market rates", "tanker rates", "utilisation rates" are a company's prices and usage; in a
  // sentence naming a central bank, rates are the price of money (INTEREST_RATE).
  ['rates', { metric: 0.3, policyMetric: -0.6 }],
  // A lender's earnings from the price of money.
  [
    'net interest income|interest income|net interest margin|net interest margins|interest margin|interest margins',
    { metric: 1 },
  ],
  // The price of money: dearer borrowing weighs on borrowers, on markets and on the economy, so
  // "mortgage rates fall" and "the ECB cuts interest rates" are good news, "bond yields jump" bad.
  [
    'interest rate|interest rates|mortgage rate|mortgage rates|borrowing rates|policy rate|key rate|key interest rate|benchmark rate|benchmark interest rate|bond yields|treasury yields|gilt yields|bund yields',
    { metric: -0.6 },
  ],
  [
    'profit/profits/earnings/result/income before/excluding tax/taxes/interest|earnings/profit before interest and tax/taxes|earnings per share|profit/income after tax/taxes',
    { metric: 1 },
  ],
  ['loss/losses before/excluding tax/taxes|loss per share', { metric: -1 }],
  // Quantities whose change is no news in itself: a direction binds to them and says nothing.
  [
    'share capital|number of shares|shares outstanding|registered share capital|depth|distance|temperature',
    { metric: 0 },
  ],
  // Wire-service results tables: "Shr 80 cts vs 72 cts", "Revs 1.9 bil vs 1.3 bil", "Qtly div 25 cts vs 22 cts".
  [
    'shr|shrs|oper shr|oper net|oper profit|revs|rev|div|qtly div|qtrly div|mthly div|annual div|semi-annual div|qtly|qtrly|payout',
    { metric: 1 },
  ],
  ['net', { metric: 1, rowLabel: true }],
  ['shr loss|oper shr loss|oper loss', { metric: -1 }],
  ['avg shrs|avg shares', { metric: 0 }],
  ['errors|defects|failures|incidents|accidents', { metric: -1 }],
  ['bill|bills|fuel bill|wage bill|tax bill', { metric: -0.6 }],
  [
    'loss|losses|deficit|deficits|debt|debts|liabilities|indebtedness|net debt|unemployment|jobless claims',
    { metric: -1 },
  ],
  // What a landlord, a lender or an economy wants fewer of: "office vacancies hit record", "delinquencies
  // rise" (job vacancies are openings: no tone of their own).
  [
    'vacancy rate|vacancy rates|office vacancies|office vacancy|retail vacancies|store vacancies|property vacancies|delinquencies|delinquency rate|delinquency rates|foreclosures|bankruptcies|insolvencies|jobless rate|unemployment rate',
    { metric: -1 },
  ],
  ['net/operating/pre-tax/pretax/quarterly/annual/underlying loss/losses', { metric: -1 }],
  // Money entrusted to a fund manager, bank or platform: clients moving it out is lost business.
  ['outflow|outflows|net outflows|redemptions|withdrawals', { metric: -1, value: -0.6 }],
  ['inflow|inflows|net inflows|net new money', { metric: 1, value: 0.5 }],
  // Costs are an input: a change in them says less than the same change in profit or sales, so
  // "slashes costs as profits plunge" is bad news.
  ['cost|costs|expenses|expense', { metric: -0.8 }],
  ['layoffs|job cuts|impairment|impairments|write-down|write-downs|writedowns|churn', { metric: -1 }],
  [
    'delays|defaults|arrears|bad loans|non-performing loans|borrowing costs|cash burn|complaints|claims',
    { metric: -1 },
  ],
  [
    'concerns|fears|worries|doubts|inflation|risk|risks|charges|provisions|volatility|uncertainty|pressure|competition|headwinds|inventories|tariffs|taxes',
    { metric: -0.6 },
  ],
];

const DIRECTIONS: Spec[] = [
  [
    'rise|rises|rose|risen|rising|increase|increases|increased|increasing|grew|grow|grows|grown|growing|up|jump|jumps|jumped|jumping|surge|surges|surged|surging|climb|climbs|climbed|climbing|gain|gains|gained|double|doubled|doubles|doubling|triple|tripled|triples|tripling|quadruple|quadrupled|quadruples|quadrupling|higher|soar|soars|soared|soaring|rebound|rebounds|rebounded|expand|expands|expanded|expanding|boost|boosts|boosted|boosting|rally|rallies|rallied|advance|advanced|advances|strengthen|strengthened|strengthens|widen|widened|widens|widening|raise|raises|raised|raising|lift|lifts|lifted|accelerate|accelerated|accelerates|swell|swells|swelled|swelling|spike|spiked|skyrocket|skyrocketed|hike|hikes|hiked|higher-than-expected|improvement|expansion|upswing|leap|leaps|leapt|leaped|bounce|bounces|bounced',
    { dir: 1 },
  ],
  [
    'fall|falls|fell|fallen|falling|decrease|decreases|decreased|decreasing|decline|declines|declined|declining|drop|drops|dropped|dropping|down|slump|slumps|slumped|plunge|plunges|plunged|plunging|lower|lowers|lowered|lowering|shrink|shrinks|shrank|shrunk|shrinking|narrow|narrows|narrowed|narrowing|weaken|weakened|weakens|tumble|tumbles|tumbled|slide|slides|slid|sliding|contracted|contracting|halve|halved|halves|reduce|reduces|reduced|reducing|reduction|reductions|cut|cuts|cutting|ease|eased|eases|easing|dip|dips|dipped|sink|sinks|sank|sunk|slow|slows|slowed|slowing|slash|slashed|slashes|trim|trims|trimmed|erode|eroded|shed|sheds|shedding|sag|sagged|retreat|retreated|tanked|plummet|plummeted|plummets|lose|loses|lost|losing|lowest|decelerate|decelerated|downswing|slip|slips|slipped|flop|flops|flopped|diminish|diminished|diminishes|diminishing|skid|skids|skidded|axe|axes|axed|wane|wanes|waned|dive|dives|dived|nosedive|nosedives|nosedived|dent|dents|dented|denting|crimp|crimps|crimped|crimping|dampen|dampens|dampened|dampening',
    { dir: -1 },
  ],
  // Headline verbs of a violent move and of a hesitant one: their size is part of the word.
  [
    'soar|soars|soared|soaring|surge|surges|surged|surging|skyrocket|skyrockets|skyrocketed|rocketed|spike|spiked',
    { dir: 1, force: 1.5 },
  ],
  [
    'plunge|plunges|plunged|plunging|plummet|plummets|plummeted|slump|slumps|slumped|tumble|tumbles|tumbled|tanked|nosedive|nosedives|nosedived|dive|dives|dived|sink|sinks|sank|slash|slashed|slashes|crater|craters|cratered',
    { dir: -1, force: 1.5 },
  ],
  ['dip|dips|dipped|ease|eased|eases|easing|slip|slips|slipped', { dir: -1, force: 0.7 }],
];

const VALUES: Spec[] = [
  // Results against expectations and analysts' views.
  [
    'beat|beats|beating|exceed|exceeded|exceeds|exceeding|surpass|surpassed|surpasses|outperform|outperformed|outperforms|tops|topped',
    { value: 1, passesAmount: true },
  ],
  ['better/stronger than expected/forecast/estimated', { value: 1.1 }],
  // A pace against what was expected, as good or bad as what moved: "adoption slower than expected" is bad
  // news, "inflation slower than expected" good.
  [
    'slower than expected/forecast/estimated/anticipated|slower-than-expected|slower-than-forecast',
    { value: -0.8, versusExpected: true },
  ],
  [
    'faster than expected/forecast/estimated/anticipated|faster-than-expected|faster-than-forecast|hotter than expected/forecast|hotter-than-expected',
    { value: 0.8, versusExpected: true },
  ],
  ['cooler than expected/forecast|cooler-than-expected', { value: -0.8, versusExpected: true }],
  // A move in the price of money named as one, whoever speaks of it: "Powell signals rate cuts".
  ['rate cut|rate cuts|rate-cut|rate-cuts|interest-rate cut|interest-rate cuts', { value: 0.6 }],
  ['rate hike|rate hikes|rate-hike|rate-hikes|interest-rate hike|interest-rate hikes', { value: -0.6 }],
  // A loss measured against what was expected: "a smaller-than-expected loss" is good news.
  [
    'smaller-than-expected/narrower-than-expected/lower-than-expected/smaller-than-forecast/narrower-than-forecast/lower-than-forecast loss/losses/deficit',
    { value: 0.7 },
  ],
  [
    'bigger-than-expected/larger-than-expected/wider-than-expected/bigger-than-forecast/larger-than-forecast/wider-than-forecast loss/losses/deficit',
    { value: -0.9 },
  ],
  [
    'above expectations/estimates/forecasts/consensus/forecast/guidance|ahead of expectations/estimates/forecasts/consensus/forecast/guidance',
    { value: 1, versusExpected: true },
  ],
  [EMPHATIC_BEAT_PATTERNS, { value: 1.1 }],
  ['miss|misses|missed|missing', { value: -1 }],
  [
    'worse/weaker than expected/forecast/estimated|worse-than-expected|weaker-than-expected|disappointing',
    { value: -1.1 },
  ],
  ['better-than-expected|stronger-than-expected', { value: 1.1 }],
  ['lag/lags/lagged/lagging expectations/estimates/forecasts/consensus', { value: -1 }],
  [FALLING_BEHIND_PATTERNS, { value: -0.6 }],
  ['below expectations/estimates/forecasts/consensus/forecast/guidance', { value: -1, versusExpected: true }],
  ['short of expectations/estimates/forecasts/consensus/forecast/guidance', { value: -1 }],
  ['fell/falls/fall short', { value: -1 }],
  ['in line with expectations/estimates/forecasts/consensus/guidance', { inert: true }],
  ['upgrade|upgrades|upgraded|upgrading', { value: 1 }],
  ['downgrade|downgrades|downgraded|downgrading', { value: -1 }],
  // Bare "to buy"/"to sell" usually announce a transaction, not a rating, so only explicit rating phrases count.
  [
    'to outperform|to overweight|buy rating|outperform rating|overweight rating|top pick|rated buy|strong buy',
    { value: 0.8 },
  ],
  [
    'to underperform|to underweight|sell rating|underperform rating|underweight rating|rated sell',
    { value: -0.8 },
  ],
  // A rating a broker starts or keeps: "starts Contoso at Buy", "reiterates Outperform on Contoso".
  [
    'at buy/outperform/overweight/accumulate|at strong buy|initiates/initiated/starts/started/reiterates/reiterated/maintains/maintained/keeps/kept/affirms/affirmed/reaffirms/reaffirmed buy/outperform/overweight/accumulate',
    { value: 0.8 },
  ],
  [
    'at sell/underperform/underweight|initiates/initiated/starts/started/reiterates/reiterated/maintains/maintained/keeps/kept/affirms/affirmed/reaffirms/reaffirmed sell/underperform/underweight',
    { value: -0.8 },
  ],
  // "initiated with 'buy' recommendations", "the buy recommendation was reiterated".
  [
    "buy/outperform/overweight/accumulate recommendation/recommendations/rating/ratings|buy ' recommendation/recommendations/rating",
    { value: 0.8 },
  ],
  [
    "sell/underperform/underweight/reduce recommendation/recommendations|sell ' recommendation/recommendations/rating",
    { value: -0.8 },
  ],
  // Winning business: a signed contract or agreement is good news for the one who signs it.
  [
    'signed/signs/sign/inked/inks a/an contract/agreement/deal/order/orders/contracts/agreements|signed/signs/inked/inks contracts/agreements/deals/orders',
    { value: 0.5 },
  ],
  ['satisfied|pleased|delighted|proud|excited', { value: 0.5 }],
  // A partnership is new business for each partner: "teams with", "tie-up", "drug deal with".
  [
    'tie-up|tie-ups|teams with|teams up with|team up with|partners with|forms/form/formed/forge/forges/forged an alliance',
    { value: 0.3 },
  ],
  // A dividend brought back, a project cleared to go ahead, a resource found.
  [
    'reinstate/reinstates/reinstated/reinstating/restore/restores/restored/resume/resumes/resumed dividend/dividends/payout/payouts|reinstate/reinstates/reinstated/reinstating/restore/restores/restored/resume/resumes/resumed its/the/a dividend/dividends/payout/payouts',
    { value: 0.9 },
  ],
  ['go/goes/going/went ahead with|go-ahead|green light|green-light|green-lights|greenlights', { value: 0.5 }],
  ['oil/gas/gold/copper/mineral find|new find|discovery|discoveries', { value: 0.5 }],
  // Investment columns: "the 2 banks I'd buy today", "shares worth buying".
  ["i'd buy|i would buy|buy today|worth buying|shares to buy|stocks to buy|buys for", { value: 0.6 }],

  // "signed a large deal", "signed an investment cooperation agreement": what is signed may come after adjectives.
  ['signed|inked', { value: 0.4 }],
  // Passive: "the agreement was signed on Tuesday" reports a formality, not who won business.
  ['was/were/been/be/is/are/being signed/inked|signed by', { inert: true }],
  // Operational quality a company claims for itself or is credited with.
  ['efficient|efficiently|more efficient|cost-effective|cost-efficient|good', { value: 0.5 }],
  [
    'market leader|market leaders|leading provider/supplier/company/producer/manufacturer/player/position/developer/maker/supplier',
    { value: 0.4 },
  ],
  ['bullish', { value: 0.9 }],
  ['bearish', { value: -0.9 }],
  // Turnarounds.
  [
    'returned/return/returns/swung/swings/turned/turns/back to profit/profitability|returned/return/returns/back/swung/turned to the black',
    { value: 1.2 },
  ],
  ['turned profitable|in the black|broke even|break even', { value: 0.8 }],
  // A first profit is a turnaround too: "turns first annual profit", "posts maiden quarterly profit".
  [
    'first/maiden profit|first/maiden annual/quarterly/yearly/full-year/operating/net/pretax/pre-tax profit|first/maiden annual/quarterly/yearly/full-year operating/net/pretax/pre-tax profit',
    { value: 0.8 },
  ],
  [
    'first/maiden profit warning|first/maiden annual/quarterly/yearly/full-year profit warning',
    { value: -0.8 },
  ],
  ['swung/swings/turned/turns/fell/slipped/plunged to a/an loss', { value: -1.2 }],
  ['swung/swings/turned/turns/fell/slipped/plunged to a/an net/operating/pre-tax loss', { value: -1.2 }],
  ['into the red|in the red', { value: -1.1 }],
  [
    'swung/swing/swings/turned/turn/turns/moved/move/moves to a/an profit|swung/swing/swings/turned/turn/turns/moved/move/moves to a/an net/operating/pre-tax/pretax profit',
    { value: 1.2 },
  ],
  // Evaluative words.
  ['record|records', { value: 0.5 }],
  ['all-time high|record high|record highs|new high|new highs', { value: 0.8, reachedLevel: true }],
  ['record low|all-time low|multi-year low|new low|new lows', { value: -0.8, reachedLevel: true }],
  ['strong|stronger|strongest|robust|solid|healthy|upbeat|buoyant|resilient|brisk', { value: 0.7 }],
  ['improve|improves|improved|improving', { value: 0.8 }],
  [
    'optimistic|confident|favourable|favorable|positive|encouraging|impressive|impresses|impressed|successful|success|successfully',
    { value: 0.6 },
  ],
  [
    'profitable|recovery|recover|recovers|recovered|recovering|turnaround|upturn|upside|boom|booming|breakthrough',
    { value: 0.6 },
  ],
  [
    'benefit|benefits|benefited|benefitted|benefiting|savings|cost savings|synergies|buyback|buybacks|share buyback|repurchase',
    { value: 0.5 },
  ],
  ['win|wins|won|winning|awarded|secures|secured|securing|clinches|clinched|lands', { value: 0.5 }],
  [
    'milestone|approval|approved|approves|best|highest|outpace|outpaced|outpaces|praised|welcomed|attractive|lucrative',
    { value: 0.5 },
  ],
  ['weak|weaker|weakest|weakness|poor|poorer|sluggish|soft|softer|softness', { value: -0.8 }],
  [
    'worse|worst|worsen|worsened|worsening|deteriorate|deteriorated|deteriorating|deterioration',
    { value: -0.8 },
  ],
  ['disappoint|disappoints|disappointed|disappointing|disappointment|shortfall|dismal|gloomy', { value: -1 }],
  ['warn|warns|warned|warning|warnings|profit warning|cautious|caution', { value: -0.8 }],
  [
    'concern|concerns|concerned|worries|worried|worry|fear|fears|threat|threats|threaten|threatens|threatened|doubts|doubt|skepticism|scepticism|backlash',
    { value: -0.5 },
  ],
  ['criticised|criticized|criticism|critics|criticise|criticize|slammed|rebuked|condemned', { value: -0.6 }],
  // Headline idioms of a company in trouble: "shares hammered", "mired in debt", "reels from curbs",
  // "sounds the alarm on bad debts", "in hot water over safety lapses", "investors flee".
  [
    'hammered|battered|torn apart|mired in|reels from|reeling from|reeled from|sounds/sounded/sound the alarm|sounds/sounded/sound alarm|raises/raised/raise the alarm|in hot water|in crisis|flee|flees|fled|fleeing|exodus',
    { value: -0.7 },
  ],
  // What shakes investors or systems: "AI spending spooks investors", "a global IT meltdown".
  [
    'spook|spooks|spooked|rattle|rattles|rattled|unnerve|unnerves|unnerved|jolt|jolts|jolted|meltdown|meltdowns',
    {
      value: -0.7,
    },
  ],
  // A rank by market value: "becomes world's most valuable company" ("most valuable customers" is no rank).
  [
    'most valuable company/companies/brand/brands/firm/firms/startup/startups/chipmaker/carmaker/automaker/bank/lender/retailer/listed',
    { value: 0.6 },
  ],
  // A company doing well against the odds: "thrives despite downturn".
  ['thrive|thrives|thrived|thriving', { value: 0.7 }],
  [
    'rejects|rejected|rejection|rebuffs|rebuffed|abandon|abandons|abandoned|scraps|scrapped|pulls the plug|pulls plug|pulled the plug|invalidated|overturned|call off|calls off|called off|calling off',
    { value: -0.6 },
  ],
  [
    'falter|falters|faltered|faltering|stall|stalls|stalled|stalling|lag|lags|lagged|lagging|knocked|depressed|faces|facing',
    { value: -0.4 },
  ],
  [
    'settle|settles|settled|must pay|ordered to pay|agree/agrees/agreed to pay|to pay a fine',
    { value: -0.5 },
  ],
  ['pare/pares/pared/trims/trimmed/erases/erased/wipes/wiped gains|wipe/wipes/wiped out', { value: -0.6 }],
  ['hit/hits/hitting a/new high/record|hits record|hit record', { value: 0.8, reachedLevel: true }],
  // "Rupee hits record low": the low is what is reached, not a record of its own.
  [
    'hit/hits/hitting a/new low/lows|hit/hits/hitting record low/lows|hit/hits/hitting a record low',
    { value: -0.8, reachedLevel: true },
  ],
  // A peak something fell from or stays below is where it was, not where it is.
  [
    'off/from/below a/its/the record/all-time high/highs|off/from/below record/all-time high/highs',
    { inert: true },
  ],
  // A regulator's or a court's approval, in the words headlines use for it.
  [
    'regulator/regulators/watchdog/watchdogs/authorities/authority/commission/court/judge/judges clear|nod|regulatory nod',
    { value: 0.5 },
  ],
  // An obstacle ahead or met: "could hit a brick wall", "a long road ahead", "bid runs into trouble".
  [
    'brick wall|long road ahead|long way to go|run/runs/ran/running into trouble/difficulties/problems/opposition/resistance|hit/hits/hitting a snag',
    { value: -0.6 },
  ],
  // Trying and not managing: "fail to find reserves", "failed to agree on a price".
  [
    'fail/fails/failed/failing to find/reach/win/secure/agree/attract/sell/complete/impress/convince/satisfy/excite/reassure/deliver/revive/stem/halt/stop/lift/boost/meet',
    { value: -0.6 },
  ],
  // Efforts that bear fruit ("password crackdown pays off").
  ['pay/pays/paid/paying off', { value: 0.6 }],
  // …but paying off a loan, or shares "to be paid off at par", is settling a debt.
  [
    'pay/pays/paid/paying off a/an/the/its/their/his/her/all/some/debt/debts/loan/loans|be/been/being paid off',
    { inert: true },
  ],
  // A turnaround planned or attempted is not one achieved.
  [
    'turnaround plan/plans/strategy/effort/efforts/bid/attempt/attempts/programme/program/push/drive/specialist/expert|in/amid a/its/the turnaround|in turnaround|as part of a/its/the turnaround',
    { inert: true },
  ],
  // What a trial or a product shows of its prospects: "cancer vaccine shows promise".
  ['show/shows/showed/shown/showing promise|holds/hold promise', { value: 0.6 }],
  // A drug's protection running out: "Keytruda patent cliff looms".
  ['patent cliff|patent expiry|patent expiries|loss of exclusivity', { value: -0.6 }],
  // Violence against a company's people: "chief executive shot dead".
  ['shot dead|shot and killed|assassinated|murdered', { value: -0.6 }],
  // Taking the lead from a rival ("Samsung overtakes Apple": the rival gets the other side, score-target.ts).
  ['overtake|overtakes|overtook|overtaken|dethrones|dethroned|leapfrogs|leapfrogged', { value: 0.5 }],
  // A freeze on hiring or pay holds a business back; one that ends is good news (ended-actions.ts).
  ['hiring freeze|pay freeze|wage freeze|hiring freezes', { value: -0.5 }],
  // A court throwing a case out at the defendant's request: "wins dismissal of FTC claims".
  ['win/wins/won/winning/secures/secured/obtains/obtained dismissal', { value: 0.8 }],
  // Demand that empties the shelves ("tickets sell out in minutes"); selling out to a buyer or out of a
  // holding is a sale.
  ['sell/sells/sold/selling out', { value: 0.5 }],
  ['sell/sells/sold/selling out to/of', { inert: true }],
  // A buyer or a partner giving up: "walks away from the deal".
  ['walk/walks/walked/walking away from', { value: -0.6 }],
  // Support from those who decide: "FDA panel backs the drug", "shareholders back the merger".
  [
    'panel/board/shareholders/investors/regulator/regulators/committee back/backs/backed|backed by shareholders/regulators',
    { value: 0.4 },
  ],
  // …unless they back away: "investors back away from the offer".
  [
    'panel/board/shareholders/investors/regulator/regulators/committee back/backs/backed away/off/out',
    { value: -0.4 },
  ],
  // "a nod to tradition" refers; it approves nothing.
  ['nod/nods to|a nod to', { inert: true }],
  [
    'gainers|winners|winner|hails|hailed|progress|secure|bounce back|bounces back|bounced back|clears|cleared',
    { value: 0.4 },
  ],
  ['losers', { value: -0.4 }],
  ['better', { value: 0.6 }],
  ['to fine|set to fine|will fine|plans to fine', { value: -0.9 }],
  [
    'close/closes/closing/closed/shut/shuts/shutting stores/plants/branches/factories/sites/offices/mines/funds/fund|shuts/shut fund',
    { value: -0.6 },
  ],
  [
    'fire|fires|blaze|explosion|explosions|spill|spills|accident|accidents|injured|injuries|killed|fatal|fatalities|evacuated|crashes',
    { value: -0.7 },
  ],
  // A deal stopped by a regulator, a court or a board (ended-actions.ts: "EU blocks the rail merger").
  [[...BLOCK_VERBS].join('|'), { value: -0.6, blocksDeal: true }],
  // Deal-making reads as mildly positive in markets news (a bid premium, growth by acquisition).
  [
    'acquire|acquires|acquired|acquiring|to acquire|acquisition of|takeover of|buyout of|bid for|bids for|offers for|buys|to buy|offers to buy|agrees to buy|takeover|buyout|merger|bid|bids|bidder|bidders|takeover approach|takeover approach for|offer for',
    { value: 0.15 },
  ],
  // An economy or an industry shrinking ("Japan's economy contracts"); a company's "contracts" are agreements.
  [
    'economy/economies/gdp/output/activity/sector/manufacturing/industry/services contracts/contracted/contracting/shrinks/shrank/shrinking/shrunk',
    { value: -0.8 },
  ],
  ['devalue|devalues|devalued|devaluation|devaluing', { value: -0.6 }],
  [
    'slowdown|recession|crisis|downturn|contraction|turmoil|slump|selloff|sell-off|rout|crash|crashed|collapse|collapsed|collapses',
    { value: -0.9 },
  ],
  [
    'scandal|fraud|fraudulent|misconduct|bribery|corruption|embezzlement|manipulation|insider trading|money laundering',
    { value: -1 },
  ],
  // Breaking a rule or a right, and theft.
  [
    'violate|violates|violated|violating|violation|violations|infringe|infringes|infringed|infringing|infringement|infringements|stole|stolen|theft|thefts|bogus|scam|scams|phishing|counterfeit|counterfeits',
    { value: -0.7 },
  ],
  // Excess: "forecasts are still too high", "prices too low to cover costs".
  ['too high|too low|too expensive|too slow|too weak|too little|too late', { value: -0.5 }],
  ['theft protection|anti-theft|theft prevention', { inert: true }],
  // Deceiving customers and rigging markets are wrongdoing whoever reports them.
  [
    'misled|mislead|misleads|misleading|mis-selling|mis-sold|misselling|missold|rigging|rigged|rate-rigging|cartel|cartels|price fixing|price-fixing|collusion|colluded|colluding',
    { value: -0.9 },
  ],
  [
    'probe|probes|investigation|investigations|investigating|investigated|subpoena|subpoenas|subpoenaed|allegations|alleged|accused|accuses|charged|indicted',
    { value: -0.6 },
  ],
  [
    'lawsuit|lawsuits|sue|sues|sued|suing|litigation|class action|antitrust suit|legal action|legal challenge',
    { value: -0.8 },
  ],
  ['fined|fine of|a fine|the fine|fines|penalty|penalties|sanctioned|censured', { value: -0.9 }],
  // Legal outcomes: a conviction or a lost case is bad for the party, an acquittal or a won case good.
  [
    'guilty|found guilty|pleaded/pleads/pled/pleading guilty|convicted|conviction|convictions|guilty verdict|verdict against|loses/lost appeal|loses/lost the/its appeal/case/lawsuit|ruled against',
    { value: -1 },
  ],
  [
    'not guilty|acquitted|acquits|acquit|acquittal|cleared of|wins/won appeal|wins/won the/its appeal/case/lawsuit|lawsuit/suit/case/charges dismissed|dismissed the lawsuit/suit/case/charges|verdict in its favor/favour|ruled/rules/rule in its favor/favour|ruled/rules/rule in favor/favour of|in its favor|in its favour',
    { value: 0.8 },
  ],
  ['pleaded/pleads/pled/pleading not guilty', { inert: true }],
  ['jailed|imprisoned|sentenced|prison sentence|jail sentence|sent to prison|sent to jail', { value: -0.9 }],
  [
    'conviction/convictions/verdict/ruling/sentence overturned|overturned/overturns/quashed/quashes the/his/her/its conviction/convictions/verdict',
    { value: 0.8 },
  ],
  // "fine" is a penalty only in a penalty context; "fine papers" and "fine-tuning" are not.
  [
    'million/billion/bn/mn/m/pound/pounds/euro/euros/dollar/dollars/record/antitrust/regulatory/spill/heavy/hefty/eu/big/huge/potential/possible fine|fine for/over/from/after|faces/face/facing/pays/paid/appeals/impose/imposes/imposed/slapped/levied/upholds/upheld/uphold/confirms/confirmed fine',
    { value: -0.9 },
  ],
  ['recall|recalls|recalled|recalling', { value: -0.9 }],
  // An aircraft or a fleet kept on the ground by a fault or a regulator.
  ['grounded|grounding of|groundings', { value: -0.8 }],
  // A trading halt pending news announces news to come; the news, not the halt, carries the tone.
  [
    'news pending|halted news pending|halted pending|halt pending|trading halt|trading halted|halted trading',
    { inert: true },
  ],
  [
    'outage|outages|power cut|power cuts|disruption|disruptions|disrupted|downtime|glitch|breach|breaches|hacked|hack|cyberattack|cyber attack|cyberattacks|ransomware|data breach|data leak',
    { value: -0.9 },
  ],
  [
    'ban|bans|banned|banning|barred from|blocked from|prohibited from|sanctions|export controls|export control|export restrictions|export ban|restrictions|restricted|restrict|restricts|curbs|curb|blacklist|blacklisted|entity list|embargo',
    { value: -0.7 },
  ],
  [
    'bankruptcy|bankrupt|insolvency|insolvent|chapter 11|liquidation|receivership|default|defaults|defaulted|ordered to liquidate|liquidation order|winding-up order|winding-up petition|' +
      FAILURE_PATTERNS,
    { value: -1.3 },
  ],
  [
    'layoff|layoffs|job cuts|lay off|lays off|laid off|laying off|redundancies|redundancy|furlough|furloughs|furloughed|dismissals|job losses',
    { value: -1 },
  ],
  ['temporary layoffs|temporarily lay off', { value: -1 }],
  // The hyphenated forms Nordic and British releases use, and dismissals named by their outcome.
  [
    'lay-off|lay-offs|temporary lay-offs|temporarily lay-off|laid-off|made redundant|make redundant|be made redundant|will be made redundant|people/employees/workers/staff/persons redundant|be terminated|were terminated|will be terminated|to be terminated',
    { value: -1 },
  ],
  ['strike|strikes|walkout|walkouts|boycott|protest|protests|dispute|disputes', { value: -0.5 }],
  // A deal struck in the past or the making of one ("strike" and "strikes" before a deal: struck-deal.ts).
  [
    'struck/striking a deal|struck/striking a peace/trade/supply/new/landmark/record deal',
    { value: STRUCK_DEAL_VALUE },
  ],
  [
    'delay|delays|delayed|postpone|postpones|postponed|halt|halts|halted|suspend|suspends|suspended|suspension|shutdown|shut down|shuts down|closure|closures|cancel|cancels|canceled|cancelled|canceling|cancelling|cancellation|cancellations',
    { value: -0.6 },
  ],
  // A clinical trial that reaches what it set out to show: "meets main goal", "met its primary endpoint".
  [
    'meet/meets/met/meeting/achieve/achieves/achieved/reach/reaches/reached/hit/hits main/primary/key goal/goals/endpoint/endpoints|meet/meets/met/meeting/achieve/achieves/achieved/reach/reaches/reached/hit/hits its/the main/primary/key goal/goals/endpoint/endpoints',
    { value: 1 },
  ],
  // A pause of what a business makes or ships is a stoppage ("pauses production at Illinois plant"); a
  // central bank's pause is no stoppage.
  [
    'pause/pauses/paused/pausing production/output/deliveries/shipments/operations/construction/work|pause/pauses/paused/pausing its/all production/output/deliveries/shipments/operations',
    { value: -0.6 },
  ],
  // Joining a benchmark index brings index funds' buying; leaving it their selling.
  [
    'return/returns/returned/returning to the/s&p/ftse/dow s&p/ftse/dow/500/100/jones|join/joins/joined/joining/rejoin/rejoins/rejoined/rejoining/enter/enters/entered/entering/re-enter/re-enters/re-entered the/s&p/ftse/nasdaq-100/dax/dow index/500/100/jones|added to the/s&p index/500/100/dow|added to the s&p/ftse/dow/dax|to join/enter/rejoin s&p/ftse/nasdaq-100/dax|join/joins/joined/joining/rejoins/rejoined/enters/entered the s&p/ftse/dow/dax|return/returns/returned/returning to the s&p/ftse/dow/dax',
    { value: 0.6 },
  ],
  [
    'dropped/removed/deleted/ejected/demoted from the/s&p index/500/100/dow/ftse/dax|dropped/removed/deleted/ejected/demoted from the s&p/ftse/dow/dax|drops/dropped/falls/fell out of the/s&p index/500/100/dow/ftse/dax|drops/dropped/falls/fell out of the s&p/ftse/dow/dax',
    { value: -0.6 },
  ],
  // Cancelling a company's own shares is housekeeping after a buyback.
  [
    'cancel/cancels/canceled/cancelled/cancelling/canceling/cancellation of own/treasury/the shares|cancelled/canceled shares',
    { inert: true },
  ],
  [
    'fail|fails|failed|failure|failures|struggle|struggles|struggled|struggling|trouble|troubled|troubles|problem|problems|difficult|difficulties|challenging|tough',
    { value: -0.6 },
  ],
  [
    'hurt|hurts|hit by|hit with|hits with|hit|hits|damage|damaged|damages|weighed|weighs|weigh on|drag|dragged|setback|setbacks',
    { value: -0.6 },
  ],
  // Defying adverse conditions is good news, and the adversity named is its setting, not its tone:
  // "bucks weak markets", "shrugs off the slowdown", "defies the downturn".
  [
    [DEFY, SHRUG_OFF]
      .flatMap((verb) => [`${verb} ${ADVERSITY}`, `${verb} ${ADVERSE} ${ADVERSITY}`])
      .join('|'),
    { value: 0.6 },
  ],
  ['unprofitable|negative|downside|overvalued|bubble|volatile|uncertain|risky', { value: -0.4 }],
  // A company in a bad way, and a regulator's reproach.
  ['flagging|ailing|beleaguered|embattled|pain|painful', { value: -0.6 }],
  // New shares or a big holder selling dilute and weigh on the price.
  [
    'share placing|share sale|share offering|secondary offering|rights issue|sells shares|sell shares|selling shares|sell/sells/selling off',
    { value: -0.4 },
  ],
  // Investors' mood and a task made harder: "investors cheer results", "buoyed by", "investors panic".
  ['cheer|cheers|cheered|buoyed|buoys', { value: 0.6 }],
  ['little/no/scant cheer|panic|panicked|got/gets/getting/became/becomes harder/tougher', { value: -0.7 }],
  // A disclosure threshold for holdings ("the flagging limit of 5 %"), not a company flagging.
  [
    'flagging limit|flagging limits|flagging threshold|flagging notification|flagging notice',
    { inert: true },
  ],
  [
    'must do more|needs/need/has/have to do more|new/fresh/record depths|fresh low|fresh lows',
    { value: -0.7 },
  ],
  ['resign|resigns|resigned|resignation|ousted|steps down|stepped down|step down|quits', { value: -0.3 }],
  ['impairment|impairments|write-down|write-downs|writedown|writedowns|writeoff|write-off', { value: -0.6 }],
  [
    'loss|losses|net/operating/pre-tax/pretax/quarterly/annual/underlying/surprise loss/losses',
    { value: -0.6 },
  ],
  ['growth', { value: 0.5 }],
  // Level words only mean something attached to a metric ("high costs", "low demand").
  ['high|larger|bigger|greater', { dir: 1, needsMetric: true }],
  ['low|smaller', { dir: -1, needsMetric: true }],
  // "shares cool", "inflation cooled"; but "a cool makeover" is no change at all.
  ['cool|cools|cooled|cooling', { dir: -1, needsMetric: true }],
  // "to create 4,000 jobs", "creating value"; "create a network" changes no quantity.
  ['create|creates|created|creating', { dir: 1, needsMetric: true }],
  // "shares tank" moves; "a tank farm", "the storage tank" are things.
  ['tank', { dir: -1, force: 1.5 }],
  ['a/the/oil/storage/fuel/water/gas/septic tank|tank farm|tank farms', { inert: true }],
  // Other senses of tone words: the season, a presentation, a drink, an art, an attempt, a refusal,
  // a reminder and "relate to" ("negotiations that concern all staff").
  [
    'this/next/last fall|slide show|slide shows|soft drink|soft drinks|fine art|fine arts|a fine art|in a bid to|in an attempt to|declined/declines/decline to comment/say/disclose/elaborate/confirm/specify/name|declined/declines comment|recall/recalls/recalled/recalling that|that/which/will/would/negotiations/talks concern|concern/concerns all/the/its/their/both|as far as|parties/companies/persons concerned',
    { inert: true },
  ],
  // "The reductions will be completed by autumn": a reduction of nothing named is no news.
  ['reduction|reductions', { dir: -1, needsMetric: true }],
  // "36 % more than in 2004", "12 % lower than a year earlier": a percentage comparative is a change.
  ['% more/higher/greater/bigger/larger than', { dir: 1 }],
  ['% less/lower/smaller/fewer than', { dir: -1 }],
  ['went/gone/go/goes/going/moved/shot up', { dir: 1 }],
  ['went/gone/go/goes/going/moved down', { dir: -1 }],
  ['edged/inched/crept up', { dir: 1, force: 0.7 }],
  ['edged/inched/crept down', { dir: -1, force: 0.7 }],
  ['than expected/forecast/anticipated/estimated', { intensity: 1.3 }],
  [
    'below/missed/misses the/analyst/analysts/market/consensus estimate/estimates/expectations/forecast/forecasts|below the analyst/analysts/market/consensus estimate/estimates/expectations/forecast/forecasts',
    { value: -1 },
  ],
  [
    'above/beat/beats/topped the/analyst/analysts/market/consensus estimate/estimates/expectations/forecast/forecasts|above the analyst/analysts/market/consensus estimate/estimates/expectations/forecast/forecasts',
    { value: 1 },
  ],
  [
    'unchanged|stable|steady|flat|little changed|barely changed|largely unchanged|mostly unchanged',
    { inert: true },
  ],
  [
    'up to|set up|sets up|setting up|make up|makes up|made up|sum up|back up|upped|shut-down|wind down|high-quality|high-end|low-cost|low-carbon|low-end',
    { inert: true },
  ],
  // "Comes down to price" is an idiom; "profit went down to EUR 3m" is a fall.
  [
    'come/comes/came/coming/boil/boils/boiled/boiling down to|down to earth|down to the wire',
    { inert: true },
  ],
];

const MODIFIERS: Spec[] = [
  [
    // What is avoided or ruled out does not happen: "Meta avoids EU fine", "rules out layoffs".
    'not|no|never|without|nor|neither|none|cannot|hardly|no longer|failed to|fails to|fail to|unable to|lack of|lacked|absence of|has yet to|have yet to|unlikely to|avoid|avoids|avoided|avoiding|escapes|escaped|averts|averted|averting|dodges|dodged|rule out|rules out|ruled out|ruling out',
    { negator: true },
  ],
  [
    'may|might|could|possibly|possible|potential|potentially|reportedly|rumour|rumor|rumours|rumors|speculation|considering|considers|mulls|mulling|if|would|hopes|hope',
    { hedge: 0.7 },
  ],
  [
    'expected|expects|expect|expecting|anticipated|anticipates|anticipate|likely|plans|plan|planning|aims|aim|seeks|seek|intends|eyes|should|estimated|projected|tentative|tentatively',
    { hedge: 0.85 },
  ],
  ['sharply|dramatically|steeply|sharp|steep|massive|massively|soaring', { intensity: 1.5 }],
  [
    'significantly|substantially|strongly|considerably|markedly|greatly|significant|substantial|huge|heavy|heavily|very|highly|biggest|largest|much|far|severe|severely',
    { intensity: 1.3 },
  ],
  [
    'slightly|marginally|somewhat|modestly|modest|slight|small|minor|mildly|partly|partially|a little|a bit|barely',
    // A small change is still a change: softened, its direction must stay readable.
    { intensity: 0.6 },
  ],
  ['but|however|yet|nevertheless|nonetheless', { contrast: 'after' }],
  ['although|though|even though|despite|in spite of|notwithstanding|albeit', { contrast: 'concessive' }],
  ['from|compared to|compared with|versus|vs|against|in comparison with|as against|(', { comparison: true }],
  [
    'fed|federal reserve|fomc|ecb|european central bank|central bank|central banks|bank of england|boe|bank of japan|boj|bank of canada|reserve bank|rba|rbi|swiss national bank|snb|riksbank|norges bank|bundesbank|pboc',
    { centralBank: true },
  ],
];

function build(specs: readonly Spec[]): [string, LexEntry][] {
  const out: [string, LexEntry][] = [];
  for (const [patterns, entry] of specs) {
    for (const phrase of expandPatterns(patterns)) out.push([phrase, entry]);
  }
  return out;
}

/**
 * Later groups override earlier ones for the same phrase, except that roles
 * combine: "loss" is both a metric and a negative word, "high" both a
 * direction and neutral, and a modifier entry never erases a metric.
 */
export function buildLexicon(): Map<string, LexEntry> {
  const merged = new Map<string, LexEntry>();
  for (const [phrase, entry] of [
    ...build(METRICS),
    ...build(DIRECTIONS),
    ...build(VALUES),
    ...build(MODIFIERS),
  ]) {
    const existing = merged.get(phrase);
    merged.set(phrase, existing ? { ...existing, ...entry } : entry);
  }
  return merged;
}
