import type { CompanyRegistryEntry } from '../../analysis/contract.js';

/** Registry entries the LLM analyzer tests resolve company names against. */
export const NVIDIA: CompanyRegistryEntry = {
  id: 'c-nvda',
  slug: 'nvidia',
  name: 'Nvidia',
  aliases: ['NVIDIA'],
  tickers: [{ symbol: 'NVDA', exchange: 'NASDAQ' }],
};

export const ALPHABET: CompanyRegistryEntry = {
  id: 'c-googl',
  slug: 'alphabet',
  name: 'Alphabet',
  aliases: ['Google'],
  tickers: [{ symbol: 'GOOGL', exchange: 'NASDAQ' }],
};

/** A company whose name is also an ordinary word. */
export const ONSEMI: CompanyRegistryEntry = {
  id: 'c-on',
  slug: 'onsemi',
  name: 'onsemi',
  aliases: ['ON Semiconductor'],
  tickers: [{ symbol: 'ON', exchange: 'NASDAQ' }],
};
