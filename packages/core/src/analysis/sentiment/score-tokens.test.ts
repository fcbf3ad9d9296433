import { describe, expect, it } from 'vitest';

import { tokenize } from '../text/tokenize.js';
import { scoreTokens } from './score-tokens.js';

const score = (text: string) => scoreTokens(tokenize(text)).score;
const POSITIVE = 0.15;
const NEGATIVE = -0.15;

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
    ['A global outage took the payment network offline.', -1],
    ['New export controls will restrict sales of the chips to China.', -1],
    ['The retailer filed for bankruptcy.', -1],
    ['The brewer reported record quarterly sales.', 1],
    ['The lender reported a record loss.', -1],
  ])('%s', (text, sign) => {
    const value = score(text);
    if (sign > 0) expect(value).toBeGreaterThanOrEqual(POSITIVE);
    else expect(value).toBeLessThanOrEqual(NEGATIVE);
  });
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

describe('neutral statements', () => {
  it.each([
    'The company signed a contract with the city to supply traffic software.',
    'Acme appointed Jane Doe as chief financial officer.',
    'The company operates in 14 countries and employs 3,000 people.',
    'The annual general meeting will be held in Helsinki on 12 April.',
    'The group makes packaging materials for the food industry.',
    'The agreement was signed on Tuesday in Stockholm.',
    'The company was founded in 1998 and is headquartered in Oslo.',
    'The mill produces fine papers and packaging board.',
  ])('%s', (text) => {
    expect(Math.abs(score(text))).toBeLessThan(POSITIVE);
  });
});
