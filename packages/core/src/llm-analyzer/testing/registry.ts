import type { CompanyRegistryEntry } from '../../analysis/contract.js';

/** A NASDAQ-listed registry company with one other name; its id derives from the symbol (`c-nvda`). */
function listedCompany(slug: string, name: string, alias: string, symbol: string): CompanyRegistryEntry {
  return {
    id: `c-${symbol.toLowerCase()}`,
    slug,
    name,
    aliases: [alias],
    tickers: [{ symbol, exchange: 'NASDAQ' }],
  };
}

/** Registry entries the LLM analyzer tests resolve company names against. */
export const NVIDIA = listedCompany('nvidia', 'Nvidia', 'NVIDIA', 'NVDA');
export const ALPHABET = listedCompany('alphabet', 'Alphabet', 'Google', 'GOOGL');
/** A company whose name is also an ordinary word. */
export const ONSEMI = listedCompany('onsemi', 'onsemi', 'ON Semiconductor', 'ON');
