import type { DbClient } from '../client.js';

/**
 * A judged query set for search relevance: a small corpus of wire stories written for it
 * (headline, standfirst, body) and queries with the stories that should come first. Many stories
 * mention another story's subject in passing, which is what relevance has to see through.
 * Test and benchmark data only (`@wirelens/db/testing`); never loaded into the product.
 */
export interface JudgedArticle {
  key: string;
  title: string;
  excerpt: string;
  body: string;
  /** Days before the corpus' reference date. */
  daysAgo: number;
}

export interface JudgedQuery {
  query: string;
  /** Keys of the stories that should come first (any order). */
  relevant: string[];
}

export const SEARCH_CORPUS: JudgedArticle[] = [
  {
    key: 'export-1',
    title: 'US tightens export controls on advanced AI chips to China',
    excerpt: 'The Commerce Department widened its rules to cover more accelerators and chipmaking tools.',
    body: 'The new export controls cover accelerators above a lower performance threshold and require licences for shipments to a longer list of countries. Chip designers said they were still studying the rules. Analysts expect sales to the region to fall next quarter.',
    daysAgo: 20,
  },
  {
    key: 'export-2',
    title: 'Dutch lithography maker says export controls will trim 2027 sales',
    excerpt: 'The equipment supplier cut its outlook for deliveries to Chinese customers.',
    body: 'The company said licences for its deep ultraviolet machines would no longer be granted for several customers. It kept its long-term margin target. Shares fell four percent in Amsterdam.',
    daysAgo: 12,
  },
  {
    key: 'export-3',
    title: 'China answers chip curbs with export controls on gallium and germanium',
    excerpt:
      'Beijing will require licences for shipments of two metals used in semiconductors and solar cells.',
    body: 'Exporters of gallium and germanium must apply for permits from next month, the commerce ministry said. Prices for both metals jumped in Europe. Buyers said they had built up stocks over the summer.',
    daysAgo: 30,
  },
  {
    key: 'oil-exports',
    title: 'Saudi crude exports climb to a five-month high',
    excerpt: 'Shipments rose as refiners in Asia bought more cargoes before winter.',
    body: 'Crude exports averaged 6.4 million barrels a day, tanker tracking data showed. Traders said the kingdom controls much of the spare capacity in the market and exports could rise further. Officials said output controls agreed with other producers remain in place. Exports to Europe were little changed, and export volumes to China rose. Price controls on domestic fuel were not affected.',
    daysAgo: 2,
  },
  {
    key: 'semis-earnings',
    title: 'Semiconductor maker beats estimates on data-centre demand',
    excerpt: 'Revenue rose 38 percent as cloud providers bought more accelerators.',
    body: 'The chip designer raised its forecast for the current quarter. Executives said export controls had cost some sales in China but demand elsewhere more than made up for it. Gross margin widened to 74 percent.',
    daysAgo: 5,
  },
  {
    key: 'semis-fab',
    title: 'Semiconductors: foundry breaks ground on a second Arizona fab',
    excerpt: 'The plant will make chips on a two-nanometre process from 2029.',
    body: 'The foundry said the factory would employ about 4,000 people. State officials offered tax credits and help with water supply. Construction workers unions welcomed the project.',
    daysAgo: 40,
  },
  {
    key: 'semis-index',
    title: 'Semiconductor stocks slide as memory prices soften',
    excerpt: 'A benchmark index of chipmakers fell for a fourth day.',
    body: 'Memory makers led the decline after a research firm cut its price forecast. Equipment suppliers also fell. Some investors said the sell-off was overdone given strong demand for AI servers.',
    daysAgo: 3,
  },
  {
    key: 'autos-chips',
    title: 'Carmakers warn of slower output in the first quarter',
    excerpt: 'Several manufacturers cited a shortage of parts and weak demand in Europe.',
    body: 'Two carmakers said supplies of power chips remained tight, although semiconductor deliveries had improved since the summer. Dealers reported rising inventories of electric models. One group said it would cut a shift at a German plant.',
    daysAgo: 6,
  },
  {
    key: 'rates-fed',
    title: 'Fed holds interest rates steady and signals one cut next year',
    excerpt: 'Policymakers kept the benchmark range unchanged for a third meeting.',
    body: 'The central bank said inflation had eased but remained above its target. Officials pencilled in a single quarter-point cut in interest rates next year. Treasury yields fell after the statement.',
    daysAgo: 9,
  },
  {
    key: 'rates-ecb',
    title: 'ECB cuts interest rates for the fourth time this year',
    excerpt: 'The deposit rate falls to 2.5 percent as growth in the euro zone stalls.',
    body: 'The European Central Bank lowered borrowing costs by a quarter point. Its president said further moves would depend on the data. Bank shares fell on concern about narrowing margins.',
    daysAgo: 15,
  },
  {
    key: 'rates-boe',
    title: 'Bank of England keeps rates on hold in a split vote',
    excerpt: 'Two members of the committee voted for an immediate cut.',
    body: 'The Bank of England kept interest rates at 4.75 percent. The governor said price pressures in services were still too strong. Sterling rose against the dollar after the decision.',
    daysAgo: 22,
  },
  {
    key: 'housing',
    title: 'Home sales fall for a second month as buyers hesitate',
    excerpt: 'Mortgage applications dropped to their lowest level since the spring.',
    body: 'Estate agents said buyers were waiting for lower interest rates before committing. Prices were flat on the month. Builders reported fewer visits to show homes, and some offered to pay part of buyers mortgage costs. Rents kept rising in large cities. Lenders said interest rates on new fixed deals had edged down.',
    daysAgo: 1,
  },
  {
    key: 'retail-sales',
    title: 'Retail sales beat forecasts on strong holiday spending',
    excerpt: 'Online sales rose 9 percent while department stores lost ground.',
    body: 'Shoppers spent more on electronics and toys. Economists said higher wages and lower interest rates on credit cards helped. Clothing sales were weaker after a warm autumn. Some chains warned that tariffs on imported goods would push prices up next year.',
    daysAgo: 4,
  },
  {
    key: 'antitrust-search',
    title: 'Judge rules search giant illegally maintained a monopoly',
    excerpt: 'The antitrust case could force changes to default search deals with phone makers.',
    body: 'The court found that exclusive contracts shut out rivals. A hearing on remedies is set for next spring. The company said it would appeal the antitrust ruling.',
    daysAgo: 35,
  },
  {
    key: 'antitrust-eu',
    title: 'EU opens antitrust probe into cloud software licensing',
    excerpt: 'Regulators will examine whether licence terms lock customers into one provider.',
    body: 'The European Commission said it had received complaints from smaller cloud providers. The investigation has no deadline. The company said it would cooperate fully.',
    daysAgo: 11,
  },
  {
    key: 'merger-banks',
    title: 'Two regional lenders confirm merger talks',
    excerpt: 'A combination would create the third-largest bank in the country.',
    body: 'Both banks said the merger talks were at an early stage and might not lead to a deal. Analysts said savings from branch closures could be large, although antitrust regulators would look closely at overlapping markets. Shares in the smaller lender rose 12 percent.',
    daysAgo: 7,
  },
  {
    key: 'merger-pharma',
    title: 'Drugmaker agrees to buy biotech in $14 billion merger',
    excerpt: 'The deal adds an obesity treatment in late-stage trials.',
    body: 'The buyer will pay $62 a share in cash, a premium of 48 percent. The merger is expected to close in the second half of next year. The companies said they expected to win antitrust approval.',
    daysAgo: 18,
  },
  {
    key: 'breach-telecom',
    title: 'Telecom operator discloses data breach affecting nine million customers',
    excerpt: 'Names, addresses and account numbers were taken in the attack.',
    body: 'The company said passwords and payment cards were not affected. It has informed regulators and is contacting customers. Shares fell three percent.',
    daysAgo: 14,
  },
  {
    key: 'breach-retailer',
    title: 'Retailer fined over data breach at online store',
    excerpt: 'The privacy regulator said security flaws were left unfixed for two years.',
    body: 'Attackers copied card details from the checkout page. The retailer said it had since rebuilt its payment systems. The fine is the largest the regulator has issued this year.',
    daysAgo: 45,
  },
  {
    key: 'cyber-insurers',
    title: 'Insurers raise cyber premiums as claims mount',
    excerpt: 'Brokers say prices for large companies rose by a fifth at renewal.',
    body: 'Underwriters said ransomware attacks and data theft drove claims higher. One insurer said a single data breach at a customer had cost it more than its annual premium income from the sector. Smaller firms were finding it harder to get cover.',
    daysAgo: 3,
  },
  {
    key: 'lithium-price',
    title: 'Lithium prices hit a three-year low as supply floods in',
    excerpt: 'New mines in Africa and South America added more output than battery makers need.',
    body: 'Spot prices for lithium carbonate fell below $9,000 a tonne. Several Australian miners said they would slow expansion plans. Analysts expect the surplus to last until 2027.',
    daysAgo: 16,
  },
  {
    key: 'lithium-mine',
    title: 'Miner pauses lithium project in Nevada',
    excerpt: 'The company blamed low prices and rising construction costs.',
    body: 'About 300 jobs will be cut at the site. The company said it would restart work when prices recover. Environmental groups had challenged the project in court.',
    daysAgo: 25,
  },
  {
    key: 'ev-sales',
    title: 'Electric vehicle sales growth slows in Europe',
    excerpt: 'Registrations rose 6 percent in November after subsidies ended in several countries.',
    body: 'Carmakers cut prices to keep stock moving. Cheaper batteries, helped by falling lithium prices, may lower costs next year. Hybrids gained market share.',
    daysAgo: 8,
  },
  {
    key: 'recall-airbags',
    title: 'Automaker recalls 1.2 million cars over faulty airbags',
    excerpt: 'The inflators can rupture and throw metal fragments in a crash.',
    body: 'Owners will be contacted by letter and repairs will be free. The company said it knew of no injuries. The recall covers models built between 2019 and 2023.',
    daysAgo: 13,
  },
  {
    key: 'recall-food',
    title: 'Food group recalls baby formula after contamination scare',
    excerpt: 'Bacteria were found in samples from one plant.',
    body: 'The company halted production at the plant and said other factories were not affected. Regulators said parents should check batch numbers. The product recall is expected to cost about $80 million.',
    daysAgo: 28,
  },
  {
    key: 'strike-ports',
    title: 'Port workers strike shuts container terminals on the East Coast',
    excerpt: 'The walkout over automation and pay is the first in almost fifty years.',
    body: 'Ships began queuing outside harbours within hours. Retailers said they had brought in holiday stock early. Talks between the union and employers are set to resume next week.',
    daysAgo: 10,
  },
  {
    key: 'strike-airline',
    title: 'Pilots at national airline vote to strike over pay',
    excerpt: 'Flights could be cancelled from next month if talks fail.',
    body: 'The union said 94 percent of members backed the action. The airline said its offer was fair and urged pilots to return to talks.',
    daysAgo: 19,
  },
  {
    key: 'shipping-rates',
    title: 'Container freight rates jump as carriers divert ships',
    excerpt: 'The cost of moving a box from Asia to Europe has doubled in a month.',
    body: 'Carriers are sending vessels around Africa, adding two weeks to voyages. Forwarders warned that a strike at ports could push rates higher still. Supply chain managers said they were ordering earlier.',
    daysAgo: 2,
  },
  {
    key: 'dividend-oil',
    title: 'Oil major raises dividend and extends share buyback',
    excerpt: 'Quarterly profit fell less than expected thanks to strong refining margins.',
    body: 'The company lifted its dividend by 4 percent and will buy back $3.5 billion of shares. Production rose in the Gulf of Mexico. Net debt fell.',
    daysAgo: 17,
  },
  {
    key: 'dividend-bank',
    title: 'Bank suspends dividend after loan losses',
    excerpt: 'Provisions for bad commercial property loans tripled.',
    body: 'The lender said it would not pay a final dividend and would raise capital. Regulators had asked banks to review office loans. Its shares fell 17 percent.',
    daysAgo: 24,
  },
  {
    key: 'guidance-software',
    title: 'Software firm cuts full-year guidance as deals slip',
    excerpt: 'Large customers delayed purchases at the end of the quarter.',
    body: 'The company now expects revenue growth of 8 percent, down from 11 percent. Its chief executive said the pipeline remained healthy. Shares fell 19 percent after hours.',
    daysAgo: 6,
  },
  {
    key: 'guidance-retailer',
    title: 'Discount retailer lowers guidance on weaker consumer spending',
    excerpt: 'Shoppers are trading down and buying fewer discretionary items.',
    body: 'The chain cut its profit forecast for the year and said it would close 150 stores. Tariffs on goods from Asia would raise costs next year, it said.',
    daysAgo: 21,
  },
  {
    key: 'tariffs-steel',
    title: 'Steel tariffs doubled on imports from Asia',
    excerpt: 'The levy rises to 50 percent from next month.',
    body: 'Domestic steelmakers welcomed the move. Carmakers and appliance makers warned that higher tariffs would raise their costs. Trading partners said they would consider a response.',
    daysAgo: 27,
  },
  {
    key: 'tariffs-eu',
    title: 'EU prepares retaliatory tariffs on US goods',
    excerpt: 'A list of products worth 20 billion euros is under discussion.',
    body: 'Officials said the tariffs could take effect within weeks unless talks make progress. Whiskey and motorcycles are among the items on the draft list.',
    daysAgo: 9,
  },
  {
    key: 'ipo-chipdesigner',
    title: 'Chip designer prices IPO above range',
    excerpt: 'The listing values the company at $54 billion.',
    body: 'Demand from investors was more than ten times the shares on offer. The company designs processors used in phones and data centres. Trading begins on Thursday.',
    daysAgo: 33,
  },
  {
    key: 'ipo-delivery',
    title: 'Delivery app delays IPO as markets wobble',
    excerpt: 'The company had planned to list in New York this month.',
    body: 'Bankers said the company would wait until volatility eased. It raised private funding last year at a lower valuation. Other companies have also put listings on hold.',
    daysAgo: 5,
  },
  {
    key: 'opec',
    title: 'OPEC and allies extend output cuts into next year',
    excerpt: 'The group will keep about 2 million barrels a day off the market.',
    body: 'Ministers agreed the extension at a meeting in Vienna. Oil prices rose 2 percent. Some members had pressed to raise output as demand grows in Asia.',
    daysAgo: 12,
  },
  {
    key: 'layoffs-tech',
    title: 'Tech group announces 6,000 layoffs in restructuring',
    excerpt: 'The cuts amount to about 5 percent of the workforce.',
    body: 'The company said it would focus spending on artificial intelligence. Most layoffs will fall in sales and marketing. It expects a restructuring charge of $1.2 billion.',
    daysAgo: 4,
  },
  {
    key: 'jobs-report',
    title: 'Employers add fewer jobs than expected in November',
    excerpt: 'Payrolls rose by 120,000 and the unemployment rate ticked up.',
    body: 'Economists said announced layoffs in technology and retail were starting to show in the data. Wage growth slowed. Markets priced in a higher chance of lower interest rates early next year.',
    daysAgo: 1,
  },
  {
    key: 'supplychain-toys',
    title: 'Toy makers rework supply chain to cut reliance on one country',
    excerpt: 'Production is shifting to Vietnam, India and Mexico.',
    body: 'Executives said the move would take several years. Tariffs and shipping disruptions had exposed the risk of a single source. Costs will rise slightly at first.',
    daysAgo: 26,
  },
  {
    key: 'earnings-bank',
    title: 'Bank profit rises on trading boom',
    excerpt: 'Fixed-income desks had their best quarter in three years.',
    body: 'Investment banking fees also rose as merger activity picked up. The bank set aside more money for credit card losses. It said a supply chain finance unit would be sold.',
    daysAgo: 2,
  },
  {
    key: 'wrap-stocks',
    title: 'Stocks end mixed in a choppy session',
    excerpt: 'Investors weighed comments from central bankers against a run of company results.',
    body: 'Traders kept an eye on interest rates all day: the chance of lower interest rates in March slipped after comments from two policymakers, and interest rates on two-year notes rose. Semiconductor shares swung between gains and losses, with one semiconductor equipment maker up 3 percent and a semiconductor designer down 2 percent. Tariffs were also in focus as talks on steel tariffs and car tariffs dragged on. Lithium miners rose for a second day.',
    daysAgo: 1,
  },
  {
    key: 'wrap-europe',
    title: 'European shares edge lower, miners weigh',
    excerpt: 'The regional index fell 0.3 percent in thin trading before the holiday.',
    body: 'Miners were the biggest drag as lithium and copper prices eased; lithium producers fell more than 4 percent after a broker said lithium supply would outstrip demand. Banks rose on bets that interest rates would stay higher for longer. Carmakers slipped on talk of new tariffs. A data breach at a payments company weighed on fintech stocks, and a second data breach report hit a rival.',
    daysAgo: 0,
  },
];

export const JUDGED_QUERIES: JudgedQuery[] = [
  { query: 'export controls', relevant: ['export-1', 'export-2', 'export-3'] },
  { query: '"export controls" chips', relevant: ['export-1', 'export-3'] },
  { query: 'semicond*', relevant: ['semis-earnings', 'semis-fab', 'semis-index'] },
  { query: 'semiconductor stocks', relevant: ['semis-index'] },
  { query: 'interest rates', relevant: ['rates-fed', 'rates-ecb', 'rates-boe'] },
  { query: '"bank of england"', relevant: ['rates-boe'] },
  { query: 'antitrust', relevant: ['antitrust-search', 'antitrust-eu'] },
  { query: 'merger', relevant: ['merger-banks', 'merger-pharma'] },
  { query: 'data breach', relevant: ['breach-telecom', 'breach-retailer'] },
  { query: 'lithium', relevant: ['lithium-price', 'lithium-mine'] },
  { query: 'recall', relevant: ['recall-airbags', 'recall-food'] },
  { query: 'strike', relevant: ['strike-ports', 'strike-airline'] },
  { query: 'dividend', relevant: ['dividend-oil', 'dividend-bank'] },
  { query: 'guidance', relevant: ['guidance-software', 'guidance-retailer'] },
  { query: 'tariffs', relevant: ['tariffs-steel', 'tariffs-eu'] },
  { query: 'IPO', relevant: ['ipo-chipdesigner', 'ipo-delivery'] },
  { query: 'layoff*', relevant: ['layoffs-tech'] },
  { query: '"supply chain"', relevant: ['supplychain-toys'] },
  { query: 'output cuts', relevant: ['opec'] },
  { query: 'electric vehicle sales', relevant: ['ev-sales'] },
  { query: 'crude exports', relevant: ['oil-exports'] },
];

/**
 * Precision@10 of one ranking, in the form a small judged set supports: of the first
 * min(10, judged) results, the share that are judged relevant (1 = every slot that judged stories
 * could fill holds one). `ranked` is the result list as corpus keys, best first.
 */
export function precisionAt10(ranked: string[], relevant: string[]): number {
  const k = Math.min(10, relevant.length);
  if (k === 0) return 0;
  return ranked.slice(0, k).filter((key) => relevant.includes(key)).length / k;
}

/** Stores the corpus (one source, stories dated back from `now`); returns article id → story key. */
export async function loadSearchCorpus(
  db: DbClient,
  now: Date = new Date('2026-11-01T00:00:00Z'),
): Promise<Map<number, string>> {
  const source = await db.source.create({
    data: { url: 'https://judged.example.com/feed', title: 'Judged Wire', language: 'en' },
  });
  const keys = new Map<number, string>();
  for (const story of SEARCH_CORPUS) {
    const url = `https://judged.example.com/${story.key}`;
    const article = await db.article.create({
      data: {
        sourceId: source.id,
        canonicalUrl: url,
        urlKey: url.replace('https://', ''),
        url,
        title: story.title,
        excerpt: story.excerpt,
        contentText: story.body,
        fullTextStatus: 'EXTRACTED',
        language: 'en',
        contentHash: story.key,
        publishedAt: new Date(now.getTime() - story.daysAgo * 86_400_000),
      },
      select: { id: true },
    });
    keys.set(article.id, story.key);
  }
  return keys;
}

/** Precision@10 of `rank` (query → ids, best first) for every judged query, and their mean. */
export async function judgeSearch(
  keys: Map<number, string>,
  rank: (query: string) => Promise<number[]>,
): Promise<{ perQuery: { query: string; precision: number; top: string[] }[]; mean: number }> {
  const perQuery = [];
  for (const judged of JUDGED_QUERIES) {
    const top = (await rank(judged.query)).slice(0, 10).map((id) => keys.get(id) ?? String(id));
    perQuery.push({ query: judged.query, precision: precisionAt10(top, judged.relevant), top });
  }
  const mean = perQuery.reduce((sum, q) => sum + q.precision, 0) / perQuery.length;
  return { perQuery, mean };
}
