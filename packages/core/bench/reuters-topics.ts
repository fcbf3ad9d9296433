/**
 * How Reuters-21578 TOPICS codes are read as Wirelens topic slugs.
 *
 * Each slug owns a set of codes. A reported code's recall is the share of its
 * documents given the slug; the slug's precision is the share of documents
 * given the slug that carry any code the slug owns (a story coded `nat-gas`
 * given Energy is right, even though only `crude` gets a printed line).
 * Codes a slug does not own are never counted right for it.
 */
import type { TaxonomyTopicSlug } from '../src/topics/taxonomy.js';

export interface ReutersMapping {
  slug: TaxonomyTopicSlug;
  codes: readonly string[];
}

/** Reported codes, in print order, with the slug each one is measured against. */
export const REPORTED_CODES: readonly (readonly [code: string, slug: TaxonomyTopicSlug])[] = [
  ['earn', 'earnings'],
  ['acq', 'mergers-acquisitions'],
  ['crude', 'energy'],
  ['money-fx', 'monetary-policy'],
  ['interest', 'monetary-policy'],
  ['trade', 'geopolitics-trade'],
  ['grain', 'commodities'],
];

export const REUTERS_MAPPINGS: readonly ReutersMapping[] = [
  { slug: 'earnings', codes: ['earn'] },
  { slug: 'mergers-acquisitions', codes: ['acq'] },
  {
    slug: 'energy',
    codes: ['crude', 'nat-gas', 'gas', 'fuel', 'heat', 'propane', 'jet', 'naphtha', 'pet-chem'],
  },
  // Money markets, currencies and central-bank rates: what central banks steer.
  {
    slug: 'monetary-policy',
    codes: [
      'money-fx',
      'interest',
      'money-supply',
      'reserves',
      'dlr',
      'yen',
      'dmk',
      'stg',
      'dfl',
      'saudriyal',
    ],
  },
  // Trade figures are trade to Wirelens (a trade surplus or deficit gets Geopolitics & Trade, as the
  // topic tests show), and Reuters codes a national trade-balance release `bop` as often as `trade`
  // (the same wording gets either), so a balance-of-payments story given the topic counts as right.
  { slug: 'geopolitics-trade', codes: ['trade', 'bop'] },
  {
    slug: 'commodities',
    codes: [
      // grains and oilseeds
      'grain',
      'wheat',
      'corn',
      'barley',
      'oat',
      'rye',
      'rice',
      'sorghum',
      'oilseed',
      'soybean',
      'rapeseed',
      'sunseed',
      'linseed',
      'groundnut',
      'copra-cake',
      'cornglutenfeed',
      'meal-feed',
      'soy-meal',
      'rape-meal',
      'fishmeal',
      'citruspulp',
      'tapioca',
      'potato',
      'red-bean',
      // edible oils
      'veg-oil',
      'palm-oil',
      'palmkernel',
      'soy-oil',
      'sun-oil',
      'rape-oil',
      'corn-oil',
      'lin-oil',
      'coconut-oil',
      'groundnut-oil',
      'cotton-oil',
      // softs, livestock, forest products
      'sugar',
      'coffee',
      'cocoa',
      'tea',
      'cotton',
      'rubber',
      'orange',
      'wool',
      'livestock',
      'carcass',
      'hog',
      'l-cattle',
      'lumber',
      'plywood',
      // metals
      'gold',
      'silver',
      'platinum',
      'palladium',
      'copper',
      'alum',
      'zinc',
      'tin',
      'lead',
      'nickel',
      'iron-steel',
      'strategic-metal',
    ],
  },
  {
    slug: 'macro-economy',
    codes: ['gnp', 'cpi', 'wpi', 'jobs', 'ipi', 'lei', 'retail', 'housing', 'income', 'bop', 'instal-debt'],
  },
];

export function codesOf(slug: TaxonomyTopicSlug): ReadonlySet<string> {
  return new Set(REUTERS_MAPPINGS.find((m) => m.slug === slug)?.codes ?? []);
}
