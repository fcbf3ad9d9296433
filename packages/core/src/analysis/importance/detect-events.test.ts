import { describe, expect, it } from 'vitest';

import { createBuiltinAnalyzer } from '../create-builtin-analyzer.js';
import { TEST_REGISTRY } from '../testing/test-registry.js';

const analyzer = createBuiltinAnalyzer({ registry: TEST_REGISTRY });
const events = (title: string, text = '') => analyzer.analyzeSync({ title, text }).eventTypes;

/** Written for this test: the phrasings brokers' rating notes use. */
const RATING_HEADLINES = [
  'Goldman Sachs Upgrades Litware to Buy',
  'Harbor Ridge upgrades Fabrikam to buy from hold',
  'Northgate Downgrades Contoso to Sell',
  'Bayview Partners Initiates Coverage of NVIDIA With Buy Rating',
  'Larchmont Capital initiated Litware at buy',
  'Goldman Sachs Maintains Outperform on Northwind',
  'Harbor Ridge reiterates Buy on Fabrikam, raises price target to $95',
  'Analyst cuts Contoso price target to $31 from $40',
  'Northgate keeps its Buy rating on Apple',
  'Northgate Lifts Litware to Buy, Shares Jump',
  'Buy Rating Reiterated on Fabrikam at Harbor Ridge',
  'Analysts Keep Buy Ratings on Fabrikam After Deal',
  // Targets told without "price", and a broker's change of stance.
  'Harbor Ridge turns bearish on Contoso, cuts target to $150',
  'Northgate lifts Fabrikam target to $240',
  'Analysts raise Litware targets after strong quarter',
  'Larchmont trims target on Northwind',
  'Goldman Sachs turns bullish on Litware',
];

describe('analyst rating events', () => {
  it.each(RATING_HEADLINES)('%s is an analyst rating, never a merger', (title) => {
    const types = events(title);
    expect(types).toContain('analyst-rating');
    expect(types).not.toContain('merger-acquisition');
  });

  it("reads a company's own targets and the crowd's mood as no rating", () => {
    expect(events('Contoso raises fundraising target to $5 billion')).not.toContain('analyst-rating');
    expect(events('Fabrikam cuts EV sales target')).not.toContain('analyst-rating');
    expect(events('Investors turn bearish on Litware')).not.toContain('analyst-rating');
    expect(events('The company started with three employees in a garage')).not.toContain('analyst-rating');
  });

  it("reads an upgrade of a product or a network as no rating, and an agency's change of a rating as one", () => {
    expect(events('Litware delays AI upgrade to 2026')).not.toContain('analyst-rating');
    expect(events('Fabrikam upgrades laptop line with faster chip')).not.toContain('analyst-rating');
    expect(events('Contoso downgrades camera specs on budget phone')).not.toContain('analyst-rating');
    expect(events("Moody's downgrades Contoso debt")).toContain('analyst-rating');
    expect(events('S&P upgrades Greece to investment grade')).toContain('analyst-rating');
    expect(events('Fitch downgrades US credit rating')).toContain('analyst-rating');
    expect(events('NORTHWIND <NWD> UPGRADED BY S/P')).toContain('analyst-rating');
    // A bare upgrade is a rating when a registered company follows it.
    expect(events('Larchmont downgrades Contoso')).toContain('analyst-rating');
    const orchard = analyzer.analyzeSync({ title: 'Litware upgrades Apple orchard sensors', text: '' });
    expect(orchard.eventTypes).not.toContain('analyst-rating');
    expect(orchard.companies.map((c) => c.companyId)).toEqual(['litware']);
  });

  it("makes a rating stated in the headline the story's event, whatever its occasion", () => {
    const primary = (title: string) => analyzer.analyzeSync({ title, text: '' }).importance.factors.eventType;
    expect(primary('Harbor Ridge reiterates Buy on Fabrikam ahead of earnings')).toBe('analyst-rating');
    expect(primary('Northgate downgrades Contoso after its deal to acquire Litware')).toBe('analyst-rating');
    expect(primary('Fabrikam reports record earnings')).toBe('earnings');
  });

  it('still finds a takeover announced in the same words', () => {
    expect(events('Fabrikam agrees to buy Litware for $2 billion')).toContain('merger-acquisition');
    expect(events('Harbor Ridge upgrades Fabrikam after its agreement to acquire Litware')).toEqual(
      expect.arrayContaining(['merger-acquisition', 'analyst-rating']),
    );
  });
});

describe('legal events', () => {
  it('reads a breach of contract as legal action, not a security breach', () => {
    const types = events(
      'Litware sues Fabrikam for breach of contract',
      'Litware said Fabrikam was in breach of a contract to supply turbine parts.',
    );
    expect(types).toContain('lawsuit-fine');
    expect(types).not.toContain('major-outage');
  });

  it('reads verdicts and settlements as legal events', () => {
    expect(events('Former Contoso executive found guilty of fraud')).toContain('lawsuit-fine');
    expect(events('Fabrikam settles lawsuit over faulty brakes')).toContain('lawsuit-fine');
    expect(events('Jury acquits Litware in patent case')).toContain('lawsuit-fine');
    // The defendant between the verb and the verdict.
    expect(events('Jury finds Contoso guilty of misleading investors')).toContain('lawsuit-fine');
    // A remark on the law is no verdict.
    expect(
      events('Fabrikam launches a risk service for lenders', 'Lenders can be held liable for spills.'),
    ).not.toContain('lawsuit-fine');
  });
});

describe('results told by how the bottom line moved', () => {
  it.each([
    'Contoso narrows quarterly loss as truck sales recover',
    'Fabrikam halves its loss as deliveries pick up',
    'Litware swings to a profit in the third quarter',
    'Northwind returns to profitability',
    'Contoso raises dividend 5 pct',
    'Fabrikam suspends its payout to conserve cash',
  ])('%s is an earnings event', (title) => {
    expect(events(title)).toContain('earnings');
  });
});

describe('events told as a verb and its object', () => {
  it('reads job cuts with a number between as layoffs, and nothing else as them', () => {
    expect(events('Contoso to cut 15,000 jobs as turnaround stalls')).toContain('layoffs');
    expect(events('Fabrikam will shed about 5 pct of its workforce')).toContain('layoffs');
    expect(events('Litware to lay off 1,200 workers')).toContain('layoffs');
    expect(events('Contoso to close three plants, cut tens of thousands of jobs')).toContain('layoffs');
    expect(events('Fed cuts rates, jobs data next')).not.toContain('layoffs');
  });

  it("reads a company naming its new chief with the person's name between as a leadership change", () => {
    expect(events("Contoso names Fabrikam's Jane Doe as CEO, shares soar")).toContain('leadership-change');
    expect(events('Litware appoints former finance chief John Roe chairman')).toContain('leadership-change');
  });

  it('does not read what is denied, avoided or ruled out as the event', () => {
    expect(events('No layoffs planned at Contoso, CEO says')).not.toContain('layoffs');
    expect(events('Contoso rules out layoffs')).not.toContain('layoffs');
    expect(events('Fabrikam avoids a strike at its Ohio plant')).toEqual([]);
    expect(events('Contoso announces layoffs')).toContain('layoffs');
  });

  it('reads a ban on goods crossing a border as an export control, any other ban as regulation', () => {
    expect(events('Fabrikam bans parties at its rentals')).toEqual(['regulation']);
    expect(events('Contoso banned from selling chips to Litware')).toContain('export-controls');
    expect(events('US imposes ban on imports of Russian oil')).toContain('export-controls');
  });

  it('reads what a company does of its own as its own events, not a rating or a launch', () => {
    // Upgrading its own guidance is no analyst rating.
    expect(events('Contoso upgrades profit guidance again')).toEqual(['guidance-change']);
    expect(events('Contoso shares soar after record profit upgrade')).not.toContain('analyst-rating');
    expect(events("Contoso's outlook upgraded to stable by Northgate Ratings")).toContain('analyst-rating');
    expect(events('Harbor Ridge upgrades Contoso to Buy')).toContain('analyst-rating');
    // An agency upgrading a company's outlook rates it.
    expect(events('Northgate Ratings upgrades Contoso outlook to stable')).toContain('analyst-rating');
    expect(events('Litware upgrades its full-year outlook')).toEqual(['guidance-change']);
    // A rights issue, a bond or a probe is launched, but none is a product.
    expect(events('Fabrikam launches £7 billion rights issue')).not.toContain('product-launch');
    expect(events('Regulator launches probe into Litware')).not.toContain('product-launch');
    expect(events('Contoso launches new phone')).toContain('product-launch');
    expect(events('Litware to pay $361 million to settle US probe')).toContain('lawsuit-fine');
    expect(events('Fabrikam shares tumble after CEO quits')).toContain('leadership-change');
  });

  it('reads a government restricting exports as an export control', () => {
    expect(events('China restricts exports of gallium and germanium')).toContain('export-controls');
  });

  it('reads a sale of a unit in the headline as a deal, and a buyback as none', () => {
    expect(events('Fabrikam to sell Nigerian onshore unit for $2.4 billion')).toContain('merger-acquisition');
    expect(events('Contoso to buy back $110 billion of stock')).not.toContain('merger-acquisition');
    expect(events('Litware buys back 5 pct of its shares')).not.toContain('merger-acquisition');
    expect(events('Contoso launches buyback to fend off hostile takeover by Litware')).toContain(
      'merger-acquisition',
    );
    expect(events('Handset makers will sell around 900 mln units this year')).not.toContain(
      'merger-acquisition',
    );
    // In a body, selling goods is no deal.
    expect(
      events('Fabrikam expands in Asia', 'Fabrikam said it is selling more products in Japan and Korea.'),
    ).not.toContain('merger-acquisition');
  });
});

describe('wire-service results', () => {
  it('reads a results headline and table as an earnings event', () => {
    expect(
      events('HARBOR VALVE CORP <HVLV> 2ND QTR NET', 'Shr 41 cts vs 22 cts\n    Net 8.2 mln vs 4.4 mln'),
    ).toContain('earnings');
  });
});

describe('merger events in deal words', () => {
  it.each([
    [
      'Fabrikam to purchase Litware printer unit for $300 million',
      'Fabrikam said it agreed to purchase the printer unit of Litware for 300 mln dlrs in cash.',
      true,
    ],
    [
      'Real Madrid agrees to buy Brazilian striker',
      'The club agreed to buy the 21-year-old forward for 90 million euros, ending a long transfer saga.',
      false,
    ],
    ['Fabrikam raises offer to buy Litware to $2.2 billion', '', true],
    ['Fabrikam lowers prices to sell more cars in Europe', '', false],
    [
      'Investor group completes takeover of Premier League club',
      'The consortium completed its takeover of the club, the league said.',
      true,
    ],
  ])('%s: merger event %s', (title, text, merger) => {
    expect(events(title, text).includes('merger-acquisition')).toBe(merger);
  });
});

describe('purchases of goods and of money', () => {
  it.each([
    'Air force to buy 470 jets from Fabrikam',
    'Navy agrees to buy 12 F-35 fighter jets',
    'Airline to acquire 24 Fabrikam planes',
    'Army to purchase 200 new tanks from Contoso',
  ])('%s is an order, not a takeover', (title) => {
    const types = events(title);
    expect(types).toContain('partnership-contract');
    expect(types).not.toContain('merger-acquisition');
  });

  it.each([
    'Central bank to buy more government bonds to calm markets',
    'Refiner agrees to purchase 2 million barrels of crude',
    'Fed to buy $600 billion of Treasuries',
  ])('%s is neither a takeover nor an order', (title) => {
    const types = events(title);
    expect(types).not.toContain('merger-acquisition');
    expect(types).not.toContain('partnership-contract');
  });

  it('reads a body buying from a country, goods or money as no takeover, and a business bought beside them as one', () => {
    expect(
      events(
        'Moscow wants more balanced trade',
        'Soviet officials said it is impossible only to buy from the United States. Moscow will buy more American goods if its own exports rise.',
      ),
    ).not.toContain('merger-acquisition');
    expect(
      events(
        'Fabrikam completes coal purchase',
        'Fabrikam said it completed the purchase of 112 mln tons of recoverable coal reserves from Litware.',
      ),
    ).toContain('merger-acquisition');
    expect(events("Fabrikam to buy Litware's truck unit")).toContain('merger-acquisition');
    expect(events('Fabrikam to buy gold miner Northwind')).toContain('merger-acquisition');
    expect(events('Fabrikam to buy 20 pct stake in Litware')).toContain('merger-acquisition');
    expect(
      events(
        'Fabrikam sells properties',
        'The sale did not include U.S. oil and gas properties acquired from Litware last December.',
      ),
    ).toContain('merger-acquisition');
    // In a body sentence a capitalised goods word after another is a name: the company bought.
    expect(
      events('Fabrikam expands in utilities', 'Fabrikam agreed to buy Pacific Gas for $3 billion in cash.'),
    ).toContain('merger-acquisition');
  });
});

describe('a sale or a takeover pursued', () => {
  it.each([
    'Fabrikam puts itself up for sale',
    'Litware explores strategic alternatives',
    'Bidding war erupts for Litware',
    "Litware board backs Fabrikam's sweetened offer",
    'Buyout firm takes Litware private in $10 billion deal',
    'Litware agrees to be taken private',
    'Contoso in talks to go private',
  ])('%s is a merger event', (title) => {
    expect(events(title)).toContain('merger-acquisition');
  });

  it('reads "took private lessons" as no buyout', () => {
    expect(events('Chief executive took private lessons in Mandarin')).not.toContain('merger-acquisition');
  });
});

describe('reviews', () => {
  it.each([
    'Review: the new Fabrikam phone is solid but pricey',
    'Fabrikam X2 review: the best camera yet',
    'The Fabrikam X2 Pro reviewed',
  ])('%s is a review', (title) => {
    expect(events(title)).toContain('review-opinion');
  });

  it.each([
    "Regulators review Fabrikam's purchase of Litware",
    'Fabrikam under review by aviation regulator',
    'Litware launches strategic review',
    'Central bank review of capital rules',
    // A court's verdict is no reviewer's.
    'Fabrikam shares plunge after baby formula verdict',
  ])('%s examines something and is no review piece', (title) => {
    expect(events(title)).not.toContain('review-opinion');
  });
});

describe('leaders who leave or arrive', () => {
  it.each([
    'Fabrikam CEO Jane Doe to step down, company veteran returns',
    'Litware chief executive will step down next year',
    "Contoso names Fabrikam's John Roe as chief executive",
    'Litware CEO unexpectedly retires',
  ])('%s is a leadership change', (title) => {
    expect(events(title)).toContain('leadership-change');
  });

  it('reads stepping down a pace as no departure', () => {
    expect(events('Central bank to step down pace of rate hikes')).not.toContain('leadership-change');
  });
});

describe('releases and sentences', () => {
  it('reads a product released as a launch, and results or stockpiles released as none', () => {
    expect(events('Fabrikam releases its new language model')).toContain('product-launch');
    expect(events('Fabrikam releases quarterly results on Thursday')).not.toContain('product-launch');
    expect(events('Fabrikam unveils turnaround plan')).not.toContain('product-launch');
    expect(events('Fabrikam unveils first dividend, shares jump 12%')).not.toContain('product-launch');
    expect(events('Contoso unveils $2 billion budget for new plants')).not.toContain('product-launch');
    expect(
      events(
        'Government to sell tin',
        'The government released about 4,900 tonnes of tin from its strategic stockpile last year. It plans to release more.',
      ),
    ).not.toContain('product-launch');
  });

  it('reads a founder sentenced to prison as legal news', () => {
    expect(events('Litware founder sentenced to four months in prison')).toContain('lawsuit-fine');
  });
});

describe('what sells out', () => {
  it('reads goods selling out as no sale of a business, and a founder selling out to a buyer as one', () => {
    expect(events('Fabrikam phones sell out at Contoso stores')).not.toContain('merger-acquisition');
    expect(events('Concert tickets sell out in minutes on Litware')).not.toContain('merger-acquisition');
    expect(events('Founder sells out to Fabrikam for $2 billion')).toContain('merger-acquisition');
  });
});

describe('results against estimates', () => {
  it('reads figures that miss estimates as an earnings surprise, as it reads a beat', () => {
    expect(events('Fabrikam deliveries miss estimates for second quarter')).toContain('earnings-surprise');
    expect(events('Fabrikam deliveries beat estimates for second quarter')).toContain('earnings-surprise');
  });
});

describe('payments', () => {
  it('reads paying over a scandal or charges as legal news, and a dividend per share as no bid', () => {
    expect(events('Fabrikam to pay $2.9 billion over bribery scandal')).toContain('lawsuit-fine');
    expect(events('Litware pays $100 million to resolve fraud charges')).toContain('lawsuit-fine');
    expect(events('Fabrikam to pay $2 dividend per share')).not.toContain('merger-acquisition');
    expect(events('Fabrikam offers $40 a share for Litware')).toContain('merger-acquisition');
  });
});

describe('orders won', () => {
  it('reads an order won as a contract, and "in order for" as none', () => {
    expect(events('Fabrikam wins order for 1 GW of turbines')).toContain('partnership-contract');
    expect(events('Litware needs approval in order for the plan to proceed')).not.toContain(
      'partnership-contract',
    );
  });
});

describe('business won', () => {
  it('reads a deal or a contract won with words between as business won, and other wins as none', () => {
    expect(events('Contoso wins Litware cloud deal')).toContain('partnership-contract');
    expect(events('Fabrikam lands $2 billion defence contract')).toContain('partnership-contract');
    expect(events('Litware wins approval for deal')).not.toContain('partnership-contract');
    expect(events('United win title after deal for striker')).not.toContain('partnership-contract');
  });
});

describe('fires and recalls', () => {
  it('reads a fire that burns as an incident, and other senses of "fire" as none', () => {
    expect(events('Fire at Contoso plant halts output')).toContain('major-outage');
    expect(events('Litware to fire half of its staff')).not.toContain('major-outage');
    expect(events('Fabrikam comes under fire over pricing')).not.toContain('major-outage');
    expect(events('Contoso recalls ovens over fire risk')).toEqual(['recall']);
  });

  it('reads a feature called Recall as no recall', () => {
    expect(events('Litware pulls Recall feature after privacy backlash')).not.toContain('recall');
    expect(events('Fabrikam recalls 1 million cars over airbag defect')).toContain('recall');
    expect(events('Recall: Fabrikam calls back cars')).toContain('recall');
  });
});

describe('initial offerings', () => {
  it('reads a wire-style "initial offering" as an IPO', () => {
    expect(events('Contoso files for initial offering')).toContain('ipo');
  });
});

describe('results against expectations', () => {
  it("is a company's results, not an economy's release", () => {
    expect(events('Contoso profit beats expectations')).toContain('earnings-surprise');
    expect(events('Apple beats estimates as iPhone sales jump')).toContain('earnings-surprise');
    expect(events('Fabrikam tops forecasts as US retail sales hold up')).toContain('earnings-surprise');
    expect(events('US inflation accelerates to 4.1%, above forecasts')).not.toContain('earnings-surprise');
    expect(events('Retail sales beat expectations in holiday season')).not.toContain('earnings-surprise');
    expect(events("China's exports beat forecasts in October")).not.toContain('earnings-surprise');
    expect(events('US adds 353,000 jobs in January, crushing expectations')).not.toContain(
      'earnings-surprise',
    );
  });

  it('reads a warning on sales or revenue as a profit warning is read', () => {
    const warned = analyzer.analyzeSync({ title: 'Fabrikam shares plunge after sales warning', text: '' });
    expect(warned.eventTypes).toContain('earnings-surprise');
    expect(warned.topics.map((t) => t.slug)).toContain('earnings');
    expect(events('Contoso issues revenue warning')).toContain('earnings-surprise');
  });
});

describe('past points in time', () => {
  it('takes a phrase after "since" as a date, not as the story\'s event or topic', () => {
    const since = analyzer.analyzeSync({
      title: 'Contoso posts first operating profit since its IPO',
      text: '',
    });
    expect(since.eventTypes).not.toContain('ipo');
    expect(since.topics.map((t) => t.slug)).not.toContain('ipo');
    expect(events('Contoso plans IPO next year')).toContain('ipo');
    expect(events('Court issues winding-up order against Contoso')).toContain('bankruptcy');
  });
});

describe('fines and lawsuits', () => {
  it('reads a regulator fining a company as a fine, and lawsuits settled as legal news', () => {
    expect(events('EU fines Contoso 2.4 billion euros')).toContain('lawsuit-fine');
    const settled = analyzer.analyzeSync({
      title: '3M to pay $6 billion to settle earplug lawsuits',
      text: '',
    });
    expect(settled.eventTypes).toContain('lawsuit-fine');
    expect(settled.topics.map((t) => t.slug)).toContain('regulation-policy');
  });
});

describe('failures told without the legal words', () => {
  it.each([
    'Fabrikam goes bust putting 12,000 jobs at risk',
    'Airline Litware enters administration',
    'Administrators appointed at Contoso after rescue talks fail',
    'Regulators seize Northwind Bank',
    'Lender collapses after run on deposits',
    'Property developer misses bond payment',
    'Fabrikam missed an interest payment due on Friday',
  ])('%s is a bankruptcy', (title) => {
    expect(events(title)).toContain('bankruptcy');
  });

  it('reads a failure as bad news', () => {
    const score = (title: string) => analyzer.analyzeSync({ title, text: '' }).sentiment.score;
    expect(score('Fabrikam goes bust putting 12,000 jobs at risk')).toBeLessThan(-0.3);
    expect(score('Airline Litware enters administration')).toBeLessThan(-0.3);
  });
});

describe('guidance changed with words between the verb and the forecast', () => {
  it.each([
    'Contoso cuts Zentra sales outlook',
    'Litware raises 2027 revenue guidance',
    'Fabrikam lowers full-year adjusted profit forecast',
  ])('%s changes guidance', (title) => {
    expect(events(title)).toContain('guidance-change');
  });

  it.each([
    'Fund cuts global growth forecast',
    'Banks cut metals price forecasts',
    'Cartel raises oil demand forecast',
  ])("%s is an economist's or an analyst's forecast, no company's guidance", (title) => {
    expect(events(title)).not.toContain('guidance-change');
  });

  it.each([
    'Contoso warns profit will fall next year',
    'Fabrikam expects lower margins in 2027',
    'Litware forecasts weak first quarter, shares slide',
  ])('%s is a company telling its own prospects: guidance, and Earnings news', (title) => {
    const result = analyzer.analyzeSync({ title, text: '' });
    expect(result.eventTypes).toContain('guidance-change');
    expect(result.topics.map((t) => t.slug)).toContain('earnings');
  });

  it.each(['Analysts expect profit to rise at Contoso', 'Economists see sales slowing this winter'])(
    '%s is no company telling its own prospects',
    (title) => {
      expect(events(title)).not.toContain('guidance-change');
    },
  );

  it.each([
    'Litware adds 19 million subscribers, beating estimates',
    'Contoso profit falls short of forecasts',
    'Fabrikam revenue topping expectations lifts shares',
  ])('%s is a surprise against estimates', (title) => {
    expect(events(title)).toContain('earnings-surprise');
  });
});

describe('trade words in their other senses', () => {
  it.each([
    ['Regulator sanctions broker; SEC sanctions Contoso for misleading clients', 'export-controls'],
    ['Court sanctions lawyers for citing invented cases', 'export-controls'],
    ['Regulator approves electricity tariff increase for households', 'tariffs'],
    ['Mobile operator raises roaming tariffs across Europe', 'tariffs'],
  ])('%s has no %s event', (title, type) => {
    expect(events(title)).not.toContain(type);
  });

  it('keeps sanctions between countries and duties on goods', () => {
    expect(events('Washington sanctions Russian banks over the war')).toContain('export-controls');
    expect(events('Washington threatens new tariffs on Mexican goods')).toContain('tariffs');
  });
});

describe('an auditor leaving', () => {
  it('is no change of leaders, a chief executive leaving is one', () => {
    expect(events('Fabrikam shares crater after auditor resigns')).not.toContain('leadership-change');
    expect(events("Big Four firm resigns as the company's auditor")).not.toContain('leadership-change');
    expect(events('Litware CEO resigns')).toContain('leadership-change');
    expect(events('Fabrikam names former banker chair')).toContain('leadership-change');
  });

  it('reads results far past estimates as a surprise', () => {
    expect(events('Chipmaker results blow past expectations')).toContain('earnings-surprise');
  });
});

describe('a takeover named by its price and its target', () => {
  it('reads "<price> <company> deal" as a takeover, a priced deal with no company as none', () => {
    expect(events('Fabrikam abandons $20 billion Litware deal')).toContain('merger-acquisition');
    expect(events('Contoso closes $69 billion Northwind takeover')).toContain('merger-acquisition');
    expect(events('Fabrikam wins $1 billion supply deal')).not.toContain('merger-acquisition');
    expect(events('Fabrikam signs Litware supply deal')).not.toContain('merger-acquisition');
  });
});

describe('debuts', () => {
  it('reads a product that debuts as a launch, a company that debuts on an exchange as a listing', () => {
    expect(events('Contoso debuts new AI laptops')).toContain('product-launch');
    const listing = events('Litware debuts on Nasdaq, shares jump 25%');
    expect(listing).toContain('ipo');
    expect(listing).not.toContain('product-launch');
    expect(events('Fabrikam debuts in London')).toContain('ipo');
    expect(events('Contoso and Litware debuts tempt companies to skip banks')).not.toContain(
      'product-launch',
    );
  });
});

describe('labour contracts', () => {
  it("reads a union's contract as no business won", () => {
    expect(events('Fabrikam machinists reject contract offer')).not.toContain('partnership-contract');
    expect(events('Union reaches tentative agreement with Litware')).not.toContain('partnership-contract');
    expect(events('Fabrikam wins $2 billion Air Force contract')).toContain('partnership-contract');
  });
});

describe('what is not planned', () => {
  it('reads "no plans for layoffs" as no layoffs, plans for layoffs as layoffs', () => {
    expect(events('Fabrikam says no plans for layoffs')).not.toContain('layoffs');
    expect(events('Fabrikam draws up plans for layoffs')).toContain('layoffs');
  });
});

describe('launches of an undertaking', () => {
  it('reads launching an effort or a crackdown as no product launch', () => {
    expect(events('Regulators launch global effort to end tax evasion')).not.toContain('product-launch');
    expect(events('Police launch crackdown on fraud rings')).not.toContain('product-launch');
  });
});

describe('the bottom line told moving', () => {
  it.each([
    'Fabrikam profit doubles on weak yen',
    "Litware's profit falls 28% on lower gas prices",
    'Contoso profits slump as prices ease',
  ])('%s is results news', (title) => {
    expect(events(title)).toContain('earnings');
  });
});
