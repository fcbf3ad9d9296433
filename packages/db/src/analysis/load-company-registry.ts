import type { CompanyRegistryEntry } from '@wirelens/core/analysis';

import type { DbClient } from '../client.js';

/** Confirmed companies in the shape analyzers match against (ids are database ids as strings). */
export async function loadCompanyRegistry(db: DbClient): Promise<CompanyRegistryEntry[]> {
  const companies = await db.company.findMany({
    where: { status: 'CONFIRMED' },
    select: {
      id: true,
      slug: true,
      name: true,
      domain: true,
      sector: true,
      prominence: true,
      aliases: { select: { alias: true, ambiguous: true } },
      tickers: { select: { symbol: true, exchange: true } },
    },
    orderBy: { id: 'asc' },
  });
  return companies.map((company) => ({
    id: String(company.id),
    slug: company.slug,
    name: company.name,
    aliases: company.aliases.filter((a) => !a.ambiguous && a.alias !== company.name).map((a) => a.alias),
    ambiguousAliases: company.aliases.filter((a) => a.ambiguous).map((a) => a.alias),
    tickers: company.tickers.map((t) => ({
      symbol: t.symbol,
      exchange: t.exchange === '' ? null : t.exchange,
    })),
    domain: company.domain,
    sector: company.sector,
    prominence: company.prominence,
  }));
}
