/**
 * Keyword and phrase rules for the fixed taxonomy. Weights: 3 = the phrase
 * alone settles the topic ("export controls", "initial public offering"),
 * 2 = strong signal, 1 = supporting word. Inflections are listed explicitly.
 */
import type { TaxonomyTopicSlug } from '../../topics/taxonomy.js';
import {
  DEAL_PROCESS_PATTERNS,
  EARNINGS_MOVES_PATTERNS,
  OUTLOOK_RULE,
  SHAREHOLDER_VOTE_RULE,
} from '../importance/event-rules.js';
import { DEAL_OBJECTS } from '../text/goods-purchase.js';
import { MARKET_MOVE_PATTERNS } from '../text/market-indexes.js';
import { expandPatterns, wordSet as words } from '../text/phrase-matcher.js';
import { isCapitalized, type Token } from '../text/tokenize.js';
import type { VerbObjectRule } from '../text/verb-object.js';

export type TopicRules = Record<TaxonomyTopicSlug, readonly (readonly [patterns: string, weight: number])[]>;

/** Currencies other than the dollar, the yen and sterling, by name: currency news, or a unit after an amount. */
const OTHER_CURRENCIES =
  'franc francs yuan renminbi lira peso pesos rupee rupees rupiah ruble rouble zloty forint krona krone ringgit baht shekel';

/**
 * Commerce between places ("trade with Japan", "its trading partners", "bilateral trade"): trade
 * words, and in a sentence about carriage the route the ships serve (ROUTE_PHRASES). The strong ones
 * weigh as trade's own phrases, the rest as its balances.
 */
const STRONG_ROUTE_PATTERNS = 'bilateral trade|two-way trade';
const ROUTE_PATTERNS =
  'trading partners|trade partners|trading partner|trade partner|trade between|trade with|total trade|world trade';

export const TOPIC_RULES: TopicRules = {
  ai: [
    [
      'artificial intelligence|generative ai|large language model|large language models|llm|llms|chatgpt|openai|agi|ai model|ai models|ai chips|ai chip|ai accelerators',
      3,
    ],
    [
      'ai|machine learning|chatbot|chatbots|neural|gpu|gpus|inference|deep learning|copilot|gemini|claude|anthropic|llama',
      2,
    ],
    // Image models by what they do and by name, as "chatgpt" names a language model; "GPT-5" is one.
    ['text-to-image|image generator|image generators|dall-e|midjourney|stable diffusion|gpt', 2],
    ['data center|data centers|datacenter|datacenters|training|automation|algorithm|algorithms', 1],
  ],
  'crypto-blockchain': [
    [
      'bitcoin|ethereum|cryptocurrency|cryptocurrencies|crypto|blockchain|stablecoin|stablecoins|defi|nft|nfts',
      3,
    ],
    [
      'token|tokens|crypto exchange|digital assets|digital asset|mining rigs|wallet|wallets|ether|solana|tether',
      2,
    ],
  ],
  earnings: [
    // A gain or a charge on a sale is an accounting line: "sees gain from sale", "loss on the sale of".
    [
      'gain/gains/loss/losses/charge/charges/writedown/writedowns/profit/profits on/from sale/sales/disposal/disposals|gain/gains/loss/losses/charge/charges/writedown/writedowns/profit/profits on/from the/its sale/sales/disposal/disposals',
      3,
    ],
    [
      'quarterly results|quarterly earnings|earnings per share|full-year results|annual results|first-quarter|second-quarter|third-quarter|fourth-quarter|q1|q2|q3|q4',
      3,
    ],
    [
      'earnings|revenue|revenues|net profit|operating profit|net income|net loss|operating loss|guidance|eps|ebitda|ebit|net sales|profit/sales/revenue/earnings warning/warnings',
      2,
    ],
    ['profit|profits|sales|margin|margins|quarter|fiscal|forecast|forecasts|outlook|turnover|results', 1],
    // Wire-service results and dividends: "4TH QTR NET", "Shr 80 cts vs 72 cts", "QTLY DIV", "STOCK SPLIT".
    [
      'qtr/year/mths/months/annual/quarter/jan/feb/march/april/may/june/july/aug/sept/oct/nov/dec/january/february/august/september/october/november/december net/loss/profit|oper net/shr/loss|shr|shrs|qtly div|qtrly div|mthly div|annual div|qtly dividend|qtrly dividend|stock split|two-for-one|three-for-two|cts/dlrs/cents a/per share',
      3,
    ],
    ['dividend|dividends|payout|div|qtly|qtrly|revs|split|per share|a share', 2],
    // How the bottom line moved and dividends changed: "halves its loss", "swings to a profit".
    [EARNINGS_MOVES_PATTERNS, 2],
  ],
  ipo: [
    [
      'initial public offering|initial offering|initial share offering|initial stock offering|ipo|ipos|direct listing|spac|went public|go public|going public|stock market debut|market debut|listing|trading debut|nasdaq debut|nyse debut|exchange debut|debut on the nasdaq|debut on the nyse|' +
        // "Arm debuts on Nasdaq": a company, not a product, making its first appearance on an exchange.
        'debut/debuts/debuted on nasdaq/nyse|debut/debuts/debuted on the nasdaq/nyse|debut/debuts/debuted on wall street|debut/debuts/debuted in london|debut/debuts/debuted in new york|debut/debuts/debuted in hong kong',
      3,
    ],
    [
      'priced shares|ipo pricing|offering pricing|pricing of the offering/ipo/shares|pricing of its offering/ipo/shares|underwriters|bookrunners|float|flotation|files to list|plans to list',
      2,
    ],
  ],
  'mergers-acquisitions': [
    [
      'acquisition|acquisitions|merger|mergers|takeover|takeovers|buyout|buyouts|acquire|acquires|acquired|acquiring|take over|takes over|tender offer|hostile bid',
      3,
    ],
    [
      'deal|bid|bids|buy|buys|bought|buying|merge|merges|merged|combine|combination|offer|sale|sell|sells|sold|selling|shares|holders|shareholders',
      1,
    ],
    [
      'all-cash deal|all-stock deal|per share in cash|agreed to buy|agreed to acquire|to buy|stake|stakes|divestiture|divest|divests|divested|spin-off|spinoff|spin off|pct stake|percent stake|merger agreement|definitive agreement|letter of intent|agreement in principle',
      2,
    ],
    // A sale or a takeover pursued: "puts itself up for sale", "bidding war", "takes Zendesk private".
    [DEAL_PROCESS_PATTERNS, 3],
    // Reviews that often end in a sale.
    ['strategic review|strategic options', 2],
    // A company splitting itself up (a stock split is "splits stock", "two-for-one split").
    [
      'split into|splits into|splitting into|split itself into|breakup|break-up|breakups|break itself up|three-way split|two-way split|split-up',
      2,
    ],
    // "to purchase" and "purchased by" name a buyer as plainly as "to buy"; a bid received or control
    // sought is a takeover in progress ("gets bid from", "seeking control of").
    [
      'to purchase|agreed/agrees/agree to purchase|bid from|offer from|gets/receives/received/rejects/rejected/spurns/spurned bid/offer/approach|seek/seeks/seeking/sought/gain/gains/gaining/gained/win/wins/acquire/acquiring control|control of the company',
      2,
    ],
    [
      'bought by|purchased by|taken over by|complete/completes/completed/completing purchase/acquisition/sale/merger|complete/completes/completed/completing the/its purchase/acquisition/sale/merger',
      2,
    ],
    // A stake size alone ("14 pct of the year's sales") is a proportion; of a company or its stock it is
    // a stake (PROXIMITY_RULES).
    ['pct of', 1],
    [
      'privatisation|privatization|privatisations|privatizations|privatise|privatize|privatised|privatized|denationalisation|denationalization',
      2,
    ],
  ],
  'regulation-policy': [
    // The Fed as a bank regulator approving a deal or punishing a bank, not as the steward of rates.
    [
      'fed approval|federal reserve approval|federal reserve board approval|fed approves|fed approved|federal reserve approves|federal reserve approved|federal reserve board approves|federal reserve board approved|' +
        'fed fines/fined/penalizes/penalized/penalises/penalised/sanctions/sanctioned/orders/ordered/bars/barred|federal reserve fines/fined/penalizes/penalized/penalises/penalised/sanctions/sanctioned/orders/ordered/bars/barred',
      2,
    ],
    [
      'regulator|regulators|regulation|regulations|regulatory|antitrust|competition authority|legislation|lawmakers|congress|parliament|ftc|sec|doj|faa|fcc|nhtsa|cma|european commission|fine|fined|fines|lawsuit|lawsuits|sued|court|ruling|judge',
      2,
    ],
    // Verdicts, with or without the court named: "jury finds Acme guilty", "found liable"; a review's
    // "verdict" is its opinion.
    [
      'guilty|found liable|liable for damages|jury verdict|guilty verdict|verdict against|jury finds|jury found|jury awards|jury awarded|sentenced|jailed|prison sentence|jail sentence|' +
        // Market abuse is a matter for regulators and courts: "insider trading probe widens".
        'insider trading|market manipulation|securities fraud|accounting fraud|wire fraud|money laundering|bribery|tax evasion|tax fraud|tax avoidance|tax haven|tax havens',
      2,
    ],
    // Taxes a government sets, and laws passed: "windfall tax on energy firms", "Senate passes aid package".
    [
      'windfall tax|windfall taxes|carbon tax|digital services tax|digital tax|minimum tax|global minimum tax|corporate tax|corporation tax|tax hike|tax hikes|tax increase|tax increases|tax cut|tax cuts|tax reform|tax credit|tax credits|tax code|tax rules|tax break|tax breaks|' +
        'senate/house/congress/parliament/lawmakers passes/passed/approves/approved|senate/house/parliament votes/voted',
      2,
    ],
    [
      'law|laws|policy|government|ban|banned|probe|investigation|compliance|rules|rule|bill|senate|ministry|minister|penalty|settlement|litigation',
      1,
    ],
  ],
  'geopolitics-trade': [
    [
      'export controls|export control|export restrictions|export rules|export licence|export license|licensing requirements|export ban|tariff|tariffs|sanctions|trade war|entity list|trade deal|embargo|trade surplus|trade deficit|trade balance|trade gap|trade talks|trade dispute|trade disputes|trade friction|trade barriers|trade bill|trade policy|trade legislation|trade sanctions|trade representative|protectionism|protectionist|gatt|world trade organization|wto|import quotas|import curbs|retaliation|retaliatory|dumping',
      3,
    ],
    [
      'ceasefire|cease-fire|invasion|missile|missiles|airstrike|airstrikes|air strike|air strikes|drone strike|drone strikes|drone attack|drone attacks|attacks on shipping|attacks on ships|red sea attacks|red sea crisis|houthi|houthis|hamas|hezbollah|militants|militant group|insurgents|rebels|military strikes|war in ukraine|israel-hamas war|gaza|nato|export curbs|curbs exports|curbed exports|peace talks|peace deal|peace agreement|peace treaty|peace accord|peace plan',
      2,
    ],
    // "trade" as commerce between economies: its balance, its partners, its ministers and its rules.
    [
      `trade deficits|trade surpluses|trade imbalance|trade imbalances|trade shortfall|merchandise trade|visible trade|foreign trade|${STRONG_ROUTE_PATTERNS}|trade agreement|trade agreements|trade accord|trade accords|trade pact|trade negotiations|trade negotiator|trade negotiators|trade relations|trade ties|trade issues|trade tensions|trade restrictions|trade protection|unfair trade|free trade|trade liberalisation|trade liberalization|trade minister|trade ministers|trade secretary|trade official|trade officials|trade law|trade laws|trade figures|import duties|import duty|import tariffs|import surcharge|import restrictions|import controls|import barriers|countervailing|anti-dumping|anti-subsidy|market access|international trade`,
      3,
    ],
    // A country's current-account or payments balance is its external trade position (Macro-economy names it too).
    [
      `current account surplus|current account deficit|current account gap|balance of payments|payments surplus|payments deficit|payments gap|${ROUTE_PATTERNS}|trade mission|export drive|export credits|trade performance|trade data|trade statistics|trade chief|trade envoy|trade delegation|trade row|trade rights|trade privileges|trade status|trade benefits|trade trip|trade visit|boost/expand/increase/promote/improve/liberalise/liberalize trade`,
      2,
    ],
    [
      'exports|imports|export|import|geopolitical|geopolitics|trade|customs|quotas|war|conflict|national security|border',
      1,
    ],
  ],
  'macro-economy': [
    // The balances Geopolitics & Trade names are listed here too: a match keeps only its longest phrase's rules.
    [
      'consumer confidence|consumer sentiment|business confidence|business sentiment|business climate|jobless claims|initial claims|housing starts|building permits|factory orders|durable goods|durable goods orders|new home sales|existing home sales|nonfarm payrolls|non-farm payrolls|inflation|gdp|gnp|recession|unemployment|jobless|payrolls|consumer prices|consumer price index|wholesale prices|wholesale price index|producer prices|producer price index|retail price index|retail prices|cost of living|cost-of-living|cpi|economic growth|economy|economies|consumer spending|retail sales|pmi|current account|current account surplus|current account deficit|current account gap|balance of payments|payments surplus|payments deficit|payments gap|industrial production|industrial output',
      2,
    ],
    // Labour disputes are economy-wide labour news; "trade union" is no trade story.
    [
      'national strike|general strike|nationwide strike|strikers|walkout|walkouts|industrial action|pay talks|wage talks|pay dispute|wage dispute|labour dispute|labor dispute|trade union|trade unions|labour union|labour unions|labor union|labor unions',
      2,
    ],
    ['economic|economists|wages|labour market|labor market|growth|prices|demand|slowdown|stimulus', 1],
  ],
  'monetary-policy': [
    [
      'central bank|federal reserve|interest rate|interest rates|rate cut|rate cuts|rate hike|rate hikes|monetary policy|quantitative easing|ecb|bank of england|bank of japan|fed',
      3,
    ],
    // The tools and the price of money beyond the policy rate: "cuts reserve requirement ratio", "Treasury yields surge".
    [
      'reserve requirement|reserve requirements|reserve ratio|reserve requirement ratio|treasury yields|bond yields|gilt yields|bund yields|yield curve',
      2,
    ],
    [
      'base rate|base rates|base lending rate|lending rate|lending rates|loan rate|broker loan rate|call money|t-bill|t-bills|treasury bill|treasury bills|bill auction|bill auctions|bill rate|deposit rate|deposit rates|interbank|libor|repo rate|money market|money markets|fed funds|federal funds|discount rate|prime rate|repurchase agreements|repurchase agreement|bundesbank|currency intervention|market intervention|foreign exchange|foreign-exchange|exchange rate|exchange rates|currency market|currency markets|forex',
      3,
    ],
    [
      'yen|sterling|currency|currencies|dollar|liquidity|money supply|central banks|bank of canada|swiss national bank|intervene|intervened|intervening|' +
        // Other currencies by name ("the lira slides", "Swiss franc surges"); a devaluation is a currency's.
        `${OTHER_CURRENCIES.replaceAll(' ', '|')}|devalue|devalues|devalued|devaluation|devaluations`,
      2,
    ],
    [
      'intervention|reserves|rates|basis points|policymakers|powell|lagarde|bond yields|treasury yields|yields|dealers',
      1,
    ],
  ],
  energy: [
    ['oil/crude/gas/lng/coal/fuel imports/exports/import/export/shipments/purchases/sales', 3],
    [
      'oil|crude|natural gas|lng|opec|brent|wti|refinery|refineries|renewable|renewables|solar|wind power|utilities|utility|power grid|electricity|' +
        'nuclear reactor|nuclear reactors|nuclear power|nuclear plant|nuclear plants|offshore wind|onshore wind|wind farm|wind farms|solar farm|solar farms|wind turbines|' +
        // Gas as the fuel that flows: "halts gas flows to Europe", "gas storage".
        'gas flows|gas supplies|gas supply|gas deliveries|gas pipeline|gas pipelines|gas prices|gas storage|gas field|gas fields',
      3,
    ],
    [
      'energy|gas|power|pipeline|pipelines|drilling|barrels|barrel|fuel|coal|nuclear|battery|batteries|emissions',
      1,
    ],
    // The energy industry and its customers' bills: "windfall tax on energy firms", "energy bills soar".
    [
      'energy firms|energy companies|energy producers|energy groups|energy giants|energy majors|energy stocks|energy shares|energy sector|energy bills|energy crisis',
      2,
    ],
    // A failure of power or of a fuel's plant is the energy supply's, not an IT outage (Security & Privacy).
    [
      'power outage|power outages|power failure|power failures|power cut|power cuts|grid failure|refinery outage|refinery outages|pipeline outage',
      2,
    ],
  ],
  commodities: [
    // "sugar imports", "wheat exports", "meal exports": trade flows of a commodity belong to the commodity, not to trade policy.
    [
      'grain/grains/wheat/corn/maize/barley/rice/sorghum/soybean/soybeans/oilseed/oilseeds/sugar/coffee/cocoa/cotton/rubber/copper/gold/tin/meat/beef/feed/feedgrain/feedgrains/meal/meals imports/exports/import/export/shipments/purchases/sales',
      3,
    ],
    [
      // edible fats and oils in the plural ("EC oils and fats tax", "oils/fats"); petroleum is "oil"
      'oils|fats',
      2,
    ],
    // Animal feed and what it is made of: "fishmeal imports rose", "a quota for tapioca", "soymeal
    // prices", "credit for vegetable protein meals". Bare "meal" and "feed" are too often something else.
    [
      'fishmeal|fish meal|soymeal|soy meal|soybean meal|soya meal|sunmeal|sunflower meal|rapeseed meal|rapemeal|oilseed meal|oilseed meals|protein meal|protein meals|cornglutenfeed|corn gluten feed|corn gluten|citruspulp|citrus pulp|copra cake|tapioca|manioc|cassava|feedgrain|feedgrains|feed grain|feed grains|animal feed|animal feeds|compound feed|feedstuffs|feedingstuffs',
      3,
    ],
    [
      // metals beyond the exchange-traded ones: "strategic" minerals, alloying metals and ores
      'uranium|lithium|graphite|cobalt|chromium|chrome ore|manganese|vanadium|tungsten|molybdenum|antimony|titanium|palladium|ferroalloys|ferro-alloys|strategic minerals|strategic metals|rare earths|oils and fats|oil and fats|fats and oils|veg oil|veg oils|grain|grains|wheat|corn|maize|barley|oats|rye|rice|sorghum|soybean|soybeans|soybean oil|soyoil|oilseed|oilseeds|rapeseed|sunflowerseed|canola|palm oil|vegetable oil|vegetable oils|edible oil|edible oils|cooking oil|olive oil|coconut oil|sunflower oil|rapeseed oil|corn oil|cottonseed oil|groundnut oil|fish oil|linseed oil|copra|palm olein|orange juice|fcoj|sugar|coffee|cocoa|cotton|rubber|livestock|cattle|hogs|pork bellies|harvest|crop|crops|usda|bullion|gold|silver|platinum|copper|aluminium|aluminum|zinc|nickel|tin|iron ore|commodity|commodities|bushels',
      3,
    ],
    [
      'farm|farmers|farming|agriculture|agricultural|plantings|acreage|tonnes|tons|exporters|shipment|shipments|futures|metals|mining|mine|mines|ounces',
      1,
    ],
  ],
  technology: [
    [
      'semiconductor|semiconductors|chipmaker|chipmakers|chips|software|cloud|smartphone|smartphones|internet|telecom|telecoms|5g|data center|data centers|saas',
      2,
    ],
    // How software is made and run: the words of developer news ("open-source framework", "a web app in Go").
    [
      'javascript|typescript|golang|fortran|cobol|programming language|programming languages|open source|open-source|source code|github|linux|firmware|web application|web applications|web app|web apps|operating system|operating systems|self-hosted|database|databases|browser|browsers|html',
      2,
    ],
    // Programming interfaces and tools. Bare "API" is also the American Petroleum Institute of oil
    // inventory reports ("the API said"), so only its phrases of software count.
    [
      'apis|api request|api requests|api call|api calls|api key|api keys|api version|rest api|sdk|sdks|compiler|compilers|command line|command-line|code editor|text editor|emacs|vim',
      2,
    ],
    [
      'technology|tech|chip|app|apps|platform|devices|device|computing|digital|online|broadband|startup|startups|hardware|processor|processors|programming|coding|programmers|website|websites|blog|blogs|laptop|laptops|gaming|video game|video games|wireless|connectivity',
      1,
    ],
  ],
  finance: [
    [
      'bank|banks|banking|lender|lenders|asset manager|asset management|insurer|insurers|insurance|hedge fund|private equity|brokerage|investment bank',
      2,
    ],
    // Stock markets as a whole: "Wall Street closes at record high", "European shares slip", "Nikkei falls".
    [
      'wall street closes/closed/ends/ended/rallies/rallied/falls/fell/slips/slipped/tumbles/tumbled/jumps/jumped/rises/rose/opens/opened|stock market|stock markets|equity market|equity markets|bull market|bear market|stock index|stock indexes|stock indices|benchmark index|nikkei index|hang seng index|ftse 100 index|nasdaq composite index|' +
        // A benchmark that moves is the market's news; named as a label it is the companies'
        // ("a FTSE 100 chief executive").
        MARKET_MOVE_PATTERNS,
      2,
    ],
    // Retail as the individual investor, saver or bank customer, not the shop: "retail investors pile in".
    [
      'retail investor|retail investors|retail trader|retail traders|retail trading|retail brokerage|retail brokerages|retail banking|retail bank|retail banks|retail deposits|retail shareholders|retail bond|retail bonds|retail investment|retail savers|retail share sale|retail offer|retail offering',
      2,
    ],
    // Raising capital after the listing, and lending by kind: "£7 billion rights issue", "car finance".
    [
      'rights issue|rights issues|rights offering|share placing|share placement|secondary offering|follow-on offering|capital raising|capital raise|car finance|auto finance|motor finance|consumer finance|' +
        'share sale|share sales|stock sale|stock sales|share offering|stock offering|equity offering|equity raise|equity raising',
      2,
    ],
    // Private capital: "raises $6.6 billion at a $157 billion valuation", "Series B funding round".
    [
      'funding round|funding rounds|series a/b/c/d/e round/funding/financing|seed round|seed funding|venture capital|venture funding|venture-backed|valuation|valuations|unicorn|unicorns',
      2,
    ],
    // Borrowing in the markets: "issues a 150 mln dlr eurobond", "a bond issue", "senior notes".
    [
      'eurobond|eurobonds|bond issue|bond issues|bond offering|debt offering|notes offering|note issue|senior notes|debenture|debentures|convertible bonds|convertible notes',
      2,
    ],
    [
      'loans|loan|lending|deposits|credit|bonds|bond|investors|fund|funds|capital|mortgage|mortgages|financial|wall street|stock market|shares|equities',
      1,
    ],
  ],
  'life-sciences': [
    [
      'drug|drugs|pharmaceutical|pharmaceuticals|biotech|biotechnology|clinical trial|clinical trials|fda|vaccine|vaccines|medical device|medical devices|therapy|therapies|ema',
      3,
    ],
    // Medicines by kind and the biology drugs are made from.
    [
      'antibiotic|antibiotics|antiviral|antivirals|antibody|antibodies|monoclonal|biosimilar|biosimilars|gene therapy|gene therapies|gene editing|mrna|insulin',
      2,
    ],
    [
      'patients|treatment|trial|trials|health|healthcare|hospital|hospitals|medicine|disease|cancer|approval|diagnostic|diagnostics|genome|genomes|bacteria|bacterial|pathogen|pathogens|pathogenic|antimicrobial',
      1,
    ],
  ],
  manufacturing: [
    [
      'manufacturing|manufacturer|manufacturers|factory|factories|production line|supply chain|supply chains|automaker|automakers|carmaker|carmakers|aerospace|industrial',
      2,
    ],
    [
      'plant|plants|production|assembly|vehicles|vehicle|cars|car|trucks|truck|pickups|suvs|aircraft|jets|steel|machinery|components|parts|output|engineering|paper|pulp',
      1,
    ],
    // What makers ship and call back: "vehicle deliveries fall", "Ford recalls 1.9 million Explorers".
    [
      'vehicle/car/ev/truck/aircraft/jet/plane deliveries|recall|recalls|recalled|electric vehicle|electric vehicles|ev|evs',
      1,
    ],
  ],
  'real-estate': [
    [
      'real estate|property market|reit|reits|housing market|home prices|house prices|home sales|housing sales|housing starts|building permits|commercial property|commercial real estate|office space|mortgage rates',
      3,
    ],
    // A listing's own words: "for rent", "floor plan". Aircraft and equipment are leased too, so "for
    // lease" only supports.
    ['for rent|floor plan|floor plans', 2],
    [
      'property|properties|housing|homes|construction|developer|developers|landlord|landlords|rent|rents|tenants|buildings|office|apartment|apartments|condo|condos|rental|rentals|bedroom|bedrooms|bathroom|bathrooms|baths|balcony|balconies|square feet|square foot|sq ft|sqft|for lease',
      1,
    ],
  ],
  retail: [
    [
      'retailer|retailers|retail|e-commerce|ecommerce|supermarket|supermarkets|department store|department stores|shoppers|consumer brands',
      3,
    ],
    [
      'stores|store|shopping|consumers|consumer|brand|brands|online sales|grocery|groceries|apparel|clothing|holiday season',
      1,
    ],
  ],
  'security-privacy': [
    [
      'cyberattack|cyberattacks|cyber attack|data breach|ransomware|hackers|hacked|malware|privacy|data protection|gdpr|outage|outages|cybersecurity|vulnerability|surveillance',
      3,
    ],
    ['password|passwords|spyware|stolen credentials|login credentials|credential stuffing|two-factor', 2],
    // Bare "security" is as often a financial instrument or a name ("Security Pacific") as a safeguard.
    [
      'security breach|security flaw|security flaws|security researchers|security incident|data security|network security|security patch|security update|breach|hack|phishing|encryption|leak|leaked|personal data|downtime|credential|credentials',
      1,
    ],
  ],
};

/**
 * A verb and its object a few words apart (text/verb-object.ts): "to sell its South African unit",
 * "buys Florida nursery <company>", "offers 18.50 dollars a share for <company>".
 */
export interface ProximityRule extends VerbObjectRule {
  slug: TaxonomyTopicSlug;
  weight: number;
  /** A per-share figure in the sentence is this rule's price, not earnings (PER_SHARE_PHRASES). */
  pricesShares?: boolean;
  /** A measure on goods flows: in a sentence naming a commodity or a fuel it is that market's (FLOW_OWNERS). */
  flow?: boolean;
}

/** Measures a government puts on goods crossing its border. */
const TRADE_MEASURES = words(
  'curbs curb restrictions restriction controls quotas quota duties duty tariffs tariff levies levy surcharge surcharges barriers ban bans embargo limits',
);
/** Goods flows; also the last part of a compound ("chip-export", "car-import"). */
const FLOW_NOUNS = words('exports imports export import');

/** Who adds or sheds jobs in an economy's jobs report: the economy, its employers, a country. */
const ECONOMY_SUBJECTS: ReadonlySet<string> = words(
  'economy employers payrolls us u.s america britain uk canada australia germany france japan china india eurozone',
);

export const PROXIMITY_RULES: readonly ProximityRule[] = [
  // An economy's jobs report: "US adds 353,000 jobs", "Canada shed 40,000 jobs" (a company adding jobs is hiring).
  {
    slug: 'macro-economy',
    weight: 3,
    verbs: words('adds added add creates created create sheds shed loses lost'),
    objects: words('jobs'),
    companyObject: false,
    window: 4,
    between: words('a net nearly almost about some more than fewer over'),
    subjects: ECONOMY_SUBJECTS,
  },
  // A shareholder vote is on a deal: "Hess shareholders approve Chevron deal".
  { slug: 'mergers-acquisitions', weight: 3, ...SHAREHOLDER_VOTE_RULE },
  // A company telling its own prospects is guidance: "Unilever warns sales growth will slow".
  { slug: 'earnings', weight: 2, ...OUTLOOK_RULE },
  {
    slug: 'mergers-acquisitions',
    weight: 3,
    verbs: words(
      'sell sells sold selling sale divest divests divested buy buys bought buying purchase purchases purchased acquire acquires acquired acquiring spin spins merge merges merged',
    ),
    objects: DEAL_OBJECTS,
    companyObject: true,
    window: 5,
    // "Will sell 915 mln units this year": handsets, not business units.
    countable: words('unit units'),
  },
  {
    slug: 'mergers-acquisitions',
    weight: 3,
    verbs: words('offer offers offered offering bid bids tender pay pays paying'),
    objects: words('share shr control'),
    companyObject: true,
    window: 8,
    pricesShares: true,
    // "To pay a $2 dividend per share": a payout, not a price.
    voidedBy: words('dividend dividends payout distribution'),
  },
  // A measure on a country's goods flows is trade policy: "restrictions on microchip exports",
  // "quotas on textile imports", "duties on imports of"; "chip-export curbs", "import quotas".
  {
    slug: 'geopolitics-trade',
    weight: 3,
    verbs: TRADE_MEASURES,
    objects: FLOW_NOUNS,
    companyObject: false,
    window: 4,
    after: 'on',
    flow: true,
  },
  {
    slug: 'geopolitics-trade',
    weight: 3,
    verbs: FLOW_NOUNS,
    objects: TRADE_MEASURES,
    companyObject: false,
    window: 2,
    flow: true,
  },
  // Market access: "urged Japan to open up its markets", "opening Japan's market to foreign chips".
  {
    slug: 'geopolitics-trade',
    weight: 2,
    verbs: words('open opens opening opened reopen reopens'),
    objects: words('market markets'),
    companyObject: false,
    window: 4,
  },
  // "Takes Zendesk private", "to take the retailer private": a buyout ("took private lessons" is none).
  {
    slug: 'mergers-acquisitions',
    weight: 3,
    verbs: words('take takes taking took'),
    objects: words('private'),
    companyObject: false,
    window: 4,
    apart: true,
  },
  // "holds 15 pct of USAir Group", "up to 49.9 pct of Fairchild", "5.1 pct of its common stock".
  {
    slug: 'mergers-acquisitions',
    weight: 2,
    verbs: words('pct percent'),
    objects: words('outstanding common stock shares equity group'),
    companyObject: true,
    window: 4,
    after: 'of',
  },
];

/**
 * Words of a listing that in a sentence about debt (DEBT_WORDS) are the bond's: "the eurobond will
 * be listed in London", "underwriters of the notes"; an IPO or a debut named outright stays one.
 */
export const LISTING_WORDS: ReadonlySet<string> = new Set(
  expandPatterns(
    'listing|float|flotation|underwriters|bookrunners|ipo pricing|offering pricing|pricing of the offering/ipo/shares|pricing of its offering/ipo/shares|priced shares',
  ),
);
export const DEBT_WORDS: ReadonlySet<string> = new Set(
  expandPatterns('bond|bonds|eurobond|eurobonds|notes|debentures|debenture|debt|paper'),
);

/**
 * Per-share phrases that state earnings ("Shr 41 cts", "earned 2.10 dlrs a share") — and, in a
 * sentence where a rule with `pricesShares` fired ("offers 18.50 dlrs a share for Revlon", "bid for
 * 50 dlrs/shr"), the price of a bid instead, which is no earnings evidence.
 */
export const PER_SHARE_PHRASES: ReadonlySet<string> = new Set(
  expandPatterns('shr|shrs|per share|a share|cts/dlrs/cents a/per share'),
);

/**
 * Topics whose supporting words (weight 1) are everyday words in other senses — a sports "deal",
 * "gas" in a name, a capital city, "shares" — so they count only next to a strong phrase or a
 * company sector of the same topic. Elsewhere ("profit", "stores", "plant") they stand alone.
 */
export const ANCHORED_TOPICS: ReadonlySet<TaxonomyTopicSlug> = new Set<TaxonomyTopicSlug>([
  'mergers-acquisitions',
  'geopolitics-trade',
  'regulation-policy',
  'monetary-policy',
  'energy',
  'commodities',
  'finance',
  'security-privacy',
]);

/**
 * Topics whose supporting words are a company's own when the story is about a company: "Zoom shares
 * plunge as growth slows", "Spotify raises prices". There they count only next to a strong phrase, as
 * in ANCHORED_TOPICS; in a story about a country or a market ("Austria growth forecast revised") they
 * stand alone.
 */
export const COMPANY_ANCHORED_TOPICS: ReadonlySet<TaxonomyTopicSlug> = new Set<TaxonomyTopicSlug>([
  'macro-economy',
]);

/**
 * Production-stage words petroleum shares with metals, edible oils and sugar ("refined copper",
 * "crude palm oil", "sugar refinery"). In an article whose headline or lead names such a commodity
 * they only support energy; elsewhere they settle it ("crude prices", "refinery fire").
 */
export const STAGE_WORDS: ReadonlySet<string> = words('crude refinery refineries');

/**
 * A price-index release ("consumer prices fall 0.4 pct") lists fuels, power and utilities among its
 * components; energy is its topic only when the headline names a fuel too ("oil lifts CPI").
 */
export const PRICE_INDEX_PHRASES: ReadonlySet<string> = new Set(
  expandPatterns(
    'inflation|consumer prices|consumer price index|wholesale prices|wholesale price index|producer prices|producer price index|retail price index|retail prices|cost of living|cost-of-living|cpi',
  ),
);

/**
 * A central bank's name after another capitalised word is a commercial bank's name: "Industrial
 * Bank of Japan", "Royal Bank of Canada", "Long-Term Credit Bank of Japan".
 */
export function isInsideBankName(tokens: readonly Token[], start: number): boolean {
  if (tokens[start]?.lower !== 'bank') return false;
  const before = tokens[start - 1];
  return (
    before !== undefined &&
    before.kind === 'word' &&
    before.lower !== 'the' &&
    isCapitalized(before.text) &&
    before.text !== before.text.toUpperCase()
  );
}

/** Money around a per-share figure that makes it a price paid: "for 24.60 dlrs/shr", "for $18 a share". */
const PRICE_TOKENS = words('/ $ dlrs dlr cts usd');

/** Verbs that put a price on shares: "prices its IPO at $34 a share", "shares traded at". */
const PRICING_VERBS = words(
  'price prices priced pricing offered offering sold trading traded trades closed valued',
);

/**
 * "acquire Acme for 24.60 dlrs/shr", "prices IPO at $34 a share": a per-share figure after "for", or
 * after "at" a few words from a pricing verb, is the price of a deal or an offering, not earnings
 * ("sees earnings at $2 a share" stays earnings).
 */
export function isPricePaid(tokens: readonly Token[], start: number): boolean {
  let k = start - 1;
  let number = false;
  for (; k >= 0 && k >= start - 5; k--) {
    const token = tokens[k];
    if (token === undefined) break;
    if (token.kind === 'number') number = true;
    else if (!PRICE_TOKENS.has(token.lower)) break;
  }
  if (!number) return false;
  const before = tokens[k]?.lower;
  if (before === 'for') return true;
  if (before !== 'at') return false;
  for (let v = k - 1; v >= 0 && v >= k - 3; v--) if (PRICING_VERBS.has(tokens[v]?.lower ?? '')) return true;
  return false;
}

/**
 * Currency names after an amount ("1,770 billion yen", "shr 18.34 yen") are units of account: they
 * say nothing about currency markets. After a number or a scale word they do not count.
 */
export const CURRENCY_WORDS: ReadonlySet<string> = words(`yen sterling dollar dollars ${OTHER_CURRENCIES}`);

/**
 * Supporting words that name the story's subject when the headline carries them ("Spain to launch
 * export drive", "U.S. wine exports rose"); in a body sentence they only support. A commodity's or
 * a fuel's own flows ("wheat exports", "oil imports") are matched as longer phrases of those topics.
 */
export const HEADLINE_ANCHORS: ReadonlySet<string> = new Set(['exports', 'imports', 'export', 'import']);

/**
 * Goods that own the flow words of their sentence: "exports of wheat", "to import Philippine copra",
 * "export duties on rubber" are that commodity's or fuel's market, not trade policy. Flow words
 * (FLOW_WORDS) in a sentence that names one of these topics strongly do not count for trade.
 */
export const FLOW_OWNERS: ReadonlySet<TaxonomyTopicSlug> = new Set<TaxonomyTopicSlug>([
  'commodities',
  'energy',
]);
export const FLOW_WORDS: ReadonlySet<string> = HEADLINE_ANCHORS;

/**
 * The carriage of goods: freight, shipping and the ships. Flows in a sentence about carrying them
 * ("exports carried by container lines fell", "freight rates on imports from Asia", "shipping
 * exports") are the shipping market's, as a commodity's flows are its market's (FLOW_OWNERS).
 */
export const CARRIAGE_WORDS: ReadonlySet<string> = words(
  'freight shipping shipowner shipowners liner liners vessel vessels tanker tankers containership containerships sailings cargo cargoes',
);

/**
 * Commerce between places, which in a sentence about carriage (CARRIAGE_WORDS) is the route the
 * ships serve: "freight on the trade between Europe and the Gulf", "sailings to its trading partners".
 */
export const ROUTE_PHRASES: ReadonlySet<string> = new Set(
  expandPatterns(`${STRONG_ROUTE_PATTERNS}|${ROUTE_PATTERNS}`),
);

/**
 * Sectors that hold makers and sellers alike: GICS "Consumer Discretionary" is apparel and appliance
 * makers beside retailers and restaurants. Such a sector hints at whichever of its topics the story's
 * own words favour (a Nike plant is manufacturing, a Lowe's sales report retail), the first when the
 * words favour neither. The seed registry files carmakers and their parts makers under their GICS
 * industry group, "Automobiles & Components", which hints at manufacturing (SECTOR_HINTS).
 */
export const MIXED_SECTOR_HINTS: readonly (readonly [RegExp, readonly TaxonomyTopicSlug[]])[] = [
  [/consumer discretionary/i, ['retail', 'manufacturing']],
];

/**
 * Sectors whose topic only the story's own words can show: GICS "Industrials" holds makers
 * (Caterpillar, Boeing) beside airlines, railroads, couriers and ride-hailing, so its companies
 * hint at manufacturing only when the story already speaks of making things ("opens a new plant").
 */
export const WORD_LED_SECTOR_HINTS: readonly (readonly [RegExp, TaxonomyTopicSlug])[] = [
  [/^industrials$/i, 'manufacturing'],
];

/** Registry sector text → topic hints (a sector WORD_LED_SECTOR_HINTS names is not hinted here). */
export const SECTOR_HINTS: readonly (readonly [RegExp, TaxonomyTopicSlug])[] = [
  [
    /semiconductor|software|internet|telecom|hardware|electronics|technology|it services|cloud|communication/i,
    'technology',
  ],
  [/\bai\b|artificial intelligence/i, 'ai'],
  [/bank|insur|asset|financial|payments|brokerage|capital markets/i, 'finance'],
  [/pharma|biotech|medical|health|life science/i, 'life-sciences'],
  [/oil|gas|energy|utilit|renewable|power/i, 'energy'],
  [/retail|consumer staples|apparel|grocery|restaurant|e-commerce/i, 'retail'],
  [/auto|aerospace|industrial|machinery|manufactur|chemicals|steel|paper/i, 'manufacturing'],
  [/real estate|reit|property|construction/i, 'real-estate'],
  [/crypto|blockchain|digital asset/i, 'crypto-blockchain'],
];
