/**
 * The fixed topic taxonomy (PRODUCT.md). Slugs are stable identifiers used by
 * the analyzers, the database seed and the API; editors may add more topics at
 * run time, but these are always present.
 */
export interface TaxonomyTopic {
  slug: string;
  name: string;
  description: string;
}

export const TOPIC_TAXONOMY = [
  {
    slug: 'ai',
    name: 'AI',
    description: 'Artificial intelligence: models, labs, chips for AI, AI products and their use.',
  },
  {
    slug: 'crypto-blockchain',
    name: 'Crypto & Blockchain',
    description: 'Cryptocurrencies, exchanges, tokens, stablecoins and blockchain infrastructure.',
  },
  {
    slug: 'earnings',
    name: 'Earnings',
    description: 'Quarterly and annual results, guidance, revenue and profit figures.',
  },
  { slug: 'ipo', name: 'IPO', description: 'Initial public offerings, direct listings and SPAC mergers.' },
  {
    slug: 'mergers-acquisitions',
    name: 'Mergers & Acquisitions',
    description: 'Takeovers, mergers, divestitures, stake purchases and bids.',
  },
  {
    slug: 'regulation-policy',
    name: 'Regulation & Policy',
    description: 'Laws, regulators, antitrust, fines, lawsuits and government policy affecting companies.',
  },
  {
    slug: 'geopolitics-trade',
    name: 'Geopolitics & Trade',
    description: 'Tariffs, sanctions, export controls, trade deals and international conflict.',
  },
  {
    slug: 'macro-economy',
    name: 'Macro Economy',
    description: 'Growth, inflation, jobs, consumer spending and other economy-wide indicators.',
  },
  {
    slug: 'monetary-policy',
    name: 'Monetary Policy',
    description: 'Central banks, interest rates, quantitative easing and tightening.',
  },
  {
    slug: 'energy',
    name: 'Energy',
    description: 'Oil, gas, power, renewables, utilities and energy prices.',
  },
  {
    slug: 'commodities',
    name: 'Commodities',
    description:
      'Grains, oilseeds, edible oils, softs, livestock and metals: harvests, supply and commodity markets.',
  },
  {
    slug: 'technology',
    name: 'Technology',
    description: 'Software, hardware, semiconductors, internet platforms and telecoms.',
  },
  {
    slug: 'finance',
    name: 'Finance',
    description: 'Banks, asset managers, insurers, markets and financial services.',
  },
  {
    slug: 'life-sciences',
    name: 'Life Sciences',
    description: 'Pharmaceuticals, biotech, medical devices, drug approvals and trials.',
  },
  {
    slug: 'manufacturing',
    name: 'Manufacturing',
    description: 'Industrial production, autos, aerospace, supply chains and factories.',
  },
  {
    slug: 'real-estate',
    name: 'Real Estate',
    description: 'Property markets, REITs, housing, construction and commercial real estate.',
  },
  { slug: 'retail', name: 'Retail', description: 'Retailers, e-commerce, consumer brands and shopping.' },
  {
    slug: 'security-privacy',
    name: 'Security & Privacy',
    description: 'Cyberattacks, data breaches, outages, privacy rules and surveillance.',
  },
] as const satisfies readonly TaxonomyTopic[];

export type TaxonomyTopicSlug = (typeof TOPIC_TAXONOMY)[number]['slug'];
