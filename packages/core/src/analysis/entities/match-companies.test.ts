import { describe, expect, it } from 'vitest';

import { createBuiltinAnalyzer } from '../create-builtin-analyzer.js';
import { TEST_REGISTRY } from '../testing/test-registry.js';

const analyzer = createBuiltinAnalyzer({ registry: TEST_REGISTRY });
const companiesIn = (title: string, text = '') => analyzer.analyzeSync({ title, text }).companies;
const ids = (title: string, text = '') => companiesIn(title, text).map((c) => c.companyId);

/** The ids (sorted) of the companies a headline names, among a registry of `[id, name, aliases?]`. */
function finder(...companies: [id: string, name: string, aliases?: string[]][]) {
  const registry = companies.map(([id, name, aliases = []]) => ({
    id,
    slug: id,
    name,
    aliases,
    tickers: [],
  }));
  const analyzer = createBuiltinAnalyzer({ registry });
  return (title: string) =>
    analyzer
      .analyzeSync({ title, text: '' })
      .companies.map((c) => c.companyId)
      .sort();
}

describe('registry matching', () => {
  it('matches Apple the company when the context says company', () => {
    expect(ids('Apple shares rise after strong iPhone demand')).toEqual(['apple']);
    expect(ids('Supply chain', 'Apple said on Monday that it would open a new store in Mumbai.')).toEqual([
      'apple',
    ]);
  });

  it('does not match the fruit', () => {
    expect(ids('Autumn harvest', 'Farmers picked every apple before the frost arrived.')).toEqual([]);
    expect(ids('Recipes', 'Apple pie remains the favourite dessert at the harvest festival.')).toEqual([]);
  });

  it('tells the word "meta" from Meta the company', () => {
    expect(ids('Research', 'The authors ran a meta analysis of forty trials.')).toEqual([]);
    expect(
      ids('Meta unveils new smart glasses', "Meta's chief executive showed the device to investors."),
    ).toEqual(['meta']);
    expect(ids('Social media', 'Facebook owner said users grew in Asia.')).toEqual(['meta']);
  });

  it('counts "Alphabet\'s Google" as one company, Alphabet', () => {
    const companies = companiesIn(
      "Alphabet's Google unveils a new AI model",
      'Google said the model would reach users next month.',
    );
    expect(companies.map((c) => c.companyId)).toEqual(['alphabet']);
    expect(companies[0]?.name).toBe('Alphabet');
  });

  it('finds tickers written as $SYM, EXCHANGE: SYM and (EXCHANGE:SYM)', () => {
    expect(ids('Chip stocks', '$NVDA rallied in late trading.')).toEqual(['nvidia']);
    expect(ids('Chip stocks', 'The designer (NASDAQ: NVDA) reported results.')).toEqual(['nvidia']);
    expect(ids('Banks', 'The lender (NYSE:JPM) raised its dividend.')).toEqual(['jpmorgan']);
    expect(ids('Banks', 'Traders bought JPM after the report.')).toEqual(['jpmorgan']);
  });

  it('handles possessives, multi-word aliases and accents', () => {
    expect(ids("Nvidia's new chip", 'J.P. Morgan analysts praised the design.').sort()).toEqual([
      'jpmorgan',
      'nvidia',
    ]);
    expect(ids('Food', 'Nestle raised prices in Europe.')).toEqual(['nestle']);
  });

  it('needs context for one-word names, and strong context for one-letter names', () => {
    expect(ids('News', 'The news spread quickly through the town.')).toEqual([]);
    expect(ids('Media', 'News Corp said profit rose.')).toEqual(['newscorp']);
    expect(ids('Gaming', 'The Series X console sold well over the holidays.')).toEqual([]);
    expect(
      ids(
        'Social media',
        'X said it would charge new users, and its chief executive defended the plan to investors.',
      ),
    ).toEqual(['xcorp']);
    expect(ids('Autos', 'Ford recalled 100,000 trucks over faulty brakes.')).toEqual(['ford']);
    expect(ids('Travel', 'Hikers can ford the river in late summer.')).toEqual([]);
  });

  it('reads a stock exchange as a venue, not a company, when it is one', () => {
    expect(ids('Listing', 'The packaging maker jumped 40% in its Nasdaq debut.')).toEqual([]);
    expect(
      ids(
        'Chips',
        'The designer (NASDAQ: NVDA) gained after the close, and shares listed on the Nasdaq rose.',
      ),
    ).toEqual(['nvidia']);
    expect(ids('Exchanges', 'Nasdaq reported record trading revenue for the quarter.')).toEqual(['nasdaq']);
  });

  it('ranks a headline company above one named once in the body', () => {
    const companies = companiesIn(
      'Northwind wins cloud contract',
      'Northwind Systems said the deal runs for five years. Contoso also bid for the work.',
    );
    expect(companies[0]?.companyId).toBe('northwind');
    expect(companies[0]?.relevance).toBeGreaterThan(
      companies.find((c) => c.companyId === 'contoso')?.relevance ?? 1,
    );
  });
});

describe('unknown organisations', () => {
  it('proposes organisations with a legal form or organisational noun', () => {
    const companies = companiesIn(
      'Suppliers named',
      'Acme Widgets Inc said it would expand. Müller GmbH supplies the gears. Shares of Foo Holdings plc were flat. Acme Widgets declined to comment.',
    );
    const proposed = companies.filter((c) => c.companyId === null).map((c) => c.proposedName);
    expect(proposed).toEqual(expect.arrayContaining(['Acme Widgets Inc', 'Müller GmbH', 'Foo Holdings plc']));
    expect(companies.find((c) => c.proposedName === 'Acme Widgets Inc')?.sentences).toHaveLength(2);
  });

  it('proposes a name followed by its exchange and ticker in brackets', () => {
    const proposed = (title: string) =>
      companiesIn(title)
        .filter((c) => c.companyId === null)
        .map((c) => c.proposedName);
    expect(proposed('Zentrio (NASDAQ:ZNT) Insider Sells 1500 Shares')).toEqual(['Zentrio']);
    expect(proposed('Quillbase (NYSE: QB) shares jump 12%')).toEqual(['Quillbase']);
    expect(ids('Fabrikam (NASDAQ:FAB) shares rise')).toEqual(['fabrikam']);
    expect(proposed('Sales rose (see table) in March')).toEqual([]);
  });

  it('finds a company named without all of its legal forms ("Group plc")', () => {
    const found = finder(['rbs', 'Royal Bank of Scotland Group plc'], ['bt', 'BT Group plc']);
    expect(found('Royal Bank of Scotland fortunes ebbed under three chiefs')).toEqual(['rbs']);
    // Initials left alone ("BT") stand for other things too: they need company context.
    expect(found('BT shares fall after the network outage')).toEqual(['bt']);
    expect(found('Scientists at the Royal Society compare the BT and the BR cotton strains')).toEqual([]);
  });

  it('finds a coined name without its legal form, where an ordinary word still needs context', () => {
    const found = finder(['centrica', 'Centrica PLC'], ['next', 'Next plc']);
    expect(found('Centrica urges policy overhaul as energy gap looms')).toEqual(['centrica']);
    expect(found('Next week brings the budget and a vote on tariffs')).toEqual([]);
    expect(found('Next raises its full-year guidance')).toEqual(['next']);
  });

  it('shortens a coined name before its line of business, with company context', () => {
    const found = finder(
      ['tullow', 'Tullow Oil'],
      ['aberdeen', 'Aberdeen Asset Management'],
      ['bp', 'BP', ['British Petroleum']],
    );
    expect(found("Britain's Tullow says it made a new oil find in Kenya")).toEqual(['tullow']);
    expect(found("Aberdeen's shares slide as outflows accelerate")).toEqual(['aberdeen']);
    // A place is not the company without context, and a nation's adjective never shortens a name.
    expect(found('Storms batter the Aberdeen coast for a third day')).toEqual([]);
    expect(found('British shares fell as the pound rallied')).toEqual([]);
  });

  it('finds names that start in lower case written as the company writes them', () => {
    const found = finder(['ebay', 'eBay Inc.'], ['easyjet', 'EasyJet']);
    expect(found('eBay shares fall after a weak holiday quarter')).toEqual(['ebay']);
    expect(found("easyJet leads Britain's FTSE lower")).toEqual(['easyjet']);
    expect(found('He sold the lamp to an ebay buyer in Leeds')).toEqual([]);
  });

  it('finds companies joined by a hyphen, and leaves hyphenated names whole', () => {
    const found = finder(
      ['kh', 'Kraft Heinz'],
      ['gazprom', 'Gazprom'],
      ['lse', 'London Stock Exchange'],
      ['db', 'Deutsche Boerse'],
      ['coke', 'Coca-Cola'],
      ['cola', 'Cola Group'],
    );
    expect(found('How the Kraft-Heinz merger came together in ten weeks')).toEqual(['kh']);
    expect(found('Sanctions put the Gazprom-Fabrikam alliance in jeopardy')).toEqual(['gazprom']);
    expect(found('Shareholders back London Stock Exchange-Deutsche Boerse merger')).toEqual(['db', 'lse']);
    expect(found('Coca-Cola shares rise after strong quarter')).toEqual(['coke']);
    expect(found('A state-owned lender cut its rates')).toEqual([]);
  });

  it('finds German names spelled with or without umlauts', () => {
    const found = finder(['db', 'Deutsche Boerse'], ['sz', 'Südzucker'], ['boeing', 'Boeing']);
    expect(found('Deutsche Börse shares rise on record volumes')).toEqual(['db']);
    expect(found('Suedzucker raises its outlook as sugar prices climb')).toEqual(['sz']);
    expect(found('Südzucker raises its outlook as sugar prices climb')).toEqual(['sz']);
    // "oe" before a vowel is no umlaut.
    expect(found('Boing, went the spring, and the shares of the toy maker jumped')).toEqual([]);
  });

  it('does not propose a registry company again with its legal form', () => {
    const companies = companiesIn('Results', 'Apple Inc. reported higher revenue for the quarter.');
    expect(companies.map((c) => c.companyId)).toEqual(['apple']);
  });
});

describe('per-company sentiment', () => {
  const tone = (title: string, id: string) =>
    companiesIn(title).find((c) => c.companyId === id)?.sentimentScore ?? 0;

  it('gives the winner and the beaten rival opposite tones', () => {
    const title = 'Northwind beat Contoso in the national cloud tender';
    expect(tone(title, 'northwind')).toBeGreaterThan(0.1);
    expect(tone(title, 'contoso')).toBeLessThan(-0.1);
  });

  it('gives a company that falls behind or trails a rival the bad news, the rival the good', () => {
    for (const title of [
      'Northwind falls behind Contoso in jet orders',
      'Northwind trails Contoso in the cloud race',
    ]) {
      expect(tone(title, 'northwind'), title).toBeLessThan(-0.1);
      expect(tone(title, 'contoso'), title).toBeGreaterThan(0.1);
    }
  });

  it('gives companies listed together what is said of them all', () => {
    const title = 'Northwind, Contoso lead bank rout';
    expect(tone(title, 'northwind')).toBeLessThan(-0.3);
    expect(tone(title, 'contoso')).toBeLessThan(-0.3);
    expect(tone('Litware and Northwind shares slump', 'litware')).toBeLessThan(-0.3);
    // Not a list: the rival named in another clause keeps only a small share.
    expect(tone('Northwind shares slump while Contoso rallies', 'contoso')).toBeGreaterThan(0.1);
  });

  it('gives both parties what the subject does together with the company after "with"', () => {
    const merger = 'Fabrikam shareholders approve merger with Contoso';
    expect(tone(merger, 'fabrikam')).toBeGreaterThan(0.05);
    expect(tone(merger, 'fabrikam')).toBeCloseTo(tone(merger, 'contoso'), 5);
    const deal = 'Northwind signs lucrative supply deal with Litware';
    expect(tone(deal, 'litware')).toBeGreaterThan(0.1);
    const scrapped = 'Northwind scraps merger with Litware';
    expect(tone(scrapped, 'northwind')).toBeLessThan(-0.1);
    expect(tone(scrapped, 'litware')).toBeLessThan(-0.1);
    // "with Y lagging" sets Y beside the subject: it keeps only a share of the subject's news.
    expect(tone('Northwind profit soars with Litware lagging', 'litware')).toBeLessThan(0.2);
  });

  it('puts a lawsuit on the defendant', () => {
    const title = 'Fabrikam sued Litware over stolen patents';
    expect(tone(title, 'litware')).toBeLessThan(-0.1);
    expect(tone(title, 'fabrikam')).toBeGreaterThan(tone(title, 'litware'));
  });

  it('reads "won the contract over" and "lost market share to"', () => {
    const won = 'Fabrikam won the rail contract over Litware';
    expect(tone(won, 'fabrikam')).toBeGreaterThan(0);
    expect(tone(won, 'litware')).toBeLessThan(0);
    const lost = 'Contoso lost market share to Northwind';
    expect(tone(lost, 'contoso')).toBeLessThan(0);
    expect(tone(lost, 'northwind')).toBeGreaterThan(0);
  });

  it('does not treat the customer of a won order as a beaten rival', () => {
    const title = 'Fabrikam wins $2 billion order from Litware';
    expect(tone(title, 'fabrikam')).toBeGreaterThan(0);
    expect(tone(title, 'litware')).toBeGreaterThanOrEqual(0);
  });

  it('keeps each clause with its own company', () => {
    const title = 'Northwind profit jumps while Contoso swings to a loss';
    expect(tone(title, 'northwind')).toBeGreaterThan(0.1);
    expect(tone(title, 'contoso')).toBeLessThan(-0.1);
  });
});

describe('names that need the right context', () => {
  it('never reads a company inside a known phrase', () => {
    expect(ids('Harbor Ridge Raises Price Target on Fabrikam to $40')).toEqual(['fabrikam']);
    expect(ids('Litware Shares Halted, News Pending')).toEqual(['litware']);
    expect(ids('Is Fabrikam Cheap? Its PEG Ratio Says Yes')).toEqual(['fabrikam']);
    expect(ids('Stocks slide', 'The Dow fell 300 points and the Dow Jones transports lost 2%.')).toEqual([]);
    expect(ids('Dow drops 500 points on recession fears')).toEqual([]);
    expect(ids('Dow to cut 2,000 jobs')).toEqual(['dow']);
    expect(ids('Analysts Remain Bullish on Northwind After Strong Quarter')).toEqual(['northwind']);
  });

  it('still finds those companies where the name reaches past the phrase or stands as a company', () => {
    expect(ids('Chemicals', 'The Dow Chemical plant in Texas restarted on Monday.')).toEqual(['dow']);
    expect(ids('Target to cut 1,800 jobs at its headquarters')).toEqual(['target']);
    expect(ids('Crypto exchange Bullish shares jump in trading debut')).toEqual(['bullish']);
  });

  it('reads "3M shares" after a verb or before "of" as a quantity and "ADS" as depositary shares', () => {
    expect(ids('Fund bought 3M shares of Litware last quarter')).toEqual(['litware']);
    expect(ids('3M shares fell after the earplug ruling')).toEqual(['3m']);
    expect(ids('Fund Buys 3M Shares of Litware')).toEqual(['litware']);
    expect(ids('Investors Dump 3M Shares After Earplug Verdict')).toEqual(['3m']);
    expect(ids('Fabrikam ADS rose 4% in New York trading')).toEqual(['fabrikam']);
    expect(ids('Sportswear', 'Shares of the German brand (XETRA: ADS) gained 2%.')).toEqual(['adidas']);
  });

  it('finds Apple when a headline plainly names the company', () => {
    expect(ids('Harbor Ridge keeps its Buy rating on Apple')).toEqual(['apple']);
    expect(ids('Apple Closes All Its Stores in Italy')).toEqual(['apple']);
    expect(ids('Apple to shut retail stores in China as outbreak spreads')).toEqual(['apple']);
    expect(ids('Larchmont Upgrades Apple to Outperform')).toEqual(['apple']);
    expect(ids('Orchard news', 'An apple a day keeps the doctor away, the growers said.')).toEqual([]);
  });

  it('reads a common-word name listed with a company as a company', () => {
    expect(ids('Ford and Fabrikam sign battery pact').sort()).toEqual(['fabrikam', 'ford']);
    expect(ids('Contoso, Apple and Meta lead the rally').sort()).toEqual(['apple', 'contoso', 'meta']);
    expect(ids('Orchard news', 'Apples and pears sold out at the Target practice fair.')).toEqual([]);
  });

  it('reads a common-word name that acts or is sanctioned in a headline as the company', () => {
    expect(ids('Target fined by state regulators over pricing errors')).toEqual(['target']);
    expect(ids('Apple Offers Refunds to Keyboard Buyers')).toEqual(['apple']);
    expect(ids('Apple Names New Head of Retail')).toEqual(['apple']);
    expect(ids('Is It Worth Buying Target Corp Now?')).toEqual(['target']);
    expect(ids('Orchard news', 'Apple harvests fell short of the target this autumn.')).toEqual([]);
    expect(ids('Meta to lay off 11,000 workers')).toEqual(['meta']);
  });

  it('reads a common-word name that an authority or a plaintiff acts on as the company', () => {
    expect(ids('Regulators sue Apple over smartphone monopoly')).toEqual(['apple']);
    expect(ids('EU fines Meta over data transfers')).toEqual(['meta']);
    expect(ids('Judge rules against Target in pricing case')).toEqual(['target']);
    expect(ids('Orchard news', 'Farmers sue apple growers over water rights.')).toEqual([]);
    expect(ids('Orchard news', 'Police charge target shooters with trespassing.')).toEqual([]);
  });

  it('reads a common-word name followed by its people or premises as the company', () => {
    expect(ids('Target workers strike at three stores')).toEqual(['target']);
    expect(ids('Apple employees protest return-to-office order')).toEqual(['apple']);
    expect(ids('Orchard news', 'The apple workers picked fruit all day.')).toEqual([]);
  });

  it('reads "shell companies" and a "block party" as ordinary words', () => {
    const find = finder(['shell', 'Shell'], ['block', 'Block']);
    expect(find('Shell companies used to launder money, report says')).toEqual([]);
    expect(find('Block party: stocks rally into year end')).toEqual([]);
    expect(find('Shell cuts spending as oil prices slide')).toEqual(['shell']);
    expect(find('Block cuts 1,000 jobs')).toEqual(['block']);
  });

  it('reads a common-word name that a rival overtakes, or that joins or leaves an index, as the company', () => {
    expect(ids('Contoso overtakes Apple as most valuable company').sort()).toEqual(['apple', 'contoso']);
    expect(ids('Target dropped from the S&P 500')).toEqual(['target']);
    expect(ids('Apple joins benchmark index')).toEqual(['apple']);
    expect(ids('Orchard news', 'Sales of pears overtook apples last year.')).toEqual([]);
  });

  it('reads capitals written against a figure as a code, not a ticker', () => {
    expect(ids('Bank to pay $2.9 billion over 1JPM scandal')).toEqual([]);
    expect(ids('JPM shares rise after results')).toEqual(['jpmorgan']);
  });
});

describe('analyst ratings', () => {
  const company = (title: string, id: string) => companiesIn(title).find((c) => c.companyId === id);

  it('makes the rated company the subject and gives it the direction of the change', () => {
    const upgrade = companiesIn('Goldman Sachs Upgrades NVIDIA to Buy');
    expect(upgrade[0]?.companyId).toBe('nvidia');
    expect(upgrade[0]?.sentimentScore).toBeGreaterThan(0.15);
    expect(company('Goldman Sachs Downgrades Litware to Sell', 'litware')?.sentimentScore).toBeLessThan(
      -0.15,
    );
    expect(company('Goldman cuts price target on Fabrikam to $30', 'fabrikam')?.sentimentScore).toBeLessThan(
      -0.15,
    );
    expect(
      company('Goldman Sachs Maintains Outperform on Contoso, Raises Price Target to $250', 'contoso')
        ?.sentimentScore,
    ).toBeGreaterThan(0.15);
    expect(
      company('Goldman Sachs initiates coverage of Northwind with an underweight rating', 'northwind')
        ?.sentimentScore,
    ).toBeLessThan(-0.15);
  });

  it('gives a rating a broker starts or keeps, or a change of stance, its direction', () => {
    expect(company('Harbor Ridge starts Northwind at Buy', 'northwind')?.sentimentScore).toBeGreaterThan(
      0.15,
    );
    expect(
      company('Goldman Sachs reiterates Underperform on Litware', 'litware')?.sentimentScore,
    ).toBeLessThan(-0.15);
    const stance = companiesIn('Goldman Sachs turns bearish on Contoso, cuts target to $150');
    expect(stance[0]?.companyId).toBe('contoso');
    expect(stance[0]?.sentimentScore).toBeLessThan(-0.15);
    expect(stance.find((c) => c.companyId === 'goldman')?.sentimentScore).toBe(0);
  });

  it('finds a common-word name whose target a broker changes', () => {
    expect(ids('Northgate lifts Apple target to $240')).toEqual(['apple']);
    expect(ids('Orchard news', 'Growers lifted their apple target to 40 tonnes.')).toEqual([]);
  });

  it('does not score the broker as if it were the subject', () => {
    for (const title of [
      'Goldman Sachs Upgrades NVIDIA to Buy',
      'Goldman Sachs Downgrades Litware to Sell',
      'Goldman cuts price target on Fabrikam to $30',
    ]) {
      const broker = company(title, 'goldman');
      expect(broker?.sentimentScore).toBe(0);
      expect(companiesIn(title)[0]?.companyId).not.toBe('goldman');
    }
  });
});

describe('news organisations cited as the source', () => {
  const find = finder(
    ['reuters', 'Thomson Reuters', ['Reuters']],
    ['bloomberg', 'Bloomberg L.P.', ['Bloomberg']],
    ['news', 'News Corp', []],
  );

  it.each([
    'Oil minister told Reuters that output would rise',
    'Lending fell, according to Reuters calculations',
    'The deal was first reported by Bloomberg',
    'Bloomberg News reported the talks on Friday',
    'Contoso is in talks to buy Litware, Reuters reported',
    'REUTERS',
  ])('finds no company in %s', (title) => {
    expect(find(title)).toEqual([]);
  });

  it('still finds the news organisation as a company when the story is about it', () => {
    expect(find('Reuters Holdings profit rises 20 pct')).toEqual(['reuters']);
    expect(find('Thomson Reuters raises its outlook')).toEqual(['reuters']);
  });
});

describe('Title Case headlines and wire copy', () => {
  it('reads a name in capitals that is also a word by its context in a headline all in capitals', () => {
    const find = finder(['ups', 'United Parcel Service', ['UPS']]);
    // "UPS" the verb: the company is told from the word only by its capitals, which the headline lacks.
    expect(find('HARBOR FIRM UPS NORTHWIND STAKE TO 11 PCT')).toEqual([]);
    expect(find('HARBOR VALVE SETS STOCK SPLIT, UPS PAYOUT')).toEqual([]);
    expect(find('UPS SHARES FALL AFTER PROFIT WARNING')).toEqual(['ups']);
    expect(find('UPS TO CUT 20,000 JOBS')).toEqual(['ups']);
    expect(find('UPS raises delivery surcharges')).toEqual(['ups']);
  });

  it('does not let a proposed organisation swallow the words before a registered name', () => {
    const companies = companiesIn('Goldman Sachs Downgrades Target Corp to Sell');
    expect(companies.filter((c) => c.companyId === null)).toEqual([]);
    expect(companies.map((c) => c.companyId).sort()).toEqual(['goldman', 'target']);
  });

  it('starts an unknown organisation after the headline verb', () => {
    const proposed = companiesIn('Harbor Ridge Downgrades Acme Widgets Inc').map((c) => c.proposedName);
    expect(proposed).toEqual(['Acme Widgets Inc']);
  });

  it('takes the company of a wire story from its headline and ticker, and scores it by its table', () => {
    const result = analyzer.analyzeSync({
      title: 'HARBOR VALVE CORP <HVLV> 2ND QTR NET',
      text: 'TULSA, Okla., May 4 - Shr 41 cts vs 22 cts\n    Net 8.2 mln vs 4.4 mln\n    Revs 96.4 mln vs 81.0 mln\n Reuter',
    });
    expect(result.companies.map((c) => c.proposedName)).toEqual(['Harbor Valve Corp']);
    expect(result.companies[0]?.sentimentScore).toBeGreaterThan(0.15);
    expect(ids('DOW CHEMICAL <DOW> TO SELL EUROPEAN UNIT')).toEqual(['dow']);
    expect(ids('Chemicals', 'Shares of <DOW.N> rose in early trading.')).toEqual(['dow']);
    // Symbols get reused: after another company's name, the symbol is that company's.
    expect(companiesIn('HARBOR VALVE INC <TGT> SETS QUARTERLY PAYOUT').map((c) => c.proposedName)).toEqual([
      'Harbor Valve Inc',
    ]);
  });
});
