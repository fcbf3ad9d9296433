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

  it('does not read a rating upgrade "to buy" as a takeover', () => {
    expect(slugs('Goldman Sachs Upgrades Litware to Buy')).not.toContain('mergers-acquisitions');
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
