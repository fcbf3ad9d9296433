import { describe, expect, it } from 'vitest';

import { tokenize } from '../text/tokenize.js';
import { scoreTokens } from './score-tokens.js';

const score = (text: string) => scoreTokens(tokenize(text)).score;
const POSITIVE = 0.15;
const NEGATIVE = -0.15;

/** The text reads as good news (sign 1) or bad news (sign -1). */
function expectTone(text: string, sign: number): void {
  if (sign > 0) expect(score(text)).toBeGreaterThanOrEqual(POSITIVE);
  else expect(score(text)).toBeLessThanOrEqual(NEGATIVE);
}

describe('metric + direction', () => {
  it('reads a good metric going up as positive and going down as negative', () => {
    expect(score('Quarterly revenue climbed to $4.2 billion from $3.6 billion.')).toBeGreaterThanOrEqual(
      POSITIVE,
    );
    expect(score('Net sales decreased 5% in the period.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Shares of the chipmaker jumped 9% on Tuesday.')).toBeGreaterThanOrEqual(POSITIVE);
  });

  it('reads a bad metric going up as negative and going down as positive', () => {
    expect(score('Raw material costs rose sharply in the third quarter.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('The company reduced its net debt by a third.')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Higher borrowing costs weighed on the lender.')).toBeLessThanOrEqual(NEGATIVE);
  });

  it('knows that a narrowing loss is good and a widening loss is bad', () => {
    expect(score('The operating loss narrowed to $20 million.')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Its net loss widened to $85 million.')).toBeLessThanOrEqual(NEGATIVE);
  });

  it('compares a sum with a sum and a percentage with a percentage', () => {
    expectTone(
      "The brewery's sales reached 15.0 million euros last year, a rise of 20.4 percent from 12.5 million euros.",
      1,
    );
    expectTone('The margin was 12.1 % compared with 9.8 %', 1);
  });

  it('reaches a metric past a possessive, written either way', () => {
    expectTone("The restructuring will significantly decrease the company's indebtedness.", 1);
    expectTone("The restructuring will significantly decrease the Company 's indebtedness .", 1);
  });

  it('reads a trade measure lifted or scrapped as good news', () => {
    expectTone('Beijing lifts export restrictions on gallium', 1);
    expectTone('The import restrictions will be lifted in August', 1);
  });

  it('takes the direction from the numbers when no direction word is given', () => {
    expect(
      score('Operating profit was $12.0 million, compared with $9.5 million a year earlier.'),
    ).toBeGreaterThanOrEqual(POSITIVE);
    expect(
      score('Operating profit was $7.1 million, compared with $9.5 million a year earlier.'),
    ).toBeLessThanOrEqual(NEGATIVE);
    expect(score('EBITDA went from $40 million to $31 million.')).toBeLessThanOrEqual(NEGATIVE);
    expect(
      score('The pre-tax loss totalled $4 million, compared with $9 million in the previous year.'),
    ).toBeGreaterThanOrEqual(POSITIVE);
  });

  it('recognises turnarounds between profit and loss', () => {
    expect(
      score('The group posted a net profit of $5 million compared to a loss of $3 million a year ago.'),
    ).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('The retailer swung to a loss in the second half.')).toBeLessThanOrEqual(NEGATIVE);
  });

  it('keeps "before taxes" inside the metric and ignores quantities without polarity', () => {
    expect(score('Profit before taxes decreased to $14 million.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Earnings before interest and taxes went up to $30 million.')).toBeGreaterThanOrEqual(
      POSITIVE,
    );
    expect(
      Math.abs(score('Following the issue, the number of shares increased to 12 million.')),
    ).toBeLessThan(POSITIVE);
  });

  it('treats what follows "from"/"versus" as the baseline', () => {
    expect(
      score('Operating profit totalled $3 million, up from an operating loss of $2 million.'),
    ).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('The quarterly loss was smaller than a year ago.')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Revenue came in below the analyst estimate.')).toBeLessThanOrEqual(NEGATIVE);
  });

  it('does not bind a direction to a metric in a following cause clause', () => {
    expect(score('The stock slips as worries about debt grow.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Shares hit a three-month high after the refinancing.')).toBeGreaterThanOrEqual(POSITIVE);
  });

  it('weighs costs below profit and sales: cutting costs while profit falls is bad news', () => {
    expect(score('The lender will cut costs as quarterly profit slumps 30%.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Retailer slashes costs as sales tumble.')).toBeLessThanOrEqual(NEGATIVE);
    // On their own, costs still move the score as before.
    expect(score('The airline cut operating costs by 8%.')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('The lender cut costs as quarterly profit rose.')).toBeGreaterThanOrEqual(POSITIVE);
  });

  it('reads a phrase put in quotation marks as it reads it without them', () => {
    expect(score("Profit will be 'slightly ahead' of expectations, the miner said.")).toBeGreaterThanOrEqual(
      POSITIVE,
    );
    expect(score('Revenue came in “well below” estimates.')).toBeLessThanOrEqual(NEGATIVE);
  });

  it('uses the head of a compound noun', () => {
    expect(score('The miner expects lower production costs next year.')).toBeGreaterThan(0);
  });
});

describe('events and evaluations', () => {
  it.each([
    ['Quarterly earnings beat analysts’ estimates.', 1],
    ['The results missed consensus forecasts.', -1],
    ['The company raised its full-year guidance.', 1],
    ['The firm cut its revenue forecast for the year.', -1],
    ['Brokers upgraded the stock to buy.', 1],
    ['The bank was downgraded by two brokers.', -1],
    ['The airline will lay off 1,200 workers.', -1],
    ['The carmaker announced 800 job cuts.', -1],
    ['Shareholders filed a lawsuit against the insurer.', -1],
    ['Regulators fined the exchange for lax controls.', -1],
    ['The toymaker recalled two million strollers.', -1],
    ['Regulators grounded the jets after a cabin panel blew out.', -1],
    // Measured against what was expected: beating a feared fall is good news, missing a hoped rise bad.
    ['Deliveries fell less than analysts had feared.', 1],
    ['Profit rose less than expected.', -1],
    ['The carmaker posted a narrower-than-expected loss.', 1],
    ['The airline posted a wider-than-expected loss.', -1],
    // What is avoided or ruled out does not happen.
    ['The platform avoided a potential EU fine by changing its ad model.', 1],
    ['The chipmaker ruled out layoffs this year.', 1],
    ['A global outage took the payment network offline.', -1],
    ['New export controls will restrict sales of the chips to China.', -1],
    ['The retailer filed for bankruptcy.', -1],
    ['The brewer reported record quarterly sales.', 1],
    ['The lender reported a record loss.', -1],
  ])('%s', expectTone);
});

describe('modifiers', () => {
  it('flips evidence after a negator', () => {
    expect(score('The company did not beat expectations.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('The company no longer expects growth this year.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Margins did not deteriorate.')).toBeGreaterThan(0);
  });

  it('weights the clause after "but" and discounts the "although" clause', () => {
    expect(score('Revenue rose 3%, but profit fell sharply.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Revenue fell 3%, but profit rose sharply.')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Although revenue fell, operating profit rose strongly.')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Profit jumped, however the outlook was cut.')).toBeLessThan(0);
  });

  it('damps hedged statements', () => {
    expect(Math.abs(score('Profit may rise next year.'))).toBeLessThan(
      Math.abs(score('Profit rose last year.')),
    );
    expect(Math.abs(score('Sales are expected to fall.'))).toBeLessThan(Math.abs(score('Sales fell.')));
  });

  it('scales with intensifiers and downtoners', () => {
    expect(score('Sales rose sharply.')).toBeGreaterThan(score('Sales rose.'));
    expect(score('Sales rose slightly.')).toBeLessThan(score('Sales rose.'));
  });
});

describe('jobs created and brisk demand', () => {
  it('reads jobs a company creates as good news, with or without the figure', () => {
    expectTone('The retailer will create 4,000 jobs next year.', 1);
    expectTone('It opens a warehouse in Ohio, creating 300 jobs.', 1);
    expectTone('The plant creates new jobs in the region.', 1);
    expectTone('Demand for the new model was brisk.', 1);
  });

  it('reads resisting a slump as good news and a tentative recovery as a weaker one', () => {
    expectTone('Miner resists commodity slump', 1);
    expect(score('Sales show a tentative recovery')).toBeLessThan(score('Sales show a recovery'));
  });

  it('reads "create" with no quantity after it as no change', () => {
    expect(Math.abs(score('The two firms will create a joint venture in Poland.'))).toBeLessThan(POSITIVE);
    expect(Math.abs(score('The designers created a new logo for the brand.'))).toBeLessThan(POSITIVE);
  });
});

describe('the bottom line, baselines and sources', () => {
  it('lets profit outweigh sales when the two move apart, and counts sales in full alone', () => {
    expect(
      score('Operating profit decreased to EUR 4.1 mn while net sales increased to EUR 52 mn.'),
    ).toBeLessThanOrEqual(NEGATIVE);
    expect(
      score('The net loss narrowed to EUR 2 mn from EUR 6 mn and net sales contracted to EUR 90 mn.'),
    ).toBeGreaterThanOrEqual(POSITIVE);
    expectTone('Net sales increased to EUR 52 mn.', 1);
    expectTone('Net sales and operating profit both increased.', 1);
  });

  it('lets a profit fall outweigh the cost cuts announced with it', () => {
    expect(score('The bank will slash costs as profits plunge 25%.')).toBeLessThanOrEqual(-0.4);
    expectTone('The lender cut costs as quarterly profit rose.', 1);
  });

  it('stops counting what is offset, in the active voice', () => {
    expect(
      score('The insurer impresses as fee-based products offset the annuities slump'),
    ).toBeGreaterThanOrEqual(POSITIVE);
    expectTone('The annuities slump hurts the insurer', -1);
  });

  it('sizes a change by the percentage named with it, a share price on a narrower scale', () => {
    expect(score('Quarterly profit rises 64 pct')).toBeGreaterThan(score('Quarterly profit rises 4 pct'));
    expect(score('Quarterly profit rises 0.5 pct')).toBeLessThan(score('Quarterly profit rises 4 pct'));
    expect(score('Shares up 6% on the news')).toBeGreaterThan(score('Quarterly profit up 6% on the news'));
    // A name moving by a percentage is its share price.
    expect(score('Fabrikam up 2.5% on the news')).toBeGreaterThan(score('it was up 2.5% on the news'));
    expectTone('Sales fell by 0.5 %.', -1);
  });

  it('moves the head of "worries about demand", not what the worries are about', () => {
    expectTone('Worries about demand eased.', 1);
    expectTone('Concerns about the outlook grew.', -1);
    expectTone('Demand for the new model fell.', -1);
  });

  it('reads "went down to" a figure as a fall, and "comes down to" as an idiom', () => {
    expect(
      score(
        'Group net profit went slightly down to USD 8.3 mn (EUR 7.6 mn) in the third quarter of 2011 from USD 8.9 mn (EUR 8.1 mn) in the same quarter of 2010.',
      ),
    ).toBeLessThanOrEqual(NEGATIVE);
    expect(Math.abs(score('In the end it comes down to price and service.'))).toBeLessThan(POSITIVE);
  });

  it('reads "from" followed by words as where something came from, not a starting figure', () => {
    expect(
      Math.abs(
        score('For the year ending September 30, 2009, revenue from these customers was $10.0 million.'),
      ),
    ).toBeLessThan(POSITIVE);
    expectTone('Revenue fell to $8.1 million from $10.0 million.', -1);
    expectTone('Revenue was $12.0 million, up from about $10.0 million.', 1);
  });

  it('reads a record high something fell from or stays below as the baseline', () => {
    expectTone('The stock falls from its record high', -1);
    expect(Math.abs(score('The index steadies below its record high'))).toBeLessThan(POSITIVE);
    expectTone('The index hits a record high', 1);
  });
});

describe('approvals, obstacles and cancellations', () => {
  it.each([
    ['EU regulators clear the $5 billion takeover', 1],
    ['Drugmaker gets nod for its asthma treatment', 1],
    ['Merger talks run into a brick wall', -1],
    ['The chief executive admits a long road ahead', -1],
    ['The ferry operator has cancelled some services.', -1],
    ['The merger runs into opposition', -1],
    ['Oil majors fail to find new reserves', -1],
    ['FDA panel backs the asthma drug', 1],
    ['Shareholders back the merger', 1],
    ['Investors back away from the share offer', -1],
    ["Regulators block Fabrikam's deal for Litware", -1],
    ['EU blocks the Contoso-Litware rail merger', -1],
    // The price between the verb and the deal does not hide the deal.
    ["President blocks Fabrikam's $15 billion bid for Litware", -1],
    ['The takeover was blocked by the competition authority', -1],
    ['Government vetoes sale of chipmaker to foreign buyer', -1],
    ['Acme barred from bidding on Pentagon contracts', -1],
    ['Fabrikam walks away from the Litware deal', -1],
    ["Japan's economy contracts for a second straight quarter", -1],
    ['The new phone sold out within hours', 1],
    ["Fabrikam's turnaround plan fails to impress investors", -1],
    ["Litware's quarterly profit more than triples", 1],
    ["The streaming service's password crackdown pays off", 1],
    ['Fabrikam overtakes Litware as the top phone seller', 1],
    ['Fabrikam ends its hiring freeze', 1],
    ['Fabrikam imposes a hiring freeze', -1],
    ['The government devalued the peso by 54%', -1],
    ["Fabrikam wins dismissal of the regulator's claims", 1],
  ])('%s', expectTone);

  it('reads paying off a loan as settling a debt, not as an effort that paid off', () => {
    expect(Math.abs(score('The credit line will be used to pay off a working capital loan.'))).toBeLessThan(
      POSITIVE,
    );
  });

  it('reads "block" and "bars" as no tone where they stop no deal', () => {
    expect(Math.abs(score('The fund bought a block of shares in the company.'))).toBeLessThan(POSITIVE);
    expect(Math.abs(score('The refiner casts gold bars for central banks.'))).toBeLessThan(POSITIVE);
  });

  it('reads "concern" as "relate to" where it is a verb, and as worry where it is one', () => {
    expect(Math.abs(score('The negotiations concern all staff groups in Finland.'))).toBeLessThan(POSITIVE);
    expectTone('Investors are concerned about the outlook.', -1);
    expectTone('Analysts voiced concern about the company.', -1);
  });

  it('keeps the cancellation of own shares, the season and a slide show neutral', () => {
    expect(Math.abs(score('The board decided on the cancellation of own shares.'))).toBeLessThan(POSITIVE);
    expect(Math.abs(score('The flagship store will open this fall in Manhattan.'))).toBeLessThan(POSITIVE);
    expect(Math.abs(score('See a slide show of the newest products.'))).toBeLessThan(POSITIVE);
    expect(Math.abs(score('The new logo is a nod to the brand’s history.'))).toBeLessThan(POSITIVE);
  });
});

describe('neutral statements', () => {
  it.each([
    'Acme appointed Jane Doe as chief financial officer.',
    'The company operates in 14 countries and employs 3,000 people.',
    'The annual general meeting will be held in Helsinki on 12 April.',
    'The group makes packaging materials for the food industry.',
    'The agreement was signed on Tuesday in Stockholm.',
    'The company was founded in 1998 and is headquartered in Oslo.',
    'The mill produces fine papers and packaging board.',
    // A trading halt announces news to come.
    'Trading in the shares was halted pending news.',
  ])('%s', (text) => {
    expect(Math.abs(score(text))).toBeLessThan(POSITIVE);
  });
});

describe('wire-service results tables', () => {
  it('reads per-share, net and revenue rows from their figures', () => {
    expect(score('Shr 41 cts vs 36 cts')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Shr 1.05 dlrs vs 1.20 dlrs')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Shr 1.16 dlrs vs 68 cts')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Net 8,200,000 vs 7.1 mln')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Revs 1.2 bil vs 980 mln')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('CHICAGO, April 7 - Net 4.1 mln vs 5.9 mln')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Annual div 24 cts vs 20 cts prior')).toBeGreaterThanOrEqual(POSITIVE);
  });

  it('keeps an unchanged dividend and a share count neutral', () => {
    expect(Math.abs(score('Qtly div four cts vs four cts prior'))).toBeLessThan(POSITIVE);
    expect(Math.abs(score('Avg shrs 12.1 mln vs 11.8 mln'))).toBeLessThan(POSITIVE);
  });

  it('reads "loss vs profit" turnarounds and narrowed losses', () => {
    expect(score('Shr profit three cts vs loss 22 cts')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Net loss 2.4 mln vs profit 1.1 mln')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Shr loss 14 cts vs loss 57 cts')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Oper loss 3,100,000 vs loss 900,000')).toBeLessThanOrEqual(NEGATIVE);
  });

  it('does not read "net" inside prose as a results row', () => {
    expect(Math.abs(score('The net effect on customers will be small.'))).toBeLessThan(POSITIVE);
  });
});

describe('changes of a change', () => {
  it('reads a halved or slowing decline as good news and a slowing rise as bad news', () => {
    expect(score('The decline in orders halved in the second quarter.')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('The drop in passenger traffic slowed in May.')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('The increase in sales slowed to 2%.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('The rise in raw material costs accelerated.')).toBeLessThanOrEqual(NEGATIVE);
  });

  it('lets a turnaround decide over a direction on the same figure', () => {
    expect(
      score('The operating loss was $1.2 million, down from a profit of $3.4 million.'),
    ).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Earnings per share were 12 cents, up from a loss of 3 cents.')).toBeGreaterThanOrEqual(
      POSITIVE,
    );
    expect(
      score('It reported a loss per share of 40 cents, against EPS of 25 cents a year earlier.'),
    ).toBeLessThanOrEqual(NEGATIVE);
    expect(score('The miner expects to swing to a net profit in the third quarter.')).toBeGreaterThanOrEqual(
      POSITIVE,
    );
  });

  it('finds the subject past a qualifier and keeps a subordinate clause to itself', () => {
    expect(
      score('Operating profit excluding one-off costs rose to $52 million from $40 million.'),
    ).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('The shares had gained 3% by noon after having lost 9% last week.')).toBeGreaterThanOrEqual(
      POSITIVE,
    );
  });

  it('reads a decimal set apart by a space as one number', () => {
    expect(
      score('Cash and cash equivalents totalled EUR4 .2 m, compared to EUR9 .8 m a year earlier.'),
    ).toBeLessThanOrEqual(NEGATIVE);
  });
});

describe('legal outcomes', () => {
  it('scores convictions and lost cases as bad news, acquittals and won cases as good news', () => {
    expect(score('The former finance chief was found guilty of securities fraud.')).toBeLessThanOrEqual(
      NEGATIVE,
    );
    expect(score('A jury convicted the trading firm of price fixing.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Two former brokers were jailed over the bond scheme.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('The insurer lost its appeal against the ruling.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('The court acquitted the lender of all charges.')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('An appeals court overturned the conviction of the trader.')).toBeGreaterThanOrEqual(
      POSITIVE,
    );
    expect(score("Former trader's conviction overturned on appeal")).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('A judge ruled in favor of the drugmaker.')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('The bank settled the lawsuit for $40 million.')).toBeLessThanOrEqual(NEGATIVE);
  });

  it('reads a legal action thrown out as good news for the defendant, in either word order', () => {
    expect(
      score('A federal judge dismisses the patent lawsuit against the chipmaker'),
    ).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Shareholder lawsuit against Fabrikam dismissed')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Class action against the miner thrown out')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Investors file lawsuit against the insurer')).toBeLessThanOrEqual(NEGATIVE);
    // The noun: the lawsuit is what is thrown out.
    expect(score('Litware wins dismissal of shareholder lawsuit')).toBeGreaterThanOrEqual(POSITIVE);
  });

  it('reads being hit with a penalty as a blow even when it is a record one', () => {
    expect(score('Lender hit with record fine over mis-sold loans')).toBeLessThanOrEqual(-0.5);
    expect(score('Shares hit a record high')).toBeGreaterThanOrEqual(POSITIVE);
  });

  it.each([
    'Regulator finds the lender misled savers over fees',
    'Watchdog says the insurer mis-sold policies to pensioners',
    'Two traders face trial over rate-rigging',
    'Builders ran a cartel for a decade, the commission says',
    'Prosecutors charge the broker with insider trading',
  ])('reads deceiving customers or rigging a market as bad news: %s', (text) => {
    expect(score(text)).toBeLessThanOrEqual(NEGATIVE);
  });

  it('keeps a not-guilty plea neutral', () => {
    expect(Math.abs(score('The chief executive pleaded not guilty on Monday.'))).toBeLessThan(POSITIVE);
  });
});

describe('defying adverse conditions and losing business', () => {
  it('reads bucking or shrugging off adversity as good news, the adversity as its setting', () => {
    expect(score('The broker bucks weak markets to lift assets 3 pct')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Retailer shrugs off the slowdown')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Retailer hit by the slowdown')).toBeLessThanOrEqual(NEGATIVE);
  });

  it('reads money leaving a fund as bad news and money coming in as good news', () => {
    expect(score('Asset manager reports third straight quarter of outflows')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Net inflows at the wealth platform rose 4%')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Redemptions slowed in March')).toBeGreaterThanOrEqual(POSITIVE);
  });

  it('reads a lost contract or client as bad news and a won one as good news', () => {
    expect(score('Caterer loses contract with the city')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('The fund manager lost two clients in March')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Builder wins contract for new bridge')).toBeGreaterThanOrEqual(POSITIVE);
  });
});

describe('analyst views and new business', () => {
  it('reads buy and sell recommendations by their direction', () => {
    expect(score("The broker reiterated its 'buy' recommendation on the stock.")).toBeGreaterThanOrEqual(
      POSITIVE,
    );
    expect(score('The analyst kept a sell recommendation on the shares.')).toBeLessThanOrEqual(NEGATIVE);
  });

  it('reads a signed contract as mildly good news for the one who signs it', () => {
    const signed = score('The company signed a contract with the city to supply traffic software.');
    expect(signed).toBeGreaterThanOrEqual(POSITIVE);
    expect(signed).toBeLessThan(0.35);
  });
});

describe('comparisons across a period phrase and percentage comparatives', () => {
  it('compares the first figure after the metric with the baseline, however long the period phrase', () => {
    expect(
      score(
        'The toolmaker reported revenue of $81.4 million for the second quarter of 2024, compared with $80.9 million a year earlier.',
      ),
    ).toBeGreaterThanOrEqual(POSITIVE);
    expect(
      score(
        'The toolmaker reported revenue of $77.0 million for the second quarter of 2024, compared with $80.9 million a year earlier.',
      ),
    ).toBeLessThanOrEqual(NEGATIVE);
  });

  it('keeps the figure next to the marker when a percentage sits between metric and figure', () => {
    expect(
      score('Operating profit improved by 14 % to $210.5 million from $184.6 million.'),
    ).toBeGreaterThanOrEqual(POSITIVE);
  });

  it('reads "N % more/less than" as a change', () => {
    expect(score('Its net income was $9 million, which was 20 % more than in 2022.')).toBeGreaterThanOrEqual(
      POSITIVE,
    );
    expect(score('Deliveries were 15 % lower than a year earlier.')).toBeLessThanOrEqual(NEGATIVE);
    // Without a percentage, "more than" is just a quantity.
    expect(Math.abs(score('The group has offices in more than 30 countries.'))).toBeLessThan(POSITIVE);
  });

  it('keeps a small change readable', () => {
    expect(score('Passenger numbers were slightly down from last year.')).toBeLessThanOrEqual(NEGATIVE);
  });
});

describe('dismissals and operational quality', () => {
  it('reads hyphenated lay-offs and redundancies as bad news', () => {
    expect(score('The mill will implement temporary lay-offs in the spring.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Up to 40 people will be made redundant at the plant.')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('The employment contracts of 12 workers are to be terminated.')).toBeLessThanOrEqual(
      NEGATIVE,
    );
    // A lay-off that is called off is not a lay-off.
    expect(score('The company will not implement lay-offs this year.')).toBeGreaterThan(NEGATIVE);
  });

  it('reads a signed deal as good news even with words between the verb and the deal', () => {
    expect(score('The software house signed a large three-year licensing deal.')).toBeGreaterThanOrEqual(
      POSITIVE,
    );
    expect(Math.abs(score('The letter was signed by the chairman.'))).toBeLessThan(0.35);
  });

  it('reads efficiency and good results as positive, and their absence as not positive', () => {
    expect(score('The new line makes the packaging process more efficient.')).toBeGreaterThanOrEqual(
      POSITIVE,
    );
    expect(score('Profitability is at a good level.')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('The old boilers were not efficient.')).toBeLessThan(POSITIVE);
  });
});

describe('strength of a headline move and of company news', () => {
  it('reads a violent move as stronger than a plain one, and a hesitant one as weaker', () => {
    expect(score('Profits plunge at the lender')).toBeLessThan(score('Profits fall at the lender'));
    expect(score('Orders soar at the shipyard')).toBeGreaterThan(score('Orders rise at the shipyard'));
    expect(score('Shares edged up in early trade')).toBeGreaterThan(0);
    expect(score('Shares edged up in early trade')).toBeLessThan(score('Shares went up in early trade'));
    // A noun is no move: "a chemical tank farm".
    expect(score('The tanks will be delivered to a tank farm.')).toBe(0);
  });

  it('reads partnerships, reinstated dividends, discoveries and go-aheads as good news', () => {
    expect(score('Contoso teams up with Fabrikam on batteries')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('The miner is set to reinstate its dividend')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Explorer makes new oil find off the coast')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Board gives the go-ahead for the new plant')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score("Two retail stocks I'd buy today")).toBeGreaterThanOrEqual(POSITIVE);
    // Belonging to an alliance is a description, not news.
    expect(score('The airline is a member of a global alliance.')).toBe(0);
  });

  it('reads a company in a bad way, a reproach, new depths and dilution as bad news', () => {
    expect(score('Brewer promises higher payout to revive flagging share price')).toBeLessThan(
      score('Brewer promises higher payout to revive share price'),
    );
    expect(score('Regulator says the bank must do more to fight money laundering')).toBeLessThanOrEqual(
      NEGATIVE,
    );
    expect(score("Reaching new depths: the miner's record loss")).toBeLessThan(
      score("The miner's record loss"),
    );
    expect(score('Insurer launches rights issue')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Government to sell off its remaining shares in the postal operator')).toBeLessThanOrEqual(
      NEGATIVE,
    );
    expect(score('Fund manager impresses as fee income grows')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('Investors cheer the retailer results')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('The index was buoyed by miners')).toBeGreaterThanOrEqual(POSITIVE);
    expect(score('The outlook holds little cheer for small miners')).toBeLessThanOrEqual(NEGATIVE);
    expect(score('Investors panic as markets slide')).toBeLessThan(score('Markets slide'));
    expect(score('The fight to lift profit just got harder')).toBeLessThan(score('The fight to lift profit'));
    // A disclosure threshold is no company flagging: "the flagging limit of 5 %".
    expect(score("The fund's holding has reached the flagging limit of 5 %.")).toBe(0);
  });
});

describe('the price of money, causes and ranges', () => {
  it('reads dearer money as bad news and cheaper money as good news', () => {
    expectTone('The ECB cuts interest rates for the third time this year', 1);
    expectTone('The Federal Reserve on Wednesday cut rates by a quarter point', 1);
    expectTone('Bank of England raises rates to 5.25% to fight inflation', -1);
    expectTone('Mortgage rates fall to their lowest level in two years', 1);
    expectTone('Treasury yields jump as inflation surprises', -1);
    // Without a central bank, rates are a company's prices and usage.
    expectTone('Sales increased due to growing market rates', 1);
    expectTone('Tanker rates slumped in the quarter', -1);
  });

  it('keeps a move inside an "as" clause from reaching back to the main clause', () => {
    expectTone('Contoso raises annual forecast as shoppers trade down', 1);
    expectTone('Fabrikam lifts its outlook as shoppers trade down to cheaper brands', 1);
    // "as" in a phrase is no clause: the move is the metric's.
    expectTone('Operating profit, as expected, fell 5%', -1);
    expectTone('Posted an operating profit of EUR 0.4 mn, as compared to a loss of EUR 0.5 mn', 1);
  });

  it("reads what a verb moves when its subject's change is the cause", () => {
    expectTone('Lower costs lifted profit', 1);
    expectTone('Higher interest rates boosted the bank’s net interest income', 1);
    expectTone('Rising costs cut the group’s operating profit', -1);
    expectTone('Higher sales lifted profit', 1);
    expectTone('Higher costs hurt profit', -1);
  });

  it('reads a move told twice as the moved metric’s', () => {
    // The second word adds to the move in the metric's own direction.
    expect(score('Costs fell to their lowest level in two years')).toBeGreaterThan(score('Costs fell'));
    expect(score('Unemployment fell to its lowest level since 2000')).toBeGreaterThan(
      score('Unemployment fell'),
    );
    expect(score('Sales fell to their lowest level in two years')).toBeLessThan(score('Sales fell'));
    expectTone('Sales rose to their highest level in two years', 1);
  });

  it('reads a bad metric above expectations as bad news', () => {
    expectTone('US inflation accelerates to 4.1%, above forecasts', -1);
    expectTone('Losses were above forecasts', -1);
    expectTone('Unemployment fell to 3.9%, below expectations', 1);
    expectTone('Profit rose 10%, above forecasts', 1);
    expectTone('Sales were below expectations', -1);
  });

  it('reads a cut or a hike beside a central bank as one in its rates, and dents as declines', () => {
    expectTone('The ECB keeps rates unchanged, signals a cut in June', 1);
    expectTone('The Fed signals two hikes next year', -1);
    expectTone('A stronger dollar dented sales at the toolmaker', -1);
    expectTone('The company cut 500 jobs', -1);
  });

  it("reads a stoppage's end as good news, and a liquidation order as bad", () => {
    expectTone('Strike at Fabrikam ends after three weeks', 1);
    expectTone('Machinists end strike, approve contract', 1);
    expectTone('Union calls off strike at the plants', 1);
    expectTone('US lifts ban on chip sales to the country', 1);
    expectTone('Workers strike at the Contoso plant', -1);
    expectTone('Shares end lower as strike drags on', -1);
    expectTone('Unions back a national strike at the end of the month', -1);
    expectTone('Developer ordered to liquidate by Hong Kong court', -1);
    expectTone('Government scraps ban on chip exports', 1);
    expectTone('Grocers call off $25 billion merger', -1);
  });

  it('reads a fine thrown out on appeal as good news, and one upheld as bad', () => {
    expectTone('Contoso wins appeal against EU fine', 1);
    expectTone('EU court overturns Fabrikam antitrust fine', 1);
    expectTone('Appeals court upholds fine against Contoso', -1);
    expectTone('EU fines Contoso 2.4 billion euros', -1);
  });

  it('reads a first profit as a turnaround, and a first profit warning as a warning', () => {
    expectTone('Streaming service turns first annual profit', 1);
    expectTone('Ride-hailing firm posts maiden operating profit', 1);
    expectTone('Ride-hailing firm posts first annual operating profit', 1);
    expectTone('Retailer issues first annual profit warning', -1);
    expectTone('First profit warning in a decade', -1);
  });

  it('reads a range as no change', () => {
    expect(score('The new notes carry interest rates ranging from 3.9 to 5.15 pct.')).toBe(0);
    expect(score('Quarterly operating profit ranged from EUR 5 mln to EUR 7 mln.')).toBe(0);
    expectTone('Sales rose to 12 mln from 10 mln.', 1);
  });
});

describe('stoppages, index membership and results far past estimates', () => {
  it.each([
    ['Carmaker pauses production at its Illinois plant', -1],
    ['Fabrikam goes bust, putting 12,000 jobs at risk', -1],
    ['Retailer enters administration after rescue talks fail', -1],
    ['Litware joins S&P 500', 1],
    ['Contoso to join the FTSE 100 index', 1],
    ['Fabrikam removed from S&P 500', -1],
    ['Fabrikam removed from the S&P 500', -1],
    ['Litware added to the S&P 500', 1],
    ['Fabrikam returns to the FTSE 100', 1],
    ['Litware rejoins the S&P 500', 1],
    ['Chipmaker results blow past expectations', 1],
    ['Litware crushes estimates as cloud sales soar', 1],
  ])('%s reads with sign %d', (text, sign) => {
    expectTone(text, sign);
  });

  it('does not read striking a peace deal as a strike', () => {
    expect(score('Rival factions strike a peace deal')).toBeGreaterThan(0);
  });

  it.each([
    'Contoso and Fabrikam strike vaccine supply deal',
    'Tailspin strikes deal with Northwind for 40 jets',
    'Litware strikes $2 billion licensing agreement with Proseware',
  ])('reads a deal struck as a deal, not a stoppage: %s', (text) => {
    expect(score(text)).toBeGreaterThan(0);
  });

  it.each([
    // A stoppage near a deal stays a stoppage; a deal with an enforcer is a settlement.
    'Workers strike over pay deal',
    'Nurses strike, reject deal',
    'Pilots strike after talks on new deal collapse',
    'Woodgrove strikes deal with SEC over dark pools',
  ])('reads %s as bad news', (text) => {
    expectTone(text, -1);
  });

  it('does not read a return to an index level as joining the index', () => {
    expect(Math.abs(score('Shares return to the index level'))).toBeLessThan(POSITIVE);
  });

  it('does not read a central bank pausing its hikes as a stoppage', () => {
    expect(score('Central bank pauses to assess the economy')).toBeGreaterThan(NEGATIVE);
  });
});

describe('a level reached is as good or bad as the metric that reached it', () => {
  it.each([
    ['Shares hit a record high', 1],
    ['Sales hit record in the holiday quarter', 1],
    ['Costs hit record high', -1],
    ['Office vacancies hit record in the city', -1],
    ['Unemployment hits record', -1],
    ['Inflation hits 40-year high', -1],
    ['Delinquencies rise to record', -1],
    ['Unemployment falls to record low', 1],
    // A low that something hits is the level, not a record of its own.
    ['The peso hits record low against the dollar', -1],
    ['Bank shares hit a record low', -1],
    ['The stock hits new lows', -1],
    ['Jobless claims hit record low', 1],
    // An amount hit is a level reached; what is struck by a blow is not.
    ['Contoso becomes the first company to hit $4 trillion in market value', 1],
    ['Streaming subscribers hit 300 million', 1],
    ['Losses hit $2 billion', -1],
    ['Tariffs hit $300 billion of imported goods', -1],
    // Passing an amount is reaching it: "tops", "exceeds" and "surpasses" before a sum.
    ['Cleanup costs for the spill exceed $40 billion', -1],
    ["Fabrikam's emissions bill tops $30 billion", -1],
    ['Litware losses surpass $1 billion', -1],
    ['Quarterly revenue tops $10 billion for the first time', 1],
    ['Contoso tops estimates', 1],
  ])('%s reads with sign %d', (text, sign) => {
    expectTone(text, sign);
  });

  it('gives job vacancies no tone of their own', () => {
    expect(
      Math.abs(score('The president named four ministers to fill vacancies created by resignations.')),
    ).toBeLessThan(POSITIVE);
  });
});

describe('a setback recovered from', () => {
  it.each([
    ['Contoso stock rebounds after brutal selloff', 1],
    ['Stocks recover after early slump', 1],
    ['Stocks fall after rebound', -1],
  ])('%s reads with sign %d', (text, sign) => {
    expectTone(text, sign);
  });
});

describe('trial results', () => {
  it.each([
    ['Drug meets main goal in lung cancer study', 1],
    ['Vaccine met its primary endpoint in late-stage trial', 1],
    ['Alzheimer drug misses primary endpoint', -1],
    ['Drug fails to meet main goal of late-stage study', -1],
  ])('%s reads with sign %d', (text, sign) => {
    expectTone(text, sign);
  });
});

describe('a fine thrown out with its amount named', () => {
  it('reads winning an appeal against a fine of a named amount as good news', () => {
    expectTone('Fabrikam wins appeal against $2.6 billion EU fine', 1);
    expectTone('Fabrikam loses appeal against $2.6 billion EU fine', -1);
  });
});

describe('a broker moving a rating', () => {
  it.each([
    ['Northgate ups Fabrikam to Buy', 1],
    ['Northgate lifts Fabrikam to Outperform from Neutral', 1],
    ['Northgate moves Fabrikam to Buy from Hold', 1],
    ['Northgate moves Fabrikam to Neutral from Buy', -1],
    ['Northgate cuts Fabrikam to Sell', -1],
    ['Northgate cuts Fabrikam to Hold', -1],
    ['Northgate raises Fabrikam to Hold', 1],
  ])('%s reads with sign %d', (text, sign) => {
    expectTone(text, sign);
  });

  it('leaves a move whose direction the words do not tell without tone', () => {
    expect(Math.abs(score('Northgate moves Fabrikam to Hold'))).toBeLessThan(POSITIVE);
  });
});

describe('an investor buying into a company', () => {
  it.each([
    'Woodgrove buys stake in Contoso',
    'Woodgrove takes $2.5 billion stake in Tailspin',
    'Woodgrove discloses $4 billion stake in Litware',
    'Fabrikam raised its stake in Proseware to 30.6% of the shares',
    'Investment firm ups Northwind stake to 11 pct',
  ])('reads %s as good news', (text) => {
    expectTone(text, 1);
  });

  it('does not read the idioms of stakes as a purchase', () => {
    expect(Math.abs(score('Contoso raises the stakes in the streaming war'))).toBeLessThan(0.35);
    expect(score('Contoso raises the stakes in the streaming war')).toBeLessThan(
      score('Contoso raises its stake in Litware'),
    );
  });
});

describe('headline idioms of trouble and of doing well', () => {
  it.each([
    ['Contoso shares hammered after results', -1],
    ['Fabrikam mired in debt', -1],
    ['Chipmaker reels from export curbs', -1],
    ['Litware sounds the alarm on bad debts', -1],
    ['Tailspin in hot water over safety lapses', -1],
    ['Investors flee the lender', -1],
    ['Contoso thrives despite the downturn', 1],
    ['Fabrikam to close 1,200 stores in turnaround', -1],
    ["Litware's cancer vaccine shows promise in trial", 1],
    ["Contoso's best-selling drug faces patent cliff", -1],
    ['Fabrikam chief executive shot dead in New York', -1],
    ['Contoso posts record profit as interest income swells', 1],
  ])('%s reads with sign %d', (text, sign) => {
    expectTone(text, sign);
  });
});

describe('a pace against what was expected, and what shakes investors', () => {
  it.each([
    ["Contoso's assistant adoption slower than expected", -1],
    ['Inflation slower than expected in May', 1],
    ['Sales grew faster than expected', 1],
    ['Costs rose faster than expected', -1],
    ["Litware's AI spending spooks investors", -1],
    ['Fabrikam blamed for global IT meltdown', -1],
    ["Contoso becomes world's most valuable company", 1],
    ['Core inflation hotter than expected', -1],
    ['Inflation cooler than expected in June', 1],
    ['Governor signals rate cuts could begin in September', 1],
    ['Markets brace for more rate hikes', -1],
    ["Fabrikam's home economy shrinks for a second quarter", -1],
    ['Housing starts plunge as mortgage rates bite', -1],
  ])('%s reads with sign %d', (text, sign) => {
    expectTone(text, sign);
  });

  it('gives a marketing "most valuable customers" no tone', () => {
    expect(Math.abs(score('Reach your most valuable customers with ads'))).toBeLessThan(POSITIVE);
  });
});
