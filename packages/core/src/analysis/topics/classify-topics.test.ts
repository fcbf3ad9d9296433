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
