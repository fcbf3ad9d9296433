import { describe, expect, it } from 'vitest';

import { createBuiltinAnalyzer } from '../create-builtin-analyzer.js';
import { TEST_REGISTRY } from '../testing/test-registry.js';

const analyzer = createBuiltinAnalyzer({ registry: TEST_REGISTRY });
const slugs = (title: string, text = '') => analyzer.analyzeSync({ title, text }).topics.map((t) => t.slug);

describe('topic rules that need financial context', () => {
  it('does not read a sports deal as a merger', () => {
    const topics = slugs(
      'United signs striker on three-year deal',
      'The club agreed the deal after a medical on Tuesday. The forward scored 14 goals last season.',
    );
    expect(topics).not.toContain('mergers-acquisitions');
  });

  it('does not read a purchase of goods or of money as M&A', () => {
    expect(slugs('Air force to buy 470 jets from Fabrikam')).not.toContain('mergers-acquisitions');
    expect(slugs('Central bank to buy more government bonds to calm markets')).toEqual(['monetary-policy']);
    expect(slugs('Refiner agrees to purchase 2 million barrels of crude')).toEqual(['energy']);
    expect(slugs("Fabrikam to buy Litware's truck unit")).toContain('mergers-acquisitions');
  });

  it("reads the market's crowd trading shares as no deal, a holder building a stake as one", () => {
    const crowd = [
      'Options traders see heavy call buying in Fabrikam',
      'Retail investors keep buying Litware shares despite slump',
      'Hedge funds selling Contoso stock ahead of earnings',
      'Litware (NASDAQ:LIT) insider sells 1,500 shares',
    ];
    for (const title of crowd) expect(slugs(title), title).not.toContain('mergers-acquisitions');
    const stakes = [
      'Fabrikam buys more Litware shares',
      'Investors bought 5.1 pct of Litware, filing shows',
      'Investment firm says its funds bought 68,000 Litware shares',
    ];
    for (const title of stakes) expect(slugs(title), title).toContain('mergers-acquisitions');
  });

  it('does not read the idioms of stakes as a holding', () => {
    expect(slugs('Jobs at stake as the plant closes')).not.toContain('mergers-acquisitions');
    expect(slugs('Contoso raises the stakes in the streaming war')).not.toContain('mergers-acquisitions');
    expect(slugs('High stakes for Litware as the vote nears')).not.toContain('mergers-acquisitions');
    expect(slugs('Woodgrove raises its stake in Litware')).toContain('mergers-acquisitions');
  });

  it("reads a carmaker's recall and vehicle deliveries as its making, not its selling", () => {
    expect(slugs('Ford recalls 1.9 million sport utility models')).toContain('manufacturing');
    expect(slugs('Ford vehicle deliveries fall for first time in a decade')).toContain('manufacturing');
    expect(slugs('Ford opens 40 new stores for its shoppers')).toContain('retail');
  });

  it('reads retail investors and retail banking as finance, not shops', () => {
    expect(slugs('Retail investors pile into meme stocks')).toEqual(['finance']);
    expect(slugs('Lender to sell its French retail banking arm')).not.toContain('retail');
    expect(slugs('Retailer opens 40 new stores')).toContain('retail');
  });

  it("reads a company's profit told moving as earnings", () => {
    expect(slugs('Fabrikam profit doubles on weak yen')).toContain('earnings');
  });

  it('reads a company raising money in a share sale as finance', () => {
    expect(slugs('Fabrikam raises $21 billion in share sale')).toEqual(['finance']);
    expect(slugs('Litware files for stock offering')).toContain('finance');
  });

  it('reads a sale or a takeover pursued as M&A, and a private lesson as none', () => {
    expect(slugs('Fabrikam puts itself up for sale')).toContain('mergers-acquisitions');
    expect(slugs('Buyout firm takes Litware private in $10 billion deal')).toContain('mergers-acquisitions');
    expect(slugs('Bidding war erupts for Litware')).toContain('mergers-acquisitions');
    expect(slugs('Chief executive took private lessons in Mandarin')).not.toContain('mergers-acquisitions');
    expect(slugs('Contoso files for initial offering')).toEqual(['ipo']);
    expect(slugs('Litware in talks to sell itself to buyout firm')).toContain('mergers-acquisitions');
    expect(slugs('Fabrikam adopts poison pill against activist')).toContain('mergers-acquisitions');
    expect(slugs('Contoso completes three-way split with power unit spin-off')).toContain(
      'mergers-acquisitions',
    );
    expect(slugs('Contoso completes three-way split with power unit spin-off')).not.toContain('earnings');
  });

  it('reads a deal named by its price and its target as M&A', () => {
    expect(slugs('Fabrikam abandons $20 billion Litware deal')).toContain('mergers-acquisitions');
    expect(slugs('Fabrikam wins $1 billion supply deal')).not.toContain('mergers-acquisitions');
    // A priced bid for a name; a bid for a contract is none.
    expect(slugs("Regulators weigh Contoso's $15 billion bid for Harbor Steel")).toContain(
      'mergers-acquisitions',
    );
    expect(slugs('Fabrikam submits $2 billion bid for the contract')).not.toContain('mergers-acquisitions');
  });

  it("reads a shareholder vote as a vote on a deal, a legislature's approval of a trade deal as none", () => {
    const vote = analyzer.analyzeSync({ title: 'Litware shareholders approve Contoso deal', text: '' });
    expect(vote.topics.map((t) => t.slug)).toContain('mergers-acquisitions');
    expect(vote.eventTypes).toContain('merger-acquisition');
    expect(slugs('Senate approves trade deal')).not.toContain('mergers-acquisitions');
  });

  it('still reads a takeover deal as M&A', () => {
    expect(slugs('Fabrikam agrees $2 billion deal to acquire Litware')).toContain('mergers-acquisitions');
  });

  it('files edible oils under commodities, crude under energy', () => {
    const palm = slugs(
      'Malaysian palm oil output expected to rise',
      'Palm oil production is forecast to rise 5% as new plantings mature, while soybean oil prices eased.',
    );
    expect(palm).toContain('commodities');
    expect(palm).not.toContain('energy');
    expect(
      slugs('OPEC agrees to cut crude output', 'Brent crude rose 3% after the oil producers met.'),
    ).toContain('energy');
  });

  it('does not take a word inside a company name for the topic', () => {
    expect(
      slugs('Bank results', 'Security Pacific Corp said its quarterly profit rose 12% on higher lending.'),
    ).not.toContain('security-privacy');
  });

  it('gives a short item about a technology company a topic from its sector', () => {
    expect(slugs('NVIDIA names new board member')).toEqual(['technology']);
  });

  it("reads a carmaker's industry as making, and a sporting-goods seller's sector by the story's words", () => {
    expect(
      slugs(
        'Ford to close Ohio plant',
        'Ford said the plant builds pickups. Ford will move output to Michigan.',
      ),
    ).toEqual(['manufacturing']);
    // "Automobiles & Components": a carmaker's story with no word of making is still no shop's.
    expect(slugs('Ford names new chief financial officer')).toEqual(['manufacturing']);
    // "Consumer Discretionary" holds makers and sellers: the words decide, retail when they do not.
    expect(slugs('Adidas names new chief financial officer')).toEqual(['retail']);
    expect(slugs('Adidas to close its German plant', 'Adidas said the plant makes shoes.')).toEqual([
      'manufacturing',
    ]);
  });

  it('gives an industrial company manufacturing only when the story speaks of making things', () => {
    // GICS "Industrials" holds airlines, railroads and couriers beside makers.
    expect(slugs('Fabrikam names new chief financial officer')).not.toContain('manufacturing');
    expect(slugs('Fabrikam adds flights on transatlantic routes')).not.toContain('manufacturing');
    expect(slugs('Fabrikam opens new plant in Texas')).toEqual(['manufacturing']);
  });

  it("files a bond's listing and underwriters under finance, not IPO", () => {
    const bond = slugs(
      'Contoso issues 150 mln dlr eurobond',
      'Contoso is issuing a 150 mln dlr eurobond due 1992. The bond will be listed in London; fees comprise a selling concession and underwriting.',
    );
    expect(bond).toContain('finance');
    expect(bond).not.toContain('ipo');
    expect(slugs('Contoso plans listing on Nasdaq', 'Underwriters priced the listing at $20.')).toContain(
      'ipo',
    );
  });

  it('gives short developer news technology, and flat listings real estate', () => {
    expect(slugs('A whole website in a single JavaScript file')).toEqual(['technology']);
    expect(slugs('Show HN: an open-source framework for metrics')).toEqual(['technology']);
    expect(slugs('Router firmware update fixes boot loop')).toContain('technology');
    expect(
      slugs(
        'Bright two-bedroom near the station, $2,150',
        'Sunny apartment with a balcony and parking. One-year lease, rent includes water.',
      ),
    ).toEqual(['real-estate']);
    // A proper name that is also a language's is the name.
    expect(slugs('Haskell library straddles the border', 'Residents of both countries meet there.')).toEqual(
      [],
    );
  });

  it('gives programming-interface, image-model, microbiology and listing news their topics', () => {
    expect(slugs('Payments API v3 sunset reminder', 'After June 1 all v3 API requests will fail.')).toEqual([
      'technology',
    ]);
    expect(slugs('What is new in the Emacs text editor')).toEqual(['technology']);
    expect(slugs('Open image generator rivals DALL-E')).toEqual(['ai']);
    expect(slugs('Soil bacteria resist a common antibiotic, researchers find')).toEqual(['life-sciences']);
    expect(
      slugs('Top floor unit with a big balcony, $2,495', 'Two baths, 720 sq ft, walk-in closet, parking.'),
    ).toEqual(['real-estate']);
    expect(slugs('Attackers reuse leaked passwords against banking apps')).toContain('security-privacy');
  });

  it('does not read the oil industry\'s "API" or a verb "to let" as these topics', () => {
    expect(
      slugs('U.S. crude stocks fall, API says', 'The API said crude inventories fell 2 million barrels.'),
    ).not.toContain('technology');
    expect(slugs('Fans want the league to let players speak')).not.toContain('real-estate');
    expect(slugs('Airline has two jets available for lease')).not.toContain('real-estate');
  });

  it('does not read a rating upgrade "to buy" as a takeover', () => {
    expect(slugs('Goldman Sachs Upgrades Litware to Buy')).not.toContain('mergers-acquisitions');
  });

  it('does not read a company buying back its own stock as M&A', () => {
    expect(slugs('Contoso to buy back $110 billion of stock')).not.toContain('mergers-acquisitions');
    expect(slugs('Litware buys back 5 pct of its shares')).not.toContain('mergers-acquisitions');
    expect(slugs('Fabrikam to buy 5 pct of Litware')).toContain('mergers-acquisitions');
    // The takeover a buyback fends off is still one.
    expect(slugs('Contoso launches buyback to fend off hostile takeover by Litware')).toContain(
      'mergers-acquisitions',
    );
  });

  it('reads offerings and breakups by their own words', () => {
    // The price an offering sets is no earnings figure; "sees earnings at $2 a share" is one.
    expect(slugs('Litware prices IPO at $34 a share')).toEqual(['ipo']);
    expect(slugs('Contoso sees 2027 earnings at $2.10 a share')).toContain('earnings');
    expect(slugs('Fabrikam shares soar 25% in Nasdaq debut')).toContain('ipo');
    // A company splitting itself up is no stock split.
    expect(slugs('Contoso to split into six units')).toEqual(['mergers-acquisitions']);
    expect(slugs('Open model rivals GPT-5 on reasoning')).toEqual(['ai']);
    // Capital raised after a listing is finance.
    expect(slugs('Fabrikam plans rights offering')).toEqual(['finance']);
  });

  it("reads a company's growth and prices as its own, an economy's as the economy's", () => {
    expect(slugs('Contoso shares plunge as growth slows')).not.toContain('macro-economy');
    expect(slugs('Contoso raises subscription prices in US')).not.toContain('macro-economy');
    expect(slugs('Consumer prices rise 0.4 pct in May')).toContain('macro-economy');
    expect(
      slugs('Growth slows as prices rise', 'Shoppers cut back as prices rose for a fifth month.'),
    ).toContain('macro-economy');
  });

  it('reads units after an amount as goods sold, not business units', () => {
    expect(slugs('Handset makers will sell around 900 mln units this year')).not.toContain(
      'mergers-acquisitions',
    );
    expect(slugs('Fabrikam to sell two units to Litware')).toContain('mergers-acquisitions');
  });

  it('reads a divestiture and a per-share offer as M&A', () => {
    expect(slugs('Fabrikam to sell its South African unit')).toContain('mergers-acquisitions');
    expect(slugs('Investor offers $18.50 a share for Litware')).toContain('mergers-acquisitions');
  });
});

describe('trade stories and stories that mention trade', () => {
  it('files trade balances, trade talks and tariffs under geopolitics & trade', () => {
    expect(slugs('Korea posts record trade surplus in May')).toContain('geopolitics-trade');
    expect(
      slugs(
        'Washington and Tokyo open talks on chip dispute',
        'Trade negotiators met on Monday as Congress weighs tariffs on Japanese electronics.',
      ),
    ).toContain('geopolitics-trade');
  });

  it('files a trading partner and an anti-subsidy probe under geopolitics & trade', () => {
    expect(slugs('Mexico overtakes China as top US trading partner')).toContain('geopolitics-trade');
    expect(slugs('EU launches anti-subsidy probe into Chinese electric cars')).toContain('geopolitics-trade');
  });

  it("files a country's current-account or payments balance under trade as well as the economy", () => {
    const topics = slugs(
      'Seoul sees current account surplus narrowing to 5 billion dlrs',
      'The finance ministry said on Tuesday the surplus would shrink as oil import bills rise.',
    );
    expect(topics).toContain('geopolitics-trade');
    expect(topics).toContain('macro-economy');
    expect(slugs('Ankara says balance of payments gap to persist this year')).toContain('geopolitics-trade');
    // A bank's current account (the product) is no trade story.
    expect(slugs('Lender adds fee-free current account for students')).not.toContain('geopolitics-trade');
  });

  it('reads a measure on a flow of goods as trade policy, a compound flow ("chip-export curbs") included', () => {
    expect(
      slugs(
        'Ottawa moves against three countries',
        'The government said on Friday it would impose restrictions on microprocessor exports to the three countries.',
      ),
    ).toContain('geopolitics-trade');
    expect(slugs('Seoul to tighten steel-import quotas next year')).toContain('geopolitics-trade');
    expect(
      slugs('Brussels weighs duties on imports of Asian bicycles', 'The levy would run for five years.'),
    ).toContain('geopolitics-trade');
  });

  it('leaves the measures on a named commodity to its market, in a compound too', () => {
    const topics = slugs(
      'Bolivia accepts tin-export quota, producers say',
      'The producers association said members agreed to hold tin shipments below 90,000 tonnes this year.',
    );
    expect(topics).toContain('commodities');
    expect(topics).not.toContain('geopolitics-trade');
  });

  it("reads opening a country's market to foreign goods as market access", () => {
    expect(
      slugs(
        'Farm lobby urges pressure on Tokyo over beef',
        'Senators urged the administration to press Japan to open up its markets to American producers.',
      ),
    ).toContain('geopolitics-trade');
  });

  it('does not read financial trading or a stock market opening as trade policy', () => {
    const topics = slugs(
      'Litware shares trade higher as markets open',
      'Stock markets opened firmer on Tuesday and Litware traded 3 pct up in heavy volume.',
    );
    expect(topics).not.toContain('geopolitics-trade');
  });

  it('reads retaliation, dumping and sanctions outside trade in their other senses', () => {
    const notTrade = [
      'Former employee wins retaliation lawsuit against Litware',
      'Whistleblower alleges retaliation at Fabrikam supplier',
      'Investors keep dumping bank stocks as deposits flee',
      'Chemical plant fined for dumping toxic waste into river',
      'Regulators sanction broker; SEC sanctions Contoso for misleading clients',
      'Court sanctions lawyers for citing invented cases',
      'Fabrikam faces EU antitrust sanctions over bundling',
      'Litware faces sanctions from FINRA over outage disclosures',
    ];
    for (const title of notTrade) expect(slugs(title), title).not.toContain('geopolitics-trade');
    const trade = [
      'Brussels vows retaliation if Washington raises steel tariffs',
      'Beijing accuses Brussels of dumping electric vehicles',
      'Washington sanctions Russian banks over the war',
      'EU extends sanctions on Moscow for six months',
    ];
    for (const title of trade) expect(slugs(title), title).toContain('geopolitics-trade');
  });

  it("reads a utility's or a network's tariffs as its prices, a duty on goods as trade", () => {
    const notTrade = [
      'Regulator approves electricity tariff increase for households',
      'Utility seeks 12% tariff hike from regulators',
      'Mobile operator raises roaming tariffs across Europe',
      'Feed-in tariff cut hits solar installers',
    ];
    for (const title of notTrade) expect(slugs(title), title).not.toContain('geopolitics-trade');
    expect(slugs('Washington threatens new tariffs on Mexican goods')).toContain('geopolitics-trade');
    expect(slugs('Utility says tariffs on imported solar panels raise costs')).toContain('geopolitics-trade');
  });

  it("reads an app's export and import features, a trade in securities and a price range as no trade story", () => {
    const notTrade = [
      'Contoso adds PDF export to its design app',
      'Litware launches import tool for wiki pages',
      'Options trade data show heavy call volume in Fabrikam',
      'Litware shares trade between $10 and $12 in early session',
      'Fabrikam to open offices at World Trade Center',
    ];
    for (const title of notTrade) expect(slugs(title), title).not.toContain('geopolitics-trade');
    expect(slugs('Japan export curbs on chip materials widen')).toContain('geopolitics-trade');
    expect(slugs('Trade between Tokyo and Seoul fell 5 pct')).toContain('geopolitics-trade');
  });

  it("reads peace talks between countries as geopolitics, a union's with employers as none", () => {
    expect(slugs('Rival governments agree deal at peace talks in Geneva')).toContain('geopolitics-trade');
    expect(slugs('Rival factions strike a peace deal in Doha')).toContain('geopolitics-trade');
    expect(
      slugs(
        'Dock union and employers to meet',
        'The union agreed to reconvene abandoned peace talks to end strikes at the port.',
      ),
    ).not.toContain('geopolitics-trade');
  });

  it('reads tax evasion as a regulatory matter', () => {
    expect(slugs('Campaigners urge global effort to end offshore tax evasion')).toContain(
      'regulation-policy',
    );
  });

  it('files international conflict under geopolitics & trade', () => {
    expect(slugs('Russia and Ukraine agree on ceasefire talks')).toContain('geopolitics-trade');
  });

  it('reads exports in a headline as the subject, in a company story as a detail', () => {
    expect(
      slugs(
        'Swedish exports rose 9 pct in March',
        'Sales abroad were led by machinery, the statistics office said.',
      ),
    ).toContain('geopolitics-trade');
    expect(
      slugs(
        'Contoso Motors April sales rise 6 pct',
        'Contoso Motors said exports rose 14 pct in April while domestic sales were flat. Exports to Europe doubled and exports to Asia rose 20 pct.',
      ),
    ).not.toContain('geopolitics-trade');
  });

  it('leaves a commodity its own exports, imports and export duties', () => {
    const topics = slugs(
      'Malaysia raises export duties on palm oil',
      'The duty on crude palm oil exports rises to 8 pct next month, the ministry said.',
    );
    expect(topics).toContain('commodities');
    expect(topics).not.toContain('geopolitics-trade');
  });

  it('does not make a remark late in the story a second topic', () => {
    const topics = slugs(
      'German industrial output rises 2 pct in May',
      [
        'Industrial production rose 2.1 pct in May from April, the economy ministry said.',
        'Output of capital goods led the gain.',
        'Construction fell 0.5 pct.',
        'Economists said the trade surplus would widen further this year and warned that U.S. tariffs on cars could hurt.',
      ].join(' '),
    );
    expect(topics).toEqual(['macro-economy']);
    // The same remarks opening the story make trade a second topic.
    expect(
      slugs(
        'German industrial output rises 2 pct in May',
        'Economists said the trade surplus would widen further this year and warned that U.S. tariffs on cars could hurt. Industrial production rose 2.1 pct in May.',
      ),
    ).toContain('geopolitics-trade');
  });

  it("reads a labour dispute as labour news, not trade, and a trade ministry's name as trade", () => {
    const strike = slugs(
      'Dockers extend walkout at northern ports',
      [
        'Pay talks between the dock workers and the port operators broke down on Monday, a union leader said.',
        'The strikers want a 12 pct raise; employers offered six pct.',
        'Shipping agents said cargo was piling up on the quays.',
        'Economists said a long stoppage would add to the deterioration in the trade balance.',
      ].join(' '),
    );
    expect(strike).not.toContain('geopolitics-trade');
    expect(strike).toContain('macro-economy');
    expect(
      slugs(
        'Tokyo ministry official to visit Washington next week',
        'An official of the Ministry of International Trade and Industry will meet his counterparts on Monday.',
      ),
    ).toContain('geopolitics-trade');
  });
});

describe('figures that look like another topic', () => {
  it('reads a currency after an amount as a unit, not as currency-market news', () => {
    const topics = slugs(
      'Northwind Electric forecasts lower profits in 2027',
      'Northwind Electric expects pretax profit to fall to 328 billion yen from 402 billion yen. Sales should rise to 5,506 billion yen.',
    );
    expect(topics).toContain('earnings');
    expect(topics).not.toContain('monetary-policy');
    expect(slugs('Yen hits record high against the dollar')).toContain('monetary-policy');
  });

  it("reads any currency by name as currency news, unless it is an amount's unit or a bond's denomination", () => {
    expect(slugs('Swiss franc surges after central bank surprise')).toContain('monetary-policy');
    expect(slugs("Turkey's lira slides to record low")).toContain('monetary-policy');
    expect(slugs('Argentina devalues peso by 54%')).toContain('monetary-policy');
    expect(slugs('Nestlé sales rise 5% to 25 billion Swiss francs')).not.toContain('monetary-policy');
    expect(
      slugs(
        'Development bank issues Luxembourg franc bond',
        'The bank is issuing a 125 mln luxembourg franc bond.',
      ),
    ).not.toContain('monetary-policy');
  });

  it('reads battery metals as commodities and nuclear and wind power as energy', () => {
    expect(slugs('Lithium prices crash as EV demand cools')).toEqual(['commodities']);
    expect(slugs('Utility scraps offshore wind projects')).toContain('energy');
    expect(slugs('Nuclear power stocks rally on AI data center demand')).toContain('energy');
    expect(
      slugs('Cheaper plastics from plants', 'The chemists ran the synthesis in a single reactor (one pot).'),
    ).not.toContain('energy');
  });

  it('reads a funding round as Finance, and a security of a series as none', () => {
    expect(slugs('Fabrikam raises $6.6 billion at a $157 billion valuation')).toContain('finance');
    expect(slugs('AI startup Litware raises 600 million euros in Series B round')).toContain('finance');
    expect(
      slugs(
        'Liquidating trust sets distributions',
        'The trust declared a liquidating dividend of 1.10 dlrs per unit to holders of its Series A, B and C certificates.',
      ),
    ).not.toContain('finance');
  });

  it('reads market abuse as a regulatory matter', () => {
    expect(slugs('Insider trading probe widens')).toEqual(['regulation-policy']);
    expect(slugs('Stock trading volumes surge')).not.toContain('regulation-policy');
  });

  it('reads the Fed punishing a bank as a regulator, not as the steward of rates', () => {
    const topics = slugs('Fed fines Contoso Bank $186 million');
    expect(topics).toContain('regulation-policy');
    expect(topics).not.toContain('monetary-policy');
    expect(slugs('Fed cuts rates by half a point')).toContain('monetary-policy');
  });

  it('reads the stock market as a whole as finance, a benchmark named as a label as none', () => {
    expect(slugs('Wall Street closes at record high on rate-cut hopes')).toEqual(['finance']);
    expect(slugs('European shares slip as energy stocks weigh')).toContain('finance');
    expect(slugs('Nikkei falls 2% as exporters slide')).toContain('finance');
    expect(slugs('WPP boss is highest-paid FTSE 100 chief executive')).not.toContain('finance');
    expect(slugs('S&P 500 ends higher as tech rebounds')).toContain('finance');
    expect(slugs('Hang Seng tumbles 3% as property woes deepen')).toContain('finance');
    expect(slugs('Asian stocks close at record on chip rally')).toContain('finance');
    expect(slugs('U.S. stocks end lower as yields climb')).toContain('finance');
    // A company whose name ends in "World" is no world market.
    expect(slugs('Contoso World shares tumble on profit warning')).not.toContain('finance');
  });

  it('reads reserve requirements and bond yields as the price of money, gas that flows as energy', () => {
    expect(slugs('Beijing cuts banks reserve requirement ratio to spur lending')).toContain(
      'monetary-policy',
    );
    expect(slugs('Treasury yields surge after hot inflation print')).toContain('monetary-policy');
    expect(slugs('Moscow halts gas flows to Europe via Baltic pipeline')).toContain('energy');
  });

  it("reads an economy's monthly indicators as the economy's news", () => {
    expect(slugs('US consumer confidence falls to lowest since 2021')).toContain('macro-economy');
    expect(slugs('US jobless claims fall to three-month low')).toContain('macro-economy');
    expect(slugs('Canada housing starts fall in February')).toContain('macro-economy');
  });

  it('reads a per-share price in a bid as the bid, not as earnings', () => {
    const topics = slugs('Vulcan offers five dlrs a share for Jones Foods', '');
    expect(topics).toContain('mergers-acquisitions');
    expect(topics).not.toContain('earnings');
    expect(slugs('Jones Foods 4th qtr shr 41 cts vs 36 cts')).toContain('earnings');
  });

  it('files home sales under real estate, not company earnings', () => {
    expect(slugs('U.S. home sales fell 6.8 pct in January')).toEqual(['real-estate']);
  });
});

describe('wire-service results and dividends', () => {
  it('files a results table and a dividend notice under earnings', () => {
    expect(
      slugs(
        'HARBOR VALVE CORP <HVLV> 2ND QTR NET',
        'TULSA, Okla., May 4 - Shr 41 cts vs 22 cts\n    Net 8.2 mln vs 4.4 mln',
      ),
    ).toEqual(['earnings']);
    expect(
      slugs('HARBOR VALVE CORP <HVLV> QTLY DIVIDEND', 'Qtly div 12 cts vs 10 cts prior\n    Pay June 1'),
    ).toEqual(['earnings']);
  });

  it('files money-market and lending-rate stories under monetary policy', () => {
    expect(slugs('Bank of England gives money market assistance')).toContain('monetary-policy');
    expect(slugs('Northside Bank cuts base lending rate to 9.5 pct')).toContain('monetary-policy');
  });
});

/** A wire-style story written for these tests, the topics it must get and the ones it must not. */
interface TopicCase {
  rule: string;
  title: string;
  text?: string;
  has?: string[];
  not?: string[];
  first?: string;
}

const M_A = 'mergers-acquisitions';

const LANGUAGE_CASES: TopicCase[] = [
  // Acquisition language beyond "acquire".
  {
    rule: 'an agreement to purchase a company is M&A',
    title: 'Fabrikam to purchase printer maker for $300 million',
    text: 'Fabrikam Inc said it agreed to purchase Harbor Imaging Inc for 300 mln dlrs in cash.',
    has: [M_A],
  },
  {
    rule: 'a company bought by a buyer named after the verb is M&A',
    title: 'BAYSIDE ENGINE BOUGHT BY PRIVATE INVESTOR',
    text: 'Bayside Engine, a maker of diesel engines, said the purchase is led by a private investment banker.',
    has: [M_A],
  },
  {
    rule: 'a completed purchase is M&A',
    title: 'NORTHGATE CORP COMPLETES PURCHASE OF NEWSPAPER',
    text: 'Northgate Corp said the Valley Courier became a wholly-owned subsidiary on Friday.',
    has: [M_A],
  },
  {
    rule: 'a bid received is M&A, and its per-share price is not earnings',
    title: 'Harbor Books gets bid from Larchmont Publishing for 50 dlrs/shr',
    has: [M_A],
  },
  {
    rule: 'control sought and a stake in a company are M&A',
    title: 'Investor tells SEC he may seek control of Harbor Foods',
    text: 'The investor said he holds 9.8 pct of Harbor Foods common stock and has had talks on seeking control of the company.',
    has: [M_A],
  },
  {
    rule: 'a percentage of a group is a stake',
    title: 'Airline confirms it owns 15 pct of Bayside Air Group',
    has: [M_A],
  },
  {
    rule: 'a percentage of something else is a proportion, not a stake',
    title: 'Harbor Stores sees better first quarter',
    text: "The first quarter represents 14 pct of the year's total sales, the chairman said. Sales rose 6 pct in February.",
    not: [M_A],
  },
  {
    rule: 'a gain on a sale is an earnings item',
    title: 'HARBOR FOODS SEES GAIN FROM SALE',
    text: 'Harbor Foods said it will report an after-tax gain on the sale of 12 mln dlrs in its fiscal fourth quarter.',
    has: ['earnings'],
  },
  {
    rule: 'advice to buy a stock is not a purchase',
    title: 'Investors should buy Litware shares, strategists say',
    not: [M_A],
  },
  {
    rule: 'a rating on a company is not a purchase of it',
    title: 'Buy Rating Reiterated on Fabrikam at Harbor Ridge',
    not: [M_A],
  },
  {
    rule: 'a rating change to buy is not a purchase',
    title: 'Northgate Lifts Litware to Buy, Shares Jump',
    not: [M_A],
  },
  {
    rule: 'a broker saying buy is advice, not a purchase',
    title: 'Harbor Ridge Says Buy Fabrikam Shares Ahead of Earnings',
    not: [M_A],
  },
  // Sports transfers in deal words.
  {
    rule: 'a bid for a player is a transfer',
    title: 'United reject bid from Chelsea for their captain',
    text: 'Manchester United rejected a 60 million pound bid from Chelsea for their captain. The club said the midfielder was not for sale.',
    not: [M_A],
  },
  {
    rule: 'a club agreeing to buy a striker is a transfer',
    title: 'Real Madrid agrees to buy Brazilian striker',
    text: 'The club agreed to buy the 21-year-old for 90 million euros, ending a long transfer saga.',
    not: [M_A],
  },
  {
    rule: 'a completed purchase of a draft pick is a transfer',
    title: 'Lakers complete purchase of draft pick from Celtics',
    text: 'The Lakers completed the purchase of the 12th draft pick on Thursday, the NBA said.',
    not: [M_A],
  },
  {
    rule: 'a takeover of the club itself is still a takeover',
    title: 'Investor group completes takeover of Premier League club',
    text: 'The consortium completed its takeover of the club for 2.5 billion pounds, the league said.',
    has: [M_A],
  },
  // Words energy shares with metals, and price indexes.
  {
    rule: 'refined metal and metal refineries are commodities, not energy',
    title: 'Copper stocks outside U.S. rise in December',
    text: 'Refined copper stocks held by refineries rose to 277,500 tons. Combined refinery and exchange stocks rose to 470,600 tons. Crude output fell to 421,500 tons.',
    has: ['commodities'],
    not: ['energy'],
  },
  {
    rule: 'a refinery story without a metal is energy',
    title: 'Refinery fire cuts gasoline output',
    text: 'A fire at a 200,000 barrel-per-day refinery cut output.',
    has: ['energy'],
  },
  {
    rule: 'a crude story without a metal is energy',
    title: 'Crude prices rise as stocks fall',
    has: ['energy'],
  },
  {
    rule: 'strategic metals are commodities',
    title: 'South Africa cuts chromium and manganese ore shipments',
    has: ['commodities'],
  },
  {
    rule: 'edible oils and fats are commodities',
    title: 'EC ministers near accord on oils and fats levy',
    has: ['commodities'],
  },
  {
    rule: 'fuels in a price-index release are its components',
    title: 'Japan consumer price index falls 0.4 pct in January',
    text: 'The consumer price index fell 0.4 pct in January. Prices fell for clothing and utilities. The cost of utilities, gasoline and vegetables fell. Fuel oil and utility costs were lower.',
    first: 'macro-economy',
    not: ['energy'],
  },
  // Names and prices that look like another topic.
  {
    rule: 'a per-share price paid in a deal is not earnings',
    title: 'Harbor Capital affiliate to acquire Bayside Industries for 24.60 dlrs/shr',
    has: [M_A],
    not: ['earnings'],
  },
  {
    rule: 'a commercial bank named after a country is not its central bank',
    title: 'Japan jobless rate seen rising to 3.5 pct',
    text: 'The unemployment rate will rise to 3.5 pct, said an economist at the Industrial Bank of Japan. Unemployment rose in January, an economist at the Long-Term Credit Bank of Japan said.',
    has: ['macro-economy'],
    not: ['monetary-policy'],
  },
  {
    rule: 'the central bank under its own name is monetary policy',
    title: 'Economists expect the Bank of Japan to cut its discount rate',
    has: ['monetary-policy'],
  },
  {
    rule: 'the Fed approving a bank deal is regulation, not monetary policy',
    title: 'Harbor Savings gets Fed approval for Bayside Bank acquisition',
    has: [M_A],
    not: ['monetary-policy'],
  },
  // Trade measures on a commodity.
  {
    rule: 'duties and rulings on a headline commodity are that commodity’s market',
    title: 'U.S. growers attack Canada corn ruling',
    text: 'The Canadian tribunal found that imports of U.S. corn were subsidised and set a duty. Growers said the ruling raised trade barriers.',
    has: ['commodities'],
    not: ['geopolitics-trade'],
  },
  {
    rule: 'a trade row told at length under a commodity headline stays that commodity’s story',
    title: 'Washington renews objections to Brussels levy on palm oil',
    text: [
      'The levy would add 300 dlrs a tonne to the cost of palm oil sold in the bloc, exporters said.',
      'Trade officials met on Tuesday and said the trade policy review would continue.',
      'A senior trade official warned of a transatlantic trade row, and another trade official said retaliation was possible.',
      'The trade representative told reporters that trade officials had drawn up no list yet.',
    ].join(' '),
    has: ['commodities'],
    not: ['geopolitics-trade'],
  },
  // Animal feed and the carriage of goods own their flows, as commodities do.
  {
    rule: 'fishmeal and oilseed meal are commodities, and their exports are their market',
    title: 'Peru fishmeal exports seen recovering in second half',
    text: 'Anchovy catches improved and Argentine meal exports are also climbing, the fisheries ministry said.',
    has: ['commodities'],
    not: ['geopolitics-trade'],
  },
  {
    rule: 'an export quota for tapioca is the feed market’s',
    title: 'Bangkok asks Brussels for larger tapioca export quota',
    text: 'Thai cassava growers want the quota raised to 5.5 mln tonnes next year, the commerce ministry said.',
    has: ['commodities'],
    not: ['geopolitics-trade'],
  },
  {
    rule: 'exports carried by shipping lines are the shipping market’s',
    title: 'Shipping exports to West Africa down 30 pct, lines say',
    text: 'The volume of exports carried to West Africa by the conference lines fell 30 pct last year as freight rates slumped, the chairman said.',
    not: ['geopolitics-trade'],
  },
  {
    rule: 'trade between two regions in a sentence about sailings is the route',
    title: 'Conference lines add sailings to Gulf ports',
    text: 'Member lines will run weekly sailings on the trade between northern Europe and the Gulf from May, the conference said.',
    not: ['geopolitics-trade'],
  },
  {
    rule: 'a tariff in a freight story is still trade policy',
    title: 'Freight rates jump as Washington raises tariffs on Asian goods',
    has: ['geopolitics-trade'],
  },
  {
    rule: 'a commodity headline that speaks of trade policy is trade',
    title: 'U.S. threatens tariffs over EU beef ban',
    text: 'Trade officials said retaliatory tariffs on European goods were being prepared.',
    has: ['geopolitics-trade'],
  },
];

describe('rules of the language for topics', () => {
  it.each(LANGUAGE_CASES)('$rule', ({ title, text, has = [], not = [], first }) => {
    const topics = slugs(title, text);
    expect(topics).toEqual(expect.arrayContaining(has));
    for (const slug of not) expect(topics).not.toContain(slug);
    if (first !== undefined) expect(topics[0]).toBe(first);
  });

  it("reads the pricing of goods as prices and only an offering's pricing as an IPO", () => {
    expect(slugs('Ride-hailing app comes under fire over surge pricing')).not.toContain('ipo');
    expect(slugs('Litware unveils new pricing for its cloud plans')).not.toContain('ipo');
    expect(
      slugs(
        'Contoso sets terms for stock market debut',
        'The pricing of the offering is expected on Thursday.',
      ),
    ).toContain('ipo');
    expect(slugs('Contoso IPO pricing expected next week')).toContain('ipo');
  });

  it('reads taxes a government sets and laws passed as policy, the energy industry as energy', () => {
    const windfall = slugs('Government announces windfall tax on energy firms');
    expect(windfall).toEqual(expect.arrayContaining(['regulation-policy', 'energy']));
    expect(slugs('Senate passes $95 billion aid package')).toContain('regulation-policy');
    expect(slugs('Energy bills soar as winter nears')).toContain('energy');
  });

  it("reads an economy's jobs report as macro news, a short line with a figure as no results", () => {
    expect(slugs('US adds 353,000 jobs in January, crushing expectations')).toContain('macro-economy');
    expect(slugs('Employers added more than 200,000 jobs')).toContain('macro-economy');
    expect(slugs('U.S. adds 150,000 jobs as hiring cools')).toContain('macro-economy');
    expect(slugs('Contoso adds 10,000 jobs')).not.toContain('macro-economy');
    // A feed item without a description repeats its title as text.
    expect(slugs('Storm hits 3 states', 'Storm hits 3 states')).not.toContain('earnings');
    expect(slugs('Tottenham v Manchester United: live', 'Tottenham 2 v 1 Manchester United')).toEqual([]);
  });

  it('reads armed conflict named by its actors or its acts as geopolitics', () => {
    expect(slugs('Houthi attacks on ships push up insurance costs')).toContain('geopolitics-trade');
    expect(slugs('Red Sea attacks force shippers to reroute around Africa')).toContain('geopolitics-trade');
    expect(slugs('Militants fire rockets at gas plant')).toContain('geopolitics-trade');
    expect(slugs('Army troops get cost-of-living increase')).not.toContain('geopolitics-trade');
  });

  it('files a power failure under energy, not under IT security', () => {
    expect(slugs('Oil major halts field output after power outage')).toEqual(['energy']);
    expect(slugs('Cloud outage knocks collaboration app offline')).toContain('security-privacy');
  });
});
